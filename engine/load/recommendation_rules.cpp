#include "load/recommendation_rules.h"

#include <algorithm>
#include <ostream>
#include <set>

#include "support/locale.h"
#include "load/line_order.h"
#include "support/toml_source.h"

namespace icc {

namespace {

constexpr AnswerOutcome all_outcomes[] = {AnswerOutcome::unanswered, AnswerOutcome::unknown, AnswerOutcome::no_points,
                                          AnswerOutcome::some_points};
constexpr AnswerType all_types[] = {AnswerType::yes_partly_no, AnswerType::single_choice, AnswerType::multiple_choice,
                                    AnswerType::integer,       AnswerType::percentage,    AnswerType::text};
constexpr AreaRuleMode all_modes[] = {AreaRuleMode::never, AreaRuleMode::fallback, AreaRuleMode::always};

const std::string question_prefix = "recommendations.questions.";
const std::string area_prefix = "recommendations.areas.";

std::optional<AnswerOutcome> parse_outcome(std::string_view text) {
    for (AnswerOutcome outcome : all_outcomes)
        if (to_string(outcome) == text) return outcome;
    return std::nullopt;
}

std::optional<AnswerType> parse_type(std::string_view text) {
    for (AnswerType type : all_types)
        if (to_string(type) == text) return type;
    return std::nullopt;
}

std::optional<AreaRuleMode> parse_mode(std::string_view text) {
    for (AreaRuleMode mode : all_modes)
        if (to_string(mode) == text) return mode;
    return std::nullopt;
}

bool is_variant_name(std::string_view text) {
    return !text.empty() && text.front() >= 'a' && text.front() <= 'z' &&
           std::all_of(text.begin(), text.end(),
                       [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; });
}

std::string outcome_list() {
    std::string list;
    for (AnswerOutcome outcome : all_outcomes) list += (list.empty() ? "" : ", ") + std::string(to_string(outcome));
    return list;
}

class RulesReader {
public:
    RulesReader(const toml::table& root, std::string file, const Questionnaire& questionnaire)
        : root_(root), file_(std::move(file)), questionnaire_(questionnaire) {}

    RecommendationRules read() {
        RecommendationRules rules;
        rules.source_file = file_;
        rules.area_default_where = {file_, 1, 1};
        for (const auto& [key, node] : root_) {
            const std::string name(key.str());
            if (name == "answers") read_answers(node, rules);
            else if (name == "questions") read_questions(node, rules);
            else if (name == "areas") read_areas(node, rules);
            else sink_.error(location_of(node, file_), "unknown key '" + name + "'; expected answers, questions or areas");
        }
        return rules;
    }

    DiagnosticSink& sink() { return sink_; }

private:
    const toml::table* table_at(const toml::node& node, const std::string& name, const char* expected) {
        if (const toml::table* table = node.as_table()) return table;
        sink_.error(location_of(node, file_), name + ": expected " + expected + ", found " + describe_type(node));
        return nullptr;
    }

    // Reads { <outcome> = "<variant>" | false }; `silencing` allows false.
    std::map<AnswerOutcome, OutcomeRule> read_outcomes(const toml::table& table, const std::string& name, bool silencing) {
        std::map<AnswerOutcome, OutcomeRule> outcomes;
        for (const auto& [key, node] : table) {
            const std::string outcome_name(key.str());
            const std::string path = name + "." + outcome_name;
            const SourceLocation where = location_of(node, file_);
            const auto outcome = parse_outcome(outcome_name);
            if (!outcome) {
                const std::string hint = outcome_name == "not_applicable" || outcome_name == "not_asked"
                                             ? " (a question left out of the score never calls for a recommendation)"
                                         : outcome_name == "full_points" || outcome_name == "yes"
                                             ? " (full points never call for a recommendation)"
                                         : outcome_name == "no" || outcome_name == "partly"
                                             ? " (outcomes are named by points: \"no\" is no_points, \"partly\" "
                                               "some_points)"
                                             : "";
                sink_.error(where, path + ": unknown outcome '" + outcome_name + "'; expected one of " + outcome_list() + hint);
                continue;
            }
            if (auto variant = node.value_exact<std::string>()) {
                if (!is_variant_name(*variant)) {
                    sink_.error(where, path + ": expected a text variant name such as \"missing\" (lower-case letters, "
                                              "digits and '_'), found \"" + *variant + "\"");
                    continue;
                }
                outcomes[*outcome] = OutcomeRule{*variant, path, where};
            } else if (auto flag = node.value_exact<bool>(); flag && silencing && !*flag) {
                outcomes[*outcome] = OutcomeRule{"", path, where};
            } else {
                sink_.error(where, path + ": expected a text variant name such as \"missing\"" +
                                       std::string(silencing ? " or false (no recommendation)" : "") + ", found " +
                                       describe_type(node));
            }
        }
        return outcomes;
    }

