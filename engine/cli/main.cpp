// iccreport: the command line of the ICC report engine.
#include <iostream>
#include <vector>

#include "cli/commands.h"
#include "support/diagnostic.h"

int main(int argc, char** argv) {
    CLI::App app{"iccreport: Intercultural Cities Index reports, typeset to PDF"};
    app.require_subcommand(1);

    const std::vector<icc::cli::Command> commands{
        icc::cli::add_report_command(app),
        icc::cli::add_fonts_command(app),
        icc::cli::add_specimen_command(app),
        icc::cli::add_score_command(app),
        icc::cli::add_charts_command(app),
        icc::cli::add_check_command(app),
        icc::cli::add_build_command(app),
        icc::cli::add_explain_command(app),
        icc::cli::add_profile_command(app),
    };

    CLI11_PARSE(app, argc, argv);
    try {
        for (const auto& command : commands)
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
