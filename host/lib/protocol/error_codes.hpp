#pragma once
// The stable error codes of PROTOCOL.md. The extension branches on these strings, so
// they are APPEND ONLY: never rename, renumber or remove one. The numbers double as
// the order in PROTOCOL.md's table and are never sent on the wire.
#include <string_view>

namespace ownvoice::protocol {

enum class ErrorCode {
  InvalidJson = 0,
  InvalidUtf8 = 1,
  MessageTooLarge = 2,
  EmptyMessage = 3,
  NotAnObject = 4,
  UnknownType = 5,
  MissingField = 6,
  WrongType = 7,
  InvalidValue = 8,
  ProtocolMismatch = 9,
  ForbiddenCaller = 10,
  UnknownCheckId = 11,
  ConsentRequired = 12,
  LogNotInitialized = 13,
  LogAlreadyInitialized = 14,
  WrongPassphrase = 15,
  LogIoError = 16,
  LogCorrupt = 17,
  Internal = 18,
  PassphraseTooShort = 19,
  LogScrubFailed = 20,
  // Append new codes here, and to PROTOCOL.md, never above.
};

constexpr std::string_view to_string(ErrorCode code) {
  switch (code) {
    case ErrorCode::InvalidJson: return "invalid_json";
    case ErrorCode::InvalidUtf8: return "invalid_utf8";
    case ErrorCode::MessageTooLarge: return "message_too_large";
    case ErrorCode::EmptyMessage: return "empty_message";
    case ErrorCode::NotAnObject: return "not_an_object";
    case ErrorCode::UnknownType: return "unknown_type";
    case ErrorCode::MissingField: return "missing_field";
    case ErrorCode::WrongType: return "wrong_type";
    case ErrorCode::InvalidValue: return "invalid_value";
    case ErrorCode::ProtocolMismatch: return "protocol_mismatch";
    case ErrorCode::ForbiddenCaller: return "forbidden_caller";
    case ErrorCode::UnknownCheckId: return "unknown_check_id";
    case ErrorCode::ConsentRequired: return "consent_required";
    case ErrorCode::LogNotInitialized: return "log_not_initialized";
    case ErrorCode::LogAlreadyInitialized: return "log_already_initialized";
    case ErrorCode::WrongPassphrase: return "wrong_passphrase";
    case ErrorCode::LogIoError: return "log_io_error";
    case ErrorCode::LogCorrupt: return "log_corrupt";
    case ErrorCode::Internal: return "internal";
    case ErrorCode::PassphraseTooShort: return "passphrase_too_short";
    case ErrorCode::LogScrubFailed: return "log_scrub_failed";
  }
  return "internal";
}

}  // namespace ownvoice::protocol
