#pragma once
// Each iccreport subcommand lives in its own file and registers itself here:
// add_<name>_command adds the subcommand and its options to the app and
// returns what to run if that subcommand is the one given.
#include <CLI/CLI.hpp>

#include <functional>
#include <iosfwd>

namespace icc::cli {

// Runs a parsed subcommand; returns the process exit code. May throw
// DiagnosticError, which main prints in compiler style (exit code 1), or
// InternalError for an engine bug (exit code 70).
using Runner = std::function<int()>;

struct Command {
    CLI::App* subcommand;
    Runner run;
};

Command add_report_command(CLI::App& app);
Command add_fonts_command(CLI::App& app);
Command add_specimen_command(CLI::App& app);
Command add_score_command(CLI::App& app);
Command add_charts_command(CLI::App& app);
Command add_check_command(CLI::App& app);
Command add_build_command(CLI::App& app);
Command add_explain_command(CLI::App& app);
Command add_profile_command(CLI::App& app);

}  // namespace icc::cli
