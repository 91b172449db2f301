// `ownvoice check`: one post (file or stdin), or many with --jsonl.
#include <fstream>
#include <iostream>
#include <sstream>

#include "platform/platform.hpp"
#include "cli/commands.hpp"
#include "cli/terminal.hpp"
#include "engine/engine.hpp"
#include "engine/result_json.hpp"
#include "text/normalize.hpp"

namespace ownvoice::cli {
namespace {

struct CheckOptions {
  std::string policy_file;
  std::string platform = "generic";
  std::string lang;
  std::string input = "-";
  bool json = false;
  bool jsonl = false;
  bool no_preferences = false;
  std::string color = "auto";
};

bool read_input(const std::string& path, std::string& out) {
  if (path == "-") {
    std::ostringstream ss;
    ss << std::cin.rdbuf();
    out = ss.str();
    return true;
  }
  std::ifstream in(platform::fs_path(path), std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  out = ss.str();
  return true;
}

int exit_for(engine::Verdict v) { return static_cast<int>(v); }

int run_jsonl(const engine::Engine& engine, const CheckOptions& o, const std::string& input) {
  std::istringstream lines(input);
  std::string line;
  int worst = kOk;
  bool bad_input = false;
  size_t n = 0;
  while (std::getline(lines, line)) {
    ++n;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    nlohmann::json req;
    std::string error;
    if (!text::is_valid_utf8(line)) {
      error = "invalid UTF-8";
    } else {
      try {
        req = nlohmann::json::parse(line);
        if (!req.is_object() || !req.contains("text") || !req["text"].is_string())
          error = "expected {\"text\": \"...\"}";
      } catch (const nlohmann::json::parse_error&) {
        error = "invalid JSON";
      }
    }
    if (!error.empty()) {
      std::cout << nlohmann::json{{"line", n}, {"error", error}}.dump() << "\n";
      bad_input = true;
      continue;
    }
    engine::CheckRequest r;
    r.text = req["text"].get<std::string>();
    r.platform = req.value("platform", o.platform);
    r.language = req.value("lang", o.lang);
    const auto result = engine.check(r);
    std::cout << engine::to_json(result).dump() << "\n";
    worst = std::max(worst, exit_for(result.verdict));
  }
  return bad_input ? kDataError : worst;
}

int run(const CheckOptions& o) {
  std::string input;
  if (!read_input(o.input, input)) {
    std::cerr << "ownvoice: cannot open " << o.input << "\n";
    return kNoInput;
  }
  policy::LoadOptions lo;
  if (!o.policy_file.empty()) lo.system_path = o.policy_file;
  lo.load_user = !o.no_preferences;
  auto effective = policy::load_layers(lo);
  for (const auto& l : effective.rejected()) std::cerr << "ownvoice: policy layer rejected: " << l.error << "\n";
  if (!o.policy_file.empty() && !effective.layers[1].present)
    std::cerr << "ownvoice: policy file " << o.policy_file << " does not exist; using the built-in defaults\n";
  const engine::Engine engine(std::move(effective));

  if (o.jsonl) return run_jsonl(engine, o, input);

  if (!text::is_valid_utf8(input)) {
    std::cerr << "ownvoice: the input is not valid UTF-8 text\n";
    return kDataError;
  }
  // A trailing newline from a file or `echo` is not part of the post.
  while (!input.empty() && (input.back() == '\n' || input.back() == '\r')) input.pop_back();
  engine::CheckRequest r;
  r.text = input;
  r.platform = o.platform;
  r.language = o.lang;
  const auto result = engine.check(r);
  if (o.json) {
    std::cout << engine::to_json(result).dump(2) << "\n";
  } else {
    const auto mode = o.color == "always" ? ColorMode::Always : o.color == "never" ? ColorMode::Never : ColorMode::Auto;
    std::cout << render_report(input, result, make_style(mode, 1));
  }
  return exit_for(result.verdict);
}

}  // namespace

void add_check_command(CLI::App& app, int& exit_code) {
  auto opts = std::make_shared<CheckOptions>();
  auto* cmd = app.add_subcommand("check", "Check a post: disclaimer, confidential terms, promotional tone");
  cmd->add_option("--policy", opts->policy_file, "Policy file to use instead of the system policy");
  cmd->add_option("--platform", opts->platform, "x, linkedin, facebook, instagram, mastodon, bluesky, threads, ...")
      ->capture_default_str();
  cmd->add_option("--lang", opts->lang, "Language of the post (en, fr); detected when omitted")
      ->check(CLI::IsMember({"en", "fr"}));
  cmd->add_flag("--json", opts->json, "Print exactly the result object (docs/result-format.md)");
  cmd->add_flag("--jsonl", opts->jsonl,
                "One post per input line as {\"text\":..., \"platform\":...}; one result per line");
  cmd->add_flag("--no-preferences", opts->no_preferences, "Ignore the employee's preferences file");
  cmd->add_option("--color", opts->color, "auto, always or never")->check(CLI::IsMember({"auto", "always", "never"}));
  cmd->add_option("input", opts->input, "File with the post, or - for standard input (default)");
  cmd->callback([opts, &exit_code] { exit_code = run(*opts); });
}

}  // namespace ownvoice::cli
