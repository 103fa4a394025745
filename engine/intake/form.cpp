#include "intake/form.h"

#include <set>

#include "support/wording.h"

namespace icc::intake {

namespace {

// Excel forbids these in sheet names and allows at most 31 characters.
std::string sheet_name(std::string name, std::set<std::string>& taken) {
    std::string clean;
    for (char c : name) clean += std::string_view("[]:*?/\\").find(c) == std::string_view::npos ? c : ' ';
    // Cut at a character boundary (UTF-8), counting characters as Excel does.
    std::string cut;
    int characters = 0;
    for (std::size_t i = 0; i < clean.size();) {
        std::size_t length = 1;
        const auto byte = static_cast<unsigned char>(clean[i]);
        if (byte >= 0xF0) length = 4;
        else if (byte >= 0xE0) length = 3;
        else if (byte >= 0xC0) length = 2;
        if (characters == 28) break;
        cut += clean.substr(i, length);
        i += length;
        ++characters;
    }
    std::string unique = cut;
    for (int n = 2; taken.count(unique); ++n) unique = cut + " " + std::to_string(n);
    taken.insert(unique);
    return unique;
}

class FormComposer {
public:
    FormComposer(const Questionnaire& questionnaire, const Catalog& catalog, const Edition* previous)
        : questionnaire_(questionnaire), catalog_(catalog), previous_(previous) {}

    QuestionnaireForm compose() {
        QuestionnaireForm form;
        form.lang = catalog_.lang();
        form.questionnaire_version = questionnaire_.current_version();
        if (previous_) {
            form.prefilled_from = previous_->city.id + " " + previous_->date.iso();
            form.edition_language = previous_->language;
        }
        form.title = catalog_.format("intake.title", {{"version", form.questionnaire_version}});
        form.none_label = catalog_.text("intake.none_of_these");
        form.instructions_sheet = catalog_.text("intake.sheet_instructions");
        form.columns = {catalog_.text("intake.column_id"), catalog_.text("intake.column_question"),
                        catalog_.text("intake.column_help"), catalog_.text("intake.column_answer"),
                        catalog_.text("intake.column_comment"), catalog_.text("intake.column_comment_language")};
        std::set<std::string> taken{form.instructions_sheet, form_sheet_name};

        FormSheet facts{"city", sheet_name(catalog_.text("intake.sheet_city"), taken), catalog_.text("intake.sheet_city"), {}};
        facts.rows.push_back(identity_row("city.id", "intake.city_id", previous_ ? previous_->city.id : ""));
        facts.rows.push_back(identity_row("city.name", "intake.city_name", previous_ ? previous_->city.name : ""));
        facts.rows.push_back(identity_row("city.country", "intake.city_country", previous_ ? previous_->city.country : ""));
        FormRow languages = identity_row(city_languages_key, "intake.city_languages",
                                         previous_ ? languages_cell(previous_->city.languages) : "");
        languages.help = catalog_.text("intake.help_languages");
        languages.required = false;
        facts.rows.push_back(std::move(languages));
        facts.rows.push_back(identity_row("edition.date", "intake.edition_date", previous_ ? previous_->date.iso() : ""));
        for (const Question& question : questionnaire_.questions())
            if (question.area.empty()) facts.rows.push_back(question_row(question));
        form.sheets.push_back(std::move(facts));

        // In the report's order: an indicator made of fields (the lens) is asked field by field.
        const auto add_sheet = [&](const Area& area) {
            const auto questions = questionnaire_.questions_of(area.id);
            if (questions.empty()) return;
            FormSheet sheet{area.id, sheet_name(catalog_.text(area.short_key()), taken), catalog_.text(area.name_key()), {}};
            for (const Question* question : questions) sheet.rows.push_back(question_row(*question));
            form.sheets.push_back(std::move(sheet));
        };
        for (const Area* indicator : questionnaire_.indicators()) {
            add_sheet(*indicator);
            for (const Area* field : questionnaire_.fields_of(indicator->id)) add_sheet(*field);
        }
        const MessageArgs names{{"city", form.sheets.front().name},
                                {"answer", form.columns[3]},
                                {"comment", form.columns[4]},
                                {"comment_language", form.columns[5]},
                                {"unknown", catalog_.text("index.answers.unknown")}};
        for (const char* key : {"intake.instructions.p1", "intake.instructions.p2", "intake.instructions.p3",
                                "intake.instructions.p4", "intake.instructions.p4_language",
                                "intake.instructions.p5", "intake.instructions.p6"})
            form.instructions.push_back(catalog_.format(key, names));
        return form;
    }

private:
    FormRow identity_row(const std::string& id, const std::string& key, const std::string& value) {
        FormRow row;
        row.id = id;
        row.wording = catalog_.text(key);
        row.help = catalog_.text("intake.help_required");
        row.required = true;
        row.answer = value;
        return row;
    }

