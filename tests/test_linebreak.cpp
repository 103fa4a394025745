// The total-fit line breaker: optimality against an exhaustive search of
// every sequence of breaks on small paragraphs, the hard rules (hyphen
// runs, short and capitalised words, the measure), and where it hands the
// paragraph back to Pango.
#include <boost/test/unit_test.hpp>

#include <pango/pangocairo.h>

#include <cmath>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "layout/hyphenation.h"
#include "layout/linebreak.h"
#include "layout/linebreak_pango.h"
#include "support/data_root.h"
#include "support/fonts.h"

using namespace icc;
using linebreak::Item;

namespace {

// ---- The algorithm on numbers ----------------------------------------------

std::vector<std::size_t> breaks_of(const linebreak::Result& result) {
    std::vector<std::size_t> breaks;
    for (const auto& line : result.lines) breaks.push_back(line.end);
    return breaks;
}

struct Best {
    std::optional<double> demerits;
    std::size_t lines = 0;
};

// Every subset of the legal breaks (the final forced one always taken),
// scored by demerits_of: the least, with its line count. `wanted_lines`
// (when > 0) asks for the least demerits among sequences with that many lines.
Best exhaustive(const std::vector<Item>& items, const std::vector<double>& widths, const linebreak::Parameters& p,
                const linebreak::Pass& pass, std::size_t wanted_lines = 0) {
    std::vector<std::size_t> candidates;
    for (std::size_t i = 0; i + 1 < items.size(); ++i)
        if (linebreak::is_legal_break(items, i, pass)) candidates.push_back(i);
    BOOST_TEST_REQUIRE(candidates.size() <= 20u);
    Best best;
    for (std::uint32_t mask = 0; mask < (1u << candidates.size()); ++mask) {
        std::vector<std::size_t> breaks;
        for (std::size_t c = 0; c < candidates.size(); ++c)
            if (mask & (1u << c)) breaks.push_back(candidates[c]);
        breaks.push_back(items.size() - 1);
        if (wanted_lines > 0 && breaks.size() != wanted_lines) continue;
        const auto demerits = linebreak::demerits_of(items, widths, p, pass, breaks);
        if (demerits && (!best.demerits || *demerits < *best.demerits)) {
            best.demerits = demerits;
            best.lines = breaks.size();
        }
    }
    return best;
}

// A paragraph of random words (seeded: the same every run), some of them
// with hyphenation points, set in a narrow measure.
std::vector<Item> random_paragraph(std::mt19937& random, int words) {
    std::uniform_real_distribution<double> word_width(8, 38);
    std::uniform_int_distribution<int> coin(0, 2);
    std::vector<Item> items;
    for (int w = 0; w < words; ++w) {
        if (w > 0) items.push_back(Item::glue(3.5, 1.75, 1.2));
        const double width = word_width(random);
        if (coin(random) == 0 && width > 20) {
            items.push_back(Item::box(width * 0.45));
            Item hyphen = Item::make_penalty(3, 50, true);
            hyphen.hyphenation_point = true;
            hyphen.protrusion = 1.5;
            items.push_back(hyphen);
            items.push_back(Item::box(width * 0.55));
        } else {
            items.push_back(Item::box(width));
        }
    }
    items.push_back(Item::fill_glue());
    items.push_back(Item::forced_break());
    return items;
}

}  // namespace

