#include "support/locale.h"

#include "support/figure.h"
#include "support/number_formats.h"

#include <algorithm>
#include <cctype>

#include <unicode/calendar.h>
#include <unicode/datefmt.h>
#include <unicode/fmtable.h>
#include <unicode/gregocal.h>
#include <unicode/listformatter.h>
#include <unicode/uchar.h>
#include <unicode/locid.h>
#include <unicode/messagepattern.h>
#include <unicode/msgfmt.h>
#include <unicode/dcfmtsym.h>
#include <unicode/timezone.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>
#include <unicode/unistr.h>

#include <cstdio>

#include "support/atomic_file.h"
#include "support/bidi.h"
#include "support/toml_reader.h"
#include "support/toml_text.h"

namespace icc {

namespace fs = std::filesystem;

std::string Date::iso() const {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", year, month, day);
    return buffer;
}

// ICU formatters are costly to build and cheap to reuse, so each catalog
// keeps the ones it has made. A catalog belongs to one thread at a time.
struct Catalog::Formatters {
    explicit Formatters(const std::string& icu_locale) : locale(icu_locale.c_str()), numbers(icu_locale) {}
    icu::Locale locale;
    NumberFormats numbers;  // half away from zero (support/number_formats.h)
    std::map<std::string, CompiledMessage, std::less<>> messages;  // by key
    std::unique_ptr<icu::DateFormat> long_dates;
    std::unique_ptr<icu::ListFormatter> lists;
    bool lists_tried = false;  // ICU may have no list patterns for the locale
};

Catalog::Catalog() = default;
Catalog::Catalog(Catalog&&) noexcept = default;
Catalog& Catalog::operator=(Catalog&&) noexcept = default;
Catalog::~Catalog() = default;

namespace {

// Nested tables flatten to dotted keys: [report.cover] title = ... is "report.cover.title".
void flatten(TableReader& table, const std::string& prefix,
             std::map<std::string, std::pair<std::string, SourceLocation>, std::less<>>& out) {
    for (const TomlValue& value : table.other_entries()) {
        const std::string key = prefix.empty() ? value.key() : prefix + "." + value.key();
        if (value.node()->is_table()) {
            if (std::optional<TableReader> sub = value.table()) flatten(*sub, key, out);
        } else if (auto text = value.required<std::string>()) {
            out.emplace(key, std::make_pair(*text, value.where()));
        }
    }
}

std::string to_utf8(const icu::UnicodeString& text) {
    std::string out;
    text.toUTF8String(out);
    return out;
}

UDate to_udate(const Date& date, UErrorCode& status) {
    icu::GregorianCalendar calendar(*icu::TimeZone::getGMT(), status);
    calendar.clear();
    // Noon UTC: the same calendar day in every time zone a formatter might use.
    calendar.set(date.year, static_cast<int32_t>(date.month) - 1, static_cast<int32_t>(date.day), 12, 0, 0);
    return calendar.getTime(status);
}

// The pattern with FSI before and PDI after every date it formats, and the
// names of its select arguments. Inserting there never changes what the
// pattern means: an argument's braces are never inside a quoted literal, and
// an apostrophe quotes only when the character after it is syntax, which FSI
// is not.
icu::UnicodeString isolate_dates(const icu::UnicodeString& pattern, std::set<std::string, std::less<>>& selectors,
                                 UParseError& error, UErrorCode& status) {
    const icu::MessagePattern parsed(pattern, &error, status);
    if (U_FAILURE(status)) return pattern;
    struct Insert {
        int32_t at;
        bool open;
    };
    std::vector<Insert> inserts;
    for (int32_t i = 0; i < parsed.countParts(); ++i) {
        const icu::MessagePattern::Part& part = parsed.getPart(i);
        if (part.getType() != UMSGPAT_PART_TYPE_ARG_START || i + 1 >= parsed.countParts()) continue;
        // ARG_START, ARG_NAME, then for {first, date, long} ARG_TYPE.
        if (part.getArgType() == UMSGPAT_ARG_TYPE_SELECT) {
            std::string name;
            parsed.getSubstring(parsed.getPart(i + 1)).toUTF8String(name);
            selectors.insert(std::move(name));
        }
        if (part.getArgType() != UMSGPAT_ARG_TYPE_SIMPLE || i + 2 >= parsed.countParts()) continue;
        const icu::UnicodeString type = parsed.getSubstring(parsed.getPart(i + 2));
        if (type != u"date" && type != u"time") continue;
        inserts.push_back({part.getIndex(), true});
        inserts.push_back({parsed.getPart(parsed.getLimitPartIndex(i)).getLimit(), false});
    }
    // From the end, so that earlier offsets stay true; where one date ends
    // and the next begins, the PDI goes before the FSI.
    std::stable_sort(inserts.begin(), inserts.end(), [](const Insert& a, const Insert& b) {
        return a.at != b.at ? a.at > b.at : a.open && !b.open;
    });
    icu::UnicodeString out = pattern;
    for (const Insert& insert : inserts) out.insert(insert.at, static_cast<UChar>(insert.open ? 0x2068 : 0x2069));
    return out;
}

// Whether a value has a character of a strong direction (a letter, or a
// direction mark): one that could pull the sentence's order around it.
bool has_strong_direction(const std::string& value) {
    const auto* bytes = reinterpret_cast<const uint8_t*>(value.data());
    const auto length = static_cast<int32_t>(value.size());
    for (int32_t i = 0; i < length;) {
        UChar32 c = 0;
        U8_NEXT(bytes, i, length, c);
        const UCharDirection direction = u_charDirection(c);
        if (direction == U_LEFT_TO_RIGHT || direction == U_RIGHT_TO_LEFT || direction == U_RIGHT_TO_LEFT_ARABIC)
            return true;
    }
    return false;
}

}  // namespace

CompiledMessage::CompiledMessage() = default;
CompiledMessage::CompiledMessage(CompiledMessage&&) noexcept = default;
CompiledMessage& CompiledMessage::operator=(CompiledMessage&&) noexcept = default;
CompiledMessage::~CompiledMessage() = default;

std::optional<CompiledMessage> compile_message(std::string_view pattern, const icu::Locale& locale,
                                               UParseError& error, UErrorCode& status) {
    CompiledMessage compiled;
    const icu::UnicodeString isolated_pattern = isolate_dates(
        icu::UnicodeString::fromUTF8(icu::StringPiece(pattern.data(), pattern.size())), compiled.selectors, error,
        status);
    if (U_FAILURE(status)) return std::nullopt;
    compiled.format = std::make_unique<icu::MessageFormat>(isolated_pattern, locale, error, status);
    if (U_FAILURE(status)) return std::nullopt;
    return compiled;
}

Catalog Catalog::load(const DataRoot& data, std::string_view lang) {
    // The common case, a language's own tag, reads one file; anything else
    // (a regional tag, the default, a mistake) asks the registry.
    if (!lang.empty() && lang.find_first_of("/\\.") == std::string_view::npos) {
        fs::path file = data.locales() / (std::string(lang) + ".toml");
        if (fs::exists(file)) return load_file(file, lang);
    }
    const LanguageRegistry registry = LanguageRegistry::load(data);
    const Language& language = registry.resolve(lang);
    return load_file(data.locales() / (language.tag + ".toml"), language.tag);
}

namespace {

// How a number is written in an ICU locale: its digits (those of its
// default numbering system), grouping and decimal separators and percent
// sign, without the bidirectional marks ICU puts around some of them.
std::vector<icu::UnicodeString> number_symbols(const std::string& icu_locale) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::DecimalFormatSymbols symbols(icu::Locale(icu_locale.c_str()), status);
    if (U_FAILURE(status)) return {};
    using S = icu::DecimalFormatSymbols;
    std::vector<icu::UnicodeString> out;
    for (S::ENumberFormatSymbol digit : {S::kZeroDigitSymbol, S::kOneDigitSymbol, S::kTwoDigitSymbol, S::kThreeDigitSymbol,
                                         S::kFourDigitSymbol, S::kFiveDigitSymbol, S::kSixDigitSymbol,
                                         S::kSevenDigitSymbol, S::kEightDigitSymbol, S::kNineDigitSymbol})
        out.push_back(symbols.getSymbol(digit));
    for (S::ENumberFormatSymbol mark : {S::kGroupingSeparatorSymbol, S::kDecimalSeparatorSymbol, S::kPercentSymbol}) {
        icu::UnicodeString symbol = symbols.getSymbol(mark);
        for (const UChar bidi_mark : {u'\u200E', u'\u200F', u'\u061C'}) symbol.findAndReplace(icu::UnicodeString(bidi_mark), "");
        out.push_back(symbol);
    }
    return out;
}

// A number written in a message with `from`'s symbols, written with `to`'s
// (number_symbols): a variant whose numbering system differs from its base's
// reads the base's messages with its own ("١٠٠٬٠٠٠" and "٢٠٪" of ar are
// "100.000" and "20%" in ar-MA, as ICU writes numbers there). Only from a base
// whose digits are not Latin: Latin digits and separators are also part of a
// pattern's syntax (=0, offset:1) and of ordinary punctuation, so a
// Latin-digit base keeps its messages as written.
std::string with_number_symbols(const std::string& text, const std::vector<icu::UnicodeString>& from,
                                const std::vector<icu::UnicodeString>& to) {
    icu::UnicodeString unicode = icu::UnicodeString::fromUTF8(text);
    bool changed = false;
    for (std::size_t i = 0; i < from.size() && i < to.size(); ++i)
        if (!from[i].isEmpty() && from[i] != to[i] && unicode.indexOf(from[i]) >= 0) {
            unicode.findAndReplace(from[i], to[i]);
            changed = true;
        }
    if (!changed) return text;
    std::string out;
    unicode.toUTF8String(out);
    return out;
}

using FlatMessages = std::map<std::string, std::pair<std::string, SourceLocation>, std::less<>>;

// A locale file's [meta] and messages; a regional variant's (meta.extends)
// on top of its base's, whose files come first in `files`.
struct CatalogSource {
    std::optional<Language> language;
    FlatMessages messages;
    std::vector<fs::path> files;
};

CatalogSource read_catalog_source(const fs::path& file, const std::string& lang, DiagnosticSink& sink, bool base_of_variant) {
    CatalogSource source;
    FlatMessages own;
    if (const auto document = TomlDocument::read(file, sink)) {
        TableReader root = document->root(sink);
        source.language = read_language_meta(root, lang);
        flatten(root, "", own);
    }
    if (source.language && !source.language->extends.empty()) {
        const std::string& base_tag = source.language->extends;
        const fs::path base_file = file.parent_path() / (base_tag + ".toml");
        if (base_of_variant) {
            sink.error(source.language->where, "meta.extends: '" + source.language->tag +
                                                   "' is itself a regional variant; a variant extends a language "
                                                   "with messages of its own");
            return source;
        }
        if (!fs::exists(base_file)) {
            sink.error(source.language->where, "meta.extends: no language '" + base_tag + "' (expected " +
                                                   base_file.string() + ")");
            return source;
        }
        CatalogSource base = read_catalog_source(base_file, base_tag, sink, true);
        if (base.language) {
            source.language = inherited(*base.language, std::move(*source.language));
            const auto from = number_symbols(base.language->icu_locale);
            const auto to = number_symbols(source.language->icu_locale);
            const bool latin_base = !from.empty() && from.front() == icu::UnicodeString(u"0");
            if (from.size() == to.size() && from != to && !latin_base)
                for (auto& [key, message] : base.messages)
                    message.first = with_number_symbols(message.first, from, to);
        }
        source.messages = std::move(base.messages);
        source.files = std::move(base.files);
    }
    for (auto& [key, message] : own) source.messages[key] = std::move(message);
    source.files.push_back(file);
    return source;
}

}  // namespace

