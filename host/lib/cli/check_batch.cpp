// `ownvoice check --jsonl`: blocks of lines, checked in parallel, written in order.
#include "cli/check_batch.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
#include <string_view>
#include <thread>
#include <vector>

#include "cli/commands.hpp"
#include "engine/json_reader.hpp"
#include "engine/json_writer.hpp"
#include "engine/result_json.hpp"
#include "text/normalize.hpp"

namespace ownvoice::cli {
namespace {

// Lines per block: enough for every thread to stay busy (a post takes ~0.1 ms), few enough
// that a block's posts and results stay small in memory.
constexpr size_t kBlockLines = 512;
constexpr size_t kBlockBytes = 8u << 20;  // or fewer lines, when posts are long
constexpr size_t kReadBytes = 256 * 1024;

struct LineResult {
  std::string json;  // "" for a blank line, which gets no output line
  int status = kOk;  // the verdict's exit status, or kDataError
};

LineResult error_line(size_t number, const std::string& error) {
  return {nlohmann::json{{"line", number}, {"error", error}}.dump(), kDataError};
}

LineResult check_line(const engine::Engine& engine, const BatchOptions& options, std::string_view line, size_t number) {
  if (line.find_first_not_of(" \t\r") == std::string_view::npos) return {};
  if (!text::is_valid_utf8(line)) return error_line(number, "invalid UTF-8");
  nlohmann::json request = engine::read_json(line);
  if (request.is_discarded()) return error_line(number, "invalid JSON");
  const auto text = request.find("text");
  if (!request.is_object() || text == request.end() || !text->is_string())
    return error_line(number, "expected {\"text\": \"...\"}");
  engine::CheckRequest check;
  check.text = std::move(text->get_ref<std::string&>());
  check.platform = request.value("platform", options.platform);
  check.language = request.value("lang", options.language);
  try {
    const auto result = engine.check(check);
    return {engine::write_json(engine::to_json(result)), exit_status(result.verdict)};
  } catch (const std::exception& e) {  // never lose the other lines to one post
    return error_line(number, std::string("could not be checked: ") + e.what());
  }
}

// Checks one block of lines on `jobs` threads (the calling one included); results keep
// the lines' order.
std::vector<LineResult> check_block(const engine::Engine& engine, const BatchOptions& options,
                                    const std::vector<std::string>& lines, size_t first_number, unsigned jobs) {
  std::vector<LineResult> results(lines.size());
  std::atomic<size_t> next{0};
  const auto work = [&] {
    for (size_t i = next++; i < lines.size(); i = next++)
      results[i] = check_line(engine, options, lines[i], first_number + i);
  };
  std::vector<std::thread> helpers;
  const size_t threads = std::min<size_t>(jobs, lines.size());
  for (size_t t = 1; t < threads; ++t) helpers.emplace_back(work);
  work();
  for (auto& t : helpers) t.join();
  return results;
}

}  // namespace

int check_batch(const engine::Engine& engine, const BatchOptions& options, std::istream& in, std::ostream& out) {
  const unsigned jobs = options.jobs != 0 ? options.jobs : std::max(1u, std::thread::hardware_concurrency());
  int worst = kOk;
  bool bad_input = false;
  size_t numbered = 0;  // lines read so far: an error names its line from 1
  std::vector<std::string> block;
  size_t block_bytes = 0;
  std::string pending;  // the start of a line whose end has not been read yet
  std::string written;

  const auto flush = [&] {
    const auto results = check_block(engine, options, block, numbered - block.size() + 1, jobs);
    written.clear();
    for (const auto& r : results) {
      if (r.json.empty()) continue;
      written += r.json;
      written += '\n';
      if (r.status == kDataError)
        bad_input = true;
      else
        worst = std::max(worst, r.status);
    }
    out.write(written.data(), static_cast<std::streamsize>(written.size()));
    block.clear();
    block_bytes = 0;
  };

  std::vector<char> chunk(kReadBytes);
  while (in.read(chunk.data(), static_cast<std::streamsize>(chunk.size())) || in.gcount() > 0) {
    pending.append(chunk.data(), static_cast<size_t>(in.gcount()));
    size_t start = 0;
    for (size_t end; (end = pending.find('\n', start)) != std::string::npos; start = end + 1) {
      block.emplace_back(pending, start, end - start);
      block_bytes += end - start;
      ++numbered;
      if (block.size() == kBlockLines || block_bytes >= kBlockBytes) flush();
    }
    pending.erase(0, start);
  }
  if (!pending.empty()) {  // the last line, without its newline
    block.push_back(std::move(pending));
    ++numbered;
  }
  if (!block.empty()) flush();
  out.flush();
  if (!out) return kIoError;
  return bad_input ? kDataError : worst;
}

}  // namespace ownvoice::cli
