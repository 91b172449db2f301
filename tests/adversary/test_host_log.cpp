// IT reads host.log. With a one-term rule, any per-post line (a verdict, a count, a time)
// would tell IT whether and when a post contained the term. And IT can set OWNVOICE_DEBUG
// machine-wide or write "debug": true into a preferences file: neither may turn debug on.
#include <regex>

#include "adversary.hpp"

namespace ownvoice::adversary {
namespace {

// A policy with a single confidential term: the verdict alone would reveal it.
constexpr const char* kOneTermPolicy =
    R"({"version":"one-term","company":"Acme","rules":[{"id":"secret","description":"The secret project",
        "severity":"block","terms":["Nightingale"]}]})";

struct PostRun {
  std::vector<json> replies;
  std::string host_log;
};

PostRun post_through_host(const std::string& text, std::map<std::string, std::string> extra_env = {},
                          bool employee_debug = false) {
  TempHome home;
  write_file(home.path() / "policy.json", kOneTermPolicy);
  HostCommand command = testing::default_command(home);
  command.env["OWNVOICE_SYSTEM_POLICY"] = (home.path() / "policy.json").string();
  for (auto& [k, v] : extra_env) command.env[k] = v;
  // Two posts, each in its own host process as Chromium's sendNativeMessage does, each
  // checked, then shared and logged.
  PostRun run;
  for (int i = 0; i < 2; ++i) {
    testing::HostProcess host(command);
    json hello = {{"id", 1}, {"type", "hello"}};
    json check = {{"id", 3}, {"type", "check"}, {"text", text}, {"platform", "linkedin"}};
    if (employee_debug) check["debug"] = hello["debug"] = true;
    run.replies.push_back(host.request(hello));
    run.replies.push_back(host.request({{"id", 2}, {"type", "log.init"}, {"passphrase", "correct horse battery"}}));
    run.replies.push_back(host.request(check));
    const json check_id = run.replies.back()["result"]["check_id"];
    run.replies.push_back(host.request(
        {{"id", 4}, {"type", "confirm"}, {"check_id", check_id}, {"decision", "shared"}, {"consent", true}}));
    EXPECT_EQ(run.replies.back()["result"]["logged"], true) << run.replies.back().dump();
    host.close_stdin();
    EXPECT_EQ(host.wait().status, 0);
  }
  run.host_log = read_file(state_dir(home) / "host.log");
  return run;
}

// Drops what differs between any two runs whatever the posts: the time and the process id
// at the start of each line, and the temporary folder names.
std::string comparable(const std::string& log) {
  static const std::regex prefix(R"(^\S+ \[\d+\] )", std::regex::multiline);
  static const std::regex temp(R"(ownvoice-protocol-[0-9-]+)");
  return std::regex_replace(std::regex_replace(log, prefix, ""), temp, "TMP");
}

TEST(AdversaryHostLog, DefaultLevelHasNothingThatDependsOnThePost) {
  const PostRun with_term = post_through_host("Our Nightingale launch is next week.");
  const PostRun without_term = post_through_host("Our spring launch is next week.");
  ASSERT_EQ(with_term.replies.at(2)["result"]["verdict"], "block");  // the rule really fired
  ASSERT_NE(without_term.replies.at(2)["result"]["verdict"], "block");
  EXPECT_FALSE(with_term.host_log.empty()) << "the start summary should be there";
  EXPECT_EQ(comparable(with_term.host_log), comparable(without_term.host_log));
  for (const char* word : {"check", "verdict", "confirm", "findings", "block", "Nightingale", "hello", "log.init"}) {
    EXPECT_EQ(with_term.host_log.find(word), std::string::npos) << word << " in:\n" << with_term.host_log;
  }
}

TEST(AdversaryHostLog, NoLinePerHostStart) {
  // The host starts once per post: the start summary is written once, not every time.
  const PostRun run = post_through_host("hello world");
  std::size_t lines = 0;
  for (char c : run.host_log) lines += c == '\n' ? 1 : 0;
  EXPECT_EQ(lines, 1u) << run.host_log;
}

TEST(AdversaryHostLog, AdministratorCannotTurnDebugOn) {
  TempHome home;
  // IT sets the variable machine-wide and writes the employee's preferences file.
  write_file(home.path() / "config" / "ownvoice" / "preferences.json", R"({"debug": true})");
  HostCommand command = testing::default_command(home);
  command.env["OWNVOICE_DEBUG"] = "1";
  command.env["OWNVOICE_USER_PREFERENCES"] = (home.path() / "config" / "ownvoice" / "preferences.json").string();
  const auto replies =
      exchange(command, {{{"id", 1}, {"type", "hello"}},
                         {{"id", 2}, {"type", "check"}, {"text", "Projet Edelweiss"}, {"platform", "x"}}});
  ASSERT_EQ(replies.size(), 2u);
  EXPECT_EQ(replies[0]["result"]["debug"], false);
  EXPECT_EQ(replies[0]["result"]["diagnostics"]["level"], "default");
  const std::string log = read_file(state_dir(home) / "host.log");
  EXPECT_EQ(log.find("debug:"), std::string::npos) << log;
  EXPECT_EQ(log.find("Edelweiss"), std::string::npos) << log;
}

TEST(AdversaryHostLog, OnlyTheEmployeesRequestTurnsDebugOnAndItIsVisible) {
  // The control for the test above: the same detection finds debug lines when the
  // employee asked for them, and hello says so.
  TempHome home;
  const HostCommand command = testing::default_command(home);
  const auto replies = exchange(
      command, {{{"id", 1}, {"type", "hello"}, {"debug", true}},
                {{"id", 2}, {"type", "check"}, {"text", "Projet Edelweiss"}, {"platform", "x"}, {"debug", true}},
                {{"id", 3}, {"type", "hello"}}});
  ASSERT_EQ(replies.size(), 3u);
  EXPECT_EQ(replies[0]["result"]["debug"], true);
  EXPECT_EQ(replies[0]["result"]["diagnostics"]["level"], "debug");
  EXPECT_EQ(replies[2]["result"]["debug"], false) << "debug lasts one request";
  const std::string log = read_file(state_dir(home) / "host.log");
  EXPECT_NE(log.find("debug:"), std::string::npos) << log;
}

}  // namespace
}  // namespace ownvoice::adversary
