// Flat JSON objects read without nlohmann's lexer; everything else read by nlohmann
// (tests/engine/test_json_reader.cpp compares both on random and broken texts).
#include "engine/json_reader.hpp"

#include <optional>
#include <string>

#include "text/normalize.hpp"

namespace ownvoice::engine {
namespace {

using nlohmann::json;

// Reads one flat object; std::nullopt hands the whole text to nlohmann.
class FlatObjectReader {
 public:
  explicit FlatObjectReader(std::string_view text) : s_(text) {}

  std::optional<json> read() {
    skip_space();
    if (!take('{')) return std::nullopt;
    json object = json::object();
    skip_space();
    if (take('}')) return finish(std::move(object));
    while (true) {
      skip_space();
      std::string key;
      if (!take('"') || !read_string_body(key)) return std::nullopt;
      skip_space();
      if (!take(':')) return std::nullopt;
      skip_space();
      auto value = read_value();
      if (!value) return std::nullopt;
      object[key] = std::move(*value);  // a repeated key: the last one wins, as in nlohmann
      skip_space();
      if (take(',')) continue;
      if (take('}')) return finish(std::move(object));
      return std::nullopt;
    }
  }

 private:
  std::optional<json> finish(json object) {
    skip_space();
    if (i_ != s_.size()) return std::nullopt;
    return object;
  }

  std::optional<json> read_value() {
    if (i_ >= s_.size()) return std::nullopt;
    const char c = s_[i_];
    if (c == '"') {
      ++i_;
      std::string value;
      if (!read_string_body(value)) return std::nullopt;
      return json(std::move(value));
    }
    if (c == '-' || (c >= '0' && c <= '9')) return read_integer();
    if (word("true")) return json(true);
    if (word("false")) return json(false);
    if (word("null")) return json(nullptr);
    return std::nullopt;  // an object, an array, or not JSON
  }

  // -?(0|[1-9][0-9]*), at most 18 digits (no overflow to think about); a fraction or an
  // exponent goes to nlohmann. Non-negative numbers are unsigned there too.
  std::optional<json> read_integer() {
    const bool negative = take('-');
    const size_t digits_begin = i_;
    uint64_t value = 0;
    while (i_ < s_.size() && s_[i_] >= '0' && s_[i_] <= '9') value = value * 10 + static_cast<uint64_t>(s_[i_++] - '0');
    const size_t digits = i_ - digits_begin;
    if (digits == 0 || digits > 18 || (digits > 1 && s_[digits_begin] == '0')) return std::nullopt;
    if (i_ < s_.size() && (s_[i_] == '.' || s_[i_] == 'e' || s_[i_] == 'E')) return std::nullopt;
    if (negative) return json(-static_cast<json::number_integer_t>(value));
    return json(static_cast<json::number_unsigned_t>(value));
  }

  // After the opening quote, up to and past the closing one.
  bool read_string_body(std::string& out) {
    size_t run = i_;
    while (i_ < s_.size()) {
      const auto c = static_cast<unsigned char>(s_[i_]);
      if (c == '"') {
        out.append(s_.data() + run, i_ - run);
        ++i_;
        return true;
      }
      if (c < 0x20) return false;  // a raw control character: nlohmann says what is wrong
      if (c != '\\') {
        ++i_;
        continue;
      }
      out.append(s_.data() + run, i_ - run);
      if (++i_ >= s_.size()) return false;
      switch (s_[i_++]) {
        case '"': out += '"'; break;
        case '\\': out += '\\'; break;
        case '/': out += '/'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 't': out += '\t'; break;
        case 'u':
          if (!read_unicode_escape(out)) return false;
          break;
        default: return false;
      }
      run = i_;
    }
    return false;
  }

  // \uXXXX, or a pair of them for a code point past U+FFFF; a lone surrogate goes to nlohmann.
  bool read_unicode_escape(std::string& out) {
    auto hex4 = [this](uint32_t& v) {
      if (i_ + 4 > s_.size()) return false;
      v = 0;
      for (int k = 0; k < 4; ++k) {
        const char h = s_[i_++];
        v <<= 4;
        if (h >= '0' && h <= '9')
          v |= static_cast<uint32_t>(h - '0');
        else if (h >= 'a' && h <= 'f')
          v |= static_cast<uint32_t>(h - 'a' + 10);
        else if (h >= 'A' && h <= 'F')
          v |= static_cast<uint32_t>(h - 'A' + 10);
        else
          return false;
      }
      return true;
    };
    uint32_t cp = 0;
    if (!hex4(cp)) return false;
    if (cp >= 0xDC00 && cp <= 0xDFFF) return false;
    if (cp >= 0xD800 && cp <= 0xDBFF) {
      uint32_t low = 0;
      if (i_ + 2 > s_.size() || s_[i_] != '\\' || s_[i_ + 1] != 'u') return false;
      i_ += 2;
      if (!hex4(low) || low < 0xDC00 || low > 0xDFFF) return false;
      cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
    }
    text::append_utf8(out, static_cast<char32_t>(cp));
    return true;
  }

  bool word(std::string_view w) {
    if (s_.substr(i_, w.size()) != w) return false;
    i_ += w.size();
    return true;
  }
  bool take(char c) {
    if (i_ < s_.size() && s_[i_] == c) {
      ++i_;
      return true;
    }
    return false;
  }
  void skip_space() {
    while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\t' || s_[i_] == '\n' || s_[i_] == '\r')) ++i_;
  }

  std::string_view s_;
  size_t i_ = 0;
};

}  // namespace

json read_json(std::string_view text) {
  if (text::is_valid_utf8(text))
    if (auto flat = FlatObjectReader(text).read()) return std::move(*flat);
  return json::parse(text, nullptr, /*allow_exceptions=*/false);
}

}  // namespace ownvoice::engine
