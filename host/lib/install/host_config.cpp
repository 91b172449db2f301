#include "install/host_config.hpp"

#include <algorithm>
#include <cstdio>
#include <filesystem>

#include <nlohmann/json.hpp>

#include "install/files.hpp"
#include "platform/platform.hpp"

namespace ownvoice::install {

std::string host_config_path(const Environment& env, Scope scope) {
  if (scope == Scope::User) return {};
  switch (env.os) {
    case Os::Linux: return "/etc/ownvoice/policy.json";
    case Os::MacOS: return "/Library/Application Support/OwnVoice/policy.json";
    case Os::Windows: return env.join(env.program_data, "OwnVoice\\policy.json");
  }
  return {};
}

namespace {

bool load_object(const std::string& path, nlohmann::ordered_json& doc, bool& existed, std::string& error) {
  existed = path_exists(path);
  if (!existed) {
    doc = nlohmann::ordered_json::object();
    return true;
  }
  auto text = read_file(path);
  if (!text) {
    error = "cannot read " + path;
    return false;
  }
  try {
    doc = nlohmann::ordered_json::parse(*text);
  } catch (const nlohmann::json::parse_error& e) {
    error = path + ": " + e.what();
    return false;
  }
  if (!doc.is_object()) {
    error = path + ": not a JSON object";
    return false;
  }
  return true;
}

}  // namespace

bool add_allowed_ids(const std::string& on_disk_path, const std::vector<std::string>& ids, HostConfigChange& change,
                     std::vector<std::string>& created_dirs, std::string& error) {
  nlohmann::ordered_json doc;
  bool existed = false;
  if (!load_object(on_disk_path, doc, existed, error)) return false;
  auto& list = doc["allowed_extension_ids"];
  if (!list.is_array()) list = nlohmann::ordered_json::array();
  for (const auto& id : ids) {
    if (std::find(list.begin(), list.end(), id) == list.end()) {
      list.push_back(id);
      change.added.push_back(id);
    }
  }
  change.created = !existed;
  if (change.added.empty() && existed) return true;
  const std::string dir = platform::utf8(platform::fs_path(on_disk_path).parent_path());
  if (!make_dirs(dir, created_dirs, error)) return false;
  return write_file_atomic(on_disk_path, doc.dump(2) + "\n", 0644, error);
}

bool remove_allowed_ids(const std::string& on_disk_path, const std::vector<std::string>& ids, bool delete_if_empty,
                        std::string& error) {
  nlohmann::ordered_json doc;
  bool existed = false;
  if (!load_object(on_disk_path, doc, existed, error)) return false;
  if (!existed) return true;
  auto it = doc.find("allowed_extension_ids");
  if (it != doc.end() && it->is_array()) {
    nlohmann::ordered_json kept = nlohmann::ordered_json::array();
    for (const auto& v : *it) {
      if (!(v.is_string() && std::find(ids.begin(), ids.end(), v.get<std::string>()) != ids.end())) kept.push_back(v);
    }
    if (kept.empty()) {
      doc.erase("allowed_extension_ids");
    } else {
      *it = kept;
    }
  }
  if (delete_if_empty && doc.empty()) {
    if (!remove_file(on_disk_path)) {
      error = "cannot remove " + on_disk_path;
      return false;
    }
    return true;
  }
  return write_file_atomic(on_disk_path, doc.dump(2) + "\n", 0644, error);
}

}  // namespace ownvoice::install
