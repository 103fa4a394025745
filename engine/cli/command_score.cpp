// iccreport score [edition.toml] [--network DIR] [--as-of DATE] [--format table|csv|json]
//
// Without an edition: every city of the network, ranked. With one edition:
// that city against the sample (the bundled network unless --network says
// otherwise), its peer groups and its progress. CSV and JSON of one edition
// are the one-city form (docs/scoring.md); of the network, every city.

#include <filesystem>
#include <iostream>
#include <memory>

#include "cli/commands.h"
#include "cli/options.h"
#include "driver/network_cache.h"
#include "driver/pipeline.h"
#include "driver/score_table.h"
#include "load/completeness.h"
#include "load/edition.h"
#include "load/network.h"
#include "load/questionnaire.h"
#include "score/export.h"
#include "score/sample.h"
#include "support/data_root.h"
#include "support/locale.h"
#include "support/bidi.h"

namespace icc::cli {

namespace fs = std::filesystem;

namespace {

struct ScoreOptions {
    fs::path input;
    fs::path network;
    std::string as_of;
    std::string format = "table";
    std::string langs;
    bool spreadsheet = false;
};

std::string group_name(const PeerGroup& group, const Catalog& catalog) {
    if (group.kind == PeerGroupKind::country)
        return without_isolates(catalog.format(group.label_key, {{"country", catalog.country(group.country)}}));
    return without_isolates(catalog.format(group.label_key, group.label_args()));  // a table, not a page
}

// Names in the catalog's language beside the ids, and its decimal mark.
ExportOptions export_options(const Sample& sample, const Questionnaire& questionnaire, const Catalog& catalog,
                             const std::optional<std::string>& focus, bool spreadsheet) {
    ExportOptions options;
    options.lang = catalog.lang();
    for (const Area& area : questionnaire.areas()) options.area_names[area.id] = catalog.text(area.name_key());
    for (const char* index : {"aggregate", "core", "extended"})
        options.area_names[index] = catalog.text(std::string("index.indices.") + index);
    for (const PeerGroup& group : sample.peer_groups) options.group_names[group.id] = group_name(group, catalog);
    options.city = focus;
    options.spreadsheet = spreadsheet;
    // The locale's own mark, as ICU writes 1.5: "1.5", "1,5", "1٫5".
    const std::string one_and_a_half = catalog.number(1.5, 1);
    const auto first = one_and_a_half.find('1');
    const auto last = one_and_a_half.rfind('5');
    if (first != std::string::npos && last != std::string::npos && last > first + 1)
        options.decimal_mark = one_and_a_half.substr(first + 1, last - first - 1);
    return options;
}

int run_score(const ScoreOptions& options, const DataRoot& data) {
    const std::string lang = one_language_of(options.langs, data, "score");
    if (options.format != "table" && options.format != "csv" && options.format != "json")
        throw DiagnosticError(Diagnostic{Severity::error, {"--format"},
                                         "expected table, csv or json, found \"" + options.format + "\""});
    const Questionnaire questionnaire = Questionnaire::bundled(data);
    SampleOptions sample_options;
    if (!options.as_of.empty()) sample_options.as_of = parse_date_option(options.as_of, "--as-of");

    ScoredNetwork network;
    std::optional<std::string> focus;
    // Unanswered questions earn nothing: one line per city, each question with
    // its place, said before the figures they lower. Noted while the network
    // is read, so that no more than one edition's answers are held at a time.
    std::map<std::pair<std::string, Date>, Diagnostic> unanswered;
    const auto note_unanswered = [&](const Edition& edition) {
        if (auto summary = unanswered_summary(edition, questionnaire))
            unanswered.emplace(std::make_pair(edition.city.id, edition.date), std::move(*summary));
    };
    if (options.input.empty()) {
        network = read_scored_network(options.network.empty() ? data.network() : options.network, questionnaire,
                                      note_unanswered);
    } else if (fs::is_directory(options.input)) {  // `score DIR`, as before --network was everywhere
        if (!options.network.empty())
            throw DiagnosticError(Diagnostic{Severity::error, {options.input.string()},
                                             "the network is given twice; expected --network DIR only"});
        network = read_scored_network(options.input, questionnaire, note_unanswered);
    } else {
        LoadedNetwork loaded = load_network_for(data, questionnaire, options.network, options.input,
                                                sample_options.as_of, user_cache_folder());
        sample_options.focus = std::make_pair(loaded.subject->city, loaded.subject->date);
        // The figures of the edition's report: an issued one's against the sample as it stood then.
        sample_options.as_of =
            report_as_of(*loaded.network.find(loaded.subject->city, loaded.subject->date), sample_options.as_of);
        focus = loaded.subject->city;
        network = std::move(loaded.network);
    }
    const Sample sample = build_sample(network, questionnaire, sample_options);
    if (focus) {
        const Edition edition = load_edition(network.find(*focus, sample.find(*focus)->scores.date)->source_file,
                                             questionnaire);
        std::cerr << format_diagnostics(unanswered_diagnostics(edition, questionnaire), {.excerpts = false});
    } else {
        std::vector<Diagnostic> summaries;
        for (const SampleCity& city : sample.cities)
            if (auto it = unanswered.find(std::make_pair(city.scores.city.id, city.scores.date)); it != unanswered.end())
                summaries.push_back(std::move(it->second));
        std::cerr << format_diagnostics(summaries, {.excerpts = false});
    }

    if (options.spreadsheet && options.format != "csv")
        throw DiagnosticError(Diagnostic{Severity::error, {"--spreadsheet"}, "is for --format csv; found --format " +
                                                                                 options.format});
    const Catalog catalog = Catalog::load(data, lang);
    if (options.format == "csv") {
        std::cout << sample_csv(sample, questionnaire,
                                export_options(sample, questionnaire, catalog, focus, options.spreadsheet));
    } else if (options.format == "json") {
        std::cout << sample_json(sample, questionnaire, export_options(sample, questionnaire, catalog, focus, false));
    } else {
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
                    "Language of the area and peer group names, in the table and beside the ids in CSV and JSON "
                    "(one; default: the project's first language, else en)");
    command->add_flag("--spreadsheet", options->spreadsheet,
                      "CSV for a spreadsheet: UTF-8 with a byte order mark, the language's decimal mark (and ';' "
                      "between fields when that mark is ',')");
    return {command, [options, &globals] { return run_score(*options, globals.locate()); }};
}

}  // namespace icc::cli
