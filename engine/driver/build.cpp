#include "driver/build.h"
#include "driver/output_names.h"

#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <map>
#include <set>
#include <mutex>
#include <sstream>
#include <thread>
#include <functional>
#include <iostream>
#include <nlohmann/json.hpp>

#include "batch/manifest.h"
#include "batch/parallel.h"
#include "batch/progress.h"
#include "compose/report_kinds.h"
#include "driver/pipeline.h"
#include "driver/profile_pipeline.h"
#include "driver/rebuild_reasons.h"
#include "layout/layout_inputs.h"
#include "load/completeness.h"
#include "load/overrides.h"
#include "render/linked_libraries.h"
#include "support/file_digests.h"
#include "support/hash.h"
#include "support/wording.h"

namespace icc {

namespace fs = std::filesystem;

namespace {

std::string digest_files(const std::vector<fs::path>& files, FileDigests& digests) {
    Sha256 sha;
    for (const fs::path& file : files) sha.field(file.filename().string()).field(digests.of(file));
    return sha.hex();
}

// The engine itself: any change to its code changes how reports look.
std::string engine_digest(FileDigests& digests) {
    std::error_code error;
    const fs::path self = fs::read_symlink("/proc/self/exe", error);
    Sha256 sha;
    sha.field(ICC_ENGINE_VERSION);
    if (!error) sha.field(digests.of(self));
    return sha.hex();
}

// The shared libraries a report's bytes come out of, each by its version and
// the digest of its file (a patched library keeps its version number).
std::string libraries_digest(const std::vector<LinkedLibrary>& libraries, FileDigests& digests) {
    Sha256 sha;
    for (const LinkedLibrary& library : libraries)
        sha.field(library.name).field(library.version).field(digests.of(library.file));
    return sha.hex();
}

// The inputs that decide a report's bytes; a report is up to date when each
// is what it was when the report was built. The others in a manifest entry
// (edition, locale, practices, templates) only explain a rebuild: whatever
// they change that a reader sees is in the document, hence in `content`.
// `render` says how the PDF is written: tagged or not (--no-tags), the standards
// it claims and the PDF/A output profile (--pdf-standard; render/pdf.h, describe_for_cache).
constexpr std::array<const char*, 6> key_inputs{"content", "engine", "fonts", "hyphenation", "libraries", "render"};

std::string cache_key(const std::map<std::string, std::string>& inputs) {
    Sha256 sha;
    for (const char* name : key_inputs) {
        const auto it = inputs.find(name);
        sha.field(name).field(it == inputs.end() ? "" : it->second);
    }
    return sha.hex();
}

bool same_key_inputs(const std::map<std::string, std::string>& now, const std::map<std::string, std::string>& before) {
    return std::all_of(key_inputs.begin(), key_inputs.end(), [&](const char* name) {
        const auto a = now.find(name), b = before.find(name);
        return a != now.end() && b != before.end() && a->second == b->second;
    });
}

// The hyphenation patterns a document is laid out with, per language tag:
// which files libhyphen may read, and their bytes. Memoised per tag.
class HyphenationDigests {
public:
    HyphenationDigests(fs::path folder, FileDigests& digests) : folder_(std::move(folder)), digests_(digests) {}
    std::string of(const Document& document) {
        Sha256 sha;
        for (const std::string& tag : hyphenation_tags(document)) sha.field(tag).field(of_tag(tag));
        return sha.hex();
    }

private:
    std::string of_tag(const std::string& tag) {
        std::lock_guard lock(mutex_);
        auto it = by_tag_.find(tag);
        if (it == by_tag_.end()) {
            Sha256 sha;
            for (const fs::path& file : hyphenation_pattern_files(tag, folder_))
                sha.field(file.filename().string()).field(digests_.of(file));
            it = by_tag_.emplace(tag, sha.hex()).first;
        }
        return it->second;
    }
    fs::path folder_;
    FileDigests& digests_;
    std::mutex mutex_;
    std::map<std::string, std::string> by_tag_;
};

// Records the locale keys a document reads while it is composed (for the
// dry run's reasons), and stops recording however the composing ends.
class RecordedKeys {
public:
    RecordedKeys(Catalog& catalog, bool wanted) : catalog_(wanted ? &catalog : nullptr) {
        if (catalog_) catalog_->record_keys_into(&keys_);
    }
    RecordedKeys(const RecordedKeys&) = delete;
    RecordedKeys& operator=(const RecordedKeys&) = delete;
    ~RecordedKeys() {
        if (catalog_) catalog_->record_keys_into(nullptr);
    }
    [[nodiscard]] const std::set<std::string>& keys() const { return keys_; }

private:
    Catalog* catalog_;
    std::set<std::string> keys_;
};

struct Worker {
    std::map<std::string, Catalog> catalogs;
};

// One city's Index Report, or (with visit notes) its intercultural profile.
struct ReportJob {
    std::string city;
    Date date;                            // Index Reports: the edition reported on
    std::vector<fs::path> edition_files;  // every edition of the city up to the report's
    fs::path visit_notes;                 // profiles: the notes
    std::vector<std::string> languages;   // the build's, then the city's own
    // An issued edition's report compares it with the sample as it stood on
    // this date (report_as_of), not with the build's shared sample.
    std::optional<Date> pinned;

