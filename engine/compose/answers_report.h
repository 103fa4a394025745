#pragma once
// The first report: a cover and the table of a city's answers.
#include "compose/document.h"
#include "load/edition.h"
#include "support/locale.h"

namespace icc {

Document compose_answers_report(const Edition& edition, const Catalog& catalog);

}  // namespace icc
