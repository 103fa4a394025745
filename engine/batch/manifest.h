#pragma once
// The build manifest: one JSON file in the output folder listing every
// report with its cache key, the digests of its inputs, its page count and
// its status. Written atomically, so a killed build never leaves it corrupt.
#include <filesystem>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "support/file_digests.h"

namespace icc {

struct ManifestEntry {
    std::string output;   // file name relative to the output folder
    std::string kind;     // "index-report" or "profile"
    std::string city;     // city id
    std::string lang;
    std::string key;      // digest of every input below
    std::map<std::string, std::string> inputs;  // input name -> digest
    int pages = 0;
    std::string status;   // "built", "up-to-date" or "failed"
    std::string error;    // the diagnostics when failed
    std::string stale_output;  // failed: the previous PDF, renamed so that it never looks current
    // What the next dry run compares, to say in words why it would rebuild
    // the report (driver/rebuild_reasons.h): the figures it publishes, as
    // printed, in the report's order ("core index" -> "43.8"), and its city's
    // override entries ("replace of the question x" -> digest of the texts).
    std::vector<std::pair<std::string, std::string>> figures;
    std::map<std::string, std::string> overrides;
};

struct Manifest {
    std::map<std::string, ManifestEntry> entries;  // by output
    // The linked libraries the reports were rendered with: name -> version
    // (for readers; the key input `libraries` holds their files' digests).
    std::map<std::string, std::string> libraries;
    // The network's editions ("city YYYY-MM-DD" -> file digest) by the digest
    // a report's `network` input holds, and every locale key's text digest by
    // the digest of its locale file (a report's `locale` input): shared by
    // the reports built from the same data, kept while a report refers to them.
    std::map<std::string, std::map<std::string, std::string>> networks;
    std::map<std::string, std::map<std::string, std::string>> locales;

    // A missing file gives an empty manifest; an unreadable one too, with a
    // warning on stderr (the next build then rebuilds everything).
    static Manifest load(const std::filesystem::path& file);
    void save(const std::filesystem::path& file) const;
};

// The digest of every file a build read, with the stat stamp it had then
// (support/file_digests.h): the next build hashes only the files whose stamp
// moved, so a build where nothing changed reads none again. Kept beside the
// manifest (.file-digests.json), not in it: the stamps differ from one
// checkout and one run to the next, the manifest does not. A missing or
// unreadable file gives none (every input is hashed again).
std::map<std::string, KnownDigest> load_file_digests(const std::filesystem::path& file);
void save_file_digests(const std::filesystem::path& file, const std::map<std::string, KnownDigest>& digests);

}  // namespace icc
