#include "load/network.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

namespace icc {

namespace fs = std::filesystem;

namespace {
bool edition_order(const Edition& a, const Edition& b) {
    return std::tie(a.city.id, a.date) < std::tie(b.city.id, b.date);
}
}  // namespace

std::vector<std::string> Network::city_ids() const {
    std::vector<std::string> ids;
    for (const Edition& edition : editions)
        if (ids.empty() || ids.back() != edition.city.id) ids.push_back(edition.city.id);
    return ids;
}

std::vector<const Edition*> Network::editions_of(std::string_view city) const {
    std::vector<const Edition*> result;
    auto it = std::lower_bound(editions.begin(), editions.end(), city,
                               [](const Edition& e, std::string_view id) { return e.city.id < id; });
    for (; it != editions.end() && it->city.id == city; ++it) result.push_back(&*it);
    return result;
}

const Edition* Network::find(std::string_view city, const Date& date) const {
    for (const Edition* edition : editions_of(city))
        if (edition->date == date) return edition;
    return nullptr;
}

void Network::put(Edition edition) {
    auto it = std::lower_bound(editions.begin(), editions.end(), edition, edition_order);
    if (it != editions.end() && it->city.id == edition.city.id && it->date == edition.date)
        *it = std::move(edition);
    else
        editions.insert(it, std::move(edition));
}

bool is_edition_file(const fs::path& path) {
    // Visit notes and an expert's overrides live beside a city's editions.
    const std::string name = path.filename().string();
    // So do the translation files of their free texts (NAME.LANG.toml).
    return path.extension() == ".toml" && name.rfind("visit-", 0) != 0 && name != "overrides.toml" &&
           !is_translation_file(path);
}

namespace {

// Every edition file below the folder, in path order.
std::vector<fs::path> edition_files(const fs::path& folder) {
    std::error_code error;
    if (!fs::is_directory(folder, error))
        throw DiagnosticError(Diagnostic{Severity::error, {folder.string()}, "not a folder of edition files"});
    std::vector<fs::path> files;
    for (fs::recursive_directory_iterator it(folder, error), end; it != end && !error; it.increment(error))
        if (it->is_regular_file() && is_edition_file(it->path())) files.push_back(it->path());
    if (error) throw DiagnosticError(Diagnostic{Severity::error, {folder.string()}, "cannot read folder: " + error.message()});
    std::sort(files.begin(), files.end());
    return files;
}

// One edition per city and date: the second file giving the same one is an error pointing at the first.
class EditionDates {
public:
    // Whether the edition is the first of its city and date; if not, the error is in `sink`.
    bool first(const Edition& edition, DiagnosticSink& sink) {
        auto [it, inserted] = seen_.emplace(std::make_pair(edition.city.id, edition.date), edition.date_where);
        if (!inserted)
            sink.error(edition.date_where,
                       "duplicate edition: city \"" + edition.city.id + "\" already has an edition dated " +
                           edition.date.iso() + " in " + it->second.file + "; expected one file per city and date",
                       {{NoteKind::note, "first defined here", it->second}});
        return inserted;
    }

private:
    std::map<std::pair<std::string, Date>, SourceLocation> seen_;  // (city, date) -> the first edition's date
};

}  // namespace

void read_network(const fs::path& folder, const Questionnaire& questionnaire, const std::function<void(Edition&&)>& use) {
    const std::vector<fs::path> files = edition_files(folder);
    if (files.empty())
        throw DiagnosticError(Diagnostic{Severity::error, {folder.string()}, "no edition files (*.toml) in this folder"});
    DiagnosticSink sink;
    EditionDates dates;
    for (const fs::path& file : files) {
        DiagnosticSink file_sink;
        Edition edition = read_edition(file, questionnaire, file_sink);
        sink.append(file_sink.all());
        if (file_sink.has_errors() || edition.city.id.empty()) continue;
        if (dates.first(edition, sink)) use(std::move(edition));
    }
    sink.throw_if_errors();
}

Network load_network(const fs::path& folder, const Questionnaire& questionnaire) {
    Network network;
    network.folder = folder;
    read_network(folder, questionnaire, [&](Edition&& edition) { network.editions.push_back(std::move(edition)); });
    std::sort(network.editions.begin(), network.editions.end(), edition_order);
    return network;
}

std::vector<fs::path> network_files(const fs::path& folder) {
    std::vector<fs::path> files;
    std::error_code error;
    for (fs::recursive_directory_iterator it(folder, error), end; it != end && !error; it.increment(error))
        if (it->is_regular_file() && (is_edition_file(it->path()) || is_translation_file(it->path())))
            files.push_back(it->path());
    if (error) throw DiagnosticError(Diagnostic{Severity::error, {folder.string()}, "cannot read folder: " + error.message()});
    std::sort(files.begin(), files.end());
    return files;
}

TolerantNetwork load_network_tolerant(const fs::path& folder, const Questionnaire& questionnaire) {
    TolerantNetwork result;
    result.network.folder = folder;
    EditionDates dates;
    std::set<std::string> bad_cities;
    std::vector<Edition> good;
    for (const fs::path& file : edition_files(folder)) {
        DiagnosticSink sink;
        Edition edition = read_edition(file, questionnaire, sink);
        std::string city = edition.city.id.empty() ? file.parent_path().filename().string() : edition.city.id;
        if (!sink.has_errors() && !edition.city.id.empty()) dates.first(edition, sink);
        if (sink.has_errors()) {
            bad_cities.insert(city);
            RejectedFile rejected{file, city, {}};
            for (const Diagnostic& d : sink.all())
                if (d.severity == Severity::error) rejected.diagnostics.push_back(d);
            result.rejected.push_back(std::move(rejected));
            continue;
        }
        good.push_back(std::move(edition));
    }
    for (Edition& edition : good) {
        if (bad_cities.count(edition.city.id)) {
            result.rejected.push_back(
                {edition.source_file, edition.city.id,
                 {Diagnostic{Severity::error, {edition.source_file},
                             "left out: another edition of city \"" + edition.city.id + "\" has errors"}}});
            continue;
        }
        result.network.editions.push_back(std::move(edition));
    }
    std::sort(result.network.editions.begin(), result.network.editions.end(), edition_order);
    return result;
}

}  // namespace icc
