#include "charts/chart_words.h"

#include <unicode/locid.h>
#include <unicode/msgfmt.h>
#include <unicode/unistr.h>

#include <map>
#include <memory>
#include <set>
#include <type_traits>

#include "charts/all_charts.h"
#include "support/bidi.h"
#include "support/diagnostic.h"
#include "support/locale.h"
#include "support/number_formats.h"

namespace icc::charts {

namespace {

template <typename Chart>
const auto& type_of(const Chart&) {
    return chart_type_of<Chart>();
}

void add_words(const Catalog& catalog, const std::vector<std::string>& keys, ChartLocale& locale) {
    for (const std::string& key : keys) {
        // The language's own name (from the locale's [meta]) only helps measure lines.
        if (key == "meta.name") {
            if (!catalog.language().name.empty()) locale.texts[key] = catalog.language().name;
            continue;
        }
        locale.texts[key] = catalog.text(key);
    }
}

ChartLocale bare_locale(const Catalog& catalog) {
    ChartLocale locale;
    locale.language = catalog.lang();
    locale.icu_locale = catalog.icu_locale();
    locale.right_to_left = catalog.right_to_left();
    return locale;
}

template <typename... Chart>
void add_every_chart_words(const Catalog& catalog, ChartLocale& locale, std::variant<Chart...>*) {
    (add_words(catalog, chart_type_of<Chart>().words, locale), ...);
}

}  // namespace

// ---- ChartWords -------------------------------------------------------------

bool ChartWords::has(std::string_view key) const { return locale_.texts.count(std::string(key)) > 0; }

const std::string& ChartWords::text(std::string_view key) const {
    const auto found = locale_.texts.find(std::string(key));
    if (found == locale_.texts.end())
        throw InternalError(Diagnostic{Severity::error, {},
                                       "a chart prints '" + std::string(key) +
                                           "', which its ChartType<>::words does not list"});
    return found->second;
}

struct ChartWords::Formatters {
    explicit Formatters(const std::string& icu_locale) : locale(icu_locale.c_str()), numbers(icu_locale) {}
    icu::Locale locale;
    NumberFormats numbers;  // the catalog's rounding: half away from zero
    std::map<std::string, CompiledMessage, std::less<>> messages;  // by key
};

ChartWords::Formatters& ChartWords::formatters() const {
    if (!formatters_) {
        formatters_ = std::make_shared<Formatters>(locale_.icu_locale);
    }
    return *formatters_;
}

std::string ChartWords::format(std::string_view key, const MessageArgs& args) const {
    const std::string& pattern = text(key);
    auto& messages = formatters().messages;
    auto it = messages.find(key);
    if (it == messages.end()) {
        UErrorCode status = U_ZERO_ERROR;
        UParseError error{};
        auto compiled = compile_message(pattern, formatters().locale, error, status);
        if (!compiled) return format_message(pattern, locale_.icu_locale, args);  // reports the error
        it = messages.emplace(std::string(key), std::move(*compiled)).first;
    }
    return format_message(it->second, pattern, args);
}

std::string ChartWords::number(double value, int fraction_digits) const {
    return formatters().numbers.number(value, fraction_digits);
}

std::string ChartWords::percent(double value, int fraction_digits) const {
    return formatters().numbers.percent(value, fraction_digits);
}

ChartContext::ChartContext(const FontSet& fonts, const Catalog& catalog, ChartStyle style)
    : fonts_(fonts, style), words_([&] {
          ChartLocale locale = bare_locale(catalog);
          add_every_chart_words(catalog, locale, static_cast<ChartData*>(nullptr));
          return locale;
      }()) {}

// ---- What the composer asks ---------------------------------------------------

ChartLocale chart_locale(const Catalog& catalog, const ChartData& data) {
    ChartLocale locale = bare_locale(catalog);
    std::visit([&](const auto& chart) { add_words(catalog, type_of(chart).words, locale); }, data);
    return locale;
}

ChartSpec chart_spec(const Catalog& catalog, ChartData data, std::string heading) {
    ChartLocale locale = chart_locale(catalog, data);
    return {std::move(data), std::move(locale), std::move(heading)};
}

std::string describe_chart(const Catalog& catalog, const ChartData& data, int fraction_digits) {
    return std::visit(
        [&](const auto& chart) -> std::string {
            const auto& type = type_of(chart);
            if (!type.describe)
                throw InternalError(Diagnostic{Severity::error, {},
                                               "chart '" + std::string(type.name) + "' has no text alternative of its own"});
            // Read out or shown as a tooltip, never typeset: without isolates (support/bidi.h).
            return without_isolates(type.describe(catalog, chart, fraction_digits));
        },
        data);
}

std::string chart_title(const Catalog& catalog, const ChartData& data) {
    return std::visit(
        [&](const auto& chart) -> std::string {
            const auto& type = type_of(chart);
            if (!type.title)
                throw InternalError(
                    Diagnostic{Severity::error, {}, "chart '" + std::string(type.name) + "' has no title of its own"});
            return type.title(catalog, chart);
        },
        data);
}

std::string chart_type_name(const ChartData& data) {
    return std::visit([](const auto& chart) { return std::string(type_of(chart).name); }, data);
}

}  // namespace icc::charts
