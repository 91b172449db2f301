// The promotional check (see promotional.hpp and docs/checks.md).
//
// Signals come from one PhraseMatcher over the lexicon (promotional_lexicon.cpp), the
// policy's company and brands, and RE2 patterns for what a word list cannot hold:
// amounts with a currency, percentages off, promo codes, flexible calls to action
// ("try LumiDesk free") and links to shops or with tracking parameters.
//
// Context, not single words, keeps the hard negatives out:
//   - a harmless phrase ("buy-in", "best regards", "promotion interne") cancels the
//     signals inside it;
//   - in a hiring post, calls to action, links and superlatives are about the job;
//   - "sign up" / "inscrivez-vous" near a charity, sports or job word is not selling;
//   - an amount near market or price news ("the stock fell to $12") is not a price.
//
// Decision: the signals (after these rules) and a few more measures of the post become
// the named features of promotional_features.hpp; a logistic regression trained by
// scripts/train_promotional.py on the corpus's train split weighs them
// (promotional_model.inc). The features that contributed most are the explanation.
#include "checks/promotional.hpp"

#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <iterator>
#include <unordered_set>
#include <array>
#include <map>
#include <optional>
#include <set>
#include <stdexcept>

#include "checks/disclaimer_grammar.hpp"
#include "checks/lexicons.hpp"
#include "checks/promotional_lexicon.hpp"
#include "checks/urls.hpp"
#include "text/phrase_matcher.hpp"

namespace ownvoice::checks {
namespace {

using promo::Kind;

constexpr double kCompanyWeight = 0.15;    // employees name their employer all the time
constexpr double kProductWeight = 0.25;    // a product name says more
constexpr size_t kNewsWindow = 8;          // words either side of an amount
constexpr size_t kWageBytes = 24;          // bytes either side of an amount in a job ad that may say it is pay
constexpr size_t kSignupWindowAfter = 10;  // words after "sign up" that may name a charity or job
constexpr size_t kSignupWindowBefore = 4;
constexpr size_t kMaxReasonsPerKind = 20;
constexpr size_t kRetailerWindow = 4;  // promo5: words after a shop's name where its price is quoted
// promo5: a change told or remembered says what an amount costs when it is this close ("went up to $6", "est passé
// à 5 fr. 20", "$3 years ago"); "went up to $6 but our jam is still $5 a jar" offers the second.
constexpr size_t kChangeBefore = 7;
constexpr size_t kChangeAfter = 4;
constexpr size_t kExplained = 3;  // features named to the employee

const char* kind_name(Kind k) {
  switch (k) {
    case Kind::CallToAction: return "call_to_action";
    case Kind::Urgency: return "urgency";
    case Kind::LinkInBio: return "link_in_bio";
    case Kind::Discount: return "discount";
    case Kind::PromoCode: return "promo_code";
    case Kind::Superlative: return "superlative";
    case Kind::Referral: return "referral";
    case Kind::Booking: return "booking";
    case Kind::Selling: return "selling";
    default: return "other";
  }
}

// The company and its brands, as matched (the company first, when set): a product name
// weighs more than the company's name.
std::vector<std::string> brand_names(const policy::Policy& policy) {
  std::vector<std::string> names;
  if (!policy.company.empty()) names.push_back(policy.company);
  for (const auto& b : policy.brands)
    if (b != policy.company) names.push_back(b);
  return names;
}

// The weight of brand_names(policy)[index], without building the list again for each
// post that names a brand.
double brand_weight(const policy::Policy& policy, uint32_t index) {
  return index == 0 && !policy.company.empty() ? kCompanyWeight : kProductWeight;
}

void add_lexicon_entries(Lexicons& lexicons) {
  const auto entries = promo::entries();
  for (uint32_t i = 0; i < entries.size(); ++i) lexicons.add(Lexicon::Promotional, entries[i].phrase, i);
}

// Without the engine's shared automaton (unit tests, the corpus tools): the lexicon's own
// automaton, built once, and the policy's names through the cache of short lists.
LexiconHits scan_alone(const text::NormalizedText& norm, const policy::Policy& policy) {
  static const Lexicons lexicon = [] {
    Lexicons l;
    add_lexicon_entries(l);
    l.build();
    return l;
  }();
  LexiconHits hits = lexicon.scan(norm);
  const auto brands = brand_names(policy);
  if (!brands.empty())
    hits.by_lexicon[static_cast<size_t>(Lexicon::Brands)] = text::cached_matcher(brands).matches(norm);
  return hits;
}

// A signal before context rules: byte span in the normalised text (or, for `raw`
// signals, in the original), with its kind name and weight.
struct Hit {
  std::string signal;
  size_t begin;
  size_t end;
  double weight;
  bool on_original = false;  // span is in original bytes (promo codes, links)
  uint8_t flags = 0;
};

// Word index of each normalised byte, for "within N words" context windows.
struct Words {
  std::vector<size_t> starts;  // byte offset where each word starts
  explicit Words(const std::vector<Token>& tokens) {
    // Sized once and written by index: one push_back per word was a call per word (the
    // compiler stopped inlining it once more vectors of size_t were filled in this file).
    starts.resize(tokens.size());
    size_t n = 0;
    for (const auto& t : tokens) {
      if (t.kind == TokenKind::Word)
        starts[n++] = t.begin;
      else if (t.kind == TokenKind::Hashtag)
        starts[n++] = t.begin + 1;
    }
    starts.resize(n);
  }
  // Index of the word containing or following byte b.
  [[nodiscard]] size_t index_at(size_t b) const {
    auto it = std::upper_bound(starts.begin(), starts.end(), b);
    return it == starts.begin() ? 0 : static_cast<size_t>(it - starts.begin() - 1);
  }
};

struct Context {
  std::vector<std::pair<size_t, size_t>> exceptions;  // normalised byte spans
  std::vector<size_t> exception_max_end;              // running maximum of exception ends
  std::vector<size_t> charity_words;                  // word indices
  std::vector<size_t> job_words;
  std::vector<size_t> news_words;
  std::vector<size_t> everyday_news_words;
  std::vector<size_t> offer_words;      // model features, not signals
  std::vector<size_t> complaint_words;  // a complaint near a quoted price weighs against an offer
  std::vector<size_t> free_at;          // normalised byte offsets of "free" words (scare quotes)
  size_t events = 0;
  size_t free_words = 0;
  size_t complaints = 0;
  size_t contacts = 0;
  size_t capacity = 0;
  size_t giveaways = 0;
  bool hiring = false;
  bool contact_verb = false;        // "call", "ring", "appelez"... as a word
  size_t pay_words = 0;             // "pay", "paid", "earn", "payés"...: an amount after one may be a wage
  size_t services = 0;              // trades and services that open a sentence ("Plombier chauffagiste, ...")
  std::vector<size_t> quote_words;  // "devis": a quote received, or offered when the post gives a way to reach
  std::vector<std::pair<size_t, size_t>> listing_cues;         // promo4: "a dozen", "le pot", "sizes", "ono", "DM"...
  std::vector<size_t> price_changes;                           // promo5: "went up", "est passé à", "je me souviens"
  std::vector<std::pair<size_t, std::string_view>> retailers;  // promo5: word index and name ("lidl", "carrefour")

