// iccreport explain <edition.toml> [--network DIR] [--as-of DATE] [--lang L] [--practices FILE]
//
// Prints, for one city edition, the inspiring practices and recommendations
// its report would show in each area, and why each was chosen: the rules are
// in docs/selection.md, the output is what select_for_city decided.
#include <filesystem>
#include <iostream>
#include <memory>

#include "cli/commands.h"
#include "cli/options.h"
#include "driver/network_cache.h"
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
    std::string langs;
    fs::path practices;
};

int run_explain(const ExplainOptions& options, const DataRoot& data) {
    const std::string lang = one_language_of(options.langs, data, "explain");
    const Questionnaire questionnaire = Questionnaire::bundled(data);
    SampleOptions sample_options;
    if (!options.as_of.empty()) sample_options.as_of = parse_date_option(options.as_of, "--as-of");
    const LoadedNetwork loaded = load_network_for(data, questionnaire, options.network, options.edition,
                                                  sample_options.as_of, user_cache_folder());
    const ScoredNetwork& network = loaded.network;
    const std::string city = loaded.subject->city;
    sample_options.focus = std::make_pair(city, loaded.subject->date);
    // An issued report's sample is the network as it stood when it was issued.
    sample_options.as_of = report_as_of(*network.find(city, loaded.subject->date), sample_options.as_of);
    const Sample sample = build_sample(network, questionnaire, sample_options);

    // Rules and overrides must hold in the official languages and in the one asked for.
    const LanguageRegistry languages = LanguageRegistry::load(data);
    std::vector<Catalog> catalogs;
    for (const std::string& official : languages.official_tags())
        if (lang != official) catalogs.push_back(Catalog::load(data, official));
    catalogs.push_back(Catalog::load(data, lang));
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

Command add_explain_command(CLI::App& app, const GlobalOptions& globals) {
    auto options = std::make_shared<ExplainOptions>();
    CLI::App* command = app.add_subcommand(
        "explain", "Explain which inspiring practices and recommendations a city's report shows, and why");
    command->add_option("edition", options->edition, "The city's edition file (TOML)")->required()->type_name("FILE");
    add_network_option(*command, options->network);
    add_as_of_option(*command, options->as_of);
    add_lang_option(*command, options->langs,
                    "Language of the practice titles and recommendation texts quoted (one; default: the project's "
                    "first language, else en)");
    command->add_option("--practices", options->practices,
                        "The good-practice library (default: the data folder's, see iccreport(1))")
        ->type_name("FILE");
    return {command, [options, &globals] { return run_explain(*options, globals.locate()); }};
}

}  // namespace icc::cli
