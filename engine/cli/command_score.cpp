// iccreport score [edition.toml] [--network DIR] [--as-of DATE] [--format table|csv|json]
//
// Without an edition: every city of the network, ranked. With one edition:
// that city against the sample (the bundled network unless --network says
// otherwise), its peer groups and its progress. CSV and JSON always carry the
// whole sample (see docs/scoring.md), so the public charts can be fed from either.
#include <filesystem>
#include <iostream>
#include <memory>

#include "cli/commands.h"
#include "cli/options.h"
#include "driver/pipeline.h"
#include "driver/score_table.h"
#include "load/edition.h"
#include "load/network.h"
#include "load/questionnaire.h"
#include "score/export.h"
#include "score/sample.h"
#include "support/data_root.h"
#include "support/locale.h"

namespace icc::cli {

namespace fs = std::filesystem;

namespace {

struct ScoreOptions {
    fs::path input;
    fs::path network;
    std::string as_of;
    std::string format = "table";
    std::string langs;
};

int run_score(const ScoreOptions& options, const DataRoot& data) {
    const std::string lang = one_language_of(options.langs, data, "score");
    if (options.format != "table" && options.format != "csv" && options.format != "json")
        throw DiagnosticError(Diagnostic{Severity::error, {"--format"},
                                         "expected table, csv or json, found \"" + options.format + "\""});
    const Questionnaire questionnaire = Questionnaire::bundled(data);
    SampleOptions sample_options;
    if (!options.as_of.empty()) sample_options.as_of = parse_date_option(options.as_of, "--as-of");

    Network network;
    std::optional<std::string> focus;
    if (options.input.empty()) {
        network = load_network(options.network.empty() ? data.network() : options.network, questionnaire);
    } else if (fs::is_directory(options.input)) {  // `score DIR`, as before --network was everywhere
        if (!options.network.empty())
            throw DiagnosticError(Diagnostic{Severity::error, {options.input.string()},
                                             "the network is given twice; expected --network DIR only"});
        network = load_network(options.input, questionnaire);
    } else {
        LoadedNetwork loaded = load_network_for(data, questionnaire, options.network, options.input, sample_options.as_of);
        sample_options.focus = std::make_pair(loaded.subject->city, loaded.subject->date);
        focus = loaded.subject->city;
        network = std::move(loaded.network);
    }
    const Sample sample = build_sample(network, questionnaire, sample_options);

    if (options.format == "csv") {
        std::cout << sample_csv(sample, questionnaire);
    } else if (options.format == "json") {
        std::cout << sample_json(sample, questionnaire);
    } else {
        const Catalog catalog = Catalog::load(data, lang);
        if (focus)
            print_city_table(std::cout, sample, *sample.find(*focus), questionnaire, catalog);
        else
            print_network_table(std::cout, sample, questionnaire, catalog);
    }
    return 0;
}

}  // namespace

Command add_score_command(CLI::App& app, const GlobalOptions& globals) {
    auto options = std::make_shared<ScoreOptions>();
    CLI::App* command = app.add_subcommand(
        "score", "Score a city edition against the network, or every city of a network folder");
    command->add_option("edition", options->input,
                        "An edition file (TOML): that city against the network; none: every city of the network")
        ->type_name("FILE");
    add_network_option(*command, options->network);
    add_as_of_option(*command, options->as_of);
    command->add_option("--format", options->format, "table, csv or json")->capture_default_str();
    add_lang_option(*command, options->langs,
                    "Language of the names in the table (one; default: the project's first language, else en)");
    return {command, [options, &globals] { return run_score(*options, globals.locate()); }};
}

}  // namespace icc::cli
