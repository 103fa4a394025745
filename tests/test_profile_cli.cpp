// `iccreport profile` end to end, checked on the PDF with qpdf and
// poppler-utils: validity, bookmarks, contents links, recoverable narrative,
// hostile text printed literally, warnings and errors with their positions.
#include <boost/test/unit_test.hpp>

#include <algorithm>

#include "test_support.h"

using namespace icc;
using testing::run;

namespace {

std::filesystem::path visit_of(const std::string& city) {
    for (const auto& entry : std::filesystem::directory_iterator(testing::source_root() / "samples/network" / city))
        if (entry.path().filename().string().rfind("visit-", 0) == 0) return entry.path();
    return {};
}

testing::CommandResult profile(const std::filesystem::path& notes, const std::filesystem::path& out,
                               const std::string& lang = "en") {
    return run(testing::iccreport() + " profile '" + notes.string() + "' --lang " + lang + " --out '" + out.string() +
               "'");
}

// Text of the PDF, words broken at a line end joined again and lines joined by spaces.
std::string text_of(const std::filesystem::path& pdf, const std::string& options = "") {
    std::string text = run("pdftotext " + options + " '" + pdf.string() + "' -").out;
    for (auto at = text.find("\u00AD\n"); at != std::string::npos; at = text.find("\u00AD\n")) text.erase(at, 3);
    // The line breaker's hyphen at a divided word is U+2010, never in the source text.
    for (auto at = text.find("\u2010\n"); at != std::string::npos; at = text.find("\u2010\n")) text.erase(at, 4);
    std::replace(text.begin(), text.end(), '\n', ' ');
    return testing::fold_ligatures(text);
}

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

// Notes on Valmora's 2026 edition with `sections` (and whatever follows them) at the end.
std::string valmora_notes(const std::string& sections) {
    return R"([visit]
city = "valmora"
edition = 2026-03-15
dates = [2026-06-09, 2026-06-10]
language = "en"

[[team]]
name = "A. Expert"
role = "expert"

[[programme]]
date = 2026-06-09
time = "09:00-10:00"
stakeholder = "Mayor <b>and</b> deputies"
topic = "Strategy & budget"

[[met]]
name = "T. Albuquerque"
organisation = "City of Valmora </span>"
role = "Mayor"

)" + sections;
}

}  // namespace

BOOST_AUTO_TEST_CASE(profile_pdf_is_valid_with_bookmarks_contents_links_and_its_narrative) {
    testing::TempDir dir;
    const auto pdf = dir / "valmora-profile.pdf";
    const auto result = profile(visit_of("valmora"), pdf);
    BOOST_TEST_REQUIRE(result.exit_code == 0, result.err);
    BOOST_TEST(result.err.find("wrote ") != std::string::npos);
    BOOST_TEST(run("qpdf --check '" + pdf.string() + "'").exit_code == 0);

    const std::string info = run("pdfinfo '" + pdf.string() + "'").out;
    BOOST_TEST(info.find("Title:           Valmora: intercultural profile") != std::string::npos, info);
    BOOST_TEST(info.find("CreationDate:    Thu Jun 11 00:00:00 2026") != std::string::npos, info);  // last day of the visit

    const std::string objects = expanded(dir, pdf);
    BOOST_TEST(objects.find("/Outlines") != std::string::npos);
    for (const char* title : {"/Title (1 Introduction)", "/Title (2 Valmora in context)",
                              "/Title (3 The Index results in brief)", "/Title (4.1 Commitment)",
                              "/Title (5 Recommendations)", "/Title (Annex 1: Programme of the visit)"})
        BOOST_TEST(objects.find(title) != std::string::npos, title);
    // The contents link to every chapter; the recommendations link to the areas they belong to.
    for (const char* destination : {"/Dest (introduction)", "/Dest (context)", "/Dest (index-results)",
                                    "/Dest (areas)", "/Dest (recommendations)", "/Dest (annex-programme)",
                                    "/Dest (annex-people)", "/Dest (area-welcome)"})
        BOOST_TEST(objects.find(destination) != std::string::npos, destination);
    BOOST_TEST(occurrences(objects, "/Subtype /Link") > 25);
    BOOST_TEST(objects.find("/URI (https://example.org/valmora/casa-do-acolhimento)") != std::string::npos);
    const std::string destinations = run("pdfinfo -dests '" + pdf.string() + "'").out;
    for (const char* name : {"\"area-commitment\"", "\"area-lens\"", "\"area-education\"", "\"area-participation\""})
        BOOST_TEST(destinations.find(name) != std::string::npos, name);
    BOOST_TEST(destinations.find("\"area-media\"") == std::string::npos);  // no notes, no section

    // The narrative, the recommendations and the annexes come back as text.
    const std::string text = text_of(pdf);
    for (const char* words : {"Valmora grew around its river port.", "The Casa do Acolhimento, opened in 2025",
                              "Recruit at least two intercultural mediators", "Escola Secundária de Valmora",
                              "Teresa Albuquerque", "Intercultural profile", "Expert visit, 9–11 June 2026"})
        BOOST_TEST(text.find(words) != std::string::npos, words);
    // The sample's sign "<Welcome & Bem-vindo>" is text, never markup.
    // (pdftotext joins a line that ends in the text's own hyphen to the next
    // one without it: "Bem-" at a line end comes back as "Bemvindo".)
    BOOST_TEST((text.find("“<Welcome & Bem-vindo>”") != std::string::npos ||
                text.find("“<Welcome & Bemvindo>”") != std::string::npos));
}

