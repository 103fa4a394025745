#include "intake/xlsx_writer.h"

#include <xlsxwriter.h>

#include <algorithm>
#include <ctime>
#include <map>
#include <memory>

#include "support/atomic_file.h"
#include "support/bidi.h"
#include "support/diagnostic.h"

namespace icc::intake {

namespace {

// Every cell's text as the reader types it: the form's messages carry the
// isolates of the typeset page around their values (support/bidi.h), which a
// spreadsheet shows as they are or not at all; each cell has its own direction.
lxw_error write_text(lxw_worksheet* sheet, lxw_row_t row, lxw_col_t column, const char* text, lxw_format* format) {
    const std::string plain = without_isolates(text);
    return worksheet_write_string(sheet, row, column, plain.c_str(), format);
}

// libxlsxwriter frees a workbook only by closing it (which writes the file);
// a workbook abandoned by an exception is closed into the temporary file,
// which AtomicFile then removes.
struct WorkbookClose {
    void operator()(lxw_workbook* workbook) const { if (workbook) workbook_close(workbook); }
};
using WorkbookPtr = std::unique_ptr<lxw_workbook, WorkbookClose>;

// The form's documents carry a date from their data: the edition it was
// filled from, else 1 January of the questionnaire's version.
std::time_t creation_time(const QuestionnaireForm& form) {
    std::tm date{};
    date.tm_year = 70;
    date.tm_mon = 0;
    date.tm_mday = 1;
    if (form.prefilled_from.size() >= 10) {
        const std::string iso = form.prefilled_from.substr(form.prefilled_from.size() - 10);
        date.tm_year = std::stoi(iso.substr(0, 4)) - 1900;
        date.tm_mon = std::stoi(iso.substr(5, 2)) - 1;
        date.tm_mday = std::stoi(iso.substr(8, 2));
    } else if (form.questionnaire_version.size() == 4) {
        date.tm_year = std::stoi(form.questionnaire_version) - 1900;
    }
    return timegm(&date);
}

class FormWriter {
public:
    FormWriter(const QuestionnaireForm& form, lxw_workbook* workbook) : form_(form), workbook_(workbook) {
        title_ = workbook_add_format(workbook_);
        format_set_bold(title_);
        format_set_font_size(title_, 14);
        heading_ = workbook_add_format(workbook_);
        format_set_bold(heading_);
        format_set_bg_color(heading_, 0xDDE4EE);
        format_set_bottom(heading_, LXW_BORDER_THIN);
        format_set_text_wrap(heading_);
        locked_ = workbook_add_format(workbook_);
        format_set_text_wrap(locked_);
        format_set_align(locked_, LXW_ALIGN_VERTICAL_TOP);
        id_ = workbook_add_format(workbook_);
        format_set_font_color(id_, 0x555555);
        format_set_align(id_, LXW_ALIGN_VERTICAL_TOP);
        open_ = workbook_add_format(workbook_);
        format_set_unlocked(open_);
        format_set_text_wrap(open_);
        format_set_align(open_, LXW_ALIGN_VERTICAL_TOP);
        format_set_bg_color(open_, 0xFFF8DC);
        format_set_border(open_, LXW_BORDER_THIN);
        format_set_border_color(open_, 0xC8C8C8);
        // Text cells stay text: "2026-03-15" or "007" must not become numbers.
        open_text_ = workbook_add_format(workbook_);
        format_set_unlocked(open_text_);
        format_set_text_wrap(open_text_);
        format_set_align(open_text_, LXW_ALIGN_VERTICAL_TOP);
        format_set_bg_color(open_text_, 0xFFF8DC);
        format_set_border(open_text_, LXW_BORDER_THIN);
        format_set_border_color(open_text_, 0xC8C8C8);
        format_set_num_format(open_text_, "@");
        paragraph_ = workbook_add_format(workbook_);
        format_set_text_wrap(paragraph_);
        format_set_align(paragraph_, LXW_ALIGN_VERTICAL_TOP);
    }

    void write() {
        write_instructions();
        lxw_worksheet* meta_sheet = nullptr;
        std::vector<lxw_worksheet*> sheets;
        for (const FormSheet& sheet : form_.sheets) sheets.push_back(workbook_add_worksheet(workbook_, sheet.name.c_str()));
        meta_sheet = workbook_add_worksheet(workbook_, form_sheet_name);
        write_meta(meta_sheet);
        for (std::size_t i = 0; i < sheets.size(); ++i) write_sheet(sheets[i], form_.sheets[i]);
    }

private:
    void protect(lxw_worksheet* sheet) {
        lxw_protection options{};
        options.format_columns = 1;
        options.format_rows = 1;
        worksheet_protect(sheet, nullptr, &options);
    }

