// Reference tests, as typesetters keep them: small documents laid out and
// dumped as text (layout/dump.h: page, box, role, block, language, position,
// text), compared exactly with tests/ref/<name>.txt. After an intended change
// of the layout, re-bless them with scripts/bless-references.sh and review
// the diff like any other change.
#include <boost/test/unit_test.hpp>

#include <cstdlib>
#include <fstream>

#include "charts/chart_words.h"
#include "compose/furniture.h"
#include "layout/dump.h"
#include "layout/paginate.h"
#include "support/data_root.h"
#include "support/fonts.h"
#include "support/locale.h"
#include "test_support.h"

using namespace icc;
namespace fs = std::filesystem;

namespace {

struct Engine {
    DataRoot data = DataRoot::locate();
    FontSet fonts = FontSet::load(data);
    Catalog english = Catalog::load(data, "en");
    Catalog arabic = Catalog::load(data, "ar");
};

const Engine& engine() {
    static const Engine instance;
    return instance;
}

Document base_document(const Catalog& catalog, const std::string& title) {
    Document document;
    set_locale_furniture(document.info, catalog);
    document.info.title = title;
    document.info.running_header = title;
    return document;
}

// Compares the dump with its reference, or writes the reference when
// ICC_BLESS_REFERENCES is set.
void check_reference(const std::string& name, const Document& document) {
    const std::string dump = dump_laid_out(paginate(document, engine().fonts));
    BOOST_TEST_REQUIRE(!dump.empty());
    const fs::path reference = icc::testing::source_root() / "tests" / "ref" / (name + ".txt");
    if (std::getenv("ICC_BLESS_REFERENCES")) {
        std::ofstream(reference, std::ios::binary) << dump;
        BOOST_TEST_MESSAGE("blessed " << reference);
        return;
    }
    BOOST_TEST_REQUIRE(fs::exists(reference), reference << " is missing: run scripts/bless-references.sh");
    const std::string expected = icc::testing::slurp(reference);
    if (dump == expected) return;
    // Point at the first line that differs: the whole dump is long.
    std::size_t line = 1, at = 0;
    while (at < dump.size() && at < expected.size() && dump[at] == expected[at]) {
        if (dump[at] == '\n') ++line;
        ++at;
    }
    const auto line_of = [](const std::string& text, std::size_t from) {
        const std::size_t start = text.rfind('\n', from == 0 ? 0 : from - 1);
        const std::size_t begin = start == std::string::npos ? 0 : start + 1;
        return text.substr(begin, text.find('\n', begin) - begin);
    };
    BOOST_ERROR(name << ": layout differs from " << reference << " at line " << line << "\n  expected: "
                     << line_of(expected, at) << "\n  laid out: " << line_of(dump, at)
                     << "\n(an intended change? scripts/bless-references.sh, then review git diff tests/ref)");
}

const std::string sentence =
    "Intercultural cities treat diversity as an advantage and reshape their policies so that residents of every "
    "background enjoy the same rights and meet one another in schools, workplaces and public spaces.";

}  // namespace

BOOST_AUTO_TEST_CASE(reference_headings_paragraphs_and_languages) {
    Document document = base_document(engine().english, "Headings and paragraphs");
    document.blocks.emplace_back(HeadingBlock{1, "Introduction"});
    document.blocks.emplace_back(ParagraphBlock{plain_text(sentence), ParagraphStyle::lead});
    document.blocks.emplace_back(HeadingBlock{2, "Hyphenation and emphasis"});
    document.blocks.emplace_back(ParagraphBlock{
        {TextRun::plain("Notwithstanding considerable administrative "), TextRun::strong("intercomprehensibility"),
         TextRun::plain(" "), TextRun::emphasis("counterrevolutionaries"), TextRun::plain(". " + sentence)}});
    document.blocks.emplace_back(HeadingBlock{3, "A quoted comment"});
    document.blocks.emplace_back(ParagraphBlock{
        plain_text("« La ville interculturelle considère la diversité comme un atout pour le développement. »"),
        ParagraphStyle::body, "fr"});
    document.blocks.emplace_back(ParagraphBlock{plain_text("Source: a note in small print."), ParagraphStyle::note});
    check_reference("headings_paragraphs", document);
}

