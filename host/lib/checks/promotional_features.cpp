// Names and sentences of the promotional model's features, and the trained weights
// (see promotional_features.hpp).
#include "checks/promotional_features.hpp"

#include <stdexcept>
#include <string>
#include <utility>

namespace ownvoice::checks {
namespace {

constexpr std::array<FeatureInfo, kFeatureCount> kInfos = {{
    {"cta_strong", "it asks readers to buy, order or sign up", "il invite à acheter, commander ou s'inscrire"},
    {"cta_medium", "it asks readers to act (book, register, download)",
     "il invite à agir (réserver, s'inscrire, télécharger)"},
    {"cta_weak", "it points readers to more (learn more, check it out)",
     "il renvoie vers la suite (découvrez, en savoir plus)"},
    {"price", "it quotes a price", "il indique un prix"},
    {"offer_near_price", "it offers something at a price", "il propose quelque chose à un prix"},
    {"discount", "it announces a discount", "il annonce une réduction"},
    {"promo_code", "it gives a promo code", "il donne un code promo"},
    {"referral", "it shares a referral, affiliate or sponsored offer",
     "il partage une offre de parrainage, d'affiliation ou sponsorisée"},
    {"booking", "it asks readers to register or book", "il invite à s'inscrire ou à réserver"},
    {"booking_link", "it links to a booking or registration page",
     "il renvoie vers une page de réservation ou d'inscription"},
    {"shop_link", "it links to a shop", "il renvoie vers une boutique"},
    {"link", "it contains a link", "il contient un lien"},
    {"link_in_bio", "it sends readers to the link in bio", "il renvoie au lien en bio"},
    {"urgency", "it creates urgency (limited time, last spots)",
     "il crée de l'urgence (durée limitée, dernières places)"},
    {"event", "it announces a webinar, demo, workshop or session",
     "il annonce un webinaire, une démo, un atelier ou une séance"},
    {"event_with_action", "it invites readers to a webinar, demo or session",
     "il invite à un webinaire, une démo ou une séance"},
    {"selling", "it sells or opens something (for sale, now open, pay what you want)",
     "il vend ou ouvre quelque chose (à vendre, ouverture, prix libre)"},
    {"free", "it offers something for free", "il offre quelque chose gratuitement"},
    {"company", "it names your employer", "il nomme votre employeur"},
    {"brand", "it names your employer's products", "il nomme des produits de votre employeur"},
    {"imperative_openings", "its sentences tell readers what to do", "ses phrases disent au lecteur quoi faire"},
    {"second_person", "it addresses readers directly (you, your)", "il s'adresse directement au lecteur (vous, tu)"},
    {"superlative", "it uses advertising superlatives", "il emploie des superlatifs publicitaires"},
    {"contact", "it tells readers how to buy or book (DM, link in the comments, on request)",
     "il dit comment acheter ou réserver (MP, lien en commentaire, sur demande)"},
    {"capacity", "it offers limited places or availability", "il propose des places ou des disponibilités limitées"},
    {"hiring", "it is a hiring post", "c'est une offre d'emploi"},
    {"price_news", "its amounts are market or price news", "ses montants sont de l'actualité économique"},
    {"complaint", "it reads as a complaint", "il se lit comme une réclamation"},
    {"charity", "it is about a charity or a cause", "il concerne une association ou une cause"},
    {"question", "it asks a question", "il pose une question"},
    {"complaint_near_price", "it complains about a price it quotes", "il se plaint d'un prix qu'il cite"},
    {"quoted_offer", "it puts an offer in quotation marks (\"free\" trial)",
     "il met une offre entre guillemets (« gratuit »)"},
    {"giveaway", "it gives something away", "il donne quelque chose"},
    // (in the enum's order: until promo2 these two were swapped, each value printed and weighed under the other's name)
    {"offer_with_contact", "it offers something at a price and says how to get it (call, DM, link)",
     "il propose quelque chose à un prix et dit comment l'obtenir (appel, MP, lien)"},
    {"phone", "it gives a phone number or an e-mail address", "il donne un numéro de téléphone ou une adresse e-mail"},
    {"free_service", "it offers a free service (quote, inspection, consultation)",
     "il offre un service gratuit (devis, diagnostic, consultation)"},
    {"wage", "its amounts are what a job pays", "ses montants sont le salaire d'un poste"},
    {"service_contact", "it names a trade or service and how to reach whoever does it (phone, e-mail, DM)",
     "il nomme un métier ou un service et comment joindre qui le fait (téléphone, e-mail, MP)"},
}};

struct NamedWeight {
  const char* name;
  double weight;
};

#include "checks/promotional_model.inc"

PromotionalModel load_model() {
  PromotionalModel m;
  m.bias = kPromoBias;
  m.threshold = kPromoThreshold;
  std::array<bool, kFeatureCount> seen{};
  for (const auto& [name, weight] : kPromoWeights) {
    size_t i = 0;
    while (i < kFeatureCount && std::string_view(kInfos[i].name) != name) ++i;
    if (i == kFeatureCount) throw std::logic_error(std::string("promotional model: unknown feature ") + name);
    m.weights[i] = weight;
    seen[i] = true;
  }
  for (size_t i = 0; i < kFeatureCount; ++i)
    if (!seen[i]) throw std::logic_error(std::string("promotional model: no weight for ") + kInfos[i].name);
  return m;
}

}  // namespace

std::span<const FeatureInfo, kFeatureCount> feature_infos() { return kInfos; }

const PromotionalModel& promotional_model() {
  static const PromotionalModel model = load_model();
  return model;
}

}  // namespace ownvoice::checks
