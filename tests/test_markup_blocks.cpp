// Light markup becomes document blocks tagged with the language it is written in.
#include <boost/test/unit_test.hpp>

#include "compose/markup_blocks.h"
#include "load/light_markup.h"

using namespace icc;

BOOST_AUTO_TEST_CASE(paragraphs_and_lists_carry_the_notes_language) {
    DiagnosticSink warnings;
    const MarkupText text = parse_light_markup("Une ville *ouverte*.\n\n- premier point\n- second point", {}, warnings);
    const std::vector<Block> blocks = markup_blocks(text, "fr");
    BOOST_REQUIRE(blocks.size() == 2u);
    const auto& paragraph = std::get<ParagraphBlock>(blocks[0]);
    BOOST_TEST(paragraph.language == "fr");
    BOOST_TEST(paragraph.text.at(1).italic);
    const auto& list = std::get<ListBlock>(blocks[1]);
    BOOST_TEST(list.language == "fr");  // hyphenated with French patterns inside an English profile
    BOOST_TEST(list.items.size() == 2u);
}