  // Sorts what the scan collected so that each lookup is a binary search: a post may be
  // megabytes long and hold thousands of hits.
  void finalize() {
    std::sort(exceptions.begin(), exceptions.end());
    exception_max_end.clear();
    size_t max_end = 0;
    for (const auto& x : exceptions) {
      max_end = std::max(max_end, x.second);
      exception_max_end.push_back(max_end);
    }
    for (auto* v : {&charity_words, &job_words, &news_words, &everyday_news_words, &offer_words, &complaint_words,
                    &price_changes})
      std::sort(v->begin(), v->end());
    std::sort(listing_cues.begin(), listing_cues.end());
  }
  [[nodiscard]] bool inside_exception(size_t b, size_t e) const {
    // Exceptions starting before e; one of them reaching past b overlaps the hit.
    auto it = std::lower_bound(exceptions.begin(), exceptions.end(), std::pair<size_t, size_t>{e, 0});
    if (it == exceptions.begin()) return false;
    const auto idx = static_cast<size_t>(it - exceptions.begin()) - 1;
    return exception_max_end[idx] > b;
  }
  static bool near(const std::vector<size_t>& words, size_t from, size_t to) {
    auto it = std::lower_bound(words.begin(), words.end(), from);
    return it != words.end() && *it <= to;
  }
};

size_t sub_or_zero(size_t a, size_t b) { return a > b ? a - b : 0; }

bool is_everyday_news_word(std::string_view phrase) {
  static constexpr std::array<std::string_view, 10> kEveryday = {"market", "markets", "marché",  "marchés", "drop*",
                                                                 "fine",   "action",  "actions", "cours",   "rent"};
  return std::find(kEveryday.begin(), kEveryday.end(), phrase) != kEveryday.end();
}

// Amounts with a currency, on normalised text (lower case; € $ £ kept; "49.-" is Swiss).
const RE2& price_pattern() {
  static const RE2 re(
      R"((?:(?:chf|eur|usd|gbp|fr\.|€|\$|£|₹|¥|₦|₱)\s?\d[\d',. ]*\d(?:\.-)?|(?:chf|eur|usd|gbp|€|\$|£|₹|¥|₦|₱)\s?\d)"
      R"(|\d[\d',.]*\s?k?(?:chf|eur|usd|gbp|cad|aud|euros?|francs?|dollars?|fcfa|cfa|balles|dirhams?|dhs?|rupees?|)"
      R"(rands?|naira|pesos?|€|\$|£|₹|¥|₦|₱)|\b\d+\.-)"
      // Currencies written as a code or abbreviation before or after the amount, as people
      // write them where the euro and the dollar are not the local money ("Rs 2500",
      // "KSh 20", "2 000 MAD", "GHS 150"): whole words only, so "rs" is never inside a word; codes that
      // are also words or versions before a number ("try 2", "PHP 8", "mad 3") only after it.
      R"(|\b(?:rs\.?|inr|pkr|lkr|npr|bdt|ksh|kes|ugx|tzs|ghs|ngn|zar|dzd|tnd|xof|xaf|egp|aed|qar|)"
      R"(idr|myr|sgd|hkd|nzd|jpy|cny|rmb|krw|brl|mxn|clp|sek|nok|dkk|pln|czk|huf|jmd|ttd|bbd|xcd)\s?\d(?:[\d,.]*\d)?)"
      R"(|\d[\d',.]*\s?k?(?:inr|pkr|ksh|kes|ugx|tzs|ghs|ngn|zar|mad|dzd|tnd|xof|xaf|egp|aed|sar|qar|php|idr|)"
      R"(myr|sgd|hkd|nzd|sek|nok|dkk|pln|czk|huf|ron|ils|zl|kc|lei|shillings?|cedis?|dinars?|riyals?|ringgit|rupiahs?)\b)"
      // promo2: local abbreviations and slang, after the amount only ("2500 DA", "250 kr", "12k Rp",
      // "500 goud", "6 quid", "20 bucks"), codes before it ("CAD 650", "Rp 12.000", "kr 250"), and the
      // rand glued to its amount ("R650", "R1,500": three digits or thousands, so "R2" or "R&D" are not).
      R"(|\d[\d',.]*\s?k?\s?(?:da|kr|rp|goud|gourdes?|htg|quid|bucks|rand|cad|aud)\b)"
      R"(|\b(?:cad|aud|rp|kr\.?|htg)\s?\d)"
      R"(|\br\d{1,3}(?:,\d{3})+|\br\d{3,}\b)"
      // promo5: the Swiss franc after its amount ("6 fr. la douzaine", "5 fr. 20", "12 frs"), and the rand glued to
      // two digits ("R85 a jar"; "R2", "R&D" still are not).
      R"(|\b\d[\d',.]*\s?(?:fr\.(?:\s?\d{2}\b)?|frs\b\.?)|\br\d{2}\b)"
      // promo6: the franc CFA written "F" ("4500 F CFA", "15 000 F": a space thousands separator or four digits,
      // so "72 F" is a temperature) and the cedi sign ("GH₵ 60", "GH₵110", "₵ 25").
      R"(|\b\d[\d ]*\s?f\s?cfa\b|\b\d{1,3}(?: \d{3})+\s?f\b|\b\d{4,}\s?f\b|(?:gh)?₵\s?\d))");
  return re;
}

// promo5: what separates two amounts compared in an anecdote: "14,50 € et pas 14 €", "£3 vs £5", "$6, not $4",
// "5 € contre 3 €" ("au lieu de" / "instead of" is how a discount is written, and stays a price).
const RE2& price_comparison_gap_pattern() {
  static const RE2 re(
      R"([\s,]*(?:et pas|et non|mais pas|pas|and not|but not|not|vs\.?|versus|contre|compared to|compared with|)"
      R"(rather than|plutot que)[\s,:]*(?:a|at|for|de|pour)?\s*)");
  return re;
}

// "-30%", "30 % off", "remise de 20 %", "jusqu'à -50%", "save 20%".
const RE2& discount_pattern() {
  static const RE2 re(
      R"((?:^|[^\w%.,])(-\s?\d{1,2}(?:[.,]\d)?\s?%))"
      R"(|(\d{1,2}(?:[.,]\d)?\s?%\s?(?:off|de reduction|de remise|de rabais|offerts?|discount|de moins|sur|on)))"
      R"(|(\b\d\s(?:for|pour)\s(?:€|\$|£)?\d+(?:\s?(?:€|\$|£|chf))?))"
      R"(|((?:remise|reduction|rabais|discount|save|economisez|jusqu'a|up to|soldes?)\s(?:de\s|of\s)?-?\d{1,3}\s?(?:%|chf|eur|€|\$|£)))");
  return re;
}

// "try LumiDesk free", "essayez Photon Suite gratuitement", "order the new X today".
const RE2& flexible_cta_pattern() {
  static const RE2 re(
      R"(\b((?:try|test|essayez|testez|essayer|tester)(?:\s+[^\s.!?]+){1,3}?\s+(?:free|for free|gratuitement|gratuit|today|now|maintenant|aujourd'hui|des aujourd'hui))\b)");
  return re;
}

// Urgency with numbers or dates: "only 3 left", "plus que 2 jours", "jusqu'au 30 novembre".
const RE2& urgency_pattern() {
  static const RE2 re(
      R"(\b((?:only|plus que|encore)\s+\d+\s+(?:left|days? left|spots? left|seats? left|hours? left|places?|jours?|heures?))"
      R"(|((?:until|through|ends?|expires?|jusqu'au|jusqu'a)\s+(?:the\s+|le\s+)?\d{1,2}(?:st|nd|rd|th|er)?\s+)"
      R"((?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre)\w*))\b)");
  return re;
}

// A promo code on the original text: the code itself is upper case with a digit.
const RE2& promo_code_pattern() {
  static const RE2 re(
      R"((?i:\b(?:promo\s*code|code\s+promo|discount\s+code|coupon(?:\s+code)?|code(?:\s+de\s+r[ée]duction)?)\s*:?\s*["«“]?\s*)([A-Z][A-Z0-9_-]*[0-9][A-Z0-9_-]*|[A-Z]{2,}[0-9]+|[A-Z]{4,}\b))"
      // promo6: a code to sign up with, with a digit ("sign up wid KEISHA2K", "register using JOHN10"; not "SIGN UP
      // WITH YOUR EMAIL")
      R"(|(?i:\b(?:sign\s*up|register|join)\s+(?:with|wid|using|w/)(?:\s+(?:my\s+)?code)?)\s*:?\s*)"
      R"(([A-Z][A-Z0-9_-]*[0-9][A-Z0-9_-]*)\b)");
  return re;
}

// A phone number as people write one in a post (promo2): an optional "+code", then two to five
// groups of digits split by spaces, dots or hyphens, or one run of 10-11 digits starting with 0.
// What an amount or a year list looks like is checked after the match (plain_phone).
const RE2& phone_pattern() {
  static const RE2 re(
      R"((?:^|[^\w$€£₹₦.,])((?:\+\d{1,3}[ .-]?)?(?:\(\d{1,4}\)[ .-]?)?\d{2,6}(?:[ .-]\d{2,6}){1,4}|0\d{9,10})\b)");
  return re;
}

// A match of phone_pattern that is a phone number: 8 to 15 digits, not years ("2025 2026"), not
// an amount with thousands separators ("10 000 000", "1.200.000").
bool plain_phone(std::string_view m) {
  size_t digits = 0;
  std::vector<std::string_view> groups;
  size_t start = std::string_view::npos;
  bool hyphen = false;
  for (size_t i = 0; i <= m.size(); ++i) {
    const bool d = i < m.size() && m[i] >= '0' && m[i] <= '9';
    if (d) {
      ++digits;
      if (start == std::string_view::npos) start = i;
    } else {
      if (i < m.size() && m[i] == '-') hyphen = true;
      if (start != std::string_view::npos) groups.push_back(m.substr(start, i - start));
      start = std::string_view::npos;
    }
  }
  if (digits < 8 || digits > 15) return false;
  bool all_years = true;
  for (auto g : groups) all_years = all_years && g.size() == 4 && (g.substr(0, 2) == "19" || g.substr(0, 2) == "20");
  if (all_years) return false;
  if (!hyphen && m.front() != '+' && groups.size() >= 2 && groups.front().size() <= 3 &&
      groups.front().front() != '0') {
    bool thousands = true;
    for (size_t i = 1; i < groups.size(); ++i) thousands = thousands && groups[i].size() == 3;
    if (thousands) return false;
  }
  return true;
}

