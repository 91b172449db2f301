#pragma once
// The sentences the engine writes into a result, one table per language (English and
// French). The engine picks the table of the post's language and fills the blanks; no
// sentence shown to people is written anywhere else in the engine. The promotional
// explanation's own phrases ("it quotes a price") are the feature table's
// (checks/promotional_features.cpp).
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>

namespace ownvoice::engine {

struct Messages {
  std::string_view promotional;          // the post reads as promotional, no reason to give
  std::string_view promotional_because;  // ... followed by {why}
  std::string_view own_share;            // {after} {days} {threshold}
  std::string_view disclaimer_proposed;  // none in the post; OwnVoice proposes one
  std::string_view disclaimer_no_fit;    // none in the post, and none fits
  std::string_view consent_statement;
};

// The table for "fr", else the English one.
const Messages& messages_for(std::string_view language);

// `pattern` with each "{name}" replaced by its value, in the order given.
std::string fill(std::string_view pattern, std::initializer_list<std::pair<std::string_view, std::string>> values);

}  // namespace ownvoice::engine
