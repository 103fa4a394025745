// `iccreport build`: incremental, deterministic across job counts, fault
// tolerant and safe to interrupt. Runs on a small copy of the sample network.
#include <boost/test/unit_test.hpp>

#include <chrono>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <sstream>
#include <thread>

#include "support/hash.h"
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
    // In English and French only (the cities' own languages have a test of
    // their own), unless `extra` asks for other languages.
    std::string build(const fs::path& out, const std::string& extra = "") const {
        const std::string langs = extra.find("--langs") == std::string::npos ? "--langs en,fr " : "";
        return testing::iccreport() + " build '" + network.string() + "' --out '" + out.string() + "' " + langs + extra;
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

// The state of an output folder: its PDFs and its manifest's entries, by output name.
struct Outputs {
    std::map<std::string, std::string> pdfs;
    std::map<std::string, nlohmann::json> entries;
};

Outputs outputs(const fs::path& out) {
    Outputs result{pdfs(out), {}};
    const nlohmann::json parsed = manifest(out);  // kept alive: the loop reads from it
    for (const auto& report : parsed["reports"]) result.entries[report["output"].get<std::string>()] = report;
    return result;
}

// After `build --only CITY`: CITY's reports were rebuilt, as `reference` (a
// full build of the same data) has them; every other report's PDF and
// manifest entry is what `before` had. Outputs of `skipped` are not compared.
void only_city_rebuilt(const std::string& city, const Outputs& before, const Outputs& after,
                       const std::map<std::string, std::string>& reference, const std::string& skipped = "") {
    for (const auto& [name, entry] : before.entries) {
        if (!skipped.empty() && name.rfind(skipped + ".", 0) == 0) continue;
        BOOST_TEST_CONTEXT(name) {
            if (name.rfind(city + ".", 0) == 0) {
                BOOST_TEST(after.entries.at(name)["status"] == "built");
                BOOST_TEST((after.pdfs.at(name) == reference.at(name)));  // as a full build makes it
            } else {
                BOOST_TEST(after.entries.at(name) == entry);
                BOOST_TEST((after.pdfs.at(name) == before.pdfs.at(name)));
            }
        }
    }
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

BOOST_AUTO_TEST_CASE(a_noop_build_trusts_recorded_stamps_but_sees_a_same_size_change) {
    SmallNetwork net;
    const fs::path out = net.dir / "out";
    const fs::path file = net.network / "valmora/2026-03-15.toml";
    // Written an hour ago: the stamp recorded by the first build is one the next may trust.
    const auto an_hour_ago = fs::last_write_time(file) - std::chrono::hours(1);
    fs::last_write_time(file, an_hour_ago);
    const std::string only = "--only valmora --langs en";
    BOOST_TEST_REQUIRE(run(net.build(out, only)).exit_code == 0);
    const auto recorded = [&] {
        return nlohmann::json::parse(testing::slurp(out / ".file-digests.json"))[file.string()];
    };
    BOOST_TEST_REQUIRE(recorded().is_object());
    BOOST_TEST(recorded()["sha256"].get<std::string>() == sha256_hex(testing::slurp(file)));
    const auto edition_input = [&] {
        const nlohmann::json parsed = manifest(out);  // kept alive: the loop reads from it
        for (const auto& report : parsed["reports"])
            if (report["output"] == "valmora.en.pdf") return report["inputs"]["edition"].get<std::string>();
        return std::string();
    };
    const std::string before = edition_input();
    // The same size, and its modification time set back: only its change time moved.
    net.replace_in("valmora/2026-03-15.toml", "municipal register.", "municipal register!");
    fs::last_write_time(file, an_hour_ago);
    const auto second = run(net.build(out, only));
    BOOST_TEST_REQUIRE(second.exit_code == 0, second.err);
    BOOST_TEST(statuses(out).at("valmora.en.pdf") == "built");
    BOOST_TEST(recorded()["sha256"].get<std::string>() == sha256_hex(testing::slurp(file)));
    BOOST_TEST(edition_input() != before);
}

BOOST_AUTO_TEST_CASE(a_changed_comment_rebuilds_exactly_that_citys_reports) {
    SmallNetwork net;
    const fs::path out = net.dir / "out";
    BOOST_TEST_REQUIRE(run(net.build(out)).exit_code == 0);
    // A comment is quoted by the city's own report only: no figure moves.
    net.replace_in("valmora/2026-03-15.toml", "nobody is yet in charge of the whole.",
                   "a coordinator will be appointed in 2027.");
    const auto dry = run(net.build(out, "--dry-run"));
    // No figure moves: the reasons name the edition, and nothing else.
    BOOST_TEST(dry.out == "rebuild valmora.en.pdf\n  the edition of Valmora dated 2026-03-15 changed\n"
                         "rebuild valmora.fr.pdf\n  the edition of Valmora dated 2026-03-15 changed\n");
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
    BOOST_TEST(dry.out.find("rebuild valmora.en.pdf\n  the edition of Valmora dated 2026-03-15 changed\n") !=
                   std::string::npos,
               dry.out);
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
    BOOST_TEST(dry.out == "rebuild valmora.profile-2026-06-09.en.pdf\n  the visit notes changed\n"
                         "rebuild valmora.profile-2026-06-09.fr.pdf\n  the visit notes changed\n");
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

BOOST_AUTO_TEST_CASE(an_invalid_network_renders_nothing_and_lists_every_error_of_every_file) {
    SmallNetwork net;
    const fs::path out = net.dir / "out";
    BOOST_TEST_REQUIRE(run(net.build(out, "--langs en")).exit_code == 0);
    const auto before = pdfs(out);
    const std::string manifest_before = testing::slurp(out / "manifest.json");
    // Two bad files: a syntax error in one, two answers the questionnaire rejects in the other.
    net.replace_in("belinopol/2023-07-16.toml", "[edition]", "[edition]\nbroken = = 1");
    net.replace_in("ain-ramir/2021-12-04.toml", "statement = \"partly\"", "statement = \"perhaps\"");
    net.replace_in("ain-ramir/2021-12-04.toml", "budget = \"partly\"", "budget = 7");
    auto result = run(net.build(out, "--langs en"));
    BOOST_TEST(result.exit_code == 1);
    BOOST_TEST(std::regex_search(result.err, std::regex("belinopol/2023-07-16\\.toml:[0-9]+:[0-9]+: error: invalid TOML")),
               result.err);
    BOOST_TEST(std::regex_search(result.err, std::regex("ain-ramir/2021-12-04\\.toml:[0-9]+:[0-9]+: error: "
                                                        "answers\\.commitment\\.statement")),
               result.err);
    BOOST_TEST(std::regex_search(result.err, std::regex("ain-ramir/2021-12-04\\.toml:[0-9]+:[0-9]+: error: "
                                                        "answers\\.commitment\\.budget")),
               result.err);
    BOOST_TEST(result.err.find("build: nothing rendered: the network has invalid files (ain-ramir, belinopol)") !=
                   std::string::npos,
               result.err);
    // Nothing touched: every PDF and the manifest as they were.
    BOOST_TEST((pdfs(out) == before));
    BOOST_TEST(testing::slurp(out / "manifest.json") == manifest_before);
}

BOOST_AUTO_TEST_CASE(keep_going_leaves_the_invalid_city_out_and_its_old_pdf_stale) {
    SmallNetwork net;
    const fs::path out = net.dir / "out";
    BOOST_TEST_REQUIRE(run(net.build(out, "--langs en")).exit_code == 0);
    net.replace_in("belinopol/2023-07-16.toml", "[edition]", "[edition]\nbroken = = 1");
    auto result = run(net.build(out, "--langs en --keep-going"));
    BOOST_TEST(result.exit_code == 1);
    const auto s = statuses(out);
    BOOST_TEST(s.at("belinopol.en.pdf") == "failed");
    BOOST_TEST(s.at("valmora.en.pdf") == "built");  // its sample lost a city: its figures moved
    // The failed city's previous report no longer looks current.
    BOOST_TEST(!fs::exists(out / "belinopol.en.pdf"));
    BOOST_TEST(fs::exists(out / "belinopol.en.stale.pdf"));
    for (const auto& report : manifest(out)["reports"])
        if (report["output"] == "belinopol.en.pdf") BOOST_TEST(report["stale_output"] == "belinopol.en.stale.pdf");
    // The summary, after the progress lines, says who is left out and repeats every failure.
    const auto summary_at = result.err.find("build: ");
    BOOST_TEST_REQUIRE(summary_at != std::string::npos);
    const std::string summary = result.err.substr(summary_at);
    BOOST_TEST(summary.find("left out of the sample: belinopol (invalid files); every other report compares with 5 "
                            "cities, 1 city short of the whole network") != std::string::npos,
               summary);
    BOOST_TEST(summary.find("failed:\n  belinopol.en.pdf (its previous PDF is now belinopol.en.stale.pdf, out of "
                            "date):\n    ") != std::string::npos,
               summary);
    BOOST_TEST(std::regex_search(summary, std::regex("belinopol/2023-07-16\\.toml:[0-9]+:[0-9]+: error: invalid TOML")));
    // Fixed, the next build makes the report again and the stale copy goes.
    net.replace_in("belinopol/2023-07-16.toml", "\nbroken = = 1", "");
    result = run(net.build(out, "--langs en"));
    BOOST_TEST(result.exit_code == 0, result.err);
    BOOST_TEST(fs::exists(out / "belinopol.en.pdf"));
    BOOST_TEST(!fs::exists(out / "belinopol.en.stale.pdf"));
    BOOST_TEST(result.err.find("failed:") == std::string::npos);
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
    BOOST_TEST(result.err.find("--lang: error: no language \"xx\"") != std::string::npos);
    result = run(net.build(net.dir / "out", "--as-of 2025-02-30"));
    BOOST_TEST(result.exit_code == 1);
    BOOST_TEST(result.err == "--as-of: error: expected a calendar date YYYY-MM-DD (e.g. 2025-12-31), found \"2025-02-30\"\n");
}

BOOST_AUTO_TEST_CASE(each_city_gets_its_reports_in_its_own_languages_too_unless_langs_says_otherwise) {
    testing::TempDir dir;
    const fs::path network = dir / "network";
    for (const std::string file : {"valmora/2026-03-15.toml", "marvege/2025-05-20.toml", "agia-kalos/2022-08-26.toml"}) {
        fs::create_directories((network / file).parent_path());
        fs::copy_file(testing::source_root() / "samples/network" / file, network / file);
    }
    const std::string build = testing::iccreport() + " build '" + network.string() + "' --out '" + (dir / "out").string() +
                              "' --dry-run";
    // The reports a dry run would build, in any order.
    const auto would_build = [&](const std::string& extra) {
        const auto dry = run(build + extra);
        BOOST_TEST_REQUIRE(dry.exit_code == 0, dry.err);
        std::set<std::string> outputs;
        const std::regex line("rebuild (\\S+)\n  not built yet\n");
        for (auto it = std::sregex_iterator(dry.out.begin(), dry.out.end(), line); it != std::sregex_iterator(); ++it)
            outputs.insert((*it)[1].str());
        return outputs;
    };
    // valmora speaks Portuguese; marvege French, built anyway; agia-kalos states no language.
    BOOST_TEST((would_build("") == std::set<std::string>{"agia-kalos.en.pdf", "agia-kalos.fr.pdf", "marvege.en.pdf",
                                                          "marvege.fr.pdf", "valmora.en.pdf", "valmora.fr.pdf",
                                                          "valmora.pt.pdf"}));
    // --langs is exactly the languages asked for.
    BOOST_TEST((would_build(" --langs en") ==
                std::set<std::string>{"agia-kalos.en.pdf", "marvege.en.pdf", "valmora.en.pdf"}));
}

BOOST_AUTO_TEST_CASE(only_rebuilds_the_cities_asked_for_and_leaves_the_others_alone) {
    SmallNetwork net;
    const fs::path out = net.dir / "out";
    BOOST_TEST_REQUIRE(run(net.build(out)).exit_code == 0);
    const Outputs before = outputs(out);
    // An answer that moves the sample's figures, hence every report: only Valmora's are rebuilt.
    net.replace_in("valmora/2026-03-15.toml", "action_plan = \"no\"", "action_plan = \"yes\"");
    const auto dry = run(net.build(out, "--dry-run --only valmora"));
    BOOST_TEST_REQUIRE(dry.exit_code == 0, dry.err);
    std::set<std::string> listed;
    const std::regex line("rebuild (\\S+)\n");
    for (auto it = std::sregex_iterator(dry.out.begin(), dry.out.end(), line); it != std::sregex_iterator(); ++it)
        listed.insert((*it)[1].str());
    BOOST_TEST((listed == std::set<std::string>{"valmora.en.pdf", "valmora.fr.pdf", "valmora.profile-2026-06-09.en.pdf",
                                                "valmora.profile-2026-06-09.fr.pdf"}),
               dry.out);
    const auto only = run(net.build(out, "--only valmora"));
    BOOST_TEST_REQUIRE(only.exit_code == 0, only.err);
    BOOST_TEST(only.err.find("build: 4 built, 0 up to date, 0 failed (only valmora; the other cities' reports left "
                             "as they were)") != std::string::npos,
               only.err);
    // The other cities' PDFs and manifest entries are exactly what the last build left.
    const Outputs after = outputs(out);
    BOOST_TEST(after.entries.size() == before.entries.size());
    const fs::path scratch = net.dir / "scratch";
    BOOST_TEST_REQUIRE(run(net.build(scratch)).exit_code == 0);
    const auto reference = pdfs(scratch);
    only_city_rebuilt("valmora", before, after, reference);
    // The next full build catches the others up (their sample moved), and leaves Valmora's alone.
    BOOST_TEST_REQUIRE(run(net.build(out)).exit_code == 0);
    const auto s = statuses(out);
    BOOST_TEST(s.at("valmora.en.pdf") == "up-to-date");
    BOOST_TEST(s.at("marvege.en.pdf") == "built");
    BOOST_TEST((pdfs(out) == reference));
}

// --keep-going with --only: the cities asked for are rebuilt without the
// invalid one, the other valid cities' reports are left alone, and the invalid
// city's reports (every language and profile, asked for or not) are failed and
// stale: the build knows they are no longer current.
BOOST_AUTO_TEST_CASE(keep_going_with_only_rebuilds_those_cities_and_marks_the_invalid_city_stale) {
    SmallNetwork net;
    const fs::path out = net.dir / "out";
    BOOST_TEST_REQUIRE(run(net.build(out)).exit_code == 0);
    const Outputs before = outputs(out);
    net.replace_in("valmora/2026-03-15.toml", "[edition]", "[edition]\nbroken = = 1");

    // Without --keep-going, nothing is rendered and nothing is touched.
    const auto refused = run(net.build(out, "--only marvege"));
    BOOST_TEST(refused.exit_code == 1);
    BOOST_TEST(refused.err.find("build: nothing rendered: the network has invalid files (valmora)") != std::string::npos,
               refused.err);
    BOOST_TEST((pdfs(out) == before.pdfs));

    const auto result = run(net.build(out, "--only marvege --keep-going"));
    BOOST_TEST(result.exit_code == 1);
    const auto summary_at = result.err.find("build: ");
    BOOST_TEST_REQUIRE(summary_at != std::string::npos, result.err);
    const std::string summary = result.err.substr(summary_at);
    BOOST_TEST(summary.find("build: 4 built, 0 up to date, 4 failed (only marvege; the other cities' reports left as they "
                            "were, except those of valmora, whose files are invalid)") != std::string::npos,
               summary);
    BOOST_TEST(summary.find("left out of the sample: valmora (invalid files)") != std::string::npos, summary);
    // Every failed report listed, the error once under them (it is the same for all four).
    BOOST_TEST(summary.find("failed:\n"
                            "  valmora.en.pdf (its previous PDF is now valmora.en.stale.pdf, out of date)\n"
                            "  valmora.fr.pdf (its previous PDF is now valmora.fr.stale.pdf, out of date)\n"
                            "  valmora.profile-2026-06-09.en.pdf (its previous PDF is now "
                            "valmora.profile-2026-06-09.en.stale.pdf, out of date)\n"
                            "  valmora.profile-2026-06-09.fr.pdf (its previous PDF is now "
                            "valmora.profile-2026-06-09.fr.stale.pdf, out of date):\n    ") != std::string::npos,
               summary);
    const std::regex error("valmora/2026-03-15\\.toml:[0-9]+:[0-9]+: error: invalid TOML");
    BOOST_TEST(std::distance(std::sregex_iterator(summary.begin(), summary.end(), error), std::sregex_iterator()) == 1);

    const auto s = statuses(out);
    for (const std::string name : {"valmora.en.pdf", "valmora.fr.pdf", "valmora.profile-2026-06-09.en.pdf",
                                   "valmora.profile-2026-06-09.fr.pdf"}) {
        BOOST_TEST_CONTEXT(name) {
            BOOST_TEST(s.at(name) == "failed");
            BOOST_TEST(!fs::exists(out / name));
            BOOST_TEST(fs::exists(out / (name.substr(0, name.size() - 4) + ".stale.pdf")));
        }
    }
    // Marvège's reports were made against the network without Valmora, as a
    // --keep-going build of everything would make them; the others are untouched.
    const fs::path scratch = net.dir / "scratch";
    BOOST_TEST(run(net.build(scratch, "--keep-going")).exit_code == 1);
    only_city_rebuilt("marvege", before, outputs(out), pdfs(scratch), "valmora");
}

BOOST_AUTO_TEST_CASE(only_takes_a_comma_list_or_several_options_and_refuses_an_unknown_city) {
    SmallNetwork net;
    const fs::path out = net.dir / "out";
    const auto dry = run(net.build(out, "--langs en --dry-run --only marvege,ain-ramir --only quellmark"));
    BOOST_TEST_REQUIRE(dry.exit_code == 0, dry.err);
    BOOST_TEST(dry.out == "rebuild ain-ramir.en.pdf\n  not built yet\n"
                         "rebuild marvege.en.pdf\n  not built yet\n"
                         "rebuild marvege.profile-2025-09-23.en.pdf\n  not built yet\n"
                         "rebuild quellmark.en.pdf\n  not built yet\n"
                         "rebuild quellmark.profile-2025-02-04.en.pdf\n  not built yet\n");
    // Misspelt: an error naming the closest city, and nothing written.
    const auto wrong = run(net.build(out, "--only valmorra,quellmark,nowhere-at-all"));
    BOOST_TEST(wrong.exit_code == 1);
    BOOST_TEST(wrong.err.find("--only: error: no city \"valmorra\" in the network " + net.network.string() +
                              "; expected the id of a city (the name of its folder)\nhelp: did you mean \"valmora\"?\n") !=
                   std::string::npos,
               wrong.err);
    BOOST_TEST(wrong.err.find("--only: error: no city \"nowhere-at-all\"") != std::string::npos, wrong.err);
    BOOST_TEST(wrong.err.find("did you mean \"quellmark\"") == std::string::npos, wrong.err);
    BOOST_TEST(!fs::exists(out));
    // A city that has no edition yet on the --as-of date has no report to build.
    const auto early = run(net.build(out, "--only valmora --as-of 2020-01-01 --dry-run"));
    BOOST_TEST(early.exit_code == 1);
    BOOST_TEST(early.err.find("--only: error: valmora has no edition dated on or before 2020-01-01") != std::string::npos,
               early.err);
}

namespace {

// The dry run's reasons for each report it would rebuild: output -> the lines under "rebuild NAME".
std::map<std::string, std::vector<std::string>> reasons_of(const std::string& listing) {
    std::map<std::string, std::vector<std::string>> reasons;
    std::istringstream lines(listing);
    std::string current;
    for (std::string line; std::getline(lines, line);) {
        if (line.rfind("rebuild ", 0) == 0) reasons[current = line.substr(8)];
        else if (line.rfind("  ", 0) == 0 && !current.empty()) reasons[current].push_back(line.substr(2));
        else BOOST_ERROR("unexpected dry-run line: " + line);
    }
    return reasons;
}

bool has(const std::vector<std::string>& lines, const std::string& line) {
    return std::find(lines.begin(), lines.end(), line) != lines.end();
}

// A published figure of `iccreport score --format json`, as the dry run prints it.
std::string published_text(const nlohmann::json& value) { return value.is_null() ? "none" : value.dump(); }

}  // namespace

BOOST_AUTO_TEST_CASE(a_dry_run_says_whose_edition_changed_and_which_figures_move_as_score_publishes_them) {
    SmallNetwork net;
    const fs::path out = net.dir / "out";
    BOOST_TEST_REQUIRE(run(net.build(out)).exit_code == 0);
    const auto scores = [&] {
        const auto result = run(testing::iccreport() + " score --network '" + net.network.string() + "' --format json");
        BOOST_TEST_REQUIRE(result.exit_code == 0, result.err);
        return nlohmann::json::parse(result.out);
    };
    const auto city_in = [](const nlohmann::json& sample, const std::string& id) {
        for (const auto& city : sample["cities"])
            if (city["id"] == id) return city;
        BOOST_FAIL("no " + id + " in the scores");
        return nlohmann::json();
    };
    const nlohmann::json before = scores();
    net.replace_in("valmora/2026-03-15.toml", "action_plan = \"no\"", "action_plan = \"yes\"");
    const nlohmann::json after = scores();

    const auto dry = run(net.build(out, "--dry-run --jobs 1"));
    BOOST_TEST_REQUIRE(dry.exit_code == 0, dry.err);
    // The same words whatever the number of jobs.
    BOOST_TEST(run(net.build(out, "--dry-run --jobs 3")).out == dry.out);
    const auto reasons = reasons_of(dry.out);
    BOOST_TEST(reasons.size() == 18u);  // the sample's averages moved: every report

    const std::string edition = "the edition of Valmora dated 2026-03-15 changed";
    const nlohmann::json valmora_before = city_in(before, "valmora"), valmora_after = city_in(after, "valmora");
    BOOST_TEST_REQUIRE(valmora_before["areas"]["commitment"] != valmora_after["areas"]["commitment"]);
    BOOST_TEST_REQUIRE(valmora_before["areas"]["welcome"] == valmora_after["areas"]["welcome"]);
    for (const std::string output : {"valmora.en.pdf", "valmora.fr.pdf", "marvege.en.pdf"}) {
        BOOST_TEST_CONTEXT(output) {
            const std::vector<std::string>& lines = reasons.at(output);
            BOOST_TEST(lines.front() == edition);
            // Every figure line is a move: old and new differ.
            for (const std::string& line : lines) {
                const auto colon = line.rfind(": "), arrow = line.find(" -> ");
                if (arrow == std::string::npos) continue;
                BOOST_TEST(line.substr(colon + 2, arrow - colon - 2) != line.substr(arrow + 4), line);
            }
            // The sample's averages move in every report, as score publishes them.
            BOOST_TEST(has(lines, "sample average of Commitment: " +
                                      published_text(before["averages"]["areas"]["commitment"]["value"]) + " -> " +
                                      published_text(after["averages"]["areas"]["commitment"]["value"])));
            BOOST_TEST(has(lines, "sample average of the core index: " +
                                      published_text(before["averages"]["core"]["value"]) + " -> " +
                                      published_text(after["averages"]["core"]["value"])));
        }
    }
    // Valmora's own figures move in its reports; not in Marvège's.
    const std::string commitment = "Commitment rate: " + published_text(valmora_before["areas"]["commitment"]) +
                                   " -> " + published_text(valmora_after["areas"]["commitment"]);
    const std::string core = "core index: " + published_text(valmora_before["core"]) + " -> " +
                             published_text(valmora_after["core"]);
    BOOST_TEST(has(reasons.at("valmora.en.pdf"), commitment), dry.out);
    BOOST_TEST(has(reasons.at("valmora.fr.pdf"), core));
    BOOST_TEST(!has(reasons.at("marvege.en.pdf"), commitment));
    for (const std::string& line : reasons.at("marvege.en.pdf"))
        BOOST_TEST((line.rfind("core index:", 0) != 0 && line.rfind("Welcome rate:", 0) != 0), line);
    for (const std::string& line : reasons.at("valmora.en.pdf")) BOOST_TEST(line.rfind("Welcome rate:", 0) != 0, line);

    // A new edition of another city, and one city's file made invalid (--keep-going).
    BOOST_TEST_REQUIRE(run(net.build(out)).exit_code == 0);
    fs::copy_file(net.network / "marvege/2025-05-20.toml", net.network / "marvege/2026-01-10.toml");
    net.replace_in("marvege/2026-01-10.toml", "2025-05-20", "2026-01-10");
    net.replace_in("belinopol/2023-07-16.toml", "[edition]", "[edition]\nbroken = = 1");
    const auto second = reasons_of(run(net.build(out, "--dry-run --keep-going")).out);
    BOOST_TEST_REQUIRE(second.count("valmora.en.pdf") == 1u);
    const auto& lines = second.at("valmora.en.pdf");
    BOOST_TEST(has(lines, "the edition of belinopol dated 2023-07-16 is invalid: left out of the sample"));
    BOOST_TEST(has(lines, "a new edition: the edition of Marvège dated 2026-01-10"));
    BOOST_TEST(has(lines, "cities in the sample: 6 -> 5"));
}