// A free service that leads to a paid one (promo2): "free roof inspections", "free estimate",
// "devis gratuit", "première consultation offerte". Complaints about a "free trial" are not
// in it (no trial word), and the complaint features weigh against the rest.
const RE2& free_service_pattern() {
  static const RE2 re(
      R"(\bfree\s(?:[a-z'-]+\s){0,2}?(?:inspections?|estimates?|quotes?|quotations?|consultations?|consults?|audits?|)"
      R"(assessments?|check-?ups?|diagnos(?:is|tics?)|valuations?|appraisals?|surveys?|trial (?:class|lesson|session)s?|)"
      R"(first (?:session|lesson|class|visit)|measuring|measure-?ups?|tastings?|demos?)\b)"
      R"(|\b(?:devis|diagnostics?|bilans?|estimations?|audits?|consultations?|seances? d'essai|cours d'essai|)"
      R"(premiere seance|premier cours|premiere consultation|expertises?|evaluations?|degustations?|essais?)\s)"
      R"((?:[a-z']+\s){0,2}?(?:gratuite?s?|offerte?s?)\b)");
  return re;
}

// "Call Dave", "ring Tariq on...", "appelez Martine": a contact verb and a capitalised name, on the
// original text (promo2).
const RE2& contact_name_pattern() {
  static const RE2 re(
      R"(\b(?i:call|ring|text|phone|whatsapp|appelez|appelle|contactez|contacte|rele)\s+\p{Lu}\p{Ll}+\b)");
  return re;
}

// "tell him Aoife sent you", "dites-lui que c'est Marie qui vous envoie", "de la part de Sophie": a relative or
// friend sends readers to a business by name, on the original text (promo4).
const RE2& sent_by_name_pattern() {
  static const RE2 re(
      R"(\b(?i:tell|say to|tell to)\s+(?i:him|her|them|the owner|the staff|the boss)\s+(?:\p{Lu}\p{Ll}+|I)\s+(?i:sent you)\b)"
      R"(|\b(?i:dites(?:-lui|-leur| lui| leur)?\s+que\s+c'est\s+)\p{Lu}\p{Ll}+\s+(?i:qui vous envoie)\b)"
      R"(|\b(?i:venez|vous venez|allez-y)\s+(?i:de la part d[e'])\s*\p{Lu}\p{Ll}+)");
  return re;
}

// A negation just before a phrase, in its sentence ("I don't do affiliate links", "jamais de liens affiliés").
const RE2& negation_before_pattern() {
  static const RE2 re(
      R"(\b(?:no|not|never|don't|dont|do not|jamais|pas|aucun|aucune|sans|zero|without|ni)\b[^.!?]{0,20}$)");
  return re;
}

// Pay words near an amount in a job ad: the amount is a wage, not a price (promo2).
const RE2& wage_unit_pattern() {
  static const RE2 re(
      R"((?:/\s?(?:h|hr|hour|heure|an|year|yr|mois|month)\b|\bper (?:hour|hr|year|annum|month)\b|\ban hour\b|\ba year\b|\ba month\b|)"
      R"(\bde l'heure\b|\bpar (?:heure|an|mois)\b|\bbrut|\bgross\b|\bannuel|\bannual|\bsalar|\bsalaire|\bp\.a\.|)"
      R"(\bselon\b|\bdepending\b|\bdoe\b|\d\s?k\b|\bk\b|\bpay\b|\bpaid\b|\bremuneration|\bbenefits\b))");
  return re;
}

// Outside a job ad, what someone is paid: a pay verb just before the amount and a time unit just
// after it ("agency shifts pay £45 an hour", "nurses earn $30 per hour", "on est payés 12 € de
// l'heure"). "I charge £45 an hour" has no pay verb and stays a price (promo2, after batch 7).
const RE2& pay_before_pattern() {
  static const RE2 re(
      R"(\b(?:pay|pays|paid|earn|earns|earning|earned|get paid|gets paid|makes?|salary|salaire|gagne|gagnent|payes?|payees?|touche|touchent)\s+(?:[a-z]+\s+)?$)");
  return re;
}
const RE2& time_unit_after_pattern() {
  static const RE2 re(
      R"(^[^.!?]{0,12}?(?:/\s?(?:h|hr|hour|heure|an|year|yr|mois|month)\b|\bper (?:hour|hr|year|annum|month|shift)\b|\ban hour\b|\ba year\b|\ba month\b|\bde l'heure\b|\bpar (?:heure|an|mois)\b|\bbrut\b))");
  return re;
}

// An e-mail address: a way to reach a seller like a phone number (promo2, after batch 7).
const RE2& email_pattern() {
  static const RE2 re(R"([\w.+-]+@[\w-]+\.[\w.-]*\w)");
  return re;
}

