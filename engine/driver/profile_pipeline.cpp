#include "driver/profile_pipeline.h"

#include <algorithm>
#include <set>

#include "compose/profile.h"
#include "compose/report_kinds.h"
#include "support/toml_reader.h"
#include "support/toml_source.h"

namespace icc {

namespace fs = std::filesystem;

ReportTemplate load_profile_template(const DataRoot& data) {
    return load_report_template(data, profile_kind());
}

namespace {

bool is_visit_notes_file(const fs::path& path) {
    const std::string name = path.filename().string();
    return path.extension() == ".toml" && name.rfind("visit-", 0) == 0;
}

// The city a visit file names, or the name of its folder when the file cannot tell.
std::string city_of_visit_file(const fs::path& file) {
    try {
        const toml::table root = parse_toml_file(file);
        if (auto city = root["visit"]["city"].value_exact<std::string>()) return *city;
    } catch (const DiagnosticError&) {
        // A broken file still belongs to a city: the one whose folder holds it.
    }
    return file.parent_path().filename().string();
}

// The checks against the network, read from the file itself so that they are
// made (and reported with their positions) even when the notes have other
// errors. A missing or mistyped city or edition is the loader's to report.
void check_against_network(const toml::table& root, const std::string& file, const ScoredNetwork& network,
                           const std::optional<Date>& as_of, DiagnosticSink& sink) {
    DiagnosticSink reported_by_the_loader;
    const TomlValue city_value = value_at_path(root, "visit.city", file, reported_by_the_loader);
    const TomlValue edition_value = value_at_path(root, "visit.edition", file, reported_by_the_loader);
    const auto city = city_value.optional<std::string>();
    if (!city) return;
    const std::string folder = network.folder.string();
    const auto editions = network.editions_of(*city);
    if (editions.empty()) {
        sink.error(city_value.where(), "visit.city: no city '" + *city + "' in the network " + folder +
                                           "; expected the id of a city with an edition there");
        return;
    }
    const auto edition = edition_value.optional<Date>();
    if (!edition) return;
    if (!network.find(*city, *edition)) {
        std::string dates;
        for (const ScoredEdition* e : editions) dates += (dates.empty() ? "" : ", ") + e->scores.date.iso();
        sink.error(edition_value.where(), "visit.edition: no edition of '" + *city + "' dated " + edition->iso() +
                                              " in " + folder + "; expected one of its editions: " + dates);
    } else if (as_of && *edition > *as_of) {
        sink.error(edition_value.where(), "visit.edition: the edition is dated " + edition->iso() +
                                              ", after the --as-of date " + as_of->iso() +
                                              "; expected an as-of date on or after the edition");
    }
}

}  // namespace

std::map<std::string, std::vector<fs::path>> visit_notes_by_city(const fs::path& network_folder) {
    std::map<std::string, std::vector<fs::path>> found;
    std::error_code error;
    for (auto it = fs::recursive_directory_iterator(network_folder, error); !error && it != fs::end(it);
         it.increment(error))
        if (it->is_regular_file() && is_visit_notes_file(it->path()))
            found[city_of_visit_file(it->path())].push_back(it->path());
    for (auto& [city, files] : found) std::sort(files.begin(), files.end());
    return found;
}

std::vector<fs::path> find_visit_notes(const fs::path& network_folder, const std::string& city) {
    auto found = visit_notes_by_city(network_folder);
    auto it = found.find(city);
    return it == found.end() ? std::vector<fs::path>{} : std::move(it->second);
}

VisitNotes load_visit_notes_for(const fs::path& file, const Questionnaire& questionnaire, const ScoredNetwork& network,
                                const std::optional<Date>& as_of) {
    std::set<std::string> known_areas;
    for (const Area& area : questionnaire.areas()) known_areas.insert(area.id);
    DiagnosticSink sink;
    VisitNotes notes = read_visit_notes(file, known_areas, sink);
    DiagnosticSink syntax_reported_already;
    if (const auto document = TomlDocument::read(file, syntax_reported_already))
        check_against_network(document->table(), file.string(), network, as_of, sink);
    sink.throw_if_errors();
    notes.warnings = sink.warnings();
    return notes;
}

ReportSubject visit_subject(const VisitNotes& notes) { return ReportSubject{notes.city, notes.edition}; }

Document compose_city_profile(const EngineResources& resources, const PreparedCity& city, const VisitNotes& notes,
                              const Catalog& catalog) {
    return compose_city_profile(load_profile_template(resources.data), city, notes, catalog);
}

Document compose_city_profile(const ReportTemplate& profile, const PreparedCity& city, const VisitNotes& notes,
                              const Catalog& catalog) {
    Document document = compose_profile(ProfileData{city.report_data(), notes}, profile, catalog);
    document.style = city.resources().page_style;
    return document;
}

}  // namespace icc
