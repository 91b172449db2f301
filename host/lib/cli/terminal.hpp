#pragma once
// Terminal presentation: colours only on a terminal (and never with NO_COLOR), and the
// post printed with its findings highlighted.
#include <string>
#include <string_view>
#include <vector>

#include "engine/check_result.hpp"

namespace ownvoice::cli {

enum class ColorMode { Auto, Always, Never };

struct Style {
  bool color = false;
  std::string red(std::string_view s) const { return wrap("\033[1;31m", s); }
  std::string yellow(std::string_view s) const { return wrap("\033[1;33m", s); }
  std::string green(std::string_view s) const { return wrap("\033[1;32m", s); }
  std::string dim(std::string_view s) const { return wrap("\033[2m", s); }
  std::string bold(std::string_view s) const { return wrap("\033[1m", s); }
  std::string underline_red(std::string_view s) const { return wrap("\033[4;31m", s); }
  std::string underline_yellow(std::string_view s) const { return wrap("\033[4;33m", s); }

 private:
  std::string wrap(const char* code, std::string_view s) const {
    return color ? std::string(code) + std::string(s) + "\033[0m" : std::string(s);
  }
};

Style make_style(ColorMode mode, int fd);

// The post with confidential and promotional spans marked: colour on a terminal,
// [[brackets]] otherwise.
std::string highlight(std::string_view text, const std::vector<engine::Finding>& findings, const Style& style);

// A human-readable report of one result.
std::string render_report(std::string_view text, const engine::CheckResult& result, const Style& style);

}  // namespace ownvoice::cli
