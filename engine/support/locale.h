#pragma once
// A language's strings (locales/<lang>.toml) and its ICU formatting rules.
// Sentences are ICU MessageFormat patterns with named arguments, so plural
// forms, ordinals and selections live in the locale file, never in code.
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <map>
#include <set>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include <unicode/parseerr.h>
#include <unicode/utypes.h>
#include <unicode/uversion.h>

#include "support/data_root.h"
#include "support/diagnostic.h"
#include "support/language.h"

U_NAMESPACE_BEGIN
class Locale;
class MessageFormat;
U_NAMESPACE_END

namespace icc {

// A calendar date without time zone (documents carry dates, never instants).
struct Date {
    int year = 1970;
    unsigned month = 1;
    unsigned day = 1;
    auto operator<=>(const Date&) const = default;
    // ISO 8601, "2026-11-22".
    [[nodiscard]] std::string iso() const;
};

using MessageArg = std::variant<std::string, std::int64_t, double, Date>;
using MessageArgs = std::vector<std::pair<std::string, MessageArg>>;

// A pattern compiled for formatting, every value it prints isolated: set
// between FIRST STRONG ISOLATE and POP DIRECTIONAL ISOLATE (support/bidi.h),
// so that it keeps its own direction inside the sentence, whichever way the
// sentence runs. Isolated are
// - a text argument, {city}, whose value has a letter of some direction (a
//   city's name, a quoted answer, a country, "12 June 2024"): "باب نوارة in
//   figures", "Tel Aviv-Yafo" inside Hebrew;
// - a date the pattern formats, {first, date, long}.
// Not isolated are
// - the value of a select argument, which chooses a branch and is never printed;
// - numbers: ICU's ({min, number, integer}%, a plural's '#') and the engine's
//   ("40.0%", "+{delta}"), digits and signs without a letter. Digits are weak;
//   UBA's number rules keep them with the "%" or sign written beside them
//   ("20%" in Hebrew), which an isolate would cut off. (ICU's Hebrew and
//   Arabic numbers carry their own marks, a letter of a direction: isolated.)
struct CompiledMessage {
    CompiledMessage();
    CompiledMessage(CompiledMessage&&) noexcept;
    CompiledMessage& operator=(CompiledMessage&&) noexcept;
    ~CompiledMessage();
    std::unique_ptr<icu::MessageFormat> format;
    std::set<std::string, std::less<>> selectors;  // select arguments' names
};

// nullopt, with `status` and `error` (offsets in the pattern as written), when the pattern is invalid.
std::optional<CompiledMessage> compile_message(std::string_view pattern, const icu::Locale& locale,
                                               UParseError& error, UErrorCode& status);

// Formats an ICU MessageFormat pattern with named arguments in a locale,
// values isolated (CompiledMessage).
// Throws DiagnosticError if the pattern is invalid.
std::string format_message(std::string_view pattern, std::string_view icu_locale, const MessageArgs& args);
// A whole number in the language's digits without grouping: a year ("٢٠١٩"),
// a part of a section number. Never isolated (numbers are not, support/bidi.h).
std::string ungrouped_number(std::int64_t number, std::string_view icu_locale);
// The same with the pattern compiled already (`pattern_text` names it in errors).
std::string format_message(const CompiledMessage& pattern, std::string_view pattern_text, const MessageArgs& args);

// The primary language subtag of a BCP 47 tag, lower case: "fr" of "fr-BE".
// Texts and readers of one primary language need no translation between them.
std::string primary_language(std::string_view tag);

class Figure;  // support/figure.h

class Catalog {
public:
    // Loads the language `lang` names (through the registry: "fr-CA" is fr,
    // "" is the source language; an unknown tag lists the languages there
    // are). Nested tables flatten to dotted keys; [meta] is the language's
    // description (support/language.h), not messages.
    // Throws DiagnosticError for a missing file, bad TOML, a bad [meta] or a bad pattern.
    static Catalog load(const DataRoot& data, std::string_view lang);
    static Catalog load_file(const std::filesystem::path& file, std::string_view lang);

