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
        for (const auto& diagnostic : error.diagnostics()) std::cerr << diagnostic.to_string() << '\n';
        return 1;
    } catch (const std::exception& error) {
        std::cerr << "iccreport: error: " << error.what() << '\n';
        return 1;
    }
    return 0;
}