// Links to a shop or with tracking/affiliate parameters.
double link_weight(std::string_view url) {
  std::string u;
  for (char c : url) u.push_back((c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c);
  static const RE2 shop_path(
      R"((?:^|[/.])(?:shop|store|boutique|buy|acheter|achat|product|products|produit|produits|pricing|tarifs?|prix|checkout|cart|panier|offers?|offres?|promo|promos|deals?|order|commande|commander|collections)(?:[/.?#-]|$))");
  static const RE2 tracking(R"([?&](?:utm_[a-z]+|ref|aff|affiliate|coupon|promo|discount)=)");
  double w = 0;
  // Only the part after the scheme: "https://" must not look like a path.
  const size_t scheme = u.find("://");
  const std::string_view rest =
      scheme == std::string::npos ? std::string_view(u) : std::string_view(u).substr(scheme + 3);
  if (RE2::PartialMatch(rest, shop_path)) w = 0.35;
  if (RE2::PartialMatch(rest, tracking)) w = w > 0 ? 0.45 : 0.3;
  return w;
}

// Links to a booking, registration or ticketing page.
bool is_booking_link(std::string_view url) {
  std::string u;
  for (char c : url) u.push_back((c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c);
  static const RE2 booking(
      R"((?:calendly\.com|cal\.com/|eventbrite\.|lu\.ma/|meetup\.com/|zoom\.us/(?:webinar|meeting/register)|)"
      R"(typeform\.com|forms\.gle|docs\.google\.com/forms|doctolib\.|tidycal\.com|billetweb\.|helloasso\.|)"
      R"(weezevent\.|ticketmaster\.|tickets?\.|luma\.|hubspot|livestorm\.|webikeo\.|)"
      R"((?:^|[/.])(?:register|registration|signup|sign-up|inscription|inscriptions|booking|book|rsvp|webinar|)"
      R"(webinaire|events?|evenements?|reserve|reservation|reserver|billetterie|tickets?|demo|rdv|rendez-vous)(?:[/.?#-]|$)))");
  const size_t scheme = u.find("://");
  const std::string_view rest =
      scheme == std::string::npos ? std::string_view(u) : std::string_view(u).substr(scheme + 3);
  return RE2::PartialMatch(rest, booking);
}

// Sentence openings and second-person words, on the post's tokens.
struct Voice {
  size_t imperative_openings = 0;
  size_t second_person = 0;
  size_t questions = 0;
};

Voice voice(const PostTokens& post, const std::vector<bool>& line_starts) {
  using Set = std::unordered_set<std::string_view>;
  static const Set imperatives(promo::imperatives().begin(), promo::imperatives().end());
  static const Set second(promo::second_person().begin(), promo::second_person().end());
  const auto& t = post.tokens();
  Voice v;
  bool sentence_start = true;
  for (size_t i = 0; i < t.size(); ++i) {
    if (line_starts[i]) sentence_start = true;
    switch (t[i].kind) {
      case TokenKind::SentenceEnd:
        sentence_start = true;
        if (t[i].text == "?") ++v.questions;
        break;
      case TokenKind::Word:
        if (sentence_start && imperatives.count(t[i].text) > 0) ++v.imperative_openings;
        if (const char c = t[i].text.front();
            (c == 'y' || c == 'u' || c == 'v' || c == 't') && t[i].text.size() <= 8 && second.count(t[i].text) > 0)
          ++v.second_person;
        sentence_start = false;
        break;
      case TokenKind::Hashtag: sentence_start = false; break;
      default: break;  // emoji, bullets and quotes keep a sentence's start
    }
  }
  return v;
}

double sigmoid(double z) { return 1.0 / (1.0 + std::exp(-z)); }

// UTF-16 offset of each byte offset in `bytes`, computed in one sweep over the text.
std::map<size_t, uint32_t> utf16_offsets(std::string_view original, std::vector<size_t> bytes) {
  std::sort(bytes.begin(), bytes.end());
  std::map<size_t, uint32_t> out;
  size_t pos = 0;
  uint32_t u16 = 0;
  for (size_t b : bytes) {
    u16 += utf16_offset(original.substr(pos, b - pos), b - pos);
    pos = b;
    out.emplace(b, u16);
  }
  return out;
}

// The expressions every post is searched with, on the normalised text. Most posts match
// none or one of them: one RE2::Set pass says which, and only those are searched again for
// their matches (an expression that matches nowhere in the text matches from no position).
enum class Scan : uint8_t { Price, Discount, FlexibleCta, Urgency, Count };

class ScanGate {
 public:
  [[nodiscard]] bool may_match(Scan which) const { return all_ || found_[static_cast<size_t>(which)]; }

  explicit ScanGate(std::string_view s) {
    std::vector<int> matched;
    RE2::Set::ErrorInfo error{};
    if (!set().Match(re2::StringPiece(s.data(), s.size()), &matched, &error) && error.kind != RE2::Set::kNoError) {
      all_ = true;  // out of DFA memory on a huge post: search with every expression
      return;
    }
    for (int i : matched) found_[static_cast<size_t>(i)] = true;
  }

 private:
  static const RE2& expression(Scan which);
  static const RE2::Set& set() {
    static const RE2::Set compiled = [] {
      RE2::Set built(RE2::DefaultOptions, RE2::UNANCHORED);
      for (size_t i = 0; i < static_cast<size_t>(Scan::Count); ++i) {
        std::string error;
        if (built.Add(expression(static_cast<Scan>(i)).pattern(), &error) != static_cast<int>(i))
          throw std::logic_error("promotional scan gate: " + error);
      }
      if (!built.Compile()) throw std::logic_error("promotional scan gate: out of memory");
      return built;
    }();
    return compiled;
  }

  std::array<bool, static_cast<size_t>(Scan::Count)> found_{};
  bool all_ = false;
};

const RE2& ScanGate::expression(Scan which) {
  switch (which) {
    case Scan::Price: return price_pattern();
    case Scan::Discount: return discount_pattern();
    case Scan::FlexibleCta: return flexible_cta_pattern();
    case Scan::Urgency: return urgency_pattern();
    case Scan::Count: break;
  }
  throw std::logic_error("promotional scan gate: no such expression");
}

template <typename F>
void each_match(const RE2& re, std::string_view s, F&& f) {
  const int groups = re.NumberOfCapturingGroups();
  std::vector<re2::StringPiece> g(static_cast<size_t>(groups) + 1);
  size_t pos = 0;
  while (pos <= s.size() &&
         re.Match(re2::StringPiece(s.data(), s.size()), pos, s.size(), RE2::UNANCHORED, g.data(), groups + 1)) {
    // Report the first non-empty capture (the signal itself), else the whole match.
    re2::StringPiece m = g[0];
    for (int i = 1; i <= groups; ++i) {
      if (!g[static_cast<size_t>(i)].empty()) {
        m = g[static_cast<size_t>(i)];
        break;
      }
    }
    const auto b = static_cast<size_t>(m.data() - s.data());
    f(b, b + m.size());
    const auto whole_end = static_cast<size_t>(g[0].data() - s.data()) + g[0].size();
    pos = std::max(whole_end, pos + 1);
  }
}

// An offer word in scare quotes: the 'free trial', le « gratuit ». Sellers do not quote
// their own offer; people who feel cheated by it do. A quotation of at most 4 words.
bool quoted_offer(const std::vector<Token>& t, const std::vector<size_t>& free_at) {
  if (free_at.empty()) return false;
  constexpr size_t kMaxQuoted = 4;
  for (size_t i = 0; i < t.size(); ++i) {
    if (t[i].kind != TokenKind::QuoteOpen) continue;
    size_t j = i + 1;
    while (j < t.size() && j <= i + kMaxQuoted + 1 && t[j].kind != TokenKind::QuoteClose) ++j;
    if (j >= t.size() || t[j].kind != TokenKind::QuoteClose) continue;
    for (size_t at : free_at)
      if (at >= t[i].end && at < t[j].begin) return true;
    i = j;
  }
  return false;
}

// "in stock", "out of stock", "en stock", "low on stock": the word "stock" at `at` is what a shop holds, not
// the stock market (promo4). The word before must be whole ("bitcoin stock" is not "in stock").
bool stock_of_a_shop(std::string_view s, size_t at) {
  for (std::string_view before : {"in ", "of ", "en ", "on "}) {
    const size_t n = before.size();
    if (at >= n && s.substr(at - n, n) == before && (at == n || s[at - n - 1] == ' ')) return true;
  }
  return false;
}

// The word at byte `at` is the first of its sentence: nothing but spaces, emoji or bullets since the start or a
// sentence end (promo4: "Donne poussette ...", "URGENT. Donne ...").
bool first_word_of_sentence(std::string_view s, size_t at) {
  for (size_t i = at; i > 0; --i) {
    const auto c = static_cast<unsigned char>(s[i - 1]);
    if (c == '.' || c == '!' || c == '?' || c == '\n' || c == ':') return true;
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) return false;
    // Other bytes (spaces, punctuation, emoji) do not make a word before.
    if (c >= 0x80) {
      // A letter of a non-ASCII script (é, ü...) starts with 0xC3..0xC5 here; emoji with 0xF0, symbols 0xE2.
      if (c >= 0xC3 && c <= 0xC5) return false;
    }
  }
  return true;
}

// A trade or service word that opens a sentence, the way an advert names what it sells: at most two
// words before it since the start of the post or a sentence end, and no determiner or possessive just
// before it ("Plombier chauffagiste, dépannage...", "Locked out? 24/7 emergency locksmith", "Mobile dog
// wash"); "our plumber never showed up", "notre électricien a fini", "near the barber's" talk about
// someone (promo3, after batch 8).
bool opens_sentence(std::string_view s, size_t at) {
  static const std::unordered_set<std::string_view> kDeterminers = {
      "the",   "a",   "an",   "our",   "my",  "your", "their", "his", "her", "this",  "that", "any", "no", "le",
      "la",    "les", "l",    "un",    "une", "des",  "du",    "au",  "aux", "notre", "nos",  "mon", "ma", "mes",
      "votre", "vos", "leur", "leurs", "son", "sa",   "ses",   "ce",  "cet", "cette", "d",    "de"};
  size_t words = 0;
  size_t i = at;
  bool first = true;
  while (i > 0) {
    const char c = s[i - 1];
    if (c == '.' || c == '!' || c == '?' || c == '\n' || c == ':' || c == ';') return true;
    if (c == ' ' || c == ',' || c == '\'' || c == '(' || c == '-') {
      --i;
      continue;
    }
    size_t b = i;
    while (b > 0 && s[b - 1] != ' ' && s[b - 1] != '\'' && s[b - 1] != '\n' && s[b - 1] != ',' && s[b - 1] != '.' &&
           s[b - 1] != '!' && s[b - 1] != '?' && s[b - 1] != ':' && s[b - 1] != ';')
      --b;
    if (first && kDeterminers.contains(s.substr(b, i - b))) return false;
    first = false;
    if (++words > 2) return false;
    i = b;
  }
  return true;
}

// promo4: a price attached to a product listing, written with no verb: "hoodies $55, sizes S-XL", "FREE
// RANGE EGGS $5/dozen", "confitures maison 6€ le pot", "vélo 150 € à débattre". The sentence holding the
// price (up to a sentence end or a line break) has no subject pronoun, auxiliary or past-tense verb of
// a report ("paid $55 for a hoodie, outrageous", "le loyer a pris 80 €", "eggs are $5 a dozen now"), is no
// question, and names an item before the price; then either a listing word is in the sentence (a unit,
// sizes, haggling, "DM": `cues`), or the price closes its segment right after a short noun phrase
// ("hoodies $55"; not "coffee $6 at the airport"). Returns the normalised byte span of the listing.
std::optional<std::pair<size_t, size_t>> listing_at(const std::vector<Token>& t, const std::vector<bool>& line_starts,
                                                    size_t b, size_t e,
                                                    const std::vector<std::pair<size_t, size_t>>& cues) {
  static const std::unordered_set<std::string_view> kReport = {
      "i",         "we",      "he",        "she",       "they",      "it",      "is",        "are",       "was",
      "were",      "am",      "been",      "has",       "have",      "had",     "will",      "would",     "did",
      "does",      "paid",    "pay",       "pays",      "paying",    "cost",    "costs",     "charged",   "charge",
      "charges",   "spent",   "bought",    "sold",      "got",       "went",    "rose",      "fell",      "jumped",
      "increased", "raised",  "hiked",     "there",     "that",      "which",   "who",       "when",      "if",
      "because",   "why",     "how",       "what",      "je",        "j",       "il",        "elle",      "nous",
      "ils",       "elles",   "c",         "ca",        "est",       "sont",    "etait",     "etaient",   "ai",
      "avons",     "avez",    "ont",       "ete",       "paye",      "payee",   "payes",     "coute",     "coutent",
      "coutait",   "vendu",   "vendue",    "vendus",    "achete",    "achetee", "augmente",  "qu",        "que",
      "quand",     "parce",   "pourquoi",  "comment",   "va",        "vont",    "vais",      "fait",      "faut",
      "peut",      "compte",  "comptent",  "can",       "could",     "should",  "must",      "made",      "took",
      "gave",      "thank",   "thanks",    "merci",     "you",       "raised",  "donated",   "collected", "collecte",
      "booked",    "ordered", "received",  "arrived",   "came",      "found",   "saw",       "spotted",   "noticed",
      "tried",     "ate",     "drank",     "remember",  "throwback", "missed",  "recu",      "mange",     "souviens",
      "rappelle",  "manque",  "passe",     "passent",   "raises",    "hikes",   "increases", "goes",      "again",
      "says",      "said",    "announced", "according", "selon",     "annonce"};
  // French "a" (normalised "à" too) is the auxiliary only before a participle ("le loyer a pris 80 €").
  static const std::unordered_set<std::string_view> kParticiples = {
      "pris",    "fait",    "mis",    "dit",   "eu",       "ete",     "paye",    "augmente", "coute",
      "vendu",   "achete",  "laisse", "passe", "baisse",   "double",  "triple",  "explose",  "grimpe",
      "atteint", "depasse", "recu",   "perdu", "gagne",    "facture", "demande", "annonce",  "decide",
      "vu",      "trouve",  "encore", "deja",  "toujours", "augmente"};
  static const std::unordered_set<std::string_view> kFunction = {
      "a",          "an",  "the",     "for",      "at",    "on",   "in",     "of",   "to", "from", "only",
      "just",       "and", "or",      "now",      "today", "le",   "la",     "les",  "l",  "de",   "du",
      "des",        "d",   "un",      "une",      "au",    "aux",  "en",     "pour", "et", "ou",   "seulement",
      "maintenant", "new", "nouveau", "nouvelle", "meme",  "even", "chaque", "every"};
  const size_t n = t.size();
  // Binary search, and a sentence looked for within kReach tokens either side: a post of thousands of
  // prices in one run-on sentence stays linear (a listing sentence is short anyway).
  constexpr size_t kReach = 48;
  const size_t i0 = static_cast<size_t>(
      std::lower_bound(t.begin(), t.end(), b, [](const Token& tok, size_t at) { return tok.end <= at; }) - t.begin());
  if (i0 >= n) return std::nullopt;
  size_t i1 = i0;
  while (i1 + 1 < n && t[i1 + 1].begin < e && i1 - i0 < kReach) ++i1;
  size_t sb = i0;
  while (sb > 0 && t[sb - 1].kind != TokenKind::SentenceEnd && !line_starts[sb])
    if (i0 - --sb > kReach) return std::nullopt;
  size_t se = i1 + 1;
  while (se < n && t[se].kind != TokenKind::SentenceEnd && !line_starts[se])
    if (++se - i1 > kReach) return std::nullopt;
  if (se < n && t[se].text == "?") return std::nullopt;
  // A price inside a quotation is someone else's sign or menu (« œufs 4 € la douzaine » va me manquer).
  for (size_t k = i0; k-- > sb;) {
    if (t[k].kind == TokenKind::QuoteClose) break;
    if (t[k].kind == TokenKind::QuoteOpen) return std::nullopt;
  }
  constexpr size_t kMaxWords = 20;
  size_t sentence_words = 0;
  for (size_t k = sb; k < se; ++k) {
    if (t[k].kind != TokenKind::Word) continue;
    if (++sentence_words > kMaxWords) return std::nullopt;
    if (kReport.contains(t[k].text)) return std::nullopt;
    if (t[k].text == "a" && k + 1 < se && kParticiples.contains(t[k + 1].text)) return std::nullopt;
  }
  auto boundary = [&](size_t k) {
    switch (t[k].kind) {
      case TokenKind::Punct: return t[k].text != "/" && t[k].text != "'";
      case TokenKind::Other: {
        const auto c = t[k].text;  // currency signs belong to the amount; emoji and bullets separate
        return c != "$" && c != "€" && c != "£" && c != "₹" && c != "¥" && c != "₦" && c != "₱" && c != "%";
      }
      case TokenKind::Word: return false;
      default: return true;
    }
  };
  auto content = [&](size_t k) {
    if (t[k].kind != TokenKind::Word || t[k].text.empty()) return false;
    const auto c = static_cast<unsigned char>(t[k].text.front());
    return (c >= 0x80 || (c >= 'a' && c <= 'z')) && !kFunction.contains(t[k].text);
  };
  size_t segb = i0;
  while (segb > sb && !boundary(segb - 1)) --segb;
  size_t sege = i1 + 1;
  while (sege < se && !boundary(sege)) ++sege;
  bool item_in_sentence = false;
  for (size_t k = sb; k < i0 && !item_in_sentence; ++k) item_in_sentence = content(k);
  if (!item_in_sentence) return std::nullopt;
  const size_t sent_b = t[sb].begin;
  const size_t sent_e = t[se - 1].end;
  // `cues` are sorted by start: the first one starting in the sentence, if it also ends there.
  const auto first_cue = std::lower_bound(cues.begin(), cues.end(), std::make_pair(sent_b, size_t{0}));
  const bool cue = first_cue != cues.end() && first_cue->first < sent_e && first_cue->second <= sent_e;
  if (cue) return std::make_pair(static_cast<size_t>(t[segb].begin), static_cast<size_t>(t[sege - 1].end));
  // No listing word: the price closes its segment, after a noun phrase of at most 5 words holding a plural,
  // the way stock is listed ("hoodies $55", "FREE RANGE EGGS $5"); "Ramen $18. Worth it." or
  // "iPhone 3GS $199" say what something cost.
  if (sege != i1 + 1) return std::nullopt;
  size_t words_before = 0;
  size_t last_content = i0;
  for (size_t k = segb; k < i0; ++k) {
    if (t[k].kind == TokenKind::Word) ++words_before;
    if (content(k)) last_content = k;
  }
  if (last_content == i0 || words_before > 5) return std::nullopt;
  bool plural = false;
  for (size_t k = segb; k < i0 && !plural; ++k)
    plural = content(k) && t[k].text.size() > 3 && (t[k].text.back() == 's' || t[k].text.back() == 'x');
  if (!plural) return std::nullopt;
  return std::make_pair(static_cast<size_t>(t[segb].begin), static_cast<size_t>(t[sege - 1].end));
}

}  // namespace

