#pragma once
// Test-only request types (never linked into the shipped ownvoice-host).
#include <vector>

#include "protocol/dispatch.hpp"

namespace ownvoice::protocol {

nlohmann::json handle_debug_try_network(Session& session, const Request& request);
nlohmann::json handle_debug_print_stdout(Session& session, const Request& request);
std::vector<HandlerEntry> test_hook_handlers();

}  // namespace ownvoice::protocol