Catalog Catalog::load_file(const fs::path& file, std::string_view lang) {
    Catalog catalog;
    catalog.lang_ = std::string(lang);
    catalog.file_ = file;
    DiagnosticSink sink;
    CatalogSource source = read_catalog_source(file, std::string(lang), sink, false);
    if (source.language) catalog.language_ = std::move(*source.language);
    catalog.files_ = std::move(source.files);
    for (auto& [key, value] : source.messages) catalog.entries_.emplace(key, Entry{std::move(value.first), value.second});

    catalog.formatters_ = std::make_unique<Formatters>(catalog.language_.icu_locale);

    // Every pattern must compile, so a translator's typo is found by `check`,
    // not halfway through a batch; the compiled patterns are kept for format().
    for (const auto& [key, entry] : catalog.entries_) {
        UErrorCode status = U_ZERO_ERROR;
        UParseError parse_error{};
        auto pattern = compile_message(entry.text, catalog.formatters_->locale, parse_error, status);
        if (U_FAILURE(status)) {
            // At the character where ICU stopped, past escapes (support/toml_text.h).
            const icu::UnicodeString pattern_text = icu::UnicodeString::fromUTF8(entry.text);
            const auto text = TomlStringText::locate(read_file(file), entry.where);
            sink.error(text ? text->at(pattern_text.countChar32(0, parse_error.offset)) : entry.where,
                       "key '" + key + "': invalid ICU message pattern (" + u_errorName(status) + ")",
                       {{NoteKind::help, "braces must pair, and a literal { or ' is written '{' or ''", {}}});
        } else {
            catalog.formatters_->messages.emplace(key, std::move(*pattern));
        }
    }
    sink.throw_if_errors();
    return catalog;
}

