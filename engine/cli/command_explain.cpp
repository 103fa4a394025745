// iccreport explain <edition.toml> [--network DIR] [--as-of DATE] [--lang L] [--practices FILE]
//
// Prints, for one city edition, the inspiring practices and recommendations
// its report would show in each area, and why each was chosen: the rules are
// in docs/selection.md, the output is what select_for_city decided.
#include <filesystem>
#include <iostream>
#include <memory>

#include "cli/commands.h"
#include "driver/pipeline.h"
#include "load/edition.h"
#include "load/network.h"
#include "load/questionnaire.h"
#include "score/sample.h"
#include "select/selection.h"
#include "support/data_root.h"
#include "support/locale.h"

namespace icc::cli {

namespace fs = std::filesystem;

namespace {

struct ExplainOptions {
    fs::path edition;
    fs::path network;
    std::string as_of;
    std::string lang;  // empty: the source language of the registry
    fs::path practices;
};

int run_explain(const ExplainOptions& options) {
    const DataRoot data = DataRoot::locate();
    const Questionnaire questionnaire = Questionnaire::bundled(data);
    SampleOptions sample_options;
    if (!options.as_of.empty()) sample_options.as_of = parse_date_option(options.as_of, "--as-of");
    const LoadedNetwork loaded = load_network_for(data, questionnaire, options.network, options.edition,
                                                  sample_options.as_of);
    const Network& network = loaded.network;
    const std::string city = loaded.subject->city;
    sample_options.focus = std::make_pair(city, loaded.subject->date);
    const Sample sample = build_sample(network, questionnaire, sample_options);

    // Rules and overrides must hold in the official languages and in the one asked for.
    const LanguageRegistry languages = LanguageRegistry::load(data);
    const std::string asked = languages.resolve(options.lang).tag;
    std::vector<Catalog> catalogs;
    for (const std::string& lang : languages.official_tags())
        if (lang != asked) catalogs.push_back(Catalog::load(data, lang));
    catalogs.push_back(Catalog::load(data, asked));
    std::vector<const Catalog*> checked;
    for (const Catalog& catalog : catalogs) checked.push_back(&catalog);

    const SelectionInputs inputs =
        load_selection_inputs(data, questionnaire, network, options.edition, checked, options.practices);
    const Selection selection = select_for_city(city, sample, questionnaire, inputs.practices, inputs.rules,
                                                inputs.overrides, inputs.settings);
    std::cout << explain_selection(selection, sample, questionnaire, inputs.practices, inputs.settings,
                                   catalogs.back());
    return 0;
}

}  // namespace

Command add_explain_command(CLI::App& app) {
    auto options = std::make_shared<ExplainOptions>();
    CLI::App* command = app.add_subcommand(
        "explain", "Explain which inspiring practices and recommendations a city's report shows, and why");
    command->add_option("edition", options->edition, "The city's edition file (TOML)")->required();
    command->add_option("--network", options->network,
                        "The network to compare the edition with (default: the bundled sample network)");
    command->add_option("--as-of", options->as_of,
                        "Use each city's latest edition dated on or before this date (YYYY-MM-DD)");
    command->add_option("--lang", options->lang, "Language of the practice titles and recommendation texts quoted (default: the source language)");
    command->add_option("--practices", options->practices,
                        "The good-practice library (default: samples/practices.toml of the data root)");
    return {command, [options] { return run_explain(*options); }};
}

}  // namespace icc::cli
