#include "install/extension_ids.hpp"

#include <algorithm>

namespace ownvoice::install {

bool is_chromium_extension_id(std::string_view id) {
  return id.size() == 32 && std::all_of(id.begin(), id.end(), [](char c) { return c >= 'a' && c <= 'p'; });
}

bool is_firefox_extension_id(std::string_view id) {
  if (id.size() < 3 || id.size() > 255) return false;
  if (id.front() == '{' && id.back() == '}') {
    return std::all_of(id.begin() + 1, id.end() - 1, [](char c) {
      return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') || c == '-';
    });
  }
  const auto at = id.find('@');
  if (at == std::string_view::npos || at == 0 || at + 1 == id.size()) return false;
  return std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '@' || c == '.' ||
           c == '-' || c == '_' || c == '+';
  });
}

namespace {
bool g_development_id = false;  // set before any thread starts, by a test-hooks main
}  // namespace

void include_development_id_for_tests() { g_development_id = true; }

std::vector<std::string> builtin_chromium_ids() {
  std::vector<std::string> out;
  auto add = [&out](std::string_view id) {
    if (is_chromium_extension_id(id) && std::find(out.begin(), out.end(), id) == out.end()) out.emplace_back(id);
  };
  for (auto id : policy::kChromiumReleaseIds) add(id);
  if (g_development_id) add(policy::kChromiumDevelopmentId);
  return out;
}

std::vector<std::string> chromium_origins(const std::vector<std::string>& ids) {
  std::vector<std::string> out;
  out.reserve(ids.size());
  for (const auto& id : ids) out.push_back("chrome-extension://" + id + "/");
  return out;
}

}  // namespace ownvoice::install
