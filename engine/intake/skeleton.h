#pragma once
// The edition file for those who prefer a text editor: every question of the
// questionnaire present and commented out, each with its wording, the option
// ids it accepts (with their labels) or its range, in the form's language.
#include <string>

#include "intake/form.h"

namespace icc::intake {

struct SkeletonIdentity {
    std::string city;     // the city's id
    std::string name;     // empty: the line is left for the user
    std::string country;  // empty: the line is left for the user
    Date date;
};

std::string edition_skeleton(const QuestionnaireForm& form, const Catalog& catalog, const SkeletonIdentity& identity);

}  // namespace icc::intake
