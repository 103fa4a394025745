// The command line is one: the same option names and forms in every command,
// did-you-mean for a mistyped command or option, --version, output names shared
// by report and build, and man pages and completion made from the definitions.
#include <boost/test/unit_test.hpp>

#include "test_support.h"

using namespace icc;
using testing::run;
namespace fs = std::filesystem;

namespace {
const fs::path valmora = testing::source_root() / "samples/network/valmora/2026-03-15.toml";
const std::string binary = testing::iccreport();
}  // namespace

BOOST_AUTO_TEST_CASE(version_names_the_engine_version) {
    const auto result = run(binary + " --version");
    BOOST_TEST(result.exit_code == 0);
    BOOST_TEST(result.out.rfind("iccreport 0.", 0) == 0u, result.out);
}

BOOST_AUTO_TEST_CASE(a_mistyped_command_gets_did_you_mean_and_the_list) {
    const auto result = run(binary + " reprot x.toml");
    BOOST_TEST(result.exit_code != 0);
    BOOST_TEST(result.err.find("unknown command 'reprot'") != std::string::npos, result.err);
    BOOST_TEST(result.err.find("did you mean 'report'?") != std::string::npos, result.err);
    BOOST_TEST(result.err.find("commands: report, profile, build,") != std::string::npos, result.err);
}

BOOST_AUTO_TEST_CASE(a_mistyped_option_gets_did_you_mean) {
    const auto result = run(binary + " report '" + valmora.string() + "' --newtork x");
    BOOST_TEST(result.exit_code != 0);
    BOOST_TEST(result.err.find("unknown option '--newtork' for 'iccreport report'") != std::string::npos, result.err);
    BOOST_TEST(result.err.find("did you mean '--network'?") != std::string::npos, result.err);
    const auto global = run(binary + " --dtaa x check");
    BOOST_TEST(global.err.find("did you mean '--data'?") != std::string::npos, global.err);
}

BOOST_AUTO_TEST_CASE(an_unknown_language_lists_the_languages_available) {
    for (const char* command : {" score --lang frr", " build --dry-run --lang en,frr"}) {
        const auto result = run(binary + command);
        BOOST_TEST(result.exit_code == 1, command);
        BOOST_TEST(result.err.find("no language \"frr\"") != std::string::npos, result.err);
        BOOST_TEST(result.err.find("languages available: ar, ar-MA, de, el, en,") != std::string::npos, result.err);
        BOOST_TEST(result.err.find("did you mean \"fr\"?") != std::string::npos, result.err);
    }
}

BOOST_AUTO_TEST_CASE(every_command_with_languages_takes_lang_and_langs_as_a_trimmed_list) {
    testing::TempDir dir;
    // report: two languages, spaces around the comma, --langs as well as --lang; a folder that did not exist.
    const auto result = run(binary + " report '" + valmora.string() + "' --langs 'en , fr' --out '" +
                            (dir / "new/folder").string() + "'");
    BOOST_TEST_REQUIRE(result.exit_code == 0, result.err);
    // The names build gives the same reports.
    BOOST_TEST(fs::exists(dir / "new/folder/valmora.en.pdf"));
    BOOST_TEST(fs::exists(dir / "new/folder/valmora.fr.pdf"));
    const auto help = run(binary + " --help");
    for (const char* command : {"report", "profile", "build", "score", "charts", "explain", "specimen"}) {
        const auto usage = run(binary + " " + command + " --help");
        BOOST_TEST(usage.out.find("--lang,--langs") != std::string::npos, command);
    }
    for (const char* command : {"report", "profile", "build", "score", "charts", "explain"}) {
        const auto usage = run(binary + " " + command + " --help");
        BOOST_TEST(usage.out.find("--network DIR") != std::string::npos, command << usage.out);
        BOOST_TEST(usage.out.find("--as-of YYYY-MM-DD") != std::string::npos, command);
    }
}

BOOST_AUTO_TEST_CASE(report_out_creates_the_missing_folders_of_a_file) {
    testing::TempDir dir;
    const fs::path pdf = dir / "a/b/valmora-report.pdf";
    const auto result = run(binary + " report '" + valmora.string() + "' --out '" + pdf.string() + "'");
    BOOST_TEST_REQUIRE(result.exit_code == 0, result.err);
    BOOST_TEST(fs::exists(pdf));
    const auto two = run(binary + " report '" + valmora.string() + "' --lang en,fr --out '" + pdf.string() + "'");
    BOOST_TEST(two.exit_code == 1);
    BOOST_TEST(two.err.find("one file for several languages; expected a folder") != std::string::npos, two.err);
}

