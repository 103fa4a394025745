#pragma once
// The plain-text tables of `iccreport score`: every city of a sample, ranked,
// or one city against the sample, its peer groups and its progress.
#include <ostream>

#include "load/questionnaire.h"
#include "score/sample.h"
#include "support/locale.h"

namespace icc {

void print_network_table(std::ostream& out, const Sample& sample, const Questionnaire& questionnaire,
                         const Catalog& catalog);
void print_city_table(std::ostream& out, const Sample& sample, const SampleCity& city,
                      const Questionnaire& questionnaire, const Catalog& catalog);

}  // namespace icc