BOOST_AUTO_TEST_CASE(hostile_text_in_notes_prints_literally_everywhere) {
    testing::TempDir dir;
    const auto notes = dir.write("visit.toml", valmora_notes(R"([sections]
context = "Context with <b>bold tags</b>, AT&T and a stray </span> end."

[sections.areas]
welcome = """
- an item with <i>tags</i> & more
- &amp; stays as written"""

[[recommendation]]
area = "welcome"
priority = "high"
text = "Open <span foreground='red'>a desk</span> & staff it."
)"));
    const auto pdf = dir / "hostile.pdf";
    const auto result = profile(notes, pdf);
    BOOST_TEST_REQUIRE(result.exit_code == 0, result.err);
    BOOST_TEST(result.err.find("warning") == std::string::npos, result.err);
    BOOST_TEST(run("qpdf --check '" + pdf.string() + "'").exit_code == 0);
    const std::string text = text_of(pdf, "-raw");
    for (const char* literal : {"Context with <b>bold tags</b>, AT&T and a stray </span> end.",
                                "an item with <i>tags</i> & more", "&amp; stays as written",
                                "<span foreground='red'>a desk</span> & staff it.", "Mayor <b>and</b> deputies",
                                "Strategy & budget", "City of Valmora </span>"})
        BOOST_TEST(text.find(literal) != std::string::npos, literal);
}

BOOST_AUTO_TEST_CASE(malformed_markup_warns_with_its_position_and_prints_as_written) {
    testing::TempDir dir;
    // The context is on line 23; its text starts in column 12, after `context = "`.
    const auto notes = dir.write("visit.toml", valmora_notes(R"([sections]
context = "An **unclosed emphasis and [a broken](ftp://example.org) link."
)"));
    const auto pdf = dir / "warned.pdf";
    const auto result = profile(notes, pdf);
    BOOST_TEST_REQUIRE(result.exit_code == 0, result.err);
    BOOST_TEST(result.err.find(notes.string() + ":23:15: warning: unclosed bold emphasis '**'") != std::string::npos,
               result.err);
    BOOST_TEST(result.err.find(notes.string() + ":23:39: warning: broken link '[a broken](ftp://example.org)'") !=
                   std::string::npos,
               result.err);
    const std::string text = text_of(pdf, "-raw");
    BOOST_TEST(text.find("An **unclosed emphasis and [a broken](ftp://example.org) link.") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(unknown_area_and_unknown_edition_are_reported_together_with_positions) {
    testing::TempDir dir;
    std::string text = valmora_notes(R"([sections]
context = "Context."

[sections.areas]
welcomeing = "A typo in the area id."

[[recommendation]]
area = "comitment"
priority = "high"
text = "Adopt the plan."
)");
    text.replace(text.find("2026-03-15"), 10, "2026-03-16");
    const auto notes = dir.write("visit.toml", text);
    const auto pdf = dir / "never.pdf";
    const auto result = profile(notes, pdf);
    BOOST_TEST(result.exit_code == 1);
    BOOST_TEST(!std::filesystem::exists(pdf));
    const std::string file = notes.string();
    const auto edition = result.err.find(file + ":3:11: error: visit.edition: no edition of 'valmora' dated "
                                                "2026-03-16");
    const auto area = result.err.find(file + ":26:14: error: sections.areas.welcomeing: unknown area 'welcomeing'");
    const auto recommendation = result.err.find(file + ":29:8: error: recommendation[1].area: unknown area 'comitment'");
    BOOST_TEST(edition != std::string::npos, result.err);
    BOOST_TEST(area != std::string::npos, result.err);
    BOOST_TEST(recommendation != std::string::npos, result.err);
    BOOST_TEST((edition < area && area < recommendation));  // in line order
    BOOST_TEST(result.err.find("expected one of its editions: 2026-03-15") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(french_notes_in_an_english_profile_are_announced_on_the_cover) {
    testing::TempDir dir;
    const auto english = dir / "marvege.en.pdf";
    const auto french = dir / "marvege.fr.pdf";
    BOOST_TEST_REQUIRE(profile(visit_of("marvege"), english).exit_code == 0);
    BOOST_TEST_REQUIRE(profile(visit_of("marvege"), french, "fr").exit_code == 0);

    const std::string cover = text_of(english, "-f 1 -l 1");
    BOOST_TEST(cover.find("Intercultural profile") != std::string::npos, cover);
    BOOST_TEST(cover.find("The experts’ narrative is in French, as they wrote it") != std::string::npos, cover);
    BOOST_TEST(testing::pdf_catalog(english).find("/Lang (en)") != std::string::npos);
    // The narrative itself stays French; the chapters around it are English.
    const std::string body = text_of(english);
    BOOST_TEST(body.find("Marvège s’est construite autour de ses filatures") != std::string::npos);
    BOOST_TEST(body.find("The Index results in brief") != std::string::npos);

    const std::string french_cover = text_of(french, "-f 1 -l 1");
    BOOST_TEST(french_cover.find("Profil interculturel") != std::string::npos, french_cover);
    BOOST_TEST(french_cover.find("Visite d’experts, 23–25 septembre 2025") != std::string::npos, french_cover);
    BOOST_TEST(french_cover.find("reproduit en") == std::string::npos, french_cover);
    BOOST_TEST(testing::pdf_catalog(french).find("/Lang (fr)") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(every_showcase_profile_builds_in_both_languages_identically_twice) {
    testing::TempDir dir;
    for (const char* city : {"valmora", "marvege", "quellmark"})
        for (const char* lang : {"en", "fr"}) {
            BOOST_TEST_CONTEXT(city << " " << lang) {
                const auto first = dir / (std::string(city) + "." + lang + ".1.pdf");
                const auto second = dir / (std::string(city) + "." + lang + ".2.pdf");
                const auto result = profile(visit_of(city), first, lang);
                BOOST_TEST_REQUIRE(result.exit_code == 0, result.err);
                BOOST_TEST(result.err.find("warning") == std::string::npos, result.err);
                BOOST_TEST(run("qpdf --check '" + first.string() + "'").exit_code == 0);
                BOOST_TEST_REQUIRE(profile(visit_of(city), second, lang).exit_code == 0);
                BOOST_TEST(testing::slurp(first) == testing::slurp(second));
            }
        }
}

BOOST_AUTO_TEST_CASE(as_of_before_the_edition_is_an_error_at_the_edition) {
    testing::TempDir dir;
    const auto notes = dir.write("visit.toml", valmora_notes("[sections]\ncontext = \"Context.\"\n"));
    const auto result = run(testing::iccreport() + " profile '" + notes.string() + "' --as-of 2026-01-31 --out '" +
                            (dir / "x.pdf").string() + "'");
    BOOST_TEST(result.exit_code == 1);
    BOOST_TEST(result.err.find(notes.string() + ":3:11: error: visit.edition: the edition is dated 2026-03-15, after "
                                                "the --as-of date 2026-01-31") != std::string::npos,
               result.err);
}
