#include "load/recommendation_rules.h"

#include <algorithm>
#include <ostream>
#include <set>

#include "support/locale.h"
#include "support/toml_reader.h"
#include "support/wording.h"

namespace icc {

namespace {

constexpr Choice<AnswerOutcome> outcome_choices[] = {{"unanswered", AnswerOutcome::unanswered},
                                                     {"unknown", AnswerOutcome::unknown},
                                                     {"no_points", AnswerOutcome::no_points},
                                                     {"some_points", AnswerOutcome::some_points}};
constexpr AnswerOutcome all_outcomes[] = {AnswerOutcome::unanswered, AnswerOutcome::unknown, AnswerOutcome::no_points,
                                          AnswerOutcome::some_points};
constexpr AnswerType scored_types[] = {AnswerType::yes_partly_no, AnswerType::single_choice,
                                       AnswerType::multiple_choice, AnswerType::integer, AnswerType::percentage};
constexpr Choice<AreaRuleMode> mode_choices[] = {
    {"never", AreaRuleMode::never}, {"fallback", AreaRuleMode::fallback}, {"always", AreaRuleMode::always}};

const std::string question_prefix = "recommendations.questions.";
const std::string area_prefix = "recommendations.areas.";

bool is_variant_name(const std::string& text) {
    return !text.empty() && text.front() >= 'a' && text.front() <= 'z' &&
           std::all_of(text.begin(), text.end(),
                       [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; });
}

std::vector<DiagnosticNote> did_you_mean(const std::string& closest) {
    if (closest.empty()) return {};
    return {{NoteKind::help, "did you mean '" + closest + "'?"}};
}

class RulesReader {
public:
    explicit RulesReader(const Questionnaire& questionnaire) : questionnaire_(questionnaire) {}

    RecommendationRules read(TableReader root) {
        RecommendationRules rules;
        rules.source_file = root.file();
        rules.area_default_where = root.where();
        if (std::optional<TableReader> answers = root.optional_table("answers")) read_answers(*answers, rules);
        if (std::optional<TableReader> questions = root.optional_table("questions")) read_questions(*questions, rules);
        if (std::optional<TableReader> areas = root.optional_table("areas")) read_areas(*areas, rules);
        return rules;
    }

private:
    // Reads { <outcome> = "<variant>" | false }; `silencing` allows false.
    static std::map<AnswerOutcome, OutcomeRule> read_outcomes(TableReader& table, bool silencing) {
        // Outcome names people write by mistake, and why they are not outcomes.
        for (const char* key : {"not_applicable", "not_asked"})
            table.hint_for_unknown(key, "a question left out of the score never calls for a recommendation");
        for (const char* key : {"full_points", "yes"})
            table.hint_for_unknown(key, "full points never call for a recommendation");
        for (const char* key : {"no", "partly"})
            table.hint_for_unknown(key, "outcomes are named by points: \"no\" is no_points, \"partly\" some_points");
        std::map<AnswerOutcome, OutcomeRule> outcomes;
        for (AnswerOutcome outcome : all_outcomes) {
            const TomlValue value = table[to_string(outcome)];
            if (!value) continue;
            if (silencing && value.node()->value_exact<bool>() == false) {
                outcomes[outcome] = OutcomeRule{"", value.name(), value.where()};
                continue;
            }
            const auto variant = value.required<std::string>(
                {.what = silencing ? "a text variant name such as \"missing\" (lower-case letters, digits and '_') "
                                     "or false (no recommendation)"
                                   : "a text variant name such as \"missing\" (lower-case letters, digits and '_')",
                 .valid = is_variant_name});
            if (variant) outcomes[outcome] = OutcomeRule{*variant, value.name(), value.where()};
        }
        return outcomes;
    }

    void read_answers(TableReader& answers, RecommendationRules& rules) {
        for (AnswerType type : scored_types)
            if (std::optional<TableReader> table = answers.optional_table(to_string(type)))
                rules.by_type[type] = read_outcomes(*table, false);
        answers.forbid(to_string(AnswerType::text),
                       "free-text questions are never scored, so their answers call for no recommendation");
    }

    void read_questions(TableReader& questions, RecommendationRules& rules) {
        for (const TomlValue& value : questions.other_entries()) {
            const std::string& id = value.key();
            const Question* question = questionnaire_.find_question(id);
            if (!question) {
                value.error("unknown question '" + id + "'", did_you_mean(questionnaire_.closest_question(id)));
                continue;
            }
            if (!question->scored()) {
                value.error(std::string("the question is ") +
                            (question->kind == QuestionKind::fact ? "a fact" : "free text") +
                            ", never scored, so its answers call for no recommendation");
                continue;
            }
            if (std::optional<TableReader> table = value.table()) rules.by_question[id] = read_outcomes(*table, true);
        }
    }

    void read_areas(TableReader& areas, RecommendationRules& rules) {
        std::vector<std::string> selectable;
        for (const Area* area : selection_areas(questionnaire_)) selectable.push_back(area->id);
        for (const TomlValue& value : areas.other_entries()) {
            const std::string& id = value.key();
            const auto mode = value.required(mode_choices);
            if (!mode) continue;
            if (id == "default") {
                rules.area_default = *mode;
                rules.area_default_where = value.where();
            } else if (std::find(selectable.begin(), selectable.end(), id) != selectable.end()) {
                rules.by_area[id] = {*mode, value.where()};
            } else if (questionnaire_.find_area(id)) {
                value.error("'" + id + "' is made of fields and has no recommendations of its own; give a rule for "
                                       "each of its fields");
            } else {
                selectable.emplace_back("default");
                value.error("unknown area '" + id + "'", did_you_mean(closest_match(id, selectable)));
                selectable.pop_back();
            }
        }
    }

