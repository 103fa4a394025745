#pragma once
// Writes a QuestionnaireForm as an XLSX workbook (libxlsxwriter): an
// instructions sheet, the city's facts, one sheet per area, and a hidden
// sheet recording the form (layout, questionnaire version, language, sheets)
// and the drop-down lists. Question ids, wording and help are locked (sheet
// protection without a password: a guard against slips, not a lock); answer
// and comment cells are open. Same form, same bytes: the document's creation
// date comes from the form, never the clock.
#include <filesystem>

#include "intake/form.h"

namespace icc::intake {

// Writes atomically; throws DiagnosticError naming the target on failure.
void write_form_xlsx(const QuestionnaireForm& form, const std::filesystem::path& target);

// Layout of the area and facts sheets, shared with the importer.
inline constexpr int first_question_row = 2;  // 0-based: title, column headings, then questions
inline constexpr int id_column = 0, question_column = 1, help_column = 2, answer_column = 3, comment_column = 4,
                     comment_language_column = 5;

}  // namespace icc::intake
