// `ownvoice check`: one post (file or stdin), or many with --jsonl.
#include <fstream>
#include <iostream>

#include "platform/platform.hpp"
#include "cli/check_batch.hpp"
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
  unsigned jobs = 0;  // --jsonl: threads, 0 = one per hardware thread
};

// In blocks: `ss << std::cin.rdbuf()` reads standard input one byte per call.
std::string read_all(std::istream& in) {
  std::string out;
  char block[64 * 1024];
  while (in.read(block, sizeof block) || in.gcount() > 0) out.append(block, static_cast<size_t>(in.gcount()));
  return out;
}

int run(const CheckOptions& o) {
  std::ifstream file;
  if (o.input != "-") {
    file.open(platform::fs_path(o.input), std::ios::binary);
    if (!file) {
      std::cerr << "ownvoice: cannot open " << o.input << "\n";
      return kNoInput;
    }
  }
  std::istream& in = o.input == "-" ? std::cin : file;
  policy::LoadOptions lo;
  if (!o.policy_file.empty()) lo.system_path = o.policy_file;
  lo.load_user = !o.no_preferences;
  auto effective = policy::load_layers(lo);
  for (const auto& l : effective.rejected()) std::cerr << "ownvoice: policy layer rejected: " << l.error << "\n";
  if (!o.policy_file.empty() && !effective.layers[1].present)
    std::cerr << "ownvoice: policy file " << o.policy_file << " does not exist; using the built-in defaults\n";
  const engine::Engine engine(std::move(effective));

  if (o.jsonl) return check_batch(engine, BatchOptions{o.platform, o.lang, o.jobs}, in, std::cout);

  std::string input = read_all(in);

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
  return exit_status(result.verdict);
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
  cmd->add_option("--jobs,-j", opts->jobs, "With --jsonl: posts checked at once (default: one per hardware thread)")
      ->check(CLI::Range(1u, 256u));
  cmd->add_flag("--no-preferences", opts->no_preferences, "Ignore the employee's preferences file");
  cmd->add_option("--color", opts->color, "auto, always or never")->check(CLI::IsMember({"auto", "always", "never"}));
  cmd->add_option("input", opts->input, "File with the post, or - for standard input (default)");
  cmd->callback([opts, &exit_code] { exit_code = run(*opts); });
}

}  // namespace ownvoice::cli
