// Build-time helper (not installed): writes the enterprise policy templates that the
// packages ship under share/ownvoice/enterprise, from the same code as
// `ownvoice enterprise-templates`, so packaging does not depend on the CLI's main.
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include "install/enterprise.hpp"
#include "install/files.hpp"
#include "policy/loader.hpp"

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: ownvoice-render-templates <out-dir> <policy.json>\n";
    return 64;
  }
  namespace install = ownvoice::install;
  std::string error;
  const auto policy = ownvoice::policy::read_policy_file(argv[2], error);
  if (!policy) {
    std::cerr << error << "\n";
    return 65;
  }
  install::EnterpriseOptions options;
  options.managed = install::managed_settings_from_policy(nlohmann::ordered_json::parse(policy->dump()));
  for (const auto& f : install::render_enterprise_templates(options)) {
    const auto target = std::filesystem::path(argv[1]) / f.relative_path;
    std::vector<std::string> created;
    if (!install::make_dirs(target.parent_path().string(), created, error) ||
        !install::write_file_atomic(target.string(), f.content, 0644, error)) {
      std::cerr << error << "\n";
      return 74;
    }
  }
  return 0;
}
