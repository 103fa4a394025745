// iccreport questionnaire --lang L [--format xlsx|pdf] [--city CITY|EDITION.toml] [--out FILE]
//
// The blank questionnaire a city fills in, in one language; with --city,
// pre-filled from the city's latest edition in the network (or from an
// edition file), so a city repeating the Index starts from its answers.
// XLSX to fill in and send back; PDF, the same form typeset, to read or print.
#include <filesystem>
#include <iostream>
#include <memory>

#include "cli/commands.h"
#include "compose/printed_questionnaire.h"
#include "driver/pipeline.h"
#include "intake/form.h"
#include "intake/xlsx_writer.h"
#include "load/edition.h"
#include "load/network.h"
#include "load/questionnaire.h"
#include "support/locale.h"

namespace icc::cli {

namespace fs = std::filesystem;

namespace {

struct QuestionnaireOptions {
    std::string lang;  // empty: the source language (support/language.h)
    std::string format = "xlsx";
    std::string city;
    fs::path network;
    fs::path output;
};

// The edition a form is pre-filled from: an edition file, or a city's latest edition in the network.
Edition previous_edition(const QuestionnaireOptions& options, const DataRoot& data, const Questionnaire& questionnaire) {
    if (options.city.ends_with(".toml") || fs::is_regular_file(options.city))
        return load_edition(options.city, questionnaire);
    const Network network = load_network(options.network.empty() ? data.network() : options.network, questionnaire);
    const auto editions = network.editions_of(options.city);
    if (editions.empty()) {
        std::vector<Diagnostic> none{Diagnostic{Severity::error, {"--city"},
                                                "no city \"" + options.city + "\" in the network " +
                                                    network.folder.string() + "; expected a city id or an edition file"}};
        throw DiagnosticError(std::move(none));
    }
    return *editions.back();
}

int run_questionnaire(const QuestionnaireOptions& options, const DataRoot& data) {
    if (options.format != "xlsx" && options.format != "pdf")
        throw DiagnosticError(
            Diagnostic{Severity::error, {"--format"}, "expected xlsx or pdf, found \"" + options.format + "\""});
    const Questionnaire questionnaire = Questionnaire::bundled(data);
    const Catalog catalog = Catalog::load(data, options.lang);
    std::optional<Edition> previous;
    if (!options.city.empty()) previous = previous_edition(options, data, questionnaire);
    const intake::QuestionnaireForm form = intake::compose_form(questionnaire, catalog, previous ? &*previous : nullptr);
    fs::path output = options.output;
    if (output.empty())
        output = (previous ? previous->city.id + "-" : std::string()) + "questionnaire." +
                 (options.lang.empty() ? catalog.lang() : options.lang) + "." +
                 options.format;
    if (options.format == "pdf") {
        const Document document = compose_printed_questionnaire(form, catalog, previous ? &*previous : nullptr);
        const int pages = render_document(document, FontSet::load(data), output);
        std::cerr << "wrote " << output.string() << " (" << pages << " pages)\n";
    } else {
        intake::write_form_xlsx(form, output);
    }
    std::cout << output.string() << '\n';
    return 0;
}

}  // namespace

Command add_questionnaire_command(CLI::App& app, const GlobalOptions& globals) {
    auto options = std::make_shared<QuestionnaireOptions>();
    CLI::App* command = app.add_subcommand(
        "questionnaire", "Write the Index questionnaire for a city to fill in (XLSX) or to read or print (PDF), blank or "
                         "pre-filled");
    command->add_option("--lang", options->lang,
                        "Language of the questionnaire (a file in locales/; default: the source language, in which "
                        "every message is written first)");
    command->add_option("--format", options->format,
                        "xlsx (to fill in and send back) or pdf (the same questionnaire, to read or print)")
        ->capture_default_str();
    command->add_option("--city", options->city,
                        "Pre-fill with this city's latest edition (a city id of the network, or an edition file)");
    command->add_option("--network", options->network, "Folder of the network's editions (default: samples/network)");
    command->add_option("--out", options->output,
                        "Output file (default: questionnaire.<lang>.<format>, or <city>-questionnaire.<lang>.<format>)");
    return {command, [options, &globals] { return run_questionnaire(*options, globals.locate()); }};
}

}  // namespace icc::cli
