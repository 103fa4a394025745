#pragma once
// The rules that tie a city's answers and area scores to recommendation texts
// (templates/recommendations.toml; format and rationale: docs/selection.md).
//
// A scored question that did not earn its best points falls into one of four
// outcomes; the rules name, per answer type (and, where needed, per question),
// the text variant each outcome calls for. The text itself lives in the
// locales, at recommendations.questions.<question-id>.<variant>. An area that
// needs attention may also get the general text recommendations.areas.<area>.
#include <filesystem>
#include <iosfwd>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "load/questionnaire.h"
#include "support/diagnostic.h"

namespace icc {

class Catalog;

// What a scored question's answer says, when it is short of the best points.
// Full points, not_applicable and questions the edition's version does not ask
// never call for a recommendation.
enum class AnswerOutcome {
    unanswered,   // the edition does not answer the question
    unknown,      // answered "unknown"
    no_points,    // answered, 0 points ("no" for yes_partly_no)
    some_points,  // answered, some points but not the best ("partly" for yes_partly_no)
};

std::string_view to_string(AnswerOutcome outcome);  // "unanswered", "unknown", "no_points", "some_points"
std::ostream& operator<<(std::ostream& out, AnswerOutcome outcome);

// When an area that needs attention gets its general recommendation.
enum class AreaRuleMode {
    never,
    fallback,  // only when its answers called for no question-level recommendation
    always,    // in addition to the question-level ones, before them
};

std::string_view to_string(AreaRuleMode mode);
std::ostream& operator<<(std::ostream& out, AreaRuleMode mode);

struct OutcomeRule {
    std::string variant;  // text variant ("missing", "partial", "improve"); empty: no recommendation
    std::string name;     // the entry, as written: answers.yes_partly_no.no_points, questions."<id>".unknown
    SourceLocation where;
};

struct RecommendationRules {
    std::string source_file;
    // Per answer type, the variant of each outcome. Types without an entry give no recommendation.
    std::map<AnswerType, std::map<AnswerOutcome, OutcomeRule>> by_type;
    // Per question, entries that take precedence over its type's (an empty variant silences an outcome).
    std::map<std::string, std::map<AnswerOutcome, OutcomeRule>> by_question;
    AreaRuleMode area_default = AreaRuleMode::fallback;
    SourceLocation area_default_where;
    std::map<std::string, std::pair<AreaRuleMode, SourceLocation>> by_area;

    // The rule a question's outcome follows, or nullptr when it calls for no recommendation.
    [[nodiscard]] const OutcomeRule* rule_for(const Question& question, AnswerOutcome outcome) const;
    [[nodiscard]] AreaRuleMode area_mode(std::string_view area) const;

    // Locale keys: recommendations.questions.<question>.<variant> and recommendations.areas.<area>.
    [[nodiscard]] static std::string question_key(std::string_view question, std::string_view variant);
    [[nodiscard]] static std::string area_key(std::string_view area);
};

// Reads and checks the rules: unknown answer types, outcomes, questions or
// areas, outcome entries for questions that are never scored, and, for every
// catalog given, each text a rule can call for that is missing from it (and
// recommendation texts in the catalog for questions the questionnaire does not
// have). Throws DiagnosticError with every problem, FILE:LINE:COL.
RecommendationRules load_recommendation_rules(const std::filesystem::path& path, const Questionnaire& questionnaire,
                                              const std::vector<const Catalog*>& catalogs = {});

// templates/recommendations.toml checked against the given catalogs.
RecommendationRules bundled_recommendation_rules(const DataRoot& data, const Questionnaire& questionnaire,
                                                 const std::vector<const Catalog*>& catalogs);

// The areas that can carry recommendations and practices: every indicator
// without fields, and every field (an indicator made of fields, the lens, is
// their composite and has none of its own), in questionnaire order.
std::vector<const Area*> selection_areas(const Questionnaire& questionnaire);

}  // namespace icc
