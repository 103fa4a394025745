#include "load/questionnaire.h"

#include <algorithm>
#include <map>
#include <ostream>
#include <stdexcept>

#include "support/toml_reader.h"
#include "support/wording.h"

namespace icc {

namespace {

constexpr Choice<AreaKind> area_kinds[] = {{"indicator", AreaKind::indicator}, {"field", AreaKind::field}};
constexpr Choice<QuestionKind> question_kinds[] = {
    {"fact", QuestionKind::fact}, {"input", QuestionKind::input}, {"impact", QuestionKind::impact}};
constexpr Choice<AnswerType> answer_types[] = {
    {"yes_partly_no", AnswerType::yes_partly_no}, {"single_choice", AnswerType::single_choice},
    {"multiple_choice", AnswerType::multiple_choice}, {"integer", AnswerType::integer},
    {"percentage", AnswerType::percentage}, {"text", AnswerType::text}};

bool is_identifier(std::string_view text) {
    return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
    });
}
bool is_identifier_string(const std::string& text) { return is_identifier(text); }

DiagnosticNote first_defined_at(const SourceLocation& where) { return {NoteKind::note, "first defined here", where}; }

class QuestionnaireReader {
public:
    explicit QuestionnaireReader(DiagnosticSink& sink) : sink_(sink) {}

    void read(TableReader root, std::string& current_version, std::vector<QuestionnaireVersion>& versions,
              std::vector<Area>& areas, std::vector<Question>& questions) {
        current_version =
            root.required<std::string>("version", {.what = "the version new editions answer, e.g. \"2019\""}).value_or("");
        std::map<std::string, SourceLocation> version_ids;
        for (TableReader& table : root.required_tables("versions")) {
            QuestionnaireVersion version;
            const TomlValue id = table["id"];
            version.id = id.required<std::string>({.what = "a version name, e.g. \"2019\""}).value_or("");
            version.extended = table.optional<bool>("extended").value_or(false);
            if (auto [first, inserted] = version_ids.emplace(version.id, id.where()); !inserted && !version.id.empty())
                id.error("version " + in_quotes(version.id) + " is listed twice", {first_defined_at(first->second)});
            versions.push_back(std::move(version));
        }
        if (!current_version.empty() && !version_ids.count(current_version))
            root["version"].error(in_quotes(current_version) + " is not listed in [[versions]]");
        if (std::optional<TableReader> scale = root.required_table("yes_partly_no")) {
            scale_ = read_options(*scale);
            for (std::string_view required : {"yes", "partly", "no"})
                if (std::none_of(scale_.begin(), scale_.end(), [&](const Option& o) { return o.id == required; }))
                    scale->error("missing option " + in_quotes(required));
        }
        for (TableReader& table : root.required_tables("areas")) areas.push_back(read_area(table));
        check_areas(areas);
        for (TableReader& table : root.required_tables("questions", "question [[questions]]"))
            questions.push_back(read_question(table, areas));
    }

private:
    std::vector<Option> read_options(TableReader& owner) {
        std::vector<Option> options;
        std::map<std::string, SourceLocation> seen;
        for (TableReader& table : owner.required_tables("options", "option { id = ..., points = ... }")) {
            Option option;
            const TomlValue id = table["id"];
            option.id = id.required<std::string>({.what = "an option id of lower-case letters, digits and '_'",
                                                  .valid = is_identifier_string})
                            .value_or("");
            if (option.id == unknown_answer || option.id == not_applicable_answer)
                id.error(in_quotes(option.id) + " is a reserved answer, not an option");
            else if (auto [first, inserted] = seen.emplace(option.id, id.where()); !inserted && !option.id.empty())
                id.error("option " + in_quotes(option.id) + " is listed twice", {first_defined_at(first->second)});
            option.points = table.required<double>("points", {.min = 0}).value_or(0);
            options.push_back(std::move(option));
        }
        return options;
    }

    std::vector<Band> read_bands(TableReader& owner, double lowest) {
        std::vector<Band> bands;
        for (TableReader& table : owner.required_tables("bands", "band { from = ..., points = ... }")) {
            const TomlValue from_value = table["from"];
            const auto from = from_value.required<double>();
            const auto points = table.required<double>("points", {.min = 0});
            if (!from || !points) continue;
            if (!bands.empty() && *from <= bands.back().from)
                from_value.error("must increase from band to band, found " + number_text(*from) + " after " +
                                 number_text(bands.back().from));
            bands.push_back({*from, *points});
        }
        if (!bands.empty() && bands.front().from > lowest)
            owner["bands"].error("the first band must start at " + number_text(lowest) +
                                 " so every answer has points, found " + number_text(bands.front().from));
        return bands;
    }