PromotionalResult check_promotional(std::string_view original, const text::NormalizedText& norm,
                                    std::string_view language, const policy::Policy& policy) {
  return check_promotional(original, norm, language, policy, PostTokens(original, norm));
}

PromotionalResult check_promotional(std::string_view original, const text::NormalizedText& norm,
                                    std::string_view language, const policy::Policy& policy, const PostTokens& post) {
  return check_promotional(original, norm, language, policy, post, scan_alone(norm, policy));
}

void add_promotional_lexicons(const policy::Policy& policy, Lexicons& lexicons) {
  add_lexicon_entries(lexicons);
  const auto brands = brand_names(policy);
  for (uint32_t i = 0; i < brands.size(); ++i) lexicons.add(Lexicon::Brands, brands[i], i);
}

PromotionalResult check_promotional(std::string_view original, const text::NormalizedText& norm,
                                    std::string_view language, const policy::Policy& policy, const PostTokens& post,
                                    const LexiconHits& lexicons) {
  PromotionalResult result;
  const std::string& s = norm.text;
  const Words words(post.tokens());
  const auto entries = promo::entries();

  Context ctx;
  std::vector<Hit> hits;
  for (const auto& m : lexicons.of(Lexicon::Promotional)) {
    const auto& e = entries[m.phrase];
    switch (e.kind) {
      case Kind::Exception: ctx.exceptions.emplace_back(m.begin, m.end); break;
      case Kind::Hiring: ctx.hiring = true; break;
      case Kind::Charity: ctx.charity_words.push_back(words.index_at(m.begin)); break;
      case Kind::Job: ctx.job_words.push_back(words.index_at(m.begin)); break;
      case Kind::News:
        // promo4: "back in stock", "out of stock", "en stock" are a seller's stock, not the stock market.
        if (std::string_view(e.phrase) == "stock*" && stock_of_a_shop(s, m.begin)) break;
        // Market words that are also what sellers say ("the Sunday market", "drop-in", "fine art",
        // "cours de yoga"): news only when the post does not tell readers how to buy (promo2).
        (is_everyday_news_word(e.phrase) ? ctx.everyday_news_words : ctx.news_words).push_back(words.index_at(m.begin));
        break;
      case Kind::Offer:
        ctx.offer_words.push_back(words.index_at(m.begin));
        if ((e.flags & promo::kListing) != 0) ctx.listing_cues.emplace_back(m.begin, m.end);
        break;
      case Kind::Listing: ctx.listing_cues.emplace_back(m.begin, m.end); break;
      case Kind::PriceChange:
        // "pick-up from your hotel" is no price that went up
        if (m.begin == 0 || s[m.begin - 1] != '-') ctx.price_changes.push_back(words.index_at(m.begin));
        break;
      case Kind::Retailer: ctx.retailers.emplace_back(words.index_at(m.begin), e.phrase); break;
      case Kind::Affiliate: hits.push_back(Hit{"affiliate", m.begin, m.end, 0.4}); break;
      case Kind::AffiliateWeak: hits.push_back(Hit{"affiliate_weak", m.begin, m.end, 0.3}); break;
      case Kind::Event: ++ctx.events; break;
      case Kind::Free:
        ++ctx.free_words;
        ctx.free_at.push_back(m.begin);
        break;
      case Kind::Complaint:
        ++ctx.complaints;
        ctx.complaint_words.push_back(words.index_at(m.begin));
        if (std::string_view(e.phrase) == "devis") ctx.quote_words.push_back(ctx.complaint_words.back());
        break;
      case Kind::Service:
        if (opens_sentence(s, m.begin)) ++ctx.services;
        break;
      case Kind::Contact:
        ++ctx.contacts;
        if ((e.flags & promo::kReason) != 0) hits.push_back(Hit{"contact", m.begin, m.end, 0.2});
        break;
      case Kind::Capacity: ++ctx.capacity; break;
      case Kind::Giveaway: ++ctx.giveaways; break;
      case Kind::GiveawayOpening:
        if (first_word_of_sentence(s, m.begin)) ++ctx.giveaways;
        break;
      case Kind::ContactVerb: ctx.contact_verb = true; break;
      case Kind::PayWord: ++ctx.pay_words; break;
      default: hits.push_back(Hit{kind_name(e.kind), m.begin, m.end, e.weight, false, e.flags});
    }
  }
  ctx.finalize();
  // promo3: "free" inside a harmless phrase is no free offer ("free-range eggs", "gluten-free", "toll-free").
  if (!ctx.free_at.empty() && !ctx.exceptions.empty()) {
    std::erase_if(ctx.free_at, [&](size_t b) { return ctx.inside_exception(b, b + 4); });
    ctx.free_words = ctx.free_at.size();
  }
  // promo4: in a giveaway, "free" / "gratuit" is the gift itself, no offer that leads to a sale ("Donne
  // poussette ... Gratuit bien sûr", "free to a good home").
  if (ctx.giveaways > 0) ctx.free_words = 0;

  // The company and its brands: a product name weighs more than the company's name.
  if (const auto& named = lexicons.of(Lexicon::Brands); !named.empty()) {
    for (const auto& m : named) {
      result.mentions_company = true;
      hits.push_back(Hit{"brand", m.begin, m.end, brand_weight(policy, m.phrase)});
    }
  }

  size_t price_news = 0;
  size_t wages = 0;
  // A post that tells readers how to buy (a contact, a booking, a link in bio, a sale word, a call to
  // action) quotes prices, whatever market word is near ("30 bucks each at the Sunday market, ping me",
  // "$20 drop-in, booking link in her bio", "fine art prints, 85 CHF, link in bio") (promo2).
  const bool tells_how_to_buy = ctx.contacts > 0 || std::any_of(hits.begin(), hits.end(), [](const Hit& h) {
                                  return h.signal == "selling" || h.signal == "booking" || h.signal == "link_in_bio" ||
                                         h.signal == "call_to_action";
                                });
  std::vector<bool> line_starts;  // computed on the first price (promo4: listings)
  // promo5: amounts compared with each other ("le menu était à 14,50 € et pas 14 €", "£3 vs £5") or with shops
  // named ("Lidl €2.99, Carrefour €3.49"), and amounts near a reported change ("went up to $6", "est passé à 5
  // fr. 20"): what something costs, told as an anecdote, news or a complaint; counted as price news, not as
  // prices.
  const ScanGate gate(s);
  std::vector<std::pair<size_t, size_t>> amounts;
  if (gate.may_match(Scan::Price))
    each_match(price_pattern(), s, [&](size_t b, size_t e) { amounts.emplace_back(b, e); });
  std::vector<bool> compared(amounts.size(), false);
  for (size_t k = 0; k + 1 < amounts.size(); ++k) {
    const size_t gb = amounts[k].second;
    const size_t ge = amounts[k + 1].first;
    if (ge > gb && ge - gb <= 24 &&
        RE2::FullMatch(re2::StringPiece(s.data() + gb, ge - gb), price_comparison_gap_pattern()))
      compared[k] = compared[k + 1] = true;
  }
  bool two_retailers = false;
  for (const auto& r : ctx.retailers) two_retailers = two_retailers || r.second != ctx.retailers.front().second;
  size_t reported = 0;
  for (size_t k = 0; k < amounts.size(); ++k) {
    const auto [b, e] = amounts[k];
    // In a job ad, an amount with pay words just before or after it ("$38-$45 per hour",
    // "38-42 k€ brut", "salary £40k") is what the job pays, not a price.
    if (ctx.hiring) {
      const size_t from = sub_or_zero(b, kWageBytes);
      const size_t to = std::min(s.size(), e + kWageBytes);
      if (RE2::PartialMatch(re2::StringPiece(s.data() + from, to - from), wage_unit_pattern())) {
        ++wages;
        continue;
      }
    } else if (ctx.pay_words > 0 || ctx.complaints > 0) {  // "paid" and "payé" are complaint words
      const size_t from = sub_or_zero(b, kWageBytes);
      const size_t to = std::min(s.size(), e + kWageBytes);
      if (RE2::PartialMatch(re2::StringPiece(s.data() + from, b - from), pay_before_pattern()) &&
          RE2::PartialMatch(re2::StringPiece(s.data() + e, to - e), time_unit_after_pattern())) {
        ++wages;
        continue;
      }
    }
    const size_t w = words.index_at(b);
    const size_t from = sub_or_zero(w, kNewsWindow);
    if (Context::near(ctx.news_words, from, w + kNewsWindow)) {
      ++price_news;
      continue;
    }
    if (compared[k] || Context::near(ctx.price_changes, sub_or_zero(w, kChangeBefore), w + kChangeAfter) ||
        (two_retailers && std::any_of(ctx.retailers.begin(), ctx.retailers.end(),
                                      [w](const auto& r) { return r.first <= w && w <= r.first + kRetailerWindow; }))) {
      ++reported;
      continue;
    }
    // promo4: a price in a product listing ("hoodies $55", "confitures maison 6€ le pot"); not in a job ad,
    // not with a complaint word in its segment or just after it ("sandwich 12 €, quel scandale"); one in an
    // earlier segment sets the scene ("Fresh catch this morning, snapper 12k Rp per kilo").
    std::optional<std::pair<size_t, size_t>> listing;
    if (!ctx.hiring) {
      if (line_starts.empty()) line_starts = post.line_starts();
      listing = listing_at(post.tokens(), line_starts, b, e, ctx.listing_cues);
      // A donation appeal or a fundraiser's total is no listing ("chaque don compte, même 5 €").
      if (listing && (Context::near(ctx.complaint_words, words.index_at(listing->first), w + kNewsWindow) ||
                      Context::near(ctx.charity_words, from, w + kNewsWindow)))
        listing.reset();
    }
    // An everyday market word ("drop", "market") makes the amount news unless the post says how to buy or
    // the amount is a listing whose own segment holds no such word ("new merch drop friday 🔥 hoodies $55").
    if (!tells_how_to_buy && Context::near(ctx.everyday_news_words, from, w + kNewsWindow) &&
        (!listing ||
         Context::near(ctx.everyday_news_words, words.index_at(listing->first), words.index_at(listing->second - 1)))) {
      ++price_news;
      continue;
    }
    hits.push_back(Hit{"price", b, e, 0.3});
    if (listing) hits.push_back(Hit{"listing", listing->first, listing->second, 0.3});
  }
  // Phone numbers, free services and "call <Name>" (promo2): features only, no excerpt.
  size_t phones = 0;
  size_t free_services = 0;
  {
    // The phone pattern runs only where words that start with a digit hold 8 digits within 20
    // bytes (most posts have none): a look at the tokens instead of a search over the whole post.
    {
      constexpr size_t kSpan = 20;
      constexpr size_t kDigits = 8;
      struct Run {
        size_t begin, end, digits;
      };
      std::vector<Run> runs;
      for (const auto& t : post.tokens()) {
        if (t.kind != TokenKind::Word || t.text.empty() || t.text.front() < '0' || t.text.front() > '9') continue;
        size_t d = 0;
        for (char c : t.text) d += (c >= '0' && c <= '9') ? 1 : 0;
        runs.push_back({t.begin, t.begin + t.text.size(), d});
      }
      size_t resume = 0;  // bytes before this were already searched
      for (size_t i = 0; i < runs.size(); ++i) {
        if (runs[i].begin < resume) continue;
        size_t digits = 0;
        size_t j = i;
        while (j < runs.size() && runs[j].begin < runs[i].begin + kSpan && digits < kDigits) digits += runs[j++].digits;
        if (digits < kDigits) continue;
        const size_t from = std::max(resume, sub_or_zero(runs[i].begin, 6));
        const size_t to = std::min(s.size(), runs[j - 1].end + kSpan);
        each_match(phone_pattern(), std::string_view(s).substr(from, to - from), [&](size_t b, size_t e) {
          if (plain_phone(std::string_view(s).substr(from + b, e - b))) ++phones;
        });
        resume = to;
      }
    }
    if (ctx.free_words > 0) each_match(free_service_pattern(), s, [&](size_t, size_t) { ++free_services; });
    // promo4: "tell him Aoife sent you": a way to buy, like "say I sent you"; a reason with its span.
    if (s.find("sent you") != std::string::npos || s.find("vous envoie") != std::string::npos ||
        s.find("de la part d") != std::string::npos)
      each_match(sent_by_name_pattern(), original, [&](size_t b, size_t e) {
        ++ctx.contacts;
        hits.push_back(Hit{"contact", b, e, 0.2, true});
      });
    // "Call Dave": only when the lexicon saw one of the verbs as a word.
    if (ctx.contact_verb) each_match(contact_name_pattern(), original, [&](size_t, size_t) { ++ctx.contacts; });
  }
  // An e-mail address: a way to reach a seller like a phone number.
  const bool email = original.find('@') != std::string_view::npos && RE2::PartialMatch(original, email_pattern());
  // "Devis en 24 h : contact@...", "devis au 0478 ...": with a phone number or an e-mail address the
  // quote is offered by whoever gives them, not one the author received (promo3).
  if (!ctx.quote_words.empty() && (phones > 0 || email)) {
    std::erase_if(ctx.complaint_words, [&](size_t w) {
      return std::find(ctx.quote_words.begin(), ctx.quote_words.end(), w) != ctx.quote_words.end();
    });
    ctx.complaints -= std::min(ctx.complaints, ctx.quote_words.size());
  }
  if (gate.may_match(Scan::Discount))
    each_match(discount_pattern(), s, [&](size_t b, size_t e) { hits.push_back(Hit{"discount", b, e, 0.4}); });
  if (gate.may_match(Scan::FlexibleCta))
    each_match(flexible_cta_pattern(), s, [&](size_t b, size_t e) {
      hits.push_back(Hit{"call_to_action", b, e, 0.4});
    });
  if (gate.may_match(Scan::Urgency))
    each_match(urgency_pattern(), s, [&](size_t b, size_t e) { hits.push_back(Hit{"urgency", b, e, 0.3}); });
  // The promo-code expression runs on the original text (the code's case matters); every
  // form of it holds "code", "coupon" or (promo6: a code after a sign-up, "sign up wid
  // KEISHA2K", "register using JOHN10", "join with ...") "sign", "register" or "join",
  // which the normalised text holds in lower case.
  if (s.find("code") != std::string::npos || s.find("coupon") != std::string::npos ||
      s.find("sign") != std::string::npos || s.find("register") != std::string::npos ||
      s.find("join") != std::string::npos)
    each_match(promo_code_pattern(), original, [&](size_t b, size_t e) {
      hits.push_back(Hit{"promo_code", b, e, 0.5, true});
    });
  size_t links = 0;
  size_t booking_links = 0;
  for (const auto& url : find_urls(original)) {
    ++links;
    const auto u = original.substr(url.begin, url.end - url.begin);
    const double w = link_weight(u);
    if (w > 0) hits.push_back(Hit{"shop_link", url.begin, url.end, w, true});
    if (is_booking_link(u)) {
      ++booking_links;
      hits.push_back(Hit{"booking_link", url.begin, url.end, 0.4, true});
    }
  }

  // Context rules.
  // promo4: "a small commission", "je touche une commission" speak of an affiliate sale only with a link, a
  // link in bio, a code or an affiliate word ("as a car salesman I earn a commission" is a job).
  const bool affiliate_context = links > 0 || std::any_of(hits.begin(), hits.end(), [](const Hit& h) {
                                   return h.signal == "affiliate" || h.signal == "link_in_bio" ||
                                          h.signal == "promo_code" || h.signal == "referral";
                                 });
  // promo4: a sale word in scare quotes ("$14.99 'delivery fee'", "des « frais de service »") is what the
  // author was charged, as the quoted "free trial" is (quoted_offer): sellers do not quote their own offer.
  std::vector<std::pair<size_t, size_t>> quoted;
  {
    const auto& t = post.tokens();
    constexpr size_t kMaxQuoted = 4;
    for (size_t i = 0; i < t.size(); ++i) {
      if (t[i].kind != TokenKind::QuoteOpen) continue;
      size_t j = i + 1;
      while (j < t.size() && j <= i + kMaxQuoted + 1 && t[j].kind != TokenKind::QuoteClose) ++j;
      if (j < t.size() && t[j].kind == TokenKind::QuoteClose) {
        quoted.emplace_back(t[i].end, t[j].begin);
        i = j;
      }
    }
  }
  bool quoted_sale = false;
  std::vector<Hit> kept;
  for (auto& h : hits) {
    // `quoted` is sorted and disjoint: the last quotation opening at or before the hit.
    const auto q = std::upper_bound(quoted.begin(), quoted.end(), std::make_pair(h.begin, SIZE_MAX));
    if (h.signal == "selling" && !h.on_original && q != quoted.begin() && h.end <= std::prev(q)->second) {
      quoted_sale = true;
      continue;
    }
    if (h.signal == "affiliate_weak") {
      if (!affiliate_context) continue;
      h.signal = "affiliate";
    }
    // "I don't do affiliate links", "je ne mets jamais de liens affiliés": denied, no affiliate sale.
    if (h.signal == "affiliate" && !h.on_original) {
      constexpr size_t kBefore = 24;
      const size_t from = sub_or_zero(h.begin, kBefore);
      if (RE2::PartialMatch(re2::StringPiece(s.data() + from, h.begin - from), negation_before_pattern())) continue;
    }
    // A listing spans a whole segment ("FREE RANGE EGGS $5/dozen"): a harmless phrase inside it ("free-range")
    // does not undo the price next to it (promo4).
    if (!h.on_original && h.signal != "listing" && ctx.inside_exception(h.begin, h.end)) continue;
    if (ctx.hiring && (h.signal == "call_to_action" || h.signal == "link_in_bio" || h.signal == "superlative" ||
                       h.signal == "urgency"))
      continue;
    if ((h.flags & promo::kSignup) != 0) {
      const size_t w = words.index_at(h.begin);
      const size_t from = sub_or_zero(w, kSignupWindowBefore);
      const size_t to = w + kSignupWindowAfter;
      if (Context::near(ctx.charity_words, from, to) || Context::near(ctx.job_words, from, to)) continue;
    }
    kept.push_back(h);
  }

  // Overlapping hits of one kind ("try it free" inside "try it for free") count once, the
  // heavier kept; at most kMaxReasonsPerKind per kind are reported (the score has long
  // saturated by then, and the reply must stay small).
  std::sort(kept.begin(), kept.end(), [](const Hit& a, const Hit& b) {
    if (a.signal != b.signal) return a.signal < b.signal;
    if (a.on_original != b.on_original) return a.on_original < b.on_original;
    return a.begin < b.begin;
  });
  std::vector<Hit> unique;
  std::map<std::string, size_t> per_kind;
  for (const auto& h : kept) {
    if (!unique.empty()) {
      Hit& last = unique.back();
      if (last.signal == h.signal && last.on_original == h.on_original && h.begin < last.end) {
        if (h.weight > last.weight) last = h;
        continue;
      }
    }
    if (per_kind[h.signal] >= kMaxReasonsPerKind) continue;
    ++per_kind[h.signal];
    unique.push_back(h);
  }

  // UTF-16 offsets of spans in the original text, in one pass over it.
  std::vector<size_t> raw_offsets;
  for (const auto& h : unique) {
    if (!h.on_original) continue;
    raw_offsets.push_back(h.begin);
    raw_offsets.push_back(h.end);
  }
  const auto to_utf16 = utf16_offsets(original, std::move(raw_offsets));

  // Indexed only when there is an excerpt to cut (most posts give no signal at all).
  std::optional<text::Utf16Index> excerpts;
  if (!unique.empty()) excerpts.emplace(original);
  for (const auto& h : unique) {
    PromoReason r;
    r.signal = h.signal;
    r.weight = h.weight;
    if (h.on_original) {
      r.start = to_utf16.at(h.begin);
      r.end = to_utf16.at(h.end);
    } else {
      r.start = norm.original_begin(h.begin);
      r.end = norm.original_end(h.end);
    }
    r.excerpt = excerpts->slice(r.start, r.end);
    result.reasons.push_back(std::move(r));
  }
  std::sort(result.reasons.begin(), result.reasons.end(),
            [](const PromoReason& a, const PromoReason& b) { return a.start < b.start; });

  // The model's features.
  FeatureVector& f = result.features;
  auto at = [&f](Feature x) -> double& { return f[static_cast<size_t>(x)]; };
  auto capped = [](size_t n, size_t cap) { return static_cast<double>(std::min(n, cap)); };
  size_t offer_near_price = 0;
  size_t complaint_near_price = 0;
  for (const auto& h : unique) {
    if (h.signal == "call_to_action") {
      at(h.weight >= 0.4 ? Feature::CtaStrong : h.weight >= 0.3 ? Feature::CtaMedium : Feature::CtaWeak) += 1;
    } else if (h.signal == "price" || h.signal == "discount") {
      at(h.signal == "price" ? Feature::Price : Feature::Discount) += 1;
      const size_t w = words.index_at(h.begin);
      if (Context::near(ctx.offer_words, sub_or_zero(w, kNewsWindow), w + kNewsWindow)) ++offer_near_price;
      // "charged me 49 €", "12 € le sandwich, quel scandale": the price is what the author paid.
      if (h.signal == "price" && Context::near(ctx.complaint_words, sub_or_zero(w, kNewsWindow), w + kNewsWindow))
        ++complaint_near_price;
    } else if (h.signal == "promo_code") {
      at(Feature::PromoCode) += 1;
    } else if (h.signal == "referral") {
      at(Feature::Referral) += 1;
    } else if (h.signal == "booking") {
      at(Feature::Booking) += 1;
    } else if (h.signal == "shop_link") {
      at(Feature::ShopLink) += 1;
    } else if (h.signal == "link_in_bio") {
      at(Feature::LinkInBio) += 1;
    } else if (h.signal == "urgency") {
      at(Feature::Urgency) += 1;
    } else if (h.signal == "selling" || h.signal == "listing" || h.signal == "affiliate") {
      // promo4: a product listing with its price, and an affiliate link spelt out, sell something; an
      // affiliate link is also what the referral feature says ("a referral, affiliate or sponsored offer").
      at(Feature::Selling) += 1;
      if (h.signal == "affiliate") at(Feature::Referral) += 1;
    } else if (h.signal == "superlative") {
      at(Feature::Superlative) += 1;
    } else if (h.signal == "brand") {
      at(h.weight <= kCompanyWeight ? Feature::Company : Feature::Brand) = 1;
    }
  }
  const auto price_count = static_cast<size_t>(at(Feature::Price));  // prices kept, news and wages not
  for (auto x : {Feature::CtaStrong, Feature::CtaMedium, Feature::CtaWeak, Feature::Price, Feature::Discount,
                 Feature::PromoCode, Feature::Referral, Feature::Booking, Feature::ShopLink, Feature::LinkInBio,
                 Feature::Urgency, Feature::Selling, Feature::Superlative})
    at(x) = std::min(at(x), 3.0);
  at(Feature::OfferNearPrice) = offer_near_price > 0 ? 1 : 0;
  at(Feature::BookingLink) = booking_links > 0 ? 1 : 0;
  at(Feature::Link) = links > 0 ? 1 : 0;
  at(Feature::Event) = capped(ctx.events, 2);
  const bool acts = at(Feature::Booking) > 0 || at(Feature::BookingLink) > 0 || at(Feature::CtaStrong) > 0 ||
                    at(Feature::CtaMedium) > 0;
  at(Feature::EventWithAction) = ctx.events > 0 && acts ? 1 : 0;
  at(Feature::Free) = capped(ctx.free_words, 2);
  if (line_starts.empty()) line_starts = post.line_starts();  // once per post (the listings may have made it)
  const Voice v = voice(post, line_starts);
  at(Feature::ImperativeOpenings) = capped(v.imperative_openings, 3);
  at(Feature::SecondPerson) = capped(v.second_person, 6) / 2.0;
  at(Feature::Hiring) = ctx.hiring ? 1 : 0;
  at(Feature::PriceNews) = capped(price_news + reported, 2);  // promo5: reported and compared amounts too
  at(Feature::Complaint) = capped(ctx.complaints, 3);
  at(Feature::Charity) = ctx.charity_words.empty() ? 0 : 1;
  at(Feature::Contact) = capped(ctx.contacts, 3);
  at(Feature::Capacity) = capped(ctx.capacity, 2);
  at(Feature::Question) = capped(v.questions, 2);
  at(Feature::ComplaintNearPrice) = complaint_near_price > 0 ? 1 : 0;
  at(Feature::Giveaway) = ctx.giveaways > 0 ? 1 : 0;
  at(Feature::QuotedOffer) = quoted_sale || quoted_offer(post.tokens(), ctx.free_at) ? 1 : 0;
  // Amounts near market or price news are no price signal, but they are amounts.
  at(Feature::Price) = std::min(at(Feature::Price) + static_cast<double>(price_news), 3.0);
  // promo2: the structure of an offer written with few words, "hoodies $55, DM me", "Free roof
  // inspections. Call Dave": a price or a free service, and a way to buy or reach the seller.
  at(Feature::Phone) = phones > 0 || email ? 1 : 0;  // promo3: an e-mail address reaches the seller too
  at(Feature::FreeService) = free_services > 0 ? 1 : 0;
  at(Feature::Wage) = capped(wages, 2);
  {
    const bool priced = price_count > 0 || free_services > 0;
    const bool reach = ctx.contacts > 0 || phones > 0 || email || links > 0 || at(Feature::LinkInBio) > 0 ||
                       at(Feature::Booking) > 0 || booking_links > 0 || at(Feature::CtaStrong) > 0 ||
                       at(Feature::CtaMedium) > 0 || v.imperative_openings > 0;
    // A price the author complains about is no offer, whatever else the post says ("free trial ... then $19.99").
    at(Feature::OfferWithContact) = priced && reach && complaint_near_price == 0 ? 1 : 0;
  }
  // promo3 (after batch 8): a trade or service and a direct way to reach whoever does it, with no
  // price ("Plombier chauffagiste, dépannage 7j/7. 0478 ...", "Mobile dog wash. Ring Shaz on 0412 ...",
  // "Traductions juridiques ... info@..."). A job ad is not an offer; a question with only a DM line
  // asks for one ("anyone know a good plumber? DM me").
  at(Feature::ServiceContact) = ctx.services > 0 && !ctx.hiring && ctx.complaints == 0 &&
                                        (phones > 0 || email || (ctx.contacts > 0 && v.questions == 0))
                                    ? 1
                                    : 0;

  const auto& model = promotional_model();
  double z = model.bias;
  for (size_t i = 0; i < kFeatureCount; ++i) {
    const double c = model.weights[i] * f[i];
    z += c;
    if (c > 0) result.explanation.push_back(FeatureContribution{static_cast<Feature>(i), f[i], c});
  }
  std::sort(result.explanation.begin(), result.explanation.end(),
            [](const FeatureContribution& a, const FeatureContribution& b) { return a.contribution > b.contribution; });
  if (result.explanation.size() > kExplained) result.explanation.resize(kExplained);
  result.score = sigmoid(z);
  result.promotional = result.score >= model.threshold;
  if (result.promotional && !policy.company.empty()) result.disclosure = disclosure_for(language, policy);
  result.disclosure_present = find_employment_disclosure(norm, policy, result.disclosure_start, result.disclosure_end);
  return result;
}

