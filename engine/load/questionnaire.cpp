#include "load/questionnaire.h"

#include <algorithm>
#include <ostream>
#include <set>
#include <stdexcept>

#include "support/toml_source.h"

namespace icc {

namespace {

std::string in_quotes(std::string_view text) { return "\"" + std::string(text) + "\""; }

std::string format_number(double value) {
    std::string text = std::to_string(value);
    text.erase(text.find_last_not_of('0') + 1);
    if (!text.empty() && text.back() == '.') text.pop_back();
    return text;
}

std::optional<QuestionKind> parse_kind(std::string_view text) {
    if (text == "fact") return QuestionKind::fact;
    if (text == "input") return QuestionKind::input;
    if (text == "impact") return QuestionKind::impact;
    return std::nullopt;
}

std::optional<AnswerType> parse_type(std::string_view text) {
    for (AnswerType type : {AnswerType::yes_partly_no, AnswerType::single_choice, AnswerType::multiple_choice,
                            AnswerType::integer, AnswerType::percentage, AnswerType::text})
        if (to_string(type) == text) return type;
    return std::nullopt;
}

bool is_identifier(std::string_view text) {
    return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
    });
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> previous(b.size() + 1), current(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) previous[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        current[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j)
            current[j] = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
        std::swap(previous, current);
    }
    return previous[b.size()];
}

class QuestionnaireReader {
public:
    QuestionnaireReader(const toml::table& root, std::string file) : root_(root), file_(std::move(file)) {}

    void read(std::string& current_version, std::vector<QuestionnaireVersion>& versions, std::vector<Area>& areas,
              std::vector<Question>& questions) {
        check_keys(root_, "", {"version", "versions", "yes_partly_no", "areas", "questions"});
        current_version = require_string(root_, "version", "", "the version new editions answer, e.g. \"2019\"");
        for (const toml::table* table : tables_of(root_, "versions")) versions.push_back(read_version(*table));
        if (!current_version.empty() &&
            std::none_of(versions.begin(), versions.end(), [&](const auto& v) { return v.id == current_version; }))
            sink_.error(location_of(*root_.get("version"), file_),
                        "version: \"" + current_version + "\" is not listed in [[versions]]");
        read_scale();
        for (const toml::table* table : tables_of(root_, "areas")) areas.push_back(read_area(*table));
        check_areas(areas);
        for (const toml::table* table : tables_of(root_, "questions"))
            questions.push_back(read_question(*table, areas));
        if (questions.empty() && root_.get("questions"))
            sink_.error(location_of(*root_.get("questions"), file_), "questions: expected at least one question");
        sink_.throw_if_errors();
    }

private:
    std::vector<const toml::table*> tables_of(const toml::table& parent, const char* key) {
        std::vector<const toml::table*> tables;
        const toml::node* node = parent.get(key);
        if (!node) {
            sink_.error({file_, 1, 1}, std::string(key) + ": missing; expected an array of tables [[" + key + "]]");
            return tables;
        }
        const toml::array* array = node->as_array();
        if (!array) {
            sink_.error(location_of(*node, file_), std::string(key) + ": expected an array of tables [[" + key +
                                                       "]], found " + describe_type(*node));
            return tables;
        }
        for (const toml::node& item : *array) {
            if (const toml::table* table = item.as_table())
                tables.push_back(table);
            else
                sink_.error(location_of(item, file_),
                            std::string(key) + ": expected a table in the array, found " + describe_type(item));
        }
        return tables;
    }

    void check_keys(const toml::table& table, const std::string& where, std::initializer_list<std::string_view> known) {
        for (const auto& [key, node] : table)
            if (std::find(known.begin(), known.end(), key.str()) == known.end()) {
                std::string expected;
                for (std::string_view k : known) expected += (expected.empty() ? "" : ", ") + std::string(k);
                sink_.error(location_of(node, file_), (where.empty() ? "" : where + ": ") + "unknown key '" +
                                                          std::string(key.str()) + "'; expected one of " + expected);
            }
    }

