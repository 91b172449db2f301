#include "install/installer.hpp"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <map>

#include "install/extension_ids.hpp"
#include "install/files.hpp"
#include "install/host_config.hpp"
#include "install/manifest.hpp"
#include "install/receipt.hpp"
#include "install/registry.hpp"
#include "platform/platform.hpp"

namespace fs = std::filesystem;

namespace ownvoice::install {

namespace {

std::string host_exe_name(const Environment& env) {
  return env.os == Os::Windows ? "ownvoice-host.exe" : "ownvoice-host";
}

bool is_absolute_for(const Environment& env, const std::string& p) {
  if (env.os == Os::Windows) return p.size() > 2 && p[1] == ':' && (p[2] == '\\' || p[2] == '/');
  return !p.empty() && p.front() == '/';
}

// The real registry is written only for a Windows environment on Windows (a Windows
// render on Linux, for packaging or a dry run, only lists the keys).
bool writes_registry(const Environment& env) { return env.os == Os::Windows && current_os() == Os::Windows; }

std::string parent_of(const std::string& p) { return platform::utf8(platform::fs_path(p).parent_path()); }

template <typename T>
void add_unique(std::vector<T>& v, const T& item) {
  if (std::find(v.begin(), v.end(), item) == v.end()) v.push_back(item);
}

// Browsers to install for: those asked for, or every browser machine-wide, or the ones
// found for this user (those that cannot reach a host are reported, not written for).
std::vector<Browser> choose_browsers(const InstallOptions& o, Report& report) {
  if (!o.browsers.empty()) return o.browsers;
  std::vector<Browser> out;
  if (o.scope == Scope::System) {
    for (const auto& s : all_browsers()) out.push_back(s.id);
    return out;
  }
  for (const auto& d : report.detected) {
    if (d.can_reach_host) add_unique(out, d.browser);
  }
  return out;
}

void warn_about_sandboxes(Report& report) {
  for (const auto& d : report.detected) {
    if (d.packaging != Packaging::Native && !d.note.empty()) {
      report.warnings.push_back(std::string(spec(d.browser).display) + " (" + to_string(d.packaging) + ", " +
                                d.evidence + "): " + d.note);
    }
  }
}

struct Planned {
  Browser browser;
  std::string path;  // logical
  std::string content;
  std::vector<std::string> registry_keys;
};

}  // namespace

std::string default_host_path(const Environment& env, Scope scope) {
  const std::string self = current_executable();
  if (!self.empty() && env.os == current_os()) {
    std::string sibling = platform::utf8(platform::fs_path(self).parent_path() / host_exe_name(env));
    if (is_executable_file(sibling)) return sibling;
  }
  if (scope == Scope::User) {
    if (auto found = find_on_path(env, host_exe_name(env)); !found.empty()) return found;
  }
  switch (env.os) {
    case Os::Linux: return "/usr/bin/ownvoice-host";
    case Os::MacOS: return "/usr/local/bin/ownvoice-host";
    case Os::Windows: return env.join(env.program_files, "OwnVoice\\bin\\ownvoice-host.exe");
  }
  return {};
}

std::string render_host_registration(Scope scope, const Environment& env) {
  std::vector<RegistryValue> values;
  for (const auto& s : all_browsers()) {
    for (const auto& loc : manifest_locations(s.id, scope, env)) {
      for (const auto& key : loc.registry_keys) {
        if (std::none_of(values.begin(), values.end(), [&](const RegistryValue& v) { return v.key == key; })) {
          values.push_back({key, "", RegistryValue::Kind::String, loc.manifest_path, 0});
        }
      }
    }
  }
  return render_reg_file(values);
}

Report install(const InstallOptions& o, const Environment& env) {
  Report report;
  const bool native_os = env.os == current_os();
  if (!native_os && !o.dry_run) {
    report.errors.push_back(std::string("installing for ") + to_string(env.os) + " only works on " + to_string(env.os) +
                            "; use --dry-run to see what would be written");
    return report;
  }
  report.detected = detect_browsers(env);
  warn_about_sandboxes(report);

  for (const auto& id : o.extension_ids) {
    if (!is_chromium_extension_id(id) && !is_firefox_extension_id(id)) {
      report.errors.push_back("'" + id +
                              "' is not an extension id: Chromium ids are 32 letters a-p "
                              "(chrome://extensions shows them), Firefox ids look like name@example.org");
    }
  }
  if (!report.ok()) return report;

  std::string receipt_error;
  std::optional<Receipt> previous = load_receipt(env, o.scope, receipt_error);
  if (!receipt_error.empty()) report.warnings.push_back("ignoring unreadable receipt: " + receipt_error);
  Receipt receipt = previous.value_or(Receipt{});
  receipt.scope = o.scope;
  receipt.os = to_string(env.os);
  for (const auto& id : o.extension_ids) add_unique(receipt.extension_ids, id);

  report.host_path = o.host_path.empty() ? default_host_path(env, o.scope) : o.host_path;
  if (!is_absolute_for(env, report.host_path)) {
    report.errors.push_back("the host path must be absolute: " + report.host_path);
    return report;
  }
  if (native_os && !is_executable_file(env.on_disk(report.host_path, o.scope))) {
    report.warnings.push_back("the host " + report.host_path +
                              " does not exist (yet) or is not executable; browsers will say "
                              "\"Specified native messaging host not found\" until it does");
  }
  receipt.host_path = report.host_path;

  const std::vector<Browser> browsers = choose_browsers(o, report);
  if (browsers.empty()) {
    report.errors.push_back(
        "no supported browser found for this user; name them with --browsers "
        "(chrome,chromium,edge,brave,vivaldi,firefox or all)");
    return report;
  }
  const AllowedCallers callers = allowed_callers(receipt.extension_ids);
  if (callers.chromium_ids.empty()) {
    report.warnings.push_back(
        "no Chromium extension id is known to this build (extension/DEV_EXTENSION_ID was "
        "missing and no store id is published): Chromium-family browsers will refuse the "
        "host until you add your extension's id with --extension-id <id>");
  }

  // Plan: one file per location; Windows browsers sharing a file merge their registry keys.
  std::vector<Planned> plan;
  for (Browser b : browsers) {
    for (const auto& loc : manifest_locations(b, o.scope, env)) {
      if (loc.optional && !is_directory(env.on_disk(parent_of(parent_of(parent_of(loc.manifest_path))), o.scope))) {
        continue;
      }
      auto same = std::find_if(plan.begin(), plan.end(), [&](const Planned& p) { return p.path == loc.manifest_path; });
      if (same != plan.end()) {
        for (const auto& k : loc.registry_keys) add_unique(same->registry_keys, k);
        continue;
      }
      plan.push_back(
          {b, loc.manifest_path, render_manifest(spec(b).family, report.host_path, callers), loc.registry_keys});
    }
  }

  for (const auto& p : plan) {
    const std::string key(spec(p.browser).key);
    const std::string disk = env.on_disk(p.path, o.scope);
    const auto existing = read_file(disk);
    std::string what = !existing ? "write" : (*existing == p.content ? "unchanged" : "update");
    if (!o.dry_run && what != "unchanged") {
      std::string error;
      if (!make_dirs(parent_of(disk), receipt.created_dirs, error) ||
          !write_file_atomic(disk, p.content, 0644, error)) {
        report.errors.push_back(error);
        continue;
      }
    }
    report.actions.push_back({what, key, p.path, ""});
    auto rec = std::find_if(receipt.files.begin(), receipt.files.end(),
                            [&](const Receipt::File& f) { return f.path == p.path; });
    if (rec == receipt.files.end()) {
      receipt.files.push_back({p.path, key, fingerprint(p.content)});
    } else {
      rec->fingerprint = fingerprint(p.content);
    }
    for (const auto& reg : p.registry_keys) {
      if (!o.dry_run && writes_registry(env)) {
        std::string error;
        if (!platform::registry_set_default(reg, p.path, error)) {
          report.errors.push_back(reg + ": " + error);
          continue;
        }
      }
      report.actions.push_back({"registry", key, reg, "(Default) = " + p.path});
      add_unique(receipt.registry_keys, reg);
    }
  }

  // Ids added by hand must also pass the host's own allowlist, which reads them from the
  // machine-wide policy only.
  std::vector<std::string> not_builtin;
  for (const auto& id : o.extension_ids) {
    const auto builtin = builtin_chromium_ids();
    if (id != kFirefoxExtensionId && std::find(builtin.begin(), builtin.end(), id) == builtin.end()) {
      not_builtin.push_back(id);
    }
  }
  if (!not_builtin.empty() && o.scope == Scope::User) {
    report.warnings.push_back(
        "the browser will now start the host for the extension ids you added, but the host itself accepts extra "
        "ids only from the machine-wide policy (allowed_extension_ids in " +
        host_config_path(env, Scope::System) +
        "); until that lists them it answers forbidden_caller. Run "
        "`sudo ownvoice install --system --extension-id <id>` or ask IT to add them");
  } else if (!not_builtin.empty()) {
    const std::string cfg = host_config_path(env, o.scope);
    HostConfigChange change;
    std::string error;
    if (!o.dry_run && !add_allowed_ids(env.on_disk(cfg, o.scope), not_builtin, change, receipt.created_dirs, error)) {
      report.errors.push_back(error);
    } else {
      report.actions.push_back({"config", "", cfg, "allowed_extension_ids += the extension ids given"});
      if (!o.dry_run && (!change.added.empty() || change.created)) {
        if (!receipt.host_config) receipt.host_config = Receipt::HostConfig{cfg, {}, change.created};
        for (const auto& id : change.added) add_unique(receipt.host_config->added_ids, id);
      }
    }
  }

  if (o.write_receipt) {
    report.receipt = receipt_path(env, o.scope);
    if (!o.dry_run) {
      std::string error;
      std::vector<std::string> created;
      if (!make_dirs(env.on_disk(env.state_dir(o.scope), o.scope), created, error)) {
        report.errors.push_back(error);
      } else {
        for (const auto& d : created) add_unique(receipt.created_dirs, d);
        if (!save_receipt(env, receipt, created, error)) report.errors.push_back(error);
      }
    }
  }
  return report;
}

namespace {

bool is_our_manifest(const std::string& text) {
  const ManifestInfo info = read_manifest(text);
  return info.parsed && info.name == kHostName;
}

// Without a receipt: every place the table knows, for every browser.
std::vector<Receipt::File> known_locations(const Environment& env, Scope scope) {
  std::vector<Receipt::File> out;
  for (const auto& s : all_browsers()) {
    for (const auto& loc : manifest_locations(s.id, scope, env)) {
      if (std::none_of(out.begin(), out.end(), [&](const Receipt::File& f) { return f.path == loc.manifest_path; })) {
        out.push_back({loc.manifest_path, std::string(s.key), ""});
      }
    }
  }
  return out;
}

}  // namespace

Report uninstall(Scope scope, bool dry_run, const Environment& env) {
  Report report;
  if (env.os != current_os() && !dry_run) {
    report.errors.push_back("uninstalling for another OS only works with --dry-run");
    return report;
  }
  std::string error;
  std::optional<Receipt> receipt = load_receipt(env, scope, error);
  if (!error.empty()) report.warnings.push_back("unreadable receipt, falling back to the known locations: " + error);
  const bool have_receipt = receipt.has_value();
  if (!have_receipt) {
    receipt = Receipt{};
    receipt->scope = scope;
    receipt->files = known_locations(env, scope);
    report.warnings.push_back("no install receipt at " + receipt_path(env, scope) +
                              "; removing OwnVoice manifests found at the known locations");
  } else {
    report.receipt = receipt_path(env, scope);
  }

  for (const auto& f : receipt->files) {
    const std::string disk = env.on_disk(f.path, scope);
    const auto text = read_file(disk);
    if (!text) continue;
    // Remove what we wrote, or any file that declares itself our host; never anything else.
    if (fingerprint(*text) != f.fingerprint && !is_our_manifest(*text)) {
      report.actions.push_back({"keep", f.browser, f.path, "not an OwnVoice manifest any more; left alone"});
      continue;
    }
    if (!dry_run && !remove_file(disk)) {
      report.errors.push_back("cannot remove " + disk);
      continue;
    }
    report.actions.push_back({"remove", f.browser, f.path, ""});
  }
  for (const auto& key : receipt->registry_keys) {
    if (!dry_run && writes_registry(env)) {
      std::string reg_error;
      if (!platform::registry_delete_key(key, reg_error)) {
        report.errors.push_back(key + ": " + reg_error);
        continue;
      }
    }
    report.actions.push_back({"remove", "", key, "registry key"});
  }
  if (receipt->host_config) {
    const auto& hc = *receipt->host_config;
    std::string cfg_error;
    if (!dry_run && !remove_allowed_ids(env.on_disk(hc.path, scope), hc.added_ids, hc.created, cfg_error)) {
      report.errors.push_back(cfg_error);
    } else {
      report.actions.push_back({"config", "", hc.path, "allowed_extension_ids -= ids added by install"});
    }
  }
  if (have_receipt) {
    const std::string disk = env.on_disk(report.receipt, scope);
    if (!dry_run && !remove_file(disk)) report.errors.push_back("cannot remove " + disk);
    report.actions.push_back({"remove", "", report.receipt, "install receipt"});
  }
  // Folders we created, innermost first, only when nothing else lives in them.
  for (auto it = receipt->created_dirs.rbegin(); it != receipt->created_dirs.rend(); ++it) {
    std::error_code ec;
    if (!is_directory(*it) || !fs::is_empty(platform::fs_path(*it), ec)) continue;
    if (!dry_run) fs::remove(platform::fs_path(*it), ec);
    report.actions.push_back({"rmdir", "", *it, ""});
  }
  return report;
}

}  // namespace ownvoice::install
