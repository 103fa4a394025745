// iccreport score <edition.toml | network dir> [--network DIR] [--as-of DATE] [--format table|csv|json]
//
// With a network folder: every city of the sample, ranked. With one edition:
// that city against the sample (the bundled network unless --network says
// otherwise), its peer groups and its progress. CSV and JSON always carry the
// whole sample (see docs/scoring.md), so the public charts can be fed from either.
#include <filesystem>
#include <iostream>
#include <memory>
#include <regex>

#include "cli/commands.h"
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

// Display width of UTF-8 text: one column per code point (the table holds Latin text).
std::size_t width_of(const std::string& text) {
    std::size_t width = 0;
    for (char c : text) width += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return width;
}

std::string pad_right(const std::string& text, std::size_t width) {
    const std::size_t used = width_of(text);
    return used >= width ? text : text + std::string(width - used, ' ');
}

std::string pad_left(const std::string& text, std::size_t width) {
    const std::size_t used = width_of(text);
    return used >= width ? text : std::string(width - used, ' ') + text;
}

std::string figure(const std::optional<double>& value) { return value ? figure_text(*value) : "-"; }

std::string signed_figure(const std::optional<double>& value) {
    if (!value) return "-";
    const std::string text = figure_text(*value);
    return *value > 0 && text != "0.0" ? "+" + text : text;
}