    Area read_area(TableReader& table) {
        Area area;
        const TomlValue id = table["id"];
        area.id = id.required<std::string>({.what = "an area id of lower-case letters, digits and '_'",
                                            .valid = is_identifier_string})
                      .value_or("");
        if (!area.id.empty()) table.rename("areas." + area.id);
        area.kind = table.required("kind", area_kinds).value_or(AreaKind::indicator);
        const TomlValue parent = table["parent"];
        if (area.kind == AreaKind::field) {
            area.parent = parent.required<std::string>({.what = "the indicator this field belongs to"}).value_or("");
            table.forbid("core", "a field takes its indicator's core flag; remove this key");
        } else {
            if (parent) parent.error("only fields have a parent");
            area.core = table.required<bool>("core").value_or(true);
        }
        area.weight = table.optional<double>("weight", {.above = 0}).value_or(1);
        area_places_.push_back({id.where(), parent.where()});
        return area;
    }

    void check_areas(std::vector<Area>& areas) {
        std::map<std::string, SourceLocation> seen;
        for (std::size_t i = 0; i < areas.size(); ++i) {
            Area& area = areas[i];
            const auto& [id_where, parent_where] = area_places_[i];
            if (area.id.empty()) continue;
            if (auto [first, inserted] = seen.emplace(area.id, id_where); !inserted)
                sink_.error(id_where, "areas: area " + in_quotes(area.id) + " is defined twice",
                            {first_defined_at(first->second)});
            if (area.id == "city") sink_.error(id_where, "areas: \"city\" is reserved for the facts about the city");
            if (area.kind != AreaKind::field || area.parent.empty()) continue;
            auto parent = std::find_if(areas.begin(), areas.end(), [&](const Area& a) { return a.id == area.parent; });
            if (parent == areas.end() || parent->kind != AreaKind::indicator) {
                std::vector<std::string> indicators;
                for (const Area& a : areas)
                    if (a.kind == AreaKind::indicator) indicators.push_back(a.id);
                const std::string closest = closest_match(area.parent, indicators);
                sink_.error(parent_where, "areas." + area.id + ".parent: expected an indicator, found " +
                                              in_quotes(area.parent),
                            closest.empty() ? std::vector<DiagnosticNote>{}
                                            : std::vector<DiagnosticNote>{{NoteKind::help,
                                                                           "did you mean " + in_quotes(closest) + "?"}});
            } else {
                area.core = parent->core;
            }
        }
    }

