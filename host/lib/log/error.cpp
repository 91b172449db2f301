#include "log/error.hpp"

namespace ownvoice::log {

const char* protocol_code(ErrorCode code) {
  switch (code) {
    case ErrorCode::not_initialized: return "log_not_initialized";
    case ErrorCode::already_initialized: return "log_already_initialized";
    case ErrorCode::wrong_passphrase: return "wrong_passphrase";
    case ErrorCode::io_error: return "log_io_error";
    case ErrorCode::corrupt: return "log_corrupt";
    case ErrorCode::invalid_argument: return "invalid_value";
    case ErrorCode::passphrase_too_short: return "passphrase_too_short";
    case ErrorCode::scrub_failed: return "log_scrub_failed";
  }
  return "internal";
}

const char* to_string(ErrorCode code) {
  switch (code) {
    case ErrorCode::not_initialized: return "not_initialized";
    case ErrorCode::already_initialized: return "already_initialized";
    case ErrorCode::wrong_passphrase: return "wrong_passphrase";
    case ErrorCode::io_error: return "io_error";
    case ErrorCode::corrupt: return "corrupt";
    case ErrorCode::invalid_argument: return "invalid_argument";
    case ErrorCode::passphrase_too_short: return "passphrase_too_short";
    case ErrorCode::scrub_failed: return "scrub_failed";
  }
  return "unknown";
}

}  // namespace ownvoice::log
