// The specimen documents as PDF, checked with poppler-utils and qpdf:
// validity, embedded fonts, extractable text in every script, links,
// bookmarks, destinations, page labels and the figures' text alternatives.
#include <boost/test/unit_test.hpp>

#include "test_support.h"

using namespace icc;
using testing::run;

namespace {

std::string specimen(const std::filesystem::path& out, const std::string& options = "") {
    return testing::iccreport() + " specimen " + options + " --out '" + out.string() + "'";
}

// Text of the PDF with line-end hyphenation undone: a word the line breaker
// divided is extracted as "inter\u2010\ncultural" (U+2010 HYPHEN, never in
// the source text), one Pango divided as "inter\u00AD\ncultural".
std::string text_of(const std::filesystem::path& pdf) {
    std::string text = run("pdftotext '" + pdf.string() + "' -").out;
    for (auto at = text.find("\u00AD\n"); at != std::string::npos; at = text.find("\u00AD\n")) text.erase(at, 3);
    for (auto at = text.find("\u2010\n"); at != std::string::npos; at = text.find("\u2010\n")) text.erase(at, 4);
    return text;
}

// The PDF with object streams expanded and streams uncompressed, to read its objects.
std::string expanded(const testing::TempDir& dir, const std::filesystem::path& pdf) {
    const auto qdf = dir / "expanded.pdf";
    run("qpdf --qdf --object-streams=disable '" + pdf.string() + "' '" + qdf.string() + "'");
    return testing::slurp(qdf);
}

int occurrences(const std::string& haystack, const std::string& needle) {
    int count = 0;
    for (auto at = haystack.find(needle); at != std::string::npos; at = haystack.find(needle, at + 1)) ++count;
    return count;
}

}  // namespace

BOOST_AUTO_TEST_CASE(multilingual_specimen_embeds_a_real_font_for_every_script) {
    testing::TempDir dir;
    const auto pdf = dir / "multilingual.pdf";
    const auto result = run(specimen(pdf, "--kind multilingual"));
    BOOST_TEST_REQUIRE(result.exit_code == 0, result.err);
    BOOST_TEST(run("qpdf --check '" + pdf.string() + "'").exit_code == 0);

    const std::string fonts = run("pdffonts '" + pdf.string() + "'").out;
    for (const char* family : {"+NotoSerif-Regular", "+NotoSans-Bold", "+NotoNaskhArabic", "+NotoSansCJK"})
        BOOST_TEST(fonts.find(family) != std::string::npos, family);
    std::istringstream lines(fonts);
    std::string line;
    while (std::getline(lines, line)) {
        if (line.rfind("name", 0) == 0 || line.rfind("----", 0) == 0 || line.empty()) continue;
        BOOST_TEST(line.find(" yes yes ") != std::string::npos, line);  // embedded and subset
        BOOST_TEST(line.find("+Noto") == 6u, line);                      // only the engine's fonts
    }

    const std::string text = text_of(pdf);
    for (const char* words : {"Intercultural cities treat diversity", "Les cités interculturelles",
                              "Interkulturelle Städte betrachten Vielfalt", "Міжкультурні міста",
                              "διαπολιτισμικές πόλεις", "المدن المتعددة الثقافات", "インターカルチュラル・シティ",
                              "상호문화도시는", "Bevölkerungszusammensetzung"})
        BOOST_TEST(text.find(words) != std::string::npos, words);
}

BOOST_AUTO_TEST_CASE(markup_in_the_data_prints_literally) {
    testing::TempDir dir;
    const auto pdf = dir / "multilingual.pdf";
    BOOST_TEST_REQUIRE(run(specimen(pdf, "--kind multilingual")).exit_code == 0);
    std::string text = run("pdftotext -raw '" + pdf.string() + "' -").out;
    std::replace(text.begin(), text.end(), '\n', ' ');
    for (const char* literal : {"<b>tags</b>", "AT&T", "&amp; entities", "</span>", "a lone < sign"})
        BOOST_TEST(occurrences(text, literal) == 3, literal);  // paragraph, bold paragraph, table cell
}

