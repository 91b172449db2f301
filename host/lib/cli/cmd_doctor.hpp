#pragma once
// `ownvoice doctor`: what stops the browser from reaching the host, and how to fix it.
#include <CLI/CLI.hpp>

namespace ownvoice::cli {

void add_doctor_command(CLI::App& app, int& exit_code);

}  // namespace ownvoice::cli
