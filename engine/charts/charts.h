#pragma once
// The charts stage. A chart is a value (chart_spec.h: ChartData, one
// alternative per chart type, with its words in a ChartLocale); each chart
// type declares its geometry, drawing, words, text alternative and title
// once, in its ChartType<> table (chart_traits.h). Then:
//   chart_spec / describe_chart / chart_title (chart_words.h)  at compose time
//   draw_chart (draw_chart.h)                                  for every output
//   layout_chart<Chart> (chart_traits.h)                       geometry, for tests
//   render_chart_svg / _image, write_chart_* (chart_export.h)  stand-alone files
#include "charts/all_charts.h"
#include "charts/chart_data.h"
#include "charts/chart_export.h"
#include "charts/chart_spec.h"
#include "charts/chart_style.h"
#include "charts/chart_traits.h"
#include "charts/chart_words.h"
#include "charts/draw_chart.h"
