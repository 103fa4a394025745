// The batch build on the whole sample network (every city, English and
// French): a cold build, a no-op rebuild, and a rebuild after one answer of
// one city changed. Prints wall time and the peak memory of the largest
// process (the build or one of its workers). Runs on a copy of the network.
// Usage: bench_build [--jobs N]
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>
#include <string>

#include "support/data_root.h"

#ifndef ICC_BENCH_BINARY
#error "ICC_BENCH_BINARY must be defined by the build"
#endif

namespace fs = std::filesystem;

namespace {

struct Run {
    double seconds = 0;
    double peak_mib = 0;
    int exit_code = -1;
    std::string summary;
};

Run run_build(const std::string& arguments) {
    const fs::path log = fs::temp_directory_path() / ("icc-bench-build-" + std::to_string(::getpid()) + ".log");
    const auto start = std::chrono::steady_clock::now();
    const pid_t child = fork();
    if (child == 0) {
        const std::string command = std::string("exec ") + ICC_BENCH_BINARY + " build " + arguments + " 2>" + log.string();
        execl("/bin/sh", "sh", "-c", command.c_str(), nullptr);
        _exit(127);
    }
    int status = 0;
    rusage usage{};
    wait4(child, &status, 0, &usage);
    Run run;
    run.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    rusage descendants{};
    getrusage(RUSAGE_CHILDREN, &descendants);  // includes the build's workers, once waited for
    run.peak_mib = static_cast<double>(std::max(usage.ru_maxrss, descendants.ru_maxrss)) / 1024;
    std::ifstream in(log);
    std::string line;
    while (std::getline(in, line))
        if (line.rfind("build:", 0) == 0) run.summary = line;
    fs::remove(log);
    return run;
}

void print(const char* what, const Run& run) {
    std::printf("%-34s %7.2f s  peak %6.1f MiB  exit %d  %s\n", what, run.seconds, run.peak_mib, run.exit_code,
                run.summary.c_str());
}

}  // namespace

int main(int argc, char** argv) {
    std::string jobs;
    for (int i = 1; i < argc; ++i)
        if (!std::strcmp(argv[i], "--jobs") && i + 1 < argc) jobs = std::string(" --jobs ") + argv[++i];
    const icc::DataRoot data = icc::DataRoot::locate();
    const fs::path work = fs::temp_directory_path() / ("icc-bench-build-" + std::to_string(::getpid()));
    fs::create_directories(work);
    fs::copy(data.samples() / "network", work / "network", fs::copy_options::recursive);
    const std::string arguments = "'" + (work / "network").string() + "' --langs en,fr --out '" +
                                  (work / "out").string() + "'" + jobs;
    int cities = 0;
    for ([[maybe_unused]] const auto& entry : fs::directory_iterator(work / "network")) ++cities;
    std::printf("sample network: %d cities, 2 languages, %u cores\n", cities, std::thread::hardware_concurrency());

    print("cold build", run_build(arguments));
    print("no-op rebuild", run_build(arguments));

    // One answer of one city changes: its reports, and those whose printed figures move.
    const fs::path edition = work / "network/valmora/2026-03-15.toml";
    std::stringstream text;
    text << std::ifstream(edition).rdbuf();
    std::string content = text.str();
    const std::string from = "action_plan = \"no\"";
    content.replace(content.find(from), from.size(), "action_plan = \"yes\"");
    std::ofstream(edition, std::ios::trunc) << content;
    print("rebuild after one answer changed", run_build(arguments));

    fs::remove_all(work);
    return 0;
}
