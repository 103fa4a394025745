#include "compose/chart_inputs.h"

#include <algorithm>
#include <cstdio>

namespace icc {

namespace {

// Charts draw and label published figures (support/figure.h): the double
// handed over is the one nearest to the figure's tenths, so the label a chart
// formats with one decimal is the figure's own text.
double drawn(const Figure& figure) { return figure.value(); }
std::optional<double> drawn(const std::optional<Figure>& figure) {
    return figure ? std::optional<double>(figure->value()) : std::nullopt;
}

std::optional<double> published_rate(const CityScores& scores, const std::string& area) {
    return drawn(published(scores.rate(area)));
}

double average_of(const Averages& averages, const std::string& area) {
    return drawn(published(averages.area(area).value.value_or(Exact(0))));
}

std::vector<const Area*> chart_areas(const Questionnaire& questionnaire, const std::string& parent) {
    return parent.empty() ? questionnaire.indicators() : questionnaire.fields_of(parent);
}

}  // namespace

MessageArgs rank_args(const Sample& sample, const SampleCity& city, const std::string& city_name) {
    const IndexKind kind = city.scores.aggregate_kind();
    const int rank = city.aggregate_rank().value_or(0);
    const auto tied = std::count_if(sample.cities.begin(), sample.cities.end(),
                                    [&](const SampleCity& other) { return other.rank(kind) == rank; });
    return {{"city", city_name},
            {"rank", std::int64_t{rank}},
            {"count", std::int64_t{sample.ranked_on(kind)}},
            {"tied", std::string(tied > 1 ? "yes" : "no")}};
}

MessageArgs rank_basis_args(const Sample& sample, const SampleCity& city, const std::string& city_name) {
    return {{"city", city_name},
            {"index", std::string(to_string(city.scores.aggregate_kind()))},
            {"core_rank", std::int64_t{city.core_rank.value_or(0)}},
            {"core_count", std::int64_t{sample.ranked_on(IndexKind::core)}}};
}

std::string peer_group_label(const PeerGroup& group, const Catalog& catalog) {
    MessageArgs args = group.label_args();
    if (group.kind == PeerGroupKind::country) args.emplace_back("country", catalog.country(group.country));
    return catalog.format(group.label_key, args);
}

charts::AreasChartData areas_chart_input(const CityReportData& data, const Catalog& catalog, const std::string& parent) {
    charts::AreasChartData chart;
    chart.city_name = data.edition.city.name;
    chart.sample_size = data.sample.size();
    const PeerGroup* peer = data.sample.peer_group(data.city.population_group);
    if (peer && peer->size() > 1) chart.peer_label = peer_group_label(*peer, catalog);
    for (const Area* area : chart_areas(data.questionnaire, parent)) {
        charts::AreaValue value;
        value.id = area->id;
        value.label = catalog.text(area->short_key());
        value.city = published_rate(data.city.scores, area->id);
        value.sample = average_of(data.sample.averages, area->id);
        if (!chart.peer_label.empty()) value.peer = drawn(published(peer->averages.area(area->id).value));
        chart.areas.push_back(std::move(value));
    }
    return chart;
}

charts::ProgressChartData progress_chart_input(const CityReportData& data, const Catalog& catalog) {
    charts::ProgressChartData chart;
    chart.city_name = data.edition.city.name;
    const auto indicators = data.questionnaire.indicators();
    for (const Area* area : indicators) chart.areas.push_back({area->id, catalog.text(area->short_key())});
    auto add = [&](const CityScores& scores) {
        charts::EditionValues values;
        values.label = catalog.date(scores.date);
        values.aggregate = drawn(published(scores.aggregate.value_or(Exact(0))));
        for (const Area* area : indicators) values.areas.push_back(published_rate(scores, area->id));
        chart.editions.push_back(std::move(values));
    };
    for (const CityScores& scores : data.earlier) add(scores);
    add(data.city.scores);
    return chart;
}

charts::NetworkPositionData network_chart_input(const CityReportData& data) {
    charts::NetworkPositionData chart;
    chart.city_name = data.edition.city.name;
    // The cities that have the index this city's aggregate is, on that index.
    const IndexKind kind = data.city.scores.aggregate_kind();
    chart.index = std::string(to_string(kind));
    chart.city = drawn(published(data.city.scores.aggregate.value_or(Exact(0))));
    for (const auto& other : data.sample.cities)
        if (const auto& value = other.scores.index(kind); other.scores.city.id != data.city.scores.city.id && value)
            chart.other_cities.push_back(drawn(published(*value)));
    chart.median = drawn(data.sample.median(kind).value_or(Figure()));
    return chart;
}

charts::OneAreaData one_area_chart_input(const CityReportData& data, const Catalog& catalog, const std::string& area) {
    charts::OneAreaData chart;
    const Area& definition = data.questionnaire.area(area);
    chart.area_id = area;
    chart.area_label = catalog.text(definition.name_key());
    chart.city_name = data.edition.city.name;
    chart.city = published_rate(data.city.scores, area);
    chart.sample = average_of(data.sample.averages, area);
    chart.sample_size = data.sample.size();
    for (const PeerGroup* group : data.sample.peer_groups_of(data.city.scores.city.id)) {
        const auto& average = group->averages.area(area).value;
        if (!average || group->size() < 2) continue;
        chart.peer_groups.push_back({peer_group_label(*group, catalog), drawn(published(*average)), group->size()});
    }
    return chart;
}

}  // namespace icc
