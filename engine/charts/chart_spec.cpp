#include "charts/chart_spec.h"

#include <algorithm>
#include <cstdio>

namespace icc::charts {

namespace {

// Exact: 17 significant digits give back the same double.
std::string number(double value) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.17g", value);
    return buffer;
}

std::string number(const std::optional<double>& value) { return value ? number(*value) : "-"; }

// Each field is prefixed by its length, so no text can pass for two fields.
class Canonical {
public:
    Canonical& field(const std::string& text) {
        out_ += std::to_string(text.size()) + ':' + text + ';';
        return *this;
    }
    Canonical& field(double value) { return field(number(value)); }
    Canonical& field(const std::optional<double>& value) { return field(number(value)); }
    Canonical& field(int value) { return field(std::to_string(value)); }
    Canonical& field(std::size_t value) { return field(std::to_string(value)); }
    [[nodiscard]] std::string str() && { return std::move(out_); }

private:
    std::string out_;
};

void add(Canonical& c, const AreasChartData& data) {
    c.field(data.city_name).field(data.sample_size).field(data.peer_label).field(data.areas.size());
    for (const auto& a : data.areas) c.field(a.id).field(a.label).field(a.city).field(a.sample).field(a.peer);
}
void add(Canonical& c, const AreasChart& chart) { add(c, chart.data); }
void add(Canonical& c, const RadarChart& chart) { add(c, chart.data); }
void add(Canonical& c, const ProgressChart& chart) {
    const ProgressChartData& data = chart.data;
    c.field(data.city_name).field(data.areas.size());
    for (const auto& a : data.areas) c.field(a.id).field(a.label);
    c.field(data.editions.size());
    for (const auto& e : data.editions) {
        c.field(e.label).field(e.aggregate).field(e.areas.size());
        for (const auto& v : e.areas) c.field(v);
    }
}
void add(Canonical& c, const NetworkChart& chart) {
    const NetworkPositionData& data = chart.data;
    c.field(data.city_name).field(data.index).field(data.city).field(data.median).field(data.other_cities.size());
    for (double v : data.other_cities) c.field(v);  // in the order drawn
}
void add(Canonical& c, const OneAreaChart& chart) {
    const OneAreaData& data = chart.data;
    c.field(data.area_id).field(data.area_label).field(data.city_name).field(data.city).field(data.sample)
        .field(data.sample_size).field(data.peer_groups.size());
    for (const auto& g : data.peer_groups) c.field(g.label).field(g.value).field(g.size);
}
void add(Canonical& c, const SpecimenBarsChart& chart) {
    c.field(chart.values.size());
    for (const auto& [city, sample] : chart.values) c.field(city).field(sample);
}
void add(Canonical& c, const SpecimenLineChart& chart) {
    c.field(chart.values.size());
    for (double v : chart.values) c.field(v);
}

}  // namespace

std::string canonical_text(const ChartSpec& spec) {
    Canonical c;
    c.field(chart_type_name(spec.data));
    std::visit([&](const auto& chart) { add(c, chart); }, spec.data);
    c.field(spec.locale.language).field(spec.locale.icu_locale).field(spec.locale.right_to_left ? "rtl" : "ltr");
    c.field(spec.locale.texts.size());
    for (const auto& [key, text] : spec.locale.texts) c.field(key).field(text);
    c.field(spec.heading);
    return std::move(c).str();
}

}  // namespace icc::charts