    std::string require_string(const toml::table& table, const char* key, const std::string& where,
                               const char* expected) {
        const toml::node* node = table.get(key);
        const std::string name = where.empty() ? key : where + "." + key;
        if (!node) {
            sink_.error(location_of(table, file_), name + ": missing; expected " + expected);
            return {};
        }
        if (auto text = node->value_exact<std::string>()) return *text;
        sink_.error(location_of(*node, file_), name + ": expected " + expected + ", found " + describe_type(*node));
        return {};
    }

    std::optional<double> number(const toml::table& table, const char* key, const std::string& where) {
        const toml::node* node = table.get(key);
        if (!node) return std::nullopt;
        if (node->is_number()) return node->value<double>();
        sink_.error(location_of(*node, file_),
                    where + "." + key + ": expected a number, found " + describe_type(*node));
        return std::nullopt;
    }

    std::optional<bool> boolean(const toml::table& table, const char* key, const std::string& where) {
        const toml::node* node = table.get(key);
        if (!node) return std::nullopt;
        if (auto value = node->value_exact<bool>()) return *value;
        sink_.error(location_of(*node, file_),
                    where + "." + key + ": expected true or false, found " + describe_type(*node));
        return std::nullopt;
    }

    double positive_weight(const toml::table& table, const std::string& where) {
        auto weight = number(table, "weight", where);
        if (!weight) return 1;
        if (*weight <= 0) {
            sink_.error(location_of(*table.get("weight"), file_),
                        where + ".weight: expected a positive number, found " + format_number(*weight));
            return 1;
        }
        return *weight;
    }

    QuestionnaireVersion read_version(const toml::table& table) {
        check_keys(table, "versions", {"id", "extended"});
        QuestionnaireVersion version;
        version.id = require_string(table, "id", "versions", "a version name, e.g. \"2019\"");
        version.extended = boolean(table, "extended", "versions").value_or(false);
        return version;
    }

    void read_scale() {
        const toml::node* node = root_.get("yes_partly_no");
        if (!node || !node->is_table()) {
            sink_.error(node ? location_of(*node, file_) : SourceLocation{file_, 1, 1},
                        "yes_partly_no: expected a table with the options of the yes / partly / no scale");
            return;
        }
        scale_ = read_options(*node->as_table(), "yes_partly_no");
        for (std::string_view required : {"yes", "partly", "no"})
            if (std::none_of(scale_.begin(), scale_.end(), [&](const Option& o) { return o.id == required; }))
                sink_.error(location_of(*node, file_), "yes_partly_no: missing option \"" + std::string(required) + "\"");
    }

    std::vector<Option> read_options(const toml::table& table, const std::string& where) {
        std::vector<Option> options;
        const toml::node* node = table.get("options");
        if (!node) {
            sink_.error(location_of(table, file_), where + ".options: missing; expected [{ id = ..., points = ... }]");
            return options;
        }
        const toml::array* array = node->as_array();
        if (!array || array->empty()) {
            sink_.error(location_of(*node, file_),
                        where + ".options: expected a non-empty array of { id, points }, found " + describe_type(*node));
            return options;
        }
        std::set<std::string> seen;
        for (const toml::node& item : *array) {
            const toml::table* option_table = item.as_table();
            if (!option_table) {
                sink_.error(location_of(item, file_),
                            where + ".options: expected { id = ..., points = ... }, found " + describe_type(item));
                continue;
            }
            check_keys(*option_table, where + ".options", {"id", "points"});
            Option option;
            option.id = require_string(*option_table, "id", where + ".options", "an option id");
            if (!option.id.empty() && !is_identifier(option.id))
                sink_.error(location_of(*option_table->get("id"), file_),
                            where + ".options: option id \"" + option.id +
                                "\" must use only lower-case letters, digits and '_'");
            if (option.id == unknown_answer || option.id == not_applicable_answer)
                sink_.error(location_of(*option_table->get("id"), file_),
                            where + ".options: \"" + option.id + "\" is a reserved answer, not an option");
            if (!option.id.empty() && !seen.insert(option.id).second)
                sink_.error(location_of(*option_table->get("id"), file_),
                            where + ".options: option \"" + option.id + "\" is listed twice");
            auto points = number(*option_table, "points", where + ".options");
            if (!points)
                sink_.error(location_of(*option_table, file_), where + ".options: option \"" + option.id +
                                                                     "\" needs its points");
            else if (*points < 0)
                sink_.error(location_of(*option_table->get("points"), file_),
                            where + ".options: points cannot be negative, found " + format_number(*points));
            option.points = points.value_or(0);
            options.push_back(std::move(option));
        }
        return options;
    }

