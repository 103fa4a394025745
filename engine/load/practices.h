#pragma once
// The good-practice library: practices from cities of the network, quoted in
// reports as "inspiring practices". Texts are given per language.
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "support/diagnostic.h"

namespace icc {

struct Practice {
    std::string id;
    std::string area;  // indicator or lens-field id
    std::string city;  // city id in the network
    int year = 0;
    std::string link;  // optional web address
    std::map<std::string, std::string> title;    // by language
    std::map<std::string, std::string> summary;  // by language
    SourceLocation where;
};

struct PracticeLibrary {
    std::string source_file;
    std::vector<Practice> practices;  // in id order
    [[nodiscard]] const Practice* find(const std::string& id) const;
};

// Reads the library. Every practice needs an id (unique), a known area, a
// city (one of `known_cities` unless that is empty: a network without the
// practice's city simply never shows it), a year, and a title and summary in each of `languages`.
// Throws DiagnosticError with every problem found.
PracticeLibrary load_practices(const std::filesystem::path& path, const std::set<std::string>& known_areas,
                               const std::set<std::string>& known_cities, const std::vector<std::string>& languages);

}  // namespace icc
