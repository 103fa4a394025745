#include "compose/city_composer.h"

#include <cmath>

#include <unicode/locid.h>

#include "support/bidi.h"

namespace icc {

// A language's name in the reader's language, from ICU's locale data
// ("French" in English, "français" in French).
std::string language_name(const std::string& tag, const std::string& icu_locale) {
    const icu::Locale language(primary_language(tag).c_str());
    icu::UnicodeString name;
    language.getDisplayLanguage(icu::Locale(icu_locale.c_str()), name);
    std::string text;
    name.toUTF8String(text);
    return text.empty() ? tag : text;
}

std::string CityComposer::answer_text_of(const Question& question, const Answer& answer) const {
    if (const auto* option = std::get_if<std::string>(&answer.value)) {
        if (*option == unknown_answer || *option == not_applicable_answer ||
            question.type == AnswerType::yes_partly_no)
            return text("index.answers." + *option);
        // The city's own words, set beside the reader's: isolated, like a
        // message's argument, so that an Arabic answer in an English line (or
        // a French one in an Arabic line) keeps its order and its full stop.
        if (question.type == AnswerType::text) return isolated(quoted_answer(answer).text);
        return text(question.option_key(*option));
    }
    if (const auto* options = std::get_if<std::vector<std::string>>(&answer.value)) {
        std::vector<std::string> names;
        for (const auto& option : *options) names.push_back(text(question.option_key(option)));
        return names.empty() ? text("report.area.none_ticked") : catalog_.list_of_labels(names);
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

QuotedText CityComposer::quoted_comment(const Answer& answer) const {
    const std::string& language = answer.language.empty() ? data_.edition.language : answer.language;
    return quote_free_text(answer.comment, language, answer.comment_translations, catalog_.lang());
}

QuotedText CityComposer::quoted_answer(const Answer& answer) const {
    const auto* text = std::get_if<std::string>(&answer.value);
    return quote_free_text(text ? *text : std::string(), data_.edition.language, answer.answer_translations,
                           catalog_.lang());
}

}  // namespace icc
