#pragma once
// One city's answers to one edition of the ICC Index questionnaire, as read
// from its TOML file. The load stage checks syntax and types only; what the
// answers mean is the score stage's business.
#include <cstdint>
#include <filesystem>
#include <string>
#include <variant>
#include <vector>

#include "support/diagnostic.h"
#include "support/locale.h"

namespace icc {

// An answer as written: "yes", 3, 42.5, true or ["a", "b"].
using AnswerValue = std::variant<std::string, std::int64_t, double, bool, std::vector<std::string>>;

struct Answer {
    std::string question;   // question id, e.g. "commitment.statement"
    AnswerValue value;
    std::string comment;    // optional explanation or example, quoted by reports
    SourceLocation where;   // where the answer is written, for diagnostics
};

struct City {
    std::string id;          // stable identifier, e.g. "valmora"
    std::string name;        // as the city writes it
    std::string country;     // ISO 3166-1 alpha-2 code, e.g. "PT"
    std::int64_t population = 0;
    double foreign_born_percent = 0;  // share of foreign-born residents, 0-100
};

struct Edition {
    City city;
    Date date;                       // the edition's date; also the document date
    std::string questionnaire;       // questionnaire version, e.g. "2019"
    std::vector<Answer> answers;     // sorted by question id
    std::string source_file;
};

// Text of an answer for display: "yes", "42.5", "a, b".
std::string answer_text(const AnswerValue& value);

// Reads an edition file. Throws DiagnosticError listing every problem found.
Edition load_edition(const std::filesystem::path& path);

}  // namespace icc