BOOST_AUTO_TEST_CASE(man_pages_and_completion_come_from_the_command_definitions) {
    testing::TempDir dir;
    const auto result = run(binary + " manual --man-dir '" + (dir / "man").string() + "' --bash-completion '" +
                            (dir / "iccreport.bash").string() + "'");
    BOOST_TEST_REQUIRE(result.exit_code == 0, result.err);
    const std::string completion = testing::slurp(dir / "iccreport.bash");
    const std::string main_page = testing::slurp(dir / "man/iccreport.1");
    for (const char* command : {"report", "profile", "build", "score", "charts", "explain", "check", "init"}) {
        const std::string page = testing::slurp(dir / "man" / (std::string("iccreport-") + command + ".1"));
        BOOST_TEST(!page.empty(), command);
        BOOST_TEST(main_page.find(std::string("\\fBiccreport ") + command + "\\fR") != std::string::npos, command);
        BOOST_TEST(completion.find(std::string("        ") + command + ") options+=") != std::string::npos, command);
        // Every option --help shows is in the page and in the completion.
        const std::string help = run(binary + " " + command + " --help").out;
        std::size_t at = 0;
        while ((at = help.find("  --", at)) != std::string::npos) {
            const std::size_t end = help.find_first_of(" ,=\n", at + 2);
            const std::string option = help.substr(at + 2, end - at - 2);
            at = end;
            if (option == "--help") continue;
            std::string escaped;
            for (char c : option) escaped += c == '-' ? std::string("\\-") : std::string(1, c);
            BOOST_TEST(page.find(escaped) != std::string::npos, command << " " << option);
            BOOST_TEST(completion.find(" " + option) != std::string::npos, command << " " << option);
        }
    }
    // The hidden command that writes them is in neither.
    BOOST_TEST(main_page.find("manual \\-\\-man") == std::string::npos);
    BOOST_TEST(!fs::exists(dir / "man/iccreport-manual.1"));
    // The completion script is valid bash and completes commands.
    const auto completes = run("bash -c \"source '" + (dir / "iccreport.bash").string() +
                               "'; COMP_WORDS=(iccreport rep); COMP_CWORD=1; _iccreport; echo \\${COMPREPLY[@]}\"");
    BOOST_TEST(completes.out == "report\n", completes.out + completes.err);
}

// Issue 17: the French chart titles read as French ("au 15 mars 2026", "depuis
// le 12 octobre 2020"), and charts take a language list like every command.
BOOST_AUTO_TEST_CASE(chart_titles_with_dates_are_grammatical_in_french) {
    testing::TempDir dir;
    const fs::path marvege = testing::source_root() / "samples/network/marvege/2025-05-20.toml";
    for (const fs::path& edition : {valmora, marvege}) {
        const auto result =
            run(binary + " charts '" + edition.string() + "' --lang 'fr, en' --out '" + (dir / "charts").string() + "'");
        BOOST_TEST_REQUIRE(result.exit_code == 0, result.err);
    }
    const std::string one = testing::slurp(dir / "charts/valmora-progress.fr.svg");
    BOOST_TEST(one.find("résultats au 15 mars 2026</title>") != std::string::npos);
    const std::string several = testing::slurp(dir / "charts/marvege-progress.fr.svg");
    BOOST_TEST(several.find("évolution depuis le 12 octobre 2020</title>") != std::string::npos);
    BOOST_TEST(fs::exists(dir / "charts/valmora-progress.en.svg"));
    const std::string english = testing::slurp(dir / "charts/valmora-progress.en.svg");
    BOOST_TEST(english.find("Results of Valmora in the Index of 15 March 2026</title>") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(charts_can_leave_the_title_out_of_the_image) {
    testing::TempDir dir;
    for (const char* variant : {"with", "without"}) {
        const auto result = run(binary + " charts '" + valmora.string() + "' --out '" + (dir / variant).string() + "'" +
                                (std::string(variant) == "without" ? " --no-title" : ""));
        BOOST_TEST_REQUIRE(result.exit_code == 0, result.err);
    }
    auto height = [](const std::string& svg) {
        const auto at = svg.find("height=\"");
        return at == std::string::npos ? 0.0 : std::stod(svg.substr(at + 8));
    };
    const std::string with = testing::slurp(dir / "with/valmora-areas.en.svg");
    const std::string without = testing::slurp(dir / "without/valmora-areas.en.svg");
    BOOST_TEST(height(without) + 30 < height(with), height(without) << " vs " << height(with));
    // Still named for screen readers and search.
    BOOST_TEST(without.find("<title>Valmora against the sample average, by area") != std::string::npos,
               without.substr(0, 600));
}
