#pragma once
// Compact JSON text of a value, byte for byte what nlohmann's `dump()` writes, faster: a
// check result repeats the post (the proposed text with its disclaimer), and nlohmann
// decodes every byte of every string to escape it, which cost more than a fifth of a batch
// check (docs/benchmarks.md). Here a string is checked as UTF-8 once, then copied in runs
// between the bytes that need escaping. A value holding invalid UTF-8 is left to nlohmann,
// with the caller's choice of what to do about it (throw, or replace with U+FFFD).
#include <string>

#include <nlohmann/json.hpp>

namespace ownvoice::engine {

std::string write_json(const nlohmann::json& value,
                       nlohmann::json::error_handler_t invalid_utf8 = nlohmann::json::error_handler_t::strict);

}  // namespace ownvoice::engine
