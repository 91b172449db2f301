#pragma once
// Guesses whether a post is French or English from function words and accents.
#include <string>
#include <string_view>

#include "text/normalize.hpp"

namespace ownvoice::checks {

// "fr" or "en"; `fallback` when the text gives too little evidence either way.
std::string detect_language(std::string_view original, const text::NormalizedText& norm, std::string_view fallback);

}  // namespace ownvoice::checks