BOOST_AUTO_TEST_CASE(a_hand_checked_paragraph_has_the_demerits_knuth_and_plass_give) {
    // Three words of 40 pt with 10 pt spaces (stretch 5, shrink 3) in 95 pt:
    // all three do not fit (140 - 6 > 95), one alone cannot stretch (no glue
    // on its line), so two and one: ratio 5/5 = 1, badness 100, demerits
    // (10 + 100)^2 = 12100, then the last line (10 + 0)^2 = 100.
    const std::vector<Item> items{Item::box(40), Item::glue(10, 5, 3), Item::box(40), Item::glue(10, 5, 3),
                                  Item::box(40), Item::fill_glue(),   Item::forced_break()};
    linebreak::Parameters parameters;
    const auto result = linebreak::break_lines(items, {95}, parameters);
    BOOST_TEST_REQUIRE(result.has_value());
    BOOST_TEST(result->lines.size() == 2u);
    BOOST_TEST(result->lines[0].end == 3u);
    BOOST_TEST(result->lines[0].ratio == 1.0, boost::test_tools::tolerance(1e-12));
    BOOST_TEST(result->lines[0].badness == 100.0, boost::test_tools::tolerance(1e-9));
    BOOST_TEST(result->demerits == 12200.0, boost::test_tools::tolerance(1e-9));
    BOOST_TEST(result->pass_number == 1);  // badness 100 is within the pretolerance: no hyphenation tried

    // A hyphen penalty adds its square, a second hyphenated line in a row
    // the double-hyphen demerits.
    const std::vector<Item> hyphenated{Item::box(40), Item::make_penalty(5, 50, true), Item::box(40),
                                       Item::fill_glue(), Item::forced_break()};
    linebreak::Parameters no_first_pass;
    no_first_pass.pretolerance = -1;
    const auto pass = linebreak::Pass{200, true, 0};
    const auto one_line = linebreak::break_lines(hyphenated, {44}, no_first_pass);
    BOOST_TEST(!one_line.has_value());  // "40-" is 45 > 44, and nothing shrinks
    const auto demerits = linebreak::demerits_of(hyphenated, {100}, no_first_pass, pass, {4});
    BOOST_TEST_REQUIRE(demerits.has_value());
    BOOST_TEST(*demerits == 100.0, boost::test_tools::tolerance(1e-9));
}

BOOST_AUTO_TEST_CASE(the_breaks_chosen_are_the_best_of_every_possible_sequence) {
    std::mt19937 random(16);
    linebreak::Parameters parameters;
    parameters.pretolerance = -1;  // one pass, so the exhaustive search scores the same pass
    parameters.tolerance = 800;
    parameters.rescue_pass = false;
    const linebreak::Pass pass{parameters.tolerance, true, 0};
    int solved = 0;
    for (int trial = 0; trial < 40; ++trial) {
        const std::vector<Item> items = random_paragraph(random, 9 + trial % 4);
        const std::vector<double> widths{trial % 3 == 0 ? 110.0 : 140.0};
        const auto result = linebreak::break_lines(items, widths, parameters);
        const Best best = exhaustive(items, widths, parameters, pass);
        BOOST_TEST(result.has_value() == best.demerits.has_value(), "trial " << trial);
        if (!result || !best.demerits) continue;
        ++solved;
        BOOST_TEST(result->demerits == *best.demerits, boost::test_tools::tolerance(1e-9));
        const auto rescored = linebreak::demerits_of(items, widths, parameters, pass, breaks_of(*result));
        BOOST_TEST_REQUIRE(rescored.has_value());
        BOOST_TEST(*rescored == result->demerits, boost::test_tools::tolerance(1e-9));
    }
    BOOST_TEST(solved >= 25);  // the comparison really ran
}

BOOST_AUTO_TEST_CASE(never_more_than_two_hyphenated_lines_in_a_row) {
    // Hyphens made attractive (no penalty, no double-hyphen demerits): an
    // unlimited search would take three in a row; the limit forbids it.
    std::mt19937 random(3);
    linebreak::Parameters parameters;
    parameters.pretolerance = -1;
    parameters.tolerance = 3000;
    parameters.double_hyphen_demerits = 0;
    parameters.final_hyphen_demerits = 0;
    int limit_mattered = 0;
    for (int trial = 0; trial < 60; ++trial) {
        std::vector<Item> items;
        for (int w = 0; w < 8; ++w) {
            if (w > 0) items.push_back(Item::glue(3.5, 1.75, 1.2));
            items.push_back(Item::box(12 + 3 * (trial % 5)));
            Item hyphen = Item::make_penalty(3, -200, true);  // a bonus for hyphens
            hyphen.hyphenation_point = true;
            items.push_back(hyphen);
            items.push_back(Item::box(10 + (w * 7 + trial) % 11));
        }
        items.push_back(Item::fill_glue());
        items.push_back(Item::forced_break());
        const std::vector<double> widths{42.0 + trial % 7};
        const auto result = linebreak::break_lines(items, widths, parameters);
        if (!result) continue;
        int run = 0, longest = 0;
        for (const auto& line : result->lines) {
            run = line.hyphenated ? run + 1 : 0;
            longest = std::max(longest, run);
        }
        BOOST_TEST(longest <= 2, "trial " << trial);
        const Best best = exhaustive(items, widths, parameters, result->pass);
        BOOST_TEST_REQUIRE(best.demerits.has_value());
        BOOST_TEST(result->demerits == *best.demerits, boost::test_tools::tolerance(1e-9));
        linebreak::Parameters unlimited = parameters;
        unlimited.max_consecutive_hyphens = 100;
        const auto free = linebreak::break_lines(items, widths, unlimited);
        if (free && free->demerits < result->demerits - 1e-9) ++limit_mattered;
    }
    BOOST_TEST(limit_mattered > 0);  // the cases really needed the limit
}

