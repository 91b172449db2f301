// Policy layers: validation messages IT can act on, merging, provenance, and broken
// layers that are reported but never stop the checks.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>

#include "policy/loader.hpp"

using namespace ownvoice::policy;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {
struct TempDir {
  fs::path path;
  // Portable (the Windows build runs this test under Wine): a fresh folder in the
  // system's temporary directory, named from a random number.
  TempDir() {
    std::random_device random;
    do {
      path = fs::temp_directory_path() / ("ownvoice-policy-" + std::to_string(random()));
    } while (!fs::create_directory(path));
  }
  ~TempDir() { fs::remove_all(path); }
  std::string write(const std::string& name, const std::string& content) const {
    std::ofstream(path / name, std::ios::binary) << content;
    return (path / name).string();
  }
};

LoadOptions only_system(const std::string& path) {
  LoadOptions o;
  o.system_path = path;
  o.load_user = false;
  return o;
}
}  // namespace

TEST(Policy, TheShippedExampleIsValid) {
  std::string err;
  auto doc = read_policy_file(OWNVOICE_SOURCE_DIR "/examples/policy.example.json", err);
  ASSERT_TRUE(doc) << err;
  const auto v = validate(*doc, LayerKind::System);
  EXPECT_TRUE(v.errors.empty()) << v.errors.front();
  const auto ep = load_layers(only_system(OWNVOICE_SOURCE_DIR "/examples/policy.example.json"));
  EXPECT_EQ(ep.policy.company, "Lumetra");
  EXPECT_EQ(ep.policy.rules.size(), 6u);
  EXPECT_TRUE(ep.rejected().empty());
}

// The engine keeps only the typed policy; the transparency view writes it back. Every
// field the example sets reads back as written, defaults are shown, and reading the view
// again gives the same policy.
TEST(Policy, TheTransparencyViewIsTheTypedPolicyWrittenBack) {
  std::string err;
  auto doc = read_policy_file(OWNVOICE_SOURCE_DIR "/examples/policy.example.json", err);
  ASSERT_TRUE(doc) << err;
  const auto ep = load_layers(only_system(OWNVOICE_SOURCE_DIR "/examples/policy.example.json"));
  const json view = describe(ep)["effective"];
  for (auto& rule : (*doc)["rules"])  // a rule's empty list means the same as none, and is not shown
    for (const char* list : {"terms", "patterns", "exceptions", "platforms", "near"})
      if (rule.contains(list) && rule[list].empty()) rule.erase(list);
  for (auto kv = doc->begin(); kv != doc->end(); ++kv) {
    if (kv.key() == "$schema") continue;
    if (kv.key() == "disclaimers" || kv.key() == "short_disclaimers") {
      for (auto d = kv.value().begin(); d != kv.value().end(); ++d) EXPECT_EQ(view[kv.key()][d.key()], d.value());
    } else {
      EXPECT_EQ(view[kv.key()], kv.value()) << kv.key();
    }
  }
  EXPECT_EQ(view["debug"], false);  // employee-only fields show their effective value
  EXPECT_EQ(view["keep_work_out_of"], json::array());
  EXPECT_EQ(to_json(from_json(view)), view);
  EXPECT_TRUE(validate(view, LayerKind::Managed).errors.size() == 2u)  // debug, keep_work_out_of
      << validate(view, LayerKind::Managed).errors.front();
}

TEST(Policy, TheEmployeesOwnListsReachTheView) {
  TempDir t;
  const auto user = t.write("user.json", R"({"keep_work_out_of": ["instagram"], "debug": true})");
  LoadOptions o;
  o.system_path = "/nonexistent/ownvoice/policy.json";
  o.user_path = user;
  const auto ep = load_layers(o);
  EXPECT_EQ(ep.policy.keep_work_out_of, std::vector<std::string>{"instagram"});
  EXPECT_TRUE(ep.policy.debug);
  EXPECT_EQ(describe(ep)["effective"]["keep_work_out_of"], json::array({"instagram"}));
  EXPECT_EQ(ep.sources.at("keep_work_out_of"), "user");
}

