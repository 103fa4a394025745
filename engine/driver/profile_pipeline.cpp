#include "driver/profile_pipeline.h"

#include <algorithm>
#include <set>

#include "compose/profile.h"
#include "support/toml_source.h"

namespace icc {

namespace fs = std::filesystem;

ReportTemplate load_profile_template(const DataRoot& data) {
    return load_report_template(data.templates() / "report" / "profile.toml", profile_sections(), profile_figures());
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
// made (and reported with their positions) even when the notes have other errors.
std::vector<Diagnostic> check_against_network(const toml::table& root, const std::string& file, const Network& network,
                                              const std::optional<Date>& as_of) {
    std::vector<Diagnostic> errors;
    const toml::node* city_node = root["visit"]["city"].node();
    const toml::node* edition_node = root["visit"]["edition"].node();
    const auto city = city_node ? city_node->value_exact<std::string>() : std::nullopt;
    if (!city) return errors;  // the loader reports a missing or mistyped city
    const std::string folder = network.folder.string();
    const auto editions = network.editions_of(*city);
    if (editions.empty()) {
        errors.push_back({Severity::error, location_of(*city_node, file),
                          "visit.city: no city '" + *city + "' in the network " + folder +
                              "; expected the id of a city with an edition there"});
        return errors;
    }
    const auto date = edition_node ? edition_node->value<toml::date>() : std::nullopt;
    if (!date) return errors;  // the loader reports it
    const Date edition{date->year, date->month, date->day};
    if (!network.find(*city, edition)) {
        std::string dates;
        for (const Edition* e : editions) dates += (dates.empty() ? "" : ", ") + e->date.iso();
        errors.push_back({Severity::error, location_of(*edition_node, file),
                          "visit.edition: no edition of '" + *city + "' dated " + edition.iso() + " in " + folder +
                              "; expected one of its editions: " + dates});
    } else if (as_of && edition > *as_of) {
        errors.push_back({Severity::error, location_of(*edition_node, file),
                          "visit.edition: the edition is dated " + edition.iso() + ", after the --as-of date " +
                              as_of->iso() + "; expected an as-of date on or after the edition"});
    }
    return errors;
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

VisitNotes load_visit_notes_for(const fs::path& file, const Questionnaire& questionnaire, const Network& network,
                                const std::optional<Date>& as_of) {
    std::set<std::string> known_areas;
    for (const Area& area : questionnaire.areas()) known_areas.insert(area.id);

    std::optional<VisitNotes> notes;
    std::vector<Diagnostic> diagnostics;
    try {
        notes = load_visit_notes(file, known_areas);
        diagnostics = notes->warnings;
    } catch (const DiagnosticError& e) {
        diagnostics = e.diagnostics();
    }
    std::vector<Diagnostic> network_errors;
    try {
        network_errors = check_against_network(parse_toml_file(file), file.string(), network, as_of);
    } catch (const DiagnosticError&) {
        // Unreadable TOML: the loader has already said why.
    }
    if (notes && network_errors.empty()) return std::move(*notes);

    diagnostics.insert(diagnostics.end(), network_errors.begin(), network_errors.end());
    std::stable_sort(diagnostics.begin(), diagnostics.end(), [](const Diagnostic& a, const Diagnostic& b) {
        return std::tie(a.where.line, a.where.column) < std::tie(b.where.line, b.where.column);
    });
    throw DiagnosticError(std::move(diagnostics));
}

ReportSubject visit_subject(const VisitNotes& notes) { return ReportSubject{notes.city, notes.edition}; }

Document compose_city_profile(const EngineResources& resources, const PreparedCity& city, const VisitNotes& notes,
                              const Catalog& catalog, const FontSet& fonts) {
    return compose_city_profile(load_profile_template(resources.data), city, notes, catalog, fonts);
}

Document compose_city_profile(const ReportTemplate& profile, const PreparedCity& city, const VisitNotes& notes,
                              const Catalog& catalog, const FontSet& fonts) {
    return compose_profile(ProfileData{city.report_data(), notes}, profile, catalog, fonts);
}

}  // namespace icc
