#pragma once
// The languages the engine speaks, as data: each locales/<tag>.toml opens
// with a [meta] table that says what its language is (names, script,
// direction, ICU locale, hyphenation patterns, the language it falls back
// to, whether it is an official language of the Council of Europe, and
// whether a native speaker has reviewed it). The registry is every locale
// file's [meta]; no code names a language. The source language, in which
// messages are written and every other locale is checked against, is the
// one language without a fallback; the official languages are those `build`
// makes by default. See docs/localization.md.
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "support/data_root.h"
#include "support/diagnostic.h"

namespace icc {

class TableReader;

enum class ReviewStatus { draft, reviewed };

std::string_view review_status_name(ReviewStatus status);

struct Language {
    std::string tag;           // BCP 47 tag, the locale file's name: "fr", "de"
    std::string name;          // its own name: "Français"
    std::string english_name;  // "French"
    std::string script;        // ISO 15924: "Latn", "Arab", "Jpan"
    bool right_to_left = false;
    std::string icu_locale;    // "fr_FR": numbers, dates, lists, plural rules
    std::string hyphenation;   // libhyphen patterns (hyph_<name>.dic), "" when none exist
    std::string fallback;      // the language a reader falls back to; "" for the source language
    bool official = false;     // an official language of the Council of Europe: built by default
    ReviewStatus review = ReviewStatus::draft;
    // Keys whose message is rightly the same as the source language's
    // ("Introduction" in French): `check` does not count them as untranslated.
    // Each with where the list names it.
    std::map<std::string, SourceLocation, std::less<>> same_as_source;
    // Typography: characters that take a no-break space before them (French
    // ";:!?»") or after them ("«"); `translate import` refuses an ordinary
    // space there.
    std::string no_break_space_before;
    std::string no_break_space_after;
    // meta.list_items: how labels written to stand alone ("The city’s
    // website", a questionnaire's options, peer groups) read when joined into
    // a list mid-sentence. "lowercase": each after the first begins in lower
    // case ("Speeches of the mayor and the city’s website"), a word in
    // capitals kept ("EU funds"); "as-written" (German, whose nouns keep their
    // capital; scripts without case).
    bool lowercase_list_items = false;
    // A regional variant ("ar-MA" of "ar", "fr-CA" of "fr"): the language
    // whose messages it takes (its own file holds only the messages that
    // differ) and whose [meta] entries it keeps where its own [meta] gives
    // none; "" for a language with messages of its own. See inherited().
    std::string extends;
    std::set<std::string, std::less<>> given;  // the [meta] keys the file itself gives
    SourceLocation where;      // the [meta] table
};

// `variant` (a language whose meta.extends names `base`) completed with
// `base`'s [meta] entries where its own [meta] gives none; a variant falls
// back to its base unless it says otherwise.
Language inherited(const Language& base, Language variant);

// Reads the [meta] table of a locale file whose root is `root`; problems go
// to the root's sink. nullopt when the table is absent or unusable.
std::optional<Language> read_language_meta(TableReader& root, std::string tag);

class LanguageRegistry {
public:
    // Reads the [meta] of every locales/*.toml. Throws DiagnosticError with
    // every problem: a bad [meta], a fallback to no language, a fallback
    // cycle, not exactly one source language.
    static LanguageRegistry load(const DataRoot& data);
    // The same from languages already read (tests, `check`).
    static LanguageRegistry from(std::vector<Language> languages);

    // Sorted by tag.
    [[nodiscard]] const std::vector<Language>& languages() const { return languages_; }
    [[nodiscard]] const Language* find(std::string_view tag) const;
    // The language for a tag a user gives: exact ("fr"), case and separator
    // insensitive ("FR", "pt_PT"), or the language of a regional or script
    // variant ("fr-CA" -> fr, "de-CH" -> de, "zh-Hant-TW" -> zh); an empty tag
    // is the source language. An unknown tag throws DiagnosticError naming
    // `option` and listing the languages there are.
    [[nodiscard]] const Language& resolve(std::string_view requested, std::string_view option = "--lang") const;
    // The language every message is written in first (the one without a fallback).
    [[nodiscard]] const Language& source() const;
    // Official languages, by tag: what `build` makes by default.
    [[nodiscard]] std::vector<std::string> official_tags() const;
    [[nodiscard]] std::vector<std::string> tags() const;
    // The tag, then its fallback, then that one's...: fr -> {fr, en}.
    [[nodiscard]] std::vector<std::string> fallback_chain(std::string_view tag) const;
    // "ar (العربية, Arabic), de (Deutsch, German), ..." for messages.
    [[nodiscard]] std::string describe() const;

private:
    std::vector<Language> languages_;
    std::size_t source_ = 0;
};

}  // namespace icc
