#pragma once
// The dispatch table: request type -> handler, one handler per file under handlers/.
// Answering one frame (parse, route, catch, shorten, serialise) lives here so that every
// request gets exactly one reply whatever goes wrong.
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "protocol/message.hpp"

namespace ownvoice::protocol {

class Session;

// Returns the result object; throws ProtocolError (or log::Error) for an error reply.
using Handler = nlohmann::json (*)(Session&, const Request&);

struct HandlerEntry {
  std::string_view type;
  Handler handle;
};

// hello, check, confirm, policy, ping and the log.* family.
std::vector<HandlerEntry> standard_handlers();

class Dispatcher {
 public:
  explicit Dispatcher(std::vector<HandlerEntry> handlers);

  // Answers one frame body with one serialised reply (never throws). The body is wiped
  // afterwards: it may hold a passphrase.
  std::string answer(Session& session, std::string& body) const;

  [[nodiscard]] const HandlerEntry* find(std::string_view type) const;

 private:
  std::vector<HandlerEntry> handlers_;
};

}  // namespace ownvoice::protocol