bool Catalog::has(std::string_view key) const {
    if (recorder_) recorder_->emplace(key);
    return entries_.find(key) != entries_.end();
}

const std::string& Catalog::text(std::string_view key) const {
    if (recorder_) recorder_->emplace(key);
    auto it = entries_.find(key);
    if (it == entries_.end())
        throw DiagnosticError(Diagnostic{Severity::error, {file_.string()},
                                         "missing key '" + std::string(key) + "' in locale '" + lang_ + "'"});
    return it->second.text;
}

SourceLocation Catalog::location(std::string_view key) const {
    auto it = entries_.find(key);
    return it == entries_.end() ? SourceLocation{file_.string()} : it->second.where;
}

std::vector<std::string> Catalog::keys() const {
    std::vector<std::string> out;
    out.reserve(entries_.size());
    for (const auto& [key, entry] : entries_) out.push_back(key);
    return out;
}

namespace {

std::string format_with(const CompiledMessage& pattern, std::string_view pattern_text, const MessageArgs& args) {
    UErrorCode status = U_ZERO_ERROR;
    std::vector<icu::UnicodeString> names;
    std::vector<icu::Formattable> values;
    names.reserve(args.size());
    values.reserve(args.size());
    for (const auto& [name, value] : args) {
        names.push_back(icu::UnicodeString::fromUTF8(name));
        if (const auto* s = std::get_if<std::string>(&value)) {
            const bool isolate = !pattern.selectors.count(name) && has_strong_direction(*s);
            values.emplace_back(icu::UnicodeString::fromUTF8(isolate ? isolated(*s) : *s));
        } else if (const auto* i = std::get_if<std::int64_t>(&value)) {
            values.emplace_back(static_cast<int64_t>(*i));
        } else if (const auto* d = std::get_if<double>(&value)) {
            values.emplace_back(*d);
        } else {
            values.emplace_back(to_udate(std::get<Date>(value), status), icu::Formattable::kIsDate);
        }
    }
    icu::UnicodeString result;
    pattern.format->format(names.data(), values.data(), static_cast<int32_t>(values.size()), result, status);
    if (U_FAILURE(status))
        throw DiagnosticError(Diagnostic{Severity::error, {},
                                         "cannot format message \"" + std::string(pattern_text) + "\" (" +
                                             u_errorName(status) + ")"});
    return to_utf8(result);
}

}  // namespace