    [[nodiscard]] bool profile() const { return !visit_notes.empty(); }
    [[nodiscard]] std::string kind() const { return profile() ? "profile" : "index-report"; }
    // valmora.en.pdf; valmora.profile-2026-06-09.en.pdf
    [[nodiscard]] std::string output(const std::string& lang) const {
        return profile() ? profile_file_name(city, visit_notes, lang) : index_report_file_name(city, lang);
    }
};

std::string output_name(const std::string& city, const std::string& lang) { return city + "." + lang + ".pdf"; }

// valmora.en.pdf -> valmora.en.stale.pdf
std::string stale_name(const std::string& output) {
    const fs::path path(output);
    return path.stem().string() + ".stale" + path.extension().string();
}

void remove_stale_temporaries(const fs::path& folder) {
    std::error_code error;
    for (const auto& entry : fs::directory_iterator(folder, error)) {
        const std::string name = entry.path().filename().string();
        if (name.size() > 1 && name[0] == '.' && name.find(".tmp-") != std::string::npos) fs::remove(entry.path(), error);
    }
}


// --only's cities, each checked against the network: an unknown id is an
// error naming the closest known one. A city whose files are invalid is known.
std::set<std::string> cities_asked_for(const std::vector<std::string>& only, const TolerantScoredNetwork& loaded) {
    std::set<std::string> known;
    for (const ScoredEdition& edition : loaded.network.editions) known.insert(edition.scores.city.id);
    for (const RejectedFile& file : loaded.rejected) known.insert(file.city);
    const std::vector<std::string> candidates(known.begin(), known.end());
    std::set<std::string> asked;
    std::vector<Diagnostic> errors;
    for (const std::string& city : only) {
        if (known.count(city)) {
            asked.insert(city);
            continue;
        }
        Diagnostic error{Severity::error, {"--only"},
                         city.empty() ? "expected a city id, found nothing"
                                      : "no city " + in_quotes(city) + " in the network " +
                                            loaded.network.folder.string() +
                                            "; expected the id of a city (the name of its folder)"};
        if (const std::string closest = closest_match(city, candidates); !closest.empty())
            error.notes.push_back({NoteKind::help, "did you mean " + in_quotes(closest) + "?"});
        errors.push_back(std::move(error));
    }
    if (!errors.empty()) throw DiagnosticError(std::move(errors));
    return asked;
}

struct PendingReport {
    std::size_t job = 0;
    std::string lang;
    std::string label;
    ManifestEntry entry;
};

struct RenderContext {
    const DataRoot& data;
    const FontSet& fonts;  // loaded once by the build, before the worker processes fork

