#pragma once
// The questionnaire to read or print (`iccreport questionnaire --format pdf`):
// the same form the XLSX carries (intake::QuestionnaireForm: the same
// questions, ids, wording, options and pre-filled answers), typeset as a
// document. The city's facts and each area are sections; each question shows
// its id, its wording, how to answer it, and a check box per allowed option
// or a line to write on; a pre-filled form shows the earlier edition's
// answers (ticked boxes, the values written on the lines) and comments.
#include "compose/document.h"
#include "intake/form.h"
#include "load/edition.h"
#include "support/locale.h"

namespace icc {

// `previous`: the edition the form was pre-filled from (its city and date
// are named on the cover), or nullptr for a blank questionnaire.
Document compose_printed_questionnaire(const intake::QuestionnaireForm& form, const Catalog& catalog,
                                       const Edition* previous = nullptr);

}  // namespace icc
