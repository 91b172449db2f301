#pragma once
// The promotional check's word lists, French and English (docs/checks.md lists them).
// Every entry is matched on normalised text by one PhraseMatcher, so case, accents,
// no-break spaces and hashtags ("#LinkInBio") do not matter.
#include <cstdint>
#include <span>

namespace ownvoice::checks::promo {

enum class Kind : uint8_t {
  CallToAction,
  Urgency,
  LinkInBio,
  Discount,
  PromoCode,
  Superlative,
  Exception,  // a harmless phrase that cancels any signal inside it ("best regards", "buy-in")
  Hiring,     // marks a hiring post: calls to action and links there are about a job
  Charity,    // marks a charity or sports sign-up near a call to action
  Job,        // a job word near "sign up" / "register" / "apply"
  News,       // market or price news near a price ("the stock fell to $12")
  // Features of the promotional model (promotional_features.cpp) that are not signals alone:
  Offer,        // an offer or sale word ("for sale", "à vendre", "offre", "deal") counted near a price
  Referral,     // referral and affiliate wording ("referral code", "code parrainage", "use my link")
  Booking,      // registration and booking wording ("save your seat", "register here", "réservez votre place")
  Event,        // a webinar, demo, workshop, masterclass, atelier...
  Selling,      // someone sells or opens something ("I'm selling", "je vends", "grand opening", "pay what you want")
  Free,         // "free", "gratuit", "offert" (a free first session leads to a paid one)
  Contact,      // how to buy: "DM me", "en MP", "link in the comments", "tarifs sur demande", "pickup"
  Capacity,     // limited places or availability: "two slots", "il reste 3 places", "max 6 people", "available from"
  Complaint,    // a complaint ("charged me", "refund", "arnaque", "service client"): quoted prices are not offers
  Giveaway,     // something given away between people ("à donner", "free to a good home"): nothing is sold
  ContactVerb,  // "call", "ring", "appelez"...: the post may name whom to call ("Call Dave"), see promotional.cpp
  PayWord,      // "pay", "paid", "earn", "payés"...: an amount after one with a time unit is a wage
  Service,      // a trade or service someone does for customers ("plombier", "dépannage", "dog wash", "tuition")
  // promo4: what a product listing says next to its price, with no verb: a unit or quantity ("a dozen", "le
  // pot", "per kilo"), sizes ("sizes S-XL", "taille"), haggling ("ono", "à débattre"), "DM" / "MP".
  Listing,
  // promo4: an affiliate link or commission spelt out ("affiliate link", "lien affilié", "I earn a small
  // commission", "je touche une commission", "at no extra cost to you"): the author earns on a sale.
  Affiliate,
  // promo4: the same wording when it needs a link, a code or a link in bio to be one ("commission").
  AffiliateWeak,
  // promo4: a giveaway verb that counts only when it opens a sentence ("Donne poussette ..."; not "ça donne envie").
  GiveawayOpening,
  // promo5: a price reported as having changed or remembered ("went up to $6", "est passé à 5 fr. 20", "je me
  // souviens quand c'était 3 balles"): an amount near one is no price offered.
  PriceChange,
  // promo5: a shop named to compare what it charges ("Lidl €2.99, Carrefour €3.49").
  Retailer,
};

// Calls to action that also invite people to events, charity runs and jobs: they do
// not count when a charity or job word is close by.
inline constexpr uint8_t kSignup = 1;
// An offer word that is also a listing word next to a price ("each", "obo", "à débattre", "le lot"): promo4.
inline constexpr uint8_t kListing = 2;
// A feature word that also gives a reason with its span (promo5: "honesty box", "caisse de confiance").
inline constexpr uint8_t kReason = 4;

struct Entry {
  const char* phrase;
  Kind kind;
  double weight;
  uint8_t flags = 0;
};

std::span<const Entry> entries();

// Verbs that open an imperative sentence ("Grab yours", "Venez", "Réservez"), normalised.
std::span<const char* const> imperatives();
// Second-person words (you, your, vous, votre, tu, ton...), normalised.
std::span<const char* const> second_person();

}  // namespace ownvoice::checks::promo
