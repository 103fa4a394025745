#pragma once
// One city's answers to one edition of the ICC Index questionnaire, as read
// from its TOML file (format: docs/response-format.md). load_edition(path)
// checks syntax and types only; load_edition(path, questionnaire) also checks
// every answer against the questionnaire and reports every problem at once.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "load/free_text.h"
#include "support/diagnostic.h"
#include "support/locale.h"

namespace icc {

class Questionnaire;

// An answer as written: "yes", 3, 42.5, true or ["a", "b"].
using AnswerValue = std::variant<std::string, std::int64_t, double, bool, std::vector<std::string>>;

struct Answer {
    std::string question;   // question id, e.g. "commitment.statement" or "city.population"
    AnswerValue value;
    std::string comment;    // optional explanation or example, quoted by reports
    SourceLocation where;   // where the answer is written, for diagnostics
    std::string language;   // the comment's language when it is not the edition's (BCP 47); usually empty
    // Translations of the comment and of a free-text answer's own text, from
    // the edition's translation files (NAME.LANG.toml beside it; load/free_text.h).
    Translations comment_translations;
    Translations answer_translations;
};

struct City {
    std::string id;          // stable identifier, e.g. "valmora"
    std::string name;        // as the city writes it
    std::string country;     // ISO 3166-1 alpha-2 code, e.g. "PT"
    std::int64_t population = 0;
    double foreign_born_percent = 0;  // share of foreign-born residents, 0-100
    // The languages the city speaks and reads its reports in, as locale tags
    // ("it"; ["ar", "fr"]), in the order given; empty when the edition does not say.
    // `build` makes the city's reports in these as well as its default languages.
    std::vector<std::string> languages;
};

struct Edition {
    City city;
    Date date;                       // the edition's date; also the document date
    std::string questionnaire;       // questionnaire version, e.g. "2019"
    std::vector<Answer> facts;       // the [city] table's facts ("city.population", ...), sorted by id
    std::vector<Answer> answers;     // sorted by question id
    std::string source_file;
    SourceLocation city_where;           // the [city] table
    SourceLocation date_where;           // edition.date
    SourceLocation questionnaire_where;  // edition.questionnaire
    std::vector<SourceLocation> languages_where;  // city.languages, one per language
    // The language the comments and free-text answers are written in (BCP 47,
    // `edition.language`); empty when the edition does not say.
    std::string language;
    // The date the edition's report was issued (`edition.issued`), if it has
    // been: the report then compares the city with the sample as it stood on
    // that date (every city's latest edition dated on or before it), so that
    // re-issuing it (a translation fix) reproduces the published figures.
    // Not set: the report follows the live network.
    std::optional<Date> issued;
    SourceLocation issued_where;
    // Where each area's answers are grouped ([answers.<area>], or the first
    // "<area>.<name>" key): where an unanswered question's answer belongs.
    std::vector<std::pair<std::string, SourceLocation>> area_where;

    // Where the answer to `question` belongs when it is not given: its area's
    // table ([city] for facts), else the file itself.
    [[nodiscard]] SourceLocation place_of(const std::string& question) const;

    // The answer to a question or fact, or nullptr when the edition does not give it.
    [[nodiscard]] const Answer* find(std::string_view question) const;
};

// Text of an answer for display: "yes", "42.5", "a, b".
std::string answer_text(const AnswerValue& value);

// Reads an edition file. Throws DiagnosticError listing every problem found.
Edition load_edition(const std::filesystem::path& path);

// Reads an edition file and checks it against the questionnaire: unknown
// questions, wrong answer types, options not in the list, numbers out of
// range, missing required facts, unknown questionnaire versions. Throws one
// DiagnosticError with every problem of the file, in line order.
Edition load_edition(const std::filesystem::path& path, const Questionnaire& questionnaire);

// Reads and checks an edition like load_edition, but records every problem
// (syntax errors included) in `sink` instead of throwing, for loaders that
// report many files at once. The result is meaningful only without errors.
Edition read_edition(const std::filesystem::path& path, const Questionnaire& questionnaire, DiagnosticSink& sink);

// The shape of a language tag (BCP 47: "it", "pt-BR", "sr-Latn"): letters, digits and '-',
// starting with a letter. Which languages have a locale is the questionnaire's business.
bool looks_like_language_tag(const std::string& tag);

// Checks a loaded edition against the questionnaire, recording each problem in `sink`.
void validate_edition(const Edition& edition, const Questionnaire& questionnaire, DiagnosticSink& sink);

// The path by which translation files name an answer's free texts:
// "answers.commitment.statement" ("city.population" for a fact), to which
// ".comment" or ".answer" is added.
std::string free_text_path(const Answer& answer);

// One warning per stale translation of the edition's free texts (file, line,
// key, language): what `check` and `build` report.
std::vector<Diagnostic> stale_translations(const Edition& edition);

}  // namespace icc
