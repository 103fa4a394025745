#include "score/sample.h"

#include <algorithm>
#include <map>
#include <stdexcept>

namespace icc {

namespace {

struct Bounds {
    const char* id;
    std::optional<double> lower;
    std::optional<double> upper;
};

const std::vector<Bounds> population_bounds{
    {"under_100k", std::nullopt, 100000},
    {"100k_to_200k", 100000, 200000},
    {"200k_to_500k", 200000, 500000},
    {"over_500k", 500000, std::nullopt},
};

const std::vector<Bounds> diversity_bounds{
    {"under_10", std::nullopt, 10},
    {"10_to_15", 10, 15},
    {"15_to_20", 15, 20},
    {"over_20", 20, std::nullopt},
};

std::string group_of(PeerGroupKind kind, double value) {
    const auto& bounds = kind == PeerGroupKind::population ? population_bounds : diversity_bounds;
    for (const Bounds& b : bounds)
        if ((!b.lower || value >= *b.lower) && (!b.upper || value < *b.upper))
            return std::string(to_string(kind)) + "." + b.id;
    return std::string(to_string(kind)) + "." + bounds.back().id;
}

Average average_of(const std::vector<std::optional<Exact>>& values) {
    Average average;
    Exact sum = 0;
    for (const auto& value : values) {
        if (!value) continue;
        sum += *value;
        ++average.count;
    }
    if (average.count > 0) average.value = sum / average.count;
    return average;
}

Averages averages_of(const std::vector<const CityScores*>& cities, const Questionnaire& questionnaire) {
    Averages averages;
    const auto over = [&](auto figure) {
        std::vector<std::optional<Exact>> values;
        for (const CityScores* city : cities) values.push_back(figure(*city));
        return average_of(values);
    };
    for (const Area& area : questionnaire.areas())
        averages.areas.emplace_back(area.id, over([&](const CityScores& c) { return c.rate(area.id); }));
    averages.core = over([](const CityScores& c) { return c.core; });
    averages.extended = over([](const CityScores& c) { return c.extended; });
    return averages;
}

std::optional<Figure> change(const std::optional<Exact>& before, const std::optional<Exact>& after) {
    if (!before || !after) return std::nullopt;
    // The difference of the two figures a reader sees, exact in tenths.
    return published(*after) - published(*before);
}

std::optional<Exact> figure_of(const CityScores& scores, std::string_view area) {
    if (area == "core") return scores.core;
    if (area == "extended") return scores.extended;
    return scores.rate(area);
}

// Cities with the figure, best first, ties by id; equal published figures share a rank.
std::vector<RankedCity> rank_cities(const std::vector<SampleCity>& cities, std::string_view area) {
    std::vector<RankedCity> ranked;
    for (const SampleCity& city : cities)
        if (auto figure = figure_of(city.scores, area)) ranked.push_back({city.scores.city.id, 0, published(*figure)});
    std::sort(ranked.begin(), ranked.end(), [](const RankedCity& a, const RankedCity& b) {
        return a.figure != b.figure ? a.figure > b.figure : a.city < b.city;
    });
    for (std::size_t i = 0; i < ranked.size(); ++i)
        ranked[i].rank = i > 0 && ranked[i].figure == ranked[i - 1].figure ? ranked[i - 1].rank : static_cast<int>(i) + 1;
    return ranked;
}

}  // namespace

std::string_view to_string(PeerGroupKind kind) {
    switch (kind) {
        case PeerGroupKind::population: return "population";
        case PeerGroupKind::diversity: return "diversity";
        case PeerGroupKind::country: return "country";
    }
    return "country";
}

const Average& Averages::area(std::string_view id) const {
    for (const auto& [area, average] : areas)
        if (area == id) return average;
    throw std::out_of_range("no average for area '" + std::string(id) + "'");
}

MessageArgs PeerGroup::label_args() const {
    MessageArgs args;
    if (lower) args.emplace_back("min", static_cast<std::int64_t>(*lower));
    if (upper) args.emplace_back("max", static_cast<std::int64_t>(*upper));
    return args;
}

std::vector<PeerGroup> standard_peer_groups() {
    std::vector<PeerGroup> groups;
    for (PeerGroupKind kind : {PeerGroupKind::population, PeerGroupKind::diversity})
        for (const Bounds& b : kind == PeerGroupKind::population ? population_bounds : diversity_bounds) {
            PeerGroup group;
            group.kind = kind;
            group.id = std::string(to_string(kind)) + "." + b.id;
            group.label_key = "index.peer_groups." + group.id;
            group.lower = b.lower;
            group.upper = b.upper;
            groups.push_back(std::move(group));
        }
    return groups;
}

std::optional<Figure> Progress::area(std::string_view id) const {
    for (const auto& [area, delta] : areas)
        if (area == id) return delta;
    return std::nullopt;
}

Progress progress_between(const CityScores& previous, const CityScores& current) {
    Progress progress;
    progress.previous_date = previous.date;
    progress.previous_questionnaire = previous.questionnaire;
    for (const AreaScore& area : current.areas)
        progress.areas.emplace_back(area.area, change(previous.rate(area.area), area.rate));
    // A core-only edition's aggregate is its core index, another's the extended one: not comparable.
    if (previous.aggregate_kind() == current.aggregate_kind())
        progress.aggregate = change(previous.aggregate, current.aggregate);
    progress.core = change(previous.core, current.core);
    progress.extended = change(previous.extended, current.extended);
    return progress;
}

const SampleCity* Sample::find(std::string_view city) const {
    auto it = std::find_if(cities.begin(), cities.end(), [&](const SampleCity& c) { return c.scores.city.id == city; });
    return it == cities.end() ? nullptr : &*it;
}

const PeerGroup* Sample::peer_group(std::string_view id) const {
    auto it = std::find_if(peer_groups.begin(), peer_groups.end(), [&](const PeerGroup& g) { return g.id == id; });
    return it == peer_groups.end() ? nullptr : &*it;
}

std::vector<const PeerGroup*> Sample::peer_groups_of(std::string_view city) const {
    const SampleCity* found = find(city);
    if (!found) return {};
    return {peer_group(found->population_group), peer_group(found->diversity_group), peer_group(found->country_group)};
}

std::vector<RankedCity> Sample::ranking(std::string_view area) const {
    if (area == "aggregate")
        throw std::invalid_argument("the aggregate index is the extended index of some cities and the core index of "
                                    "others: rank on \"core\" or \"extended\"");
    return rank_cities(cities, area);
}

std::optional<Figure> Sample::median(IndexKind kind) const {
    std::vector<Exact> values;
    for (const SampleCity& city : cities)
        if (const auto& value = city.scores.index(kind)) values.push_back(*value);
    if (values.empty()) return std::nullopt;
    std::sort(values.begin(), values.end());
    const std::size_t middle = values.size() / 2;
    return published(values.size() % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2);
}

namespace {
std::optional<Date> earlier_of(const std::optional<Date>& issued, const std::optional<Date>& as_of) {
    if (!issued) return as_of;
    if (!as_of) return issued;
    return std::min(*issued, *as_of);
}
}  // namespace

std::optional<Date> report_as_of(const Edition& edition, const std::optional<Date>& as_of) {
    return earlier_of(edition.issued, as_of);
}

std::optional<Date> report_as_of(const ScoredEdition& edition, const std::optional<Date>& as_of) {
    return earlier_of(edition.issued, as_of);
}

Sample build_sample(const Network& network, const Questionnaire& questionnaire, const SampleOptions& options) {
    return build_sample(score_network(network, questionnaire, QuestionScores::keep), questionnaire, options);
}

Sample build_sample(const ScoredNetwork& network, const Questionnaire& questionnaire, const SampleOptions& options) {
    Sample sample;
    sample.as_of = options.as_of;
    if (options.focus) {
        const auto& [city, date] = *options.focus;
        if (!network.find(city, date))
            throw std::invalid_argument("no edition of city '" + city + "' dated " + date.iso() + " in the network");
        if (options.as_of && date > *options.as_of)
            throw std::invalid_argument("the edition of " + city + " is dated " + date.iso() + ", after the as-of date " +
                                        options.as_of->iso());
    }

    for (const std::string& id : network.city_ids()) {
        const auto editions = network.editions_of(id);
        std::optional<std::size_t> chosen;
        for (std::size_t i = 0; i < editions.size(); ++i) {
            const Date& date = editions[i]->scores.date;
            if (options.focus && options.focus->first == id) {
                if (date == options.focus->second) chosen = i;
            } else if (!options.as_of || date <= *options.as_of) {
                chosen = i;  // editions are oldest first: the last one kept is the latest
            }
        }
        if (!chosen) continue;
        SampleCity city;
        city.scores = editions[*chosen]->scores;
        if (*chosen > 0) city.progress = progress_between(editions[*chosen - 1]->scores, city.scores);
        city.population_group = group_of(PeerGroupKind::population, static_cast<double>(city.scores.city.population));
        city.diversity_group = group_of(PeerGroupKind::diversity, city.scores.city.foreign_born_percent);
        city.country_group = "country." + city.scores.city.country;
        sample.cities.push_back(std::move(city));
    }

    for (const IndexKind kind : {IndexKind::core, IndexKind::extended}) {
        std::map<std::string, int> rank_of;
        for (const RankedCity& entry : rank_cities(sample.cities, to_string(kind))) rank_of[entry.city] = entry.rank;
        for (SampleCity& city : sample.cities)
            if (auto it = rank_of.find(city.scores.city.id); it != rank_of.end())
                (kind == IndexKind::core ? city.core_rank : city.extended_rank) = it->second;
    }
    std::stable_sort(sample.cities.begin(), sample.cities.end(), [](const SampleCity& a, const SampleCity& b) {
        if (a.core_rank.has_value() != b.core_rank.has_value()) return a.core_rank.has_value();
        if (a.core_rank != b.core_rank) return *a.core_rank < *b.core_rank;
        return a.scores.city.id < b.scores.city.id;
    });

    std::vector<const CityScores*> everyone;
    for (const SampleCity& city : sample.cities) everyone.push_back(&city.scores);
    sample.averages = averages_of(everyone, questionnaire);

    sample.peer_groups = standard_peer_groups();
    std::map<std::string, PeerGroup> countries;
    for (const SampleCity& city : sample.cities) {
        PeerGroup& group = countries[city.country_group];
        group.kind = PeerGroupKind::country;
        group.id = city.country_group;
        group.label_key = "index.peer_groups.country.label";
        group.country = city.scores.city.country;
    }
    for (auto& [id, group] : countries) sample.peer_groups.push_back(std::move(group));
    for (PeerGroup& group : sample.peer_groups) {
        std::vector<const CityScores*> members;
        for (const SampleCity& city : sample.cities)
            if (city.population_group == group.id || city.diversity_group == group.id || city.country_group == group.id) {
                group.members.push_back(city.scores.city.id);
                members.push_back(&city.scores);
            }
        std::sort(group.members.begin(), group.members.end());
        group.averages = averages_of(members, questionnaire);
    }
    return sample;
}

}  // namespace icc