BOOST_AUTO_TEST_CASE(looseness_asks_for_one_line_more_when_one_is_feasible) {
    std::mt19937 random(7);
    linebreak::Parameters parameters;
    parameters.pretolerance = -1;
    parameters.tolerance = 10000;  // anything goes, so a longer setting exists
    const linebreak::Pass pass{parameters.tolerance, true, 0};
    const std::vector<Item> items = random_paragraph(random, 11);
    const auto tight = linebreak::break_lines(items, {110}, parameters);
    BOOST_TEST_REQUIRE(tight.has_value());
    parameters.looseness = 1;
    const auto loose = linebreak::break_lines(items, {110}, parameters);
    BOOST_TEST_REQUIRE(loose.has_value());
    BOOST_TEST(loose->lines.size() == tight->lines.size() + 1);
    const Best best = exhaustive(items, {110}, parameters, pass, tight->lines.size() + 1);
    BOOST_TEST_REQUIRE(best.demerits.has_value());
    BOOST_TEST(loose->demerits == *best.demerits, boost::test_tools::tolerance(1e-9));
}

BOOST_AUTO_TEST_CASE(a_last_line_shorter_than_the_minimum_costs_demerits) {
    // Six words of 20 and one of 5 in 70: two perfect lines of three leave
    // the short word alone; the rule prefers looser lines that keep it company.
    std::vector<Item> items;
    for (int w = 0; w < 7; ++w) {
        if (w > 0) items.push_back(Item::glue(5, 10, 2));
        items.push_back(Item::box(w < 6 ? 20 : 5));
    }
    items.push_back(Item::fill_glue());
    items.push_back(Item::forced_break());
    linebreak::Parameters parameters;
    parameters.pretolerance = -1;
    parameters.tolerance = 10000;
    parameters.short_last_line_demerits = 0;
    const auto without = linebreak::break_lines(items, {70}, parameters);
    BOOST_TEST_REQUIRE(without.has_value());
    BOOST_TEST(without->lines.back().natural < 0.15 * 70);
    parameters.short_last_line_demerits = 1e7;
    const auto with_rule = linebreak::break_lines(items, {70}, parameters);
    BOOST_TEST_REQUIRE(with_rule.has_value());
    BOOST_TEST(with_rule->lines.back().natural >= 0.15 * 70);  // the rule is what moved it
}

// ---- The Pango front end -------------------------------------------------------

