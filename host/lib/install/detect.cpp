#include "install/detect.hpp"

#include <sstream>

#include "install/files.hpp"

namespace ownvoice::install {

const char* to_string(Packaging p) {
  switch (p) {
    case Packaging::Native: return "native";
    case Packaging::Flatpak: return "flatpak";
    case Packaging::Snap: return "snap";
  }
  return "native";
}

std::string find_on_path(const Environment& env, const std::string& name) {
  std::istringstream dirs(env.path_env);
  std::string dir;
  const char sep = env.os == Os::Windows ? ';' : ':';
  while (std::getline(dirs, dir, sep)) {
    if (dir.empty()) continue;
    std::string candidate = env.join(dir, name);
    if (is_executable_file(env.on_disk(candidate, Scope::System))) return candidate;
  }
  return {};
}

namespace {

std::string first_component(std::string_view rel) { return std::string(rel.substr(0, rel.find('/'))); }

std::string flatpak_note(const BrowserSpec& s) {
  return "Flatpak " + std::string(s.display) +
         " runs in a sandbox and cannot start the host directly. It needs a wrapper that calls "
         "`flatpak-spawn --host` and `flatpak override --user --talk-name=org.freedesktop.Flatpak " +
         std::string(s.flatpak_app_id) +
         "`, which lets the browser run any command outside its sandbox; OwnVoice does not do this for you "
         "(docs/deployment.md, \"Flatpak and Snap\").";
}

void detect_linux(const Environment& env, const BrowserSpec& s, std::vector<DetectedBrowser>& out) {
  // Native build: its profile folder, or its executable on PATH.
  const std::string profile = s.family == Family::Firefox
                                  ? env.join(env.home, ".mozilla")
                                  : env.join(env.xdg_config_home, first_component(s.linux_user_dir));
  std::string evidence;
  if (is_directory(profile)) evidence = profile;
  for (auto exe : s.linux_executables) {
    if (!evidence.empty()) break;
    evidence = find_on_path(env, std::string(exe));
  }
  if (!evidence.empty()) out.push_back({s.id, Packaging::Native, evidence, true, ""});

  if (!s.flatpak_app_id.empty()) {
    const std::string app(s.flatpak_app_id);
    for (const std::string& dir :
         {env.join(env.home, ".var/app/" + app), env.join(env.xdg_data_home, "flatpak/app/" + app),
          env.on_disk("/var/lib/flatpak/app/" + app, Scope::System)}) {
      if (is_directory(dir)) {
        out.push_back({s.id, Packaging::Flatpak, dir, false, flatpak_note(s)});
        break;
      }
    }
  }
  if (!s.snap_name.empty()) {
    const std::string snap(s.snap_name);
    for (const std::string& dir : {env.on_disk("/snap/" + snap, Scope::System), env.join(env.home, "snap/" + snap)}) {
      if (is_directory(dir)) {
        // Snap Firefox reads the ordinary ~/.mozilla manifest through the portal.
        const bool reachable = s.family == Family::Firefox;
        out.push_back({s.id, Packaging::Snap, dir, reachable, std::string(s.snap_note)});
        break;
      }
    }
  }
}

void detect_macos(const Environment& env, const BrowserSpec& s, std::vector<DetectedBrowser>& out) {
  const std::string app(s.macos_app);
  for (const std::string& dir :
       {env.on_disk("/Applications/" + app, Scope::System), env.join(env.home, "Applications/" + app),
        env.join(env.join(env.home, "Library/Application Support"),
                 std::string(s.macos_user_dir.substr(0, s.macos_user_dir.rfind('/'))))}) {
    if (is_directory(dir)) {
      out.push_back({s.id, Packaging::Native, dir, true, ""});
      return;
    }
  }
}

}  // namespace

std::vector<DetectedBrowser> detect_browsers(const Environment& env) {
  std::vector<DetectedBrowser> out;
  for (const auto& s : all_browsers()) {
    switch (env.os) {
      case Os::Linux: detect_linux(env, s, out); break;
      case Os::MacOS: detect_macos(env, s, out); break;
      case Os::Windows:
        // A registry value for a browser that is not installed is inert, so Windows
        // registers every browser instead of guessing from install folders.
        out.push_back({s.id, Packaging::Native, "registry", true, ""});
        break;
    }
  }
  return out;
}

}  // namespace ownvoice::install
