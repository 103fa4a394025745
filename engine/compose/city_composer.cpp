#include "compose/city_composer.h"

#include <cmath>

namespace icc {

std::string CityComposer::answer_text_of(const Question& question, const Answer& answer) const {
    if (const auto* option = std::get_if<std::string>(&answer.value)) {
        if (*option == unknown_answer || *option == not_applicable_answer ||
            question.type == AnswerType::yes_partly_no)
            return text("index.answers." + *option);
        if (question.type == AnswerType::text) return *option;
        return text(question.option_key(*option));
    }
    if (const auto* options = std::get_if<std::vector<std::string>>(&answer.value)) {
        std::vector<std::string> names;
        for (const auto& option : *options) names.push_back(text(question.option_key(option)));
        return names.empty() ? text("report.area.none_ticked") : catalog_.list(names);
    }
    if (const auto* integer = std::get_if<std::int64_t>(&answer.value)) {
        if (question.type == AnswerType::percentage) return catalog_.percent(static_cast<double>(*integer), 0);
        return catalog_.integer(*integer);
    }
    if (const auto* real = std::get_if<double>(&answer.value)) {
        if (question.type == AnswerType::percentage) return catalog_.percent(*real, 1);
        return catalog_.number(*real, std::floor(*real) == *real ? 0 : 1);
    }
    return answer_text(answer.value);
}

std::string CityComposer::rate_text(const Exact& value) const { return catalog_.percent(published(value)); }
std::string CityComposer::rate_text(const Figure& figure) const { return catalog_.percent(figure); }

std::string CityComposer::area_name(const std::string& id) const {
    return text(data_.questionnaire.area(id).name_key());
}

Exact CityComposer::sample_average(const std::string& area) const {
    return data_.sample.averages.area(area).value.value_or(Exact(0));
}

void CityComposer::paragraph(std::string body, ParagraphStyle style) {
    add(ParagraphBlock{plain_text(std::move(body)), style, {}});
}

void CityComposer::figure(charts::ChartData chart, double height, std::string caption) {
    std::string alt = charts::describe_chart(catalog_, chart);
    add(FigureBlock{charts::chart_spec(catalog_, std::move(chart)), height, 1.0, std::move(caption), std::move(alt)});
}

void CityComposer::bullets(std::vector<std::string> items) {
    ListBlock list;
    for (auto& item : items) list.items.push_back(plain_text(std::move(item)));
    add(std::move(list));
}

}  // namespace icc
