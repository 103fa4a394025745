#pragma once
// An expert's edits to a city's recommendations: samples/network/<city>/overrides.toml,
// next to the city's edition files (the network loader skips it). Each entry
// adds a recommendation to an area, or replaces or removes the one the rules
// give for a question or an area. Format: docs/selection.md, section 4.
#include <filesystem>
#include <iosfwd>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "load/questionnaire.h"
#include "support/diagnostic.h"
#include "support/locale.h"

namespace icc {

enum class OverrideAction { add, replace, remove };
std::string_view to_string(OverrideAction action);  // "add", "replace", "remove"
std::ostream& operator<<(std::ostream& out, OverrideAction action);

struct RecommendationOverride {
    OverrideAction action = OverrideAction::add;
    std::string area;      // always set: the area the entry acts on (for a question, the question's area)
    std::string question;  // replace / remove of a question-level recommendation; empty otherwise
    std::map<std::string, std::string> text;  // add / replace: the text by language (plain text)
    SourceLocation where;  // the [[add]] / [[replace]] / [[remove]] table

    // "question commitment.strategy" or "area welcome", for messages.
    [[nodiscard]] std::string target() const;
};

// Of an expert's texts by language, the one a reader of `lang` reads: the one
// in that tag, else the one in its primary language (a regional variant,
// ar-MA, reads the expert's ar text). nullptr when there is neither.
const std::string* text_for_reader(const std::map<std::string, std::string>& texts, std::string_view lang);

struct Overrides {
    std::string source_file;            // empty when the city has no overrides file
    std::optional<Date> edition;        // the edition they were written for; none: any edition
    SourceLocation edition_where;
    std::vector<RecommendationOverride> entries;  // in file order

    [[nodiscard]] bool empty() const { return entries.empty(); }
};

// Reads an overrides file; a file that does not exist means no overrides.
// Checks unknown keys, areas and questions (with their positions), that
// replace / remove name exactly one of `question` or `area`, that no target is
// replaced or removed twice, and that every add / replace has a text in each
// of `languages`. Throws DiagnosticError with every problem, FILE:LINE:COL.
Overrides load_overrides(const std::filesystem::path& path, const Questionnaire& questionnaire,
                         const std::vector<std::string>& languages = {});

// Where a city's overrides live: overrides.toml in the folder of its edition file.
std::filesystem::path overrides_path_for(const std::filesystem::path& edition_file);

}  // namespace icc
