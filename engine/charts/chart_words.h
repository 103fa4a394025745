#pragma once
// What the composer asks of the charts, with the reader's catalog in hand:
// a chart specification with its words resolved, its text alternative and
// its stand-alone title. No cairo here: compose includes this.
#include <string>

#include "charts/chart_spec.h"

namespace icc {
class Catalog;
}

namespace icc::charts {

// The strings `data`'s chart type prints, from `catalog`, and its language.
ChartLocale chart_locale(const Catalog& catalog, const ChartData& data);
ChartSpec chart_spec(const Catalog& catalog, ChartData data, std::string heading = {});

// The text alternative, stating every value; the title of a stand-alone
// chart. Throw InternalError for a chart type that declares none.
std::string describe_chart(const Catalog& catalog, const ChartData& data, int fraction_digits = 0);
std::string chart_title(const Catalog& catalog, const ChartData& data);

}  // namespace icc::charts