    std::vector<Band> read_bands(const toml::table& table, const std::string& where, double lowest) {
        std::vector<Band> bands;
        const toml::node* node = table.get("bands");
        const toml::array* array = node ? node->as_array() : nullptr;
        if (!array || array->empty()) {
            sink_.error(node ? location_of(*node, file_) : location_of(table, file_),
                        where + ".bands: expected a non-empty array of { from, points }");
            return bands;
        }
        for (const toml::node& item : *array) {
            const toml::table* band_table = item.as_table();
            if (!band_table) {
                sink_.error(location_of(item, file_), where + ".bands: expected { from = ..., points = ... }, found " +
                                                          describe_type(item));
                continue;
            }
            check_keys(*band_table, where + ".bands", {"from", "points"});
            auto from = number(*band_table, "from", where + ".bands");
            auto points = number(*band_table, "points", where + ".bands");
            if (!from || !points) {
                sink_.error(location_of(*band_table, file_), where + ".bands: each band needs 'from' and 'points'");
                continue;
            }
            if (*points < 0)
                sink_.error(location_of(*band_table, file_),
                            where + ".bands: points cannot be negative, found " + format_number(*points));
            if (!bands.empty() && *from <= bands.back().from)
                sink_.error(location_of(*band_table, file_), where + ".bands: 'from' must increase from band to band, found " +
                                                                 format_number(*from) + " after " +
                                                                 format_number(bands.back().from));
            bands.push_back({*from, *points});
        }
        if (!bands.empty() && bands.front().from > lowest)
            sink_.error(location_of(*node, file_), where + ".bands: the first band must start at " +
                                                       format_number(lowest) + " so every answer has points, found " +
                                                       format_number(bands.front().from));
        return bands;
    }

    Area read_area(const toml::table& table) {
        check_keys(table, "areas", {"id", "kind", "parent", "weight", "core"});
        Area area;
        area.id = require_string(table, "id", "areas", "an area id");
        const std::string where = "areas." + (area.id.empty() ? std::string("?") : area.id);
        if (!area.id.empty() && !is_identifier(area.id))
            sink_.error(location_of(*table.get("id"), file_),
                        where + ": an area id uses only lower-case letters, digits and '_'");
        const std::string kind = require_string(table, "kind", where, "\"indicator\" or \"field\"");
        if (kind == "field")
            area.kind = AreaKind::field;
        else if (kind != "indicator" && !kind.empty())
            sink_.error(location_of(*table.get("kind"), file_),
                        where + ".kind: expected \"indicator\" or \"field\", found " + in_quotes(kind));
        if (area.kind == AreaKind::field) {
            area.parent = require_string(table, "parent", where, "the indicator this field belongs to");
            if (table.get("core"))
                sink_.error(location_of(*table.get("core"), file_),
                            where + ".core: a field takes its indicator's core flag; remove this key");
        } else {
            if (table.get("parent"))
                sink_.error(location_of(*table.get("parent"), file_), where + ".parent: only fields have a parent");
            auto core = boolean(table, "core", where);
            if (!core) sink_.error(location_of(table, file_), where + ".core: missing; expected true or false");
            area.core = core.value_or(true);
        }
        area.weight = positive_weight(table, where);
        area_locations_.push_back(location_of(table, file_));
        return area;
    }

