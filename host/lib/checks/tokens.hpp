#pragma once
// Tokens of a normalised post for the grammar-based checks (disclaimer forms,
// promotional features): words, hashtags, and the punctuation that matters to a clause
// (":", "=", "/", "&", ",", sentence ends, quotation marks). The apostrophe splits a word
// ("n'engagent" -> "n" "engagent", "employer's" -> "employer" "s"), so "n engagent",
// typed without the apostrophe, gives the same tokens.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "text/normalize.hpp"

namespace ownvoice::checks {

enum class TokenKind : uint8_t {
  Word,
  Hashtag,      // "#viewsmyown": text is the body without '#' and without '_'
  Punct,        // one of : = / & + , ; ( ) [ ] - * |
  SentenceEnd,  // . ! ? … and line breaks are not seen here (normalisation folds them)
  QuoteOpen,    // “ « „ and a straight " that opens
  QuoteClose,   // ” » and a straight " that closes
  Other,        // any other symbol (emoji, @, $, %): a word boundary, never matched
};

struct Token {
  std::string_view text;  // normalised bytes (a hashtag's body may be re-joined: see `joined`)
  uint32_t begin = 0;     // byte span in the normalised text
  uint32_t end = 0;
  TokenKind kind = TokenKind::Word;
  std::string joined;  // for hashtags with '_' or '-': the body's letters and digits only
};

// Splits `norm.text` into tokens in one pass.
std::vector<Token> tokenize(const std::string& normalized);

// UTF-16 offsets of the line breaks of the original text, for clause boundaries that
// normalisation erases (it folds "\n" into a space).
std::vector<uint32_t> line_breaks_utf16(std::string_view original);

}  // namespace ownvoice::checks
