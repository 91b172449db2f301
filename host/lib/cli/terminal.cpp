// Terminal presentation of a check result (see terminal.hpp).
#include "cli/terminal.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <sstream>
#include <vector>

#include "platform/platform.hpp"
#include "text/normalize.hpp"

namespace ownvoice::cli {

Style make_style(ColorMode mode, int fd) {
  Style s;
  if (mode == ColorMode::Always)
    s.color = true;
  else if (mode == ColorMode::Never)
    s.color = false;
  else
    s.color = platform::is_terminal(fd) && !platform::env("NO_COLOR");
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

std::string highlight(std::string_view text, const std::vector<engine::Finding>& findings, const Style& style) {
  std::vector<Mark> marks;
  for (const auto& f : findings) {
    if (f.end <= f.start) continue;
    marks.push_back({f.start, f.end, f.severity == policy::Severity::Block});
  }
  std::sort(marks.begin(), marks.end(), [](const Mark& a, const Mark& b) { return a.start < b.start; });
  std::string out;
  size_t pos = 0;
  for (const auto& m : marks) {
    const size_t b = byte_at(text, m.start), e = byte_at(text, m.end);
    if (b < pos) continue;  // overlapping: the first mark wins
    out.append(text.substr(pos, b - pos));
    const auto piece = text.substr(b, e - b);
    if (style.color)
      out += m.block ? style.underline_red(piece) : style.underline_yellow(piece);
    else
      out += "[[" + std::string(piece) + "]]";
    pos = e;
  }
  out.append(text.substr(pos));
  return out;
}

std::string render_report(std::string_view text, const engine::CheckResult& r, const Style& style) {
  using policy::Severity;
  std::ostringstream os;
  const std::string v = r.verdict == engine::Verdict::Block  ? style.red("BLOCK")
                        : r.verdict == engine::Verdict::Warn ? style.yellow("WARN")
                                                             : style.green("OK");
  os << style.bold("OwnVoice") << "  verdict: " << v << "  platform: " << r.platform << "  language: " << r.language;
  os << "  length: " << r.length.value << "/" << r.length.limit;
  os << "\n\n" << highlight(text, r.findings, style) << "\n\n";

  for (const auto& f : r.findings) {
    const std::string icon = f.severity == Severity::Block  ? style.red("✖ block")
                             : f.severity == Severity::Warn ? style.yellow("⚠ warn ")
                                                            : style.dim("ℹ info ");
    os << icon << "  " << engine::to_string(f.check);
    if (f.check == engine::CheckKind::Confidential) os << " [" << f.rule << "]";
    if (!f.excerpt.empty()) os << " \"" << f.excerpt << "\"";
    os << " — " << f.description << "\n";
  }
  const auto& promo = r.promotional.model;
  if (promo.promotional) {
    // Why, in sentences (the features that weighed most), never a bare score.
    os << "\n" << style.bold("Promotional") << ": " << checks::explanation_text(promo.explanation, r.language);
    os << "\n  Signals: ";
    bool first = true;
    for (const auto& reason : promo.reasons) {
      os << (first ? "" : ", ") << reason.signal << " \"" << reason.excerpt << "\"";
      first = false;
    }
    os << "\n  Disclosure you owe: \"" << promo.disclosure << "\"\n";
  }
  if (const auto& s = r.promotional.own_share; s.available) {
    os << "  Your promotional share: " << std::lround(s.share * 100) << "% of " << s.shared << " posts in "
       << s.window_days << " days\n";
  }
  const auto& d = r.disclaimer.found;
  if (d.present) {
    os << "\n" << style.green("✔") << " Personal disclaimer present.\n";
  } else if (d.fits) {
    os << "\n"
       << style.bold("Proposed post") << " (" << d.form << " disclaimer, " << d.length << "/" << d.limit << "):\n"
       << d.proposed_text << "\n";
  } else {
    os << "\n" << style.yellow("No disclaimer fits within the platform's limit.") << "\n";
  }
  for (const auto& l : r.rejected_layers) os << style.yellow("Policy layer rejected: ") << l.error << "\n";
  os << "\n" << style.dim("Sharing stays your decision: " + r.consent_statement) << "\n";
  return os.str();
}

}  // namespace ownvoice::cli
