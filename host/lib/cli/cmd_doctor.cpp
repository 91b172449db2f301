// `ownvoice doctor`: a thin wrapper over install::run_doctor.
#include "cli/cmd_doctor.hpp"

#include <iostream>
#include <memory>

#include "cli/commands.hpp"
#include "install/doctor.hpp"

namespace ownvoice::cli {

void add_doctor_command(CLI::App& app, int& exit_code) {
  struct Flags {
    bool user = false;
    bool system = false;
    bool json = false;
    std::string root;
    std::string browsers;
  };
  auto flags = std::make_shared<Flags>();
  auto* cmd =
      app.add_subcommand("doctor", "check that your browsers can reach the OwnVoice host, and say how to fix it");
  auto* user = cmd->add_flag("--user", flags->user, "check only the per-user installation");
  auto* system = cmd->add_flag("--system", flags->system, "check only the machine-wide installation");
  user->excludes(system);
  cmd->add_flag("--json", flags->json, "print the findings as JSON");
  cmd->add_option("--root", flags->root,
                  "prefix every machine-wide path with DIR (tests); per-user paths follow $HOME");
  cmd->add_option("--browsers,-b", flags->browsers, "comma-separated browsers to check (default: all)");
  cmd->callback([flags, &exit_code]() {
    install::DoctorOptions o;
    if (flags->user) o.scopes = {install::Scope::User};
    if (flags->system) o.scopes = {install::Scope::System};
    if (!flags->browsers.empty()) {
      std::vector<std::string> unknown;
      o.browsers = install::parse_browser_list(flags->browsers, unknown);
      if (!unknown.empty()) {
        std::cerr << "error: unknown browser '" << unknown.front() << "'\n";
        exit_code = kUsage;
        return;
      }
    }
    const auto report = install::run_doctor(o, install::Environment::from_process(std::nullopt, flags->root));
    if (flags->json) {
      std::cout << report.to_json().dump(2) << "\n";
    } else {
      std::cout << report.to_text();
    }
    exit_code = report.ok() ? kOk : kWarn;
  });
}

}  // namespace ownvoice::cli
