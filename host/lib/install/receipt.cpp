#include "install/receipt.hpp"

#include <nlohmann/json.hpp>

#include "install/files.hpp"

namespace ownvoice::install {

std::string receipt_path(const Environment& env, Scope scope) {
  return env.join(env.state_dir(scope), "install-receipt.json");
}

std::optional<Receipt> load_receipt(const Environment& env, Scope scope, std::string& error) {
  const std::string path = env.on_disk(receipt_path(env, scope), scope);
  if (!path_exists(path)) return std::nullopt;
  auto text = read_file(path);
  if (!text) {
    error = "cannot read " + path;
    return std::nullopt;
  }
  try {
    const auto j = nlohmann::json::parse(*text);
    Receipt r;
    r.scope = j.value("scope", std::string("user")) == "system" ? Scope::System : Scope::User;
    r.os = j.value("os", std::string());
    r.host_path = j.value("host_path", std::string());
    r.extension_ids = j.value("extension_ids", std::vector<std::string>{});
    for (const auto& f : j.value("files", nlohmann::json::array())) {
      r.files.push_back(
          {f.value("path", std::string()), f.value("browser", std::string()), f.value("fingerprint", std::string())});
    }
    r.registry_keys = j.value("registry_keys", std::vector<std::string>{});
    r.created_dirs = j.value("created_dirs", std::vector<std::string>{});
    if (auto hc = j.find("host_config"); hc != j.end() && hc->is_object()) {
      r.host_config =
          Receipt::HostConfig{hc->value("path", std::string()), hc->value("added_ids", std::vector<std::string>{}),
                              hc->value("created", false)};
    }
    return r;
  } catch (const nlohmann::json::exception& e) {
    error = path + ": " + e.what();
    return std::nullopt;
  }
}

bool save_receipt(const Environment& env, const Receipt& r, std::vector<std::string>& created_dirs,
                  std::string& error) {
  nlohmann::ordered_json j;
  j["format"] = 1;
  j["scope"] = to_string(r.scope);
  j["os"] = r.os;
  j["host_path"] = r.host_path;
  j["extension_ids"] = r.extension_ids;
  auto files = nlohmann::ordered_json::array();
  for (const auto& f : r.files) {
    files.push_back({{"path", f.path}, {"browser", f.browser}, {"fingerprint", f.fingerprint}});
  }
  j["files"] = files;
  j["registry_keys"] = r.registry_keys;
  j["created_dirs"] = r.created_dirs;
  if (r.host_config) {
    j["host_config"] = {
        {"path", r.host_config->path}, {"added_ids", r.host_config->added_ids}, {"created", r.host_config->created}};
  }
  const std::string dir = env.on_disk(env.state_dir(r.scope), r.scope);
  if (!make_dirs(dir, created_dirs, error)) return false;
  return write_file_atomic(env.on_disk(receipt_path(env, r.scope), r.scope), j.dump(2) + "\n", 0644, error);
}

}  // namespace ownvoice::install
