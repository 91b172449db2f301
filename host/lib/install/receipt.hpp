#pragma once
// The install receipt: exactly what `ownvoice install` wrote, so `ownvoice uninstall`
// removes that and nothing else, and a re-run (or a package upgrade) keeps the extension
// ids that were added by hand.
#include <optional>
#include <string>
#include <vector>

#include "install/platform.hpp"

namespace ownvoice::install {

struct Receipt {
  struct File {
    std::string path;         // logical path
    std::string browser;      // browser key
    std::string fingerprint;  // of the content we wrote
  };
  struct HostConfig {
    std::string path;                    // logical path of the config file we edited
    std::vector<std::string> added_ids;  // ids we added to its allowed_extension_ids
    bool created = false;                // we created the file
  };
  Scope scope = Scope::User;
  std::string os;
  std::string host_path;
  std::vector<std::string> extension_ids;  // extra callers given with --extension-id
  std::vector<File> files;
  std::vector<std::string> registry_keys;
  std::vector<std::string> created_dirs;  // outermost first
  std::optional<HostConfig> host_config;
};

// Logical path of the receipt for a scope.
std::string receipt_path(const Environment& env, Scope scope);

// nullopt when there is no receipt; `error` is set when one exists but cannot be read.
std::optional<Receipt> load_receipt(const Environment& env, Scope scope, std::string& error);
bool save_receipt(const Environment& env, const Receipt& r, std::vector<std::string>& created_dirs, std::string& error);

}  // namespace ownvoice::install
