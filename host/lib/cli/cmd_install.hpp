#pragma once
// `ownvoice install`, `ownvoice uninstall` and `ownvoice enterprise-templates`
// (docs/deployment.md).
#include <CLI/CLI.hpp>

namespace ownvoice::cli {

void add_install_commands(CLI::App& app, int& exit_code);

}  // namespace ownvoice::cli
