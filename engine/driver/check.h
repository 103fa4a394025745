#pragma once
// `iccreport check`: reads every data and locale file the engine ships and
// reports what is wrong in one run, like a compiler: data files that do not
// load, and per locale the keys it lacks and the keys nothing uses, what is
// still the English text, placeholders, plural categories and ICU syntax
// against the English source, and the locale's review status.
#include <ostream>
#include <set>
#include <string>
#include <vector>

#include "support/data_root.h"
#include "support/diagnostic.h"

namespace icc {

struct LocaleCheck {
    std::string lang;
    std::string file;
    std::vector<std::string> missing;  // keys the reports use that the locale lacks
    std::vector<std::string> unused;   // keys of the locale no report uses
    std::string review;                // meta.review: "draft" or "reviewed"
    bool source = false;               // the source language (nothing to compare with)
    // Against the source language (translate/audit.h): placeholder, syntax
    // and plural problems, messages left as the source's text.
    std::vector<Diagnostic> problems;
    std::vector<std::string> identical;
    std::vector<SourceLocation> identical_at;
    std::size_t with_words = 0;  // messages of the source with words to translate
    std::size_t stale = 0;       // translations made from an older source text (warnings)
    [[nodiscard]] bool untranslated() const { return with_words > 0 && identical.size() * 2 > with_words; }
    [[nodiscard]] bool ok() const;  // nothing missing, no error, nothing left untranslated
};

struct CheckResult {
    std::vector<Diagnostic> data_errors;   // files that do not load
    std::vector<LocaleCheck> locales;      // one per locales/*.toml, by language
    std::set<std::string> used_keys;       // every key the reports looked up
    // Every edition's unanswered questions, one diagnostic each (errors when strict).
    std::vector<Diagnostic> unanswered;
    std::size_t incomplete_editions = 0;   // edition files with any unanswered question
    // Translations of the cities' free texts whose source changed after they
    // were made (file, line, key, language), one warning each.
    std::vector<Diagnostic> stale_free_texts;
    bool strict = false;                   // unanswered questions make the check fail
    [[nodiscard]] bool ok() const;         // no data error, no missing key (and, strict, nothing unanswered)
};

// Loads everything, composes every report of the sample network in every
// language (recording the keys looked up, charts drawn included), and
// compares each locale with the keys used.
// With `progress`, one step per city of the sample (a live line on a
// terminal, else one plain line each) goes to it as the check proceeds.
struct CheckProgress {
    std::ostream* out = nullptr;
    bool terminal = false;
};
// `strict`: every unanswered question of every edition is an error.
CheckResult check_everything(const DataRoot& data, const CheckProgress& progress = {}, bool strict = false);

// Prints the result in compiler style; the summary goes last.
void print_check(std::ostream& out, const CheckResult& result);

}  // namespace icc
