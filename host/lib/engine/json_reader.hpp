#pragma once
// A JSON text read into a value, exactly as nlohmann::json::parse(text, nullptr, false)
// reads it (a discarded value when it is not JSON), faster for what the host and
// `ownvoice check --jsonl` receive for every post: one flat object of strings, integers,
// booleans and nulls, {"id": 7, "type": "check", "text": "..."}. nlohmann's lexer copies a
// string one byte at a time, which cost a tenth of a batch check (docs/benchmarks.md);
// here a string is copied in runs between escapes. Anything else (a nested value, a
// fraction, an unusual escape, an error) is handed to nlohmann, so its rules and errors
// stay the only ones.
#include <string_view>

#include <nlohmann/json.hpp>

namespace ownvoice::engine {

nlohmann::json read_json(std::string_view text);

}  // namespace ownvoice::engine
