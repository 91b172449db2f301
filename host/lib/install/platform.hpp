#pragma once
// Where things live on each operating system, for one user or for the whole machine.
// Everything the installer and the doctor touch is derived from an Environment, so tests
// (and packaging, which renders Linux files on a build machine) can point it at a
// temporary tree instead of the real home folder and /etc.
#include <optional>
#include <string>
#include <string_view>

namespace ownvoice::install {

enum class Os { Linux, MacOS, Windows };
enum class Scope { User, System };

const char* to_string(Os os);
const char* to_string(Scope scope);
std::optional<Os> parse_os(std::string_view name);
Os current_os();

struct Environment {
  Os os = Os::Linux;
  // Prefixed to every machine-wide path (like DESTDIR): "/tmp/t" turns /etc/opt/chrome/...
  // into /tmp/t/etc/opt/chrome/.... Per-user paths come from `home` and the XDG folders,
  // which tests set through HOME / XDG_CONFIG_HOME / XDG_DATA_HOME.
  std::string root;
  std::string home;             // $HOME, %USERPROFILE%
  std::string xdg_config_home;  // Linux: $XDG_CONFIG_HOME or ~/.config
  std::string xdg_data_home;    // Linux: $XDG_DATA_HOME or ~/.local/share
  std::string local_app_data;   // Windows: %LOCALAPPDATA%
  std::string program_data;     // Windows: %ProgramData%
  std::string program_files;    // Windows: %ProgramFiles%
  std::string path_env;         // $PATH, for finding browser executables

  // Reads the process environment. `os` other than current_os() gives that OS's
  // conventional folders (for rendering and dry runs only).
  static Environment from_process(std::optional<Os> os = std::nullopt, std::string root = "");

  // Joins path parts with this OS's separator.
  [[nodiscard]] std::string join(std::string_view a, std::string_view b) const;
  // Where a logical path is really read/written: machine-wide paths get `root` in front.
  [[nodiscard]] std::string on_disk(const std::string& logical_path, Scope scope) const;

  // The folder OwnVoice keeps its own per-scope state in (install receipt).
  [[nodiscard]] std::string state_dir(Scope scope) const;
};

}  // namespace ownvoice::install
