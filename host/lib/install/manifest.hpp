#pragma once
// Renders a host manifest from the templates in manifests/ and reads one back (doctor).
#include <string>
#include <vector>

#include "install/browsers.hpp"

namespace ownvoice::install {

// The extensions allowed to start the host.
struct AllowedCallers {
  std::vector<std::string> chromium_ids;  // 32-letter ids, rendered as chrome-extension://<id>/
  std::vector<std::string> firefox_ids;   // add-on ids
};

// The built-in callers plus `extra` ids (each sorted into its family by its form).
AllowedCallers allowed_callers(const std::vector<std::string>& extra);

// The manifest text (JSON, 2-space indent, trailing newline) for a browser family.
std::string render_manifest(Family family, const std::string& host_path, const AllowedCallers& callers);

struct ManifestInfo {
  bool parsed = false;
  std::string error;  // parse error, when !parsed
  std::string name;
  std::string path;
  std::string type;
  bool has_origins = false;          // allowed_origins present
  bool has_extensions = false;       // allowed_extensions present
  std::vector<std::string> callers;  // ids: origins reduced to their id, or add-on ids
};

ManifestInfo read_manifest(const std::string& text);

}  // namespace ownvoice::install
