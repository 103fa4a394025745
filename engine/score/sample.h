#pragma once
// The sample (every city's latest edition up to an as-of date), ranks, peer
// groups and progress since a city's previous edition. Rules: docs/scoring.md.
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "load/network.h"
#include "load/questionnaire.h"
#include "score/scored_network.h"
#include "score/scores.h"
#include "support/locale.h"

namespace icc {

// The exact mean of the cities' exact figures that exist, and how many there were.
struct Average {
    std::optional<Exact> value;
    int count = 0;
};

// There is no average of the aggregate index: it is the extended index of
// some cities and the core index of others, and a mean of the two compares
// unlike with like. A city's aggregate is compared with index(its kind).
struct Averages {
    std::vector<std::pair<std::string, Average>> areas;  // one per area, questionnaire order
    Average core;      // every city (every version asks the core indicators)
    Average extended;  // the cities whose edition asks all twelve indicators

    [[nodiscard]] const Average& area(std::string_view id) const;  // throws std::out_of_range if unknown
    [[nodiscard]] const Average& index(IndexKind kind) const { return kind == IndexKind::extended ? extended : core; }
};

enum class PeerGroupKind { population, diversity, country };
std::string_view to_string(PeerGroupKind kind);

struct PeerGroup {
    PeerGroupKind kind = PeerGroupKind::population;
    std::string id;         // "population.under_100k", "diversity.15_to_20", "country.PT"
    std::string label_key;  // locale key; format it with label_args()
    // Population (inhabitants) or share of foreign-born residents (%): lower <= x < upper.
    std::optional<double> lower;
    std::optional<double> upper;
    std::string country;               // ISO code, for country groups
    std::vector<std::string> members;  // city ids, in city id order
    Averages averages;

    [[nodiscard]] int size() const { return static_cast<int>(members.size()); }
    // {min} and {max} for population and diversity labels; country groups
    // take {country}, the country's name, which only the reader's Catalog knows.
    [[nodiscard]] MessageArgs label_args() const;
};

// The fixed population and diversity groups, with no members yet.
std::vector<PeerGroup> standard_peer_groups();

// Change since the city's previous edition: differences of published figures.
struct Progress {
    Date previous_date;
    std::string previous_questionnaire;
    std::vector<std::pair<std::string, std::optional<Figure>>> areas;  // questionnaire order
    std::optional<Figure> aggregate;  // only when both aggregates are the same index (core or extended)
    std::optional<Figure> core;
    std::optional<Figure> extended;

    [[nodiscard]] std::optional<Figure> area(std::string_view id) const;
};

// Progress from `previous` to `current` (two editions of one city).
Progress progress_between(const CityScores& previous, const CityScores& current);

struct SampleCity {
    CityScores scores;
    // Competition ranks on published figures (ties share a rank): on the core
    // index among every city of the sample; on the extended index among the
    // cities that have one (none for a city without it).
    std::optional<int> core_rank;
    std::optional<int> extended_rank;
    std::string population_group;       // peer group ids
    std::string diversity_group;
    std::string country_group;
    std::optional<Progress> progress;   // against the city's previous edition, if any

    [[nodiscard]] const std::optional<int>& rank(IndexKind kind) const {
        return kind == IndexKind::extended ? extended_rank : core_rank;
    }
    // The rank of the city's aggregate: on the index its aggregate is.
    [[nodiscard]] const std::optional<int>& aggregate_rank() const { return rank(scores.aggregate_kind()); }
};

struct RankedCity {
    std::string city;  // id
    int rank = 0;
    Figure figure;      // published rate or index
};

struct SampleOptions {
    std::optional<Date> as_of;  // latest editions dated on or before; none: no cut-off
    // The edition that represents its city whatever later editions exist (a
    // report's subject); its date must not be after as_of.
    std::optional<std::pair<std::string, Date>> focus;
};

class Sample {
public:
    std::optional<Date> as_of;
    std::vector<SampleCity> cities;      // by core rank (the index every city has), ties by city id
    Averages averages;
    std::vector<PeerGroup> peer_groups;  // the 4 population groups, the 4 diversity groups, then countries by code

    [[nodiscard]] int size() const { return static_cast<int>(cities.size()); }
    [[nodiscard]] const SampleCity* find(std::string_view city) const;
    [[nodiscard]] const PeerGroup* peer_group(std::string_view id) const;
    // A city's population, diversity and country groups, in that order.
    [[nodiscard]] std::vector<const PeerGroup*> peer_groups_of(std::string_view city) const;
    // Cities with a rate in an area (or "core", "extended"), best first, with
    // competition ranks (1, 2, 2, 4) on published figures. "aggregate" is
    // refused (std::invalid_argument): it would rank unlike with like.
    [[nodiscard]] std::vector<RankedCity> ranking(std::string_view area) const;
    // How many cities are ranked on an index (those that have it).
    [[nodiscard]] int ranked_on(IndexKind kind) const { return averages.index(kind).count; }
    // The median of the cities' exact indices of this kind (the mean of the
    // two middle ones for an even count), published once; none when no city has it.
    [[nodiscard]] std::optional<Figure> median(IndexKind kind) const;
};

// The as-of date of the sample an edition's report compares it with: the
// date its report was issued (edition.issued: the sample as it stood then,
// so that a re-issued report reproduces its figures) or the cut-off asked for
// (--as-of), whichever is earlier; none: the live network.
std::optional<Date> report_as_of(const Edition& edition, const std::optional<Date>& as_of);
std::optional<Date> report_as_of(const ScoredEdition& edition, const std::optional<Date>& as_of);

// Throws std::invalid_argument if the focus edition is not in the network or
// is dated after as_of.
// The cities' scores are copied from the scored network (with or without
// their question scores, as it has them).
Sample build_sample(const ScoredNetwork& network, const Questionnaire& questionnaire, const SampleOptions& options = {});
// Scores the network's editions (question scores kept) and builds the sample of them.
Sample build_sample(const Network& network, const Questionnaire& questionnaire, const SampleOptions& options = {});

}  // namespace icc