    const EngineResources& resources;
    const ReportTemplate& profile_template;
    const ScoredNetwork& network;
    std::shared_ptr<const Sample> sample;
    std::optional<Date> as_of;
    const std::vector<ReportJob>& jobs;
    fs::path output;
    RenderOptions render;
};

struct RenderResult {
    int pages = 0;
    std::string error;
};

void write_all(int fd, const std::string& text) {
    std::size_t done = 0;
    while (done < text.size()) {
        const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
        if (n <= 0) return;
        done += static_cast<std::size_t>(n);
    }
}

// A worker process: renders its share of the stale reports and writes one
// JSON line per report to `fd`. Pango, cairo and fontconfig keep global
// caches that are not safe to use from several threads at once (the same
// report came out with different word spacing), so rendering runs in
// processes, each with state of its own.
[[noreturn]] void render_worker(const RenderContext& context, const std::vector<PendingReport>& pending,
                                std::size_t first, std::size_t step, int fd) {
    sigset_t all;
    sigfillset(&all);
    pthread_sigmask(SIG_UNBLOCK, &all, nullptr);
    ::signal(SIGINT, SIG_DFL);
    ::signal(SIGTERM, SIG_DFL);
    try {
        // The build's font set, inherited from the parent: registered once
        // per build, not once per worker. Patterns load once per worker, on first use.
        const HyphenationDictionaries hyphenation(context.fonts.hyphenation_folder());
        std::map<std::string, Catalog> catalogs;
        std::optional<PreparedCity> city;
        for (std::size_t i = first; i < pending.size(); i += step) {
            const PendingReport& report = pending[i];
            nlohmann::json line{{"index", i}};
            try {
                const ReportJob& job = context.jobs[report.job];
                if (!catalogs.count(report.lang)) catalogs.emplace(report.lang, Catalog::load(context.data, report.lang));
                std::optional<VisitNotes> notes;
                if (job.profile()) {
                    notes.emplace(load_visit_notes_for(job.visit_notes, context.resources.questionnaire,
                                                       context.network, context.as_of));
                    city.emplace(context.resources, context.network, visit_subject(*notes), context.as_of);
                } else if (!city || city->edition().city.id != job.city || city->edition().date != job.date) {
                    if (job.pinned)
                        city.emplace(context.resources, context.network, ReportSubject{job.city, job.date}, job.pinned);
                    else
                        city.emplace(context.resources, context.network, ReportSubject{job.city, job.date},
                                     context.sample);
                }
                const Document document =
                    notes ? compose_city_profile(context.profile_template, *city, *notes, catalogs.at(report.lang))
                          : compose_city_report(context.resources, *city, catalogs.at(report.lang));
                if (notes) city.reset();  // its sample is the visit's, not the shared one
                line["pages"] = render_document(document, context.fonts, hyphenation, context.output / report.entry.output, context.render);
            } catch (const std::exception& e) {
                line["error"] = dynamic_cast<const DiagnosticError*>(&e) ? std::string(e.what())
                                                                         : "error: " + std::string(e.what());
            }
            write_all(fd, line.dump() + "\n");
        }
    } catch (const std::exception& e) {
        for (std::size_t i = first; i < pending.size(); i += step)
            write_all(fd, nlohmann::json{{"index", i}, {"error", "error: " + std::string(e.what())}}.dump() + "\n");
    }
    ::close(fd);
    ::_exit(0);  // no destructors or atexit handlers of the parent's objects
}

void render_in_processes(const RenderContext& context, std::vector<PendingReport>& pending, std::size_t workers,
                         const std::atomic<bool>& stop,
                         const std::function<void(PendingReport&, const RenderResult&)>& finished) {
    workers = std::max<std::size_t>(1, std::min(workers, pending.size()));
    std::cout.flush();
    std::cerr.flush();
    struct Child {
        pid_t pid;
        int fd;
        std::string buffer;
        bool open = true;
    };
    std::vector<Child> children;
    for (std::size_t w = 0; w < workers; ++w) {
        int pipe_fds[2];
        if (::pipe(pipe_fds) != 0) throw std::runtime_error("cannot create a pipe for a worker process");
        const pid_t pid = ::fork();
        if (pid < 0) throw std::runtime_error("cannot start a worker process");
        if (pid == 0) {
            ::close(pipe_fds[0]);
            for (const Child& other : children) ::close(other.fd);
            render_worker(context, pending, w, workers, pipe_fds[1]);
        }
        ::close(pipe_fds[1]);
        children.push_back({pid, pipe_fds[0], {}, true});
    }
    std::vector<bool> reported(pending.size(), false);
    bool stopping = false;
    while (std::any_of(children.begin(), children.end(), [](const Child& c) { return c.open; })) {
        if (stop.load() && !stopping) {
            stopping = true;
            for (const Child& child : children) ::kill(child.pid, SIGTERM);
        }
        std::vector<pollfd> fds;
        for (const Child& child : children)
            if (child.open) fds.push_back({child.fd, POLLIN, 0});
        if (::poll(fds.data(), fds.size(), 100) <= 0) continue;
        for (Child& child : children) {
            if (!child.open) continue;
            const auto it = std::find_if(fds.begin(), fds.end(), [&](const pollfd& p) { return p.fd == child.fd; });
            if (it == fds.end() || !(it->revents & (POLLIN | POLLHUP | POLLERR))) continue;
            char buffer[4096];
            const ssize_t n = ::read(child.fd, buffer, sizeof buffer);
            if (n <= 0) {
                child.open = false;
                ::close(child.fd);
                continue;
            }
            child.buffer.append(buffer, static_cast<std::size_t>(n));
            for (std::size_t end; (end = child.buffer.find('\n')) != std::string::npos;) {
                const nlohmann::json line = nlohmann::json::parse(child.buffer.substr(0, end));
                child.buffer.erase(0, end + 1);
                const std::size_t index = line.at("index").get<std::size_t>();
                RenderResult result;
                if (line.contains("error")) result.error = line.at("error").get<std::string>();
                else result.pages = line.at("pages").get<int>();
                reported[index] = true;
                finished(pending[index], result);
            }
        }
    }
    for (const Child& child : children) {
        int status = 0;
        ::waitpid(child.pid, &status, 0);
    }
    // A worker that died without a word (killed, crashed) fails its reports,
    // unless the build was asked to stop: those are simply not built yet.
    if (!stop.load())
        for (std::size_t i = 0; i < pending.size(); ++i)
            if (!reported[i]) finished(pending[i], RenderResult{0, "error: the worker process rendering " +
                                                                      pending[i].entry.output + " stopped"});
}

}  // namespace

BuildSummary run_build(const DataRoot& data, const BuildOptions& requested, std::ostream& out, std::ostream& log,
                       const std::atomic<bool>& stop) {
    BuildOptions options = requested;
    const LanguageRegistry registry = LanguageRegistry::load(data);
    if (options.languages.empty()) options.languages = registry.official_tags();
    for (std::string& lang : options.languages) lang = registry.resolve(lang, "--lang").tag;  // a bad --langs fails early
    BuildSummary summary;
    const fs::path network_folder = options.network.empty() ? data.network() : options.network;
    const Questionnaire questionnaire = Questionnaire::bundled(data);
    // The network as scores (score/scored_network.h), read one edition at a
    // time: a build holds no city's answers but those of the reports it is
    // making. A stale translation of a city's free text is noted on the way.
    std::vector<std::pair<std::string, Diagnostic>> stale;  // (city, warning)
    TolerantScoredNetwork loaded =
        read_scored_network_tolerant(network_folder, questionnaire, [&](const Edition& edition) {
            for (Diagnostic& warning : stale_translations(edition)) stale.emplace_back(edition.city.id, std::move(warning));
        });
    const ScoredNetwork& network = loaded.network;
    const std::set<std::string> only = cities_asked_for(options.only, loaded);
    // A report this build is about; --only leaves the others (and their manifest entries) alone.
    const auto in_scope = [&](const std::string& city) { return only.empty() || only.count(city) > 0; };
    const EngineResources resources = EngineResources::load(data);
    for (const std::string& lang : options.languages) (void)Catalog::load(data, lang);  // a bad --langs fails early

    // A network is one data set: one invalid file changes every report's
    // sample, so by default nothing is rendered until every file is valid.
    if (!loaded.rejected.empty() && !options.keep_going) {
        std::vector<Diagnostic> all;
        std::set<std::string> cities;
        for (const RejectedFile& file : loaded.rejected) {
            all.insert(all.end(), file.diagnostics.begin(), file.diagnostics.end());
            if (!file.diagnostics.empty()) cities.insert(file.city);
        }
        log << format_diagnostics(all);
        std::string names;
        for (const std::string& city : cities) names += (names.empty() ? "" : ", ") + city;
        log << (options.dry_run ? "dry run" : "build") << ": nothing rendered: the network has invalid files (" << names
            << "); every report compares with the whole network, so fix them first, or give --keep-going "
               "to build the other cities' reports with "
            << (cities.size() == 1 ? "this city" : "these cities") << " left out\n";
        summary.invalid_network = true;
        summary.left_out.assign(cities.begin(), cities.end());
        return summary;
    }
    // A stale translation of a city's free text: the reports quote the source
    // text instead, with a note; the build says which, once each.
    for (const auto& [city, warning] : stale)
        if (!network.editions_of(city).empty()) log << warning.to_string() << '\n';

    std::error_code error;
    if (!options.dry_run) {
        fs::create_directories(options.output, error);
        if (!fs::is_directory(options.output))
            throw DiagnosticError(Diagnostic{Severity::error, {options.output.string()},
                                             "cannot create the output folder: " + error.message()});
        remove_stale_temporaries(options.output);
    }
    const fs::path manifest_path = options.output / "manifest.json";
    const Manifest previous = Manifest::load(manifest_path);
    // Every input's digest, by stat stamp: a file unchanged since the last
    // build is not read again (support/file_digests.h says when a stamp is trusted).
    const fs::path digests_path = options.output / ".file-digests.json";
    FileDigests digests(load_file_digests(digests_path));
    Manifest manifest;  // what this build leaves: every report of the network
    for (const auto& [name, entry] : previous.entries)
        if (!in_scope(entry.city)) manifest.entries.emplace(name, entry);  // --only: as the last build left them
    std::mutex manifest_mutex;

    // Inputs shared by every report, digested once.
    // (Every report kind's template, in the registry's order: compose/report_kinds.h.)
    std::vector<fs::path> template_files{data.templates() / "index" / "questionnaire.toml"};
    for (const ReportKind* kind : report_kinds()) template_files.push_back(template_path(data, *kind));
    for (fs::path file : {data.templates() / "report" / "selection.toml", data.templates() / "style" / "page.toml",
                          data.templates() / "recommendations.toml"})
        template_files.push_back(std::move(file));
    const std::string templates_digest = digest_files(template_files, digests);
    const std::string practices_digest = digest_files({data.practices()}, digests);
    std::vector<fs::path> font_files{data.fonts() / "fonts.toml"};
    // The font set of the whole build: loaded here once, used by every render
    // worker (forked below, while no thread of Pango's runs: nothing has been shaped yet).
    const FontSet fonts = FontSet::load(data);
    for (const std::string& file : fonts.files()) font_files.emplace_back(file);
    const std::string fonts_digest = digest_files(font_files, digests);
    HyphenationDigests hyphenation_digests(fonts.hyphenation_folder(), digests);
    const std::string engine = engine_digest(digests);
    const std::vector<LinkedLibrary> libraries = linked_libraries();
    const std::string libraries_key = libraries_digest(libraries, digests);
    for (const LinkedLibrary& library : libraries) manifest.libraries[library.name] = library.version;

    // What the next dry run compares to explain a rebuild (driver/rebuild_reasons.h):
    // the network's editions, every city's name, the languages' English names.
    NetworkState network_now;
    std::map<std::string, std::string> city_names;
    for (const ScoredEdition& edition : network.editions) {
        network_now[edition.scores.city.id + " " + edition.scores.date.iso()] = digests.of(edition.source_file);
        city_names[edition.scores.city.id] = edition.scores.city.name;
    }
    for (const RejectedFile& file : loaded.rejected) network_now[file.city + " " + file.file.stem().string()] = "invalid";
    const std::string network_now_digest = network_digest(network_now);
    manifest.networks = previous.networks;  // the --only build's untouched reports still refer to theirs
    manifest.locales = previous.locales;
    manifest.networks[network_now_digest] = network_now;
    std::map<std::string, std::string> language_names;
    for (const Language& language : registry.languages()) language_names[language.tag] = language.english_name;
    const Catalog english = Catalog::load(data, registry.source().tag);  // names the areas in the reasons

    // Rejected cities fail with their diagnostics; the others build. A
    // rejected city's reports cannot be current whether or not --only names
    // it, so it is always part of the build's failures (and its previous PDFs
    // are marked stale below), never left looking as the last build left it.
    std::map<std::string, std::vector<Diagnostic>> rejected_by_city;
    for (const RejectedFile& file : loaded.rejected) {
        if (std::find(summary.left_out.begin(), summary.left_out.end(), file.city) == summary.left_out.end())
            summary.left_out.push_back(file.city);
        for (const Diagnostic& d : file.diagnostics) rejected_by_city[file.city].push_back(d);
    }
    std::sort(summary.left_out.begin(), summary.left_out.end());
    const auto affected = [&](const std::string& city) { return in_scope(city) || rejected_by_city.count(city) > 0; };

    // One sample for every city: each city's latest edition up to as_of.
    SampleOptions sample_options;
    sample_options.as_of = options.as_of;
    const auto sample = std::make_shared<const Sample>(build_sample(network, questionnaire, sample_options));
    // A city's reports: in the build's languages, then in the city's own.
    // A city language without a locale here was a warning when the edition loaded.
    const std::vector<std::string> translated = available_languages(data);
    const auto languages_of = [&](const City& city) {
        std::vector<std::string> languages = options.languages;
        if (options.city_languages)
            for (const std::string& lang : city.languages)
                if (std::find(languages.begin(), languages.end(), lang) == languages.end() &&
                    std::find(translated.begin(), translated.end(), lang) != translated.end())
                    languages.push_back(lang);
        return languages;
    };
    std::vector<ReportJob> jobs;
    for (const SampleCity& city : sample->cities) {
        ReportJob job{city.scores.city.id, city.scores.date, {}, {}, languages_of(city.scores.city), {}};
        for (const ScoredEdition* edition : network.editions_of(job.city))
            if (edition->scores.date <= job.date) job.edition_files.emplace_back(edition->source_file);
        if (const ScoredEdition* edition = network.find(job.city, job.date); edition && edition->issued)
            job.pinned = report_as_of(*edition, options.as_of);
        jobs.push_back(std::move(job));
    }
    // Profiles of the cities that have visit notes.
    const ReportTemplate profile_template = load_profile_template(data);
    const auto visits = visit_notes_by_city(network_folder);
    const std::size_t index_reports = jobs.size();
    for (std::size_t i = 0; i < index_reports; ++i) {
        auto it = visits.find(jobs[i].city);
        if (it == visits.end()) continue;
        for (const fs::path& notes : it->second) {
            ReportJob job{jobs[i].city, {}, {}, notes, jobs[i].languages, {}};
            for (const ScoredEdition* edition : network.editions_of(job.city)) job.edition_files.emplace_back(edition->source_file);
            job.edition_files.push_back(notes);
            jobs.push_back(std::move(job));
        }
    }
    std::sort(jobs.begin(), jobs.end(), [](const ReportJob& a, const ReportJob& b) {
        return std::tie(a.city, a.visit_notes) < std::tie(b.city, b.visit_notes);
    });
    std::erase_if(jobs, [&](const ReportJob& job) { return !in_scope(job.city); });
    std::vector<Diagnostic> nothing_to_build;
    for (const std::string& city : only)
        if (!rejected_by_city.count(city) &&
            std::none_of(jobs.begin(), jobs.end(), [&](const ReportJob& job) { return job.city == city; }))
            nothing_to_build.push_back(Diagnostic{
                Severity::error, {"--only"},
                city + " has no edition dated on or before " + (options.as_of ? options.as_of->iso() : "today") +
                    ", so it has no report to build"});
    if (!nothing_to_build.empty()) throw DiagnosticError(std::move(nothing_to_build));

    std::map<std::string, std::string> locale_digests;
    std::map<std::string, std::map<std::string, std::string>> locale_strings_now;  // lang -> key -> text digest
    // The reports of the rejected cities: those this build would make, and
    // every one an earlier build made (other languages, profiles), since none
    // of them is current any more.
    std::map<std::string, ManifestEntry> rejected_reports;
    for (const auto& [city, diagnostics] : rejected_by_city) {
        std::string message;
        for (const Diagnostic& d : diagnostics) message += d.to_string() + "\n";
        for (const std::string& lang : options.languages)
            rejected_reports[output_name(city, lang)] =
                ManifestEntry{output_name(city, lang), "index-report", city, lang, "", {}, 0, "failed", message};
        for (const auto& [name, earlier] : previous.entries)
            if (earlier.city == city && !rejected_reports.count(name))
                rejected_reports[name] = ManifestEntry{name, earlier.kind, city, earlier.lang, "", {}, 0, "failed", message};
    }
    std::size_t total = rejected_reports.size();
    for (const ReportJob& job : jobs) {
        total += job.languages.size();
        for (const std::string& lang : job.languages)
            if (!locale_digests.count(lang)) {
                // A regional variant's messages are its base's file and its own.
                const Catalog catalog = Catalog::load(data, lang);
                locale_digests[lang] = digest_files(catalog.files(), digests);
                locale_strings_now[lang] = locale_strings(catalog);
                manifest.locales[locale_digests[lang]] = locale_strings_now[lang];
            }
    }
    const RebuildContext reasons_context{previous, network_now, city_names, language_names, manifest.libraries};
    BuildProgress progress(log, total, options.terminal && !options.dry_run);
    std::set<std::string> diagnosed;  // a rejected city's diagnostics, printed once for all its reports
    for (auto& [name, entry] : rejected_reports) {
        const std::string label = entry.city + (entry.kind == "profile" ? " profile" : "") + " (" + entry.lang + ")";
        progress.clear_line();
        if (diagnosed.insert(entry.city).second) log << entry.error;
        manifest.entries[name] = std::move(entry);
        ++summary.failed;
        progress.finished(label, "failed");
    }

    const unsigned workers_wanted =
        options.jobs > 0 ? options.jobs : std::max(1u, std::thread::hardware_concurrency());
    const std::size_t worker_count = std::max<std::size_t>(1, std::min<std::size_t>(workers_wanted, jobs.size()));
    std::vector<std::optional<Worker>> workers(worker_count);

    std::mutex output_mutex;
    std::vector<PendingReport> pending;  // stale reports, rendered after every key is known
    std::map<std::string, std::string> dry_run_lines;  // by output: the listing in name order, whatever the jobs

    auto work = [&](std::size_t worker_index, std::size_t job_index) {
        const ReportJob& job = jobs[job_index];
        std::optional<Worker>& worker = workers[worker_index];
        try {
            if (!worker) worker.emplace();
            for (const std::string& lang : job.languages)
                if (!worker->catalogs.count(lang)) worker->catalogs.emplace(lang, Catalog::load(data, lang));
            std::optional<VisitNotes> notes;
            if (job.profile()) {
                notes.emplace(load_visit_notes_for(job.visit_notes, questionnaire, network, options.as_of));
                std::lock_guard lock(output_mutex);
                for (const Diagnostic& warning : notes->warnings) log << warning.to_string() << '\n';
            }
            const PreparedCity city = notes       ? PreparedCity(resources, network, visit_subject(*notes), options.as_of)
                                      : job.pinned ? PreparedCity(resources, network, {job.city, job.date}, job.pinned)
                                                   : PreparedCity(resources, network, {job.city, job.date}, sample);
            if (!notes) {
                // Unanswered questions earn nothing: one line per city, each question with its place.
                if (auto unanswered = unanswered_summary(city.edition(), questionnaire)) {
                    std::lock_guard lock(manifest_mutex);
                    progress.clear_line();
                    log << unanswered->to_string() << '\n';
                }
                refuse_if_too_few_answers(resources, city.edition(), options.force);
            }
            const std::string edition_digest = digest_files(job.edition_files, digests);
            const auto figures = published_figures(city, questionnaire, english);
            const Overrides overrides = load_overrides(overrides_path_for(job.edition_files.front()), questionnaire);
            for (const std::string& lang : job.languages) {
                if (stop.load()) return;
                const std::string label =
                    city.edition().city.name + (notes ? " profile" : "") + " (" + lang + ")";
                Catalog& catalog = worker->catalogs.at(lang);
                std::optional<RecordedKeys> read;  // the keys it reads: only a dry run explains
                read.emplace(catalog, options.dry_run);
                const Document document = notes ? compose_city_profile(profile_template, city, *notes, catalog)
                                                : compose_city_report(resources, city, catalog);
                const std::set<std::string> keys_read = read->keys();
                read.reset();
                ManifestEntry entry;
                entry.output = job.output(lang);
                entry.kind = job.kind();
                entry.city = job.city;
                entry.lang = lang;
                entry.inputs = {{"content", digest(document)},
                                {"edition", edition_digest},
                                {"engine", engine},
                                {"fonts", fonts_digest},
                                {"hyphenation", hyphenation_digests.of(document)},
                                {"libraries", libraries_key},
                                {"locale", locale_digests.at(lang)},
                                {"network", network_now_digest},
                                {"practices", practices_digest},
                                {"render", describe_for_cache(options.render)},
                                {"templates", templates_digest}};
                entry.key = cache_key(entry.inputs);
                entry.figures = figures;
                entry.overrides = override_entries(overrides, lang);
                auto old = previous.entries.find(entry.output);
                const bool fresh = old != previous.entries.end() && same_key_inputs(entry.inputs, old->second.inputs) &&
                                   old->second.status != "failed" && fs::exists(options.output / entry.output);
                if (fresh) {
                    entry.pages = old->second.pages;
                    entry.status = "up-to-date";
                } else if (options.dry_run) {
                    entry.status = "would-build";
                    const ManifestEntry* before = old == previous.entries.end() ? nullptr : &old->second;
                    std::string lines = "rebuild " + entry.output + "\n";
                    const bool only_missing = before && before->status != "failed" &&
                                              same_key_inputs(entry.inputs, before->inputs);
                    for (const std::string& reason :
                         only_missing ? std::vector<std::string>{"its PDF is not in the output folder"}
                                      : rebuild_reasons(before, entry, reasons_context, keys_read,
                                                        locale_strings_now.at(lang)))
                        lines += "  " + reason + "\n";
                    std::lock_guard lock(output_mutex);
                    dry_run_lines[entry.output] = std::move(lines);
                } else {
                    // Rendered in a worker process below.
                    std::lock_guard lock(manifest_mutex);
                    pending.push_back({job_index, lang, label, std::move(entry)});
                    continue;
                }
                {
                    std::lock_guard lock(manifest_mutex);
                    if (entry.status == "up-to-date") ++summary.up_to_date;
                    manifest.entries[entry.output] = entry;
                }
                progress.finished(label, entry.status == "would-build" ? "stale" : entry.status);
            }
        } catch (const std::exception& e) {
            const DiagnosticError* diagnostics = dynamic_cast<const DiagnosticError*>(&e);
            const std::string message = diagnostics ? std::string(e.what()) : "error: " + std::string(e.what());
            std::lock_guard lock(manifest_mutex);
            for (const std::string& lang : job.languages) {
                const std::string name = job.output(lang);
                if (manifest.entries.count(name)) continue;
                manifest.entries[name] = ManifestEntry{name, job.kind(), job.city, lang, "", {}, 0, "failed", message};
                ++summary.failed;
                progress.clear_line();
                log << message << '\n';
                progress.finished(job.city + " (" + lang + ")", "failed");
            }
        }
    };
    run_parallel(worker_count, jobs.size(), work, stop);
    for (const auto& [name, line] : dry_run_lines) out << line;

    if (!pending.empty() && !stop.load()) {
        std::sort(pending.begin(), pending.end(),
                  [](const PendingReport& a, const PendingReport& b) { return a.entry.output < b.entry.output; });
        const RenderContext context{data, fonts, resources, profile_template, network, sample, options.as_of, jobs, options.output,
                                    options.render};
        render_in_processes(context, pending, worker_count, stop, [&](PendingReport& report, const RenderResult& result) {
            if (result.error.empty()) {
                report.entry.pages = result.pages;
                report.entry.status = "built";
                ++summary.built;
            } else {
                report.entry.status = "failed";
                report.entry.error = result.error;
                ++summary.failed;
                progress.clear_line();
                log << result.error << '\n';
            }
            manifest.entries[report.entry.output] = report.entry;
            progress.finished(report.label, report.entry.status);
        });
        remove_stale_temporaries(options.output);  // of a worker stopped mid-report
    }
    summary.interrupted = stop.load();
    progress.clear_line();

    // A failed report's previous PDF must not look current: it is renamed
    // <name>.stale.pdf (kept, for whoever needs the last good one, but no
    // longer under the name readers and scripts take as the current report).
    // The other cities' profiles of a left-out city fail too (they need it).
    if (!options.dry_run && !summary.interrupted)
        for (auto& [name, entry] : manifest.entries) {
            if (!affected(entry.city)) continue;
            const fs::path current = options.output / name;
            const fs::path stale = options.output / stale_name(name);
            if (entry.status != "failed") {
                fs::remove(stale, error);  // rebuilt: the old stale copy has no use left
                continue;
            }
            if (fs::exists(current, error)) fs::rename(current, stale, error);
            if (fs::exists(stale, error)) entry.stale_output = stale_name(name);
        }

    if (!options.dry_run) {
        // An interrupted build keeps what the last manifest knew about reports it did not reach.
        if (summary.interrupted)
            for (const auto& [name, entry] : previous.entries)
                if (!manifest.entries.count(name)) manifest.entries.emplace(name, entry);
        manifest.save(manifest_path);
        save_file_digests(digests_path, digests.used());
    }
    log << (options.dry_run ? "dry run: " : "build: ") << summary.built << " built, " << summary.up_to_date
        << " up to date, " << summary.failed << " failed";
    if (options.dry_run) {
        const auto stale = std::count_if(manifest.entries.begin(), manifest.entries.end(),
                                         [](const auto& e) { return e.second.status == "would-build"; });
        log << ", " << stale << " to rebuild";
    }
    if (!only.empty()) {
        std::vector<std::string> names(only.begin(), only.end()), invalid;
        for (const auto& [city, diagnostics] : rejected_by_city)
            if (!only.count(city)) invalid.push_back(city);
        log << " (only " << join_alternatives(names, " and ") << "; the other cities' reports left as they were";
        if (!invalid.empty())
            log << ", except those of " << join_alternatives(invalid, " and ") << ", whose files are invalid";
        log << ")";
    }
    if (summary.interrupted) log << " (interrupted)";
    log << '\n';
    if (!summary.left_out.empty()) {
        std::string names;
        for (const std::string& city : summary.left_out) names += (names.empty() ? "" : ", ") + city;
        log << "left out of the sample: " << names << " (invalid files); every other report compares with "
            << sample->size() << (sample->size() == 1 ? " city" : " cities") << ", "
            << summary.left_out.size() << (summary.left_out.size() == 1 ? " city" : " cities")
            << " short of the whole network\n";
    }
    // Every failure again, after the progress lines, so that none scrolls
    // away; the reports that failed for the same reason (a rejected city's
    // languages and profiles) under one copy of it.
    std::vector<std::pair<std::string, std::vector<std::string>>> failures;  // (error, the reports it failed)
    for (const auto& [name, entry] : manifest.entries) {
        if (entry.status != "failed" || !affected(entry.city)) continue;
        const std::string report =
            name + (entry.stale_output.empty() ? std::string()
                                               : " (its previous PDF is now " + entry.stale_output + ", out of date)");
        auto same = std::find_if(failures.begin(), failures.end(), [&](const auto& f) { return f.first == entry.error; });
        if (same == failures.end()) failures.push_back({entry.error, {report}});
        else same->second.push_back(report);
    }
    if (!failures.empty()) log << "failed:\n";
    for (const auto& [message, reports] : failures) {
        for (std::size_t i = 0; i < reports.size(); ++i) log << "  " << reports[i] << (i + 1 < reports.size() ? "\n" : ":\n");
        std::istringstream lines(message);
        for (std::string line; std::getline(lines, line);)
            if (!line.empty()) log << "    " << line << '\n';
    }
    return summary;
}

}  // namespace icc
