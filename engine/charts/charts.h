#pragma once
// The Index Report's charts. Each chart has:
//   layout_<chart>(chart, data, width, height)  -> geometry (for tests and callers that need positions)
//   draw_<chart>(cr, chart, data, width, height) -> draws with (0,0) at the top-left, in points
//   <chart>_figure(chart, data)                 -> ChartFigure for the document model
//   describe_<chart>(catalog, data)             -> the text alternative, stating every value
//   title_<chart>(catalog, data)                -> a title for a stand-alone chart
// and chart_export.h writes any figure as SVG or PNG.
#include "charts/areas_chart.h"
#include "charts/chart_data.h"
#include "charts/chart_export.h"
#include "charts/chart_style.h"
#include "charts/network_chart.h"
#include "charts/one_area_chart.h"
#include "charts/progress_chart.h"
#include "charts/radar_chart.h"
