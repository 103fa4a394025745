// iccreport check: every data and locale file, in one run.
#include <unistd.h>

#include <iostream>
#include <memory>

#include "cli/commands.h"
#include "driver/check.h"

namespace icc::cli {

Command add_check_command(CLI::App& app, const GlobalOptions& globals) {
    CLI::App* command = app.add_subcommand(
        "check", "Check every data and locale file; list missing and unused locale keys (exit 1 if incomplete)");
    auto strict = std::make_shared<bool>(false);
    command->add_flag("--strict", *strict, "Also fail on every question an edition of the network leaves unanswered");
    return {command, [&globals, strict] {
                // Always said, first: a check of some other folder must not pass for this one's.
                const DataRoot data = DataRoot::locate(globals.data);
                std::cout << data.describe() << '\n';
                // Progress on stderr, so that stdout stays the check's result.
                const CheckResult result = check_everything(data, {&std::cerr, ::isatty(STDERR_FILENO) != 0}, *strict);
                print_check(std::cout, result);
                return result.ok() ? 0 : 1;
            }};
}

}  // namespace icc::cli