    const Questionnaire& questionnaire_;
};

// Every text a rule can call for must exist in every catalog; every
// recommendation text of a catalog must belong to a question or area.
void check_catalogs(const RecommendationRules& rules, const Questionnaire& questionnaire,
                    const std::vector<const Catalog*>& catalogs, DiagnosticSink& sink) {
    for (const Catalog* catalog : catalogs) {
        const std::string locale = catalog->file().string();
        std::set<std::string> reported;
        for (const Question& question : questionnaire.questions()) {
            if (!question.scored()) continue;
            for (AnswerOutcome outcome : all_outcomes) {
                const OutcomeRule* rule = rules.rule_for(question, outcome);
                if (!rule) continue;
                const std::string key = RecommendationRules::question_key(question.id, rule->variant);
                if (!catalog->has(key) && reported.insert(key).second)
                    sink.error(rule->where, question.id + ": the outcome " + std::string(to_string(outcome)) +
                                                " calls for the text '" + key + "', which " + locale + " does not define");
            }
        }
        for (const Area* area : selection_areas(questionnaire)) {
            const std::string key = RecommendationRules::area_key(area->id);
            if (rules.area_mode(area->id) == AreaRuleMode::never || catalog->has(key)) continue;
            const auto it = rules.by_area.find(area->id);
            sink.error(it != rules.by_area.end() ? it->second.second : rules.area_default_where,
                       "areas." + area->id + ": the area rule calls for the text '" + key + "', which " + locale +
                           " does not define");
        }
        for (const std::string& key : catalog->keys()) {
            if (key.rfind(question_prefix, 0) == 0) {
                const std::string rest = key.substr(question_prefix.size());
                const auto dot = rest.rfind('.');
                const std::string id = dot == std::string::npos ? rest : rest.substr(0, dot);
                if (dot == std::string::npos || !questionnaire.find_question(id))
                    sink.error(catalog->location(key),
                               "key '" + key + "': expected recommendations.questions.\"<question id>\".<variant> "
                                               "for a question of the questionnaire; '" + id + "' is not one");
            } else if (key.rfind(area_prefix, 0) == 0) {
                const std::string id = key.substr(area_prefix.size());
                const auto areas = selection_areas(questionnaire);
                if (std::none_of(areas.begin(), areas.end(), [&](const Area* a) { return a->id == id; }))
                    sink.error(catalog->location(key),
                               "key '" + key + "': expected recommendations.areas.<area> for an indicator without "
                                               "fields or a field; '" + id + "' is not one");
            }
        }
    }
}

}  // namespace

std::string_view to_string(AnswerOutcome outcome) { return name_of(outcome_choices, outcome); }
std::string_view to_string(AreaRuleMode mode) { return name_of(mode_choices, mode); }

std::ostream& operator<<(std::ostream& out, AnswerOutcome outcome) { return out << to_string(outcome); }
std::ostream& operator<<(std::ostream& out, AreaRuleMode mode) { return out << to_string(mode); }

const OutcomeRule* RecommendationRules::rule_for(const Question& question, AnswerOutcome outcome) const {
    if (!question.scored()) return nullptr;
    const OutcomeRule* rule = nullptr;
    if (auto q = by_question.find(question.id); q != by_question.end())
        if (auto o = q->second.find(outcome); o != q->second.end()) rule = &o->second;
    if (!rule)
        if (auto t = by_type.find(question.type); t != by_type.end())
            if (auto o = t->second.find(outcome); o != t->second.end()) rule = &o->second;
    return rule && !rule->variant.empty() ? rule : nullptr;
}

AreaRuleMode RecommendationRules::area_mode(std::string_view area) const {
    for (const auto& [id, entry] : by_area)
        if (id == area) return entry.first;
    return area_default;
}

std::string RecommendationRules::question_key(std::string_view question, std::string_view variant) {
    return question_prefix + std::string(question) + "." + std::string(variant);
}

std::string RecommendationRules::area_key(std::string_view area) { return area_prefix + std::string(area); }

std::vector<const Area*> selection_areas(const Questionnaire& questionnaire) {
    std::vector<const Area*> areas;
    for (const Area* indicator : questionnaire.indicators()) {
        const auto fields = questionnaire.fields_of(indicator->id);
        if (fields.empty()) areas.push_back(indicator);
        else areas.insert(areas.end(), fields.begin(), fields.end());
    }
    return areas;
}

RecommendationRules load_recommendation_rules(const std::filesystem::path& path, const Questionnaire& questionnaire,
                                              const std::vector<const Catalog*>& catalogs) {
    DiagnosticSink sink;
    RecommendationRules rules;
    if (const auto document = TomlDocument::read(path, sink)) {
        rules = RulesReader(questionnaire).read(document->root(sink));
        check_catalogs(rules, questionnaire, catalogs, sink);
    }
    sink.throw_if_errors();
    return rules;
}

RecommendationRules bundled_recommendation_rules(const DataRoot& data, const Questionnaire& questionnaire,
                                                 const std::vector<const Catalog*>& catalogs) {
    return load_recommendation_rules(data.templates() / "recommendations.toml", questionnaire, catalogs);
}

}  // namespace icc
