// `ownvoice log ...`: thin wrappers over host/lib/log. Every command that needs the
// passphrase collects its whole output before printing, so a wrong passphrase or a damaged
// entry never leaves half a listing on stdout.
#include "cli/cmd_log.hpp"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <functional>
#include <iostream>
#include <memory>
#include <optional>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>
#include <sodium.h>

#include "log/error.hpp"
#include "log/export_crypto.hpp"
#include "log/passphrase.hpp"
#include "log/store.hpp"
#include "platform/platform.hpp"

namespace ownvoice::cli {
namespace {

using log::Error;
using log::ErrorCode;
using log::SecretString;

constexpr int kOk = 0;
constexpr int kProblem = 1;
constexpr int kUsage = 64;
constexpr int kCorrupt = 65;
constexpr int kIo = 74;
constexpr int kNoInput = 66;

struct LogFlags {
  std::string path;  // "" = Store::default_path()
  int passphrase_fd = -1;
  int new_passphrase_fd = -1;
  bool json = false;
  bool skip_damaged = false;
  bool all = false;
  bool yes = false;
  bool rotate = false;
  bool encrypt = false;
  int export_passphrase_fd = -1;
  std::string input;
  std::string before;
  std::string format = "jsonl";
  std::string output;
  log::Filter filter;
  std::size_t limit = 0;
};

int exit_for(ErrorCode code) {
  switch (code) {
    case ErrorCode::not_initialized:
    case ErrorCode::already_initialized: return kLogNotSetUp;
    case ErrorCode::wrong_passphrase: return kLogWrongPassphrase;
    case ErrorCode::io_error: return kIo;
    case ErrorCode::corrupt: return kCorrupt;
    case ErrorCode::invalid_argument:
    case ErrorCode::passphrase_too_short: return kUsage;
    case ErrorCode::scrub_failed: return kIo;
  }
  return kIo;
}

log::Store open_store(const LogFlags& f) {
  return log::Store::open(f.path.empty() ? log::Store::default_path() : f.path);
}

void print_warnings(const std::vector<std::string>& warnings) {
  for (const auto& w : warnings) std::cerr << "ownvoice: warning: " << w << "\n";
}

SecretString ask(int fd, const char* prompt) {
  return fd >= 0 ? log::read_passphrase_fd(fd) : log::read_passphrase_tty(prompt);
}

// A new passphrase: refused when too short, confirmed when typed, with advice on stderr.
std::optional<SecretString> ask_new(int fd, const char* prompt) {
  SecretString first = ask(fd, prompt);
  auto advice = log::assess_passphrase(first.view());
  for (const auto& line : advice.advice) std::cerr << "  " << line << "\n";
  if (!advice.acceptable) {
    std::cerr << "ownvoice: passphrase refused (too short)\n";
    return std::nullopt;
  }
  if (fd < 0) {
    SecretString again = ask(fd, "Type it again: ");
    if (!log::equal_secret(first.view(), again.view())) {
      std::cerr << "ownvoice: the two passphrases differ; nothing was changed\n";
      return std::nullopt;
    }
  }
  return first;
}

bool confirm_on_tty(const std::string& question) {
  const auto answer = platform::ask_console(question);
  return answer && !answer->empty() && ((*answer)[0] == 'y' || (*answer)[0] == 'Y');
}

void print_entry(std::ostream& out, const log::Entry& e) {
  out << "#" << e.seq << "  " << e.time << "  " << e.platform << "  " << e.decision << "  verdict=" << e.verdict
      << (e.promotional ? "  promotional" : "") << (e.consent ? "  consent" : "") << "\n";
  if (!e.url.empty()) out << "    url:      " << e.url << "\n";
  out << "    checked:  " << e.text_checked << "\n";
  if (!e.text_shared.empty() && e.text_shared != e.text_checked) out << "    shared:   " << e.text_shared << "\n";
  if (!e.findings_summary.empty()) {
    out << "    findings: " << e.findings_summary.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)
        << "\n";
  }
  if (!e.policy_version.empty()) out << "    policy:   " << e.policy_version << "\n";
}

// Writes an export to a new file only the user can read (it holds the decrypted posts).
bool write_private_file(const std::string& path, const std::string& data) {
  std::string error;
  if (platform::write_private_file(path, data, error)) return true;
  std::cerr << "ownvoice: cannot write " << path << ": " << error << "\n";
  return false;
}

// Runs one command body, turning log errors into a message on stderr and an exit status.
template <typename Fn>
void run(int& exit_code, Fn&& fn) {
  try {
    exit_code = fn();
  } catch (const Error& e) {
    std::cerr << "ownvoice: " << e.what() << "\n";
    exit_code = exit_for(e.code());
  }
}

void add_passphrase_fd(CLI::App& cmd, LogFlags& f) {
  cmd.add_option("--passphrase-fd", f.passphrase_fd,
                 "read the passphrase from this file descriptor (one line) instead of the terminal")
      ->check(CLI::NonNegativeNumber);
}

void add_filters(CLI::App& cmd, LogFlags& f) {
  cmd.add_option("--since", f.filter.since, "only entries from this UTC date on (YYYY-MM-DD or RFC 3339)");
  cmd.add_option("--until", f.filter.until, "only entries up to this UTC date, inclusive");
  cmd.add_option("--platform", f.filter.platform, "only this platform (x, linkedin, ...)");
  cmd.add_option("--decision", f.filter.decision, "only this decision")
      ->check(CLI::IsMember({"shared", "edited_shared", "cancelled"}));
  cmd.add_option("--verdict", f.filter.verdict, "only this verdict")->check(CLI::IsMember({"ok", "warn", "block"}));
  cmd.add_flag("--reminders", f.filter.reminders_only,
               "only posts where OwnVoice reminded you that you keep work out of that account");
  cmd.add_flag("--skip-damaged", f.skip_damaged, "leave out entries that cannot be decrypted instead of failing");
}

log::Filter filter_of(const LogFlags& f) {
  log::Filter filter = f.filter;
  filter.skip_damaged = f.skip_damaged;
  if (f.limit > 0) filter.limit = f.limit;
  return filter;
}

log::Store open_initialized_store(const LogFlags& f) {
  auto store = open_store(f);
  if (!store.initialized()) throw Error(ErrorCode::not_initialized, "the log is not set up: run `ownvoice log init`");
  return store;
}

// The callback CLI11 runs for a subcommand: the command's function on the parsed flags,
// its exit status (or a log error's) kept in exit_code.
std::function<void()> runs(const std::shared_ptr<LogFlags>& flags, int& exit_code, int (*command)(const LogFlags&)) {
  return [flags, &exit_code, command] { run(exit_code, [&] { return command(*flags); }); };
}

// `ownvoice log init`
int log_init(const LogFlags& flags) {
  auto store = open_store(flags);
  if (store.initialized()) throw Error(ErrorCode::already_initialized, "the log is already set up at " + store.path());
  std::cerr << "Choose a passphrase for your OwnVoice log. Nobody else (not IT) can read the log without it,\n"
               "and nobody can recover it for you.\n";
  auto pass = ask_new(flags.passphrase_fd, "New passphrase: ");
  if (!pass) return kUsage;
  store.init(pass->view());
  std::cerr << "The log is set up at " << store.path() << "\n";
  print_warnings(store.status().warnings);
  return kOk;
}

// `ownvoice log status`
int log_status(const LogFlags& flags) {
  auto store = open_store(flags);
  auto s = store.status();
  if (!flags.json) print_warnings(s.warnings);
  if (flags.json) {
    nlohmann::json j = log::to_json(s);
    if (auto h = store.promotional_history(30)) {
      j["promotional_30d"] = {{"shared", h->shared}, {"promotional", h->promotional}};
    }
    std::cout << j.dump() << "\n";
  } else if (!s.initialized) {
    std::cout << "The log is not set up (run `ownvoice log init`). Expected at " << s.path << "\n";
  } else {
    std::cout << "Log: " << s.path << "\nEntries: " << s.entries << "\n";
    // Compare these with the Privacy status in the extension's popup: a different key
    // means someone else's key now receives your entries (PROTOCOL.md hello).
    std::cout << "Key fingerprint: " << s.key_fingerprint << "\nLast entry number: " << s.last_seq << "\n";
    if (auto h = store.promotional_history(30)) {
      std::cout << "Shared in the last 30 days: " << h->shared << ", of which promotional: " << h->promotional << "\n";
    }
  }
  return kOk;
}

// `ownvoice log show`
int log_show(const LogFlags& flags) {
  auto store = open_initialized_store(flags);
  auto pass = ask(flags.passphrase_fd, "Log passphrase: ");
  auto entries = store.read_all(pass.view(), filter_of(flags));
  pass.clear();
  std::ostringstream out;
  for (const auto& e : entries) {
    if (flags.json) {
      out << log::to_json(e).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    } else {
      print_entry(out, e);
    }
  }
  if (!flags.json) out << entries.size() << (entries.size() == 1 ? " entry\n" : " entries\n");
  std::cout << out.str() << std::flush;
  return kOk;
}

// `ownvoice log export`
int log_export(const LogFlags& flags) {
  auto store = open_initialized_store(flags);
  auto pass = ask(flags.passphrase_fd, "Log passphrase: ");
  std::string data = store.export_as(pass.view(), flags.format, filter_of(flags));
  pass.clear();
  if (flags.encrypt) {
    auto file_pass = ask_new(flags.export_passphrase_fd, "Passphrase for the export file: ");
    if (!file_pass) return kUsage;
    std::string sealed = log::seal_export(file_pass->view(), data, log::KdfParams::standard());
    sodium_memzero(data.data(), data.size());
    data = std::move(sealed);
  }
  if (flags.output.empty()) {
    std::cout << data << std::flush;
    return kOk;
  }
  return write_private_file(flags.output, data) ? kOk : kIo;
}

// `ownvoice log verify`
int log_verify(const LogFlags& flags) {
  auto store = open_initialized_store(flags);
  auto pass = ask(flags.passphrase_fd, "Log passphrase: ");
  auto r = store.verify(pass.view());
  pass.clear();
  if (!flags.json) print_warnings(r.warnings);
  if (flags.json) {
    std::cout << log::to_json(r).dump() << "\n";
  } else if (r.ok) {
    std::cout << "OK: " << r.entries << " entries, chain intact through entry " << r.verified_through << " (head "
              << r.head_fingerprint << ")\n";
  } else {
    std::cout << "PROBLEM: " << r.problem << "\n";
    if (r.first_bad) std::cout << "First bad entry: " << *r.first_bad << "\n";
  }
  return r.ok ? kOk : kProblem;
}

// `ownvoice log erase`
int log_erase(const LogFlags& flags) {
  if (!flags.all && flags.before.empty()) {
    std::cerr << "ownvoice: say what to erase: --all or --before YYYY-MM-DD\n";
    return kUsage;
  }
  auto store = open_initialized_store(flags);
  if (!flags.yes) {
    std::string what = flags.all ? "ALL entries" : "entries dated before " + flags.before;
    if (!confirm_on_tty("Erase " + what + " of your OwnVoice log? This cannot be undone. [y/N] ")) {
      std::cerr << "ownvoice: nothing erased (confirm on the terminal, or pass --yes)\n";
      return kUsage;
    }
  }
  auto pass = ask(flags.passphrase_fd, "Log passphrase: ");
  std::optional<std::string> cutoff;
  if (!flags.all) cutoff = flags.before;
  const auto report = store.erase_and_scrub(pass.view(), cutoff);
  pass.clear();
  const auto n = report.erased;
  std::cout << "Erased " << n << (n == 1 ? " entry\n" : " entries\n");
  std::cout << "File rebuilt without free pages (VACUUM): " << (report.vacuum ? "yes" : "NO") << "\n"
            << "Write-ahead log emptied (checkpoint): " << (report.wal_checkpoint ? "yes" : "NO") << "\n";
  if (!report.problem.empty()) {
    std::cerr << "ownvoice: the erased entries' old pages may remain on disk: " << report.problem
              << "; run the erase again\n";
    return kIo;
  }
  return kOk;
}

// `ownvoice log passwd`
int log_passwd(const LogFlags& flags) {
  auto store = open_initialized_store(flags);
  auto old_pass = ask(flags.passphrase_fd, "Current passphrase: ");
  auto new_pass = ask_new(flags.new_passphrase_fd, "New passphrase: ");
  if (!new_pass) return kUsage;
  if (flags.rotate) {
    store.rotate_keys(old_pass.view(), new_pass->view());
    const auto s = store.status();
    std::cerr << "Passphrase changed and keys rotated. New key fingerprint: " << s.key_fingerprint
              << "\n(confirm it in the extension's Privacy status)\n";
  } else {
    store.change_passphrase(old_pass.view(), new_pass->view());
    std::cerr << "Passphrase changed.\n";
  }
  return kOk;
}

// `ownvoice log decrypt-export`
int log_decrypt_export(const LogFlags& flags) {
  std::ifstream in(flags.input, std::ios::binary);
  if (!in) {
    std::cerr << "ownvoice: cannot read " << flags.input << "\n";
    return kNoInput;
  }
  std::ostringstream armored;
  armored << in.rdbuf();
  auto pass = ask(flags.passphrase_fd, "Export passphrase: ");
  const std::string clear = log::open_export(pass.view(), armored.str());
  pass.clear();
  std::cout << clear << std::flush;
  return kOk;
}

}  // namespace

