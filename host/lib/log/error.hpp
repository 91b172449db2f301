#pragma once
// Errors of the log, each with a stable code that maps 1:1 onto PROTOCOL.md's error codes.
#include <stdexcept>
#include <string>

namespace ownvoice::log {

enum class ErrorCode {
  not_initialized,       // log_not_initialized
  already_initialized,   // log_already_initialized
  wrong_passphrase,      // wrong_passphrase
  io_error,              // log_io_error: disk full, read-only, locked; nothing was lost
  corrupt,               // log_corrupt: damaged file or altered records
  invalid_argument,      // invalid_value: a bad decision, date or format from the caller
  passphrase_too_short,  // passphrase_too_short: under kMinPassphraseLength characters
  scrub_failed,          // log_scrub_failed: erased, but VACUUM or the WAL checkpoint failed
};

// The PROTOCOL.md error code ("log_not_initialized", ..., "invalid_value").
const char* protocol_code(ErrorCode code);
// Short name ("not_initialized", ...), for diagnostics and tests.
const char* to_string(ErrorCode code);

class Error : public std::runtime_error {
 public:
  Error(ErrorCode code, const std::string& message) : std::runtime_error(message), code_(code) {}
  [[nodiscard]] ErrorCode code() const noexcept { return code_; }

 private:
  ErrorCode code_;
};

}  // namespace ownvoice::log
