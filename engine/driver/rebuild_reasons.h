#pragma once
// Why `build --dry-run` would rebuild a report, in words a policy officer
// understands: which city's edition changed, which locale keys or override
// entries changed, which of the report's published figures move (old -> new).
// The build records with each report what it needs to tell (its figures, its
// overrides, the network's editions and the locale strings it was built
// from, batch/manifest.h); the next dry run compares them with the data now.
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "batch/manifest.h"
#include "driver/pipeline.h"
#include "load/overrides.h"
#include "support/locale.h"

namespace icc {

// The figures a report publishes about its city and its sample, as printed
// (one decimal; ranks "3 of 41"), labelled in English for the dry run:
// "core index", "Commitment rate", "rank on the core index", "sample average
// of Commitment"... `english` names the areas.
std::vector<std::pair<std::string, std::string>> published_figures(const PreparedCity& city,
                                                                    const Questionnaire& questionnaire,
                                                                    const Catalog& english);

// An expert's override entries by what they do ("the replacement of the
// question commitment.strategy"), each with a digest of what it does and of
// its text in `lang` (the report's language: a fix to the English text is no
// change to the French report); and the edition the file says they are for.
std::map<std::string, std::string> override_entries(const Overrides& overrides, const std::string& lang);

// Every locale key with a digest of its text.
std::map<std::string, std::string> locale_strings(const Catalog& catalog);

// The network's editions as the build sees them: "city-id YYYY-MM-DD" ->
// digest of the file ("invalid" for a rejected city's files: left out).
using NetworkState = std::map<std::string, std::string>;
std::string network_digest(const NetworkState& state);

// What the explanation compares against: the last manifest and the data now.
struct RebuildContext {
    const Manifest& previous;
    const NetworkState& network_now;
    const std::map<std::string, std::string>& city_names;     // id -> name, for the sentences
    const std::map<std::string, std::string>& language_names;  // tag -> English name
    const std::map<std::string, std::string>& libraries_now;  // name -> version
};

// The lines under "rebuild NAME", each a sentence: why the report `now`
// (whose previous entry is `before`, if any) would be rebuilt. `keys_read`
// are the locale keys its document reads now; `locale_now` the strings of its
// language now.
std::vector<std::string> rebuild_reasons(const ManifestEntry* before, const ManifestEntry& now,
                                         const RebuildContext& context, const std::set<std::string>& keys_read,
                                         const std::map<std::string, std::string>& locale_now);

}  // namespace icc