    Question read_question(TableReader& table, const std::vector<Area>& areas) {
        Question question;
        const TomlValue id = table["id"];
        question.id = id.required<std::string>({.what = "a question id \"<area>.<name>\""}).value_or("");
        if (!question.id.empty()) table.rename("questions." + question.id);
        const std::string& name = table.name();
        const auto id_error = [&](const std::string& message, std::vector<DiagnosticNote> notes = {}) {
            sink_.error(id.where(), name + ": " + message, std::move(notes));
        };
        const auto dot = question.id.find('.');
        if (!question.id.empty()) {
            if (dot == std::string::npos || !is_identifier(question.id.substr(0, dot)) ||
                !is_identifier(question.id.substr(dot + 1)))
                id_error("expected an id \"<area>.<name>\" in lower case, found " + in_quotes(question.id));
            else if (question.id.substr(dot + 1) == "answer" || question.id.substr(dot + 1) == "comment")
                id_error("\"answer\" and \"comment\" are keys of an answer, not question names");
            else if (auto [first, inserted] = question_ids_.emplace(question.id, id.where()); !inserted)
                id_error("question " + in_quotes(question.id) + " is defined twice", {first_defined_at(first->second)});
        }
        const std::string area_id = dot == std::string::npos ? std::string() : question.id.substr(0, dot);
        if (area_id != "city" && !area_id.empty()) {
            auto area = std::find_if(areas.begin(), areas.end(), [&](const Area& a) { return a.id == area_id; });
            if (area == areas.end()) {
                std::vector<std::string> ids;
                for (const Area& a : areas) ids.push_back(a.id);
                const std::string closest = closest_match(area_id, ids);
                id_error("no area " + in_quotes(area_id) + "; the part before the dot names the area",
                         closest.empty() ? std::vector<DiagnosticNote>{}
                                         : std::vector<DiagnosticNote>{{NoteKind::help, "did you mean " +
                                                                                            in_quotes(closest) + "?"}});
            } else if (!fields_of(areas, area->id).empty()) {
                id_error("indicator " + in_quotes(area_id) + " is made of fields; put the question in one of them");
            } else {
                question.core = area->core;
            }
            question.area = area_id;
        }

        const TomlValue kind = table["kind"];
        question.kind = kind.required(question_kinds).value_or(QuestionKind::input);
        if (area_id == "city" && kind && question.kind != QuestionKind::fact)
            kind.error("questions about the city are facts");
        question.type = table.required("type", answer_types).value_or(AnswerType::yes_partly_no);

        const bool fact = question.kind == QuestionKind::fact;
        switch (question.type) {
            case AnswerType::yes_partly_no:
                table.forbid("options", "yes_partly_no questions use the shared [yes_partly_no] scale");
                question.options = scale_;
                break;
            case AnswerType::single_choice:
            case AnswerType::multiple_choice: question.options = read_options(table); break;
            case AnswerType::integer:
            case AnswerType::percentage: table.forbid("options", "only choice questions have options"); break;
            case AnswerType::text: table.forbid("options", "text questions have no options"); break;
        }
        if (question.type == AnswerType::multiple_choice && !fact)
            question.cap = table.required<double>(
                "cap", {.what = "the positive number of points the question gives at most", .above = 0});
        else
            table.forbid("cap", "only scored multiple-choice questions have a cap");
        if (question.type == AnswerType::integer) {
            question.minimum = table.optional<double>("minimum");
            const TomlValue maximum = table["maximum"];
            question.maximum = maximum.optional<double>();
            if (question.minimum && question.maximum && *question.minimum > *question.maximum)
                maximum.error("smaller than the minimum " + number_text(*question.minimum));
        } else {
            table.forbid("minimum", "only integer questions have a range (percentages are 0-100)");
            table.forbid("maximum", "only integer questions have a range (percentages are 0-100)");
        }
        const bool banded = question.type == AnswerType::integer || question.type == AnswerType::percentage;
        if (banded && !fact)
            question.bands = read_bands(table, question.type == AnswerType::percentage ? 0 : question.minimum.value_or(0));
        else
            table.forbid("bands", banded ? "facts are not scored" : "only integer and percentage questions have bands");
        if (fact) {
            table.forbid("weight", "facts are not scored");
            question.required = table.optional<bool>("required").value_or(false);
        } else {
            table.forbid("required", "only facts can be required; an unanswered question earns no points");
            question.weight = table.optional<double>("weight", {.above = 0}).value_or(1);
        }
        question.allows_not_applicable = table.optional<bool>("not_applicable").value_or(false);
        return question;
    }

    static std::vector<const Area*> fields_of(const std::vector<Area>& areas, const std::string& indicator) {
        std::vector<const Area*> fields;
        for (const Area& area : areas)
            if (area.kind == AreaKind::field && area.parent == indicator) fields.push_back(&area);
        return fields;
    }

    DiagnosticSink& sink_;
    std::vector<Option> scale_;
    std::vector<std::pair<SourceLocation, SourceLocation>> area_places_;  // id and parent of each area
    std::map<std::string, SourceLocation> question_ids_;
};

}  // namespace

std::string_view to_string(QuestionKind kind) { return name_of(question_kinds, kind); }
std::string_view to_string(AnswerType type) { return name_of(answer_types, type); }

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
    DiagnosticSink sink;
    Questionnaire questionnaire;
    if (const auto document = TomlDocument::read(file, sink))
        QuestionnaireReader(sink).read(document->root(sink), questionnaire.current_version_, questionnaire.versions_,
                                       questionnaire.areas_, questionnaire.questions_);
    sink.throw_if_errors();
    return questionnaire;
}

Questionnaire Questionnaire::bundled(const DataRoot& data) {
    Questionnaire questionnaire = load(data.templates() / "index" / "questionnaire.toml");
    questionnaire.languages_ = available_languages(data);
    return questionnaire;
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
    std::vector<std::string> ids;
    for (const Question& question : questions_) ids.push_back(question.id);
    return closest_match(id, ids);
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
