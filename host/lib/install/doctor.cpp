#include "install/doctor.hpp"

#include <algorithm>
#include <filesystem>
#include <set>
#include <sstream>

#include "install/detect.hpp"
#include "install/extension_ids.hpp"
#include "install/files.hpp"
#include "install/manifest.hpp"
#include "install/receipt.hpp"
#include "install/registry.hpp"
#include "log/store.hpp"
#include "policy/loader.hpp"

#include "platform/platform.hpp"

namespace fs = std::filesystem;

namespace ownvoice::install {

const char* to_string(Severity s) {
  switch (s) {
    case Severity::Ok: return "ok";
    case Severity::Info: return "info";
    case Severity::Warning: return "warning";
    case Severity::Problem: return "problem";
  }
  return "ok";
}

int DoctorReport::problems() const {
  return static_cast<int>(std::count_if(findings.begin(), findings.end(),
                                        [](const Finding& f) { return f.severity == Severity::Problem; }));
}

nlohmann::ordered_json DoctorReport::to_json() const {
  nlohmann::ordered_json j;
  j["ok"] = ok();
  j["os"] = os;
  j["problems"] = problems();
  auto list = nlohmann::ordered_json::array();
  for (const auto& f : findings) {
    list.push_back({{"severity", to_string(f.severity)},
                    {"area", f.area},
                    {"browser", f.browser},
                    {"scope", f.scope},
                    {"path", f.path},
                    {"message", f.message},
                    {"fix", f.fix}});
  }
  j["findings"] = list;
  return j;
}

std::string DoctorReport::to_text() const {
  std::ostringstream out;
  out << "OwnVoice doctor (" << os << ")\n";
  for (const auto& f : findings) {
    std::string tag = f.severity == Severity::Problem ? "PROBLEM" : to_string(f.severity);
    out << "  [" << tag << "] ";
    out << std::string(tag.size() < 7 ? 7 - tag.size() : 0, ' ');
    if (!f.browser.empty()) {
      const auto b = parse_browser(f.browser);
      out << (b ? std::string(spec(*b).display) : f.browser);
      if (!f.scope.empty()) out << " (" << f.scope << ")";
      out << ": ";
    } else if (!f.area.empty()) {
      out << f.area << ": ";
    }
    out << f.message;
    if (!f.path.empty()) out << "\n              " << f.path;
    if (!f.fix.empty()) out << "\n              fix: " << f.fix;
    out << "\n";
  }
  const int n = problems();
  out << (n == 0 ? std::string("No problems found.\n")
                 : std::to_string(n) + (n == 1 ? " problem" : " problems") + " found.\n");
  return out.str();
}

namespace {

std::string install_command(Scope scope, std::string_view browser, const std::string& extra = "") {
  std::string cmd = scope == Scope::System ? "sudo ownvoice install --system" : "ownvoice install --user";
  if (!browser.empty()) cmd += " --browsers " + std::string(browser);
  return cmd + extra;
}

// Windows browsers find a host through the registry only: (Default) must name a
// manifest that exists, and ours. `expected` says OwnVoice is (or was) installed here,
// so that a missing key is a problem and not just "not installed".
void check_registry_keys(const ManifestLocation& loc, Scope scope, const std::string& browser, bool expected,
                         std::vector<Finding>& out) {
  for (const auto& reg : loc.registry_keys) {
    const auto value = platform::registry_get_default(reg);
    if (!value) {
      if (expected) {
        out.push_back({Severity::Problem, "registry", browser, to_string(scope), reg,
                       "the registry key is missing, so the browser cannot find the host",
                       install_command(scope, browser)});
      }
    } else if (!path_exists(*value)) {
      out.push_back({Severity::Problem, "registry", browser, to_string(scope), reg,
                     "the registry key points at a manifest that does not exist (" + *value + ")",
                     install_command(scope, browser)});
    } else if (*value != loc.manifest_path) {
      out.push_back({Severity::Warning, "registry", browser, to_string(scope), reg,
                     "the registry key points at another manifest (" + *value + ")", install_command(scope, browser)});
    }
  }
}

bool others_can_read(const std::string& path) { return platform::is_world_readable(path); }

bool writable(const std::string& path) { return platform::is_writable(path); }

}  // namespace

void check_manifest_file(const Environment& env, Browser b, Scope scope, const std::string& logical_path,
                         const std::vector<std::string>& expected_ids, std::vector<Finding>& out) {
  const BrowserSpec& s = spec(b);
  const std::string key(s.key);
  const std::string sc = to_string(scope);
  const std::string disk = env.on_disk(logical_path, scope);
  const std::string fix = install_command(scope, key);
  auto problem = [&](std::string message, std::string how) {
    out.push_back({Severity::Problem, "manifest", key, sc, logical_path, std::move(message), std::move(how)});
  };
  const auto text = read_file(disk);
  if (!text) {
    problem("the manifest cannot be read", scope == Scope::System ? "sudo chmod 0644 " + logical_path : fix);
    return;
  }
  const ManifestInfo m = read_manifest(*text);
  if (!m.parsed) {
    problem("the manifest is not valid JSON (" + m.error + "); the browser ignores it", fix);
    return;
  }
  bool good = true;
  if (m.name != kHostName) {
    problem("the manifest's name is \"" + m.name + "\", not " + std::string(kHostName), fix);
    good = false;
  }
  if (m.type != "stdio") {
    problem("the manifest's type is \"" + m.type + "\", not stdio", fix);
    good = false;
  }
  const bool firefox = s.family == Family::Firefox;
  if ((firefox && !m.has_extensions) || (!firefox && !m.has_origins)) {
    problem(std::string("the manifest has no ") + (firefox ? "allowed_extensions" : "allowed_origins") +
                " list: it was written for another browser family",
            fix);
    good = false;
  }
  if (m.path.empty() || (env.os != Os::Windows && m.path.front() != '/')) {
    problem("the manifest's path \"" + m.path + "\" is not absolute", fix);
    good = false;
  } else if (env.os == current_os() && !is_executable_file(env.on_disk(m.path, scope))) {
    problem("the manifest points at " + m.path +
                (path_exists(env.on_disk(m.path, scope)) ? ", which is not executable" : ", which does not exist") +
                " (moved or upgraded?): the browser reports \"Specified native messaging host not found\"",
            fix + " --host-path <where ownvoice-host is now>");
    good = false;
  }
  for (const auto& id : expected_ids) {
    const bool chromium_id = is_chromium_extension_id(id);
    if (chromium_id == firefox) continue;  // ids of the other family belong in the other manifest
    if (std::find(m.callers.begin(), m.callers.end(), id) == m.callers.end()) {
      problem("the manifest does not allow extension " + id +
                  ": the browser reports \"Access to the specified native messaging host is forbidden\"",
              install_command(scope, key, " --extension-id " + id));
      good = false;
    }
  }
  if (scope == Scope::System && !others_can_read(disk)) {
    problem("the manifest is not readable by other users", "sudo chmod 0644 " + logical_path);
    good = false;
  }
  if (good) {
    out.push_back({Severity::Ok, "manifest", key, sc, logical_path, "manifest is valid and points at " + m.path, ""});
  }
}

namespace {

// Chromium-family managed policies: *.json in the browser's policy folder; Firefox: one file.
void check_enterprise_policies(const Environment& env, const BrowserSpec& s, bool only_user_manifests,
                               std::vector<Finding>& out) {
  const std::string key(s.key);
  bool blocked = false;
  bool allowlisted = false;
  bool user_hosts_off = false;
  std::string blocking_file;
  for (auto entry : s.linux_policy_dirs) {
    const std::string logical(entry);
    const std::string disk = env.on_disk(logical, Scope::System);
    std::vector<std::string> files;
    std::error_code ec;
    if (s.family == Family::Firefox) {
      if (path_exists(disk)) files.push_back(logical);
    } else if (is_directory(disk)) {
      for (const auto& e : fs::directory_iterator(platform::fs_path(disk), ec)) {
        if (e.path().extension() == ".json") files.push_back(logical + "/" + platform::utf8(e.path().filename()));
      }
      std::sort(files.begin(), files.end());
    }
    for (const auto& f : files) {
      const auto text = read_file(env.on_disk(f, Scope::System));
      nlohmann::json doc;
      try {
        doc = nlohmann::json::parse(text.value_or(""));
      } catch (const nlohmann::json::parse_error&) {
        out.push_back({Severity::Warning, "enterprise-policy", key, "system", f,
                       "this browser policy file is not valid JSON, so the browser ignores all of it",
                       "ask IT to fix or remove it"});
        continue;
      }
      if (s.family == Family::Firefox) doc = doc.value("policies", nlohmann::json::object());
      if (!doc.is_object()) continue;
      auto has = [&doc](const char* list, std::string_view item) {
        auto it = doc.find(list);
        return it != doc.end() && it->is_array() && std::find(it->begin(), it->end(), item) != it->end();
      };
      if (has("NativeMessagingBlocklist", "*") || has("NativeMessagingBlocklist", kHostName)) {
        blocked = true;
        blocking_file = f;
      }
      if (has("NativeMessagingAllowlist", kHostName)) allowlisted = true;
      if (auto it = doc.find("NativeMessagingUserLevelHosts");
          it != doc.end() && it->is_boolean() && !it->get<bool>()) {
        user_hosts_off = true;
        if (blocking_file.empty()) blocking_file = f;
      }
    }
  }
  if (blocked && !allowlisted) {
    out.push_back({Severity::Problem, "enterprise-policy", key, "system", blocking_file,
                   "an enterprise policy blocks native messaging hosts (NativeMessagingBlocklist) without listing " +
                       std::string(kHostName) + " in NativeMessagingAllowlist",
                   "ask IT to add \"" + std::string(kHostName) +
                       "\" to NativeMessagingAllowlist (`ownvoice enterprise-templates --out DIR` writes the policy)"});
  }
  if (user_hosts_off && only_user_manifests) {
    out.push_back({Severity::Problem, "enterprise-policy", key, "system", blocking_file,
                   "policy NativeMessagingUserLevelHosts is false, so the per-user manifest is ignored",
                   install_command(Scope::System, s.key)});
  }
}

void check_policy_files(const Environment& env, std::vector<Finding>& out) {
  struct Layer {
    std::string path;
    Scope scope;
    policy::LayerKind kind;
    const char* what;
  };
  const bool native = env.os == current_os();
  std::vector<Layer> layers;
  layers.push_back({native ? policy::default_system_policy_path() : std::string("/etc/ownvoice/policy.json"),
                    Scope::System, policy::LayerKind::System, "company policy"});
  if (native) {
    layers.push_back(
        {policy::default_user_preferences_path(), Scope::User, policy::LayerKind::User, "your preferences"});
  }
  for (const auto& l : layers) {
    const std::string disk = env.on_disk(l.path, l.scope);
    if (!path_exists(disk)) {
      out.push_back({Severity::Info, "policy", "", to_string(l.scope), l.path,
                     std::string(l.what) + ": no file; built-in defaults apply", ""});
      continue;
    }
    std::string error;
    std::optional<nlohmann::json> doc;
    if (is_directory(disk)) {
      error = l.path + ": is a folder, not a file";
    } else {
      doc = policy::read_policy_file(disk, error);
    }
    if (doc) error = policy::validate_document(*doc, l.kind);
    if (!error.empty()) {
      out.push_back({Severity::Problem, "policy", "", to_string(l.scope), l.path,
                     std::string(l.what) + " is rejected (the host skips it): " + error,
                     l.scope == Scope::System
                         ? "fix the file, or start again from /usr/share/ownvoice/policy.example.json"
                         : "fix or delete " + l.path});
    } else {
      out.push_back({Severity::Ok, "policy", "", to_string(l.scope), l.path, std::string(l.what) + " is valid", ""});
    }
  }
}

void check_log(std::vector<Finding>& out) {
  std::string db;
  try {
    db = log::Store::default_path();
  } catch (const std::exception& e) {
    out.push_back({Severity::Problem, "log", "", "user", "", e.what(), "set HOME (or OWNVOICE_DATA_DIR)"});
    return;
  }
  const std::string dir = platform::utf8(platform::fs_path(db).parent_path());
  if (!is_directory(dir)) {
    out.push_back(
        {Severity::Info, "log", "", "user", dir, "the log is not set up yet (optional)", "ownvoice log init"});
    return;
  }
  if (!writable(dir)) {
    out.push_back({Severity::Problem, "log", "", "user", dir, "the log folder is not writable", "chmod u+rwx " + dir});
    return;
  }
  if (!path_exists(db)) {
    out.push_back({Severity::Info, "log", "", "user", db, "the log is not set up yet (optional)", "ownvoice log init"});
  } else if (!writable(db)) {
    out.push_back({Severity::Problem, "log", "", "user", db, "the log file is not writable", "chmod u+rw " + db});
  } else {
    out.push_back({Severity::Ok, "log", "", "user", db, "the log exists and is writable", ""});
  }
}

}  // namespace

DoctorReport run_doctor(const DoctorOptions& o, const Environment& env) {
  DoctorReport report;
  report.os = to_string(env.os);
  const auto detected = detect_browsers(env);

  // The ids every manifest must allow: the built-in ones plus those added at install time.
  std::vector<std::string> expected = builtin_chromium_ids();
  expected.emplace_back(kFirefoxExtensionId);
  std::set<std::string> receipt_paths;
  for (Scope scope : o.scopes) {
    std::string error;
    auto r = load_receipt(env, scope, error);
    if (!error.empty()) {
      report.findings.push_back({Severity::Warning, "receipt", "", to_string(scope), receipt_path(env, scope),
                                 "the install receipt is unreadable: " + error,
                                 install_command(scope, "") + " (rewrites it)"});
    }
    if (!r) continue;
    for (const auto& id : r->extension_ids) {
      if (std::find(expected.begin(), expected.end(), id) == expected.end()) expected.push_back(id);
    }
    for (const auto& f : r->files) receipt_paths.insert(f.path);
  }

  std::vector<Browser> browsers = o.browsers;
  if (browsers.empty()) {
    for (const auto& s : all_browsers()) browsers.push_back(s.id);
  }
  for (Browser b : browsers) {
    const BrowserSpec& s = spec(b);
    const std::string key(s.key);
    bool native_found = false;
    for (const auto& d : detected) {
      if (d.browser != b) continue;
      if (d.packaging == Packaging::Native) native_found = true;
      if (!d.can_reach_host || d.packaging != Packaging::Native) {
        report.findings.push_back({d.can_reach_host ? Severity::Info : Severity::Warning, "browser", key, "",
                                   d.evidence, std::string(to_string(d.packaging)) + " build: " + d.note, ""});
      }
    }
    int present = 0;
    int user_present = 0;
    for (Scope scope : o.scopes) {
      for (const auto& loc : manifest_locations(b, scope, env)) {
        const std::string disk = env.on_disk(loc.manifest_path, scope);
        if (env.os == Os::Windows && current_os() == Os::Windows) {
          check_registry_keys(loc, scope, key, path_exists(disk) || receipt_paths.count(loc.manifest_path) != 0,
                              report.findings);
        }
        if (!path_exists(disk)) {
          if (receipt_paths.count(loc.manifest_path) != 0) {
            report.findings.push_back({Severity::Problem, "manifest", key, to_string(scope), loc.manifest_path,
                                       "the manifest OwnVoice installed here is gone", install_command(scope, key)});
          }
          continue;
        }
        ++present;
        if (scope == Scope::User) ++user_present;
        check_manifest_file(env, b, scope, loc.manifest_path, expected, report.findings);
      }
    }
    if (present == 0) {
      if (native_found) {
        report.findings.push_back({Severity::Problem, "manifest", key, "", "",
                                   "installed, but no OwnVoice host manifest: the extension will report "
                                   "\"Specified native messaging host not found\"",
                                   install_command(Scope::User, key)});
      } else {
        report.findings.push_back({Severity::Info, "browser", key, "", "", "not found on this computer", ""});
      }
    }
    if (env.os == Os::Linux) check_enterprise_policies(env, s, user_present == present && present > 0, report.findings);
  }
  check_policy_files(env, report.findings);
  if (env.os == current_os()) check_log(report.findings);
  return report;
}

}  // namespace ownvoice::install
