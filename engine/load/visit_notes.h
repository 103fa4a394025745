#pragma once
// Notes of an expert visit, the source of a city's intercultural profile.
// The format is documented in docs/visit-notes-format.md.
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "load/light_markup.h"
#include "support/diagnostic.h"
#include "support/locale.h"

namespace icc {

struct VisitMember {
    std::string name;
    std::string role;          // "expert" or "secretariat"
    std::string organisation;
};

struct ProgrammeItem {
    Date date;
    std::string time;          // "09:30" or "09:30-11:00"
    std::string stakeholder;   // who the experts met
    std::string topic;
};

struct PersonMet {
    std::string name;          // a person, or empty when only an organisation is named
    std::string organisation;
    std::string role;
};

struct AreaNarrative {
    std::string area;          // an area id of the Index
    MarkupText text;
    SourceLocation where;
};

enum class Priority { high, medium, low };

struct ExpertRecommendation {
    std::string area;
    Priority priority = Priority::medium;
    MarkupText text;
    SourceLocation where;
};

struct VisitNotes {
    std::string source_file;
    std::string city;               // city id
    Date edition;                   // date of the Index edition the visit builds on
    SourceLocation edition_where;   // for "no such edition" diagnostics
    Date first_day;
    Date last_day;
    std::string language;           // language the narrative is written in
    std::vector<VisitMember> team;
    std::vector<ProgrammeItem> programme;  // in date and time order
    std::vector<PersonMet> met;
    MarkupText context;             // the city's context and history of diversity
    std::vector<AreaNarrative> areas;            // in file order; the profile re-orders by the Index
    std::vector<ExpertRecommendation> recommendations;
    // The warnings load_visit_notes found (malformed light markup, kept
    // literal), for callers that keep the notes and not the sink.
    std::vector<Diagnostic> warnings;
};

// Reads visit notes, recording every error and warning in `sink` (the
// result is meaningful only without errors). `known_areas` are the Index's
// area ids: a narrative or a recommendation naming any other area is an error.
VisitNotes read_visit_notes(const std::filesystem::path& path, const std::set<std::string>& known_areas,
                            DiagnosticSink& sink);

// The same, throwing DiagnosticError with every error (and warning) of the
// file; without errors, the warnings are in the notes' `warnings`.
VisitNotes load_visit_notes(const std::filesystem::path& path, const std::set<std::string>& known_areas);

}  // namespace icc