void add_log_commands(CLI::App& app, int& exit_code) {
  auto flags = std::make_shared<LogFlags>();
  auto* cmd = app.add_subcommand("log", "your encrypted log of checked posts (only your passphrase opens it)");
  cmd->require_subcommand(1);
  cmd->add_option("--path", flags->path, "the log file (default: your data directory, or $OWNVOICE_DATA_DIR)");

  auto* init = cmd->add_subcommand("init", "set up the log and choose its passphrase");
  add_passphrase_fd(*init, *flags);
  init->callback(runs(flags, exit_code, log_init));

  auto* status = cmd->add_subcommand("status", "is the log set up, where, how many entries (no passphrase)");
  status->add_flag("--json", flags->json, "print JSON");
  status->callback(runs(flags, exit_code, log_status));

  auto* show = cmd->add_subcommand("show", "decrypt and list the log");
  add_passphrase_fd(*show, *flags);
  add_filters(*show, *flags);
  show->add_option("--limit", flags->limit, "only the most recent N matching entries")->check(CLI::PositiveNumber);
  show->add_flag("--json", flags->json, "one JSON object per line");
  show->callback(runs(flags, exit_code, log_show));

  auto* exp = cmd->add_subcommand("export", "decrypt the log to JSON Lines or CSV");
  add_passphrase_fd(*exp, *flags);
  add_filters(*exp, *flags);
  exp->add_option("--format", flags->format, "jsonl (lossless) or csv")->check(CLI::IsMember({"jsonl", "csv"}));
  exp->add_option("--output,-o", flags->output, "write to this file (created readable by you only) instead of stdout");
  exp->add_flag("--encrypt", flags->encrypt,
                "seal the export under a passphrase you choose for the file (read it back with `log decrypt-export`)");
  exp->add_option("--export-passphrase-fd", flags->export_passphrase_fd,
                  "with --encrypt: read the file's passphrase from this file descriptor")
      ->check(CLI::NonNegativeNumber);
  exp->callback(runs(flags, exit_code, log_export));

  auto* verify = cmd->add_subcommand("verify", "check that no entry was removed, reordered or altered");
  add_passphrase_fd(*verify, *flags);
  verify->add_flag("--json", flags->json, "print JSON");
  verify->callback(runs(flags, exit_code, log_verify));

  auto* erase = cmd->add_subcommand("erase", "delete entries for good (overwritten on disk, not just unlinked)");
  add_passphrase_fd(*erase, *flags);
  auto* all = erase->add_flag("--all", flags->all, "every entry");
  auto* before = erase->add_option("--before", flags->before, "entries dated before this UTC date (YYYY-MM-DD)");
  all->excludes(before);
  erase->add_flag("--yes,-y", flags->yes, "do not ask for confirmation");
  erase->callback(runs(flags, exit_code, log_erase));

  auto* passwd = cmd->add_subcommand("passwd", "change the log's passphrase (entries stay readable)");
  passwd->add_flag("--rotate", flags->rotate,
                   "also replace the key pair: every entry is re-encrypted and the old key erased, so an old backup "
                   "plus the old passphrase opens nothing written from now on");
  add_passphrase_fd(*passwd, *flags);
  passwd
      ->add_option("--new-passphrase-fd", flags->new_passphrase_fd, "read the new passphrase from this file descriptor")
      ->check(CLI::NonNegativeNumber);
  passwd->callback(runs(flags, exit_code, log_passwd));

  auto* decrypt = cmd->add_subcommand("decrypt-export", "print the clear text of an encrypted export file");
  decrypt->add_option("file", flags->input, "the encrypted export (one or more BEGIN/END blocks)")->required();
  add_passphrase_fd(*decrypt, *flags);
  decrypt->callback(runs(flags, exit_code, log_decrypt_export));
}

}  // namespace ownvoice::cli
