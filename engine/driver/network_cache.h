#pragma once
// The scored network cached on disk, so that a report of one city does not
// read and score every edition of the network again.
//
// The cache holds what score/scored_network.h holds (each edition's city,
// date, questionnaire version, area scores and indices, file and issue
// date: never the answers), in a compact binary file with a version header
// and a SHA-256 checksum of its body. It is keyed by the digest of every
// input its content is made of: the format version, the engine (its version
// and the digest of its binary), the questionnaire file (questions, options,
// weights), the locales present (edition validation checks city languages
// against them), the network folder and every file read from it (each
// edition file and each of its translation files: relative path and bytes).
// It does not depend on --as-of or the report's city: it holds every edition,
// and the sample is built from it for each report. A network with an invalid
// file is never cached (the key of a network is only ever written after it
// loaded without error), and any change to any file changes the key, so an
// invalid file is always read and reported exactly as without a cache.
//
// The files' digests are taken by stat stamp (support/file_digests.h): a
// file whose size, times, inode and device are what the cache recorded, and
// that was not written within two seconds of being hashed, is not read again.
//
// One cache file per network folder (named by the digest of its absolute
// path) under <cache folder>/networks/; a stale, truncated, corrupted or
// unreadable one is ignored and replaced, silently. Written atomically.
#include <filesystem>
#include <optional>
#include <string>

#include "load/questionnaire.h"
#include "score/scored_network.h"
#include "support/data_root.h"

namespace icc {

// Where the commands keep their cache: $ICCREPORT_CACHE_DIR when set (empty:
// no cache), else $XDG_CACHE_HOME/iccreport, else $HOME/.cache/iccreport;
// none when none of them is set.
std::optional<std::filesystem::path> user_cache_folder();

enum class NetworkCacheUse {
    hit,      // read from the cache
    rebuilt,  // read and scored, and the cache written
    unused,   // read and scored; the cache could not be written (say, a read-only folder)
};

struct CachedNetwork {
    ScoredNetwork network;
    NetworkCacheUse use = NetworkCacheUse::rebuilt;
};

// The scored network of `folder`: from the cache when its key matches, else
// read_scored_network (its errors, exactly) and the cache written.
CachedNetwork cached_scored_network(const DataRoot& data, const Questionnaire& questionnaire,
                                    const std::filesystem::path& folder, const std::filesystem::path& cache_folder);

// The cache file of a network folder (for tests and the manual).
std::filesystem::path network_cache_file(const std::filesystem::path& folder, const std::filesystem::path& cache_folder);

}  // namespace icc