    FormRow question_row(const Question& question) {
        FormRow row;
        row.id = question.id;
        row.question = &question;
        row.wording = catalog_.text(question.text_key());
        row.required = question.required;
        std::vector<std::string> labels;
        for (const Option& option : question.options) {
            row.options.push_back({option.id, catalog_.text(question.option_key(option.id))});
            labels.push_back(row.options.back().label);
        }
        const std::string listed = catalog_.list(labels);
        switch (question.type) {
            case AnswerType::yes_partly_no:
            case AnswerType::single_choice: row.help = catalog_.format("intake.help_choice", {{"options", listed}}); break;
            case AnswerType::multiple_choice:
                row.help = catalog_.format("intake.help_multiple",
                                           {{"options", listed}, {"none", catalog_.text("intake.none_of_these")}});
                break;
            case AnswerType::integer:
                if (question.maximum)
                    row.help = catalog_.format("intake.help_integer_range",
                                               {{"min", static_cast<std::int64_t>(question.minimum.value_or(0))},
                                                {"max", static_cast<std::int64_t>(*question.maximum)}});
                else
                    row.help = catalog_.format("intake.help_integer_min",
                                               {{"min", static_cast<std::int64_t>(question.minimum.value_or(0))}});
                break;
            case AnswerType::percentage: row.help = catalog_.text("intake.help_percentage"); break;
            case AnswerType::text: row.help = catalog_.text("intake.help_text"); break;
        }
        if (question.required) row.help += " " + catalog_.text("intake.help_required");
        // Every question may be answered "unknown"; some "not applicable". Only
        // choices get a drop-down, but the reserved answers are accepted everywhere.
        row.options.push_back({std::string(unknown_answer), catalog_.text(question.option_key(unknown_answer))});
        if (question.allows_not_applicable)
            row.options.push_back(
                {std::string(not_applicable_answer), catalog_.text(question.option_key(not_applicable_answer))});
        if (previous_)
            if (const Answer* answer = previous_->find(question.id)) prefill(row, question, *answer);
        return row;
    }

    const FormOption* option(const FormRow& row, const std::string& id) const {
        for (const FormOption& option : row.options)
            if (option.id == id) return &option;
        return nullptr;
    }

    void prefill(FormRow& row, const Question& question, const Answer& answer) {
        row.comment = answer.comment;
        // The comment's language as the edition gives it (its own, else the edition's), shown only where
        // it is not the form's: a blank cell means "written in the form's language".
        if (!answer.comment.empty()) {
            const std::string& language = answer.language.empty() ? previous_->language : answer.language;
            if (language != catalog_.lang()) row.comment_language = language;
        }
        if (const auto* text = std::get_if<std::string>(&answer.value)) {
            const FormOption* chosen = option(row, *text);
            row.answer = chosen ? chosen->label : *text;
        } else if (const auto* items = std::get_if<std::vector<std::string>>(&answer.value)) {
            if (items->empty()) row.answer = catalog_.text("intake.none_of_these");
            for (const std::string& item : *items) {
                const FormOption* chosen = option(row, item);
                row.answer += (row.answer.empty() ? "" : "; ") + (chosen ? chosen->label : item);
            }
        } else if (const auto* whole = std::get_if<std::int64_t>(&answer.value)) {
            row.answer_number = static_cast<double>(*whole);
            row.answer = std::to_string(*whole);
        } else if (const auto* number = std::get_if<double>(&answer.value)) {
            row.answer_number = *number;
            row.answer = number_text(*number);
        } else {
            row.answer = answer_text(answer.value);
        }
        (void)question;
    }

    const Questionnaire& questionnaire_;
    const Catalog& catalog_;
    const Edition* previous_;
};

}  // namespace

std::string languages_cell(const std::vector<std::string>& languages) {
    std::string cell;
    for (const std::string& tag : languages) cell += (cell.empty() ? "" : ", ") + tag;
    return cell;
}

QuestionnaireForm compose_form(const Questionnaire& questionnaire, const Catalog& catalog, const Edition* previous) {
    return FormComposer(questionnaire, catalog, previous).compose();
}

}  // namespace icc::intake
