#pragma once
// The named features of the promotional model (docs/checks.md "Promotional"): what the
// extractor in promotional.cpp measures in a post, and the sentence an employee reads
// when a feature is among those that made the post promotional. The weights come from
// scripts/train_promotional.py (promotional_model.inc); this list is the contract
// between the two: a feature's name is its key in the weights.
#include <array>
#include <cstddef>
#include <span>
#include <string_view>

namespace ownvoice::checks {

enum class Feature : size_t {
  CtaStrong,
  CtaMedium,
  CtaWeak,
  Price,
  OfferNearPrice,
  Discount,
  PromoCode,
  Referral,
  Booking,
  BookingLink,
  ShopLink,
  Link,
  LinkInBio,
  Urgency,
  Event,
  EventWithAction,
  Selling,
  Free,
  Company,
  Brand,
  ImperativeOpenings,
  SecondPerson,
  Superlative,
  Contact,
  Capacity,
  Hiring,
  PriceNews,
  Complaint,
  Charity,
  Question,
  ComplaintNearPrice,
  QuotedOffer,
  Giveaway,
  OfferWithContact,
  Phone,
  FreeService,
  Wage,
  ServiceContact,
  Count_
};
inline constexpr size_t kFeatureCount = static_cast<size_t>(Feature::Count_);
using FeatureVector = std::array<double, kFeatureCount>;

struct FeatureInfo {
  const char* name;  // key in promotional_model.inc and in `corpus_features` output
  const char* en;    // "it quotes a price": completes "This post reads as promotional: ..."
  const char* fr;
};

std::span<const FeatureInfo, kFeatureCount> feature_infos();

// A feature's weight times its value, for the explanation.
struct FeatureContribution {
  Feature feature;
  double value = 0;
  double contribution = 0;
};

// The trained model: bias, one weight per feature, and the decision threshold picked by
// cross-validation on the train split (promotional_model.inc).
struct PromotionalModel {
  double bias = 0;
  std::array<double, kFeatureCount> weights{};
  double threshold = 0.5;
};
const PromotionalModel& promotional_model();

}  // namespace ownvoice::checks