    void check_areas(std::vector<Area>& areas) {
        std::set<std::string> seen;
        for (std::size_t i = 0; i < areas.size(); ++i) {
            Area& area = areas[i];
            if (!area.id.empty() && !seen.insert(area.id).second)
                sink_.error(area_locations_[i], "areas: area \"" + area.id + "\" is defined twice");
            if (area.id == "city")
                sink_.error(area_locations_[i], "areas: \"city\" is reserved for the facts about the city");
            if (area.kind != AreaKind::field || area.parent.empty()) continue;
            auto parent = std::find_if(areas.begin(), areas.end(), [&](const Area& a) { return a.id == area.parent; });
            if (parent == areas.end() || parent->kind != AreaKind::indicator)
                sink_.error(area_locations_[i], "areas." + area.id + ".parent: expected an indicator, found " +
                                                    in_quotes(area.parent));
            else
                area.core = parent->core;
        }
    }

    Question read_question(const toml::table& table, const std::vector<Area>& areas) {
        check_keys(table, "questions",
                   {"id", "kind", "type", "options", "cap", "bands", "minimum", "maximum", "weight", "required",
                    "not_applicable"});
        Question question;
        question.id = require_string(table, "id", "questions", "a question id \"<area>.<name>\"");
        const std::string where = "questions." + (question.id.empty() ? std::string("?") : question.id);
        const auto at = [&](const char* key) { return location_of(table.get(key) ? *table.get(key) : table, file_); };
        const auto dot = question.id.find('.');
        if (!question.id.empty()) {
            if (dot == std::string::npos || !is_identifier(question.id.substr(0, dot)) ||
                !is_identifier(question.id.substr(dot + 1)))
                sink_.error(at("id"), where + ": expected an id \"<area>.<name>\" in lower case, found " +
                                          in_quotes(question.id));
            else if (question.id.substr(dot + 1) == "answer" || question.id.substr(dot + 1) == "comment")
                sink_.error(at("id"), where + ": \"answer\" and \"comment\" are keys of an answer, not question names");
            else if (!seen_questions_.insert(question.id).second)
                sink_.error(at("id"), where + ": question \"" + question.id + "\" is defined twice");
        }
        const std::string area_id = dot == std::string::npos ? std::string() : question.id.substr(0, dot);
        if (area_id != "city" && !area_id.empty()) {
            auto area = std::find_if(areas.begin(), areas.end(), [&](const Area& a) { return a.id == area_id; });
            if (area == areas.end())
                sink_.error(at("id"), where + ": no area \"" + area_id + "\"; the part before the dot names the area");
            else if (!fields_of(areas, area->id).empty())
                sink_.error(at("id"), where + ": indicator \"" + area_id +
                                          "\" is made of fields; put the question in one of them");
            else
                question.core = area->core;
            question.area = area_id;
        }

        const std::string kind = require_string(table, "kind", where, "fact, input or impact");
        if (auto parsed = parse_kind(kind))
            question.kind = *parsed;
        else if (!kind.empty())
            sink_.error(at("kind"), where + ".kind: expected fact, input or impact, found " + in_quotes(kind));
        if (area_id == "city" && question.kind != QuestionKind::fact)
            sink_.error(at("kind"), where + ".kind: questions about the city are facts");

        const std::string type = require_string(table, "type", where,
                                                "yes_partly_no, single_choice, multiple_choice, integer, percentage or text");
        if (auto parsed = parse_type(type))
            question.type = *parsed;
        else if (!type.empty())
            sink_.error(at("type"), where + ".type: expected yes_partly_no, single_choice, multiple_choice, integer, "
                                            "percentage or text, found " + in_quotes(type));

        const bool fact = question.kind == QuestionKind::fact;
        const auto forbid = [&](const char* key, const char* why) {
            if (table.get(key)) sink_.error(at(key), where + "." + key + ": " + why);
        };
        switch (question.type) {
            case AnswerType::yes_partly_no:
                forbid("options", "yes_partly_no questions use the shared [yes_partly_no] scale");
                question.options = scale_;
                break;
            case AnswerType::single_choice:
            case AnswerType::multiple_choice:
                question.options = read_options(table, where);
                break;
            case AnswerType::integer:
            case AnswerType::percentage:
                forbid("options", "only choice questions have options");
                break;
            case AnswerType::text:
                forbid("options", "text questions have no options");
                break;
        }
        if (question.type == AnswerType::multiple_choice && !fact) {
            question.cap = number(table, "cap", where);
            if (!question.cap || *question.cap <= 0)
                sink_.error(at("cap"), where + ".cap: expected the positive number of points the question gives at most");
        } else {
            forbid("cap", "only scored multiple-choice questions have a cap");
        }
        if (question.type == AnswerType::integer) {
            question.minimum = number(table, "minimum", where);
            question.maximum = number(table, "maximum", where);
            if (question.minimum && question.maximum && *question.minimum > *question.maximum)
                sink_.error(at("maximum"), where + ".maximum: smaller than the minimum");
        } else {
            forbid("minimum", "only integer questions have a range (percentages are 0-100)");
            forbid("maximum", "only integer questions have a range (percentages are 0-100)");
        }
        const bool banded = question.type == AnswerType::integer || question.type == AnswerType::percentage;
        if (banded && !fact) {
            const double lowest = question.type == AnswerType::percentage ? 0 : question.minimum.value_or(0);
            question.bands = read_bands(table, where, lowest);
        } else if (banded) {
            forbid("bands", "facts are not scored");
        } else {
            forbid("bands", "only integer and percentage questions have bands");
        }
        if (fact) {
            forbid("weight", "facts are not scored");
            question.required = boolean(table, "required", where).value_or(false);
        } else {
            forbid("required", "only facts can be required; an unanswered question earns no points");
            question.weight = positive_weight(table, where);
        }
        question.allows_not_applicable = boolean(table, "not_applicable", where).value_or(false);
        return question;
    }

