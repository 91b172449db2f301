// Terminal presentation of a check result (see terminal.hpp).
#include "cli/terminal.hpp"

#include <algorithm>
#include <cstdlib>
#include <sstream>
#include <vector>

#include "platform/platform.hpp"
#include "text/normalize.hpp"

namespace ownvoice::cli {

Style make_style(ColorMode mode, int fd) {
  Style s;
  if (mode == ColorMode::Always) s.color = true;
  else if (mode == ColorMode::Never) s.color = false;
  else s.color = platform::is_terminal(fd) && !platform::env("NO_COLOR");
  return s;
}

namespace {
struct Mark {
  uint32_t start, end;
  bool block;
};

// Byte offset in `text` of a UTF-16 offset.
size_t byte_at(std::string_view text, uint32_t u16) {
  uint32_t u = 0;
  size_t i = 0;
  while (i < text.size() && u < u16) {
    char32_t cp = 0;
    const size_t n = text::decode_utf8(text, i, cp);
    u += cp >= 0x10000 ? 2 : 1;
    i += n;
  }
  return i;
}
}  // namespace

std::string highlight(std::string_view text, const nlohmann::json& findings, const Style& style) {
  std::vector<Mark> marks;
  for (const auto& f : findings) {
    const auto s = f.value("start", 0u), e = f.value("end", 0u);
    if (e <= s) continue;
    marks.push_back({s, e, f.value("severity", "") == "block"});
  }
  std::sort(marks.begin(), marks.end(), [](const Mark& a, const Mark& b) { return a.start < b.start; });
  std::string out;
  size_t pos = 0;
  for (const auto& m : marks) {
    const size_t b = byte_at(text, m.start), e = byte_at(text, m.end);
    if (b < pos) continue;  // overlapping: the first mark wins
    out.append(text.substr(pos, b - pos));
    const auto piece = text.substr(b, e - b);
    if (style.color) out += m.block ? style.underline_red(piece) : style.underline_yellow(piece);
    else out += "[[" + std::string(piece) + "]]";
    pos = e;
  }
  out.append(text.substr(pos));
  return out;
}

std::string render_report(std::string_view text, const nlohmann::json& r, const Style& style) {
  std::ostringstream os;
  const std::string verdict = r.value("verdict", "ok");
  std::string v = verdict == "block" ? style.red("BLOCK") : verdict == "warn" ? style.yellow("WARN") : style.green("OK");
  os << style.bold("OwnVoice") << "  verdict: " << v << "  platform: " << r.value("platform", "")
     << "  language: " << r.value("language", "");
  if (r.contains("length"))
    os << "  length: " << r["length"].value("value", 0) << "/" << r["length"].value("limit", 0);
  os << "\n\n" << highlight(text, r["findings"], style) << "\n\n";

  for (const auto& f : r["findings"]) {
    const std::string check = f.value("check", "");
    const std::string sev = f.value("severity", "");
    const std::string icon = sev == "block" ? style.red("✖ block") : sev == "warn" ? style.yellow("⚠ warn ") : style.dim("ℹ info ");
    os << icon << "  " << check;
    if (check == "confidential") os << " [" << f.value("rule", "") << "]";
    const std::string excerpt = f.value("excerpt", "");
    if (!excerpt.empty()) os << " \"" << excerpt << "\"";
    os << " — " << f.value("description", "") << "\n";
  }
  const auto& promo = r["promotional"];
  if (promo.value("promotional", false)) {
    // Why, in sentences (the features that weighed most), never a bare score.
    os << "\n" << style.bold("Promotional") << ": ";
    bool first = true;
    if (promo.contains("explanation"))
      for (const auto& e : promo["explanation"]) {
        os << (first ? "" : "; ") << e.value("text", "");
        first = false;
      }
    os << "\n  Signals: ";
    first = true;
    for (const auto& reason : promo["reasons"]) {
      os << (first ? "" : ", ") << reason.value("signal", "") << " \"" << reason.value("excerpt", "") << "\"";
      first = false;
    }
    os << "\n  Disclosure you owe: \"" << promo.value("disclosure", "") << "\"\n";
  }
  if (promo.contains("own_share") && promo["own_share"].value("available", false)) {
    const auto& s = promo["own_share"];
    os << "  Your promotional share: " << static_cast<int>(s.value("share", 0.0) * 100 + 0.5) << "% of "
       << s.value("shared", 0) << " posts in " << s.value("window_days", 30) << " days\n";
  }
  const auto& d = r["disclaimer"];
  if (d.value("present", false)) {
    os << "\n" << style.green("✔") << " Personal disclaimer present.\n";
  } else if (d.value("fits", false)) {
    os << "\n" << style.bold("Proposed post") << " (" << d.value("form", "") << " disclaimer, " << d.value("length", 0)
       << "/" << d.value("limit", 0) << "):\n" << d.value("proposed_text", "") << "\n";
  } else {
    os << "\n" << style.yellow("No disclaimer fits within the platform's limit.") << "\n";
  }
  const auto& rejected = r["policy"]["rejected_layers"];
  for (const auto& l : rejected)
    os << style.yellow("Policy layer rejected: ") << l.value("error", "") << "\n";
  os << "\n" << style.dim("Sharing stays your decision: " + r["consent"].value("statement", std::string())) << "\n";
  return os.str();
}

}  // namespace ownvoice::cli
