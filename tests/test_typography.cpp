// Typographic invariants over a few representative sample reports (issue
// 16): what a copy-editor checks on the page, asserted on the laid-out
// document. A few reports, not the whole network, to keep the suite fast:
// the showcase city in English, French and German (justified text with
// three sets of patterns), and a second city in English.
#include <boost/test/unit_test.hpp>

#include <map>
#include <string>

#include "sample_engine.h"

using namespace icc;

namespace {

const testing::SampleEngine& engine() { return testing::sample_engine(); }

LaidOutDocument lay_out(const std::string& city, Date date, const std::string& lang, Document& document) {
    const Catalog catalog = Catalog::load(engine().data, lang);
    document = engine().compose(city, date, catalog);
    return paginate(document, engine().fonts);
}

struct SampleReport {
    std::string city;
    Date date;
    std::string lang;
};

const std::vector<SampleReport> samples{{"quellmark", {2024, 10, 7}, "en"},
                                  {"quellmark", {2024, 10, 7}, "fr"},
                                  {"quellmark", {2024, 10, 7}, "de"},
                                  {"valmora", {2026, 3, 15}, "en"}};

// The text of line `index` of a layout, without its line separator.
std::string line_text(PangoLayout* layout, int index) {
    const PangoLayoutLine* line = pango_layout_get_line_readonly(layout, index);
    std::string text(pango_layout_get_text(layout) + line->start_index, static_cast<std::size_t>(line->length));
    while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
    if (text.size() >= 3 && text.compare(text.size() - 3, 3, "\u2028") == 0) text.resize(text.size() - 3);
    return text;
}

bool ends_with(const std::string& text, const std::string& end) {
    return text.size() >= end.size() && text.compare(text.size() - end.size(), end.size(), end) == 0;
}

}  // namespace

BOOST_AUTO_TEST_CASE(sample_reports_keep_the_typographic_invariants) {
    for (const SampleReport& sample : samples) {
        BOOST_TEST_CONTEXT(sample.city << " " << sample.lang) {
            Document document;
            const LaidOutDocument laid = lay_out(sample.city, sample.date, sample.lang, document);
            BOOST_TEST(laid.pages.size() > 20u);
            std::map<PangoLayout*, bool> seen;
            int divided = 0;
            for (std::size_t p = 0; p < laid.pages.size(); ++p) {
                const LaidOutPage& page = laid.pages[p];
                BOOST_TEST_CONTEXT("page " << p + 1) {
                    for (const TextBox& box : page.texts) {
                        PangoLayout* layout = box.layout.get();
                        const std::string text = pango_layout_get_text(layout);
                        // No soft hyphen is left for the PDF's text to extract.
                        BOOST_TEST(text.find("\u00AD") == std::string::npos, text.substr(0, 60));
                        if (seen[layout]) continue;  // a paragraph over two pages: checked once
                        seen[layout] = true;
                        // Never more than two hyphenated lines in a row, the
                        // breaker's divisions and the text's own hyphens alike.
                        int run = 0;
                        for (int l = 0; l < pango_layout_get_line_count(layout); ++l) {
                            const std::string line = line_text(layout, l);
                            const bool hyphenated = ends_with(line, "\u2010") || ends_with(line, "-");
                            run = hyphenated ? run + 1 : 0;
                            BOOST_TEST(run <= 2, line);
                            if (!ends_with(line, "\u2010")) continue;
                            ++divided;
                            // A capitalised word is never divided: the letters after the last
                            // space or hyphen ("Anti-ru-mour" divides "rumour").
                            const std::size_t space = line.find_last_of(" -/");
                            const std::string word = line.substr(space == std::string::npos ? 0 : space + 1);
                            BOOST_TEST(!g_unichar_isupper(g_utf8_get_char(word.c_str())), word);
                        }
                        // The breaker's hyphens are all known to the box (for /ActualText).
                        for (int hyphen : box.inserted_hyphens)
                            BOOST_TEST(text.compare(static_cast<std::size_t>(hyphen), 3, "\u2010") == 0);
                    }
                    BOOST_REQUIRE(!page.blocks.empty());
                    // No heading alone at a page foot.
                    if (p + 1 < laid.pages.size()) BOOST_TEST((page.blocks.back().kind != BlockKind::heading));
                }
            }
            BOOST_TEST(divided > 5);  // the text is hyphenated, so the checks above mean something
        }
    }
}
