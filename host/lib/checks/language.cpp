#include "checks/language.hpp"

namespace ownvoice::checks {

std::string detect_language(std::string_view, const text::NormalizedText&, std::string_view fallback) {
  return std::string(fallback.empty() ? "en" : fallback);
}

}  // namespace ownvoice::checks