TEST(Policy, BuiltinDefaultsWithoutAnyFile) {
  const auto ep = load_layers(only_system("/nonexistent/ownvoice/policy.json"));
  EXPECT_EQ(ep.policy.disclaimers.at("en"), "Opinions are my own.");
  EXPECT_EQ(ep.policy.disclaimers.at("fr"), "Ces propos n'engagent que moi.");
  EXPECT_DOUBLE_EQ(ep.policy.promotional_threshold, 0.30);
  EXPECT_TRUE(ep.rejected().empty());  // an absent file is not an error
  EXPECT_FALSE(ep.layers[1].present);
}

TEST(Policy, InvalidJsonNamesFileLineAndColumn) {
  TempDir t;
  const auto path = t.write("p.json", "{\n  \"company\": \"Lumetra\",\n  \"brands\": [\"a\" \"b\"]\n}\n");
  const auto ep = load_layers(only_system(path));
  ASSERT_EQ(ep.rejected().size(), 1u);
  EXPECT_NE(ep.rejected()[0].error.find(path + ":3:"), std::string::npos) << ep.rejected()[0].error;
  EXPECT_NE(ep.rejected()[0].error.find("invalid JSON"), std::string::npos);
  // The checks still run on the built-in layer.
  EXPECT_EQ(ep.policy.disclaimers.at("en"), "Opinions are my own.");
  EXPECT_EQ(ep.rejected_json()[0]["source"], "system");
}

TEST(Policy, FieldErrorsNameTheField) {
  auto first_error = [](const json& doc) { return validate_document(doc, LayerKind::System); };
  EXPECT_EQ(first_error({{"rules", {{{"id", "a"}, {"severity", "high"}, {"terms", {"x"}}}}}}),
            "rules[0].severity: must be \"block\" or \"warn\", got \"high\"");
  EXPECT_EQ(first_error({{"promotional_threshold", 3}}), "promotional_threshold: must be between 0 and 1, got 3");
  EXPECT_EQ(first_error({{"rules", {{{"id", "a"}, {"patterns", {"(unclosed"}}}}}})
                .rfind("rules[0].patterns[0]: invalid RE2 pattern", 0),
            0u);
  EXPECT_EQ(first_error({{"rules", {{{"id", "a"}}}}}),
            "rules[0]: has no terms, patterns or near clause: it would match nothing");
  EXPECT_EQ(first_error({{"rules", {{{"id", "a"}, {"terms", {"x"}}}, {{"id", "a"}, {"terms", {"y"}}}}}}),
            "rules[1].id: \"a\" is used by another rule");
  EXPECT_EQ(first_error({{"rules", {{{"id", "a"}, {"terms", {"x"}}, {"platforms", {"myspace"}}}}}}),
            "rules[0].platforms: unknown platform \"myspace\"");
  EXPECT_EQ(first_error({{"packs", {"everything"}}}),
            "packs: unknown rule pack \"everything\" (known: personal_data, secrets)");
  EXPECT_EQ(first_error({{"brands", "Lumetra"}}), "brands: must be an array of strings, got \"Lumetra\"");
  EXPECT_EQ(first_error(json::array()), "(top level): a policy must be a JSON object");
  EXPECT_EQ(first_error({{"rules", {{{"id", "a"}, {"near", {{{"left", {"x"}}, {"within", 6}}}}}}}}),
            "rules[0].near[0].right: is required");
}

TEST(Policy, UnknownFieldsAreWarningsSoNewerPoliciesStillLoad) {
  const auto v = validate({{"company", "X"}, {"future_field", 1}}, LayerKind::System);
  EXPECT_TRUE(v.errors.empty());
  ASSERT_EQ(v.warnings.size(), 1u);
  EXPECT_NE(v.warnings[0].find("future_field"), std::string::npos);
}

