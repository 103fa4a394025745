#include "support/figure.h"

#include <algorithm>
#include <charconv>
#include <stdexcept>
#include <string_view>
#include <system_error>

namespace icc {

namespace {

using boost::multiprecision::cpp_int;

cpp_int power_of_ten(int exponent) {
    cpp_int result = 1;
    for (int i = 0; i < exponent; ++i) result *= 10;
    return result;
}

}  // namespace

Exact exact_decimal(double value) {
    char buffer[64];
    const auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, value);
    if (error != std::errc()) throw std::invalid_argument("not a finite number");
    std::string_view text(buffer, static_cast<std::size_t>(end - buffer));
    // Shortest round-trip text: [-]digits[.digits][e[+-]digits].
    int exponent = 0;
    if (const auto e = text.find_first_of("eE"); e != std::string_view::npos) {
        exponent = std::stoi(std::string(text.substr(e + 1)));
        text = text.substr(0, e);
    }
    const bool negative = !text.empty() && text.front() == '-';
    if (negative) text.remove_prefix(1);
    std::string digits;
    for (char c : text) {
        if (c == '.') continue;
        if (c < '0' || c > '9') throw std::invalid_argument("not a finite number");
        digits += c;
    }
    if (const auto dot = text.find('.'); dot != std::string_view::npos)
        exponent -= static_cast<int>(text.size() - dot - 1);
    cpp_int numerator(digits.empty() ? std::string("0") : digits);
    if (negative) numerator = -numerator;
    if (exponent >= 0) return Exact(numerator * power_of_ten(exponent));
    return Exact(numerator, power_of_ten(-exponent));
}

double approximate(const Exact& value) { return value.convert_to<double>(); }

Figure Figure::of(const Exact& value) {
    // round(10 x) half away from zero = sign(x) * floor((20 |x| + 1) / 2), in integers.
    const cpp_int numerator = boost::multiprecision::numerator(value);
    const cpp_int denominator = boost::multiprecision::denominator(value);  // > 0
    const cpp_int magnitude = numerator < 0 ? cpp_int(-numerator) : numerator;
    const cpp_int tenths = (20 * magnitude + denominator) / (2 * denominator);
    const auto result = tenths.convert_to<std::int64_t>();
    return from_tenths(numerator < 0 ? -result : result);
}

Figure Figure::from_tenths(std::int64_t tenths) {
    Figure figure;
    figure.tenths_ = tenths;
    return figure;
}

std::string Figure::text() const {
    const std::int64_t magnitude = tenths_ < 0 ? -tenths_ : tenths_;
    return (tenths_ < 0 ? "-" : "") + std::to_string(magnitude / 10) + "." + std::to_string(magnitude % 10);
}

std::string exact_text(const Exact& value) {
    const cpp_int numerator = boost::multiprecision::numerator(value);
    cpp_int denominator = boost::multiprecision::denominator(value);
    // Decimal digits needed: the larger of the powers of 2 and 5 in the denominator.
    int twos = 0, fives = 0;
    while (denominator % 2 == 0) { denominator /= 2; ++twos; }
    while (denominator % 5 == 0) { denominator /= 5; ++fives; }
    if (denominator != 1) return numerator.str() + "/" + boost::multiprecision::denominator(value).str();
    const int digits = std::max(twos, fives);
    const cpp_int scaled = numerator * power_of_ten(digits) / boost::multiprecision::denominator(value);
    const cpp_int magnitude = scaled < 0 ? cpp_int(-scaled) : scaled;
    std::string text = magnitude.str();
    if (digits > 0) {
        if (static_cast<int>(text.size()) <= digits) text.insert(0, static_cast<std::size_t>(digits) + 1 - text.size(), '0');
        text.insert(text.size() - static_cast<std::size_t>(digits), ".");
    }
    return (scaled < 0 ? "-" : "") + text;
}

std::string setting_text(const Exact& value) {
    const Exact tenths = value * 10;
    if (boost::multiprecision::denominator(tenths) == 1) return Figure::of(value).text();
    return exact_text(value);
}

std::optional<Figure> published(const std::optional<Exact>& value) {
    if (!value) return std::nullopt;
    return Figure::of(*value);
}

Figure published(const Exact& value) { return Figure::of(value); }

std::string figure_text(const std::optional<Figure>& figure, const std::string& missing) {
    return figure ? figure->text() : missing;
}

}  // namespace icc
