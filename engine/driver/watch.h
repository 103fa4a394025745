#pragma once
// `iccreport watch`: one Index Report kept ready in memory and rendered again
// each time one of the files it was made from is saved (an expert's
// overrides, a translator's strings, a corrected answer). Everything the
// report needs stays loaded between renders; a change reloads only the parts
// made from the changed file (a locale: its catalogue; the overrides: the
// selection; an edition: the network and the sample; templates: all of it),
// and Pango, fontconfig and ICU keep their warm caches.
#include <atomic>
#include <chrono>
#include <filesystem>
#include <memory>
#include <optional>
#include <ostream>
#include <set>
#include <string>
#include <vector>

#include "support/data_root.h"

namespace icc {

struct WatchOptions {
    std::filesystem::path edition;  // the city's edition file
    std::filesystem::path network;  // empty: the data folder's network
    std::string lang;               // a locale tag (already resolved)
    std::string as_of;              // --as-of text, or empty
    std::filesystem::path output;   // the PDF
};

// The report and what it is made of. Not thread-safe; one per watch.
class ReportWatcher {
public:
    // Loads nothing yet: the first render() does.
    ReportWatcher(DataRoot data, WatchOptions options);
    ~ReportWatcher();
    ReportWatcher(const ReportWatcher&) = delete;
    ReportWatcher& operator=(const ReportWatcher&) = delete;

    struct Rendered {
        int pages = 0;
        std::chrono::duration<double, std::milli> time{};
    };
    // Reloads what is stale, composes and renders the PDF (written
    // atomically). Throws DiagnosticError for bad input: the previous PDF
    // then stays as it was, and the parts still stale are retried next time.
    Rendered render();

    // Marks stale what is made from `file`; false when the report reads
    // nothing from it (another city's overrides, an editor's swap file).
    bool changed(const std::filesystem::path& file);

    // The folders whose files the report reads (the edition's, the network
    // and its cities' folders, the locales, templates, practices, fonts).
    [[nodiscard]] std::vector<std::filesystem::path> folders() const;

private:
    struct State;
    std::unique_ptr<State> state_;
};

// Renders once, then again after every save of an input until `stop` is
// set, printing each render's time to `log`. Saves that come together (an
// editor writes a backup, then the file) give one render. A render that
// fails on bad input prints its diagnostics and the watch goes on (the fix
// is the next save). Returns 0 once stopped. The loop waits for file events
// with inotify, waking every `tick` to look at `stop`.
int watch_report(ReportWatcher& watcher, const std::filesystem::path& output, std::ostream& log,
                 const std::atomic<bool>& stop, std::chrono::milliseconds tick = std::chrono::milliseconds(100));

}  // namespace icc
