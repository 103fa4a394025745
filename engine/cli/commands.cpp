#include "cli/commands.h"

#include <iostream>

namespace icc::cli {

DataRoot GlobalOptions::locate() const {
    DataRoot data = DataRoot::locate(this->data);
    if (verbose) std::cerr << "iccreport: " << data.describe() << '\n';
    return data;
}

const std::vector<CommandEntry>& command_table() {
    static const std::vector<CommandEntry> table{
        {"report", add_report_command},   {"profile", add_profile_command}, {"build", add_build_command},
        {"score", add_score_command},     {"charts", add_charts_command},   {"explain", add_explain_command},
        {"check", add_check_command},     {"init", add_init_command},       {"fonts", add_fonts_command},
        {"specimen", add_specimen_command}, {"pdfcheck", add_pdfcheck_command},
        {"manual", add_manual_command},
    };
    return table;
}

CommandLine make_command_line(GlobalOptions& globals) {
    CommandLine line;
    line.app = std::make_unique<CLI::App>("iccreport: Intercultural Cities Index reports, typeset to PDF", "iccreport");
    CLI::App& app = *line.app;
    app.require_subcommand(1);
    app.set_version_flag("--version", std::string("iccreport ") + ICC_ENGINE_VERSION);
    app.add_option("--data", globals.data,
                   "The data folder (templates, locales, fonts, network); default: the nearest folder at or above "
                   "the working directory with an iccreport.toml, else the installed data")
        ->type_name("DIR");
    app.add_flag("-v,--verbose", globals.verbose, "Say which data folder is used");
    for (const CommandEntry& entry : command_table()) {
        Command command = entry.add(app, globals);
        // Global options may also follow the subcommand: iccreport check -v.
        command.subcommand->fallthrough();
        line.commands.push_back(std::move(command));
    }
    return line;
}

}  // namespace icc::cli
