#pragma once
// Shared by the adversary tests: talk to the real host, read files as IT would.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "host_process.hpp"

namespace ownvoice::adversary {

using nlohmann::json;
using testing::HostCommand;
using testing::TempHome;

inline std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline void write_file(const std::filesystem::path& path, const std::string& text) {
  std::filesystem::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << text;
}

// Sends `messages` to one host process and returns the parsed replies (stdin closed after).
inline std::vector<json> exchange(const HostCommand& command, const std::vector<json>& messages) {
  std::string input;
  for (const auto& m : messages) input += testing::frame(m);
  const testing::HostRun run = testing::run_once(command, input);
  EXPECT_TRUE(run.exit.exited);
  std::vector<json> replies;
  for (const auto& f : run.frames) replies.push_back(json::parse(f));
  return replies;
}

// Runs a command line program with `stdin_text` and the home's environment.
inline testing::HostRun run_program(const TempHome& home, std::vector<std::string> argv,
                                    const std::string& stdin_text) {
  HostCommand command;
  command.argv = std::move(argv);
  command.env = home.environment();
  return testing::run_once(command, stdin_text);
}

inline std::filesystem::path state_dir(const TempHome& home) { return home.path() / "state" / "ownvoice"; }
inline std::filesystem::path data_dir(const TempHome& home) { return home.path() / "data" / "ownvoice"; }

}  // namespace ownvoice::adversary