    void read_answers(const toml::node& node, RecommendationRules& rules) {
        const toml::table* answers = table_at(node, "answers", "a table of answer types ([answers.yes_partly_no] ...)");
        if (!answers) return;
        for (const auto& [key, value] : *answers) {
            const std::string type_name(key.str());
            const std::string name = "answers." + type_name;
            const auto type = parse_type(type_name);
            if (!type) {
                sink_.error(location_of(value, file_),
                            name + ": unknown answer type '" + type_name +
                                "'; expected yes_partly_no, single_choice, multiple_choice, integer or percentage");
                continue;
            }
            if (*type == AnswerType::text) {
                sink_.error(location_of(value, file_), name + ": free-text questions are never scored, so their "
                                                              "answers call for no recommendation");
                continue;
            }
            if (const toml::table* table = table_at(value, name, "a table of outcomes (no_points = \"missing\" ...)"))
                rules.by_type[*type] = read_outcomes(*table, name, false);
        }
    }

    void read_questions(const toml::node& node, RecommendationRules& rules) {
        const toml::table* questions = table_at(node, "questions", "a table of questions ([questions.\"<id>\"] ...)");
        if (!questions) return;
        for (const auto& [key, value] : *questions) {
            const std::string id(key.str());
            const std::string name = "questions.\"" + id + "\"";
            const Question* question = questionnaire_.find_question(id);
            if (!question) {
                const std::string closest = questionnaire_.closest_question(id);
                sink_.error(location_of(value, file_), name + ": unknown question '" + id + "'" +
                                                           (closest.empty() ? "" : "; did you mean '" + closest + "'?"));
                continue;
            }
            if (!question->scored()) {
                sink_.error(location_of(value, file_),
                            name + ": the question is " +
                                (question->kind == QuestionKind::fact ? "a fact" : "free text") +
                                ", never scored, so its answers call for no recommendation");
                continue;
            }
            if (const toml::table* table = table_at(value, name, "a table of outcomes (some_points = \"partial\" ...)"))
                rules.by_question[id] = read_outcomes(*table, name, true);
        }
    }

    void read_areas(const toml::node& node, RecommendationRules& rules) {
        const toml::table* areas = table_at(node, "areas", "a table (default = \"fallback\", <area> = ...)");
        if (!areas) return;
        std::set<std::string> selectable;
        for (const Area* area : selection_areas(questionnaire_)) selectable.insert(area->id);
        for (const auto& [key, value] : *areas) {
            const std::string id(key.str());
            const std::string name = "areas." + id;
            const SourceLocation where = location_of(value, file_);
            const auto text = value.value_exact<std::string>();
            const auto mode = text ? parse_mode(*text) : std::nullopt;
            if (!mode) {
                sink_.error(where, name + ": expected \"never\", \"fallback\" or \"always\", found " +
                                       (text ? "\"" + *text + "\"" : describe_type(value)));
                continue;
            }
            if (id == "default") {
                rules.area_default = *mode;
                rules.area_default_where = where;
            } else if (selectable.count(id)) {
                rules.by_area[id] = {*mode, where};
            } else if (questionnaire_.find_area(id)) {
                sink_.error(where, name + ": '" + id + "' is made of fields and has no recommendations of its own; "
                                                       "give a rule for each of its fields");
            } else {
                sink_.error(where, name + ": unknown area '" + id + "'");
            }
        }
    }

    const toml::table& root_;
    std::string file_;
    const Questionnaire& questionnaire_;
    DiagnosticSink sink_;
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

std::string_view to_string(AnswerOutcome outcome) {
    switch (outcome) {
        case AnswerOutcome::unanswered: return "unanswered";
        case AnswerOutcome::unknown: return "unknown";
        case AnswerOutcome::no_points: return "no_points";
        case AnswerOutcome::some_points: return "some_points";
    }
    return "unanswered";
}

std::string_view to_string(AreaRuleMode mode) {
    switch (mode) {
        case AreaRuleMode::never: return "never";
        case AreaRuleMode::fallback: return "fallback";
        case AreaRuleMode::always: return "always";
    }
    return "never";
}

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
    const toml::table root = parse_toml_file(path);
    RulesReader reader(root, path.string(), questionnaire);
    RecommendationRules rules = reader.read();
    check_catalogs(rules, questionnaire, catalogs, reader.sink());
    throw_errors_in_line_order(reader.sink());
    return rules;
}

RecommendationRules bundled_recommendation_rules(const DataRoot& data, const Questionnaire& questionnaire,
                                                 const std::vector<const Catalog*>& catalogs) {
    return load_recommendation_rules(data.templates() / "recommendations.toml", questionnaire, catalogs);
}

}  // namespace icc
