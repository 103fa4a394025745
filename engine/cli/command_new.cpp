// iccreport new CITY --date YYYY-MM-DD [--lang L] [--name NAME] [--country CC] [--out FILE]
//
// An edition file to fill in with a text editor: every question present and
// commented out, with its wording and what it accepts, in one language.
#include <filesystem>
#include <iostream>
#include <memory>

#include "cli/commands.h"
#include "driver/pipeline.h"
#include "intake/form.h"
#include "intake/skeleton.h"
#include "load/questionnaire.h"
#include "support/atomic_file.h"
#include "support/locale.h"

namespace icc::cli {

namespace fs = std::filesystem;

namespace {

struct NewOptions {
    std::string city;
    std::string date;
    std::string lang;  // empty: the source language (support/language.h)
    std::string name;
    std::string country;
    fs::path output;
};

int run_new(const NewOptions& options, const DataRoot& data) {
    const bool valid_id = !options.city.empty() && std::all_of(options.city.begin(), options.city.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    });
    if (!valid_id)
        throw DiagnosticError(Diagnostic{Severity::error, {"CITY"},
                                         "expected a city id of lower-case letters, digits and '-' (e.g. \"valmora\"), "
                                         "found \"" + options.city + "\""});
    const Date date = parse_date_option(options.date, "--date");
    const Questionnaire questionnaire = Questionnaire::bundled(data);
    const Catalog catalog = Catalog::load(data, options.lang);
    const intake::QuestionnaireForm form = intake::compose_form(questionnaire, catalog);
    const fs::path output = options.output.empty() ? fs::path(options.city + "-" + date.iso() + ".toml") : options.output;
    if (fs::exists(output))
        throw DiagnosticError(Diagnostic{Severity::error, {output.string()},
                                         "the file exists; expected a new file (a skeleton never replaces answers)"});
    write_file_atomically(output, intake::edition_skeleton(form, catalog, {options.city, options.name, options.country, date}));
    std::cout << output.string() << '\n';
    return 0;
}

}  // namespace

Command add_new_command(CLI::App& app, const GlobalOptions& globals) {
    auto options = std::make_shared<NewOptions>();
    CLI::App* command = app.add_subcommand(
        "new", "Write an edition file to fill in by hand: every question commented out, with its wording and options");
    command->add_option("city", options->city, "The city's id (lower-case letters, digits and '-')")->required();
    command->add_option("--date", options->date, "The edition's date (YYYY-MM-DD)")->required();
    command->add_option("--lang", options->lang,
                        "Language of the wording in the comments (a file in locales/; default: the source language, "
                        "in which every message is written first)");
    command->add_option("--name", options->name, "The city's name, as it writes it");
    command->add_option("--country", options->country, "The city's country (ISO 3166 code, e.g. PT)");
    command->add_option("--out", options->output, "Output file (default: <city>-<date>.toml)");
    return {command, [options, &globals] { return run_new(*options, globals.locate()); }};
}

}  // namespace icc::cli
