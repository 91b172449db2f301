#pragma once
// Test support for Windows (run under Wine here): starting a real .exe over real pipes
// with CreateProcessW, a Unicode environment, and Windows paths for the build tree.
#include <chrono>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace ownvoice::wintest {

struct ProcessResult {
  std::string out;  // everything the process wrote to stdout (binary)
  std::string err;  // stderr
  unsigned long exit_code = 0;
  bool timed_out = false;
};

// argv[0] is the program; `env` entries replace or add variables (UTF-8); the rest of the
// environment is inherited. stdin gets `input` then end of file.
ProcessResult run(const std::vector<std::string>& argv, std::string_view input = {},
                  const std::map<std::string, std::string>& env = {},
                  std::chrono::milliseconds timeout = std::chrono::seconds(60));

// A path of the Linux build tree as Wine sees it (Z: maps to /). Windows paths unchanged.
std::string windows_path(std::string_view unix_or_windows_path);

// A fresh folder under %TEMP% (UTF-8 Windows path), removed by the destructor.
class TempDir {
 public:
  explicit TempDir(std::string_view name);
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  [[nodiscard]] const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// Native-messaging frames.
std::string frame(std::string_view body);
// Splits a stdout capture into frame bodies; `rest` gets trailing bytes that are not a frame.
std::vector<std::string> split_frames(std::string_view bytes, std::string* rest = nullptr);

// File helpers with wide-character APIs (UTF-8 names).
bool file_exists(const std::string& path);
std::string read_file(const std::string& path);
void write_file(const std::string& path, std::string_view content);

// A key's (Default) value read with the Win32 API (found=false: no key or no value).
struct RegValue {
  bool found = false;
  std::string value;
};
RegValue reg_query_default(const std::string& key);
bool reg_key_exists(const std::string& key);
// The system's reg.exe (Wine's here) with ARGS: true on exit 0.
bool reg_run(const std::vector<std::string>& args);

}  // namespace ownvoice::wintest
