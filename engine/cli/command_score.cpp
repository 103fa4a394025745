// iccreport score <edition.toml | network dir> [--network DIR] [--as-of DATE] [--format table|csv|json]
//
// With a network folder: every city of the sample, ranked. With one edition:
// that city against the sample (the bundled network unless --network says
// otherwise), its peer groups and its progress. CSV and JSON always carry the
// whole sample (see docs/scoring.md), so the public charts can be fed from either.
#include <filesystem>
#include <iostream>
#include <memory>

#include "cli/commands.h"
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
};

int run_score(const ScoreOptions& options) {
    if (options.format != "table" && options.format != "csv" && options.format != "json")
        throw DiagnosticError(Diagnostic{Severity::error, {"--format"},
                                         "expected table, csv or json, found \"" + options.format + "\""});
    const DataRoot data = DataRoot::locate();
    const Questionnaire questionnaire = Questionnaire::bundled(data);
    SampleOptions sample_options;
    if (!options.as_of.empty()) sample_options.as_of = parse_date_option(options.as_of, "--as-of");

    Network network;
    std::optional<std::string> focus;
    if (fs::is_directory(options.input)) {
        if (!options.network.empty())
            throw DiagnosticError(Diagnostic{Severity::error, {options.input.string()},
                                             "this folder is the network; --network is for scoring one edition file"});
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
        const Catalog catalog = Catalog::load(data, "");  // the source language
        if (focus)
            print_city_table(std::cout, sample, *sample.find(*focus), questionnaire, catalog);
        else
            print_network_table(std::cout, sample, questionnaire, catalog);
    }
    return 0;
}

}  // namespace

Command add_score_command(CLI::App& app) {
    auto options = std::make_shared<ScoreOptions>();
    CLI::App* command = app.add_subcommand(
        "score", "Score a city edition against the network, or every city of a network folder");
    command->add_option("input", options->input, "An edition file (TOML) or a network folder")->required();
    command->add_option("--network", options->network,
                        "The network to compare one edition with (default: the bundled sample network)");
    command->add_option("--as-of", options->as_of,
                        "Use each city's latest edition dated on or before this date (YYYY-MM-DD)");
    command->add_option("--format", options->format, "table, csv or json")->capture_default_str();
    return {command, [options] { return run_score(*options); }};
}

}  // namespace icc::cli
