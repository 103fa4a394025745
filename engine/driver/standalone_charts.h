#pragma once
// Every chart of a city's report, each with a title and its text
// alternative, for `iccreport charts` (stand-alone files for the web).
#include <string>
#include <vector>

#include "charts/chart_spec.h"
#include "compose/report_data.h"
#include "support/locale.h"

namespace icc {

struct StandaloneChart {
    std::string name;         // file-name part: "areas", "radar", "area-welcome"...
    std::string title;        // also the chart's heading, drawn above it
    std::string description;  // the text alternative
    charts::ChartSpec chart;
    double height;            // points, for a 455 pt width, without the title
};

std::vector<StandaloneChart> standalone_charts(const CityReportData& report, const Catalog& catalog);

}  // namespace icc
