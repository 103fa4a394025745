#pragma once
// The ICC Index questionnaire as data (templates/index/questionnaire.toml):
// its areas (twelve indicators, the six fields of the intercultural lens),
// its questions with their answer types, options, bands and weights, and the
// questionnaire versions editions may answer. Scoring rules: docs/scoring.md.
#include <filesystem>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "support/data_root.h"
#include "support/diagnostic.h"

namespace icc {

enum class AreaKind { indicator, field };

struct Area {
    std::string id;           // e.g. "commitment", "education"
    AreaKind kind = AreaKind::indicator;
    std::string parent;       // fields: the indicator they make up ("lens"); empty for indicators
    double weight = 1;        // indicators: weight in the indices; fields: weight in their indicator
    bool core = true;         // part of the core index (fields take their indicator's flag)

    // Locale keys: full name, chart label, three- or four-letter abbreviation.
    [[nodiscard]] std::string name_key() const { return "index.areas." + id + ".name"; }
    [[nodiscard]] std::string short_key() const { return "index.areas." + id + ".short"; }
    [[nodiscard]] std::string abbr_key() const { return "index.areas." + id + ".abbr"; }
};

enum class QuestionKind { fact, input, impact };
enum class AnswerType { yes_partly_no, single_choice, multiple_choice, integer, percentage, text };

std::string_view to_string(QuestionKind kind);
std::string_view to_string(AnswerType type);
std::ostream& operator<<(std::ostream& out, QuestionKind kind);
std::ostream& operator<<(std::ostream& out, AnswerType type);

struct Option {
    std::string id;      // e.g. "yes", "cross_department"
    double points = 0;   // before the question's weight
};

// Integers and percentages earn the points of the last band whose `from` the answer reaches.
struct Band {
    double from = 0;
    double points = 0;
};

// Reserved answers, accepted for every question (not_applicable only where allowed).
inline constexpr std::string_view unknown_answer = "unknown";
inline constexpr std::string_view not_applicable_answer = "not_applicable";

struct Question {
    std::string id;           // "<area>.<name>"; facts about the city are "city.<name>"
    std::string area;         // area id; empty for facts about the city
    QuestionKind kind = QuestionKind::input;
    AnswerType type = AnswerType::yes_partly_no;
    std::vector<Option> options;        // yes_partly_no: the shared scale
    std::optional<double> cap;          // multiple choice: most points before weight
    std::vector<Band> bands;            // integer, percentage: ascending `from`
    std::optional<double> minimum;      // integer: allowed range (inclusive)
    std::optional<double> maximum;
    double weight = 1;
    bool core = true;                   // false for questions of extended-only areas
    bool required = false;              // facts an edition must give
    bool allows_not_applicable = false;

    // Whether the question earns points: inputs and impacts with options or bands.
    [[nodiscard]] bool scored() const;
    // Points of the best answer, before weight (0 for unscored questions).
    [[nodiscard]] double max_points() const;
    // For facts about the city, the key in the edition's [city] table ("population").
    [[nodiscard]] std::string city_key() const;
    [[nodiscard]] const Option* find_option(std::string_view option) const;

    [[nodiscard]] std::string text_key() const { return "index.questions." + id + ".text"; }
    // yes / partly / no and the reserved answers share index.answers.<option>.
    [[nodiscard]] std::string option_key(std::string_view option) const;
};

struct QuestionnaireVersion {
    std::string id;         // e.g. "2019"
    bool extended = false;  // whether it asks the questions of the extended-only areas
};

class Questionnaire {
public:
    // Reads and checks a questionnaire file; throws DiagnosticError listing every problem.
    static Questionnaire load(const std::filesystem::path& file);
    // templates/index/questionnaire.toml of the data root, worded in the
    // root's locales.
    static Questionnaire bundled(const DataRoot& data);

    // The languages the questionnaire is worded in, which are those a report
    // can be made in: the tags of the data root's locales/*.toml, sorted. A
    // city's `languages` must be among them. Empty for a questionnaire read
    // from a file on its own (load): city languages are then checked for form only.
    [[nodiscard]] const std::vector<std::string>& languages() const { return languages_; }

    [[nodiscard]] const std::string& current_version() const { return current_version_; }
    [[nodiscard]] const std::vector<QuestionnaireVersion>& versions() const { return versions_; }
    [[nodiscard]] const QuestionnaireVersion* find_version(std::string_view id) const;

    // Indicators in report order, then the lens fields in theirs.
    [[nodiscard]] const std::vector<Area>& areas() const { return areas_; }
    [[nodiscard]] std::vector<const Area*> indicators() const;
    [[nodiscard]] std::vector<const Area*> fields_of(std::string_view indicator) const;
    [[nodiscard]] const Area* find_area(std::string_view id) const;
    // Throws std::out_of_range for an unknown id (a programming error, not bad input).
    [[nodiscard]] const Area& area(std::string_view id) const;

    // In file order: the city's facts, then the areas' questions.
    [[nodiscard]] const std::vector<Question>& questions() const { return questions_; }
    [[nodiscard]] const Question* find_question(std::string_view id) const;
    [[nodiscard]] std::vector<const Question*> questions_of(std::string_view area) const;
    // The known question id closest to a misspelt one, for "did you mean".
    [[nodiscard]] std::string closest_question(std::string_view id) const;

    // For tests and what-if studies: the same questionnaire with other weights.
    void set_area_weight(std::string_view area, double weight);
    void set_question_weight(std::string_view question, double weight);

private:
    std::string current_version_;
    std::vector<QuestionnaireVersion> versions_;
    std::vector<Area> areas_;
    std::vector<Question> questions_;
    std::vector<std::string> languages_;
};

}  // namespace icc
