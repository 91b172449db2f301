// The log.* requests and confirm against a real log file (fast KDF for tests).
#include <string>

#include "host_fixture.hpp"

namespace ownvoice::testing {
namespace {

using nlohmann::json;

class Log : public HostTest {
 protected:
  std::string db() const { return (home.path() / "data" / "ownvoice" / "log.sqlite").string(); }
};

TEST_F(Log, FullLifecycleOverTheProtocol) {
  HostProcess host(command);
  const json status = host.request({{"id", 1}, {"type", "log.status"}})["result"];
  EXPECT_EQ(status["initialized"], false);
  EXPECT_EQ(status["entries"], 0);
  EXPECT_EQ(status["path"], db());
  const json early = host.request({{"id", 2}, {"type", "log.show"}, {"passphrase", "x"}});
  EXPECT_EQ(early["id"], 2);
  EXPECT_EQ(early["ok"], false);
  EXPECT_EQ(early["error"]["code"], "log_not_initialized");
  EXPECT_EQ(host.request({{"id", 3}, {"type", "log.init"}, {"passphrase", "correct horse"}})["result"],
            (json{{"initialized", true}}));
  EXPECT_EQ(host.request({{"id", 4}, {"type", "log.init"}, {"passphrase", "again"}})["error"]["code"],
            "log_already_initialized");
  const json hello_log = host.request({{"id", 5}, {"type", "hello"}})["result"]["log"];
  EXPECT_EQ(hello_log["initialized"], true);
  EXPECT_EQ(hello_log["last_seq"], 0);
  EXPECT_EQ(hello_log["key_fingerprint"].get<std::string>().size(), 64u);

  const std::string text = "Projet Edelweiss avance. Achetez LumiDesk -20% aujourd'hui !";
  const json check = host.request(
      {{"id", 6}, {"type", "check"}, {"text", text}, {"platform", "x"}, {"url", "https://x.com/compose/post"}});
  const std::string check_id = check["result"]["check_id"];
  EXPECT_EQ(host.request({{"id", 7},
                          {"type", "confirm"},
                          {"check_id", check_id},
                          {"decision", "edited_shared"},
                          {"consent", true},
                          {"final_text", "Edited."}})["result"],
            (json{{"logged", true}, {"seq", 1}}));

  const json wrong = host.request({{"id", 8}, {"type", "log.show"}, {"passphrase", "wrong"}});
  EXPECT_EQ(wrong["error"]["code"], "wrong_passphrase");
  const json shown = host.request({{"id", 9}, {"type", "log.show"}, {"passphrase", "correct horse"}});
  ASSERT_EQ(shown["result"]["entries"].size(), 1u) << shown.dump();
  const json& entry = shown["result"]["entries"][0];
  EXPECT_EQ(entry["check_id"], check_id);
  EXPECT_EQ(entry["verdict"], check["result"]["verdict"]);
  EXPECT_EQ(entry["verdict"], "block");
  EXPECT_EQ(entry["decision"], "edited_shared");
  EXPECT_EQ(entry["text_checked"], text);
  EXPECT_EQ(entry["text_shared"], "Edited.");
  EXPECT_EQ(entry["platform"], "x");
  EXPECT_EQ(entry["url"], "https://x.com/compose/post");
  EXPECT_EQ(entry["policy_version"], "lumetra-2026-11");
  EXPECT_EQ(entry["promotional"], check["result"]["promotional"]["promotional"]);

  const json verify = host.request({{"id", 10}, {"type", "log.verify"}, {"passphrase", "correct horse"}});
  EXPECT_EQ(verify["result"]["ok"], true);
  EXPECT_EQ(verify["result"]["entries"], 1);
  const json jsonl =
      host.request({{"id", 11}, {"type", "log.export"}, {"passphrase", "correct horse"}, {"format", "jsonl"}});
  EXPECT_EQ(jsonl["result"]["format"], "jsonl");
  EXPECT_NE(jsonl["result"]["data"].get<std::string>().find(check_id), std::string::npos);
  EXPECT_EQ(
      host.request(
          {{"id", 12}, {"type", "log.export"}, {"passphrase", "correct horse"}, {"format", "xml"}})["error"]["code"],
      "invalid_value");

  // The employee's own history reaches the next check (no passphrase needed).
  const json next = host.request({{"id", 13}, {"type", "check"}, {"text", "Hello"}, {"platform", "x"}});
  EXPECT_EQ(next["result"]["promotional"]["own_share"]["available"], true) << next["result"]["promotional"].dump();
  EXPECT_EQ(next["result"]["promotional"]["own_share"]["shared"], 1);

  EXPECT_EQ(host.request({{"id", 14}, {"type", "log.erase"}, {"passphrase", "correct horse"}})["result"],
            (json{{"erased", 1}, {"scrubbed", {{"vacuum", true}, {"wal_checkpoint", true}}}}));
  EXPECT_EQ(host.request({{"id", 15}, {"type", "log.status"}})["result"]["entries"], 0);
  const HostExit exit = host.wait();
  EXPECT_TRUE(exit.exited);
  EXPECT_EQ(exit.status, 0);
}

TEST_F(Log, PassphraseNeverReachesTheDiagnosticLog) {
  // With the employee's debug on, the requests are logged, never the passphrase.
  run(frame(R"({"id":1,"type":"log.init","passphrase":"tr0ub4dor&3-unique","debug":true})") +
      frame(R"({"id":2,"type":"log.show","passphrase":"tr0ub4dor&3-unique","debug":true})"));
  const std::string diag = diagnostic_log();
  EXPECT_NE(diag.find("log.init"), std::string::npos);
  EXPECT_EQ(diag.find("tr0ub4dor"), std::string::npos) << diag;
}

TEST_F(Log, MissingPassphraseIsAMissingField) {
  const HostRun r = run(frame(R"({"id":1,"type":"log.verify"})"));
  ASSERT_EQ(r.frames.size(), 1u);
  EXPECT_EQ(parse(r.frames[0]), error_reply(1, "missing_field", "missing field 'passphrase'"));
}

}  // namespace
}  // namespace ownvoice::testing
