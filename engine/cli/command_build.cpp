// iccreport build [NETWORK_DIR] [--langs en,fr] [--as-of DATE] [--jobs N] [--out DIR] [--dry-run]
#include <pthread.h>
#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <iostream>
#include <memory>
#include <sstream>
#include <thread>

#include "cli/commands.h"
#include "driver/build.h"
#include "driver/pipeline.h"

namespace icc::cli {

namespace fs = std::filesystem;

namespace {
struct BuildArguments {
    fs::path network;
    std::string langs;  // empty: the official languages
    std::string as_of;
    unsigned jobs = 0;
    fs::path output = "out";
    bool dry_run = false;
};

// SIGINT and SIGTERM ask the build to stop between reports: they are blocked
// in every thread and received by a watcher with sigtimedwait, so no signal
// handler and no global flag are needed. Outputs are atomic, so even SIGKILL
// leaves no partial PDF; the next build finishes the job.
class StopOnSignals {
public:
    StopOnSignals() {
        sigemptyset(&signals_);
        sigaddset(&signals_, SIGINT);
        sigaddset(&signals_, SIGTERM);
        pthread_sigmask(SIG_BLOCK, &signals_, &previous_);
        watcher_ = std::thread([this] {
            const timespec tick{0, 100'000'000};
            while (!done_.load()) {
                const int signal = sigtimedwait(&signals_, nullptr, &tick);
                if (signal == SIGINT || signal == SIGTERM) {
                    stop_ = true;
                    received_ = signal;
                }
            }
        });
    }
    ~StopOnSignals() {
        done_ = true;
        watcher_.join();
        pthread_sigmask(SIG_SETMASK, &previous_, nullptr);
    }
    StopOnSignals(const StopOnSignals&) = delete;
    StopOnSignals& operator=(const StopOnSignals&) = delete;
    [[nodiscard]] const std::atomic<bool>& stop() const { return stop_; }

private:
    sigset_t signals_{};
    sigset_t previous_{};
    std::atomic<bool> stop_{false};
    std::atomic<bool> done_{false};
    std::atomic<int> received_{0};
    std::thread watcher_;
};

std::vector<std::string> split_languages(const std::string& text) {
    std::vector<std::string> languages;
    std::stringstream stream(text);
    std::string lang;
    while (std::getline(stream, lang, ','))
        if (!lang.empty()) languages.push_back(lang);
    if (languages.empty() && !text.empty())
        throw DiagnosticError(Diagnostic{Severity::error, {"--langs"}, "expected language tags separated by commas, found \"" + text + "\""});
    return languages;  // empty: the official languages
}

int run_build_command(const BuildArguments& arguments) {
    const DataRoot data = DataRoot::locate();
    BuildOptions options;
    options.network = arguments.network;
    options.languages = split_languages(arguments.langs);
    if (!arguments.as_of.empty()) options.as_of = parse_date_option(arguments.as_of, "--as-of");
    options.jobs = arguments.jobs;
    options.output = arguments.output;
    options.dry_run = arguments.dry_run;
    options.terminal = ::isatty(STDERR_FILENO) != 0;
    StopOnSignals signals;
    const BuildSummary summary = run_build(data, options, std::cout, std::cerr, signals.stop());
    return summary.exit_code();
}
}  // namespace

Command add_build_command(CLI::App& app) {
    auto arguments = std::make_shared<BuildArguments>();
    CLI::App* command = app.add_subcommand(
        "build", "Build the report of every city in every language, rebuilding only what changed");
    command->add_option("network", arguments->network, "Folder of the network's editions (default: samples/network)");
    command->add_option("--langs", arguments->langs, "Comma-separated languages (default: the official languages, meta.official in locales/)");
    command->add_option("--as-of", arguments->as_of, "Use editions dated on or before YYYY-MM-DD");
    command->add_option("--jobs,-j", arguments->jobs, "Parallel reports (default: the number of cores)");
    command->add_option("--out", arguments->output, "Output folder")->capture_default_str();
    command->add_flag("--dry-run", arguments->dry_run, "List what would be rebuilt and why; write nothing");
    return {command, [arguments] { return run_build_command(*arguments); }};
}

}  // namespace icc::cli
