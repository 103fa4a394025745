#include "score/scores.h"

#include <algorithm>
#include <cmath>
#include <ostream>
#include <set>

namespace icc {

namespace {

// The points of the last band the value reaches; below the first band, none.
double band_points(const Question& question, double value) {
    double points = 0;
    for (const Band& band : question.bands)
        if (value >= band.from) points = band.points;
    return points;
}

// Points of a valid answer before weight; empty when the value does not fit the question.
std::optional<Exact> points_of(const Question& question, const AnswerValue& value) {
    switch (question.type) {
        case AnswerType::yes_partly_no:
        case AnswerType::single_choice:
            if (const auto* text = std::get_if<std::string>(&value))
                if (const Option* option = question.find_option(*text)) return exact_decimal(option->points);
            return std::nullopt;
        case AnswerType::multiple_choice: {
            const auto* items = std::get_if<std::vector<std::string>>(&value);
            if (!items) return std::nullopt;
            Exact sum = 0;
            std::set<std::string_view> counted;
            for (const std::string& item : *items)
                if (const Option* option = question.find_option(item); option && counted.insert(item).second)
                    sum += exact_decimal(option->points);
            if (question.cap) sum = std::min(sum, exact_decimal(*question.cap));
            return sum;
        }
        case AnswerType::integer:
            if (const auto* i = std::get_if<std::int64_t>(&value))
                return exact_decimal(band_points(question, static_cast<double>(*i)));
            return std::nullopt;
        case AnswerType::percentage:
            if (const auto* i = std::get_if<std::int64_t>(&value))
                return exact_decimal(band_points(question, static_cast<double>(*i)));
            if (const auto* d = std::get_if<double>(&value)) return exact_decimal(band_points(question, *d));
            return std::nullopt;
        case AnswerType::text: return std::nullopt;
    }
    return std::nullopt;
}

// The points of the best answer, before weight, exactly (Question::max_points in rationals).
Exact best_points(const Question& question) {
    Exact best = 0;
    switch (question.type) {
        case AnswerType::yes_partly_no:
        case AnswerType::single_choice:
            for (const Option& option : question.options) best = std::max(best, exact_decimal(option.points));
            break;
        case AnswerType::multiple_choice:
            for (const Option& option : question.options) best += exact_decimal(option.points);
            if (question.cap) best = std::min(best, exact_decimal(*question.cap));
            break;
        case AnswerType::integer:
        case AnswerType::percentage:
            for (const Band& band : question.bands) best = std::max(best, exact_decimal(band.points));
            break;
        case AnswerType::text: break;
    }
    return best;
}

QuestionScore score_question(const Question& question, const Edition& edition, bool extended_version) {
    QuestionScore score;
    score.question = question.id;
    score.scored = question.scored();
    if (!question.area.empty() && !question.core && !extended_version) {
        score.status = AnswerStatus::not_asked;
        return score;
    }
    // max_points() adds option points (multiple choice); recompute it exactly.
    const Exact possible = score.scored ? exact_decimal(question.weight) * best_points(question) : Exact(0);
    const Answer* answer = edition.find(question.id);
    if (!answer) {
        score.status = AnswerStatus::unanswered;
        score.possible = possible;
        return score;
    }
    if (const auto* text = std::get_if<std::string>(&answer->value)) {
        if (*text == unknown_answer) {
            score.status = AnswerStatus::unknown;
            score.possible = possible;
            return score;
        }
        if (*text == not_applicable_answer && question.allows_not_applicable) {
            score.status = AnswerStatus::not_applicable;
            return score;
        }
    }
    score.status = AnswerStatus::answered;
    score.possible = possible;
    if (score.scored) {
        score.points = points_of(question, answer->value).value_or(0);
        score.earned = exact_decimal(question.weight) * score.points;
    }
    return score;
}

}  // namespace

std::string_view to_string(AnswerStatus status) {
    switch (status) {
        case AnswerStatus::answered: return "answered";
        case AnswerStatus::unanswered: return "unanswered";
        case AnswerStatus::unknown: return "unknown";
        case AnswerStatus::not_applicable: return "not_applicable";
        case AnswerStatus::not_asked: return "not_asked";
    }
    return "unanswered";
}

std::ostream& operator<<(std::ostream& out, AnswerStatus status) { return out << to_string(status); }

std::optional<Exact> weighted_mean(const std::vector<std::pair<std::optional<Exact>, Exact>>& values_and_weights) {
    Exact sum = 0;
    Exact weights = 0;
    for (const auto& [value, weight] : values_and_weights) {
        if (!value) continue;
        sum += *value * weight;
        weights += weight;
    }
    if (weights <= 0) return std::nullopt;
    return sum / weights;
}

const AreaScore* CityScores::area(std::string_view id) const {
    auto it = std::find_if(areas.begin(), areas.end(), [&](const AreaScore& a) { return a.area == id; });
    return it == areas.end() ? nullptr : &*it;
}

std::optional<Exact> CityScores::rate(std::string_view id) const {
    const AreaScore* found = area(id);
    return found ? found->rate : std::nullopt;
}

const QuestionScore* CityScores::question(std::string_view id) const {
    auto it = std::find_if(questions.begin(), questions.end(), [&](const QuestionScore& q) { return q.question == id; });
    return it == questions.end() ? nullptr : &*it;
}

std::string_view to_string(IndexKind kind) { return kind == IndexKind::extended ? "extended" : "core"; }

CityScores score_edition(const Edition& edition, const Questionnaire& questionnaire) {
    CityScores scores;
    scores.city = edition.city;
    scores.date = edition.date;
    scores.questionnaire = edition.questionnaire;
    const QuestionnaireVersion* version = questionnaire.find_version(edition.questionnaire);
    scores.extended_version = version && version->extended;

    for (const Question& question : questionnaire.questions())
        scores.questions.push_back(score_question(question, edition, scores.extended_version));

    // Areas with questions of their own: points earned over points possible.
    for (const Area& area : questionnaire.areas()) {
        AreaScore area_score;
        area_score.area = area.id;
        for (std::size_t i = 0; i < questionnaire.questions().size(); ++i) {
            if (questionnaire.questions()[i].area != area.id) continue;
            area_score.earned += scores.questions[i].earned;
            area_score.possible += scores.questions[i].possible;
        }
        if (area_score.possible > 0) area_score.rate = 100 * area_score.earned / area_score.possible;
        scores.areas.push_back(std::move(area_score));
    }
    // Indicators made of fields (the lens): the weighted mean of their fields' rates.
    for (AreaScore& area_score : scores.areas) {
        const auto fields = questionnaire.fields_of(area_score.area);
        if (fields.empty()) continue;
        std::vector<std::pair<std::optional<Exact>, Exact>> values;
        for (const Area* field : fields) values.emplace_back(scores.rate(field->id), exact_decimal(field->weight));
        area_score.rate = weighted_mean(values);
    }

    std::vector<std::pair<std::optional<Exact>, Exact>> all, core;
    for (const Area* indicator : questionnaire.indicators()) {
        all.emplace_back(scores.rate(indicator->id), exact_decimal(indicator->weight));
        if (indicator->core) core.emplace_back(scores.rate(indicator->id), exact_decimal(indicator->weight));
    }
    scores.aggregate = weighted_mean(all);
    scores.core = weighted_mean(core);
    if (scores.extended_version) scores.extended = scores.aggregate;
    return scores;
}

}  // namespace icc
