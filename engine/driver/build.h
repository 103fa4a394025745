#pragma once
// `iccreport build`: the report of every city's latest edition in every
// requested language, rebuilding only what changed. Each report's key is a
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

#include "support/data_root.h"
#include "support/locale.h"

namespace icc {

struct BuildOptions {
    std::filesystem::path network;        // default: samples/network
    std::vector<std::string> languages;  // empty: the official languages (locales' meta.official)
    std::optional<Date> as_of;
    unsigned jobs = 0;                    // 0: the number of cores
    std::filesystem::path output = "out";
    bool dry_run = false;
    bool terminal = false;                // live progress line instead of plain lines
};

struct BuildSummary {
    int built = 0;
    int up_to_date = 0;
    int failed = 0;
    bool interrupted = false;
    [[nodiscard]] int exit_code() const { return interrupted ? 130 : failed > 0 ? 1 : 0; }
};

// Runs the build; progress and errors go to `log`, the dry-run listing to `out`.
// `stop` interrupts it between reports (SIGINT, SIGTERM).
BuildSummary run_build(const DataRoot& data, const BuildOptions& options, std::ostream& out, std::ostream& log,
                       const std::atomic<bool>& stop);

}  // namespace icc
