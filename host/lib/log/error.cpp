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
  }
  return "unknown";
}

}  // namespace ownvoice::log