    static std::vector<const Area*> fields_of(const std::vector<Area>& areas, const std::string& indicator) {
        std::vector<const Area*> fields;
        for (const Area& area : areas)
            if (area.kind == AreaKind::field && area.parent == indicator) fields.push_back(&area);
        return fields;
    }

    const toml::table& root_;
    std::string file_;
    DiagnosticSink sink_;
    std::vector<Option> scale_;
    std::vector<SourceLocation> area_locations_;
    std::set<std::string> seen_questions_;
};

}  // namespace

std::string_view to_string(QuestionKind kind) {
    switch (kind) {
        case QuestionKind::fact: return "fact";
        case QuestionKind::input: return "input";
        case QuestionKind::impact: return "impact";
    }
    return "input";
}

std::string_view to_string(AnswerType type) {
    switch (type) {
        case AnswerType::yes_partly_no: return "yes_partly_no";
        case AnswerType::single_choice: return "single_choice";
        case AnswerType::multiple_choice: return "multiple_choice";
        case AnswerType::integer: return "integer";
        case AnswerType::percentage: return "percentage";
        case AnswerType::text: return "text";
    }
    return "text";
}

std::ostream& operator<<(std::ostream& out, QuestionKind kind) { return out << to_string(kind); }
std::ostream& operator<<(std::ostream& out, AnswerType type) { return out << to_string(type); }

bool Question::scored() const {
    if (kind == QuestionKind::fact) return false;
    switch (type) {
        case AnswerType::yes_partly_no:
        case AnswerType::single_choice:
        case AnswerType::multiple_choice: return true;
        case AnswerType::integer:
        case AnswerType::percentage: return !bands.empty();
        case AnswerType::text: return false;
    }
    return false;
}

