#pragma once
// Exact numbers and published figures (docs/scoring.md, sections 3-5).
//
// Every point, rate, index and average is an `Exact` rational number: the
// inputs are small whole numbers and decimal weights, so nothing needs to be
// approximated until a figure is shown. A `Figure` is what a reader sees: an
// exact value rounded once, to one decimal, halves away from zero, held as a
// whole number of tenths so that comparing, subtracting and printing it
// never meets binary floating point. Everything that prints a number of the
// Index (PDF, score table, CSV, JSON, charts, explain) goes through Figure.
#include <boost/multiprecision/cpp_int.hpp>

#include <compare>
#include <cstdint>
#include <optional>
#include <string>

namespace icc {

using Exact = boost::multiprecision::cpp_rational;

// The decimal number a double was written as (its shortest round-trip text):
// 0.1 -> 1/10, not the binary fraction nearest to it. Questionnaire weights
// and points are read as doubles by TOML; this recovers what the file says.
Exact exact_decimal(double value);

// An Exact to double, for drawing (geometry) and for the few places that
// need an approximation; never for a printed figure.
double approximate(const Exact& value);

class Figure {
public:
    Figure() = default;
    // Rounds once: one decimal, halves away from zero (43.75 -> 43.8, -2.25 -> -2.3).
    static Figure of(const Exact& value);
    static Figure from_tenths(std::int64_t tenths);

    [[nodiscard]] std::int64_t tenths() const { return tenths_; }
    // The published value as the nearest double (for chart geometry and ICU).
    [[nodiscard]] double value() const { return static_cast<double>(tenths_) / 10.0; }
    [[nodiscard]] Exact exact() const { return Exact(tenths_, 10); }
    // "62.3", "-2.3", "0.0" ('.' as decimal mark; "-0.0" cannot occur).
    [[nodiscard]] std::string text() const;

    friend Figure operator-(Figure a, Figure b) { return from_tenths(a.tenths_ - b.tenths_); }
    friend Figure operator+(Figure a, Figure b) { return from_tenths(a.tenths_ + b.tenths_); }
    friend bool operator==(Figure a, Figure b) = default;
    friend std::strong_ordering operator<=>(Figure a, Figure b) = default;
    [[nodiscard]] Figure magnitude() const { return from_tenths(tenths_ < 0 ? -tenths_ : tenths_); }

private:
    std::int64_t tenths_ = 0;
};

// The published figure of a value that may not exist.
std::optional<Figure> published(const std::optional<Exact>& value);
Figure published(const Exact& value);

// An exact value written out exactly: "12.5", "3", "-0.25"; a value with no
// finite decimal expansion as a fraction, "350/9". For explanations (points,
// weights, practice scores), never for a published figure.
std::string exact_text(const Exact& value);

// A setting on the figure scale (a threshold of 60): as a figure when it has
// at most one decimal ("60.0"), else exactly ("62.25"), never rounded.
std::string setting_text(const Exact& value);

// "62.3" or `missing` when there is no figure.
std::string figure_text(const std::optional<Figure>& figure, const std::string& missing);

}  // namespace icc
