// Which data folder a run reads (support/data_root.h, docs/data-folder.md):
// --data, else the nearest iccreport.toml at or above the working directory,
// else the installed data, else (a developer's build) its source tree.
#include <boost/test/unit_test.hpp>

#include "support/data_root.h"
#include "support/diagnostic.h"
#include "test_support.h"

using namespace icc;
namespace fs = std::filesystem;

namespace {
// A project folder sharing the shipped templates, fonts and sample network,
// with its own copy of the locales and the marker given.
struct Project {
    testing::TempDir dir;
    explicit Project(const std::string& marker) {
        for (const char* folder : {"fonts", "templates", "samples"})
            fs::create_directory_symlink(testing::source_root() / folder, dir / folder);
        fs::copy(testing::source_root() / "locales", dir / "locales", fs::copy_options::recursive);
        dir.write("iccreport.toml", marker);
        fs::create_directories(dir / "deep" / "below");
    }
};

std::string error_text(const DiagnosticError& error) {
    std::string text;
    for (const Diagnostic& d : error.diagnostics()) text += d.to_string() + "\n";
    return text;
}
}  // namespace

BOOST_AUTO_TEST_CASE(the_nearest_marker_above_the_working_directory_wins) {
    const Project project("languages = [\"fr\", \"de\"]\nnetwork = \"samples/network\"\noutput = \"reports\"\n");
    const DataRoot data = DataRoot::locate({}, project.dir / "deep" / "below");
    BOOST_TEST(data.root == project.dir.path());
    BOOST_TEST((data.source == DataSource::project));
    BOOST_TEST(data.marker == project.dir / "iccreport.toml");
    BOOST_TEST(data.defaults.languages == (std::vector<std::string>{"fr", "de"}), boost::test_tools::per_element());
    BOOST_TEST(data.network() == project.dir / "samples" / "network");
    BOOST_TEST(data.defaults.output == project.dir / "reports");
    BOOST_TEST(data.describe().find("project folder") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(data_given_explicitly_wins_over_a_marker) {
    const Project project("");
    const DataRoot data = DataRoot::locate(testing::source_root(), project.dir / "deep");
    BOOST_TEST(data.root == testing::source_root().lexically_normal());
    BOOST_TEST((data.source == DataSource::option));
}

BOOST_AUTO_TEST_CASE(a_folder_that_holds_no_data_is_refused_for_data) {
    const testing::TempDir empty;
    BOOST_CHECK_EXCEPTION(DataRoot::locate(empty.path()), DiagnosticError, [](const DiagnosticError& e) {
        return error_text(e).find("expected a data folder (with templates/, locales/ and fonts/)") !=
               std::string::npos;
    });
}

BOOST_AUTO_TEST_CASE(an_unknown_key_of_the_marker_is_an_error_with_its_place) {
    const Project project("languages = [\"en\"]\nnetwrok = \"network\"\n");
    BOOST_CHECK_EXCEPTION(DataRoot::locate({}, project.dir.path()), DiagnosticError, [](const DiagnosticError& e) {
        const std::string text = error_text(e);
        BOOST_TEST_MESSAGE(text);
        return text.find("iccreport.toml:2:1: error:") != std::string::npos &&
               text.find("netwrok") != std::string::npos && text.find("did you mean 'network'?") != std::string::npos;
    });
}

BOOST_AUTO_TEST_CASE(an_unknown_language_of_the_marker_lists_the_languages_there_are) {
    const Project project("languages = [\"en\", \"xx\"]\n");
    BOOST_CHECK_EXCEPTION(DataRoot::locate({}, project.dir.path()), DiagnosticError, [](const DiagnosticError& e) {
        const std::string text = error_text(e);
        BOOST_TEST_MESSAGE(text);
        return text.find("iccreport.toml:1:") != std::string::npos &&
               text.find("no locale file locales/xx.toml") != std::string::npos &&
               text.find("languages available: ar, ar-MA, de, el, en,") != std::string::npos;
    });
}

// The friction of issue 17: a translator's edit in another checkout had no
// effect and `check` validated the other folder. Now the working directory's
// project is the one checked, and check says which folder it is.
BOOST_AUTO_TEST_CASE(check_reads_the_project_of_the_working_directory_and_says_so) {
    const Project project("network = \"samples/network\"\n");
    const auto fr = project.dir / "locales" / "fr.toml";
    std::string text = testing::slurp(fr);
    const auto at = text.find("\nrank = \"");
    BOOST_REQUIRE(at != std::string::npos);
    text.erase(at, text.find('\n', at + 1) - at);
    std::ofstream(fr, std::ios::binary | std::ios::trunc) << text;
    const auto result =
        testing::run("cd '" + (project.dir / "deep" / "below").string() + "' && " + testing::iccreport() + " check");
    BOOST_TEST(result.exit_code == 1);
    BOOST_TEST(result.out.find("data folder: " + project.dir.path().string() + " (project folder") == 0u, result.out);
    BOOST_TEST(result.out.find("fr.toml: error: missing key 'report.overall.rank'") != std::string::npos);
    // Not a terminal: progress as plain lines on stderr, one per city, the result alone on stdout.
    BOOST_TEST(result.err.find("[1/165] checking ") != std::string::npos, result.err.substr(0, 200));
    BOOST_TEST(result.err.find("[165/165] checking ") != std::string::npos);
    BOOST_TEST(result.err.find('\r') == std::string::npos);
    BOOST_TEST(result.out.find("checking") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(verbose_says_which_data_folder_a_command_reads) {
    const Project project("");
    const auto result = testing::run("cd '" + project.dir.path().string() + "' && " + testing::iccreport() + " fonts -v");
    BOOST_TEST(result.err.find("iccreport: data folder: " + project.dir.path().string() + " (project folder") !=
                   std::string::npos,
               result.err);
    const auto quiet = testing::run("cd '" + project.dir.path().string() + "' && " + testing::iccreport() + " fonts");
    BOOST_TEST(quiet.err.find("data folder") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(init_makes_a_project_folder_the_engine_then_finds) {
    const testing::TempDir work;
    const auto made = testing::run("cd '" + work.path().string() + "' && " + testing::iccreport() + " init myproject");
    BOOST_TEST(made.exit_code == 0, made.err);
    const fs::path project = work / "myproject";
    for (const char* path : {"iccreport.toml", "templates/index/questionnaire.toml", "locales/fr.toml",
                             "fonts/fonts.toml", "network", "practices.toml"})
        BOOST_TEST(fs::exists(project / path), path);
    const DataRoot data = DataRoot::locate({}, project / "network");
    BOOST_TEST(data.root == project);
    BOOST_TEST(data.network() == project / "network");
    BOOST_TEST(data.practices() == project / "practices.toml");
    BOOST_TEST(data.defaults.languages == (std::vector<std::string>{"en", "fr"}), boost::test_tools::per_element());
    // Never over an existing folder's contents.
    const auto again = testing::run("cd '" + work.path().string() + "' && " + testing::iccreport() + " init myproject");
    BOOST_TEST(again.exit_code == 1);
    BOOST_TEST(again.err.find("already exists and is not an empty folder") != std::string::npos, again.err);
}
