#include "cli/commands.h"

#include <iostream>

#include "support/wording.h"

namespace icc::cli {

DataRoot GlobalOptions::locate() const {
    DataRoot data = DataRoot::locate(this->data);
    if (verbose) std::cerr << "iccreport: " << data.describe() << '\n';
    return data;
}

const std::vector<CommandEntry>& command_table() {
    static const std::vector<CommandEntry> table{
        {"report", add_report_command},   {"profile", add_profile_command}, {"build", add_build_command},
        {"watch", add_watch_command},
        {"score", add_score_command},     {"charts", add_charts_command},   {"explain", add_explain_command},
        {"check", add_check_command},     {"init", add_init_command},       {"fonts", add_fonts_command},
        {"specimen", add_specimen_command}, {"questionnaire", add_questionnaire_command},
        {"pdfcheck", add_pdfcheck_command},
        {"import", add_import_command},     {"new", add_new_command},
        {"translate", add_translate_command},
        {"manual", add_manual_command},
    };
    return table;
}

namespace {

std::vector<std::string> option_names(const CLI::App& app) {
    std::vector<std::string> names;
    for (const CLI::Option* option : app.get_options()) {
        if (option->get_positional() || option->get_group().empty()) continue;
        for (const std::string& name : option->get_lnames()) names.push_back("--" + name);
        for (const std::string& name : option->get_snames()) names.push_back("-" + name);
    }
    return names;
}

std::string help_line(const std::string& word, const std::vector<std::string>& candidates) {
    if (word.size() < 4) return {};  // "-x": any one-letter option is as close as another
    const std::string close = closest_match(word, candidates);
    return close.empty() ? std::string() : "\nhelp: did you mean '" + close + "'?";
}

}  // namespace

std::string mistyped_argument(CLI::App& app, const std::vector<std::string>& arguments) {
    CLI::App* command = nullptr;
    for (std::size_t i = 0; i < arguments.size(); ++i) {
        const std::string& argument = arguments[i];
        if (argument == "--") break;
        if (argument.size() > 1 && argument[0] == '-') {
            const bool long_name = argument.rfind("--", 0) == 0;
            const std::string name = long_name ? argument.substr(0, argument.find('=')) : argument.substr(0, 2);
            CLI::Option* option = command ? command->get_option_no_throw(name) : nullptr;
            if (!option) option = app.get_option_no_throw(name);
            if (!option) {
                std::vector<std::string> known = option_names(app);
                if (command) {
                    const std::vector<std::string> own = option_names(*command);
                    known.insert(known.end(), own.begin(), own.end());
                }
                return "iccreport: error: unknown option '" + name + "'" +
                       (command ? " for 'iccreport " + command->get_name() + "'" : std::string()) +
                       help_line(name, known) + "\nsee 'iccreport " + (command ? command->get_name() + " " : "") +
                       "--help'";
            }
            const bool joined = long_name ? argument.find('=') != std::string::npos : argument.size() > 2;
            if (option->get_expected_min() != 0 && !joined) ++i;  // its value
            continue;
        }
        if (command) continue;  // an argument of the command
        const auto named = app.get_subcommands([&](const CLI::App* sub) { return sub->get_name() == argument; });
        if (!named.empty()) {
            command = named.front();
            continue;
        }
        std::vector<std::string> names;
        for (const CLI::App* sub : app.get_subcommands([](const CLI::App* s) { return !s->get_group().empty(); }))
            names.push_back(sub->get_name());
        return "iccreport: error: unknown command '" + argument + "'" + help_line(argument, names) +
               "\ncommands: " + join_alternatives(names, ", ") + "; see 'iccreport --help'";
    }
    return {};
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
