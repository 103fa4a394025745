#pragma once
// The intercultural profile through the stages: visit notes are loaded and
// checked against the network (the Index edition they build on must exist),
// the city is prepared as for its Index Report (PreparedCity, the same sample
// and scores), and the profile is composed; render_document (pipeline.h)
// typesets it. `iccreport profile` goes through here, and so can a batch.
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "compose/document.h"
#include "driver/pipeline.h"
#include "load/visit_notes.h"

namespace icc {

// The profile template (templates/report/profile.toml), checked against the
// section kinds and figures the composer knows. Throws DiagnosticError.
ReportTemplate load_profile_template(const DataRoot& data);

// A city's visit notes below a network folder: every visit-*.toml whose
// [visit] city is `city` (a file too broken to tell counts for the city of
// the folder it sits in), sorted by path, so by first day of the visit.
std::vector<std::filesystem::path> find_visit_notes(const std::filesystem::path& network_folder,
                                                    const std::string& city);
// The same for every city at once (one walk of the folder), by city id.
std::map<std::string, std::vector<std::filesystem::path>> visit_notes_by_city(
    const std::filesystem::path& network_folder);

// Loads visit notes and checks them against the questionnaire (area ids) and
// the network: the city must have an edition dated [visit] edition, on or
// before `as_of` when given. Throws one DiagnosticError with every error of
// the file, FILE:LINE:COL, in line order; warnings (malformed light markup)
// come back in VisitNotes::warnings.
VisitNotes load_visit_notes_for(const std::filesystem::path& file, const Questionnaire& questionnaire,
                                const ScoredNetwork& network, const std::optional<Date>& as_of = std::nullopt);

// The Index edition a visit builds on: prepare it with PreparedCity.
ReportSubject visit_subject(const VisitNotes& notes);

// Composes the profile of `city` (prepared for visit_subject(notes)) in the
// catalog's language. The first overload reads the profile template from
// the resources' data root; a batch may load it once and use the second.
Document compose_city_profile(const EngineResources& resources, const PreparedCity& city, const VisitNotes& notes,
                              const Catalog& catalog);
Document compose_city_profile(const ReportTemplate& profile, const PreparedCity& city, const VisitNotes& notes,
                              const Catalog& catalog);

}  // namespace icc
