// Diagnostics as users see them, kept as files: each tests/diagnostics/<case>.toml
// (or folder <case>/ of edition files) is a bad input, loaded with the loader
// its first line names ("# loader: edition"); tests/diagnostics/<case>.expected
// is the exact text `iccreport` prints for it, source excerpts included.
//
// After an intended change of wording, re-bless every expected file with
//   ICC_BLESS=1 ctest --test-dir build -R test_diagnostic_files
// and review the difference with `git diff tests/diagnostics`.
#include <boost/test/unit_test.hpp>

#include <cstdlib>
#include <fstream>
#include <functional>
#include <map>
#include <set>

#include "load/edition.h"
#include "load/network.h"
#include "load/overrides.h"
#include "load/practices.h"
#include "load/questionnaire.h"
#include "load/recommendation_rules.h"
#include "load/report_template.h"
#include "load/visit_notes.h"
#include "select/selection.h"
#include "support/locale.h"
#include "test_support.h"

using namespace icc;
namespace fs = std::filesystem;

namespace {

const fs::path cases_folder() { return testing::source_root() / "tests" / "diagnostics"; }

const Questionnaire& questionnaire() {
    static const Questionnaire loaded = Questionnaire::bundled(DataRoot{testing::source_root()});
    return loaded;
}

std::set<std::string> area_ids() {
    std::set<std::string> ids;
    for (const Area& area : questionnaire().areas()) ids.insert(area.id);
    return ids;
}

// Each kind of input file, loaded as the engine loads it.
const std::map<std::string, std::function<void(const fs::path&, DiagnosticSink&)>>& loaders() {
    static const std::map<std::string, std::function<void(const fs::path&, DiagnosticSink&)>> table{
        {"questionnaire", [](const fs::path& file, DiagnosticSink&) { Questionnaire::load(file); }},
        {"edition", [](const fs::path& file, DiagnosticSink& sink) { read_edition(file, questionnaire(), sink); }},
        {"network", [](const fs::path& folder, DiagnosticSink&) { load_network(folder, questionnaire()); }},
        {"overrides", [](const fs::path& file, DiagnosticSink&) { load_overrides(file, questionnaire(), {"en", "fr"}); }},
        {"rules", [](const fs::path& file, DiagnosticSink&) { load_recommendation_rules(file, questionnaire()); }},
        {"practices",
         [](const fs::path& file, DiagnosticSink&) {
             load_practices(file, area_ids(), {"valmora", "quellmark"}, {"en", "fr"});
         }},
        {"settings", [](const fs::path& file, DiagnosticSink&) { load_selection_settings(file); }},
        {"template",
         [](const fs::path& file, DiagnosticSink&) {
             load_report_template(file, {"cover", "contents", "introduction", "conclusions"}, {"areas", "radar"});
         }},
        {"visit", [](const fs::path& file, DiagnosticSink& sink) { read_visit_notes(file, area_ids(), sink); }},
        {"locale", [](const fs::path& file, DiagnosticSink&) { Catalog::load_file(file, "xx"); }},
    };
    return table;
}

// "# loader: edition" on the first line of the case (of its first file, for a folder).
std::string loader_of(const fs::path& input) {
    fs::path file = input;
    if (fs::is_directory(input)) {
        std::set<fs::path> files;
        for (const auto& entry : fs::directory_iterator(input)) files.insert(entry.path());
        BOOST_TEST_REQUIRE(!files.empty(), input.string() + " has no files");
        file = *files.begin();
    }
    std::ifstream in(file);
    std::string first;
    std::getline(in, first);
    const std::string marker = "# loader: ";
    BOOST_TEST_REQUIRE(first.rfind(marker, 0) == 0u, file.string() + ": the first line must be \"" + marker + "<kind>\"");
    return first.substr(marker.size());
}

// What the command line prints for the case, with paths relative to tests/diagnostics.
std::string printed_for(const fs::path& input) {
    const std::string kind = loader_of(input);
    const auto loader = loaders().find(kind);
    BOOST_TEST_REQUIRE((loader != loaders().end()), input.string() + ": unknown loader '" + kind + "'");
    DiagnosticSink sink;
    try {
        loader->second(input, sink);
    } catch (const DiagnosticError& error) {
        sink.append(error.diagnostics());
    }
    std::string text = format_diagnostics(in_line_order(sink.all()));
    const std::string folder = cases_folder().string() + "/";
    for (auto at = text.find(folder); at != std::string::npos; at = text.find(folder, at)) text.erase(at, folder.size());
    return text;
}

}  // namespace

BOOST_AUTO_TEST_CASE(every_diagnostics_case_prints_what_its_expected_file_says) {
    const bool bless = std::getenv("ICC_BLESS") != nullptr;
    std::set<fs::path> inputs;
    for (const auto& entry : fs::directory_iterator(cases_folder()))
        if (entry.is_directory() || entry.path().extension() == ".toml") inputs.insert(entry.path());
    BOOST_TEST_REQUIRE(inputs.size() >= 10u);
    for (const fs::path& input : inputs) {
        const fs::path expected_file = fs::path(input).replace_extension(".expected");
        BOOST_TEST_CONTEXT(input.filename().string()) {
            const std::string printed = printed_for(input);
            BOOST_TEST(!printed.empty(), "a diagnostics case must produce diagnostics");
            if (bless) {
                std::ofstream(expected_file, std::ios::binary | std::ios::trunc) << printed;
                continue;
            }
            BOOST_TEST_REQUIRE(fs::exists(expected_file), expected_file.string() + " is missing; bless it");
            BOOST_TEST(printed == testing::slurp(expected_file));
        }
    }
}

BOOST_AUTO_TEST_CASE(every_expected_file_has_its_case) {
    for (const auto& entry : fs::directory_iterator(cases_folder()))
        if (entry.path().extension() == ".expected")
            BOOST_TEST_CONTEXT(entry.path().filename().string()) {
                const fs::path stem = fs::path(entry.path()).replace_extension();
                BOOST_TEST((fs::exists(fs::path(stem).replace_extension(".toml")) || fs::is_directory(stem)));
            }
}
