// `ownvoice`: the command line. Each subcommand lives in host/lib/cli/cmd_*.cpp.
#include <CLI/CLI.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "cli/cmd_doctor.hpp"
#include "cli/cmd_install.hpp"
#include "cli/cmd_log.hpp"
#include "cli/commands.hpp"
#include "ownvoice/version.hpp"
#include "platform/platform.hpp"
#ifdef OWNVOICE_TEST_HOOKS
#include "test_hooks.hpp"
#endif

int main(int argc, char** argv) {
  // The CLI decrypts the log: no core file, not dumpable (platform::harden_process, host/lib/platform/platform.hpp).
  (void)ownvoice::platform::harden_process();
#ifdef OWNVOICE_TEST_HOOKS
  ownvoice::app::apply_test_environment();
#endif
  CLI::App app{
      "OwnVoice: checks a post before you share it (disclaimer, confidential terms, promotional tone).\n"
      "Nothing leaves this machine.",
      "ownvoice"};
  app.set_version_flag("--version", std::string("ownvoice ") + ownvoice::kVersion);
  app.require_subcommand(1);
  int exit_code = 0;
  ownvoice::cli::add_check_command(app, exit_code);
  ownvoice::cli::add_policy_command(app, exit_code);
  ownvoice::cli::add_log_commands(app, exit_code);
  ownvoice::cli::add_install_commands(app, exit_code);
  ownvoice::cli::add_doctor_command(app, exit_code);
  try {
    // UTF-8 arguments (Windows: from the wide command line), in CLI11's reversed order.
    std::vector<std::string> args = ownvoice::platform::arguments(argc, argv);
    args.erase(args.begin());
    std::reverse(args.begin(), args.end());
    app.parse(args);
  } catch (const CLI::ParseError& e) {
    const int rc = app.exit(e);
    return rc == 0 ? 0 : ownvoice::cli::kUsage;
  }
  return exit_code;
}
