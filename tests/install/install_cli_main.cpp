// Test driver: the install, uninstall and doctor commands exactly as `ownvoice` registers
// them, in a program of their own so the browser test does not depend on the rest of
// the CLI. Not installed.
#include <CLI/CLI.hpp>

#include "cli/cmd_doctor.hpp"
#include "cli/cmd_install.hpp"
#include "cli/commands.hpp"
#include "install/extension_ids.hpp"

int main(int argc, char** argv) {
  // A test driver, run as a test-hooks build of `ownvoice` would be.
  ownvoice::install::include_development_id_for_tests();
  CLI::App app{"ownvoice install/doctor (test driver)", "ownvoice"};
  app.require_subcommand(1);
  int exit_code = 0;
  ownvoice::cli::add_install_commands(app, exit_code);
  ownvoice::cli::add_doctor_command(app, exit_code);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int rc = app.exit(e);
    return rc == 0 ? 0 : ownvoice::cli::kUsage;
  }
  return exit_code;
}
