#pragma once
// The engine's ICU number formatters, for one locale. Every number a reader
// sees is formatted here (the catalog's and the charts'), so that all of them
// round the way docs/scoring.md says: half away from zero (52.5 -> 53,
// -52.5 -> -53, 43.75 at one digit -> 43.8), not ICU's default half to even.
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace icc {

class NumberFormats {
public:
    explicit NumberFormats(std::string_view icu_locale);
    NumberFormats(NumberFormats&&) noexcept;
    NumberFormats& operator=(NumberFormats&&) noexcept;
    ~NumberFormats();

    // With exactly `fraction_digits` decimals: 1234.5 -> "1,234.5" (en), "1 234,5" (fr).
    [[nodiscard]] std::string number(double value, int fraction_digits) const;
    // `value` is already in percent: 42.5 -> "42.5%" (en), "42,5 %" (fr).
    [[nodiscard]] std::string percent(double value, int fraction_digits) const;
    // The same from decimal digits ("43.8"), which ICU reads exactly: for a
    // published figure, so no binary fraction comes between it and its text.
    [[nodiscard]] std::string number(std::string_view decimal, int fraction_digits) const;
    [[nodiscard]] std::string percent(std::string_view decimal, int fraction_digits) const;
    [[nodiscard]] std::string integer(std::int64_t value) const;

private:
    // ICU formatters are costly to build and cheap to reuse, so each one made
    // is kept. Not shared across threads: one owner uses it at a time.
    struct Cache;
    std::unique_ptr<Cache> cache_;
};

}  // namespace icc
