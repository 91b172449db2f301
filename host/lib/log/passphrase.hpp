#pragma once
// Getting the employee's passphrase in: from the terminal without echo, or from a file
// descriptor for scripts (`--passphrase-fd N`), straight into secure memory. Plus the
// strength advice `ownvoice log init` and `log passwd` print.
#include <string>
#include <string_view>
#include <vector>

#include "log/secret.hpp"

namespace ownvoice::log {

// Reads one line from fd (up to "\n" or EOF; a trailing "\r" is dropped). Throws
// Error(invalid_argument) when fd cannot be read or the line is longer than 1023 bytes.
SecretString read_passphrase_fd(int fd);

// Prompts on the controlling terminal (/dev/tty, so stdout stays clean) with echo off;
// restores the terminal even on SIGINT-free early exits. Throws Error(invalid_argument) when
// there is no terminal (use --passphrase-fd).
SecretString read_passphrase_tty(std::string_view prompt);

struct PassphraseAdvice {
  bool acceptable = false;          // false: refuse it (too short)
  int score = 0;                    // 0 (weak) .. 4 (strong), a rough guide
  std::vector<std::string> advice;  // English sentences, empty when nothing to say
};
// Heuristic only (length, character classes, repetition, a few notorious passwords): the
// Argon2id cost is what makes guessing slow; length is what makes it hopeless.
PassphraseAdvice assess_passphrase(std::string_view passphrase);
inline constexpr std::size_t kMinPassphraseLength = 10;

}  // namespace ownvoice::log
