// The confidential screener against the Unicode and boundary cases.
#include <gtest/gtest.h>

#include "checks/confidential.hpp"
#include "policy/loader.hpp"

using namespace ownvoice;

namespace {
policy::Policy make(const nlohmann::json& doc) {
  EXPECT_EQ(policy::validate_document(doc, policy::LayerKind::System), "");
  return policy::from_json(doc);
}

std::vector<checks::ConfidentialHit> screen(const policy::Policy& p, const std::string& text,
                                            const std::string& platform = "linkedin") {
  checks::Screener s(p);
  return s.screen(text, text::normalize(text), platform);
}

std::vector<std::string> excerpts(const std::vector<checks::ConfidentialHit>& hits) {
  std::vector<std::string> out;
  for (const auto& h : hits) out.push_back(h.excerpt);
  return out;
}

const nlohmann::json kCodenames = {{"rules",
                                    {{{"id", "codenames"},
                                      {"description", "Codenames"},
                                      {"severity", "block"},
                                      {"terms", {"Projet Edelweiss", "Orion"}},
                                      {"exceptions", {"Orion constellation"}}}}}};
}  // namespace

TEST(Confidential, TermInEveryDisguise) {
  const auto p = make(kCodenames);
  for (const std::string text : {"#ProjetEdelweiss", "projet-edelweiss", "PROJET\u00a0ÉDELWEISS", "Projet\nEdelweiss",
                                 "projet_edelweiss", "Projet Edel\u200Bweiss", "ＰＲＯＪＥＴ ＥＤＥＬＷＥＩＳＳ"}) {
    const auto hits = screen(p, "Voici le " + text + " !");
    ASSERT_EQ(hits.size(), 1u) << text;
    EXPECT_EQ(hits[0].excerpt, text[0] == '#' ? text.substr(1) : text);
    EXPECT_EQ(hits[0].rule, "codenames");
    EXPECT_EQ(hits[0].severity, policy::Severity::Block);
  }
}

TEST(Confidential, WordBoundaries) {
  const auto p = make(kCodenames);
  EXPECT_TRUE(screen(p, "Watching the Orionids tonight").empty());
  EXPECT_EQ(excerpts(screen(p, "C'est l'Orion qui arrive")), std::vector<std::string>{"Orion"});
  EXPECT_EQ(excerpts(screen(p, "cc @orion")), std::vector<std::string>{"orion"});
  EXPECT_EQ(excerpts(screen(p, "l’ORION")), std::vector<std::string>{"ORION"});
}

TEST(Confidential, SpansAreUtf16OffsetsOfTheOriginal) {
  const auto p = make(kCodenames);
  const std::string text = "🚀🚀 Projet Édelweiss";
  const auto hits = screen(p, text);
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].start, 5u);  // two emoji = 4 UTF-16 units, then a space
  EXPECT_EQ(hits[0].end, 21u);
}

TEST(Confidential, ExceptionsDropHitsInsideThem) {
  const auto p = make(kCodenames);
  EXPECT_TRUE(screen(p, "Look at the Orion constellation tonight").empty());
  EXPECT_EQ(screen(p, "Orion constellation, and Orion again").size(), 1u);
}

TEST(Confidential, PlatformsRestrictARule) {
  const auto p = make({{"rules", {{{"id", "x-only"}, {"terms", {"Orion"}}, {"platforms", {"x"}}}}}});
  EXPECT_EQ(screen(p, "Orion", "x").size(), 1u);
  EXPECT_TRUE(screen(p, "Orion", "linkedin").empty());
}

TEST(Confidential, PrefixTerms) {
  const auto p = make({{"rules", {{{"id", "deals"}, {"terms", {"acqui*"}}}}}});
  EXPECT_EQ(excerpts(screen(p, "Acquisition done; acquis; ACQUIRED")),
            (std::vector<std::string>{"Acquisition", "acquis", "ACQUIRED"}));
  EXPECT_TRUE(screen(p, "we reacquire").empty());
}

TEST(Confidential, NearClauseCatchesQuarterlyResultsNotEveryQuarter) {
  const auto p = make({{"rules",
                        {{{"id", "quarterly-results"},
                          {"severity", "block"},
                          {"near",
                           {{{"left", {"résultats", "results", "CA"}},
                             {"right", {"T3", "Q3", "trimestre", "quarter"}},
                             {"within", 6}}}},
                          {"exceptions", {"résultats publiés"}}}}}});
  EXPECT_EQ(excerpts(screen(p, "Nos résultats du T3 sont excellents")), std::vector<std::string>{"résultats du T3"});
  EXPECT_EQ(excerpts(screen(p, "Q3 results are in")), std::vector<std::string>{"Q3 results"});
  EXPECT_TRUE(screen(p, "Planning the Q3 offsite with the team").empty());
  EXPECT_TRUE(screen(p, "Our results were great. Then we went hiking for a long long weekend in Q3").empty());
  EXPECT_TRUE(screen(p, "Les résultats publiés du T3 sont en ligne").empty());
}

TEST(Confidential, PatternsRunOnNormalisedTextCaseInsensitively) {
  const auto p = make({{"rules",
                        {{{"id", "hosts"}, {"patterns", {"\\b[a-z0-9-]+\\.lumetra\\.internal\\b"}}},
                         {{"id", "tickets"}, {"severity", "warn"}, {"patterns", {"\\blum-[0-9]{2,6}\\b"}}}}}});
  const auto hits = screen(p, "See BUILD-01.Lumetra.Internal and LUM‑4521 (non-breaking hyphen)");
  ASSERT_EQ(hits.size(), 2u);
  EXPECT_EQ(hits[0].rule, "hosts");
  EXPECT_EQ(hits[0].excerpt, "BUILD-01.Lumetra.Internal");
  EXPECT_EQ(hits[1].rule, "tickets");
  EXPECT_EQ(hits[1].excerpt, "LUM‑4521");
}

TEST(Confidential, CatastrophicLookingPatternsStayLinear) {
  // A backtracking engine would hang on this; RE2 cannot.
  const auto p = make({{"rules", {{{"id", "evil"}, {"patterns", {"(a+)+$b"}}}}}});
  const std::string text(100000, 'a');
  EXPECT_TRUE(screen(p, text).empty());
}

TEST(Confidential, TenThousandTermsOneAutomaton) {
  nlohmann::json terms = nlohmann::json::array();
  for (int i = 0; i < 10000; ++i) terms.push_back("codename " + std::to_string(i));
  const auto p = make({{"rules", {{{"id", "many"}, {"terms", terms}}}}});
  checks::Screener s(p);
  EXPECT_EQ(s.stats().terms, 10000u);
  const std::string text = "we talked about Codename-7777 and codename77777";
  const auto hits = s.screen(text, text::normalize(text), "x");
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].excerpt, "Codename-7777");
}
