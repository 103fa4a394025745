#pragma once
// `iccreport build`: the report of every city's latest edition in every
// requested language and the city's own, rebuilding only what changed. Each report's key is a
// digest of what it shows (the composed document: every sentence, figure and
// number it prints), the fonts and the engine binary, so a report is rebuilt
// exactly when its content would change. A JSON manifest in the output
// folder lists every report with its key, its inputs, pages and status.
#include <atomic>
#include <filesystem>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "render/pdf.h"
#include "support/data_root.h"
#include "support/locale.h"

namespace icc {

struct BuildOptions {
    std::filesystem::path network;        // default: samples/network
    // Every city's reports are made in these; empty: the official languages (locales' meta.official).
    std::vector<std::string> languages;
    // And in each city's own languages (the `languages` of its latest edition's
    // [city]), after those. Off when the languages are asked for (--langs).
    bool city_languages = true;
    std::optional<Date> as_of;
    unsigned jobs = 0;                    // 0: the number of cores
    std::filesystem::path output = "out";
    bool dry_run = false;
    bool terminal = false;                // live progress line instead of plain lines
    // A network is one data set: by default a build with any invalid edition
    // file renders nothing (every report's sample would be one city short).
    // With keep_going the other cities' reports are built without it, and the
    // left-out city's previous PDFs are renamed *.stale.pdf.
    bool keep_going = false;
    RenderOptions render;                 // tagged PDF/UA-1 by default (--no-tags, --pdf-standard)
    // Build the reports of editions that answer fewer questions than the
    // report template's [completeness] threshold too (refused otherwise).
    bool force = false;
    // --only: the reports of these cities (every language, every profile),
    // compared with the whole network as always; the other cities' reports
    // and manifest entries are left as they are. Empty: every city.
    std::vector<std::string> only;
};

struct BuildSummary {
    int built = 0;
    int up_to_date = 0;
    int failed = 0;
    bool interrupted = false;
    bool invalid_network = false;         // stopped before rendering: the network has invalid files
    std::vector<std::string> left_out;    // cities left out of the sample (keep_going)
    [[nodiscard]] int exit_code() const {
        return interrupted ? 130 : failed > 0 || invalid_network ? 1 : 0;
    }
};

// Runs the build; progress and errors go to `log`, the dry-run listing to `out`.
// `stop` interrupts it between reports (SIGINT, SIGTERM).
BuildSummary run_build(const DataRoot& data, const BuildOptions& options, std::ostream& out, std::ostream& log,
                       const std::atomic<bool>& stop);

}  // namespace icc