    void write_instructions() {
        lxw_worksheet* sheet = workbook_add_worksheet(workbook_, form_.instructions_sheet.c_str());
        worksheet_set_column(sheet, 0, 0, 100, paragraph_);
        write_text(sheet, 0, 0, form_.title.c_str(), title_);
        int row = 2;
        for (const std::string& paragraph : form_.instructions) {
            write_text(sheet, row, 0, paragraph.c_str(), paragraph_);
            // Rows do not grow with wrapped text when a file is opened; give long paragraphs room.
            worksheet_set_row(sheet, row, 15.0 * (1 + static_cast<double>(paragraph.size()) / 110), nullptr);
            row += 2;
        }
        print_setup(sheet);
        protect(sheet);
        worksheet_activate(sheet);
    }

    // The record import checks, and the drop-down lists (one column per question).
    void write_meta(lxw_worksheet* sheet) {
        int row = 0;
        const auto pair = [&](const char* key, const std::string& value) {
            write_text(sheet, row, 0, key, nullptr);
            write_text(sheet, row, 1, value.c_str(), nullptr);
            ++row;
        };
        pair("form", "iccreport questionnaire");
        pair("layout", std::to_string(form_layout_version));
        pair("questionnaire", form_.questionnaire_version);
        pair("language", form_.lang);
        pair("prefilled_from", form_.prefilled_from);
        if (!form_.edition_language.empty()) pair("edition_language", form_.edition_language);
        for (const FormSheet& sheet_of_form : form_.sheets) {
            write_text(sheet, row, 0, "sheet", nullptr);
            write_text(sheet, row, 1, sheet_of_form.area.c_str(), nullptr);
            write_text(sheet, row, 2, sheet_of_form.name.c_str(), nullptr);
            ++row;
        }
        int column = 4;
        for (const FormSheet& sheet_of_form : form_.sheets)
            for (const FormRow& row_of_form : sheet_of_form.rows) {
                if (!row_of_form.question || !has_drop_down(*row_of_form.question)) continue;
                write_text(sheet, 0, column, row_of_form.id.c_str(), nullptr);
                for (std::size_t i = 0; i < row_of_form.options.size(); ++i)
                    write_text(sheet, static_cast<lxw_row_t>(i + 1), column,
                                           row_of_form.options[i].label.c_str(), nullptr);
                const std::string letters = column_name(column);
                lists_[row_of_form.id] = "='" + std::string(form_sheet_name) + "'!$" + letters + "$2:$" + letters +
                                         "$" + std::to_string(row_of_form.options.size() + 1);
                ++column;
            }
        protect(sheet);
        worksheet_hide(sheet);
    }

    static std::string column_name(int column) {
        std::string name;
        for (int n = column + 1; n > 0; n = (n - 1) / 26) name.insert(name.begin(), static_cast<char>('A' + (n - 1) % 26));
        return name;
    }

    static bool has_drop_down(const Question& question) {
        return question.type == AnswerType::yes_partly_no || question.type == AnswerType::single_choice;
    }

    void validate(lxw_worksheet* sheet, int row, const FormRow& form_row) {
        if (!form_row.question) return;
        const Question& question = *form_row.question;
        lxw_data_validation validation{};
        validation.ignore_blank = LXW_VALIDATION_ON;
        validation.show_input = LXW_VALIDATION_OFF;
        validation.dropdown = LXW_VALIDATION_ON;
        // Numbers warn but accept: "Unknown" must still be possible in a number cell.
        validation.error_type = LXW_VALIDATION_ERROR_TYPE_WARNING;
        std::string formula;
        if (has_drop_down(question)) {
            formula = lists_.at(form_row.id);
            validation.validate = LXW_VALIDATION_TYPE_LIST_FORMULA;
            validation.value_formula = formula.data();
            validation.error_type = LXW_VALIDATION_ERROR_TYPE_STOP;
        } else if (question.type == AnswerType::integer) {
            validation.validate = LXW_VALIDATION_TYPE_INTEGER;
            validation.criteria = question.maximum ? LXW_VALIDATION_CRITERIA_BETWEEN
                                                   : LXW_VALIDATION_CRITERIA_GREATER_THAN_OR_EQUAL_TO;
            validation.minimum_number = question.minimum.value_or(0);
            validation.maximum_number = question.maximum.value_or(0);
            validation.value_number = question.minimum.value_or(0);
        } else if (question.type == AnswerType::percentage) {
            validation.validate = LXW_VALIDATION_TYPE_DECIMAL;
            validation.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
            validation.minimum_number = 0;
            validation.maximum_number = 100;
        } else {
            return;
        }
        std::string message = without_isolates(form_row.help);
        validation.error_message = message.data();
        if (worksheet_data_validation_cell(sheet, static_cast<lxw_row_t>(row), answer_column, &validation) !=
            LXW_NO_ERROR)
            throw InternalError("data validation refused for " + form_row.id);
    }

