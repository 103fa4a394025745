#include "driver/watch.h"

#include <poll.h>
#include <sys/inotify.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <map>
#include <stdexcept>

#include "driver/network_cache.h"
#include "driver/pipeline.h"
#include "load/overrides.h"
#include "score/sample.h"

namespace icc {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

fs::path normal(const fs::path& path) { return fs::absolute(path).lexically_normal(); }

bool is_under(const fs::path& file, const fs::path& folder) {
    const fs::path relative = file.lexically_relative(folder);
    return !relative.empty() && *relative.begin() != "..";
}

}  // namespace

// The parts of a report, each kept until a file it is made from changes.
// Reloading a part reloads every part made from it (the order below).
struct ReportWatcher::State {
    DataRoot data;
    WatchOptions options;
    fs::path edition;  // absolute
    fs::path network_folder;

    std::optional<FontSet> fonts;
    std::optional<HyphenationDictionaries> hyphenation;  // patterns of fonts' folder, loaded on first use
    std::optional<ShapedTexts> shaped;  // on fonts: the last render's texts, for the next
    std::optional<Catalog> catalog;
    std::optional<EngineResources> resources;  // questionnaire, template, practices, rules
    std::optional<LoadedNetwork> network;
    std::shared_ptr<const Sample> sample;
    std::optional<PreparedCity> city;          // the selection, with the overrides

    void forget_resources() {
        forget_network();
        resources.reset();
    }
    void forget_network() {
        forget_city();
        sample.reset();
        network.reset();
    }
    void forget_city() { city.reset(); }
};

ReportWatcher::ReportWatcher(DataRoot data, WatchOptions options) : state_(std::make_unique<State>()) {
    State& s = *state_;
    s.edition = normal(options.edition);
    std::error_code error;
    if (!fs::is_regular_file(s.edition, error))
        throw DiagnosticError(Diagnostic{Severity::error, {options.edition.string()}, "no such edition file"});
    s.network_folder = normal(options.network.empty() ? data.network() : options.network);
    s.data = std::move(data);
    s.options = std::move(options);
}

ReportWatcher::~ReportWatcher() = default;

ReportWatcher::Rendered ReportWatcher::render() {
    State& s = *state_;
    const auto start = Clock::now();
    const std::optional<Date> as_of =
        s.options.as_of.empty() ? std::nullopt : std::optional<Date>(parse_date_option(s.options.as_of, "--as-of"));
    if (!s.fonts) {
        s.shaped.reset();
        s.hyphenation.reset();
        s.fonts.emplace(FontSet::load(s.data));
        s.hyphenation.emplace(s.fonts->hyphenation_folder());
        s.shaped.emplace(*s.fonts);
    }
    if (!s.catalog) s.catalog.emplace(Catalog::load(s.data, s.options.lang));
    if (!s.resources) s.resources.emplace(EngineResources::load(s.data));
    if (!s.network) {
        LoadedNetwork loaded = load_network_for(s.data, s.resources->questionnaire, s.network_folder, s.edition, as_of,
                                                user_cache_folder());
        // The sample with this edition as its focus, kept while no edition changes.
        SampleOptions sample_options;
        sample_options.focus = std::make_pair(loaded.subject->city, loaded.subject->date);
        sample_options.as_of = report_as_of(*loaded.network.find(loaded.subject->city, loaded.subject->date), as_of);
        s.sample = std::make_shared<const Sample>(build_sample(loaded.network, s.resources->questionnaire, sample_options));
        s.network.emplace(std::move(loaded));
    }
    if (!s.city) s.city.emplace(*s.resources, s.network->network, *s.network->subject, s.sample);
    const Document document = compose_city_report(*s.resources, *s.city, *s.catalog);
    Rendered rendered;
    rendered.pages = render_document(document, *s.fonts, *s.hyphenation, s.options.output, {}, &*s.shaped);
    rendered.time = Clock::now() - start;
    return rendered;
}

bool ReportWatcher::changed(const fs::path& changed_file) {
    State& s = *state_;
    const fs::path file = normal(changed_file);
    const std::string name = file.filename().string();
    if (name.empty() || name[0] == '.' || name.back() == '~') return false;  // editors' temporaries and backups
    if (is_under(file, s.data.fonts())) {
        s.shaped.reset();  // before the fonts its layouts are shaped on
        s.fonts.reset();
        return true;
    }
    if (is_under(file, s.data.locales())) {
        if (file.extension() != ".toml") return false;
        // Another locale's [meta] is read too (the language registry), rarely edited.
        if (file.stem() == s.options.lang) s.catalog.reset();
        else s.forget_resources();
        return true;
    }
    if (is_under(file, s.data.templates()) || file == normal(s.data.practices()) ||
        (!s.data.marker.empty() && file == normal(s.data.marker))) {
        s.forget_resources();
        return true;
    }
    if (file == normal(overrides_path_for(s.edition))) {
        s.forget_city();
        return true;
    }
    if (file == s.edition || (is_under(file, s.network_folder) && is_edition_file(file))) {
        s.forget_network();
        return true;
    }
    return false;
}

