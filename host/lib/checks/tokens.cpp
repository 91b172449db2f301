// Tokeniser for the grammar-based checks (see tokens.hpp).
#include "checks/tokens.hpp"

namespace ownvoice::checks {
namespace {

bool is_quote_open(char32_t cp) { return cp == 0x201C || cp == 0x00AB || cp == 0x201E || cp == 0x2039; }
bool is_quote_close(char32_t cp) { return cp == 0x201D || cp == 0x00BB || cp == 0x203A; }
bool is_sentence_end(char32_t cp) { return cp == '.' || cp == '!' || cp == '?' || cp == 0x2026 || cp == ';'; }
bool is_clause_punct(char32_t cp) {
  switch (cp) {
    case ':':
    case '=':
    case '/':
    case '&':
    case '+':
    case ',':
    case '(':
    case ')':
    case '[':
    case ']':
    case '-':
    case '*':
    case '|':
    case 0x2260: return true;
    default: return false;
  }
}

bool is_ascii_word(unsigned char b) {
  return (b >= 'a' && b <= 'z') || (b >= '0' && b <= '9') || (b >= 'A' && b <= 'Z');
}

bool next_is_word(const std::string& s, size_t i) {
  char32_t c = 0;
  text::decode_utf8(s, i, c);
  return text::is_word_codepoint(c);
}

}  // namespace

std::vector<Token> tokenize(const std::string& s) {
  std::vector<Token> out;
  out.reserve(s.size() / 5 + 4);
  bool straight_open = false;  // straight quotes alternate open / close
  bool single_open = false;    // a ' that opened a quotation ('views my own') and awaits its close
  size_t i = 0;
  while (i < s.size()) {
    if (s[i] == ' ') {  // the most common byte of a normalised text
      ++i;
      continue;
    }
    char32_t cp = 0;
    const size_t n = text::decode_utf8(s, i, cp);
    if (text::is_word_codepoint(cp)) {
      size_t j = i + n;
      while (j < s.size()) {
        const auto b = static_cast<unsigned char>(s[j]);
        if (b < 0x80) {  // ASCII: no decoding needed
          if (!is_ascii_word(b)) break;
          ++j;
          continue;
        }
        char32_t c = 0;
        const size_t m = text::decode_utf8(s, j, c);
        if (!text::is_word_codepoint(c)) break;
        j += m;
      }
      out.push_back(Token{std::string_view(s).substr(i, j - i),
                          static_cast<uint32_t>(i),
                          static_cast<uint32_t>(j),
                          TokenKind::Word,
                          {}});
      i = j;
      continue;
    }
    if (cp == '#' && i + 1 < s.size()) {
      // A hashtag: word characters, '_' and '-' joined ("#views_my_own").
      size_t j = i + 1;
      std::string joined;
      bool separated = false;
      while (j < s.size()) {
        char32_t c = 0;
        const size_t m = text::decode_utf8(s, j, c);
        if (text::is_word_codepoint(c)) {
          joined.append(s, j, m);
        } else if (c == '_' || c == '-') {
          separated = true;
        } else {
          break;
        }
        j += m;
      }
      if (!joined.empty()) {
        Token t{std::string_view(s).substr(i + 1, j - i - 1),
                static_cast<uint32_t>(i),
                static_cast<uint32_t>(j),
                TokenKind::Hashtag,
                {}};
        if (separated) t.joined = std::move(joined);
        out.push_back(std::move(t));
        i = j;
        continue;
      }
    }
    // A hyphen inside a word joins ("moi-meme", "start-up"): it is skipped like a space.
    const bool joining_hyphen = cp == '-' && !out.empty() && out.back().end == i &&
                                out.back().kind == TokenKind::Word && i + 1 < s.size() && next_is_word(s, i + 1);
    // A single quote is an apostrophe between letters ("n'engage", "employer's") and is
    // skipped; at a word's start after a space it opens a quotation, and once one is open,
    // the next ' after a word and before a space or punctuation closes it. Without this,
    // "put 'opinions are my own' in their bio" reads as the author's disclaimer.
    if (cp == '\'') {
      const bool after_space = i == 0 || s[i - 1] == ' ' || s[i - 1] == '(';
      const bool before_word = i + 1 < s.size() && next_is_word(s, i + 1);
      const bool before_gap = i + 1 >= s.size() || !next_is_word(s, i + 1);
      TokenKind quote = TokenKind::Other;
      if (!single_open && after_space && before_word) {
        quote = TokenKind::QuoteOpen;
        single_open = true;
      } else if (single_open && !after_space && before_gap) {
        quote = TokenKind::QuoteClose;
        single_open = false;
      }
      if (quote != TokenKind::Other)
        out.push_back(
            Token{std::string_view(s).substr(i, n), static_cast<uint32_t>(i), static_cast<uint32_t>(i + n), quote, {}});
      i += n;
      continue;
    }
    if (cp != ' ' && !joining_hyphen) {
      TokenKind kind = TokenKind::Other;
      if (is_sentence_end(cp))
        kind = TokenKind::SentenceEnd;
      else if (is_clause_punct(cp))
        kind = TokenKind::Punct;
      else if (is_quote_open(cp))
        kind = TokenKind::QuoteOpen;
      else if (is_quote_close(cp))
        kind = TokenKind::QuoteClose;
      else if (cp == '"') {
        kind = straight_open ? TokenKind::QuoteClose : TokenKind::QuoteOpen;
        straight_open = !straight_open;
      }
      out.push_back(
          Token{std::string_view(s).substr(i, n), static_cast<uint32_t>(i), static_cast<uint32_t>(i + n), kind, {}});
    }
    i += n;
  }
  return out;
}

std::vector<uint32_t> line_breaks_utf16(std::string_view original) {
  std::vector<uint32_t> out;
  if (original.find('\n') == std::string_view::npos) return out;  // most posts of one line: no scan
  uint32_t u16 = 0;
  for (size_t i = 0; i < original.size(); ++i) {
    const auto c = static_cast<unsigned char>(original[i]);
    if (c == '\n') out.push_back(u16);
    if ((c & 0xC0) != 0x80) u16 += (c >= 0xF0) ? 2 : 1;  // a 4-byte sequence is two UTF-16 units
  }
  return out;
}

}  // namespace ownvoice::checks
