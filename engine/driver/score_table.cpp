#include "driver/score_table.h"
#include "support/bidi.h"

#include <algorithm>
#include <functional>

#include "score/export.h"

namespace icc {

namespace {

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

std::string figure(const std::optional<Exact>& value) { return figure_text(published(value), "-"); }

std::string signed_figure(const std::optional<Figure>& change) {
    if (!change) return "-";
    return (change->tenths() > 0 ? "+" : "") + change->text();
}

std::string sample_heading(const Sample& sample) {
    return "Sample: " + std::to_string(sample.size()) + " cities, each with its latest edition" +
           (sample.as_of ? " dated on or before " + sample.as_of->iso() : std::string(" (no cut-off date)"));
}

std::string group_label(const PeerGroup& group, const Catalog& catalog) {
    if (group.kind == PeerGroupKind::country)
        return without_isolates(catalog.format(group.label_key, {{"country", catalog.country(group.country)}}));
    return without_isolates(catalog.format(group.label_key, group.label_args()));  // a table, not a page
}

}  // namespace

void print_network_table(std::ostream& out, const Sample& sample, const Questionnaire& questionnaire,
                         const Catalog& catalog) {
    const auto indicators = questionnaire.indicators();
    std::size_t name_width = 4;
    for (const SampleCity& city : sample.cities) name_width = std::max(name_width, width_of(city.scores.city.name));
    std::vector<std::size_t> widths;
    for (const Area* area : indicators) widths.push_back(std::max<std::size_t>(5, width_of(catalog.text(area->abbr_key()))));

    out << sample_heading(sample) << "\n\n";
    // Ranks on the core index (every city) and on the extended index (the
    // cities that have it); the aggregate is whichever of the two a city has.
    std::string header = pad_left("Core#", 5) + " " + pad_left("Ext.#", 5) + "  " + pad_right("City", name_width) + "  Ctry  Edition     " +
                         pad_left("Agg.", 5) + " " + pad_left("Core", 5) + " " + pad_left("Ext.", 5);
    for (std::size_t i = 0; i < indicators.size(); ++i)
        header += " " + pad_left(catalog.text(indicators[i]->abbr_key()), widths[i]);
    out << header << "\n" << std::string(width_of(header), '-') << "\n";
    for (const SampleCity& city : sample.cities) {
        const CityScores& s = city.scores;
        std::string row = pad_left(city.core_rank ? std::to_string(*city.core_rank) : "-", 5) + " " +
                          pad_left(city.extended_rank ? std::to_string(*city.extended_rank) : "-", 5) + "  " +
                          pad_right(s.city.name, name_width) + "  " + pad_right(s.city.country, 4) + "  " + s.date.iso() +
                          "  " + pad_left(figure(s.aggregate), 5) + " " + pad_left(figure(s.core), 5) + " " +
                          pad_left(figure(s.extended), 5);
        for (std::size_t i = 0; i < indicators.size(); ++i)
            row += " " + pad_left(figure(s.rate(indicators[i]->id)), widths[i]);
        out << row << "\n";
    }
    out << std::string(width_of(header), '-') << "\n";
    // No average of the aggregate: it would mix core and extended indices.
    std::string average = pad_left("", 11) + "  " + pad_right("Sample average", name_width) + "                    " +
                          pad_left("", 5) + " " +
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
    out << pad_right("Peer groups", label_width) << "  Cities   Core   Ext.\n";
    for (const PeerGroup& group : sample.peer_groups)
        out << pad_right(group_label(group, catalog), label_width) << pad_left(std::to_string(group.size()), 8)
            << pad_left(figure(group.averages.core.value), 7)
            << pad_left(figure(group.averages.extended.value), 7) << "\n";
}

void print_city_table(std::ostream& out, const Sample& sample, const SampleCity& city,
                      const Questionnaire& questionnaire, const Catalog& catalog) {
    const CityScores& s = city.scores;
    const auto groups = sample.peer_groups_of(s.city.id);
    out << s.city.name << ", " << catalog.country(s.city.country) << ": edition of " << s.date.iso()
        << ", questionnaire " << s.questionnaire << "\n";
    out << sample_heading(sample) << "\n";
    out << "Aggregate index " << figure(s.aggregate) << " (its " << to_string(s.aggregate_kind()) << " index)";
    out << "; core index " << figure(s.core);
    if (city.core_rank) out << ", rank " << *city.core_rank << " of " << sample.ranked_on(IndexKind::core);
    out << "; extended index " << figure(s.extended);
    if (city.extended_rank) out << ", rank " << *city.extended_rank << " of " << sample.ranked_on(IndexKind::extended);
    out << "\n";
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
    const auto row = [&](const std::string& label, const std::optional<Exact>& value,
                         const std::function<const Average&(const Averages&)>& average,
                         const std::optional<Figure>& change) {
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
    // The aggregate against the averages of the index it is (extended or core).
    const IndexKind kind = s.aggregate_kind();
    row(catalog.text("index.indices.aggregate"), s.aggregate,
        [kind](const Averages& a) -> const Average& { return a.index(kind); },
        city.progress ? city.progress->aggregate : std::nullopt);
    row(catalog.text("index.indices.core"), s.core, [](const Averages& a) -> const Average& { return a.core; },
        city.progress ? city.progress->core : std::nullopt);
    row(catalog.text("index.indices.extended"), s.extended, [](const Averages& a) -> const Average& { return a.extended; },
        city.progress ? city.progress->extended : std::nullopt);
}

}  // namespace icc
