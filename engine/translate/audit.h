#pragma once
// How far a locale is translated, message by message, against the source
// language's locale (docs/translating.md): what `check` reports per
// language and what `translate import` refuses.
//
// - a message identical to the source's, unless it has no words (" · ",
//   "{earned} / {possible}") or its key is in the locale's
//   meta.same_as_source ("Introduction" is French too);
// - a placeholder the source lacks ({ville} for {city}) or a placeholder of
//   the source the translation lacks, at the placeholder's line and column;
// - ICU syntax errors; plural and selectordinal arguments without every
//   category the language needs (CLDR through ICU);
// - a locale whose messages are mostly the source's is "untranslated" (a
//   copied en.toml), whatever else it has.
#include <string>
#include <string_view>
#include <vector>

#include "support/diagnostic.h"
#include "support/locale.h"

namespace icc::translate {

// The problems of one translated message against its source, as diagnostics
// located in `file_text` (the translation's file) at `where` (the value's
// range). `key` names the message in every diagnostic.
std::vector<Diagnostic> audit_message(std::string_view key, std::string_view source, std::string_view translation,
                                      const Language& language, std::string_view file_text,
                                      const SourceLocation& where, bool with_typography = false);

// Whether `translation` is the source's own text where a translator should
// have written the language's: same text, words in it, key not allowed.
bool untranslated_copy(std::string_view key, std::string_view source, std::string_view translation,
                       const Language& language);

struct LocaleAudit {
    std::vector<Diagnostic> problems;    // errors and warnings, each at its file:line:col
    std::vector<std::string> identical;  // keys whose message is the source's (not allowed ones)
    std::size_t with_words = 0;          // messages of the source that have words to translate
    // Mostly the source's text: a copy of the source locale, not a translation.
    [[nodiscard]] bool untranslated() const { return with_words > 0 && identical.size() * 2 > with_words; }
    [[nodiscard]] std::size_t errors() const;
};

// Straight apostrophes and quotation marks in the messages of any locale, the
// source language's included: typeset text has ’ and the language's quotes
// (support/message_shape.h, check_quotes). Keys under `intake.skeleton.` are
// left alone: they become comments of an edition file, where "unknown" is
// TOML a user types.
std::vector<Diagnostic> audit_quotes(const Catalog& catalog);

// Compares every message `translation` shares with `source`. Keys one has
// and the other lacks are `check`'s business (missing and unused keys).
LocaleAudit audit_locale(const Catalog& source, const Catalog& translation);

}  // namespace icc::translate
