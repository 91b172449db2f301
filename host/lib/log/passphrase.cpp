#include "log/passphrase.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cerrno>
#include <set>

#include "log/error.hpp"
#include "platform/platform.hpp"

namespace ownvoice::log {
namespace {

SecretString read_line(int fd) {
  SecretString out;
  for (;;) {
    char c = 0;
    const long long n = platform::read_fd(fd, &c, 1);
    if (n < 0) throw Error(ErrorCode::invalid_argument, "the passphrase could not be read");
    if (n == 0 || c == '\n') break;
    if (!out.push_back(c)) {
      out.clear();
      throw Error(ErrorCode::invalid_argument, "the passphrase is too long (1023 bytes at most)");
    }
  }
  if (!out.empty() && out.view().back() == '\r') out.pop_back();
  return out;
}

}  // namespace

SecretString read_passphrase_fd(int fd) {
  if (!platform::fd_is_open(fd)) throw Error(ErrorCode::invalid_argument, "the passphrase file descriptor is not open");
  return read_line(fd);
}

SecretString read_passphrase_tty(std::string_view prompt) {
  // The terminal (/dev/tty, or the Windows console through CONIN$), echo off.
  SecretString out;
  bool too_long = false;
  const auto ok = platform::read_console_line_quietly(prompt, [&](char c) {
    if (out.push_back(c)) return true;
    too_long = true;
    return false;
  });
  if (!ok) throw Error(ErrorCode::invalid_argument, "no terminal to ask for the passphrase: use --passphrase-fd");
  if (too_long) {
    out.clear();
    throw Error(ErrorCode::invalid_argument, "the passphrase is too long (1023 bytes at most)");
  }
  if (!*ok) throw Error(ErrorCode::invalid_argument, "the passphrase could not be read");
  if (!out.empty() && out.view().back() == '\r') out.pop_back();
  return out;
}

PassphraseAdvice assess_passphrase(std::string_view p) {
  PassphraseAdvice a;
  // Count characters, not bytes, so accented passphrases are not penalised.
  std::size_t chars = static_cast<std::size_t>(
      std::count_if(p.begin(), p.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
  bool lower = false, upper = false, digit = false, other = false, space = false;
  std::set<char> distinct;
  for (char ch : p) {
    auto c = static_cast<unsigned char>(ch);
    distinct.insert(ch);
    if (std::islower(c) != 0)
      lower = true;
    else if (std::isupper(c) != 0)
      upper = true;
    else if (std::isdigit(c) != 0)
      digit = true;
    else if (c == ' ')
      space = true;
    else
      other = true;
  }
  int classes = int{lower} + int{upper} + int{digit} + int{other || space};

  static const std::array<std::string_view, 12> kNotorious = {"password", "passphrase", "123456",   "qwerty",
                                                              "azerty",   "motdepasse", "letmein",  "iloveyou",
                                                              "admin",    "welcome",    "ownvoice", "soleil"};
  std::string lowered;
  for (char ch : p) lowered += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  bool notorious = std::any_of(kNotorious.begin(), kNotorious.end(),
                               [&](std::string_view w) { return lowered.find(w) != std::string::npos; });

  if (chars < kMinPassphraseLength) {
    a.advice.push_back("Use at least " + std::to_string(kMinPassphraseLength) +
                       " characters; a few unrelated words (\"copper lantern river sleeps\") are easy to remember.");
    return a;
  }
  a.acceptable = true;
  a.score = chars >= 20 ? 3 : chars >= 14 ? 2 : 1;
  if (classes >= 3 || (space && chars >= 20)) ++a.score;
  if (distinct.size() * 3 < p.size()) {
    a.score = std::min(a.score, 1);
    a.advice.push_back("It repeats the same few characters; mix in more different ones.");
  }
  if (notorious) {
    a.score = std::min(a.score, 1);
    a.advice.push_back("It contains a very common password; attackers try those first.");
  }
  if (chars < 14) a.advice.push_back("Longer is stronger: 14 characters or more, or four or more words.");
  if (classes < 2 && chars < 20)
    a.advice.push_back("Mix letters with digits, capitals or punctuation, or make it longer.");
  a.advice.push_back("Nobody, not even IT, can recover the log without this passphrase: keep it somewhere safe.");
  a.score = std::clamp(a.score, 0, 4);
  return a;
}

}  // namespace ownvoice::log