Date parse_as_of(const std::string& text) {
    static const std::regex iso(R"((\d{4})-(\d{2})-(\d{2}))");
    std::smatch match;
    if (std::regex_match(text, match, iso)) {
        const Date date{std::stoi(match[1]), static_cast<unsigned>(std::stoi(match[2])),
                        static_cast<unsigned>(std::stoi(match[3]))};
        const unsigned days_in_month[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
        const bool leap = (date.year % 4 == 0 && date.year % 100 != 0) || date.year % 400 == 0;
        if (date.month >= 1 && date.month <= 12 && date.day >= 1 &&
            date.day <= (date.month == 2 && !leap ? 28 : days_in_month[date.month - 1]))
            return date;
    }
    throw DiagnosticError(Diagnostic{Severity::error, {"--as-of"},
                                     "expected a calendar date YYYY-MM-DD (e.g. 2025-12-31), found \"" + text + "\""});
}

std::string sample_heading(const Sample& sample) {
    return "Sample: " + std::to_string(sample.size()) + " cities, each with its latest edition" +
           (sample.as_of ? " dated on or before " + sample.as_of->iso() : std::string(" (no cut-off date)"));
}

std::string group_label(const PeerGroup& group, const Catalog& catalog) {
    if (group.kind == PeerGroupKind::country)
        return catalog.format(group.label_key, {{"country", catalog.country(group.country)}});
    return catalog.format(group.label_key, group.label_args());
}

void print_network_table(std::ostream& out, const Sample& sample, const Questionnaire& questionnaire,
                         const Catalog& catalog) {
    const auto indicators = questionnaire.indicators();
    std::size_t name_width = 4;
    for (const SampleCity& city : sample.cities) name_width = std::max(name_width, width_of(city.scores.city.name));
    std::vector<std::size_t> widths;
    for (const Area* area : indicators) widths.push_back(std::max<std::size_t>(5, width_of(catalog.text(area->abbr_key()))));

    out << sample_heading(sample) << "\n\n";
    std::string header = pad_left("Rank", 4) + "  " + pad_right("City", name_width) + "  Ctry  Edition     " +
                         pad_left("Agg.", 5) + " " + pad_left("Core", 5) + " " + pad_left("Ext.", 5);
    for (std::size_t i = 0; i < indicators.size(); ++i)
        header += " " + pad_left(catalog.text(indicators[i]->abbr_key()), widths[i]);
    out << header << "\n" << std::string(width_of(header), '-') << "\n";
    for (const SampleCity& city : sample.cities) {
        const CityScores& s = city.scores;
        std::string row = pad_left(city.rank ? std::to_string(*city.rank) : "-", 4) + "  " +
                          pad_right(s.city.name, name_width) + "  " + pad_right(s.city.country, 4) + "  " + s.date.iso() +
                          "  " + pad_left(figure(s.aggregate), 5) + " " + pad_left(figure(s.core), 5) + " " +
                          pad_left(figure(s.extended), 5);
        for (std::size_t i = 0; i < indicators.size(); ++i)
            row += " " + pad_left(figure(s.rate(indicators[i]->id)), widths[i]);
        out << row << "\n";
    }
    out << std::string(width_of(header), '-') << "\n";
    std::string average = pad_left("", 4) + "  " + pad_right("Sample average", name_width) + "                    " +
                          pad_left(figure(sample.averages.aggregate.value), 5) + " " +
                          pad_left(figure(sample.averages.core.value), 5) + " " +
                          pad_left(figure(sample.averages.extended.value), 5);
    for (std::size_t i = 0; i < indicators.size(); ++i)
        average += " " + pad_left(figure(sample.averages.area(indicators[i]->id).value), widths[i]);
    out << average << "\n\n";

    out << "Areas:";
    for (const Area* area : indicators)
        out << (area == indicators.front() ? " " : "; ") << catalog.text(area->abbr_key()) << " "
            << catalog.text(area->name_key());
    out << ".\n\n";
    std::size_t label_width = 11;
    for (const PeerGroup& group : sample.peer_groups) label_width = std::max(label_width, width_of(group_label(group, catalog)));
    out << pad_right("Peer groups", label_width) << "  Cities   Agg.   Core   Ext.\n";
    for (const PeerGroup& group : sample.peer_groups)
        out << pad_right(group_label(group, catalog), label_width) << pad_left(std::to_string(group.size()), 8)
            << pad_left(figure(group.averages.aggregate.value), 7) << pad_left(figure(group.averages.core.value), 7)
            << pad_left(figure(group.averages.extended.value), 7) << "\n";
}

void print_city_table(std::ostream& out, const Sample& sample, const SampleCity& city,
                      const Questionnaire& questionnaire, const Catalog& catalog) {
    const CityScores& s = city.scores;
    const auto groups = sample.peer_groups_of(s.city.id);
    out << s.city.name << ", " << catalog.country(s.city.country) << ": edition of " << s.date.iso()
        << ", questionnaire " << s.questionnaire << "\n";
    out << sample_heading(sample) << "\n";
    out << "Aggregate index " << figure(s.aggregate);
    if (city.rank) out << ", rank " << *city.rank << " of " << sample.size();
    out << "; core index " << figure(s.core) << "; extended index " << figure(s.extended) << "\n";
    out << "Peer groups:";
    for (std::size_t i = 0; i < groups.size(); ++i)
        out << (i ? "; " : " ") << group_label(*groups[i], catalog) << " (" << groups[i]->size() << " cities)";
    out << "\n";
    if (city.progress)
        out << "Change: since the edition of " << city.progress->previous_date.iso() << " (questionnaire "
            << city.progress->previous_questionnaire << ")\n";
    else
        out << "Change: no earlier edition\n";

    const std::size_t label_width = 44;
    out << "\n" << pad_right("Area", label_width) << "   City  Sample  Pop. group  Div. group  Country  Change\n";
    const auto row = [&](const std::string& label, const std::optional<double>& value,
                         const std::function<const Average&(const Averages&)>& average,
                         const std::optional<double>& change) {
        out << pad_right(label, label_width) << pad_left(figure(value), 7)
            << pad_left(figure(average(sample.averages).value), 8);
        for (std::size_t i = 0; i < groups.size(); ++i)
            out << pad_left(figure(average(groups[i]->averages).value), i == 2 ? 9 : 12);
        out << pad_left(signed_figure(change), 8) << "\n";
    };
    for (const Area* indicator : questionnaire.indicators()) {
        const auto area_average = [](const std::string& id) {
            return [id](const Averages& a) -> const Average& { return a.area(id); };
        };
        row(catalog.text(indicator->name_key()), s.rate(indicator->id), area_average(indicator->id),
            city.progress ? city.progress->area(indicator->id) : std::nullopt);
        for (const Area* field : questionnaire.fields_of(indicator->id))
            row("  " + catalog.text(field->name_key()), s.rate(field->id), area_average(field->id),
                city.progress ? city.progress->area(field->id) : std::nullopt);
    }
    row(catalog.text("index.indices.aggregate"), s.aggregate, [](const Averages& a) -> const Average& { return a.aggregate; },
        city.progress ? city.progress->aggregate : std::nullopt);
    row(catalog.text("index.indices.core"), s.core, [](const Averages& a) -> const Average& { return a.core; },
        city.progress ? city.progress->core : std::nullopt);
    row(catalog.text("index.indices.extended"), s.extended, [](const Averages& a) -> const Average& { return a.extended; },
        city.progress ? city.progress->extended : std::nullopt);
}

int run_score(const ScoreOptions& options) {
    if (options.format != "table" && options.format != "csv" && options.format != "json")
        throw DiagnosticError(Diagnostic{Severity::error, {"--format"},
                                         "expected table, csv or json, found \"" + options.format + "\""});
    const DataRoot data = DataRoot::locate();
    const Questionnaire questionnaire = Questionnaire::bundled(data);
    SampleOptions sample_options;
    if (!options.as_of.empty()) sample_options.as_of = parse_as_of(options.as_of);

    Network network;
    std::optional<std::string> focus;
    if (fs::is_directory(options.input)) {
        if (!options.network.empty())
            throw DiagnosticError(Diagnostic{Severity::error, {options.input.string()},
                                             "this folder is the network; --network is for scoring one edition file"});
        network = load_network(options.input, questionnaire);
    } else {
        Edition edition = load_edition(options.input, questionnaire);
        const fs::path folder = options.network.empty() ? data.samples() / "network" : options.network;
        network = load_network(folder, questionnaire);
        if (sample_options.as_of && edition.date > *sample_options.as_of)
            throw DiagnosticError(Diagnostic{Severity::error, edition.date_where,
                                             "edition.date: the edition is dated " + edition.date.iso() +
                                                 ", after the --as-of date " + sample_options.as_of->iso() +
                                                 "; expected an as-of date on or after the edition"});
        sample_options.focus = std::make_pair(edition.city.id, edition.date);
        focus = edition.city.id;
        network.put(std::move(edition));
    }
    const Sample sample = build_sample(network, questionnaire, sample_options);

    if (options.format == "csv") {
        std::cout << sample_csv(sample, questionnaire);
    } else if (options.format == "json") {
        std::cout << sample_json(sample, questionnaire);
    } else {
        const Catalog catalog = Catalog::load(data, "en");
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