TEST(Policy, EmployerCannotSetTheEmployeesOwnFields) {
  EXPECT_EQ(validate_document({{"keep_work_out_of", {"instagram"}}}, LayerKind::System),
            "keep_work_out_of: belongs to the employee's own preferences; the employer's policy cannot set it");
  EXPECT_EQ(validate_document({{"rules", json::array()}}, LayerKind::User),
            "rules: cannot be set in the employee's preferences (only the employer's policy sets it)");
}

TEST(Policy, LayersMergeAndRememberTheirSource) {
  TempDir t;
  const auto sys = t.write("sys.json", R"({"company": "Lumetra", "disclaimers": {"en": "My views."},
    "rules": [{"id": "codenames", "severity": "block", "terms": ["Orion"]}]})");
  const auto user = t.write("user.json", R"({"disclaimers": {"fr": "Mon avis."}})");
  LoadOptions o;
  o.system_path = sys;
  o.user_path = user;
  o.managed = json{{"rules",
                    {{{"id", "codenames"}, {"severity", "warn"}, {"terms", {"Nova"}}},
                     {{"id", "tickets"}, {"patterns", {"lum-[0-9]+"}}}}}};
  const auto ep = load_layers(o);
  EXPECT_TRUE(ep.rejected().empty());
  EXPECT_EQ(ep.policy.disclaimers.at("en"), "My views.");
  EXPECT_EQ(ep.policy.disclaimers.at("fr"), "Mon avis.");
  ASSERT_EQ(ep.policy.rules.size(), 2u);
  EXPECT_EQ(ep.policy.rules[0].terms, std::vector<std::string>{"Nova"});  // managed replaced the rule by id
  EXPECT_EQ(ep.sources.at("company"), "system");
  EXPECT_EQ(ep.sources.at("rules.codenames"), "managed");
  EXPECT_EQ(ep.sources.at("rules.tickets"), "managed");
  EXPECT_EQ(ep.sources.at("disclaimers.en"), "system");
  EXPECT_EQ(ep.sources.at("disclaimers.fr"), "user");
  EXPECT_EQ(ep.sources.at("promotional_threshold"), "builtin");
  const auto d = describe(ep);
  EXPECT_EQ(d["layers"].size(), 4u);
  EXPECT_EQ(d["layers"][2]["source"], "managed");
}

TEST(Policy, EmployeeDisclaimerOnlyWherePolicyAllowsIt) {
  TempDir t;
  const auto sys = t.write("sys.json", R"({"allow_user_disclaimer": false, "disclaimers": {"en": "Official."}})");
  const auto user = t.write("user.json", R"({"disclaimers": {"en": "Mine."}})");
  LoadOptions o;
  o.system_path = sys;
  o.user_path = user;
  const auto ep = load_layers(o);
  EXPECT_EQ(ep.policy.disclaimers.at("en"), "Official.");
  ASSERT_EQ(ep.layers[3].ignored.size(), 1u);
}

TEST(Policy, BrokenManagedLayerIsRejectedOthersApply) {
  TempDir t;
  const auto sys = t.write("sys.json", R"({"company": "Lumetra"})");
  LoadOptions o = only_system(sys);
  o.managed = json{{"rules", "not an array"}};
  const auto ep = load_layers(o);
  ASSERT_EQ(ep.rejected().size(), 1u);
  EXPECT_EQ(ep.rejected()[0].kind, LayerKind::Managed);
  EXPECT_EQ(ep.rejected()[0].error, "managed policy: rules: must be an array of rules");
  EXPECT_EQ(ep.policy.company, "Lumetra");
}

TEST(Policy, UnreadableFileIsReportedNotFatal) {
  TempDir t;
  const auto ep = load_layers(only_system(t.path.string()));  // a directory
  ASSERT_EQ(ep.rejected().size(), 1u);
}
