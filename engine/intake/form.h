#pragma once
// The questionnaire as a city fills it in: every question of the current
// questionnaire version, grouped in sheets (the city's facts, then one sheet
// per area that has questions), with its wording, how to answer it and the
// allowed options in one language, and optionally the answers of an earlier
// edition. A plain value: the XLSX writer, the TOML skeleton and the importer
// all read the same form, so the wording a city sees and the labels the
// importer maps back cannot disagree.
#include <optional>
#include <string>
#include <vector>

#include "load/edition.h"
#include "load/questionnaire.h"
#include "support/locale.h"

namespace icc::intake {

// The layout of a filled questionnaire that import accepts; raised when the
// sheets or their columns change, so an old file is refused rather than misread.
inline constexpr int form_layout_version = 3;
// Layout 1 had no column for the comment's language, and layouts 1 and 2 no
// row for the city's languages; their files read the same otherwise.
inline constexpr int oldest_form_layout_version = 1;
// The first layout whose facts sheet has the row of the city's languages.
inline constexpr int languages_row_layout_version = 3;

// Name of the hidden sheet that records what the form is (version, language,
// sheets) and holds the drop-down lists.
inline constexpr const char* form_sheet_name = "_form";

struct FormOption {
    std::string id;     // option id, "yes" or "cross_department"; also "unknown", "not_applicable"
    std::string label;  // in the form's language
};

// One line of the form: a question, or one of the city's identifying keys
// (city.id, city.name, city.country, city.languages, edition.date), which are no questions.
struct FormRow {
    std::string id;        // "commitment.strategy", "city.population", "city.id", "city.languages", "edition.date"
    std::string wording;   // the question in the form's language
    std::string help;      // how to answer it: options, range, unit
    const Question* question = nullptr;  // null for the identifying keys
    std::vector<FormOption> options;     // choices and yes/partly/no, with unknown (and not_applicable)
    bool required = false;
    // Pre-filled from an earlier edition: the answer as the form shows it and its comment.
    std::string answer;    // label, list of labels joined by "; ", or number/text
    std::optional<double> answer_number;  // numbers are written as numbers
    std::string comment;
    std::string comment_language;  // the comment's language when it is not the form's (BCP 47), else empty
};

struct FormSheet {
    std::string area;   // area id; "city" for the facts sheet
    std::string name;   // the sheet's name in the form's language (unique, at most 31 characters)
    std::string title;  // the area's full name
    std::vector<FormRow> rows;
};

struct QuestionnaireForm {
    std::string lang;
    std::string questionnaire_version;  // the questionnaire's current version, "2019"
    std::string prefilled_from;         // "valmora 2026-03-15", empty for a blank form
    // The language the prefilling edition's free texts are written in (its
    // `edition.language`), when it says: import gives it back, so a round
    // trip through a form in any language keeps each text's language.
    std::string edition_language;
    std::string title;
    std::vector<std::string> instructions;  // paragraphs of the instructions sheet
    std::string instructions_sheet;         // its name
    // Column headings: id, question, how to answer, answer, comment, the comment's language.
    std::vector<std::string> columns;
    std::vector<FormSheet> sheets;  // facts first, then the areas in report order
    std::string none_label;  // the answer "none of these" to a multiple-choice question
};

// The form in the catalog's language, pre-filled with `previous` when given
// (its answers shown as the form shows them; the edition date kept, to be
// changed by the city).
QuestionnaireForm compose_form(const Questionnaire& questionnaire, const Catalog& catalog,
                               const Edition* previous = nullptr);

// The identifying keys of the facts sheet that every edition gives, before the facts.
inline const std::vector<std::string>& identity_keys() {
    static const std::vector<std::string> keys{"city.id", "city.name", "city.country", "edition.date"};
    return keys;
}

// The row of the languages the city reads its reports in (the edition's
// `city.languages`), after city.country: an identifying key an edition may leave out.
inline constexpr const char* city_languages_key = "city.languages";

// "ar, fr": the city's languages as the form's cell shows them.
std::string languages_cell(const std::vector<std::string>& languages);

}  // namespace icc::intake
