// End-to-end checks of `iccreport report` on the PDF itself, with poppler-utils and qpdf.
#include <boost/test/unit_test.hpp>

#include <regex>

#include "test_support.h"

using namespace icc;
using testing::run;

namespace {
const std::filesystem::path sample = testing::source_root() / "samples/network/valmora/2026-03-15.toml";

std::string report(const std::filesystem::path& edition, const std::filesystem::path& out,
                   const std::string& lang = "en") {
    return testing::iccreport() + " report '" + edition.string() + "' --lang " + lang + " --out '" + out.string() + "'";
}
}  // namespace

BOOST_AUTO_TEST_CASE(report_writes_a_valid_a4_pdf_with_metadata) {
    testing::TempDir dir;
    auto pdf = dir / "valmora.pdf";
    auto result = run(report(sample, pdf));
    BOOST_TEST_REQUIRE(result.exit_code == 0, result.err);
    BOOST_TEST(run("qpdf --check '" + pdf.string() + "'").exit_code == 0);
    auto info = run("pdfinfo '" + pdf.string() + "'").out;
    BOOST_TEST(info.find("Title:           Valmora: Intercultural Cities Index report") != std::string::npos);
    BOOST_TEST(info.find("Author:          Council of Europe") != std::string::npos);
    BOOST_TEST(info.find("Subject:") != std::string::npos);
    BOOST_TEST(info.find("Keywords:        Intercultural Cities") != std::string::npos);
    BOOST_TEST(info.find("A4") != std::string::npos);
    BOOST_TEST(info.find("CreationDate:    Sun Mar 15 00:00:00 2026") != std::string::npos);
    BOOST_TEST(testing::pdf_catalog(pdf).find("/Lang (en)") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(report_text_is_recoverable_and_markup_prints_literally) {
    testing::TempDir dir;
    auto pdf = dir / "valmora.pdf";
    BOOST_TEST_REQUIRE(run(report(sample, pdf)).exit_code == 0);
    auto text = run("pdftotext -layout '" + pdf.string() + "' -").out;
    // Words of one phrase may sit on two lines: fold white space.
    text = std::regex_replace(text, std::regex("\\s+"), " ");
    BOOST_TEST(text.find("Valmora") != std::string::npos);
    BOOST_TEST(text.find("Portugal") != std::string::npos);
    BOOST_TEST(text.find("15 March 2026") != std::string::npos);
    // The sample comment holds "&" and "<and>": data, never markup.
    BOOST_TEST(text.find("Ukrainian & Tigrinya") != std::string::npos);
    BOOST_TEST(text.find("<and>") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(french_report_uses_french_dates_and_country) {
    testing::TempDir dir;
    auto pdf = dir / "valmora.fr.pdf";
    BOOST_TEST_REQUIRE(run(report(sample, pdf, "fr")).exit_code == 0);
    auto text = run("pdftotext '" + pdf.string() + "' -").out;
    BOOST_TEST(text.find("15 mars 2026") != std::string::npos);
    BOOST_TEST(text.find("Résultats de l’Index des Cités interculturelles") != std::string::npos);
    BOOST_TEST(testing::pdf_catalog(pdf).find("/Lang (fr)") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(every_font_is_embedded_and_bundled) {
    testing::TempDir dir;
    auto pdf = dir / "valmora.pdf";
    BOOST_TEST_REQUIRE(run(report(sample, pdf)).exit_code == 0);
    auto fonts = run("pdffonts '" + pdf.string() + "'").out;
    std::istringstream lines(fonts);
    std::string line;
    int rows = 0;
    while (std::getline(lines, line)) {
        if (line.rfind("name", 0) == 0 || line.rfind("----", 0) == 0 || line.empty()) continue;
        ++rows;
        BOOST_TEST_CONTEXT(line) {
            // Subset prefix "ABCDEF+", then one of our families.
            BOOST_TEST(line.find('+') == 6u);
            BOOST_TEST((line.find("+NotoSerif") != std::string::npos || line.find("+NotoSans") != std::string::npos ||
                        line.find("+NotoNaskhArabic") != std::string::npos));
            BOOST_TEST(line.find(" yes yes ") != std::string::npos);  // embedded, subset
        }
    }
    BOOST_TEST(rows >= 2);
}

BOOST_AUTO_TEST_CASE(two_runs_give_identical_bytes) {
    testing::TempDir dir;
    BOOST_TEST_REQUIRE(run(report(sample, dir / "a.pdf")).exit_code == 0);
    BOOST_TEST_REQUIRE(run(report(sample, dir / "b.pdf")).exit_code == 0);
    BOOST_TEST(testing::slurp(dir / "a.pdf") == testing::slurp(dir / "b.pdf"));
}

BOOST_AUTO_TEST_CASE(malformed_toml_gives_one_located_error_and_no_pdf) {
    testing::TempDir dir;
    auto edition = dir.write("broken.toml", "[city]\nid = \"x\"\nname = = \"Broken\"\n");
    auto pdf = dir / "broken.pdf";
    auto result = run(report(edition, pdf));
    BOOST_TEST(result.exit_code == 1);
    // One error, with its source line and a caret under the place TOML++ stopped.
    BOOST_TEST(testing::count_lines(result.err) == 3);
    BOOST_TEST(result.err.find(edition.string() + ":3:8: error: invalid TOML") == 0u);
    BOOST_TEST(result.err.find("\n    3 | name = = \"Broken\"\n      |        ^\n") != std::string::npos);
    BOOST_TEST(!std::filesystem::exists(pdf));
    int entries = 0;
    for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(dir.path())) ++entries;
    BOOST_TEST(entries == 1);  // only the input: no temporary left behind
}

BOOST_AUTO_TEST_CASE(missing_input_file_gives_one_clear_error) {
    testing::TempDir dir;
    auto result = run(report(dir / "nowhere.toml", dir / "x.pdf"));
    BOOST_TEST(result.exit_code == 1);
    BOOST_TEST(testing::count_lines(result.err) == 1);
    BOOST_TEST(result.err.find("nowhere.toml: error: no such file") != std::string::npos);
    BOOST_TEST(!std::filesystem::exists(dir / "x.pdf"));
}

BOOST_AUTO_TEST_CASE(unwritable_output_gives_one_clear_error) {
    testing::TempDir dir;
    // A missing folder is made, as build makes its output folder (issue 17).
    auto result = run(report(sample, dir / "missing-folder" / "x.pdf"));
    BOOST_TEST(result.exit_code == 0, result.err);
    BOOST_TEST(std::filesystem::exists(dir / "missing-folder" / "x.pdf"));

    // A read-only folder (root ignores permissions, so use a path under a file).
    auto file = dir.write("plain-file", "x");
    result = run(report(sample, file / "x.pdf"));
    BOOST_TEST(result.exit_code == 1);
    BOOST_TEST(testing::count_lines(result.err) == 1);
    BOOST_TEST(result.err.find("--out: error: cannot create the folder") != std::string::npos, result.err);
}

BOOST_AUTO_TEST_CASE(an_earlier_pdf_survives_a_failed_run) {
    testing::TempDir dir;
    auto pdf = dir / "valmora.pdf";
    BOOST_TEST_REQUIRE(run(report(sample, pdf)).exit_code == 0);
    const std::string before = testing::slurp(pdf);
    auto broken = dir.write("broken.toml", "[city\n");
    BOOST_TEST(run(report(broken, pdf)).exit_code == 1);
    BOOST_TEST(testing::slurp(pdf) == before);
}

BOOST_AUTO_TEST_CASE(fonts_command_lists_every_script) {
    auto result = run(testing::iccreport() + " fonts");
    BOOST_TEST_REQUIRE(result.exit_code == 0, result.err);
    for (const char* script : {"Latin", "Greek", "Cyrillic", "Arabic", "Japanese", "Korean"})
        BOOST_TEST(result.out.find(script) != std::string::npos);
    BOOST_TEST(result.out.find("glyphs missing") == std::string::npos);
}