BOOST_AUTO_TEST_CASE(reference_lists_tables_callouts_and_links) {
    Document document = base_document(engine().english, "Lists and tables");
    document.blocks.emplace_back(HeadingBlock{1, "Lists", "lists"});
    document.blocks.emplace_back(ListBlock{false, {plain_text("First point."), plain_text(sentence)}});
    document.blocks.emplace_back(ListBlock{true, {plain_text("One."), plain_text("Two."), plain_text("Three.")}});
    document.blocks.emplace_back(ParagraphBlock{{TextRun::plain("See "), TextRun::internal_link("the lists", "lists"),
                                                 TextRun::plain(" and "),
                                                 TextRun::web_link("the programme", "https://www.coe.int/interculturalcities"),
                                                 TextRun::plain(".")}});
    document.blocks.emplace_back(HeadingBlock{1, "Tables"});
    TableBlock table;
    table.columns = {{2, Alignment::start}, {1, Alignment::end}};
    table.header = {plain_text("City"), plain_text("Score")};
    table.rows = {{{plain_text("Valmora"), plain_text("71")}, true},
                  {{plain_text("Kato Pereia"), plain_text("64")}},
                  {{plain_text("Zelenask"), plain_text("58")}}};
    document.blocks.emplace_back(table);
    document.blocks.emplace_back(CalloutBlock{
        "An inspiring practice",
        {ParagraphBlock{plain_text(sentence)}, ListBlock{false, {plain_text("Neighbourhood festivals.")}}}});
    check_reference("lists_tables", document);
}

BOOST_AUTO_TEST_CASE(reference_cover_contents_and_figure) {
    Document document = base_document(engine().english, "Cover and contents");
    document.blocks.emplace_back(CoverBlock{"Intercultural Cities", "Valmora", "Index Report", {"March 2026"}});
    document.blocks.emplace_back(TableOfContentsBlock{"Contents", 2});
    document.blocks.emplace_back(PageBreakBlock{});
    document.blocks.emplace_back(HeadingBlock{1, "Results"});
    document.blocks.emplace_back(HeadingBlock{2, "By area"});
    document.blocks.emplace_back(FigureBlock{chart_spec(engine().english, charts::SpecimenLineChart{{38, 47, 55, 63}}),
                                             120, 0.8, "Results over four editions.",
                                             "A line rising from 38 to 63 over four editions."});
    document.blocks.emplace_back(ParagraphBlock{plain_text(sentence)});
    check_reference("cover_contents_figure", document);
}

BOOST_AUTO_TEST_CASE(reference_right_to_left) {
    Document document = base_document(engine().arabic, "مدن متعددة الثقافات");
    document.blocks.emplace_back(HeadingBlock{1, "مقدمة"});
    document.blocks.emplace_back(ParagraphBlock{
        plain_text("تعامل المدن المتعددة الثقافات التنوع كميزة وتعيد تشكيل سياساتها حتى يتمتع السكان من جميع "
                   "الخلفيات بالحقوق نفسها.")});
    document.blocks.emplace_back(ListBlock{true, {plain_text("المدارس."), plain_text("أماكن العمل.")}});
    TableBlock table;
    table.columns = {{2, Alignment::start}, {1, Alignment::end}};
    table.header = {plain_text("المدينة"), plain_text("النتيجة")};
    table.rows = {{{plain_text("فالمورا"), plain_text("٧١")}}};
    document.blocks.emplace_back(table);
    document.blocks.emplace_back(ParagraphBlock{plain_text("A comment in English."), ParagraphStyle::body, "en"});
    check_reference("right_to_left", document);
}

BOOST_AUTO_TEST_CASE(reference_table_over_a_page_break) {
    Document document = base_document(engine().english, "A long table");
    document.blocks.emplace_back(HeadingBlock{1, "Every city"});
    TableBlock table;
    table.columns = {{3, Alignment::start}, {1, Alignment::end}};
    table.header = {plain_text("City"), plain_text("Index")};
    for (int i = 1; i <= 45; ++i)
        table.rows.push_back({{plain_text("City number " + std::to_string(i)), plain_text(std::to_string(100 - i))}});
    document.blocks.emplace_back(table);
    check_reference("long_table", document);
}
