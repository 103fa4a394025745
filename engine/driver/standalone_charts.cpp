#include "driver/standalone_charts.h"

#include "charts/charts.h"
#include "compose/chart_inputs.h"

namespace icc {

std::vector<StandaloneChart> standalone_charts(const CityReportData& report, const Catalog& catalog,
                                               const charts::ChartContext& context) {
    const Questionnaire& questionnaire = report.questionnaire;
    std::vector<StandaloneChart> all;
    const auto areas = areas_chart_input(report, catalog);
    all.push_back({"areas", charts::title_areas_chart(catalog, areas), charts::describe_areas_chart(catalog, areas),
                   charts::areas_chart_figure(context, areas), 340});
    all.push_back({"radar", charts::title_radar_chart(catalog, areas), charts::describe_radar_chart(catalog, areas),
                   charts::radar_chart_figure(context, areas), 360});
    const auto progress = progress_chart_input(report, catalog);
    all.push_back({"progress", charts::title_progress_chart(catalog, progress),
                   charts::describe_progress_chart(catalog, progress), charts::progress_chart_figure(context, progress),
                   360});
    const auto position = network_chart_input(report);
    all.push_back({"network", charts::title_network_chart(catalog, position),
                   charts::describe_network_chart(catalog, position), charts::network_chart_figure(context, position),
                   170});
    for (const Area* indicator : questionnaire.indicators()) {
        if (questionnaire.fields_of(indicator->id).empty()) continue;
        const auto fields = areas_chart_input(report, catalog, indicator->id);
        all.push_back({indicator->id + "-fields", charts::title_areas_chart(catalog, fields),
                       charts::describe_areas_chart(catalog, fields), charts::areas_chart_figure(context, fields), 200});
    }
    for (const Area& area : questionnaire.areas()) {
        const auto one = one_area_chart_input(report, catalog, area.id);
        all.push_back({"area-" + area.id, charts::title_one_area_chart(catalog, one),
                       charts::describe_one_area_chart(catalog, one), charts::one_area_chart_figure(context, one), 120});
    }
    return all;
}

}  // namespace icc
