#include "protocol/dispatch.hpp"

#include <sodium.h>

#include <chrono>
#include <exception>
#include <utility>

#include "log/error.hpp"
#include "protocol/frame.hpp"
#include "protocol/handlers/handlers.hpp"
#include "protocol/session.hpp"

namespace ownvoice::protocol {
namespace {

using nlohmann::json;

ErrorCode from_log_error(log::ErrorCode code) {
  switch (code) {
    case log::ErrorCode::not_initialized: return ErrorCode::LogNotInitialized;
    case log::ErrorCode::already_initialized: return ErrorCode::LogAlreadyInitialized;
    case log::ErrorCode::wrong_passphrase: return ErrorCode::WrongPassphrase;
    case log::ErrorCode::io_error: return ErrorCode::LogIoError;
    case log::ErrorCode::corrupt: return ErrorCode::LogCorrupt;
    case log::ErrorCode::invalid_argument: return ErrorCode::InvalidValue;
    case log::ErrorCode::passphrase_too_short: return ErrorCode::PassphraseTooShort;
    case log::ErrorCode::scrub_failed: return ErrorCode::LogScrubFailed;
  }
  return ErrorCode::Internal;
}

void wipe(std::string& s) {
  if (!s.empty()) sodium_memzero(s.data(), s.size());
}

// Passphrases travel inside log.* requests; zero them before the memory is reused.
void wipe_secrets(json& body) {
  if (!body.is_object()) return;
  for (const char* key : {"passphrase", "new_passphrase", "old_passphrase", "encrypt_passphrase"}) {
    const auto it = body.find(key);
    if (it != body.end() && it->is_string()) wipe(it->get_ref<std::string&>());
  }
}

}  // namespace

std::vector<HandlerEntry> standard_handlers() {
  return {
      {"hello", &handle_hello},           {"check", &handle_check},         {"confirm", &handle_confirm},
      {"policy", &handle_policy},         {"ping", &handle_ping},           {"log.status", &handle_log_status},
      {"log.init", &handle_log_init},     {"log.show", &handle_log_show},   {"log.verify", &handle_log_verify},
      {"log.export", &handle_log_export}, {"log.erase", &handle_log_erase},
  };
}

Dispatcher::Dispatcher(std::vector<HandlerEntry> handlers) : handlers_(std::move(handlers)) {}

const HandlerEntry* Dispatcher::find(std::string_view type) const {
  for (const auto& entry : handlers_) {
    if (entry.type == type) return &entry;
  }
  return nullptr;
}

std::string Dispatcher::answer(Session& session, std::string& body) const {
  const auto started = std::chrono::steady_clock::now();
  json id;
  json reply;
  Request request;
  try {
    request = parse_request(body, id);
    // The employee's own debug option, for this request only (PROTOCOL.md).
    const auto debug = request.body.find("debug");
    session.set_request_debug(debug != request.body.end() && debug->is_boolean() && debug->get<bool>());
    const HandlerEntry* entry = find(request.type);
    if (entry == nullptr) {
      // The type is the caller's text: quote it only when it is short.
      throw ProtocolError(ErrorCode::UnknownType, request.type.size() <= 64
                                                      ? "unknown request type '" + request.type + "'"
                                                      : std::string("unknown request type"));
    }
    reply = make_success(id, entry->type, entry->handle(session, request));
  } catch (const ProtocolError& e) {
    reply = make_error(id, e.code(), e.what());
  } catch (const log::Error& e) {
    reply = make_error(id, from_log_error(e.code()), e.what());
  } catch (const std::exception& e) {
    // Exception texts can quote their input; the log gets them only in debug mode.
    session.logger().error("error: internal ({})", request.type.substr(0, 64));
    session.logger().debug("internal error details: {}", e.what());
    reply = make_error(id, ErrorCode::Internal, "internal error in the host; please report it");
  }
  wipe_secrets(request.body);
  wipe(body);

  std::string out = serialize_reply(std::move(reply), kMaxReplyBytes);
  const auto micros =
      std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - started).count();
  session.logger().debug("answered '{}' ({} reply bytes, {} us)", request.type.substr(0, 64), out.size(), micros);
  session.set_request_debug(false);
  return out;
}

}  // namespace ownvoice::protocol