namespace {

struct Fonts {
    DataRoot data = DataRoot::locate();
    FontSet fonts = FontSet::load(data);
};

const Fonts& fonts() {
    static const Fonts instance;
    return instance;
}

const std::string english_text =
    "The intercultural integration policy of a city describes how municipal institutions, businesses and civil "
    "society organisations recognise diversity as an advantage. Cities participating in the programme review "
    "their governance, their public services and their communication, and compare their achievements with "
    "the Index results of other participating cities, considering representation, anti-discrimination "
    "measures, mediation and international outlook. Intercultural competence of officials, neighbourhood "
    "policies, education, public space, Commerce and Business, language provision and Culture all contribute.";

GObjectPtr<PangoLayout> layout_for(const std::string& text, double size = 10.5, const char* language = "en") {
    GObjectPtr<PangoContext> context = fonts().fonts.create_context();
    pango_context_set_language(context.get(), pango_language_from_string(language));
    GObjectPtr<PangoLayout> layout(pango_layout_new(context.get()));
    FontDescriptionPtr font(pango_font_description_from_string(fonts().fonts.families(FontRole::body).c_str()));
    pango_font_description_set_absolute_size(font.get(), size * PANGO_SCALE);
    pango_layout_set_font_description(layout.get(), font.get());
    pango_layout_set_text(layout.get(), text.c_str(), static_cast<int>(text.size()));
    return layout;
}

double line_width_of(PangoLayout* layout, int index) {
    PangoRectangle logical;
    pango_layout_line_get_extents(pango_layout_get_line_readonly(layout, index), nullptr, &logical);
    return static_cast<double>(logical.width) / PANGO_SCALE;
}

std::string line_text(PangoLayout* layout, int index) {
    const PangoLayoutLine* line = pango_layout_get_line_readonly(layout, index);
    std::string text(pango_layout_get_text(layout) + line->start_index, static_cast<std::size_t>(line->length));
    if (text.size() >= 3 && text.compare(text.size() - 3, 3, "\u2028") == 0) text.resize(text.size() - 3);
    return text;
}

// The word a line's division began: its letters from the last space to the hyphen.
std::string divided_word(const std::string& line) {
    const std::size_t space = line.find_last_of(' ');
    return line.substr(space == std::string::npos ? 0 : space + 1);
}

}  // namespace

BOOST_AUTO_TEST_CASE(justified_lines_fill_the_measure_and_only_protrusion_passes_it) {
    auto english = Hyphenator::for_language("en");
    BOOST_TEST_REQUIRE(english.has_value());
    const LineBreakStyle style = default_line_break_style();
    for (double width : {160.0, 220.0, 300.0, 451.0}) {
        GObjectPtr<PangoLayout> layout = layout_for(english->hyphenate(english_text));
        const SetParagraph set = set_paragraph(layout.get(), width, true, true, style);
        BOOST_TEST_REQUIRE((set.fallback == Fallback::none), describe(set.fallback));
        BOOST_TEST(pango_layout_get_line_count(layout.get()) == static_cast<int>(set.lines.size()));
        int run = 0;
        for (std::size_t l = 0; l < set.lines.size(); ++l) {
            const double actual = line_width_of(layout.get(), static_cast<int>(l));
            const SetLine& line = set.lines[l];
            BOOST_TEST(line.protrusion <= 0.5 * 4.0);  // at most half a hyphen or a stop
            BOOST_TEST(actual <= width + line.protrusion + 0.02, "width " << width << " line " << l);
            if (line.justified) BOOST_TEST(std::abs(actual - line.target) < 0.02, "line " << l << ": " << actual);
            run = line.hyphenated ? run + 1 : 0;
            BOOST_TEST(run <= 2);
            const std::string text = line_text(layout.get(), static_cast<int>(l));
            if (line.divided_word) {
                BOOST_TEST(text.size() >= 3);
                BOOST_TEST(text.compare(text.size() - 3, 3, "\u2010") == 0);
                BOOST_TEST(line.inserted_hyphen == line.end - 3);
                const std::string word = divided_word(text);
                BOOST_TEST(!g_unichar_isupper(g_utf8_get_char(word.c_str())), word);
            }
        }
        BOOST_TEST(!set.lines.back().justified);  // the last line keeps its natural spaces
        // No soft hyphen is left: one inside a ligature would be extracted with it.
        BOOST_TEST(std::string(pango_layout_get_text(layout.get())).find("\u00AD") == std::string::npos);
    }
}

