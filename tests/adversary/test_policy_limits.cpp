// A policy file IT writes can be huge or nested 100,000 deep: the host and the CLI refuse
// it with an error naming the file, and keep working (no stack exhaustion, no crash).
#include "adversary.hpp"

namespace ownvoice::adversary {
namespace {

std::string deep_policy() {
  return R"({"version":"deep","x":)" + std::string(100000, '[') + std::string(100000, ']') + "}";
}
std::string huge_policy() {
  return R"({"version":"huge","company":")" + std::string(5u * 1024u * 1024u, 'a') + R"("})";
}

void expect_host_rejects(const std::string& text, const std::string& what) {
  TempHome home;
  const auto path = home.path() / "policy.json";
  write_file(path, text);
  HostCommand command = testing::default_command(home);
  command.env["OWNVOICE_SYSTEM_POLICY"] = path.string();
  const testing::HostRun run = testing::run_once(command, testing::frame(R"({"id":1,"type":"hello"})"));
  ASSERT_TRUE(run.exit.exited) << "killed by signal " << run.exit.signal;
  ASSERT_EQ(run.frames.size(), 1u);
  const json rejected = json::parse(run.frames[0])["result"]["policy"]["rejected_layers"];
  ASSERT_EQ(rejected.size(), 1u) << rejected.dump();
  const std::string error = rejected[0]["error"];
  EXPECT_NE(error.find(path.string()), std::string::npos) << error;
  EXPECT_NE(error.find(what), std::string::npos) << error;

  const testing::HostRun cli = run_program(home, {OWNVOICE_CLI_BINARY, "policy", "validate", path.string()}, "");
  ASSERT_TRUE(cli.exit.exited) << "the CLI was killed by signal " << cli.exit.signal;
  EXPECT_NE(cli.exit.status, 0);
}

TEST(AdversaryPolicy, DeeplyNestedPolicyIsRefusedByName) { expect_host_rejects(deep_policy(), "nested deeper"); }

TEST(AdversaryPolicy, HugePolicyIsRefusedByName) { expect_host_rejects(huge_policy(), "larger than"); }

}  // namespace
}  // namespace ownvoice::adversary
