// `iccreport build`: incremental, deterministic across job counts, fault
// tolerant and safe to interrupt. Runs on a small copy of the sample network.
#include <boost/test/unit_test.hpp>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <thread>

#include "test_support.h"

using namespace icc;
using testing::run;
namespace fs = std::filesystem;

namespace {

const std::vector<std::string> cities{"valmora", "marvege", "quellmark", "agia-kalos", "belinopol", "ain-ramir"};

struct SmallNetwork {
    testing::TempDir dir;
    fs::path network = dir / "network";
    SmallNetwork() {
        fs::create_directories(network);
        for (const auto& city : cities)
            fs::copy(testing::source_root() / "samples/network" / city, network / city, fs::copy_options::recursive);
    }
    std::string build(const fs::path& out, const std::string& extra = "") const {
        return testing::iccreport() + " build '" + network.string() + "' --out '" + out.string() + "' " + extra;
    }
    void replace_in(const std::string& file, const std::string& from, const std::string& to) const {
        const fs::path path = network / file;
        std::string text = testing::slurp(path);
        const auto at = text.find(from);
        BOOST_REQUIRE_MESSAGE(at != std::string::npos, "'" + from + "' not in " + file);
        text.replace(at, from.size(), to);
        std::ofstream(path, std::ios::binary | std::ios::trunc) << text;
    }
};

nlohmann::json manifest(const fs::path& out) { return nlohmann::json::parse(testing::slurp(out / "manifest.json")); }

std::map<std::string, std::string> statuses(const fs::path& out) {
    std::map<std::string, std::string> result;
    const nlohmann::json parsed = manifest(out);  // kept alive: the loop reads from it
    for (const auto& report : parsed["reports"])
        result[report["output"].get<std::string>()] = report["status"].get<std::string>();
    return result;
}

std::map<std::string, std::string> pdfs(const fs::path& out) {
    std::map<std::string, std::string> result;
    for (const auto& entry : fs::directory_iterator(out))
        if (entry.path().extension() == ".pdf") result[entry.path().filename().string()] = testing::slurp(entry.path());
    return result;
}

int count(const std::map<std::string, std::string>& map, const std::string& value) {
    return static_cast<int>(std::count_if(map.begin(), map.end(), [&](const auto& e) { return e.second == value; }));
}

}  // namespace

