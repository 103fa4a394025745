// iccreport check: every data and locale file, in one run.
#include <iostream>

#include "cli/commands.h"
#include "driver/check.h"

namespace icc::cli {

Command add_check_command(CLI::App& app, const GlobalOptions& globals) {
    CLI::App* command = app.add_subcommand(
        "check", "Check every data and locale file; list missing and unused locale keys (exit 1 if incomplete)");
    return {command, [&globals] {
                // Always said, first: a check of some other folder must not pass for this one's.
                const DataRoot data = DataRoot::locate(globals.data);
                std::cout << data.describe() << '\n';
                const CheckResult result = check_everything(data);
                print_check(std::cout, result);
                return result.ok() ? 0 : 1;
            }};
}

}  // namespace icc::cli