double Question::max_points() const {
    if (!scored()) return 0;
    double best = 0;
    switch (type) {
        case AnswerType::yes_partly_no:
        case AnswerType::single_choice:
            for (const Option& option : options) best = std::max(best, option.points);
            return best;
        case AnswerType::multiple_choice: {
            double sum = 0;
            for (const Option& option : options) sum += option.points;
            return cap ? std::min(*cap, sum) : sum;
        }
        case AnswerType::integer:
        case AnswerType::percentage:
            for (const Band& band : bands) best = std::max(best, band.points);
            return best;
        case AnswerType::text: return 0;
    }
    return 0;
}

std::string Question::city_key() const { return area.empty() ? id.substr(id.find('.') + 1) : std::string(); }

const Option* Question::find_option(std::string_view option) const {
    auto it = std::find_if(options.begin(), options.end(), [&](const Option& o) { return o.id == option; });
    return it == options.end() ? nullptr : &*it;
}

std::string Question::option_key(std::string_view option) const {
    if (type == AnswerType::yes_partly_no || option == unknown_answer || option == not_applicable_answer)
        return "index.answers." + std::string(option);
    return "index.questions." + id + ".options." + std::string(option);
}

Questionnaire Questionnaire::load(const std::filesystem::path& file) {
    const toml::table root = parse_toml_file(file);
    Questionnaire questionnaire;
    QuestionnaireReader(root, file.string())
        .read(questionnaire.current_version_, questionnaire.versions_, questionnaire.areas_, questionnaire.questions_);
    return questionnaire;
}

Questionnaire Questionnaire::bundled(const DataRoot& data) {
    return load(data.templates() / "index" / "questionnaire.toml");
}

const QuestionnaireVersion* Questionnaire::find_version(std::string_view id) const {
    auto it = std::find_if(versions_.begin(), versions_.end(), [&](const auto& v) { return v.id == id; });
    return it == versions_.end() ? nullptr : &*it;
}

std::vector<const Area*> Questionnaire::indicators() const {
    std::vector<const Area*> result;
    for (const Area& area : areas_)
        if (area.kind == AreaKind::indicator) result.push_back(&area);
    return result;
}

std::vector<const Area*> Questionnaire::fields_of(std::string_view indicator) const {
    std::vector<const Area*> result;
    for (const Area& area : areas_)
        if (area.kind == AreaKind::field && area.parent == indicator) result.push_back(&area);
    return result;
}

const Area* Questionnaire::find_area(std::string_view id) const {
    auto it = std::find_if(areas_.begin(), areas_.end(), [&](const Area& a) { return a.id == id; });
    return it == areas_.end() ? nullptr : &*it;
}

const Area& Questionnaire::area(std::string_view id) const {
    if (const Area* found = find_area(id)) return *found;
    throw std::out_of_range("no area '" + std::string(id) + "' in the questionnaire");
}

const Question* Questionnaire::find_question(std::string_view id) const {
    auto it = std::find_if(questions_.begin(), questions_.end(), [&](const Question& q) { return q.id == id; });
    return it == questions_.end() ? nullptr : &*it;
}

std::vector<const Question*> Questionnaire::questions_of(std::string_view area) const {
    std::vector<const Question*> result;
    for (const Question& question : questions_)
        if (question.area == area) result.push_back(&question);
    return result;
}

std::string Questionnaire::closest_question(std::string_view id) const {
    std::string best;
    std::size_t best_distance = std::max<std::size_t>(3, id.size() / 4) + 1;
    for (const Question& question : questions_) {
        const std::size_t distance = edit_distance(id, question.id);
        if (distance < best_distance) {
            best_distance = distance;
            best = question.id;
        }
    }
    return best;
}

void Questionnaire::set_area_weight(std::string_view area, double weight) {
    for (Area& candidate : areas_)
        if (candidate.id == area) {
            candidate.weight = weight;
            return;
        }
    throw std::out_of_range("no area '" + std::string(area) + "' in the questionnaire");
}

void Questionnaire::set_question_weight(std::string_view question, double weight) {
    for (Question& candidate : questions_)
        if (candidate.id == question) {
            candidate.weight = weight;
            return;
        }
    throw std::out_of_range("no question '" + std::string(question) + "' in the questionnaire");
}

}  // namespace icc
