#include "intake/skeleton.h"

#include "support/wording.h"

namespace icc::intake {

namespace {

std::string toml_string(const std::string& text) {
    std::string out = "\"";
    for (char c : text) out += c == '"' ? std::string("\\\"") : c == '\\' ? std::string("\\\\") : std::string(1, c);
    return out + "\"";
}

// Comment lines: "# text", wrapped at about 100 characters at spaces.
std::string comment(const std::string& text) {
    std::string out, line;
    std::size_t characters = 0;
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t end = std::min(text.find(' ', start), text.size());
        const std::string word = text.substr(start, end - start);
        std::size_t width = 0;
        for (unsigned char c : word) width += (c & 0xC0) != 0x80;
        if (!line.empty() && characters + 1 + width > 98) {
            out += "# " + line + "\n";
            line.clear();
            characters = 0;
        }
        line += (line.empty() ? "" : " ") + word;
        characters += (characters ? 1 : 0) + width;
        start = end + 1;
    }
    if (!line.empty()) out += "# " + line + "\n";
    return out;
}

std::string example(const FormRow& row) {
    const Question& question = *row.question;
    switch (question.type) {
        case AnswerType::yes_partly_no:
        case AnswerType::single_choice: return toml_string(question.options.front().id);
        case AnswerType::multiple_choice: return "[" + toml_string(question.options.front().id) + "]";
        case AnswerType::integer: return number_text(question.minimum.value_or(0));
        case AnswerType::percentage: return "0";
        case AnswerType::text: return "\"\"";
    }
    return {};
}

}  // namespace

std::string edition_skeleton(const QuestionnaireForm& form, const Catalog& catalog, const SkeletonIdentity& identity) {
    std::string out = comment(form.title) + comment(catalog.text("intake.skeleton.header")) + "\n[city]\n";
    out += "id = " + toml_string(identity.city) + "\n";
    const FormSheet& facts = form.sheets.front();
    const auto identity_line = [&](const std::string& key, const std::string& value, const std::string& placeholder) {
        for (const FormRow& row : facts.rows)
            if (row.id == "city." + key) out += comment(row.wording);
        out += value.empty() ? "# " + key + " = " + toml_string(placeholder) + "\n" : key + " = " + toml_string(value) + "\n";
    };
    identity_line("name", identity.name, identity.city);
    identity_line("country", identity.country, "PT");
    // The city's languages may be left out: the line stays commented, its example the skeleton's language
    // as a TOML list (the workbook's help, about a cell of codes, would mislead here).
    for (const FormRow& row : facts.rows)
        if (row.id == city_languages_key) out += comment(row.wording);
    out += "# languages = [" + toml_string(form.lang) + "]\n";
    const auto question_lines = [&](const FormRow& row, const std::string& key) {
        out += "\n" + comment(row.wording);
        const Question& question = *row.question;
        if (question.type == AnswerType::yes_partly_no || question.type == AnswerType::single_choice ||
            question.type == AnswerType::multiple_choice) {
            std::string options;
            for (const FormOption& option : row.options)
                options += (options.empty() ? "" : " · ") + toml_string(option.id) + " = " + option.label;
            if (question.type == AnswerType::multiple_choice)
                out += comment(catalog.format("intake.skeleton.list", {{"example", example(row)}}));
            out += comment(options);
        } else {
            out += comment(row.help);
        }
        out += "# " + key + " = " + example(row) + "\n";
    };
    for (const FormRow& row : facts.rows)
        if (row.question) question_lines(row, row.question->city_key());
    out += "\n[edition]\ndate = " + identity.date.iso() + "\nquestionnaire = " + toml_string(form.questionnaire_version) + "\n";
    for (std::size_t i = 1; i < form.sheets.size(); ++i) {
        const FormSheet& sheet = form.sheets[i];
        out += "\n" + comment(sheet.title) + "[answers." + sheet.area + "]\n";
        for (const FormRow& row : sheet.rows) question_lines(row, row.id.substr(sheet.area.size() + 1));
    }
    return out;
}

}  // namespace icc::intake
