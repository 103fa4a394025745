#pragma once
// What the charts draw: plain values, independent of the scoring stage's
// types. Labels arrive already localized (area names, peer-group names, city
// names, edition labels); charts only add their own words (legends, axis
// titles, "no answers") from the locale catalog.
//
// Every rate is an achievement rate or an index on the 0-100 scale; charts
// reject a value outside [0, 100] or not finite with a DiagnosticError.
#include <optional>
#include <string>
#include <vector>

namespace icc::charts {

// One area (one of the 12 indicators, or a field of the intercultural lens).
struct AreaValue {
    std::string id;                // "commitment", "education", ...
    std::string label;             // its localized name
    std::optional<double> city;    // the city's achievement rate; nullopt: no answers in this area
    double sample = 0;             // the sample average
    std::optional<double> peer;    // the peer group's average, when the chart shows one
};

// "Areas against the sample" (bars) and the radar. The radar ignores the peer group.
struct AreasChartData {
    std::string city_name;
    int sample_size = 0;        // cities in the sample, this city included
    std::string peer_label;     // localized name of the peer group; empty when none is shown
    std::vector<AreaValue> areas;  // in the order drawn, top to bottom (clockwise from the top for the radar)
};

struct AreaLabel {
    std::string id;
    std::string label;
};

// One edition's results. `areas` follows ProgressChartData::areas.
struct EditionValues {
    std::string label;                          // how the edition is named: "2019", "March 2026"
    double aggregate = 0;                       // the aggregate index
    std::vector<std::optional<double>> areas;   // nullopt: no result (not assessed, or no answers)
};

// "Progress": earlier editions against the latest.
struct ProgressChartData {
    std::string city_name;
    std::vector<AreaLabel> areas;
    std::vector<EditionValues> editions;  // oldest first; the last one is the latest
};

// "Position in the network": the city's aggregate index among every city's.
struct NetworkPositionData {
    std::string city_name;
    double city = 0;                   // this city's aggregate index (an index of the kind below)
    std::vector<double> other_cities;  // that index of every other city of the sample that has it
    double median = 0;                 // their median, as the scoring stage computes it
    std::string index = "core";        // which index: "core" (every city) or "extended" (the cities that have it)
};

struct GroupValue {
    std::string label;  // localized: "Cities of 100 000 to 200 000 inhabitants"
    double value = 0;   // the group's average in the area
    int size = 0;       // cities in the group
};

// "One area": the city against the sample and its peer groups, for the top of an area section.
struct OneAreaData {
    std::string area_id;
    std::string area_label;
    std::string city_name;
    std::optional<double> city;  // nullopt: no answers in this area
    double sample = 0;
    int sample_size = 0;
    std::vector<GroupValue> peer_groups;
};

}  // namespace icc::charts
