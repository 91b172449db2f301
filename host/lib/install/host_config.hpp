#pragma once
// Tells the host about extension ids added with `--extension-id`. The browser checks the
// manifest's allowed callers; the host checks again against the built-in ids plus
// `allowed_extension_ids` from the machine-wide policy file only (protocol/host.cpp: the
// employee's preferences and the managed layer may not widen the allowlist, and the
// policy loader rejects the field in preferences). So a machine-wide install adds the ids
// to the system policy file; a per-user install cannot, and says so.
#include <string>
#include <vector>

#include "install/platform.hpp"

namespace ownvoice::install {

// Logical path of the file `--extension-id` writes for a scope: the system policy file
// (the same place policy::default_system_policy_path() names), or "" for a user install.
std::string host_config_path(const Environment& env, Scope scope);

struct HostConfigChange {
  std::vector<std::string> added;  // ids that were not listed before
  bool created = false;            // the file did not exist
};

// Adds `ids` to the file's "allowed_extension_ids" (creating the file), keeping every
// other field. False with `error` when the file exists but is not a JSON object.
bool add_allowed_ids(const std::string& on_disk_path, const std::vector<std::string>& ids, HostConfigChange& change,
                     std::vector<std::string>& created_dirs, std::string& error);

// Removes exactly `ids` again; deletes the file when we created it and nothing else is left.
bool remove_allowed_ids(const std::string& on_disk_path, const std::vector<std::string>& ids, bool delete_if_empty,
                        std::string& error);

}  // namespace ownvoice::install
