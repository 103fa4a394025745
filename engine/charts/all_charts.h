#pragma once
// Every chart type's traits (internal to engine/charts: the dispatch over
// ChartData in draw_chart.cpp and chart_words.cpp). A new chart type adds
// its header here and its alternative to ChartData in chart_spec.h.
#include "charts/areas_chart.h"
#include "charts/network_chart.h"
#include "charts/one_area_chart.h"
#include "charts/progress_chart.h"
#include "charts/radar_chart.h"
#include "charts/specimen_charts.h"
