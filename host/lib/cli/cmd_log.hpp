#pragma once
// `ownvoice log init|status|show|export|verify|erase|passwd`: the employee's encrypted log
// (docs/log-crypto.md). Passphrases come from the terminal without echo, or from a file
// descriptor for scripts (--passphrase-fd N, and --new-passphrase-fd N for passwd).
//
// Exit statuses: 0 done; 1 verify found a problem; 64 bad command line or passphrase refused;
// 65 the log is damaged; 74 the log cannot be written or read (disk full, read-only, locked);
// 77 wrong passphrase; 78 the log is not set up / already set up.
#include <CLI/CLI.hpp>

namespace ownvoice::cli {

inline constexpr int kLogWrongPassphrase = 77;  // EX_NOPERM
inline constexpr int kLogNotSetUp = 78;         // EX_CONFIG (not initialised, or init on an existing log)

void add_log_commands(CLI::App& app, int& exit_code);

}  // namespace ownvoice::cli
