// The complete Index Report of the three showcase cities, in English and
// French: layout invariants on the real documents, and checks on the PDFs.
#include <boost/test/unit_test.hpp>

#include <regex>
#include <set>

#include "sample_engine.h"

using namespace icc;
namespace fs = std::filesystem;

namespace {

const std::vector<std::string> showcases{"valmora/2026-03-15.toml", "marvege/2025-05-20.toml",
                                         "quellmark/2024-10-07.toml"};

const testing::SampleEngine& engine() { return testing::sample_engine(); }

// The report of a showcase edition named "city/YYYY-MM-DD.toml".
Document compose_edition(const std::string& edition, const Catalog& catalog) {
    const auto slash = edition.find('/');
    const std::string date = edition.substr(slash + 1, 10);
    const Date when{std::stoi(date.substr(0, 4)), static_cast<unsigned>(std::stoi(date.substr(5, 2))),
                    static_cast<unsigned>(std::stoi(date.substr(8, 2)))};
    return engine().compose(edition.substr(0, slash), when, catalog);
}

std::string normalized_pdf_text(const fs::path& pdf) {
    std::string text = testing::run("pdftotext '" + pdf.string() + "' -").out;
    // Words divided at a line end come back as "word\u2010\n" (the line breaker's
    // U+2010, never in the source text) or "word\u00AD\n" (Pango's): join them,
    // then fold white space.
    text = std::regex_replace(text, std::regex("(\u00AD|\u2010)\n"), "");
    text = std::regex_replace(text, std::regex("[\\s\u00A0\u202F]+"), " ");
    return testing::fold_ligatures(text);
}

}  // namespace

