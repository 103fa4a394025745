#pragma once
// The intercultural profile: what the secretariat publishes after an expert
// visit. It builds on the city's Index edition (a summary of its results) and
// on the experts' visit notes (the narrative, the recommendations, the
// programme and the people met). Sections follow the report template
// templates/report/profile.toml; every sentence around the experts' text
// comes from the locale catalog, and the experts' text stays in the language
// they wrote it in.
#include <string>
#include <vector>

#include "compose/document.h"
#include "compose/report_data.h"
#include "load/report_template.h"
#include "load/visit_notes.h"
#include "support/locale.h"

namespace icc {

// The section kinds and figure names the profile composer knows (for the template loader).
const std::vector<std::string>& profile_sections();
const std::vector<std::string>& profile_figures();

// What a profile quotes: the Index edition the visit builds on (with the
// sample it is compared with) and the visit notes.
struct ProfileData {
    CityReportData index;
    const VisitNotes& notes;
};

// Areas in the order of the Index: each indicator, then its fields.
std::vector<const Area*> areas_in_index_order(const Questionnaire& questionnaire);

// The experts' recommendations in the order the profile prints them: by area
// in the order of the Index, then by priority (high first), then as written.
std::vector<const ExpertRecommendation*> recommendations_in_order(const VisitNotes& notes,
                                                                  const Questionnaire& questionnaire);

// The document is a value: it outlives `data` and `catalog`.
Document compose_profile(const ProfileData& data, const ReportTemplate& profile, const Catalog& catalog);

}  // namespace icc
