// iccreport check: every data and locale file, in one run.
#include <iostream>

#include "cli/commands.h"
#include "driver/check.h"

namespace icc::cli {

Command add_check_command(CLI::App& app) {
    CLI::App* command = app.add_subcommand(
        "check", "Check every data and locale file; list missing and unused locale keys (exit 1 if incomplete)");
    return {command, [] {
                const CheckResult result = check_everything(DataRoot::locate());
                print_check(std::cout, result);
                return result.ok() ? 0 : 1;
            }};
}

}  // namespace icc::cli
