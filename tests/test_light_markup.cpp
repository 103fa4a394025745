#include <boost/test/unit_test.hpp>

#include "load/light_markup.h"

using namespace icc;

namespace {
struct Parsed {
    MarkupText text;
    std::vector<Diagnostic> warnings;
};

Parsed parse(std::string_view text) {
    DiagnosticSink sink;
    Parsed parsed{parse_light_markup(text, {"visit.toml", 10, 5}, sink), sink.all()};
    return parsed;
}

const MarkupLine& first_paragraph(const Parsed& p) {
    return std::get<MarkupParagraph>(p.text.blocks.at(0)).spans;
}
}  // namespace

BOOST_AUTO_TEST_CASE(paragraphs_split_on_blank_lines_and_join_lines) {
    auto p = parse("First line\ncontinues here.\n\nSecond paragraph.");
    BOOST_REQUIRE(p.text.blocks.size() == 2u);
    BOOST_TEST(plain_text(first_paragraph(p)) == "First line continues here.");
    BOOST_TEST(p.warnings.empty());
}

BOOST_AUTO_TEST_CASE(emphasis_and_nesting) {
    auto p = parse("A **bold** and *italic* and **bold *both***.");
    const auto& spans = first_paragraph(p);
    BOOST_REQUIRE(spans.size() == 8u);
    BOOST_TEST((spans[1] == MarkupSpan{"bold", true, false, ""}));
    BOOST_TEST((spans[3] == MarkupSpan{"italic", false, true, ""}));
    BOOST_TEST((spans[5] == MarkupSpan{"bold ", true, false, ""}));
    BOOST_TEST((spans[6] == MarkupSpan{"both", true, true, ""}));
    BOOST_TEST((spans[7] == MarkupSpan{".", false, false, ""}));
    BOOST_TEST(p.warnings.empty());
}

BOOST_AUTO_TEST_CASE(links_and_lists) {
    auto p = parse("See [the plan](https://example.org/plan).\n\n- one item\n- two with *stress*\n  and more\n\nAfter.");
    BOOST_REQUIRE(p.text.blocks.size() == 3u);
    const auto& spans = first_paragraph(p);
    BOOST_TEST((spans[1] == MarkupSpan{"the plan", false, false, "https://example.org/plan"}));
    const auto& list = std::get<MarkupList>(p.text.blocks[1]);
    BOOST_REQUIRE(list.items.size() == 2u);
    BOOST_TEST(plain_text(list.items[1]) == "two with stress and more");
    BOOST_TEST(std::holds_alternative<MarkupParagraph>(p.text.blocks[2]));
}

BOOST_AUTO_TEST_CASE(malformed_markup_prints_literally_with_a_located_warning) {
    auto p = parse("An *unclosed emphasis and a [broken link](not a url).");
    BOOST_TEST(plain_text(first_paragraph(p)) == "An *unclosed emphasis and a [broken link](not a url).");
    for (const auto& span : first_paragraph(p)) {
        BOOST_TEST(!span.italic);
        BOOST_TEST(span.link.empty());
    }
    BOOST_REQUIRE(p.warnings.size() == 2u);
    BOOST_TEST(p.warnings[0].to_string() == "visit.toml:10:8: warning: unclosed italic emphasis '*'; printed as written");
    BOOST_TEST(p.warnings[1].where.column == 5 + 28);
    BOOST_TEST(p.warnings[1].message.find("broken link") == 0u);
}

BOOST_AUTO_TEST_CASE(hostile_text_stays_text) {
    const std::string hostile = "<b>not bold</b> & </span> < \\*literal\\* \\[x\\] 5 * 3 = 15";
    auto p = parse(hostile);
    const auto& spans = first_paragraph(p);
    BOOST_REQUIRE(spans.size() == 1u);
    BOOST_TEST(spans[0].text == "<b>not bold</b> & </span> < *literal* [x] 5 * 3 = 15");
    BOOST_TEST(!spans[0].bold);
    BOOST_TEST(!spans[0].italic);
}

BOOST_AUTO_TEST_CASE(warnings_point_into_later_lines_of_a_paragraph) {
    auto p = parse("Fine first line\nthen **never closed");
    BOOST_REQUIRE(p.warnings.size() == 1u);
    BOOST_TEST(p.warnings[0].where.line == 11);
    BOOST_TEST(p.warnings[0].where.column == 6);
}
