#pragma once
// Every chart of a city's report, each with a title and its text
// alternative, for `iccreport charts` (stand-alone files for the web).
#include <string>
#include <vector>

#include "charts/chart_style.h"
#include "compose/report_data.h"
#include "support/locale.h"

namespace icc {

struct StandaloneChart {
    std::string name;         // file-name part: "areas", "radar", "area-welcome"...
    std::string title;
    std::string description;  // the text alternative
    charts::ChartFigure figure;
    double height;            // points, for a 455 pt width, without the title
};

std::vector<StandaloneChart> standalone_charts(const CityReportData& report, const Catalog& catalog,
                                               const charts::ChartContext& context);

}  // namespace icc
