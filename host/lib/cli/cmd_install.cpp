// `ownvoice install|uninstall|enterprise-templates`: thin wrappers over host/lib/install.
#include "platform/platform.hpp"
#include "cli/cmd_install.hpp"

#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>

#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "install/enterprise.hpp"
#include "install/files.hpp"
#include "install/installer.hpp"
#include "policy/loader.hpp"

namespace ownvoice::cli {
namespace {

using install::Report;

struct CommonFlags {
  bool user = false;
  bool system = false;
  bool dry_run = false;
  bool json = false;
  std::string root;
  std::string os;
};

void add_common(CLI::App& cmd, CommonFlags& f) {
  auto* user = cmd.add_flag("--user", f.user, "for the current user only (the default)");
  auto* system = cmd.add_flag("--system", f.system, "for every user of this computer (needs root/administrator)");
  user->excludes(system);
  cmd.add_flag("--dry-run,-n", f.dry_run, "show what would change, change nothing");
  cmd.add_flag("--json", f.json, "print the report as JSON");
  cmd.add_option("--root,--prefix", f.root,
                 "prefix every machine-wide path with DIR (packaging, tests); per-user paths follow $HOME");
  cmd.add_option("--os", f.os, "render for another OS (linux, macos, windows); only with --dry-run")
      ->check(CLI::IsMember({"linux", "macos", "windows"}));
}

std::vector<std::string> split_ids(const std::vector<std::string>& given) {
  std::vector<std::string> out;
  for (const auto& item : given) {
    std::size_t pos = 0;
    while (pos <= item.size()) {
      auto comma = item.find(',', pos);
      if (comma == std::string::npos) comma = item.size();
      if (comma > pos) out.push_back(item.substr(pos, comma - pos));
      pos = comma + 1;
    }
  }
  return out;
}

nlohmann::ordered_json report_json(const Report& r) {
  nlohmann::ordered_json j;
  j["ok"] = r.ok();
  j["host_path"] = r.host_path;
  j["receipt"] = r.receipt;
  auto actions = nlohmann::ordered_json::array();
  for (const auto& a : r.actions) {
    actions.push_back({{"action", a.what}, {"browser", a.browser}, {"path", a.path}, {"detail", a.detail}});
  }
  j["actions"] = actions;
  auto detected = nlohmann::ordered_json::array();
  for (const auto& d : r.detected) {
    detected.push_back({{"browser", std::string(install::spec(d.browser).key)},
                        {"packaging", install::to_string(d.packaging)},
                        {"evidence", d.evidence},
                        {"can_reach_host", d.can_reach_host},
                        {"note", d.note}});
  }
  j["detected"] = detected;
  j["warnings"] = r.warnings;
  j["errors"] = r.errors;
  return j;
}

int print_report(const Report& r, const CommonFlags& f, const char* verb) {
  if (f.json) {
    std::cout << report_json(r).dump(2) << "\n";
  } else {
    if (f.dry_run) std::cout << "Dry run: nothing is changed.\n";
    for (const auto& a : r.actions) {
      const std::string browser = a.browser.empty() ? std::string("-") : a.browser;
      std::cout << "  " << a.what << std::string(a.what.size() < 10 ? 10 - a.what.size() : 1, ' ') << browser
                << std::string(browser.size() < 9 ? 9 - browser.size() : 1, ' ') << a.path;
      if (!a.detail.empty()) std::cout << "  (" << a.detail << ")";
      std::cout << "\n";
    }
    for (const auto& w : r.warnings) std::cerr << "warning: " << w << "\n";
    for (const auto& e : r.errors) std::cerr << "error: " << e << "\n";
    if (r.ok()) {
      std::cout << "OwnVoice " << verb << (f.dry_run ? " (dry run)" : "") << " done."
                << (r.receipt.empty() ? "" : " Receipt: " + r.receipt) << "\n";
    }
  }
  return r.ok() ? kOk : kIoError;
}

install::Environment environment(const CommonFlags& f) {
  return install::Environment::from_process(f.os.empty() ? std::nullopt : install::parse_os(f.os), f.root);
}

void add_install(CLI::App& app, int& exit_code) {
  struct Flags {
    CommonFlags common;
    std::string browsers;
    std::vector<std::string> ids;
    std::string host_path;
    bool no_receipt = false;
  };
  auto flags = std::make_shared<Flags>();
  auto* cmd = app.add_subcommand("install", "register the OwnVoice host with your browsers");
  add_common(*cmd, flags->common);
  cmd->add_option("--browsers,-b", flags->browsers,
                  "comma-separated: chrome,chromium,edge,brave,vivaldi,firefox or all (default: the browsers found; "
                  "all with --system)");
  cmd->add_option("--extension-id,-e", flags->ids,
                  "also allow this extension (a self-built or other-store Chromium id, or a Firefox add-on id); "
                  "repeatable");
  cmd->add_option("--host-path", flags->host_path, "absolute path of ownvoice-host (default: next to this program)");
  cmd->add_flag("--no-receipt", flags->no_receipt, "do not record what was written (packaging only)");
  cmd->callback([flags, &exit_code]() {
    const auto env = environment(flags->common);
    install::InstallOptions o;
    o.scope = flags->common.system ? install::Scope::System : install::Scope::User;
    o.dry_run = flags->common.dry_run;
    o.host_path = flags->host_path;
    o.write_receipt = !flags->no_receipt;
    o.extension_ids = split_ids(flags->ids);
    if (!flags->browsers.empty()) {
      std::vector<std::string> unknown;
      o.browsers = install::parse_browser_list(flags->browsers, unknown);
      if (!unknown.empty() || o.browsers.empty()) {
        std::cerr << "error: unknown browser '" << (unknown.empty() ? flags->browsers : unknown.front())
                  << "'; use chrome, chromium, edge, brave, vivaldi, firefox or all\n";
        exit_code = kUsage;
        return;
      }
    }
    exit_code = print_report(install::install(o, env), flags->common, "install");
  });
}

void add_uninstall(CLI::App& app, int& exit_code) {
  auto flags = std::make_shared<CommonFlags>();
  auto* cmd = app.add_subcommand("uninstall", "remove exactly what `ownvoice install` wrote");
  add_common(*cmd, *flags);
  cmd->callback([flags, &exit_code]() {
    const auto scope = flags->system ? install::Scope::System : install::Scope::User;
    exit_code = print_report(install::uninstall(scope, flags->dry_run, environment(*flags)), *flags, "uninstall");
  });
}

void add_enterprise_templates(CLI::App& app, int& exit_code) {
  struct Flags {
    std::string out;
    std::string policy_file;
    install::EnterpriseOptions options;
  };
  auto flags = std::make_shared<Flags>();
  auto* cmd = app.add_subcommand("enterprise-templates",
                                 "write browser policy templates for IT (force-install, allow the host, settings)");
  cmd->add_option("--out,-o", flags->out, "folder to write the templates to")->required();
  cmd->add_option("--policy", flags->policy_file, "an OwnVoice policy file to hand to the extension's managed storage");
  cmd->add_option("--chrome-id", flags->options.chrome_id, "the extension's Chrome Web Store id");
  cmd->add_option("--chrome-update-url", flags->options.chrome_update_url, "update URL for a self-hosted CRX");
  cmd->add_option("--edge-id", flags->options.edge_id, "the extension's Edge Add-ons id");
  cmd->add_option("--edge-update-url", flags->options.edge_update_url,
                  "update URL for a self-hosted CRX in Edge (default: Edge Add-ons)");
  cmd->add_option("--firefox-id", flags->options.firefox_id, "the Firefox add-on id");
  cmd->add_option("--firefox-install-url", flags->options.firefox_install_url, "where Firefox downloads the .xpi");
  cmd->add_option("--organization", flags->options.organization, "shown in the macOS profile");
  cmd->callback([flags, &exit_code]() {
    if (!flags->policy_file.empty()) {
      std::string error;
      auto doc = policy::read_policy_file(flags->policy_file, error);
      if (!doc) {
        std::cerr << "error: " << error << "\n";
        exit_code = kNoInput;
        return;
      }
      if (auto problem = policy::validate_document(*doc, policy::LayerKind::Managed); !problem.empty()) {
        std::cerr << "error: " << flags->policy_file << ": " << problem << "\n";
        exit_code = kDataError;
        return;
      }
      flags->options.managed = install::managed_settings_from_policy(nlohmann::ordered_json::parse(doc->dump()));
    }
    for (const auto& f : install::render_enterprise_templates(flags->options)) {
      const std::filesystem::path target = platform::fs_path(flags->out) / platform::fs_path(f.relative_path);
      std::vector<std::string> created;
      std::string error;
      if (!install::make_dirs(platform::utf8(target.parent_path()), created, error) ||
          !install::write_file_atomic(platform::utf8(target), f.content, 0644, error)) {
        std::cerr << "error: " << error << "\n";
        exit_code = kIoError;
        return;
      }
      std::cout << "  " << target.string() << (f.destination.empty() ? "" : "\n      -> " + f.destination) << "\n";
    }
    exit_code = kOk;
  });
}

}  // namespace

void add_install_commands(CLI::App& app, int& exit_code) {
  add_install(app, exit_code);
  add_uninstall(app, exit_code);
  add_enterprise_templates(app, exit_code);
}

}  // namespace ownvoice::cli
