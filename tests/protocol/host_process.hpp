#pragma once
// Runs the real ownvoice-host binary over pipes, as a browser does: frames in on stdin,
// frames out on stdout, exit status at the end. No mock anywhere.
#include <sys/types.h>

#include <chrono>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace ownvoice::testing {

// The development extension's origin, as Chromium passes it in argv[1].
inline constexpr const char* kDevOrigin = "chrome-extension://hgbilnnlaipdipmikldinehbbgmdkebn/";

std::string frame(std::string_view body);
inline std::string frame(const std::string& body) { return frame(std::string_view(body)); }
inline std::string frame(const char* body) { return frame(std::string_view(body)); }
std::string frame(const nlohmann::json& message);

// Splits stdout into frame bodies; `rest` gets bytes that do not form a whole frame.
std::vector<std::string> split_frames(std::string_view out, std::string* rest = nullptr);

// A private HOME, state, data and config folder for one test.
class TempHome {
 public:
  TempHome();
  ~TempHome();
  TempHome(const TempHome&) = delete;
  TempHome& operator=(const TempHome&) = delete;
  [[nodiscard]] const std::filesystem::path& path() const { return path_; }
  // HOME, XDG_*, OWNVOICE_STATE_DIR, OWNVOICE_DATA_DIR under path(); PATH; fast KDF.
  [[nodiscard]] std::map<std::string, std::string> environment() const;

 private:
  std::filesystem::path path_;
};

struct HostCommand {
  std::vector<std::string> argv;  // argv[0] is the program
  std::map<std::string, std::string> env;
};

// The host with the development origin and the example policy as the system layer.
HostCommand default_command(const TempHome& home, const std::string& binary = OWNVOICE_HOST_BINARY);

struct HostExit {
  bool exited = false;  // false: killed by a signal (or timed out)
  int status = -1;      // exit status when exited
  int signal = 0;
  bool timed_out = false;
};

struct HostRun {
  HostExit exit;
  std::string out;
  std::vector<std::string> frames;
  std::string rest;  // stdout bytes after the last whole frame (must be empty)
};

// Writes all of `input`, closes stdin, reads stdout to the end, waits.
HostRun run_once(const HostCommand& command, std::string_view input,
                 std::chrono::milliseconds timeout = std::chrono::seconds(60));

// A host that stays up for a conversation.
class HostProcess {
 public:
  explicit HostProcess(const HostCommand& command);
  ~HostProcess();
  HostProcess(const HostProcess&) = delete;
  HostProcess& operator=(const HostProcess&) = delete;

  [[nodiscard]] pid_t pid() const { return pid_; }
  void send(std::string_view bytes);
  // Next frame body, or nullopt at EOF / timeout.
  std::optional<std::string> read_frame(std::chrono::milliseconds timeout = std::chrono::seconds(30));
  nlohmann::json request(const nlohmann::json& message);
  void close_stdin();
  HostExit wait(std::chrono::milliseconds timeout = std::chrono::seconds(30));

 private:
  bool read_exact(char* out, std::size_t n, std::chrono::steady_clock::time_point deadline);
  pid_t pid_ = -1;
  int in_ = -1;
  int out_ = -1;
  std::optional<HostExit> exit_;
};

}  // namespace ownvoice::testing
