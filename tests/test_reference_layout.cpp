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
#include "load/page_style.h"
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

// A document built by hand (these tests, the benchmarks) is set like a report:
// the built-in design is the shipped design file's, value for value.
BOOST_AUTO_TEST_CASE(the_shipped_design_file_holds_the_built_in_design) {
    const PageStyle shipped = load_page_style(engine().data.templates() / "style" / "page.toml");
    BOOST_TEST(canonical_text(shipped) == canonical_text(PageStyle{}));
}

namespace {
// The top of the first text box of `role` (and `item`, when given) on page `page`.
double top_of(const LaidOutDocument& laid_out, std::size_t page, Role role, int item = -1) {
    for (const TextBox& text : laid_out.pages.at(page).texts)
        if (text.tag.role == role && (item < 0 || text.tag.item == item)) return text.box.y;
    BOOST_FAIL("no box of the role on page " << page);
    return 0;
}
double left_of(const LaidOutDocument& laid_out, std::size_t page, Role role, int item) {
    for (const TextBox& text : laid_out.pages.at(page).texts)
        if (text.tag.role == role && text.tag.item == item) return text.box.x;
    BOOST_FAIL("no box of the role on page " << page);
    return 0;
}
}  // namespace

// The cover, the contents and the page furniture are set from the design
// file's [cover], [contents] and [furniture], not from the paginator's own numbers.
BOOST_AUTO_TEST_CASE(cover_contents_and_furniture_follow_the_design) {
    Document document = base_document(engine().english, "Design");
    document.blocks.emplace_back(CoverBlock{"Intercultural Cities", "Valmora", "Index Report", {"March 2026"}});
    document.blocks.emplace_back(TableOfContentsBlock{"Contents", 2});
    document.blocks.emplace_back(HeadingBlock{1, "Results"});
    document.blocks.emplace_back(HeadingBlock{2, "By area"});
    document.blocks.emplace_back(ParagraphBlock{plain_text(sentence)});
    const LaidOutDocument shipped = paginate(document, engine().fonts);

    document.style.cover.kicker_top += 10;
    document.style.cover.details_below_band += 20;
    document.style.contents.indent += 6;
    document.style.furniture_layout.folio_below_text += 5;
    document.style.furniture_layout.head_above_text += 3;
    const LaidOutDocument moved = paginate(document, engine().fonts);

    const auto tol = boost::test_tools::tolerance(1e-9);  // a point moved is moved by its amount, to rounding
    BOOST_TEST(top_of(moved, 0, Role::cover_text, 0) == top_of(shipped, 0, Role::cover_text, 0) + 10, tol);
    BOOST_TEST(top_of(moved, 0, Role::cover_text, 1) == top_of(shipped, 0, Role::cover_text, 1), tol);
    BOOST_TEST(top_of(moved, 0, Role::cover_text, 3) == top_of(shipped, 0, Role::cover_text, 3) + 20, tol);
    // The level 2 entry (the contents' second) is indented one level more; the level 1 entry stays.
    BOOST_TEST(left_of(moved, 1, Role::contents_entry, 0) == left_of(shipped, 1, Role::contents_entry, 0), tol);
    BOOST_TEST(left_of(moved, 1, Role::contents_entry, 1) == left_of(shipped, 1, Role::contents_entry, 1) + 6, tol);
    BOOST_TEST(top_of(moved, 1, Role::folio) == top_of(shipped, 1, Role::folio) + 5, tol);
    BOOST_TEST(top_of(moved, 1, Role::running_head) == top_of(shipped, 1, Role::running_head) - 3, tol);
}
