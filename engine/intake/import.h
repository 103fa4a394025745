#pragma once
// Reads a filled questionnaire back into an edition: the XLSX written by
// `iccreport questionnaire` (workbook.h) or a CSV of question, answer and
// comment (layout: docs/intake.md). Answers in any shipped language are
// mapped back to option ids ("Sí", "Oui", "Yes" and "yes" all mean yes),
// numbers accept a decimal comma, comments are kept. Every problem is
// reported at its cell (FILE:Sheet!D7) or line and column (FILE:7:2), all at
// once; the edition is then checked against the questionnaire as if it had
// been written by hand (validate_edition), at the same cells.
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "intake/form.h"
#include "load/edition.h"
#include "load/questionnaire.h"
#include "support/diagnostic.h"
#include "support/language.h"

namespace icc::intake {

// The forms of every shipped language, by language: the labels the importer maps back.
using FormsByLanguage = std::map<std::string, QuestionnaireForm>;

// Reads ANSWERS.xlsx or ANSWERS.csv (by its extension). `languages` is the
// language registry (support/language.h): the city's languages must be its,
// the words of the CSV layout are its source language's, and so is a workbook
// that names no language. Records every problem in `sink`; the edition is
// meaningful only when the sink has no errors.
Edition import_answers(const std::filesystem::path& file, const Questionnaire& questionnaire,
                       const FormsByLanguage& forms, const LanguageRegistry& languages, DiagnosticSink& sink);

// The edition in the response format, written one way (the same edition, the
// same bytes): [city] with its facts, [edition], then [answers.<area>] in the
// questionnaire's order; answers with a comment as { answer = ..., comment = ... }.
std::string edition_toml(const Edition& edition, const Questionnaire& questionnaire);

}  // namespace icc::intake
