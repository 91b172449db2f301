// When the proposed disclaimer is ticked by default (see disclaimer_recommendation.hpp).
#include "checks/disclaimer_recommendation.hpp"

#include <array>

#include "text/phrase_matcher.hpp"

namespace ownvoice::checks {
namespace {

// Everyday words of working life, French and English: a post that uses one is about the
// author's work even when it names no company ("my team shipped", "mon manager").
constexpr std::array kWorkWords = {
    "my job",        "my work",        "at work",          "my team",          "our team",       "my colleagues",
    "my colleague",  "coworker*",      "co-worker*",       "my manager",       "my boss",        "my employer",
    "my company",    "our company",    "our clients",      "our customers",    "my clients",     "the office",
    "the workplace", "our product",    "our products",     "our customers",    "product launch", "quarter",
    "roadmap",       "sprint",         "stakeholder*",     "hiring",           "we're hiring",   "recruit*",
    "job offer",     "new role",       "new job",          "promotion",        "promoted",       "onboarding",
    "conference",    "keynote",        "webinar",          "workshop",         "industry",       "b2b",
    "saas",          "startup",        "start-up",         "career",           "linkedin",       "mon travail",
    "mon boulot",    "au travail",     "au bureau",        "mon équipe",       "notre équipe",   "mes collègues",
    "mon collègue",  "ma collègue",    "mon manager",      "ma manager",       "mon patron",     "ma patronne",
    "mon employeur", "mon entreprise", "notre entreprise", "ma boîte",         "nos clients",    "mes clients",
    "notre produit", "nos produits",   "trimestre",        "feuille de route", "recrut*",        "nouveau poste",
    "nouveau job",   "conférence",     "webinaire",        "atelier",          "secteur",        "carrière",
    "alternance",    "stage",
};

const text::PhraseMatcher& work_matcher() {
  static const text::PhraseMatcher m = [] {
    text::PhraseMatcher pm;
    for (const char* w : kWorkWords) pm.add(w);
    pm.build();
    return pm;
  }();
  return m;
}

bool any_match(const text::PhraseMatcher& m, const text::NormalizedText& norm) {
  bool found = false;
  m.for_each(norm, [&](const text::PhraseMatch&) {
    found = true;
    return false;
  });
  return found;
}

}  // namespace

DisclaimerRecommendation recommend_disclaimer(const text::NormalizedText& norm, Platform platform,
                                              const policy::Policy& policy, const WorkSignals& signals) {
  DisclaimerRecommendation r;
  if (policy.propose_disclaimer_always) r.because.emplace_back("policy_always");
  if (spec(platform).professional) r.because.emplace_back("professional_network");
  if (signals.names_company) r.because.emplace_back("names_company");
  if (signals.promotional) r.because.emplace_back("promotional");
  if (signals.confidential) r.because.emplace_back("confidential");
  // The word lists are scanned only when nothing cheaper has already decided.
  if (!r.because.empty()) {
    r.recommended = true;
    return r;
  }
  if (!policy.industry.empty() && any_match(text::cached_matcher(policy.industry).matcher, norm))
    r.because.emplace_back("industry");
  if (any_match(work_matcher(), norm)) r.because.emplace_back("work_words");
  r.recommended = !r.because.empty();
  return r;
}

}  // namespace ownvoice::checks
