#pragma once
// `ownvoice check --jsonl`: posts streamed through the engine, one JSON object per input
// line, one result per output line in the input's order. Lines are read in blocks and
// checked by several threads at once (the compiled engine is shared; its checks are safe
// to run concurrently, tests/checks/test_concurrency.cpp), so a batch of a few million
// posts uses every core, as ripgrep does, and holds only one block in memory.
#include <istream>
#include <ostream>
#include <string>

#include "engine/engine.hpp"

namespace ownvoice::cli {

struct BatchOptions {
  std::string platform = "generic";  // for lines without "platform"
  std::string language;              // for lines without "lang"; "" = detected
  unsigned jobs = 0;                 // threads; 0 = one per hardware thread
};

// A verdict as `ownvoice check`'s exit status: kOk, kWarn, kBlock (commands.hpp).
inline int exit_status(engine::Verdict v) { return static_cast<int>(v); }

// The worst verdict as an exit status (kOk, kWarn, kBlock), kDataError when a line was not
// {"text": "..."} (that line gets {"line": N, "error": "..."} and the others still run),
// kIoError when the output cannot be written.
int check_batch(const engine::Engine& engine, const BatchOptions& options, std::istream& in, std::ostream& out);

}  // namespace ownvoice::cli
