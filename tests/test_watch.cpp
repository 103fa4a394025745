// `iccreport watch`: renders, renders again after a save of an input, and
// stops on SIGTERM; a watcher reloads what a changed file is made into.
#include <boost/test/unit_test.hpp>

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

#include "driver/watch.h"
#include "support/diagnostic.h"
#include "test_support.h"

using namespace icc;
namespace fs = std::filesystem;

namespace {

// A small network: two cities of the sample (quellmark with its history).
fs::path small_network(const testing::TempDir& dir) {
    const fs::path network = dir / "network";
    fs::create_directories(network);
    for (const char* city : {"quellmark", "valmora"})
        fs::copy(testing::source_root() / "samples/network" / city, network / city, fs::copy_options::recursive);
    return network;
}

// Waits (without any claim about how long it takes) until `log` holds
// `count` lines containing `text`, or the process has ended; generous, so
// that a loaded machine does not fail the test, but the test cannot hang.
bool wait_for(const fs::path& log, const std::string& text, int count, pid_t child) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::minutes(3);
    while (std::chrono::steady_clock::now() < deadline) {
        const std::string content = testing::slurp(log);
        int found = 0;
        for (std::size_t at = content.find(text); at != std::string::npos; at = content.find(text, at + 1)) ++found;
        if (found >= count) return true;
        int status = 0;
        if (::waitpid(child, &status, WNOHANG) == child) return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return false;
}

int count_of(const std::string& text, const std::string& what) {
    int found = 0;
    for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++found;
    return found;
}

}  // namespace

BOOST_AUTO_TEST_CASE(watch_renders_again_after_a_save_and_stops_on_sigterm) {
    testing::TempDir dir;
    const fs::path network = small_network(dir);
    const fs::path edition = network / "quellmark/2024-10-07.toml";
    const fs::path pdf = dir / "quellmark.pdf";
    const fs::path log = dir / "watch.log";
    const pid_t child = ::fork();
    BOOST_REQUIRE(child >= 0);
    if (child == 0) {
        const int fd = ::open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        ::dup2(fd, STDERR_FILENO);
        ::dup2(fd, STDOUT_FILENO);
        const std::string binary = testing::iccreport();
        ::execl(binary.c_str(), binary.c_str(), "watch", edition.c_str(), "--network", network.c_str(), "--lang", "en",
                "--out", pdf.c_str(), static_cast<char*>(nullptr));
        ::_exit(127);
    }
    // However the test ends, the watch does not outlive it.
    struct Reaper {
        pid_t pid;
        bool reaped = false;
        ~Reaper() {
            if (reaped) return;
            ::kill(pid, SIGKILL);
            ::waitpid(pid, nullptr, 0);
        }
    } reaper{child};
    BOOST_REQUIRE_MESSAGE(wait_for(log, "watching", 1, child), testing::slurp(log));
    BOOST_TEST(fs::exists(pdf));
    BOOST_TEST(count_of(testing::slurp(log), "rendered (") == 1);

    // A save of an input it read: touching the edition file.
    fs::last_write_time(edition, fs::file_time_type::clock::now());
    BOOST_REQUIRE_MESSAGE(wait_for(log, "re-rendered after a change to 2024-10-07.toml", 1, child), testing::slurp(log));

    ::kill(child, SIGTERM);
    int status = 0;
    BOOST_REQUIRE(::waitpid(child, &status, 0) == child);
    reaper.reaped = true;
    BOOST_TEST(WIFEXITED(status));
    BOOST_TEST(WEXITSTATUS(status) == 0);
    const std::string output = testing::slurp(log);
    BOOST_TEST(count_of(output, "re-rendered") == 1, output);
    BOOST_TEST(output.find(" ms\n") != std::string::npos, output);  // each render says its time
}

BOOST_AUTO_TEST_CASE(a_watcher_reloads_what_a_changed_file_is_made_into) {
    testing::TempDir dir;
    const fs::path network = small_network(dir);
    const fs::path edition = network / "quellmark/2024-10-07.toml";
    WatchOptions options{edition, network, "en", "", dir / "quellmark.pdf"};
    ReportWatcher watcher(DataRoot{testing::source_root()}, options);
    BOOST_TEST(watcher.render().pages > 10);
    BOOST_TEST(testing::run("pdftotext '" + options.output.string() + "' -").out.find("Quellmark") != std::string::npos);

    // Files the report does not read change nothing.
    BOOST_TEST(!watcher.changed(network / "valmora/overrides.toml"));
    BOOST_TEST(!watcher.changed(network / "quellmark/visit-2025-02-04.toml"));
    BOOST_TEST(!watcher.changed(network / "quellmark/.2024-10-07.toml.swp"));
    BOOST_TEST(!watcher.changed(dir / "elsewhere.toml"));
    // Those it reads do.
    BOOST_TEST(watcher.changed(network / "quellmark/overrides.toml"));
    BOOST_TEST(watcher.changed(testing::source_root() / "locales/en.toml"));
    BOOST_TEST(watcher.changed(network / "valmora/2026-03-15.toml"));

    // A corrected edition is read again: the city's new name is in the PDF.
    std::string text = testing::slurp(edition);
    text.replace(text.find("name = \"Quellmark\""), 18, "name = \"Quellmarkstadt\"");
    std::ofstream(edition, std::ios::binary) << text;
    BOOST_TEST(watcher.changed(edition));
    BOOST_TEST(watcher.render().pages > 10);
    BOOST_TEST(testing::run("pdftotext '" + options.output.string() + "' -").out.find("Quellmarkstadt") !=
               std::string::npos);

    // A mistake is reported and the previous PDF stays; the fix renders again.
    const std::string before = testing::slurp(options.output);
    std::ofstream(edition, std::ios::binary) << text + "\n[answers.nonsense]\nx = 1\n";
    BOOST_TEST(watcher.changed(edition));
    BOOST_CHECK_THROW(watcher.render(), DiagnosticError);
    BOOST_TEST(testing::slurp(options.output) == before);
    std::ofstream(edition, std::ios::binary) << text;
    BOOST_TEST(watcher.changed(edition));
    BOOST_TEST(watcher.render().pages > 10);
}
