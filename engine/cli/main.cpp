// iccreport: the command line of the ICC report engine.
#include <iostream>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "support/diagnostic.h"

int main(int argc, char** argv) {
    icc::cli::GlobalOptions globals;
    icc::cli::CommandLine line = icc::cli::make_command_line(globals);
    CLI::App& app = *line.app;
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& error) {
        // A mistyped command or option is named with its likely correction;
        // anything else (and --help, --version) is CLI11's own message.
        if (error.get_exit_code() != 0) {
            const std::string mistyped = icc::cli::mistyped_argument(app, std::vector<std::string>(argv + 1, argv + argc));
            if (!mistyped.empty()) {
                std::cerr << mistyped << '\n';
                return error.get_exit_code();
            }
        }
        return app.exit(error);
    }
    try {
        for (const auto& command : line.commands)
            if (command.subcommand->parsed()) return command.run();
    } catch (const icc::DiagnosticError& error) {
        std::cerr << icc::format_diagnostics(error.diagnostics());
        return 1;
    } catch (const icc::InternalError& error) {
        // An engine bug, never the user's input: say so, with the exit code of sysexits.h.
        std::cerr << "iccreport: internal error: " << error.what()
                  << "\nThis is a bug of iccreport, not of your data; please report it with the command you ran.\n";
        return 70;  // EX_SOFTWARE
    } catch (const std::exception& error) {
        std::cerr << "iccreport: error: " << error.what() << '\n';
        return 1;
    }
    return 0;
}
