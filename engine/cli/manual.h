#pragma once
// The man pages and the bash completion of iccreport, made from the same
// CLI11 definitions as `--help` (cli/commands.h), so the three never disagree.
// The build runs `iccreport manual` to write them; `cmake --install` installs them.
#include <CLI/CLI.hpp>

#include <string>

namespace icc::cli {

// iccreport(1): the global options and the list of commands.
std::string main_man_page(const CLI::App& app);
// iccreport-<command>(1): one command's arguments and options.
std::string command_man_page(const CLI::App& app, const CLI::App& command);
// A bash completion script for every command and option.
std::string bash_completion(const CLI::App& app);

}  // namespace icc::cli
