#pragma once
// A chart as the document model holds it: which chart, its data, and every
// word it prints, resolved from the locale catalog when the document is
// composed. Plain values only (no cairo, no fonts, no catalog), so a document
// can be digested, copied between stages and drawn by any output.
#include <map>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "charts/chart_data.h"

namespace icc::charts {

// One alternative per chart type; each is the input of one ChartType<> (chart_traits.h).
struct AreasChart {       // "areas against the sample": bars
    AreasChartData data;
};
struct RadarChart {       // every area on a radar (ignores the peer group)
    AreasChartData data;
};
struct ProgressChart {    // earlier editions against the latest
    ProgressChartData data;
};
struct NetworkChart {     // the city's aggregate index among every city's
    NetworkPositionData data;
};
struct OneAreaChart {     // one area against the sample and the peer groups
    OneAreaData data;
};
struct SpecimenBarsChart {  // the typesetting specimen's paired bars (city, sample), 0-100, no text
    std::vector<std::pair<double, double>> values;
};
struct SpecimenLineChart {  // the typesetting specimen's line over editions, 0-100, no text
    std::vector<double> values;
};

using ChartData = std::variant<AreasChart, RadarChart, ProgressChart, NetworkChart, OneAreaChart, SpecimenBarsChart,
                               SpecimenLineChart>;

// The language a chart is drawn in and the catalog strings its drawing
// prints (legends, axis titles, "no answers"), by catalog key. Numbers are
// formatted at drawing time in `icu_locale`, since the ticks an axis shows
// depend on the width the page gives the chart.
struct ChartLocale {
    std::string language;     // BCP 47, for shaping and hyphenation of labels
    std::string icu_locale;   // digits, separators and percent signs
    bool right_to_left = false;
    std::map<std::string, std::string> texts;  // catalog key -> pattern (ICU MessageFormat)
};

struct ChartSpec {
    ChartData data;
    ChartLocale locale;
    // Printed above the chart when it stands alone (web export); empty in a
    // document, where the figure's caption names it.
    std::string heading;
};

// The chart type's name: "areas", "radar", ...
std::string chart_type_name(const ChartData& data);

// Canonical text of everything the chart shows (exact numbers, every string):
// equal texts draw equal charts. Part of the document digest.
std::string canonical_text(const ChartSpec& spec);

}  // namespace icc::charts
