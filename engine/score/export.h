#pragma once
// Machine-readable exports of a sample, for the public charts and for
// anyone who wants to check the figures: CSV (one row per city) and JSON
// (cities, averages, peer groups, progress). Figures are published figures
// (one decimal, '.' as decimal mark), dates ISO 8601, empty or null when a
// figure does not exist. Columns and fields: docs/scoring.md.
#include <string>

#include "load/questionnaire.h"
#include "score/sample.h"

namespace icc {

std::string sample_csv(const Sample& sample, const Questionnaire& questionnaire);
std::string sample_json(const Sample& sample, const Questionnaire& questionnaire);

}  // namespace icc
