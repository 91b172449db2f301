// Requests to the real host: good ones answered exactly, bad ones answered with the
// stable error codes, none of them fatal.
#include <string>

#include "engine/engine.hpp"
#include "engine/result_json.hpp"
#include "host_fixture.hpp"
#include "ownvoice/version.hpp"
#include "policy/loader.hpp"

namespace ownvoice::testing {
namespace {

using nlohmann::json;

const std::string kExamplePolicy = std::string(OWNVOICE_SOURCE_DIR) + "/examples/policy.example.json";
const char* kPost = "Le projet Edelweiss avance bien, on en reparle au T3 avec les résultats.";

class Requests : public HostTest {};

TEST_F(Requests, HelloIsAnsweredExactly) {
  const HostRun r = run(frame(json{{"id", 1}, {"type", "hello"}, {"protocol", 1}, {"extension_version", "0.1.0"}}));
  ASSERT_EQ(r.frames.size(), 1u);
  const json expected = {
      {"id", 1},
      {"ok", true},
      {"type", "hello"},
      {"result",
       {{"protocol", 1},
        {"host_version", ownvoice::kVersion},
        {"capabilities", {"check", "confirm", "policy", "log"}},
        {"policy",
         {{"version", "lumetra-2026-11"}, {"company", "Lumetra"}, {"rules", 6}, {"rejected_layers", json::array()}}},
        {"debug", false},
        {"sandbox", {{"network", "enforced"}, {"mechanism", "seccomp"}, {"reason", ""}}},
        {"diagnostics", {{"level", "default"}}},
        {"log", {{"initialized", false}}}}}};
  EXPECT_EQ(parse(r.frames[0]), expected);
}

TEST_F(Requests, PingIsAnsweredExactlyWithTheSameStringId) {
  const HostRun r = run(frame(R"({"id":"ping-1","type":"ping"})"));
  ASSERT_EQ(r.frames.size(), 1u);
  EXPECT_EQ(r.frames[0], R"({"id":"ping-1","ok":true,"result":{"pong":true},"type":"ping"})");
}

TEST_F(Requests, PolicyFlagWorksLikeTheEnvironmentVariable) {
  command.env.erase("OWNVOICE_SYSTEM_POLICY");
  command.argv.insert(command.argv.begin() + 1, {"--policy", kExamplePolicy});
  const HostRun r = run(frame(R"({"id":1,"type":"hello"})"));
  ASSERT_EQ(r.frames.size(), 1u);
  EXPECT_EQ(parse(r.frames[0])["result"]["policy"]["version"], "lumetra-2026-11");
}

// Protocol agreement: a newer (or older) extension learns which protocol and version this
// host speaks, so it can say which side to update; unknown hello fields are ignored.
TEST_F(Requests, HelloWithAnotherProtocolAnswersWithTheHostsOwn) {
  const HostRun r = run(frame(R"({"id":1,"type":"hello","protocol":2,"extension_version":"9.0.0","wants":["x"]})") +
                        frame(R"({"id":2,"type":"hello","protocol":0})"));
  ASSERT_EQ(r.frames.size(), 2u);
  for (const auto& f : r.frames) {
    const json reply = parse(f);
    ASSERT_EQ(reply["ok"], true) << reply.dump();
    EXPECT_EQ(reply["result"]["protocol"], ownvoice::kProtocolVersion);
    EXPECT_EQ(reply["result"]["host_version"], ownvoice::kVersion);
  }
}

TEST_F(Requests, CheckReturnsExactlyTheEnginesResult) {
  const HostRun r = run(frame(json{{"id", 2}, {"type", "check"}, {"text", kPost}, {"platform", "x"}}));
  ASSERT_EQ(r.frames.size(), 1u);
  json reply = parse(r.frames[0]);
  ASSERT_TRUE(reply["ok"].get<bool>()) << reply.dump();
  EXPECT_EQ(reply["id"], 2);
  EXPECT_EQ(reply["type"], "check");

  // The same check in this process, with the same layers (the temp home has no preferences).
  policy::LoadOptions options;
  options.system_path = kExamplePolicy;
  options.load_user = false;
  const engine::Engine engine(policy::load_layers(options));
  engine::CheckRequest request;
  request.text = kPost;
  request.platform = "x";
  json expected = engine::to_json(engine.check(request));

  json& got = reply["result"];
  ASSERT_TRUE(got["check_id"].is_string());
  EXPECT_EQ(got["check_id"].get<std::string>().rfind("c-", 0), 0u);
  got.erase("check_id");
  expected.erase("check_id");
  EXPECT_EQ(got, expected);
  EXPECT_EQ(got["verdict"], "block");
}

TEST_F(Requests, CheckSpansAreUtf16OffsetsOfTheTextSent) {
  // U+1F600 is two UTF-16 code units, "é" one: "Edelweiss" starts at 5.
  const HostRun r = run(frame(json{{"id", 3}, {"type", "check"}, {"text", "😀 é Edelweiss"}, {"platform", "linkedin"}}));
  ASSERT_EQ(r.frames.size(), 1u);
  const json result = parse(r.frames[0])["result"];
  bool found = false;
  for (const auto& f : result["findings"]) {
    if (f["rule"] == "codenames") {
      EXPECT_EQ(f["start"], 5);
      EXPECT_EQ(f["end"], 14);
      found = true;
    }
  }
  EXPECT_TRUE(found) << result.dump();
}

TEST_F(Requests, CheckWithAManagedPolicyAppliesIt) {
  const json managed = {{"rules",
                         {{{"id", "managed-codename"},
                           {"description", "From managed storage"},
                           {"severity", "block"},
                           {"terms", {"Zephyrine"}}}}}};
  const HostRun r = run(frame(json{{"id", 4},
                                   {"type", "check"},
                                   {"text", "Zephyrine ships soon"},
                                   {"platform", "x"},
                                   {"managed_policy", managed}}) +
                        frame(json{{"id", 5}, {"type", "check"}, {"text", "Zephyrine ships soon"}, {"platform", "x"}}));
  ASSERT_EQ(r.frames.size(), 2u);
  auto rules = [](const json& reply) {
    std::vector<std::string> out;
    for (const auto& f : reply["result"]["findings"]) out.push_back(f["rule"]);
    return out;
  };
  const auto with = rules(parse(r.frames[0]));
  const auto without = rules(parse(r.frames[1]));
  EXPECT_NE(std::find(with.begin(), with.end(), "managed-codename"), with.end());
  EXPECT_EQ(std::find(without.begin(), without.end(), "managed-codename"), without.end());
}

TEST_F(Requests, CheckParametersAreValidated) {
  const HostRun r = run(frame(R"({"id":1,"type":"check","platform":"x"})") +
                        frame(R"({"id":2,"type":"check","text":5,"platform":"x"})") +
                        frame(R"({"id":3,"type":"check","text":"hi"})") +
                        frame(R"({"id":4,"type":"check","text":"hi","platform":"x","lang":"de"})") +
                        frame(R"({"id":5,"type":"check","text":"hi","platform":"x","managed_policy":"all"})") +
                        frame(R"({"id":6,"type":"check","text":"hi","platform":["x"]})"));
  ASSERT_EQ(r.frames.size(), 6u);
  EXPECT_EQ(parse(r.frames[0]), error_reply(1, "missing_field", "missing field 'text'"));
  EXPECT_EQ(parse(r.frames[1]), error_reply(2, "wrong_type", "field 'text' must be a string, not number"));
  EXPECT_EQ(parse(r.frames[2]), error_reply(3, "missing_field", "missing field 'platform'"));
  EXPECT_EQ(parse(r.frames[3]), error_reply(4, "invalid_value", "field 'lang' must be \"en\" or \"fr\""));
  EXPECT_EQ(parse(r.frames[4]), error_reply(5, "wrong_type", "field 'managed_policy' must be an object, not string"));
  EXPECT_EQ(parse(r.frames[5]), error_reply(6, "wrong_type", "field 'platform' must be a string, not array"));
}

TEST_F(Requests, ConfirmValidatesTheCheckIdAndConsent) {
  HostProcess host(command);
  const json check = host.request({{"id", 1}, {"type", "check"}, {"text", "Hello world"}, {"platform", "x"}});
  const std::string check_id = check["result"]["check_id"];
  EXPECT_EQ(
      host.request(
          {{"id", 2}, {"type", "confirm"}, {"check_id", "c-invented"}, {"decision", "shared"}, {"consent", true}}),
      error_reply(2, "unknown_check_id", "this host ran no check with that check_id"));
  EXPECT_EQ(host.request({{"id", 3}, {"type", "confirm"}, {"check_id", check_id}, {"decision", "shared"}}),
            error_reply(3, "consent_required", "sharing needs the employee's consent (\"consent\": true)"));
  EXPECT_EQ(host.request({{"id", 4}, {"type", "confirm"}, {"check_id", check_id}, {"decision", "maybe"}}),
            error_reply(4, "invalid_value", "field 'decision' must be \"shared\", \"edited_shared\" or \"cancelled\""));
  EXPECT_EQ(host.request({{"id", 5},
                          {"type", "confirm"},
                          {"check_id", check_id},
                          {"decision", "shared"},
                          {"consent", true},
                          {"final_text", "Hello world\n\nOpinions are my own."}}),
            (json{{"id", 5},
                  {"ok", true},
                  {"type", "confirm"},
                  {"result", {{"logged", false}, {"reason", "log_not_initialized"}}}}));
  EXPECT_EQ(host.request({{"id", 6}, {"type", "confirm"}, {"check_id", check_id}, {"decision", "cancelled"}})["result"],
            (json{{"logged", false}, {"reason", "log_not_initialized"}}));
  const HostExit exit = host.wait();
  EXPECT_TRUE(exit.exited);
  EXPECT_EQ(exit.status, 0);
}

TEST_F(Requests, PolicyReportsTheEffectivePolicyAndItsLayers) {
  const HostRun r = run(frame(R"({"id":7,"type":"policy"})"));
  ASSERT_EQ(r.frames.size(), 1u);
  const json result = parse(r.frames[0])["result"];
  EXPECT_EQ(result["effective"]["company"], "Lumetra");
  EXPECT_EQ(result["sources"]["company"], "system");
  ASSERT_TRUE(result["layers"].is_array());
  bool system_ok = false;
  for (const auto& layer : result["layers"]) {
    if (layer["source"] == "system") {
      EXPECT_EQ(layer["path"], kExamplePolicy);
      system_ok = layer["status"] == "ok";
    }
  }
  EXPECT_TRUE(system_ok) << result["layers"].dump();
}

TEST_F(Requests, BrokenManagedPolicyIsReportedNotFatal) {
  const HostRun r = run(frame(R"({"id":8,"type":"policy","managed_policy":{"rules":"nope"}})"));
  ASSERT_EQ(r.frames.size(), 1u);
  const json result = parse(r.frames[0])["result"];
  bool rejected = false;
  for (const auto& layer : result["layers"]) {
    if (layer["source"] == "managed") rejected = layer["status"] == "rejected" && layer.contains("error");
  }
  EXPECT_TRUE(rejected) << result["layers"].dump();
  EXPECT_EQ(result["effective"]["company"], "Lumetra");
}

TEST_F(Requests, BrokenSystemPolicyIsReportedAndSkipped) {
  // 1e999 overflows a double: nlohmann reports it as out_of_range, not parse_error.
  const auto path = home.path() / "policy.json";
  std::ofstream(path) << R"({"version":"broken","promotional_threshold":1e999})";
  command.env["OWNVOICE_SYSTEM_POLICY"] = path.string();
  const HostRun r = run(frame(R"({"id":1,"type":"hello"})"));
  ASSERT_EQ(r.frames.size(), 1u);
  const json policy = parse(r.frames[0])["result"]["policy"];
  EXPECT_EQ(policy["version"], "builtin");
  ASSERT_EQ(policy["rejected_layers"].size(), 1u) << policy.dump();
  EXPECT_EQ(policy["rejected_layers"][0]["source"], "system");
}

TEST_F(Requests, UnknownTypeIsAnError) {
  const HostRun r = run(frame(R"({"id":9,"type":"format_disk"})") + frame(R"({"id":10,"type":"debug.try_network"})"));
  ASSERT_EQ(r.frames.size(), 2u);
  EXPECT_EQ(parse(r.frames[0]), error_reply(9, "unknown_type", "unknown request type 'format_disk'"));
  // The test-hooks request does not exist in the shipped host.
  EXPECT_EQ(parse(r.frames[1]), error_reply(10, "unknown_type", "unknown request type 'debug.try_network'"));
}

TEST_F(Requests, MalformedMessagesGetErrorsAndTheHostKeepsServing) {
  const std::string ping = frame(R"({"id":"after","type":"ping"})");
  const HostRun r =
      run(frame("{\"id\":1,\"type\":") + ping + frame("{\"id\":2,\"type\":\"ping\",\"x\":\"\xc3\x28\"}") + ping +
          frame("[1,2,3]") + ping + frame(R"({"id":3})") + ping + frame(R"({"id":{"a":1},"type":"ping"})") + ping);
  ASSERT_EQ(r.frames.size(), 10u);
  EXPECT_EQ(parse(r.frames[0]), error_reply(nullptr, "invalid_json", "the message is not valid JSON"));
  EXPECT_EQ(parse(r.frames[2]), error_reply(nullptr, "invalid_utf8", "the message is not valid UTF-8"));
  EXPECT_EQ(parse(r.frames[4]), error_reply(nullptr, "not_an_object", "the message is not a JSON object"));
  EXPECT_EQ(parse(r.frames[6]), error_reply(3, "missing_field", "missing field 'type'"));
  EXPECT_EQ(parse(r.frames[8]),
            error_reply(nullptr, "wrong_type", "field 'id' must be a string or a number, not object"));
  for (int i = 1; i < 10; i += 2)
    EXPECT_EQ(r.frames[i], R"({"id":"after","ok":true,"result":{"pong":true},"type":"ping"})");
}

TEST_F(Requests, JsonNested100000DeepIsRefusedWithoutACrash) {
  const std::string deep =
      "{\"id\":1,\"type\":\"ping\",\"x\":" + std::string(100000, '[') + std::string(100000, ']') + "}";
  const HostRun r = run(frame(deep) + frame(std::string(100000, '{')) + frame(R"({"id":2,"type":"ping"})"));
  ASSERT_EQ(r.frames.size(), 3u);
  EXPECT_EQ(parse(r.frames[0]), error_reply(nullptr, "invalid_json", "the message is nested deeper than 64 levels"));
  EXPECT_EQ(parse(r.frames[1]), error_reply(nullptr, "invalid_json", "the message is nested deeper than 64 levels"));
  EXPECT_EQ(parse(r.frames[2])["result"], (json{{"pong", true}}));
}

TEST_F(Requests, HugeStringsAreServed) {
  // 3 MiB: under the 4 MiB limit, so the host must read, check and answer it.
  std::string text = "Projet Edelweiss. ";
  while (text.size() < 3u * 1024u * 1024u) text += "Le ciel bleu des Alpes et la montagne. ";
  const HostRun r = run(frame(json{{"id", 1}, {"type", "check"}, {"text", text}, {"platform", "facebook"}}) +
                        frame(json{{"id", 2}, {"type", "ping"}, {"padding", text}}));
  ASSERT_EQ(r.frames.size(), 2u);
  const json check = parse(r.frames[0]);
  ASSERT_TRUE(check["ok"].get<bool>()) << r.frames[0].substr(0, 300);
  EXPECT_EQ(check["result"]["verdict"], "block");
  EXPECT_EQ(r.frames[1], R"({"id":2,"ok":true,"result":{"pong":true},"type":"ping"})");
}

TEST_F(Requests, ResultsOverOneMegabyteAreTruncatedNotCut) {
  // Thousands of findings, each with its excerpt: the full result is well over the
  // browser's 1 MB limit, so the host drops findings from the end and says so.
  std::string text;
  while (text.size() < 80000) text += "Edelweiss et Orion au T3. ";
  const HostRun r = run(frame(json{{"id", 1}, {"type", "check"}, {"text", text}, {"platform", "facebook"}}));
  ASSERT_EQ(r.frames.size(), 1u);
  EXPECT_LT(r.frames[0].size(), 1000000u);
  const json check = parse(r.frames[0]);
  ASSERT_TRUE(check["ok"].get<bool>()) << r.frames[0].substr(0, 300);
  EXPECT_EQ(check["result"]["truncated"], true);
  EXPECT_EQ(check["result"]["verdict"], "block");
  EXPECT_GT(check["result"]["findings"].size(), 100u);
}

TEST_F(Requests, DiagnosticLogHasNoPostTextUnlessDebugIsOn) {
  const std::string check =
      frame(json{{"id", 1}, {"type", "check"}, {"text", "Projet Nordlicht, ne pas diffuser"}, {"platform", "x"}});
  run(check);
  const std::string quiet = diagnostic_log();
  EXPECT_EQ(quiet.find("verdict"), std::string::npos) << quiet;  // no per-post line at the default level
  EXPECT_EQ(quiet.find("Nordlicht"), std::string::npos) << quiet;

  // Debug is the employee's, per request (PROTOCOL.md); tests/adversary checks that
  // OWNVOICE_DEBUG and preferences files cannot turn it on.
  run(frame(json{{"id", 1},
                 {"type", "check"},
                 {"text", "Projet Nordlicht, ne pas diffuser"},
                 {"platform", "x"},
                 {"debug", true}}));
  EXPECT_NE(diagnostic_log().find("Nordlicht"), std::string::npos);
}

TEST_F(Requests, UnwritableStateFolderIsNotFatal) {
  command.env["OWNVOICE_STATE_DIR"] = "/proc/ownvoice-cannot-exist";
  const HostRun r = run(frame(R"({"id":1,"type":"ping"})"));
  ASSERT_EQ(r.frames.size(), 1u);
  EXPECT_EQ(parse(r.frames[0])["result"], (json{{"pong", true}}));
}

}  // namespace
}  // namespace ownvoice::testing
