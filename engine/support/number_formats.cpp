#include "support/number_formats.h"

#include <unicode/locid.h>
#include <unicode/numberformatter.h>
#include <unicode/unistr.h>

#include <map>
#include <optional>

namespace icc {

namespace {

namespace number = icu::number;

std::string to_utf8(const icu::UnicodeString& text) {
    std::string out;
    text.toUTF8String(out);
    return out;
}

// UNUM_ROUND_HALFUP is ICU's name for half away from zero: a tie goes to the
// larger magnitude, for negative numbers as for positive ones.
number::LocalizedNumberFormatter fixed(const icu::Locale& locale, int fraction_digits) {
    return number::NumberFormatter::withLocale(locale)
        .precision(number::Precision::fixedFraction(fraction_digits))
        .roundingMode(UNUM_ROUND_HALFUP);
}

}  // namespace

struct NumberFormats::Cache {
    icu::Locale locale;
    std::map<int, number::LocalizedNumberFormatter> numbers;   // by fraction digits
    std::map<int, number::LocalizedNumberFormatter> percents;  // by fraction digits
    std::optional<number::LocalizedNumberFormatter> integers;

    const number::LocalizedNumberFormatter& number_format(int fraction_digits) {
        auto it = numbers.find(fraction_digits);
        if (it == numbers.end()) it = numbers.emplace(fraction_digits, fixed(locale, fraction_digits)).first;
        return it->second;
    }
    const number::LocalizedNumberFormatter& percent_format(int fraction_digits) {
        auto it = percents.find(fraction_digits);
        if (it == percents.end())
            it = percents.emplace(fraction_digits, fixed(locale, fraction_digits).unit(icu::NoUnit::percent())).first;
        return it->second;
    }
};

NumberFormats::NumberFormats(std::string_view icu_locale) : cache_(std::make_unique<Cache>()) {
    cache_->locale = icu::Locale(std::string(icu_locale).c_str());
}
NumberFormats::NumberFormats(NumberFormats&&) noexcept = default;
NumberFormats& NumberFormats::operator=(NumberFormats&&) noexcept = default;
NumberFormats::~NumberFormats() = default;

std::string NumberFormats::number(double value, int fraction_digits) const {
    UErrorCode status = U_ZERO_ERROR;
    return to_utf8(cache_->number_format(fraction_digits).formatDouble(value, status).toString(status));
}

std::string NumberFormats::percent(double value, int fraction_digits) const {
    UErrorCode status = U_ZERO_ERROR;
    return to_utf8(cache_->percent_format(fraction_digits).formatDouble(value, status).toString(status));
}

std::string NumberFormats::number(std::string_view decimal, int fraction_digits) const {
    UErrorCode status = U_ZERO_ERROR;
    const std::string digits(decimal);
    return to_utf8(cache_->number_format(fraction_digits).formatDecimal(digits.c_str(), status).toString(status));
}

std::string NumberFormats::percent(std::string_view decimal, int fraction_digits) const {
    UErrorCode status = U_ZERO_ERROR;
    const std::string digits(decimal);
    return to_utf8(cache_->percent_format(fraction_digits).formatDecimal(digits.c_str(), status).toString(status));
}

std::string NumberFormats::integer(std::int64_t value) const {
    UErrorCode status = U_ZERO_ERROR;
    if (!cache_->integers) cache_->integers = number::NumberFormatter::withLocale(cache_->locale);
    return to_utf8(cache_->integers->formatInt(value, status).toString(status));
}

}  // namespace icc