    void write_sheet(lxw_worksheet* sheet, const FormSheet& form_sheet) {
        worksheet_set_column(sheet, id_column, id_column, 30, id_);
        worksheet_set_column(sheet, question_column, question_column, 60, locked_);
        worksheet_set_column(sheet, help_column, help_column, 40, locked_);
        worksheet_set_column(sheet, answer_column, answer_column, 30, nullptr);
        worksheet_set_column(sheet, comment_column, comment_column, 60, nullptr);
        worksheet_set_column(sheet, comment_language_column, comment_language_column, 16, nullptr);
        write_text(sheet, 0, 0, form_sheet.title.c_str(), title_);
        for (int column = 0; column <= comment_language_column; ++column)
            write_text(sheet, 1, static_cast<lxw_col_t>(column), form_.columns[column].c_str(), heading_);
        worksheet_freeze_panes(sheet, first_question_row, 0);
        int row = first_question_row;
        for (const FormRow& form_row : form_sheet.rows) {
            const auto r = static_cast<lxw_row_t>(row);
            write_text(sheet, r, id_column, form_row.id.c_str(), id_);
            write_text(sheet, r, question_column, form_row.wording.c_str(), locked_);
            write_text(sheet, r, help_column, form_row.help.c_str(), locked_);
            if (form_row.answer_number)
                worksheet_write_number(sheet, r, answer_column, *form_row.answer_number, open_);
            else if (!form_row.answer.empty())
                write_text(sheet, r, answer_column, form_row.answer.c_str(), open_text_);
            else
                worksheet_write_blank(sheet, r, answer_column, form_row.question ? open_ : open_text_);
            if (!form_row.comment.empty())
                write_text(sheet, r, comment_column, form_row.comment.c_str(), open_);
            else
                worksheet_write_blank(sheet, r, comment_column, open_);
            if (!form_row.comment_language.empty())
                write_text(sheet, r, comment_language_column, form_row.comment_language.c_str(), open_text_);
            else
                worksheet_write_blank(sheet, r, comment_language_column, open_text_);
            validate(sheet, row, form_row);
            // Spreadsheets do not grow a row to its wrapped text when they open a file: give it the lines it needs.
            const double lines = std::max({wrapped_lines(form_row.wording, 60), wrapped_lines(form_row.help, 40),
                                           wrapped_lines(form_row.answer, 30), wrapped_lines(form_row.comment, 60)});
            worksheet_set_row(sheet, r, 15.0 * lines, nullptr);
            ++row;
        }
        print_setup(sheet);
        worksheet_repeat_rows(sheet, 0, first_question_row - 1);
        protect(sheet);
    }

    // Printed or turned into PDF: landscape, every column on one page wide.
    static void print_setup(lxw_worksheet* sheet) {
        worksheet_set_landscape(sheet);
        worksheet_set_paper(sheet, 9);  // A4
        worksheet_fit_to_pages(sheet, 1, 0);
    }

    // Lines a text takes in a column `width` characters wide (characters, not bytes).
    static double wrapped_lines(const std::string& text, int width) {
        std::size_t characters = 0;
        for (unsigned char c : text) characters += (c & 0xC0) != 0x80;
        return 1.0 + static_cast<double>(characters / static_cast<std::size_t>(width - 4));
    }

    const QuestionnaireForm& form_;
    lxw_workbook* workbook_;
    lxw_format* title_ = nullptr;
    lxw_format* heading_ = nullptr;
    lxw_format* locked_ = nullptr;
    lxw_format* id_ = nullptr;
    lxw_format* open_ = nullptr;
    lxw_format* open_text_ = nullptr;
    lxw_format* paragraph_ = nullptr;
    std::map<std::string, std::string> lists_;  // question id -> list formula
};

}  // namespace

void write_form_xlsx(const QuestionnaireForm& form, const std::filesystem::path& target) {
    AtomicFile file(target);
    {
        WorkbookPtr workbook(workbook_new(file.temp_path().c_str()));
        if (!workbook) throw DiagnosticError(Diagnostic{Severity::error, {target.string()}, "cannot create the workbook"});
        const std::string title = form.title;
        lxw_doc_properties properties{};
        properties.title = const_cast<char*>(title.c_str());
        properties.author = const_cast<char*>("Council of Europe, Intercultural Cities programme");
        properties.created = creation_time(form);
        workbook_set_properties(workbook.get(), &properties);
        workbook_set_custom_property_string(workbook.get(), "ICC questionnaire version", form.questionnaire_version.c_str());
        workbook_set_custom_property_string(workbook.get(), "ICC form language", form.lang.c_str());
        FormWriter(form, workbook.get()).write();
        const lxw_error closed = workbook_close(workbook.release());
        if (closed != LXW_NO_ERROR)
            throw DiagnosticError(Diagnostic{Severity::error, {target.string()},
                                             std::string("cannot write the workbook: ") + lxw_strerror(closed)});
    }
    file.commit();
}

}  // namespace icc::intake