std::string format_message(const CompiledMessage& pattern, std::string_view pattern_text, const MessageArgs& args) {
    return format_with(pattern, pattern_text, args);
}

std::string primary_language(std::string_view tag) {
    std::string primary(tag.substr(0, tag.find_first_of("-_")));
    std::transform(primary.begin(), primary.end(), primary.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return primary;
}

std::string format_message(std::string_view pattern_text, std::string_view icu_locale, const MessageArgs& args) {
    UErrorCode status = U_ZERO_ERROR;
    UParseError error{};
    const auto pattern = compile_message(pattern_text, icu::Locale(std::string(icu_locale).c_str()), error, status);
    if (!pattern)
        throw DiagnosticError(Diagnostic{Severity::error, {},
                                         "cannot format message \"" + std::string(pattern_text) + "\" (" +
                                             u_errorName(status) + ")"});
    return format_with(*pattern, pattern_text, args);
}

std::string Catalog::format(std::string_view key, const MessageArgs& args) const {
    const std::string& pattern_text = text(key);
    try {
        auto it = formatters_->messages.find(key);
        if (it == formatters_->messages.end()) {
            UErrorCode status = U_ZERO_ERROR;
            UParseError error{};
            auto compiled = compile_message(pattern_text, formatters_->locale, error, status);
            if (!compiled)
                throw DiagnosticError(Diagnostic{Severity::error, {},
                                                 std::string("invalid ICU message pattern (") + u_errorName(status) + ")"});
            it = formatters_->messages.emplace(std::string(key), std::move(*compiled)).first;
        }
        return format_with(it->second, pattern_text, args);
    } catch (const DiagnosticError& e) {
        throw DiagnosticError(Diagnostic{Severity::error, location(key),
                                         "key '" + std::string(key) + "': " + e.diagnostics().front().message});
    }
}

std::string Catalog::number(double value, int fraction_digits) const {
    return formatters_->numbers.number(value, fraction_digits);
}

std::string Catalog::integer(std::int64_t value) const { return formatters_->numbers.integer(value); }

std::string Catalog::percent(double value, int fraction_digits) const {
    return formatters_->numbers.percent(value, fraction_digits);
}

std::string Catalog::number(const Figure& figure) const { return formatters_->numbers.number(figure.text(), 1); }

std::string Catalog::percent(const Figure& figure) const { return formatters_->numbers.percent(figure.text(), 1); }

std::string Catalog::date(const Date& date) const {
    UErrorCode status = U_ZERO_ERROR;
    if (!formatters_->long_dates) {
        formatters_->long_dates.reset(icu::DateFormat::createDateInstance(icu::DateFormat::kLong, formatters_->locale));
        formatters_->long_dates->setTimeZone(*icu::TimeZone::getGMT());
    }
    icu::UnicodeString result;
    formatters_->long_dates->format(to_udate(date, status), result);
    return to_utf8(result);
}

std::string ungrouped_number(std::int64_t number, std::string_view icu_locale) {
    return format_message("{n, number, ::group-off}", icu_locale, {{"n", number}});
}

std::string Catalog::list(const std::vector<std::string>& items) const {
    UErrorCode status = U_ZERO_ERROR;
    if (!formatters_->lists_tried) {
        formatters_->lists_tried = true;
        formatters_->lists.reset(icu::ListFormatter::createInstance(formatters_->locale, status));
        if (U_FAILURE(status)) formatters_->lists.reset();
        status = U_ZERO_ERROR;
    }
    const icu::ListFormatter* formatter = formatters_->lists.get();
    if (!formatter) {
        std::string joined;
        for (const auto& item : items) joined += (joined.empty() ? "" : ", ") + item;
        return joined;
    }
    std::vector<icu::UnicodeString> parts;
    parts.reserve(items.size());
    for (const auto& item : items) parts.push_back(icu::UnicodeString::fromUTF8(item));
    icu::UnicodeString result;
    formatter->format(parts.data(), static_cast<int32_t>(parts.size()), result, status);
    return to_utf8(result);
}

namespace {

// "The city’s website" -> "the city’s website"; "EU funds", "ICC" and a
// one-letter word ("A dedicated officer" keeps nothing to compare) as
// written when the rest of the first word is not lower case.
std::string lowercase_initial(const std::string& label, const icu::Locale& locale) {
    const icu::UnicodeString text = icu::UnicodeString::fromUTF8(label);
    if (text.isEmpty() || !u_isupper(text.char32At(0))) return label;
    const int32_t second = text.moveIndex32(0, 1);
    int32_t end = second;
    while (end < text.length() && u_isalpha(text.char32At(end))) end = text.moveIndex32(end, 1);
    for (int32_t i = second; i < end; i = text.moveIndex32(i, 1))
        if (!u_islower(text.char32At(i))) return label;  // an acronym or a name in capitals
    icu::UnicodeString initial(text, 0, second);
    initial.toLower(locale);
    icu::UnicodeString result = initial;
    result.append(text, second, text.length() - second);
    return to_utf8(result);
}

}  // namespace

std::string Catalog::list_of_labels(const std::vector<std::string>& labels) const {
    if (!language_.lowercase_list_items) return list(labels);
    std::vector<std::string> items;
    items.reserve(labels.size());
    for (std::size_t i = 0; i < labels.size(); ++i)
        items.push_back(i == 0 ? labels[i] : lowercase_initial(labels[i], formatters_->locale));
    return list(items);
}

std::string Catalog::country(std::string_view iso_code) const {
    icu::Locale region("", std::string(iso_code).c_str());
    icu::UnicodeString name;
    region.getDisplayCountry(formatters_->locale, name);
    return name.isEmpty() ? std::string(iso_code) : to_utf8(name);
}

}  // namespace icc
