#pragma once
// The network: every edition of every city, read from a folder of edition
// files (samples/network/<city-id>/<yyyy-mm-dd>.toml by convention; any
// *.toml below the folder is read, the layout is not enforced).
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "load/edition.h"
#include "load/questionnaire.h"

namespace icc {

struct Network {
    std::filesystem::path folder;
    std::vector<Edition> editions;  // sorted by city id, then date (oldest first)

    // City ids in order.
    [[nodiscard]] std::vector<std::string> city_ids() const;
    // A city's editions, oldest first (empty for an unknown city).
    [[nodiscard]] std::vector<const Edition*> editions_of(std::string_view city) const;
    [[nodiscard]] const Edition* find(std::string_view city, const Date& date) const;
    // Adds an edition, or replaces the edition of the same city and date: a
    // corrected file given on the command line wins over the network's copy.
    void put(Edition edition);
};

// Edition files: every *.toml below the network folder except visit notes
// (visit-*.toml) and expert overrides (overrides.toml).
bool is_edition_file(const std::filesystem::path& path);

// Reads and checks every edition file below `folder`. Throws one
// DiagnosticError with every problem of every file, including two files
// giving an edition of the same city on the same date.
Network load_network(const std::filesystem::path& folder, const Questionnaire& questionnaire);

// Like load_network, but hands each valid edition to `use` as soon as it is
// read (in path order) instead of keeping them all: for loaders that keep
// less than every answer. Throws the same DiagnosticError, after every file
// is read; whatever `use` made of the editions is then to be dropped.
void read_network(const std::filesystem::path& folder, const Questionnaire& questionnaire,
                  const std::function<void(Edition&&)>& use);

// Every file below `folder` the network's editions are read from: the
// edition files and their translation files (NAME.LANG.toml), in path order.
std::vector<std::filesystem::path> network_files(const std::filesystem::path& folder);

// A file that could not be used, and the city it belongs to as far as can
// be told (its [city] id, else the name of its folder).
struct RejectedFile {
    std::filesystem::path file;
    std::string city;
    std::vector<Diagnostic> diagnostics;
};

// For batches: like load_network, but a bad file does not stop the others.
// A city with any rejected file is left out of the network altogether (its
// reports would be wrong), and every file of it is listed as rejected.
struct TolerantNetwork {
    Network network;
    std::vector<RejectedFile> rejected;
};
TolerantNetwork load_network_tolerant(const std::filesystem::path& folder, const Questionnaire& questionnaire);

}  // namespace icc