BOOST_AUTO_TEST_CASE(justified_spaces_of_several_bytes_keep_pango_items_whole) {
    // An em space (U+2003, three bytes) is a word space justification stretches, as between a question's
    // id and its wording in the printed questionnaire. The spacing it gets must cover the whole character:
    // ending inside it split Pango's items mid-character, and cairo refused the line as invalid UTF-8.
    std::string text;
    for (int i = 0; i < 12; ++i)
        text += std::string(i ? " " : "") + "city.languages\u2003Languages in which the city reads its reports";
    GObjectPtr<PangoLayout> layout = layout_for(text);
    const SetParagraph set = set_paragraph(layout.get(), 220, true, false, default_line_break_style());
    BOOST_TEST_REQUIRE((set.fallback == Fallback::none), describe(set.fallback));
    BOOST_TEST_REQUIRE(set.lines.size() > 3u);
    const std::string now = pango_layout_get_text(layout.get());
    const auto character_start = [&](int byte) {
        return byte >= static_cast<int>(now.size()) || (static_cast<unsigned char>(now[static_cast<std::size_t>(byte)]) & 0xC0) != 0x80;
    };
    int items = 0;
    for (int l = 0; l < pango_layout_get_line_count(layout.get()); ++l) {
        const PangoLayoutLine* line = pango_layout_get_line_readonly(layout.get(), l);
        int expected = line->start_index;
        for (GSList* run = line->runs; run; run = run->next) {
            const PangoItem* item = static_cast<PangoGlyphItem*>(run->data)->item;
            BOOST_TEST(item->offset == expected, "line " << l);
            BOOST_TEST(character_start(item->offset), "line " << l);
            BOOST_TEST(character_start(item->offset + item->length), "line " << l);
            expected = item->offset + item->length;
            ++items;
        }
    }
    BOOST_TEST(items > 10);
}

BOOST_AUTO_TEST_CASE(short_and_capitalised_words_are_never_divided) {
    auto english = Hyphenator::for_language("en");
    BOOST_TEST_REQUIRE(english.has_value());
    // Capitalised words and six-letter words only, in a measure that would
    // love to divide them.
    const std::string text = english->hyphenate(
        "Intercultural Integration Programme Municipality Representation Commerce Business Culture Council "
        "Europe Diversity Strasbourg Participation Mediation Neighbourhood Education Languages Outlook "
        "Integration Programme Municipality Representation Council Europe Diversity Index");
    GObjectPtr<PangoLayout> layout = layout_for(text);
    const SetParagraph set = set_paragraph(layout.get(), 120, true, true, default_line_break_style());
    BOOST_TEST_REQUIRE((set.fallback == Fallback::none), describe(set.fallback));
    for (const SetLine& line : set.lines) BOOST_TEST(!line.divided_word);

    // The same words in lower case are divided where the patterns allow,
    // but a word of five letters ("index") never is.
    GObjectPtr<PangoLayout> lower = layout_for(english->hyphenate(
        "intercultural integration programme municipality representation participation neighbourhood "
        "index index index index index index index index index index index index index index"));
    const SetParagraph lower_set = set_paragraph(lower.get(), 120, true, true, default_line_break_style());
    BOOST_TEST_REQUIRE((lower_set.fallback == Fallback::none));
    int divided = 0;
    for (std::size_t l = 0; l < lower_set.lines.size(); ++l) {
        if (!lower_set.lines[l].divided_word) continue;
        ++divided;
        const std::string word = divided_word(line_text(lower.get(), static_cast<int>(l)));
        BOOST_TEST(word.rfind("in\u2010", 0) != 0u, word);  // "in-dex"
    }
    BOOST_TEST(divided > 0);
}

BOOST_AUTO_TEST_CASE(ragged_lines_keep_natural_spaces_and_stay_inside_the_measure) {
    GObjectPtr<PangoLayout> layout = layout_for(english_text, 12.5);
    const SetParagraph set = set_paragraph(layout.get(), 300, false, false, default_line_break_style());
    BOOST_TEST_REQUIRE((set.fallback == Fallback::none));
    BOOST_TEST(set.lines.size() > 3u);
    for (std::size_t l = 0; l < set.lines.size(); ++l) {
        BOOST_TEST(!set.lines[l].justified);
        BOOST_TEST(!set.lines[l].divided_word);  // not asked to hyphenate
        const double actual = line_width_of(layout.get(), static_cast<int>(l));
        BOOST_TEST(actual <= 300 + set.lines[l].protrusion + 0.02);
        BOOST_TEST(std::abs(actual - set.lines[l].natural) < 0.3, "line " << l);  // spaces at their width
    }
}