std::vector<fs::path> ReportWatcher::folders() const {
    const State& s = *state_;
    std::set<fs::path> folders{s.edition.parent_path(), normal(s.data.locales()), normal(s.data.fonts()),
                               normal(s.data.practices()).parent_path()};
    if (!s.data.marker.empty()) folders.insert(normal(s.data.marker).parent_path());
    // Every folder below the templates and the network (inotify watches one folder, not its tree).
    for (const fs::path& tree : {normal(s.data.templates()), s.network_folder}) {
        std::error_code error;
        if (!fs::is_directory(tree, error)) continue;
        folders.insert(tree);
        for (fs::recursive_directory_iterator it(tree, error), end; it != end && !error; it.increment(error))
            if (it->is_directory()) folders.insert(normal(it->path()));
    }
    return {folders.begin(), folders.end()};
}

namespace {

// An inotify descriptor watching folders for files written, moved in,
// created or removed (editors save by writing in place or by renaming a
// temporary over the file; `touch` changes the times, which is IN_ATTRIB, or
// IN_MODIFY when only the modification time is set).
class FolderWatch {
public:
    FolderWatch() : fd_(inotify_init1(IN_NONBLOCK | IN_CLOEXEC)) {
        if (fd_ < 0) throw std::runtime_error("cannot start inotify: " + std::string(std::strerror(errno)));
    }
    ~FolderWatch() { ::close(fd_); }
    FolderWatch(const FolderWatch&) = delete;
    FolderWatch& operator=(const FolderWatch&) = delete;

    void add(const fs::path& folder) {
        const int wd = inotify_add_watch(fd_, folder.c_str(),
                                         IN_CLOSE_WRITE | IN_MODIFY | IN_MOVED_TO | IN_CREATE | IN_DELETE | IN_ATTRIB);
        if (wd >= 0) folders_[wd] = folder;
    }
    [[nodiscard]] std::size_t size() const { return folders_.size(); }

    // The files with events, waiting at most `timeout` for the first one.
    std::vector<fs::path> wait(std::chrono::milliseconds timeout) {
        pollfd p{fd_, POLLIN, 0};
        std::vector<fs::path> files;
        if (::poll(&p, 1, static_cast<int>(timeout.count())) <= 0) return files;
        alignas(inotify_event) char buffer[16384];
        for (;;) {
            const ssize_t n = ::read(fd_, buffer, sizeof buffer);
            if (n <= 0) break;
            for (ssize_t at = 0; at < n;) {
                const auto* event = reinterpret_cast<const inotify_event*>(buffer + at);
                at += static_cast<ssize_t>(sizeof(inotify_event) + event->len);
                const auto folder = folders_.find(event->wd);
                if (folder == folders_.end() || event->len == 0) continue;
                const fs::path file = folder->second / event->name;
                if ((event->mask & IN_CREATE) && (event->mask & IN_ISDIR)) add(file);  // a new city's folder
                files.push_back(file);
            }
        }
        return files;
    }

private:
    int fd_;
    std::map<int, fs::path> folders_;
};

void print_failure(std::ostream& log, const std::exception& error, const fs::path& output) {
    log << (dynamic_cast<const DiagnosticError*>(&error) ? std::string(error.what())
                                                          : "error: " + std::string(error.what()))
        << '\n'
        << output.string() << ": not rendered";
    std::error_code ignored;
    if (fs::exists(output, ignored)) log << " (the PDF there is from before this change)";
    log << "; save again once fixed\n" << std::flush;
}

}  // namespace

int watch_report(ReportWatcher& watcher, const fs::path& output, std::ostream& log, const std::atomic<bool>& stop,
                 std::chrono::milliseconds tick) {
    FolderWatch watch;
    for (const fs::path& folder : watcher.folders()) watch.add(folder);
    auto render = [&](const std::string& cause) {
        try {
            const ReportWatcher::Rendered rendered = watcher.render();
            log << output.string() << ": " << cause << " (" << rendered.pages << " pages) in "
                << static_cast<long long>(rendered.time.count() + 0.5) << " ms\n"
                << std::flush;
        } catch (const DiagnosticError& error) {
            print_failure(log, error, output);
        }
    };
    render("rendered");
    log << "watching " << watch.size() << " folders for changes to the report's inputs; Ctrl-C stops\n" << std::flush;
    while (!stop.load()) {
        std::vector<fs::path> files = watch.wait(tick);
        if (files.empty()) continue;
        // Saves that come together (a backup, then the file) make one render.
        for (std::vector<fs::path> more; !(more = watch.wait(std::chrono::milliseconds(30))).empty();)
            files.insert(files.end(), more.begin(), more.end());
        std::vector<std::string> inputs;
        for (const fs::path& file : files)
            if (watcher.changed(file)) {
                const std::string name = file.filename().string();
                if (std::find(inputs.begin(), inputs.end(), name) == inputs.end()) inputs.push_back(name);
            }
        if (inputs.empty()) continue;
        std::string which;
        for (const std::string& name : inputs) which += (which.empty() ? "" : ", ") + name;
        render("re-rendered after a change to " + which);
    }
    return 0;
}

}  // namespace icc