BOOST_AUTO_TEST_CASE(report_specimen_has_links_bookmarks_and_page_labels) {
    testing::TempDir dir;
    const auto pdf = dir / "specimen.pdf";
    const auto result = run(specimen(pdf, "--chapters 3"));
    BOOST_TEST_REQUIRE(result.exit_code == 0, result.err);
    BOOST_TEST(run("qpdf --check '" + pdf.string() + "'").exit_code == 0);

    const std::string destinations = run("pdfinfo -dests '" + pdf.string() + "'").out;
    for (const char* name : {"\"introduction\"", "\"method\"", "\"section-2\"", "\"section-2.1\"", "\"annex\""})
        BOOST_TEST(destinations.find(name) != std::string::npos, name);

    const std::string objects = expanded(dir, pdf);
    BOOST_TEST(objects.find("/URI (https://www.coe.int/en/web/interculturalcities)") != std::string::npos);
    // Internal links (contents entries and in-text references) jump to named destinations.
    BOOST_TEST(occurrences(objects, "/Subtype /Link") > 15);
    BOOST_TEST(objects.find("/Dest (annex)") != std::string::npos);
    // Bookmarks mirror the headings: chapters with their sections.
    BOOST_TEST(objects.find("/Outlines") != std::string::npos);
    BOOST_TEST(objects.find("/Title (1 Introduction)") != std::string::npos);
    BOOST_TEST(objects.find("/Title (1.1 Method)") != std::string::npos);
    // The figures carry their text alternative.
    BOOST_TEST(objects.find("/Alt (Line chart: the aggregate index rose from 38 in 2014 to 63 in 2026.)") !=
               std::string::npos);

    const std::string labels = run("qpdf --json --json-key=pagelabels '" + pdf.string() + "'").out;
    BOOST_TEST(labels.find("\"/P\": \"u:Cover\"") != std::string::npos);
    BOOST_TEST(labels.find("\"/S\": \"/D\"") != std::string::npos);
    BOOST_TEST(labels.find("\"/St\": 2") != std::string::npos);

    // The contents and the footers print real page numbers.
    const std::string text = text_of(pdf);
    BOOST_TEST(text.find("Page 3 of ") != std::string::npos);
    BOOST_TEST(text.find("Contents") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(specimens_are_deterministic) {
    testing::TempDir dir;
    for (const char* kind : {"report", "arabic"}) {
        BOOST_TEST_REQUIRE(run(specimen(dir / "a.pdf", std::string("--kind ") + kind)).exit_code == 0);
        BOOST_TEST_REQUIRE(run(specimen(dir / "b.pdf", std::string("--kind ") + kind)).exit_code == 0);
        BOOST_TEST(testing::slurp(dir / "a.pdf") == testing::slurp(dir / "b.pdf"), kind);
    }
}

BOOST_AUTO_TEST_CASE(arabic_specimen_is_a_right_to_left_pdf) {
    testing::TempDir dir;
    const auto pdf = dir / "arabic.pdf";
    BOOST_TEST_REQUIRE(run(specimen(pdf, "--kind arabic")).exit_code == 0);
    BOOST_TEST(run("qpdf --check '" + pdf.string() + "'").exit_code == 0);
    const std::string catalog = testing::pdf_catalog(pdf);
    BOOST_TEST(catalog.find("/Lang (ar)") != std::string::npos);
    BOOST_TEST(catalog.find("/Direction /R2L") != std::string::npos);
    const std::string text = text_of(pdf);
    BOOST_TEST(text.find("ممارسة ملهمة") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(page_furniture_speaks_the_catalog_language) {
    testing::TempDir dir;
    const auto pdf = dir / "specimen.fr.pdf";
    BOOST_TEST_REQUIRE(run(specimen(pdf, "--lang fr --chapters 1")).exit_code == 0);
    const std::string text = text_of(pdf);
    BOOST_TEST(text.find("Sommaire") != std::string::npos);
    BOOST_TEST(text.find("Page 3 sur ") != std::string::npos);
    BOOST_TEST(text.find("Figure 1") != std::string::npos);
    const std::string labels = run("qpdf --json --json-key=pagelabels '" + pdf.string() + "'").out;
    BOOST_TEST(labels.find("\"/P\": \"u:Couverture\"") != std::string::npos);
}
