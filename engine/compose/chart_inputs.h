#pragma once
// Turns scores into the charts' plain inputs, with labels in the reader's
// language. Shared by the report and `iccreport charts`.
#include "charts/chart_data.h"
#include "compose/report_data.h"
#include "support/locale.h"

namespace icc {

// Indicators (or, with `parent` = "lens", the lens fields) against the sample
// and the city's population peer group.
charts::AreasChartData areas_chart_input(const CityReportData& data, const Catalog& catalog,
                                         const std::string& parent = {});
charts::ProgressChartData progress_chart_input(const CityReportData& data, const Catalog& catalog);
charts::NetworkPositionData network_chart_input(const CityReportData& data);
charts::OneAreaData one_area_chart_input(const CityReportData& data, const Catalog& catalog, const std::string& area);

// The arguments of `report.overall.rank` and `profile.results.rank` (the
// city's rank on the index its aggregate is, among the cities that have it)
// and of `index.indices.rank_basis` (which index that is; the core rank beside it).
MessageArgs rank_args(const Sample& sample, const SampleCity& city, const std::string& city_name);
MessageArgs rank_basis_args(const Sample& sample, const SampleCity& city, const std::string& city_name);

// A peer group's name in the reader's language.
std::string peer_group_label(const PeerGroup& group, const Catalog& catalog);

}  // namespace icc
