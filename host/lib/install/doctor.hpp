#pragma once
// `ownvoice doctor`: checks, browser by browser, everything that makes "Specified native
// messaging host not found" or "Access to the specified native messaging host is
// forbidden" appear, plus the policy file and the log, and gives the command that fixes
// each problem.
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "install/browsers.hpp"
#include "install/platform.hpp"

namespace ownvoice::install {

enum class Severity { Ok, Info, Warning, Problem };
const char* to_string(Severity s);

struct Finding {
  Severity severity = Severity::Ok;
  std::string area;     // "manifest", "browser", "enterprise-policy", "policy", "log", "receipt"
  std::string browser;  // browser key or ""
  std::string scope;    // "user", "system" or ""
  std::string path;     // file, folder or registry key concerned
  std::string message;
  std::string fix;  // a command or action, "" when nothing is wrong
};

struct DoctorOptions {
  std::vector<Scope> scopes{Scope::User, Scope::System};
  std::vector<Browser> browsers;  // empty: every browser in the table
};

struct DoctorReport {
  std::string os;
  std::vector<Finding> findings;
  [[nodiscard]] int problems() const;
  [[nodiscard]] bool ok() const { return problems() == 0; }
  [[nodiscard]] nlohmann::ordered_json to_json() const;
  [[nodiscard]] std::string to_text() const;
};

DoctorReport run_doctor(const DoctorOptions& options, const Environment& env);

// Manifest checks on one file, also used by tests.
void check_manifest_file(const Environment& env, Browser b, Scope scope, const std::string& logical_path,
                         const std::vector<std::string>& expected_ids, std::vector<Finding>& out);

}  // namespace ownvoice::install
