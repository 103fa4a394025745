#include "driver/standalone_charts.h"

#include "charts/chart_words.h"
#include "compose/chart_inputs.h"

namespace icc {

std::vector<StandaloneChart> standalone_charts(const CityReportData& report, const Catalog& catalog) {
    const Questionnaire& questionnaire = report.questionnaire;
    std::vector<StandaloneChart> all;
    auto add = [&](std::string name, charts::ChartData data, double height) {
        std::string title = charts::chart_title(catalog, data);
        std::string description = charts::describe_chart(catalog, data);
        all.push_back({std::move(name), title, std::move(description),
                       charts::chart_spec(catalog, std::move(data), title), height});
    };
    const auto areas = areas_chart_input(report, catalog);
    add("areas", charts::AreasChart{areas}, 340);
    add("radar", charts::RadarChart{areas}, 360);
    add("progress", charts::ProgressChart{progress_chart_input(report, catalog)}, 360);
    add("network", charts::NetworkChart{network_chart_input(report)}, 170);
    for (const Area* indicator : questionnaire.indicators()) {
        if (questionnaire.fields_of(indicator->id).empty()) continue;
        add(indicator->id + "-fields", charts::AreasChart{areas_chart_input(report, catalog, indicator->id)}, 200);
    }
    for (const Area& area : questionnaire.areas())
        add("area-" + area.id, charts::OneAreaChart{one_area_chart_input(report, catalog, area.id)}, 120);
    return all;
}

}  // namespace icc