BOOST_AUTO_TEST_CASE(a_cold_build_then_a_noop_rebuild) {
    SmallNetwork net;
    const fs::path out = net.dir / "out";
    auto first = run(net.build(out, "--jobs 2"));
    BOOST_TEST_REQUIRE(first.exit_code == 0, first.err);
    BOOST_TEST(first.err.find("build: 18 built, 0 up to date, 0 failed") != std::string::npos);
    const auto reports = manifest(out)["reports"];
    BOOST_TEST(reports.size() == 18u);  // 6 cities, 3 of them with visit notes, 2 languages
    for (const auto& report : reports) {
        BOOST_TEST(report["pages"].get<int>() > 10);
        BOOST_TEST(report["key"].get<std::string>().size() == 64u);
        BOOST_TEST(report["inputs"].contains("edition"));
    }
    BOOST_TEST(run("qpdf --check '" + (out / "valmora.fr.pdf").string() + "'").exit_code == 0);
    auto second = run(net.build(out));
    BOOST_TEST(second.exit_code == 0);
    BOOST_TEST(second.err.find("build: 0 built, 18 up to date, 0 failed") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(touching_files_without_changing_them_rebuilds_nothing) {
    SmallNetwork net;
    const fs::path out = net.dir / "out";
    BOOST_TEST_REQUIRE(run(net.build(out)).exit_code == 0);
    for (const auto& entry : fs::recursive_directory_iterator(net.network))
        if (entry.is_regular_file()) fs::last_write_time(entry.path(), fs::file_time_type::clock::now());
    const auto dry = run(net.build(out, "--dry-run"));
    BOOST_TEST(dry.out.empty(), dry.out);
    BOOST_TEST(run(net.build(out)).err.find("0 built, 18 up to date") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_changed_comment_rebuilds_exactly_that_citys_reports) {
    SmallNetwork net;
    const fs::path out = net.dir / "out";
    BOOST_TEST_REQUIRE(run(net.build(out)).exit_code == 0);
    // A comment is quoted by the city's own report only: no figure moves.
    net.replace_in("valmora/2026-03-15.toml", "nobody is yet in charge of the whole.",
                   "a coordinator will be appointed in 2027.");
    const auto dry = run(net.build(out, "--dry-run"));
    BOOST_TEST(dry.out == "rebuild valmora.en.pdf (changed: edition)\nrebuild valmora.fr.pdf (changed: edition)\n");
    BOOST_TEST(run(net.build(out)).err.find("2 built, 16 up to date") != std::string::npos);
    const auto s = statuses(out);
    BOOST_TEST(s.at("valmora.en.pdf") == "built");
    BOOST_TEST(s.at("marvege.en.pdf") == "up-to-date");
}

BOOST_AUTO_TEST_CASE(a_changed_answer_rebuilds_what_moved_and_nothing_stale_remains) {
    SmallNetwork net;
    const fs::path out = net.dir / "out";
    BOOST_TEST_REQUIRE(run(net.build(out)).exit_code == 0);
    const auto before = pdfs(out);
    net.replace_in("valmora/2026-03-15.toml", "action_plan = \"no\"", "action_plan = \"yes\"");
    const auto dry = run(net.build(out, "--dry-run"));
    BOOST_TEST(dry.out.find("rebuild valmora.en.pdf (changed: edition)") != std::string::npos);
    BOOST_TEST_REQUIRE(run(net.build(out)).exit_code == 0);
    const auto after = pdfs(out);
    const auto s = statuses(out);
    BOOST_TEST(s.at("valmora.en.pdf") == "built");
    BOOST_TEST(s.at("valmora.fr.pdf") == "built");
    // Every rebuilt report really changed, and every report left alone is
    // exactly what a build from scratch makes.
    const fs::path fresh = net.dir / "fresh";
    BOOST_TEST_REQUIRE(run(net.build(fresh)).exit_code == 0);
    const auto scratch = pdfs(fresh);
    for (const auto& [name, status] : s) {
        BOOST_TEST_CONTEXT(name << " " << status) {
            if (status == "built") BOOST_TEST(after.at(name) != before.at(name));
            BOOST_TEST(after.at(name) == scratch.at(name));
        }
    }
}

BOOST_AUTO_TEST_CASE(a_change_to_visit_notes_rebuilds_that_profile_only) {
    SmallNetwork net;
    const fs::path out = net.dir / "out";
    BOOST_TEST_REQUIRE(run(net.build(out)).exit_code == 0);
    BOOST_TEST(fs::exists(out / "valmora.profile-2026-06-09.fr.pdf"));
    BOOST_TEST(statuses(out).at("quellmark.profile-2025-02-04.en.pdf") == "built");
    net.replace_in("valmora/visit-2026-06-09.toml", "Roma residents", "Roma inhabitants");
    const auto dry = run(net.build(out, "--dry-run"));
    BOOST_TEST(dry.out == "rebuild valmora.profile-2026-06-09.en.pdf (changed: edition)\n"
                         "rebuild valmora.profile-2026-06-09.fr.pdf (changed: edition)\n");
    BOOST_TEST(run(net.build(out)).err.find("2 built, 16 up to date") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(output_is_byte_identical_whatever_the_number_of_jobs) {
    SmallNetwork net;
    BOOST_TEST_REQUIRE(run(net.build(net.dir / "one", "--jobs 1")).exit_code == 0);
    BOOST_TEST_REQUIRE(run(net.build(net.dir / "three", "--jobs 3")).exit_code == 0);
    const auto a = pdfs(net.dir / "one"), b = pdfs(net.dir / "three");
    BOOST_TEST(a.size() == 18u);
    BOOST_TEST((a == b));
    BOOST_TEST(testing::slurp(net.dir / "one" / "manifest.json") == testing::slurp(net.dir / "three" / "manifest.json"));
}

BOOST_AUTO_TEST_CASE(a_city_with_invalid_data_fails_alone) {
    SmallNetwork net;
    net.replace_in("belinopol/" + fs::directory_iterator(net.network / "belinopol")->path().filename().string(),
                   "[edition]", "[edition]\nbroken = = 1");
    const fs::path out = net.dir / "out";
    auto result = run(net.build(out));
    BOOST_TEST(result.exit_code == 1);
    BOOST_TEST(std::regex_search(result.err, std::regex("belinopol/[0-9-]+\\.toml:[0-9]+:[0-9]+: error: invalid TOML")));
    BOOST_TEST(result.err.find("16 built, 0 up to date, 2 failed") != std::string::npos);
    const auto s = statuses(out);
    BOOST_TEST(s.at("belinopol.en.pdf") == "failed");
    BOOST_TEST(s.at("valmora.en.pdf") == "built");
    BOOST_TEST(!fs::exists(out / "belinopol.en.pdf"));
    // Fixed, the next build makes the missing reports.
    net.replace_in("belinopol/" + fs::directory_iterator(net.network / "belinopol")->path().filename().string(),
                   "\nbroken = = 1", "");
    result = run(net.build(out));
    BOOST_TEST(result.exit_code == 0, result.err);
    BOOST_TEST(fs::exists(out / "belinopol.en.pdf"));
}

BOOST_AUTO_TEST_CASE(a_killed_build_leaves_no_partial_pdf_and_the_next_finishes) {
    SmallNetwork net;
    const fs::path out = net.dir / "out";
    for (int signal : {SIGKILL, SIGINT}) {
        fs::remove_all(out);
        const pid_t child = fork();
        if (child == 0) {
            const std::string command = net.build(out, "--jobs 2") + " 2>/dev/null";
            execl("/bin/sh", "sh", "-c", ("exec " + command).c_str(), nullptr);
            _exit(127);
        }
        // Let it write a few reports, then stop it mid-way.
        for (int i = 0; i < 200 && (!fs::exists(out) || pdfs(out).size() < 3); ++i)
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        kill(child, signal);
        int status = 0;
        waitpid(child, &status, 0);
        if (signal == SIGINT) BOOST_TEST((WIFEXITED(status) && WEXITSTATUS(status) == 130));
        // Every PDF present is complete, and the manifest (if any) is valid JSON.
        for (const auto& [name, bytes] : pdfs(out))
            BOOST_TEST(run("qpdf --check '" + (out / name).string() + "'").exit_code == 0, name);
        if (fs::exists(out / "manifest.json")) BOOST_CHECK_NO_THROW(manifest(out));
        auto next = run(net.build(out));
        BOOST_TEST(next.exit_code == 0, next.err);
        BOOST_TEST(pdfs(out).size() == 18u);
        for (const auto& entry : fs::directory_iterator(out))
            BOOST_TEST(entry.path().filename().string().find(".tmp-") == std::string::npos);
    }
}

BOOST_AUTO_TEST_CASE(bad_build_options_are_clear_errors) {
    SmallNetwork net;
    auto result = run(net.build(net.dir / "out", "--langs en,xx"));
    BOOST_TEST(result.exit_code == 1);
    BOOST_TEST(result.err.find("--langs: error: no language 'xx'; the languages there are: ar (العربية, Arabic)") !=
               std::string::npos, result.err);
    result = run(net.build(net.dir / "out", "--as-of 2025-02-30"));
    BOOST_TEST(result.exit_code == 1);
    BOOST_TEST(result.err == "--as-of: error: expected a calendar date YYYY-MM-DD (e.g. 2025-12-31), found \"2025-02-30\"\n");
}
