// The engine's result object: verdicts, ids, provenance, the employee's own share.
#include <gtest/gtest.h>

#include <set>

#include "engine/engine.hpp"
#include "engine/result_json.hpp"

using namespace ownvoice;
using nlohmann::json;

namespace {
engine::Engine example_engine(std::optional<json> managed = std::nullopt) {
  policy::LoadOptions o;
  o.system_path = OWNVOICE_SOURCE_DIR "/examples/policy.example.json";
  o.load_user = false;
  o.managed = std::move(managed);
  return engine::Engine(policy::load_layers(o));
}

json check(const engine::Engine& e, const std::string& text, const std::string& platform = "linkedin",
           std::optional<engine::PromotionalHistory> history = std::nullopt) {
  engine::CheckRequest r;
  r.text = text;
  r.platform = platform;
  r.history = history;
  return engine::to_json(e.check(r));
}
}  // namespace

TEST(Engine, ResultHasTheDocumentedShape) {
  const auto e = example_engine();
  const auto r = check(e, "Great day at the conference with the team!");
  for (const char* key : {"verdict", "check_id", "platform", "language", "length", "findings", "disclaimer",
                          "promotional", "consent", "policy"})
    EXPECT_TRUE(r.contains(key)) << key;
  EXPECT_EQ(r["verdict"], "ok");
  EXPECT_EQ(r["language"], "en");
  EXPECT_EQ(r["consent"]["required"], true);
  EXPECT_EQ(r["policy"]["version"], "lumetra-2026-11");
  EXPECT_TRUE(r["policy"]["rejected_layers"].empty());
  EXPECT_FALSE(r["disclaimer"]["present"]);
  EXPECT_NE(r["disclaimer"]["proposed_text"].get<std::string>().find("Opinions are my own."), std::string::npos);
}

TEST(Engine, BlockBeatsWarnBeatsOk) {
  const auto e = example_engine();
  EXPECT_EQ(check(e, "Ticket LUM-4521 is fixed. Opinions are my own.")["verdict"], "warn");
  EXPECT_EQ(check(e, "Ticket LUM-4521 and Projet Edelweiss. Opinions are my own.")["verdict"], "block");
  EXPECT_EQ(check(e, "Lovely hike this weekend. Opinions are my own.")["verdict"], "ok");
}

TEST(Engine, FindingsCarryRuleDescriptionAndUtf16Span) {
  const auto e = example_engine();
  const std::string text = "😀 Le projet-edelweiss avance";
  const auto r = check(e, text);
  json hit;
  for (const auto& f : r["findings"])
    if (f["check"] == "confidential") hit = f;
  ASSERT_FALSE(hit.is_null());
  EXPECT_EQ(hit["rule"], "codenames");
  EXPECT_EQ(hit["severity"], "block");
  EXPECT_EQ(hit["description"], "Unannounced project codenames");
  EXPECT_EQ(hit["excerpt"], "projet-edelweiss");
  EXPECT_EQ(hit["start"], 6);  // the emoji is two UTF-16 units
  EXPECT_EQ(hit["end"], 22);
}

TEST(Engine, CheckIdsAreUniqueAndOpaque) {
  const auto e = example_engine();
  std::set<std::string> ids;
  for (int i = 0; i < 200; ++i) ids.insert(check(e, "same text")["check_id"].get<std::string>());
  EXPECT_EQ(ids.size(), 200u);
  EXPECT_EQ(ids.begin()->rfind("c-", 0), 0u);
  EXPECT_EQ(ids.begin()->size(), 26u);
}

TEST(Engine, RejectedLayerIsInEveryResult) {
  const auto e = example_engine(json{{"rules", {{{"id", "x"}, {"severity", "fatal"}, {"terms", {"y"}}}}}});
  const auto r = check(e, "Projet Edelweiss");
  ASSERT_EQ(r["policy"]["rejected_layers"].size(), 1u);
  EXPECT_EQ(r["policy"]["rejected_layers"][0]["source"], "managed");
  EXPECT_EQ(r["verdict"], "block");  // the system layer still applies
}

TEST(Engine, OwnPromotionalShareWarnsOverTheThreshold) {
  const auto e = example_engine();
  const std::string promo = "Essayez LumiDesk gratuitement jusqu'à dimanche : -30 % avec le code LUMI30 !";
  // 2 of 10 recent posts promotional: this one makes 3/11 = 27%, under 30%.
  auto r = check(e, promo, "linkedin", engine::PromotionalHistory{10, 2, 30});
  ASSERT_TRUE(r["promotional"]["promotional"].get<bool>());
  EXPECT_TRUE(r["promotional"]["own_share"]["available"].get<bool>());
  EXPECT_FALSE(r["promotional"]["own_share"]["over_threshold"].get<bool>());
  // 3 of 10: this one makes 4/11 = 36%, over.
  r = check(e, promo, "linkedin", engine::PromotionalHistory{10, 3, 30});
  EXPECT_TRUE(r["promotional"]["own_share"]["over_threshold"].get<bool>());
  bool found = false;
  for (const auto& f : r["findings"]) found = found || f["rule"] == "own_share";
  EXPECT_TRUE(found);
  // Without the log, the share is simply not available.
  EXPECT_FALSE(check(e, promo)["promotional"]["own_share"]["available"].get<bool>());
}

TEST(Engine, TheEmployeesDisclaimerNeverTripsARule) {
  policy::EffectivePolicy ep;
  ep.policy = policy::from_json(
      nlohmann::json{{"disclaimers", {{"en", "Opinions are my own."}}},
                     {"rules", {{{"id", "opinions"}, {"severity", "block"}, {"terms", {"opinions"}}}}}});
  const engine::Engine e(std::move(ep));
  const auto r = check(e, "A nice day. Opinions are my own.");
  EXPECT_TRUE(r["disclaimer"]["present"].get<bool>());
  EXPECT_EQ(r["verdict"], "ok");
}

TEST(Engine, LanguageFollowsThePostOrTheRequest) {
  const auto e = example_engine();
  EXPECT_EQ(check(e, "Je suis très fière de notre équipe et de ce que nous avons construit ensemble.")["language"],
            "fr");
  engine::CheckRequest r;
  r.text = "Proud of the team.";
  r.language = "fr";
  const auto j = engine::to_json(e.check(r));
  EXPECT_EQ(j["language"], "fr");
  EXPECT_NE(j["disclaimer"]["proposed_text"].get<std::string>().find("Ces propos n'engagent que moi."),
            std::string::npos);
}

TEST(Engine, PlatformLengthIsReported) {
  const auto e = example_engine();
  const auto r = check(e, std::string(300, 'a'), "x");
  EXPECT_EQ(r["length"]["limit"], 280);
  EXPECT_FALSE(r["length"]["fits"].get<bool>());
  EXPECT_FALSE(r["disclaimer"]["fits"].get<bool>());
  EXPECT_EQ(r["verdict"], "warn");
}

TEST(Engine, WorkRelatedUsesTheBrandMatching) {
  const auto e = example_engine();
  auto r = check(e, "Loving my new LumiDesk setup at home");
  EXPECT_TRUE(r["work"]["about_work"].get<bool>());
  EXPECT_TRUE(r["work"]["names_company"].get<bool>());
  EXPECT_EQ(r["work"]["company"], "Lumetra");
  r = check(e, "Sunday pancakes with the kids");
  EXPECT_FALSE(r["work"]["about_work"].get<bool>());
}
