#pragma once
// `ownvoice install` / `ownvoice uninstall`: writes the host manifest for each browser at
// the places the browser reads, remembers exactly what it wrote in a receipt, and removes
// exactly that again. Idempotent: a re-run rewrites only what differs (a moved host, a
// package upgrade, a new --extension-id) and keeps the ids added before.
#include <string>
#include <vector>

#include "install/browsers.hpp"
#include "install/detect.hpp"
#include "install/platform.hpp"

namespace ownvoice::install {

struct InstallOptions {
  Scope scope = Scope::User;
  std::vector<Browser> browsers;           // empty: detected browsers (user) / every browser (system)
  std::vector<std::string> extension_ids;  // extra callers (Chromium ids or Firefox add-on ids)
  std::string host_path;                   // empty: default_host_path()
  bool dry_run = false;
  bool write_receipt = true;  // packaging renders without one
};

struct Action {
  std::string what;     // "write", "update", "unchanged", "registry", "remove", "keep", "rmdir", "config", "skip"
  std::string browser;  // browser key, "" for shared items
  std::string path;     // logical path or registry key
  std::string detail;
};

struct Report {
  std::vector<Action> actions;
  std::vector<std::string> warnings;
  std::vector<std::string> errors;  // non-empty: exit code 1
  std::vector<DetectedBrowser> detected;
  std::string host_path;
  std::string receipt;  // logical path of the receipt ("" when none)
  [[nodiscard]] bool ok() const { return errors.empty(); }
};

// The host next to the running `ownvoice`, else on PATH, else the packaged location.
std::string default_host_path(const Environment& env, Scope scope);

Report install(const InstallOptions& options, const Environment& env);

// Windows: the registry values that register the host for every browser in a scope, as
// a .reg file (what `install` sets through the API; also shipped for administrators).
std::string render_host_registration(Scope scope, const Environment& env);
Report uninstall(Scope scope, bool dry_run, const Environment& env);

}  // namespace ownvoice::install
