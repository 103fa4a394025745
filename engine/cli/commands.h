#pragma once
// The iccreport command line. Each subcommand lives in its own file
// (command_<name>.cpp) and is listed once, in the command table of
// commands.cpp: add_<name>_command adds the subcommand and its options to the
// app and returns what to run if that subcommand is the one given. The same
// CLI11 definitions make `--help`, the man pages and the bash completion
// (cli/manual.h), so they cannot disagree.
//
// To add a command: write command_<name>.cpp with
//   Command add_<name>_command(CLI::App& app, const GlobalOptions& globals);
// declare it below and add one line to the table in commands.cpp. Options
// shared by several commands (--lang, --network, --as-of, --out) are added
// with the helpers below so that they have the same names and meaning
// everywhere.
#include <CLI/CLI.hpp>

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "support/data_root.h"

namespace icc::cli {

// Options of the program itself, given before or after the subcommand.
struct GlobalOptions {
    std::filesystem::path data;  // --data DIR
    bool verbose = false;        // -v

    // The data folder of this run (support/data_root.h); said on stderr with
    // -v. Throws DiagnosticError.
    [[nodiscard]] DataRoot locate() const;
};

// Runs a parsed subcommand; returns the process exit code. May throw
// DiagnosticError, which main prints in compiler style (exit code 1), or
// InternalError for an engine bug (exit code 70).
using Runner = std::function<int()>;

struct Command {
    CLI::App* subcommand;
    Runner run;
};

using AddCommand = Command (*)(CLI::App& app, const GlobalOptions& globals);

struct CommandEntry {
    const char* name;
    AddCommand add;
};

// Every subcommand, in the order `--help` and the man pages list them.
const std::vector<CommandEntry>& command_table();

// Builds the whole command line: global options and every subcommand.
struct CommandLine {
    std::unique_ptr<CLI::App> app;
    std::vector<Command> commands;
};
CommandLine make_command_line(GlobalOptions& globals);

// When the arguments hold a mistyped command or option, the message saying
// so with the closest correct name ("did you mean 'report'?"); empty otherwise.
std::string mistyped_argument(CLI::App& app, const std::vector<std::string>& arguments);

Command add_report_command(CLI::App& app, const GlobalOptions& globals);
Command add_profile_command(CLI::App& app, const GlobalOptions& globals);
Command add_build_command(CLI::App& app, const GlobalOptions& globals);
Command add_watch_command(CLI::App& app, const GlobalOptions& globals);
Command add_score_command(CLI::App& app, const GlobalOptions& globals);
Command add_charts_command(CLI::App& app, const GlobalOptions& globals);
Command add_explain_command(CLI::App& app, const GlobalOptions& globals);
Command add_check_command(CLI::App& app, const GlobalOptions& globals);
Command add_init_command(CLI::App& app, const GlobalOptions& globals);
Command add_fonts_command(CLI::App& app, const GlobalOptions& globals);
Command add_specimen_command(CLI::App& app, const GlobalOptions& globals);
Command add_questionnaire_command(CLI::App& app, const GlobalOptions& globals);
Command add_pdfcheck_command(CLI::App& app, const GlobalOptions& globals);
Command add_import_command(CLI::App& app, const GlobalOptions& globals);
Command add_new_command(CLI::App& app, const GlobalOptions& globals);
Command add_manual_command(CLI::App& app, const GlobalOptions& globals);
Command add_translate_command(CLI::App& app, const GlobalOptions& globals);

}  // namespace icc::cli