    Catalog(Catalog&&) noexcept;
    Catalog& operator=(Catalog&&) noexcept;
    ~Catalog();

    [[nodiscard]] const std::string& lang() const { return lang_; }
    // What the file's [meta] says of its language.
    [[nodiscard]] const Language& language() const { return language_; }
    // The ICU locale the file declares (meta.icu_locale), "en_GB" say.
    [[nodiscard]] const std::string& icu_locale() const { return language_.icu_locale; }
    // Text direction the file declares (meta.direction): true for right to left.
    [[nodiscard]] bool right_to_left() const { return language_.right_to_left; }

    [[nodiscard]] bool has(std::string_view key) const;
    // The raw string. Throws DiagnosticError naming the locale file and key if missing.
    [[nodiscard]] const std::string& text(std::string_view key) const;
    // Formats the pattern at `key` with ICU MessageFormat and named arguments,
    // values isolated (CompiledMessage): text for the typeset page.
    // Where isolates mean nothing (a terminal, a TOML comment), without_isolates.
    [[nodiscard]] std::string format(std::string_view key, const MessageArgs& args) const;
    // Every key in the file, sorted.
    [[nodiscard]] std::vector<std::string> keys() const;
    [[nodiscard]] const std::filesystem::path& file() const { return file_; }
    // Every file the catalogue is made of: a regional variant's base first,
    // then its own (meta.extends); the language's own file alone otherwise.
    // What a cache key of its messages digests.
    [[nodiscard]] const std::vector<std::filesystem::path>& files() const { return files_; }
    // Where a key is defined (for diagnostics).
    [[nodiscard]] SourceLocation location(std::string_view key) const;

    // Locale-aware numbers and dates through ICU.
    [[nodiscard]] std::string number(double value, int fraction_digits = 0) const;
    [[nodiscard]] std::string integer(std::int64_t value) const;
    // 42.5 -> "42.5%" (en) or "42,5 %" (fr): value is already in percent.
    [[nodiscard]] std::string percent(double value, int fraction_digits = 0) const;
    // A published figure (one decimal), formatted from its exact decimal
    // digits so that ICU never rounds it again: 43.8 -> "43.8" / "43,8".
    [[nodiscard]] std::string number(const Figure& figure) const;
    [[nodiscard]] std::string percent(const Figure& figure) const;
    // Long date: "22 November 2026" (en_GB), "22 novembre 2026" (fr).
    [[nodiscard]] std::string date(const Date& date) const;
    // "a, b and c" (en), "a, b et c" (fr): ICU's list format of the language.
    [[nodiscard]] std::string list(const std::vector<std::string>& items) const;
    // The same for labels written to stand alone (options, peer groups), read
    // mid-sentence: in a language whose meta.list_items is "lowercase", each
    // after the first begins in lower case unless its first word is in
    // capitals ("Libraries, parks and EU-funded centres").
    [[nodiscard]] std::string list_of_labels(const std::vector<std::string>& labels) const;

    // While set, every key looked up is added to `keys` (for `iccreport check`,
    // which finds the keys no report uses). The set must outlive the recording.
    void record_keys_into(std::set<std::string>* keys) { recorder_ = keys; }
    // Country name from an ISO 3166 code, in this language.
    [[nodiscard]] std::string country(std::string_view iso_code) const;

private:
    Catalog();
    struct Entry {
        std::string text;
        SourceLocation where;
    };
    std::string lang_;
    Language language_;
    std::filesystem::path file_;
    std::vector<std::filesystem::path> files_;
    std::map<std::string, Entry, std::less<>> entries_;
    struct Formatters;
    std::unique_ptr<Formatters> formatters_;
    std::set<std::string>* recorder_ = nullptr;
};

}  // namespace icc
