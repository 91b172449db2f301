#pragma once
// Small file operations the installer needs, each reporting failures as text instead of
// throwing: a permission problem in one browser's folder must not stop the others.
#include <optional>
#include <string>
#include <vector>

namespace ownvoice::install {

// Creates `dir` and missing parents (0755). Appends every folder it created, outermost
// first, to `created` so uninstall can remove exactly those (when empty).
bool make_dirs(const std::string& dir, std::vector<std::string>& created, std::string& error);

// Writes `content` to `path` through a temporary file and rename, then sets `mode`.
bool write_file_atomic(const std::string& path, const std::string& content, unsigned mode, std::string& error);

// The file's content, or nullopt when it cannot be read.
std::optional<std::string> read_file(const std::string& path);

// A short content fingerprint (FNV-1a 64, hex): recognises our own files in a receipt.
std::string fingerprint(const std::string& content);

bool path_exists(const std::string& path);
// Deletes a file; false when it could not be deleted (a missing file is not deleted).
bool remove_file(const std::string& path);
bool is_directory(const std::string& path);
// Regular file with an execute bit for its owner (POSIX) / an existing file (Windows).
bool is_executable_file(const std::string& path);
// The running program's absolute path ("" when unknown).
std::string current_executable();

}  // namespace ownvoice::install