BOOST_AUTO_TEST_CASE(byte_offsets_are_remapped_across_the_breaks) {
    auto english = Hyphenator::for_language("en");
    BOOST_TEST_REQUIRE(english.has_value());
    const std::string original = english->hyphenate(english_text);
    GObjectPtr<PangoLayout> layout = layout_for(original);
    const SetParagraph set = set_paragraph(layout.get(), 200, true, true, default_line_break_style());
    BOOST_TEST_REQUIRE((set.fallback == Fallback::none));
    BOOST_TEST(!set.edits.empty());
    const std::string now = pango_layout_get_text(layout.get());
    // Every word of the old text (that was not divided) is found at its remapped offset.
    int checked = 0;
    for (std::size_t start = 0; start < original.size();) {
        std::size_t end = original.find(' ', start);
        if (end == std::string::npos) end = original.size();
        const std::string word = original.substr(start, end - start);
        if (word.find("\u00AD") == std::string::npos) {
            BOOST_TEST(now.compare(static_cast<std::size_t>(set.remap(static_cast<int>(start))), word.size(), word) == 0,
                       word);
            ++checked;
        }
        start = end + 1;
    }
    BOOST_TEST(checked > 20);
}

BOOST_AUTO_TEST_CASE(right_to_left_and_cjk_paragraphs_are_left_to_pango) {
    const LineBreakStyle style = default_line_break_style();
    const std::string hebrew = "מדיניות השילוב הבין-תרבותי של העיר מתארת כיצד מוסדות עירוניים מכירים בגיוון כיתרון";
    const std::string arabic_in_english = "The city of الرباط takes part in the programme.";
    const std::string japanese = "インターカルチュラル・シティ・プログラムは、多様性を都市の強みとして活かす政策を支援します。";
    const std::string thai = "นโยบายการบูรณาการระหว่างวัฒนธรรมของเมือง";
    for (const auto& [text, expected] :
         {std::pair{hebrew, Fallback::right_to_left}, std::pair{arabic_in_english, Fallback::right_to_left},
          std::pair{japanese, Fallback::no_word_spaces}, std::pair{thai, Fallback::no_word_spaces}}) {
        GObjectPtr<PangoLayout> layout = layout_for(text);
        pango_layout_set_width(layout.get(), 150 * PANGO_SCALE);
        pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD_CHAR);
        const SetParagraph set = set_paragraph(layout.get(), 150, true, true, style);
        BOOST_TEST((set.fallback == expected), text);
        BOOST_TEST(set.lines.empty());
        // Untouched: Pango wraps it, within the measure.
        BOOST_TEST(std::string(pango_layout_get_text(layout.get())) == text);
        BOOST_TEST(pango_layout_get_width(layout.get()) == 150 * PANGO_SCALE);
        for (int l = 0; l < pango_layout_get_line_count(layout.get()); ++l)
            BOOST_TEST(line_width_of(layout.get(), l) <= 150.5);
    }
    // A right-to-left base direction falls back even for Latin text.
    GObjectPtr<PangoLayout> layout = layout_for("Latin words in a right-to-left document");
    pango_context_set_base_dir(pango_layout_get_context(layout.get()), PANGO_DIRECTION_RTL);
    BOOST_TEST((set_paragraph(layout.get(), 150, true, true, style).fallback == Fallback::right_to_left));
}

BOOST_AUTO_TEST_CASE(a_word_wider_than_the_measure_is_left_to_pango) {
    const std::string text = "See https://www.coe.int/en/web/interculturalcities/the-intercultural-city-step-by-step now";
    GObjectPtr<PangoLayout> layout = layout_for(text);
    const SetParagraph set = set_paragraph(layout.get(), 60, true, true, default_line_break_style());
    BOOST_TEST((set.fallback == Fallback::infeasible));
    BOOST_TEST(std::string(pango_layout_get_text(layout.get())) == text);
}
