#pragma once
// Shared set-up for the tests that spawn the host: a private home, the example policy as
// the system layer, and readers for the diagnostic log.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "host_process.hpp"

namespace ownvoice::testing {

class HostTest : public ::testing::Test {
 protected:
  TempHome home;
  HostCommand command = default_command(home);

  [[nodiscard]] std::string diagnostic_log() const {
    std::ifstream in(home.path() / "state" / "ownvoice" / "host.log");
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
  }

  static nlohmann::json parse(const std::string& body) { return nlohmann::json::parse(body); }

  static nlohmann::json error_reply(const nlohmann::json& id, const char* code, const char* message) {
    return {{"id", id}, {"ok", false}, {"error", {{"code", code}, {"message", message}}}};
  }

  // Runs the host on `input`; asserts it exited by itself with `status` and left no
  // stray bytes on stdout.
  HostRun run(std::string_view input, int status = 0) {
    HostRun r = run_once(command, input);
    EXPECT_FALSE(r.exit.timed_out);
    EXPECT_TRUE(r.exit.exited) << "killed by signal " << r.exit.signal;
    EXPECT_EQ(r.exit.status, status);
    EXPECT_EQ(r.rest.size(), 0u) << "stdout has bytes that are not a whole frame";
    return r;
  }
};

}  // namespace ownvoice::testing