bool find_employment_disclosure(const text::NormalizedText& norm, const policy::Policy& policy, uint32_t& start,
                                uint32_t& end) {
  if (policy.company.empty()) return false;
  // What the FTC and the French and UK rules accept as stating the employment: the
  // company named with the relation. "Opinions are my own" names none.
  static constexpr std::array kForms = {
      "i work at ",         "i work for ",    "i'm employed by ",       "i am employed by ",
      "employee of ",       "employee at ",   "disclosure: i work at ", "je travaille chez ",
      "je travaille pour ", "salarié de ",    "salariée de ",           "collaborateur de ",
      "collaboratrice de ", "employé de ",    "employée de ",           "employé chez ",
      "employée chez ",     "je bosse chez ",
  };
  // Every form names the company: without its first word anywhere in the post (hashtags
  // included, "#LumetraEmployee"), there is nothing to find, and the 20 phrases are not
  // built nor the post scanned again (most posts never name the employer).
  {
    const std::string company = text::normalize(policy.company).text;
    const std::string_view first = std::string_view(company).substr(0, company.find(' '));
    if (first.empty() || norm.text.find(first) == std::string::npos) return false;
  }
  std::vector<std::string> phrases;
  for (const char* form : kForms) phrases.push_back(std::string(form) + policy.company);
  phrases.push_back(policy.company + " employee");  // "#LumetraEmployee"
  phrases.push_back(policy.company + " team member");
  bool found = false;
  text::cached_matcher(phrases).matcher.for_each(norm, [&](const text::PhraseMatch& m) {
    start = norm.original_begin(m.begin);
    end = norm.original_end(m.end);
    found = true;
    return false;
  });
  return found;
}

std::string explanation_text(const std::vector<FeatureContribution>& explanation, std::string_view language) {
  std::string out;
  for (const auto& c : explanation) {
    const auto& info = feature_infos()[static_cast<size_t>(c.feature)];
    if (!out.empty()) out += "; ";
    out += language == "fr" ? info.fr : info.en;
  }
  return out;
}

std::string disclosure_for(std::string_view language, const policy::Policy& policy) {
  if (policy.company.empty()) return {};
  if (language == "fr") return "Je travaille chez " + policy.company + ".";
  return "I work at " + policy.company + ".";
}

}  // namespace ownvoice::checks