BOOST_AUTO_TEST_CASE(showcase_reports_keep_every_layout_invariant) {
    for (const char* lang : {"en", "fr"}) {
        const Catalog catalog = Catalog::load(engine().data, lang);
        for (const std::string& edition : showcases) {
            BOOST_TEST_CONTEXT(edition << " " << lang) {
                const Document document = compose_edition(edition, catalog);
                const LaidOutDocument laid = paginate(document, engine().fonts);
                const Rect content = laid.geometry.content();
                constexpr double slack = 0.5;
                BOOST_TEST(laid.pages.size() > 20u);
                for (std::size_t p = 0; p < laid.pages.size(); ++p) {
                    const LaidOutPage& page = laid.pages[p];
                    if (page.cover) continue;
                    BOOST_TEST_CONTEXT("page " << p + 1) {
                        // Nothing outside the content box but the running header and footer.
                        for (const TextBox& text : page.texts) {
                            if (text.furniture) continue;
                            BOOST_TEST(text.box.x >= content.x - slack);
                            BOOST_TEST(text.box.right() <= content.right() + slack);
                            BOOST_TEST(text.box.y >= content.y - slack);
                            BOOST_TEST(text.box.bottom() <= content.bottom() + slack);
                        }
                        // Charts may be wider than the text: within the figure area.
                        const Rect figures = laid.geometry.figure_area();
                        for (const FigureBox& figure : page.figures) {
                            BOOST_TEST(figure.box.x >= figures.x - slack);
                            BOOST_TEST(figure.box.right() <= figures.right() + slack);
                            BOOST_TEST(figure.box.bottom() <= content.bottom() + slack);
                        }
                        // No empty page, and no heading as the last block of a page.
                        BOOST_REQUIRE(!page.blocks.empty());
                        if (p + 1 < laid.pages.size()) BOOST_TEST((page.blocks.back().kind != BlockKind::heading));
                    }
                }
                // The contents print the page labels where the headings landed.
                BOOST_TEST(laid.contents.size() > 20u);
                for (const ContentsEntry& entry : laid.contents) {
                    const auto heading =
                        std::find_if(laid.headings.begin(), laid.headings.end(),
                                     [&](const HeadingPlacement& h) { return h.anchor == entry.anchor; });
                    BOOST_REQUIRE(heading != laid.headings.end());
                    BOOST_TEST(entry.printed_number == laid.pages[heading->page].label);
                }
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(each_area_shows_at_most_three_practices_never_the_citys_own) {
    const Catalog catalog = Catalog::load(engine().data, "en");
    const Document document = compose_edition("valmora/2026-03-15.toml", catalog);
    int practices_in_area = 0, total = 0;
    std::set<std::string> titles;
    for (const Block& block : document.blocks) {
        if (const auto* heading = std::get_if<HeadingBlock>(&block); heading && heading->anchor.rfind("area-", 0) == 0)
            practices_in_area = 0;
        if (const auto* callout = std::get_if<CalloutBlock>(&block)) {
            ++practices_in_area;
            ++total;
            BOOST_TEST(practices_in_area <= 3);
            BOOST_TEST(titles.insert(callout->title).second);  // never the same practice twice
            BOOST_TEST(callout->title.rfind("Inspiring practice: ", 0) == 0u);
        }
    }
    BOOST_TEST(total >= 10);  // Valmora is below the average in most areas
}

BOOST_AUTO_TEST_CASE(the_french_report_has_no_english_leftovers) {
    testing::TempDir dir;
    const Catalog en = Catalog::load(engine().data, "en");
    const Catalog fr = Catalog::load(engine().data, "fr");
    for (const std::string& edition : {std::string("valmora/2026-03-15.toml"), std::string("marvege/2025-05-20.toml")}) {
        const auto pdf = dir / "report.fr.pdf";
        const auto result = testing::run(testing::iccreport() + " report '" +
                                         (testing::source_root() / "samples/network" / edition).string() +
                                         "' --lang fr --out '" + pdf.string() + "'");
        BOOST_TEST_REQUIRE(result.exit_code == 0, result.err);
        const std::string text = normalized_pdf_text(pdf);
        BOOST_TEST(text.find("Pratique inspirante") != std::string::npos);
        BOOST_TEST(text.find("Recommandations") != std::string::npos);
        // No sentence of the English locale (its fixed text, before any argument) reaches the French report.
        int compared = 0;
        for (const std::string& key : en.keys()) {
            if (key.rfind("meta.", 0) == 0 || !fr.has(key)) continue;
            std::string phrase = en.text(key);
            phrase = phrase.substr(0, phrase.find('{'));
            phrase = std::regex_replace(phrase, std::regex("\\s+"), " ");
            if (std::count(phrase.begin(), phrase.end(), ' ') < 3 || phrase == fr.text(key).substr(0, phrase.size()))
                continue;
            ++compared;
            BOOST_TEST_CONTEXT(edition << " " << key) { BOOST_TEST(text.find(phrase) == std::string::npos); }
        }
        BOOST_TEST(compared > 100);
    }
}

BOOST_AUTO_TEST_CASE(the_report_pdf_has_an_outline_links_and_every_part) {
    testing::TempDir dir;
    const auto pdf = dir / "quellmark.en.pdf";
    const auto result = testing::run(testing::iccreport() + " report '" +
                                     (testing::source_root() / "samples/network/quellmark/2024-10-07.toml").string() +
                                     "' --out '" + pdf.string() + "'");
    BOOST_TEST_REQUIRE(result.exit_code == 0, result.err);
    BOOST_TEST(testing::run("qpdf --check '" + pdf.string() + "'").exit_code == 0);
    BOOST_TEST(testing::pdf_catalog(pdf).find("/Outlines") != std::string::npos);
    const std::string text = normalized_pdf_text(pdf);
    for (const char* part : {"Contents", "Introduction", "Method", "Quellmark in figures", "Overall results",
                             "Comparison with peer groups", "Progress since the last edition", "Commitment",
                             "Intercultural lens", "Interaction", "Conclusions", "Annex: answers and points",
                             "ranks 1st of 162 cities", "This rank is on the extended index",
                             "on the core index, shared by all 165 cities of the sample, Quellmark ranks 1st"})
        BOOST_TEST_CONTEXT(part) { BOOST_TEST(text.find(part) != std::string::npos); }
    BOOST_TEST(testing::run("pdfinfo '" + pdf.string() + "'").out.find("Pages:           ") != std::string::npos);
}
