// iccreport: the command line of the ICC report engine.
#include <iostream>

#include "cli/commands.h"
#include "support/diagnostic.h"

int main(int argc, char** argv) {
    icc::cli::GlobalOptions globals;
    icc::cli::CommandLine line = icc::cli::make_command_line(globals);
    CLI::App& app = *line.app;
    CLI11_PARSE(app, argc, argv);
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
