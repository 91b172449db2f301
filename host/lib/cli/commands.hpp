#pragma once
// Each `ownvoice` subcommand registers itself on the CLI11 app; `exit_code` receives the
// command's status once it has run. Exit statuses are documented in README.md
// ("The command line").
#include <CLI/CLI.hpp>

namespace ownvoice::cli {

// Exit statuses shared by every subcommand (sysexits.h values where one fits).
enum Exit : int {
  kOk = 0,          // check: verdict ok
  kWarn = 1,        // check: verdict warn; validate/verify/doctor: a problem was found
  kBlock = 2,       // check: verdict block
  kUsage = 64,      // bad command line
  kDataError = 65,  // input that is not text (invalid UTF-8, bad JSONL line)
  kNoInput = 66,    // an input file cannot be opened
  kIoError = 74,    // writing failed
};

void add_check_command(CLI::App& app, int& exit_code);
void add_policy_command(CLI::App& app, int& exit_code);

}  // namespace ownvoice::cli
