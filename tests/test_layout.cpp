// Typesetting rules asserted on the layout result: where every box landed,
// which blocks are on which page, what the table of contents prints.
#include <boost/test/unit_test.hpp>

#include <pango/pangocairo.h>

#include <map>
#include <set>

#include "compose/furniture.h"
#include "compose/specimen.h"
#include "layout/paginate.h"
#include "support/data_root.h"
#include "support/bidi.h"
#include "support/fonts.h"
#include "support/locale.h"

using namespace icc;

namespace {

struct Engine {
    DataRoot data = DataRoot::locate();
    FontSet fonts = FontSet::load(data);
    Catalog english = Catalog::load(data, "en");
};

const Engine& engine() {
    static const Engine instance;
    return instance;
}

bool inside(const Rect& box, const Rect& area) {
    constexpr double tolerance = 0.5;
    return box.x >= area.x - tolerance && box.y >= area.y - tolerance && box.right() <= area.right() + tolerance &&
           box.bottom() <= area.bottom() + tolerance;
}

int line_count(const TextBox& text) { return pango_layout_get_line_count(text.layout.get()); }

// Every rule that holds for any document, checked page by page.
void check_page_invariants(const Document& document, const LaidOutDocument& laid_out) {
    const Rect area = laid_out.geometry.content();
    for (std::size_t p = 0; p < laid_out.pages.size(); ++p) {
        const LaidOutPage& page = laid_out.pages[p];
        BOOST_TEST_CONTEXT("page " << p + 1) {
            if (page.cover) continue;
            for (const TextBox& text : page.texts)
                if (!text.furniture) BOOST_TEST(inside(text.box, area));
            for (const FillBox& fill : page.fills)
                if (!fill.furniture) BOOST_TEST(inside(fill.box, area));
            // Charts may be wider than the text: within the figure area.
            for (const FigureBox& figure : page.figures) BOOST_TEST(inside(figure.box, laid_out.geometry.figure_area()));
            for (const LinkBox& link : page.links) BOOST_TEST(inside(link.box, area));
            BOOST_TEST_REQUIRE(!page.blocks.empty());
            // A heading is never the last thing on a page (unless the document ends with it).
            const BlockPlacement& last = page.blocks.back();
            if (last.block + 1 < document.blocks.size()) BOOST_TEST((last.kind != BlockKind::heading));
        }
    }
}

// Pages on which each block has content.
std::map<std::size_t, std::vector<std::size_t>> pages_of_blocks(const LaidOutDocument& laid_out) {
    std::map<std::size_t, std::vector<std::size_t>> pages;
    for (std::size_t p = 0; p < laid_out.pages.size(); ++p)
        for (const BlockPlacement& placement : laid_out.pages[p].blocks) {
            auto& list = pages[placement.block];
            if (list.empty() || list.back() != p) list.push_back(p);
        }
    return pages;
}

Document paragraphs_document(int count, const std::string& text) {
    Document document;
    set_locale_furniture(document.info, engine().english);
    document.info.running_header = "Test";
    for (int i = 0; i < count; ++i) document.blocks.emplace_back(ParagraphBlock{plain_text(text)});
    return document;
}

const std::string sentence =
    "Intercultural cities treat diversity as an advantage and reshape their policies so that residents of every "
    "background enjoy the same rights and meet one another in schools, workplaces and public spaces. ";

}  // namespace

BOOST_AUTO_TEST_CASE(specimen_keeps_every_typesetting_rule) {
    const Document document = compose_specimen(engine().english, 8);
    const LaidOutDocument laid_out = paginate(document, engine().fonts);
    BOOST_TEST(laid_out.pages.size() >= 20u);
    check_page_invariants(document, laid_out);

    // Figures and call-outs are never split.
    const auto pages = pages_of_blocks(laid_out);
    for (std::size_t i = 0; i < document.blocks.size(); ++i) {
        if (std::holds_alternative<FigureBlock>(document.blocks[i]) ||
            std::holds_alternative<CalloutBlock>(document.blocks[i])) {
            BOOST_TEST_REQUIRE(pages.count(i) == 1u);
            BOOST_TEST(pages.at(i).size() == 1u, "block " << i);
        }
    }
    // A table over pages leaves at least two rows on each.
    for (const LaidOutPage& page : laid_out.pages)
        for (const BlockPlacement& placement : page.blocks)
            if (placement.kind == BlockKind::table) {
                const auto& table = std::get<TableBlock>(document.blocks[placement.block]);
                if (table.rows.size() >= 4) BOOST_TEST(placement.table_body_rows >= 2, "block " << placement.block);
            }
    // Widows and orphans: a paragraph split over pages leaves two lines or more on each.
    for (const LaidOutPage& page : laid_out.pages)
        for (const TextBox& text : page.texts) {
            if (text.furniture) continue;
            const int lines = line_count(text);
            if (text.first_line > 0 || text.end_line < lines) BOOST_TEST(text.end_line - text.first_line >= 2);
        }
}

BOOST_AUTO_TEST_CASE(contents_print_the_pages_where_the_headings_landed) {
    const Document document = compose_specimen(engine().english, 8);
    const LaidOutDocument laid_out = paginate(document, engine().fonts);
    std::size_t listed = 0;
    for (const HeadingPlacement& heading : laid_out.headings)
        if (heading.in_toc && heading.level <= 2) ++listed;
    BOOST_TEST(laid_out.contents.size() == listed);
    BOOST_TEST(listed > 20u);
    for (const ContentsEntry& entry : laid_out.contents) {
        const auto heading = std::find_if(laid_out.headings.begin(), laid_out.headings.end(),
                                          [&](const HeadingPlacement& h) { return h.anchor == entry.anchor; });
        BOOST_TEST_REQUIRE((heading != laid_out.headings.end()));
        BOOST_TEST(entry.printed_number == std::to_string(heading->page + 1), entry.anchor);
        // The heading's destination is on that very page, and the entry links to it.
        const auto& destinations = laid_out.pages[heading->page].destinations;
        BOOST_TEST(std::any_of(destinations.begin(), destinations.end(),
                               [&](const Destination& d) { return d.name == entry.anchor; }));
        const auto& links = laid_out.pages[entry.page].links;
        BOOST_TEST(std::any_of(links.begin(), links.end(),
                               [&](const LinkBox& l) { return l.destination == entry.anchor; }));
    }
    // The headings are numbered by level.
    BOOST_TEST(laid_out.headings[0].number == "1");
    BOOST_TEST(laid_out.headings[1].number == "1.1");
    BOOST_TEST(laid_out.headings[2].number == "2");
}

BOOST_AUTO_TEST_CASE(a_table_over_more_than_three_pages_repeats_its_header) {
    const Document document = compose_specimen(engine().english, 8);
    const LaidOutDocument laid_out = paginate(document, engine().fonts);
    const std::size_t annex = document.blocks.size() - 1;
    BOOST_TEST_REQUIRE(std::holds_alternative<TableBlock>(document.blocks[annex]));
    const auto& table = std::get<TableBlock>(document.blocks[annex]);
    int pages = 0, rows = 0;
    for (const LaidOutPage& page : laid_out.pages)
        for (const BlockPlacement& placement : page.blocks)
            if (placement.block == annex) {
                ++pages;
                rows += placement.table_body_rows;
                BOOST_TEST(placement.table_header_rows == 1);
                BOOST_TEST(placement.table_body_rows >= 1);
            }
    BOOST_TEST(pages > 3);
    // No row was split: every row appears exactly once.
    BOOST_TEST(rows == static_cast<int>(table.rows.size()));
}

BOOST_AUTO_TEST_CASE(a_row_taller_than_a_page_is_split_and_the_header_repeated) {
    Document document = paragraphs_document(1, sentence);
    std::string long_text;
    for (int i = 0; i < 120; ++i) long_text += sentence;
    TableBlock table;
    table.columns = {{1}, {4}};
    table.header = {plain_text("Question"), plain_text("Comment")};
    table.rows.push_back({{plain_text("short"), plain_text("a short row")}});
    table.rows.push_back({{plain_text("long"), plain_text(long_text)}});
    table.rows.push_back({{plain_text("after"), plain_text("the row after")}});
    document.blocks.emplace_back(std::move(table));
    const LaidOutDocument laid_out = paginate(document, engine().fonts);
    check_page_invariants(document, laid_out);
    int pages = 0;
    for (const LaidOutPage& page : laid_out.pages)
        for (const BlockPlacement& placement : page.blocks)
            if (placement.block == 1) {
                ++pages;
                BOOST_TEST(placement.table_header_rows == 1);
            }
    BOOST_TEST(pages >= 2);
    // All the comment's lines are drawn once, in order.
    int drawn = 0, total = 0;
    for (const LaidOutPage& page : laid_out.pages)
        for (const TextBox& text : page.texts)
            if (std::string(pango_layout_get_text(text.layout.get())).size() > 10000) {
                BOOST_TEST(text.first_line == drawn);
                drawn = text.end_line;
                total = line_count(text);
            }
    BOOST_TEST(total > 60);
    BOOST_TEST(drawn == total);
}

BOOST_AUTO_TEST_CASE(paragraphs_leave_no_widow_nor_orphan) {
    // Paragraphs of many lengths so that every split position occurs somewhere.
    Document document;
    set_locale_furniture(document.info, engine().english);
    for (int length = 1; length <= 9; ++length)
        for (int repeat = 0; repeat < 4; ++repeat) {
            std::string text;
            for (int i = 0; i < length; ++i) text += sentence;
            document.blocks.emplace_back(ParagraphBlock{plain_text(text)});
        }
    const LaidOutDocument laid_out = paginate(document, engine().fonts);
    BOOST_TEST(laid_out.pages.size() >= 5u);
    check_page_invariants(document, laid_out);
    int splits = 0;
    for (const LaidOutPage& page : laid_out.pages)
        for (const TextBox& text : page.texts) {
            if (text.furniture) continue;
            if (text.first_line > 0 || text.end_line < line_count(text)) {
                ++splits;
                BOOST_TEST(text.end_line - text.first_line >= 2);
            }
        }
    BOOST_TEST(splits >= 2);
    // Every page but the last is filled to within a few lines of its foot.
    const Rect area = laid_out.geometry.content();
    for (std::size_t p = 0; p + 1 < laid_out.pages.size(); ++p) {
        double lowest = 0;
        for (const TextBox& text : laid_out.pages[p].texts)
            if (!text.furniture) lowest = std::max(lowest, text.box.bottom());
        BOOST_TEST(area.bottom() - lowest < 4 * 15.0, "page " << p + 1);
    }
}

BOOST_AUTO_TEST_CASE(headings_stay_with_what_follows) {
    // Fill a page to just above its foot, then a heading: it must move on.
    Document document;
    set_locale_furniture(document.info, engine().english);
    for (int fill = 0; fill < 12; ++fill) {
        document.blocks.emplace_back(ParagraphBlock{plain_text(sentence + sentence)});
        document.blocks.emplace_back(HeadingBlock{1, "A chapter"});
        document.blocks.emplace_back(HeadingBlock{2, "A section"});
        document.blocks.emplace_back(ParagraphBlock{plain_text(sentence + sentence + sentence)});
    }
    const LaidOutDocument laid_out = paginate(document, engine().fonts);
    check_page_invariants(document, laid_out);
    // A heading and the first lines of its paragraph share a page.
    for (const HeadingPlacement& heading : laid_out.headings) {
        const std::size_t next = heading.block + 1;
        bool next_on_same_page = false;
        for (const BlockPlacement& placement : laid_out.pages[heading.page].blocks)
            next_on_same_page = next_on_same_page || placement.block == next;
        BOOST_TEST(next_on_same_page, "heading block " << heading.block);
    }
}

BOOST_AUTO_TEST_CASE(a_text_is_shaped_once_and_its_layout_shared_by_every_box_that_shows_it) {
    // The same paragraph twenty times, the running header on every page: one layout each.
    const Document document = paragraphs_document(20, sentence + sentence);
    const LaidOutDocument laid_out = paginate(document, engine().fonts);
    BOOST_TEST_REQUIRE(laid_out.pages.size() > 2);
    std::set<PangoLayout*> paragraphs, running_heads;
    std::size_t paragraph_boxes = 0, running_head_boxes = 0;
    for (const LaidOutPage& page : laid_out.pages)
        for (const TextBox& text : page.texts) {
            if (text.tag.role == Role::paragraph) {
                paragraphs.insert(text.layout.get());
                ++paragraph_boxes;
            }
            if (text.tag.role == Role::running_head) {
                running_heads.insert(text.layout.get());
                ++running_head_boxes;
            }
        }
    BOOST_TEST(paragraph_boxes >= 20u);
    BOOST_TEST(paragraphs.size() == 1u);
    BOOST_TEST(running_head_boxes >= laid_out.pages.size() - 1);
    BOOST_TEST(running_heads.size() == 1u);
}

BOOST_AUTO_TEST_CASE(texts_shaped_for_an_earlier_document_are_reused_in_the_same_setting_only) {
    const std::string other = "Residents of every background meet one another in public spaces. ";
    Document before;
    set_locale_furniture(before.info, engine().english);
    before.info.running_header = "Test";
    for (int i = 0; i < 12; ++i)
        before.blocks.emplace_back(ParagraphBlock{plain_text(std::to_string(i) + " " + sentence + sentence)});
    Document after = before;  // one word changed, as a translator's save in watch
    std::get<ParagraphBlock>(after.blocks[3]).text = plain_text("3 " + other + sentence);

    const HyphenationDictionaries hyphenation(engine().fonts.hyphenation_folder());
    ShapedTexts shaped(engine().fonts);
    const LaidOutDocument first = paginate(before, engine().fonts, hyphenation, &shaped);
    BOOST_TEST(shaped.size() > 12u);
    const LaidOutDocument second = paginate(after, engine().fonts, hyphenation, &shaped);
    const LaidOutDocument alone = paginate(after, engine().fonts, hyphenation);

    auto layouts_by_block = [](const LaidOutDocument& laid_out) {
        std::map<std::size_t, PangoLayout*> layouts;
        for (const LaidOutPage& page : laid_out.pages)
            for (const TextBox& text : page.texts)
                if (text.tag.role == Role::paragraph) layouts[text.tag.block] = text.layout.get();
        return layouts;
    };
    const auto earlier = layouts_by_block(first), now = layouts_by_block(second);
    BOOST_TEST_REQUIRE(now.size() == 12u);
    for (const auto& [block, layout] : now)
        BOOST_TEST((layout == earlier.at(block)) == (block != 3), "block " << block);
    // The same pages as laid out afresh.
    BOOST_TEST_REQUIRE(second.pages.size() == alone.pages.size());
    for (std::size_t p = 0; p < alone.pages.size(); ++p) {
        BOOST_TEST_REQUIRE(second.pages[p].texts.size() == alone.pages[p].texts.size());
        for (std::size_t t = 0; t < alone.pages[p].texts.size(); ++t) {
            const TextBox &reused = second.pages[p].texts[t], &fresh = alone.pages[p].texts[t];
            BOOST_TEST(reused.box.y == fresh.box.y);
            BOOST_TEST(reused.box.height == fresh.box.height);
            BOOST_TEST(std::string(pango_layout_get_text(reused.layout.get())) ==
                       std::string(pango_layout_get_text(fresh.layout.get())));
        }
    }

    // Another setting (a document set right to left) shares nothing.
    Document mirrored = after;
    mirrored.info.right_to_left = true;
    const auto other_setting = layouts_by_block(paginate(mirrored, engine().fonts, hyphenation, &shaped));
    for (const auto& [block, layout] : other_setting) BOOST_TEST((layout != now.at(block)), "block " << block);
}

BOOST_AUTO_TEST_CASE(text_is_data_never_markup) {
    const std::string comment = "Casa <b>do</b> Acolhimento & partners </span> and a lone < sign";
    Document document = paragraphs_document(1, comment);
    document.blocks.emplace_back(HeadingBlock{1, comment});
    TableBlock table;
    table.columns = {{1}};
    table.header = {plain_text(comment)};
    table.rows.push_back({{plain_text(comment)}});
    document.blocks.emplace_back(std::move(table));
    const LaidOutDocument laid_out = paginate(document, engine().fonts);
    int found = 0;
    for (const LaidOutPage& page : laid_out.pages)
        for (const TextBox& text : page.texts) {
            std::string shown = pango_layout_get_text(text.layout.get());
            // Soft hyphens are invisible break points: remove them to compare.
            for (auto at = shown.find("\u00AD"); at != std::string::npos; at = shown.find("\u00AD")) shown.erase(at, 2);
            if (shown.find(comment) != std::string::npos) ++found;
        }
    BOOST_TEST(found == 4);
}

BOOST_AUTO_TEST_CASE(every_script_is_set_from_a_real_font) {
    const Document document = compose_multilingual_specimen(engine().data, engine().english);
    const LaidOutDocument laid_out = paginate(document, engine().fonts);
    check_page_invariants(document, laid_out);
    std::set<std::string> families;
    int glyphs = 0, missing = 0;
    for (const LaidOutPage& page : laid_out.pages)
        for (const TextBox& text : page.texts) {
            PangoLayoutIter* iter = pango_layout_get_iter(text.layout.get());
            do {
                PangoLayoutRun* run = pango_layout_iter_get_run_readonly(iter);
                if (!run) continue;
                for (int g = 0; g < run->glyphs->num_glyphs; ++g) {
                    ++glyphs;
                    if (run->glyphs->glyphs[g].glyph & PANGO_GLYPH_UNKNOWN_FLAG) ++missing;
                }
                FontDescriptionPtr used(pango_font_describe(run->item->analysis.font));
                families.insert(pango_font_description_get_family(used.get()));
            } while (pango_layout_iter_next_run(iter));
            pango_layout_iter_free(iter);
        }
    BOOST_TEST(glyphs > 1500);
    BOOST_TEST(missing == 0);
    for (const char* family : {"Noto Serif", "Noto Sans", "Noto Naskh Arabic", "Noto Sans CJK JP"})
        BOOST_TEST(families.count(family) == 1u, family);
}

BOOST_AUTO_TEST_CASE(an_arabic_document_mirrors_its_page_furniture) {
    const Document document = compose_arabic_specimen(engine().data);
    const LaidOutDocument laid_out = paginate(document, engine().fonts);
    check_page_invariants(document, laid_out);
    const Rect area = laid_out.geometry.content();
    bool checked_table = false, checked_list = false;
    for (const LaidOutPage& page : laid_out.pages) {
        if (page.cover) continue;
        for (const TextBox& text : page.texts) {
            if (!text.furniture) continue;
            PangoRectangle ink, logical;
            pango_layout_get_extents(text.layout.get(), &ink, &logical);
            const std::string shown = pango_layout_get_text(text.layout.get());
            // The folio ("page X of Y") sits at the left, the end of an Arabic line.
            if (shown.find("صفحة") != std::string::npos) BOOST_TEST(text.box.x + logical.x / PANGO_SCALE < area.x + 1);
            // The running header starts at the right.
            if (shown == document.info.running_header)
                BOOST_TEST(text.box.x + (logical.x + logical.width) / static_cast<double>(PANGO_SCALE) >
                           area.right() - 1);
        }
        for (const BlockPlacement& placement : page.blocks) {
            const Block& block = document.blocks[placement.block];
            if (const auto* table = std::get_if<TableBlock>(&block)) {
                // The first column (the area's name) is the rightmost.
                const std::string first = table->rows[1].cells[0][0].text;
                const std::string last = table->rows[1].cells[2][0].text;
                double first_x = -1, last_x = -1;
                for (const TextBox& text : page.texts) {
                    const std::string shown = pango_layout_get_text(text.layout.get());
                    if (shown == first) first_x = text.box.x;
                    if (shown == last) last_x = text.box.x;
                }
                BOOST_TEST(first_x > last_x);
                BOOST_TEST(last_x >= 0);
                checked_table = true;
            }
            if (const auto* list = std::get_if<ListBlock>(&block); list && list->numbered) {
                double marker_x = -1, item_x = -1;
                for (const TextBox& text : page.texts) {
                    const std::string shown = pango_layout_get_text(text.layout.get());
                    // "١." in Arabic digits: the list's first marker.
                    if (shown == "\u0661.") marker_x = text.box.x;
                    if (item_x < 0 && shown.find(list->items[0][0].text.substr(0, 10)) == 0) item_x = text.box.x;
                }
                BOOST_TEST(marker_x > item_x);
                BOOST_TEST(item_x >= 0);
                checked_list = true;
            }
        }
    }
    BOOST_TEST(checked_table);
    BOOST_TEST(checked_list);
}

BOOST_AUTO_TEST_CASE(page_labels_follow_the_printed_numbers) {
    const Document document = compose_specimen(engine().english, 2);
    const LaidOutDocument laid_out = paginate(document, engine().fonts);
    BOOST_TEST(laid_out.pages[0].cover);
    BOOST_TEST(laid_out.pages[0].label == "Cover");
    for (std::size_t p = 1; p < laid_out.pages.size(); ++p) BOOST_TEST(laid_out.pages[p].label == std::to_string(p + 1));
}

BOOST_AUTO_TEST_CASE(a_callout_is_kept_whole_unless_taller_than_a_page) {
    Document document = paragraphs_document(3, sentence + sentence + sentence);
    CalloutBlock small{"Inspiring practice", {}};
    for (int i = 0; i < 6; ++i) small.blocks.emplace_back(ParagraphBlock{plain_text(sentence + sentence)});
    CalloutBlock huge{"A very long practice", {}};
    for (int i = 0; i < 40; ++i) huge.blocks.emplace_back(ParagraphBlock{plain_text(sentence + sentence)});
    for (int i = 0; i < 3; ++i) {
        document.blocks.emplace_back(small);
        document.blocks.emplace_back(ParagraphBlock{plain_text(sentence + sentence + sentence + sentence)});
    }
    document.blocks.emplace_back(huge);
    const LaidOutDocument laid_out = paginate(document, engine().fonts);
    check_page_invariants(document, laid_out);
    const auto pages = pages_of_blocks(laid_out);
    for (std::size_t block : {3u, 5u, 7u}) BOOST_TEST(pages.at(block).size() == 1u, "block " << block);
    const std::size_t last = document.blocks.size() - 1;
    BOOST_TEST(pages.at(last).size() >= 2u);
    // The long one has its tint and rule on every page it runs over.
    for (std::size_t page : pages.at(last)) {
        int tints = 0;
        for (const BlockPlacement& placement : laid_out.pages[page].blocks)
            if (placement.block == last) ++tints;
        BOOST_TEST(tints == 1);
        BOOST_TEST(laid_out.pages[page].fills.size() >= 2u);
    }
}

BOOST_AUTO_TEST_CASE(figures_are_numbered_and_drawn_at_their_size) {
    Document document = paragraphs_document(1, sentence);
    document.info.figure_label = "Figure {number}";
    for (int i = 0; i < 3; ++i)
        document.blocks.emplace_back(FigureBlock{{charts::SpecimenLineChart{{10.0 * i, 50}}}, 300, i == 1 ? 0.5 : 1.0,
                                                 "Caption " + std::to_string(i + 1), "alt"});
    const LaidOutDocument laid_out = paginate(document, engine().fonts);
    check_page_invariants(document, laid_out);
    std::vector<std::string> captions;
    std::vector<Rect> boxes;
    for (const LaidOutPage& page : laid_out.pages) {
        for (const FigureBox& figure : page.figures) boxes.push_back(figure.box);
        for (const TextBox& text : page.texts) {
            const std::string shown = pango_layout_get_text(text.layout.get());
            if (shown.rfind("Figure ", 0) == 0) captions.push_back(shown);
        }
    }
    BOOST_TEST_REQUIRE(captions.size() == 3u);
    BOOST_TEST(captions[0] == "Figure 1\u2002Caption 1");
    BOOST_TEST(captions[2] == "Figure 3\u2002Caption 3");
    BOOST_TEST_REQUIRE(boxes.size() == 3u);
    // Charts may be wider than the text: the figure area, centred on it.
    const Rect area = laid_out.geometry.figure_area();
    BOOST_TEST(boxes[0].width == area.width);
    BOOST_TEST(boxes[0].height == 300.0);
    BOOST_TEST(boxes[1].width == area.width / 2);
    BOOST_TEST(boxes[1].x == area.x + area.width / 4);  // centred
    // The box carries the chart's specification, for the output to draw.
    const auto* line = std::get_if<charts::SpecimenLineChart>(&laid_out.pages[0].figures.at(0).chart.data);
    BOOST_REQUIRE(line);
    BOOST_TEST(line->values.at(1) == 50.0);
}

BOOST_AUTO_TEST_CASE(an_internal_link_to_an_unknown_anchor_is_an_error) {
    Document document = paragraphs_document(0, "");
    document.blocks.emplace_back(HeadingBlock{1, "Results", "results"});
    document.blocks.emplace_back(ParagraphBlock{{TextRun::internal_link("see the results", "results")}});
    BOOST_CHECK_NO_THROW(paginate(document, engine().fonts));
    document.blocks.emplace_back(ParagraphBlock{{TextRun::internal_link("see the annex", "annexe")}});
    BOOST_CHECK_EXCEPTION(paginate(document, engine().fonts), InternalError, [](const InternalError& error) {
        return std::string(error.what()).find("'annexe'") != std::string::npos;
    });
}

BOOST_AUTO_TEST_CASE(list_markers_sit_in_their_own_column) {
    Document document = paragraphs_document(0, "");
    ListBlock list{true, {}};
    for (int i = 0; i < 12; ++i) list.items.push_back(plain_text("Item " + std::to_string(i + 1) + ": " + sentence));
    document.blocks.emplace_back(list);
    const LaidOutDocument laid_out = paginate(document, engine().fonts);
    check_page_invariants(document, laid_out);
    double text_x = -1, widest_marker_right = 0, marker_right_edge = -1;
    int markers = 0;
    for (const TextBox& text : laid_out.pages[0].texts) {
        if (text.furniture) continue;
        const std::string shown = pango_layout_get_text(text.layout.get());
        if (shown.rfind("Item ", 0) == 0) {
            if (text_x < 0) text_x = text.box.x;
            BOOST_TEST(text.box.x == text_x);  // every item starts at the same indent
        } else {
            ++markers;
            BOOST_TEST(line_count(text) == 1, shown);  // "10." never wraps
            // Numbers are aligned on their right edge.
            if (marker_right_edge < 0) marker_right_edge = text.box.right();
            BOOST_TEST(std::abs(text.box.right() - marker_right_edge) < 0.01);
            widest_marker_right = std::max(widest_marker_right, text.box.right());
        }
    }
    BOOST_TEST(markers == 12);
    BOOST_TEST(widest_marker_right < text_x);
}

namespace {

// Where the character at `text`'s first occurrence of `part` is drawn, from the layout's left.
double x_of(PangoLayout* layout, const std::string& part) {
    const std::string text = pango_layout_get_text(layout);
    const auto at = text.find(part);
    BOOST_TEST_REQUIRE(at != std::string::npos, "'" << part << "' in '" << text << "'");
    PangoRectangle position;
    pango_layout_index_to_pos(layout, static_cast<int>(at), &position);
    return std::min(position.x, position.x + position.width) / static_cast<double>(PANGO_SCALE);
}

const TextBox& box_showing(const LaidOutDocument& laid_out, const std::string& part) {
    for (const LaidOutPage& page : laid_out.pages)
        for (const TextBox& text : page.texts)
            if (std::string(pango_layout_get_text(text.layout.get())).find(part) != std::string::npos) return text;
    BOOST_FAIL("no text box shows '" << part << "'");
    throw std::logic_error("unreachable");
}

}  // namespace

// A paragraph's direction is its language's, not its first letter's: an
// English heading and paragraph that start with an Arabic city's name read
// left to right, the name first; an Arabic one that starts with a Latin name
// reads right to left, the name at the right.
BOOST_AUTO_TEST_CASE(a_paragraph_takes_its_direction_from_its_language_not_its_first_letter) {
    const std::string arabic_name = "باب نوارة";
    Document english;
    set_locale_furniture(english.info, engine().english);
    english.info.running_header = "Test";
    const MessageArgs arabic_city{{"city", arabic_name}};
    english.blocks.emplace_back(HeadingBlock{1, engine().english.format("report.figures.heading", arabic_city)});
    english.blocks.emplace_back(
        ParagraphBlock{plain_text(engine().english.format("report.area.no_answers", arabic_city))});
    const LaidOutDocument english_laid_out = paginate(english, engine().fonts);
    for (const std::string& after : {std::string("in figures"), std::string("gave no answer")}) {
        const TextBox& text = box_showing(english_laid_out, after);
        PangoLayoutLine* first = pango_layout_get_line_readonly(text.layout.get(), 0);
        BOOST_TEST((pango_layout_line_get_resolved_direction(first) == PANGO_DIRECTION_LTR));
        BOOST_TEST(x_of(text.layout.get(), arabic_name) < x_of(text.layout.get(), after));
        // Left-aligned, as the document's other paragraphs: the name at the left edge.
        PangoRectangle logical;
        pango_layout_line_get_extents(first, nullptr, &logical);
        BOOST_TEST(logical.x == 0);
    }

    const Catalog arabic = Catalog::load(engine().data, "ar");
    Document right_to_left;
    set_locale_furniture(right_to_left.info, arabic);
    right_to_left.info.running_header = "اختبار";
    // As a printed questionnaire's question, its Latin id first; no mark needed before it.
    const std::string latin_name = "Tel Aviv-Yafo";
    const std::string sentence = latin_name + " " + arabic.text("report.area.reported_none");
    right_to_left.blocks.emplace_back(ParagraphBlock{plain_text(sentence)});
    const LaidOutDocument arabic_laid_out = paginate(right_to_left, engine().fonts);
    const TextBox& text = box_showing(arabic_laid_out, latin_name);
    PangoLayoutLine* first = pango_layout_get_line_readonly(text.layout.get(), 0);
    BOOST_TEST((pango_layout_line_get_resolved_direction(first) == PANGO_DIRECTION_RTL));
    // The name, first in reading order, is at the right; "Tel" left of "Yafo" (its own order).
    const std::string rest = sentence.substr(latin_name.size() + 1, 6);
    BOOST_TEST(x_of(text.layout.get(), latin_name) > x_of(text.layout.get(), rest));
    BOOST_TEST(x_of(text.layout.get(), "Tel") < x_of(text.layout.get(), "Yafo"));
}

// Japanese line breaking (JIS X 4051 basics): no line starts with closing
// punctuation, a small kana or a prolonged sound mark, and a number never parts
// from its counter ("86問", "10万人", "2,100人"). The paragraphs start at every
// offset of a few characters, so that line ends fall everywhere.
BOOST_AUTO_TEST_CASE(japanese_lines_keep_kinsoku_and_numbers_with_their_counters) {
    const Catalog japanese = Catalog::load(engine().data, "ja");
    Document document;
    set_locale_furniture(document.info, japanese);
    document.info.running_header = "テスト";
    const std::string sentence =
        "星凪市は調査票が問う86問のうち85問に回答した。人口10万人未満の都市（12都市）、約2,100人、"
        "ちょっとしたラーメン「きょう」。";
    std::string text;
    for (int shift = 0; shift < 24; ++shift) {
        std::string paragraph;
        for (int i = 0; i < shift; ++i) paragraph += "あ";
        for (int i = 0; i < 4; ++i) paragraph += sentence;
        document.blocks.emplace_back(ParagraphBlock{plain_text(paragraph)});
    }
    const LaidOutDocument laid_out = paginate(document, engine().fonts);
    const std::u32string never_first = U"、。，．）」』】〉》ぁぃぅぇぉっゃゅょァィゥェォッャュョー々〜";
    int lines = 0;
    for (const LaidOutPage& page : laid_out.pages)
        for (const TextBox& box : page.texts) {
            if (box.furniture) continue;
            const std::string shown = pango_layout_get_text(box.layout.get());
            for (int l = 1; l < pango_layout_get_line_count(box.layout.get()); ++l) {
                const int start = pango_layout_get_line_readonly(box.layout.get(), l)->start_index;
                const gunichar first = g_utf8_get_char(shown.c_str() + start);
                const gunichar before = g_utf8_get_char(g_utf8_prev_char(shown.c_str() + start));
                BOOST_TEST(never_first.find(static_cast<char32_t>(first)) == std::u32string::npos,
                           "a line starts with U+" << std::hex << first);
                BOOST_TEST(!(g_unichar_isdigit(before) && !g_unichar_isdigit(first) &&
                             g_unichar_get_script(first) == G_UNICODE_SCRIPT_HAN),
                           "a number parted from its counter at byte " << start);
                ++lines;
            }
        }
    BOOST_TEST(lines > 100);
}

// Latin letters and digits in Japanese text come from the Japanese face, serif
// in body text; a Korean paragraph in the same document takes the Korean face.
BOOST_AUTO_TEST_CASE(cjk_text_takes_its_languages_face_for_latin_and_han_alike) {
    const Catalog japanese = Catalog::load(engine().data, "ja");
    Document document;
    set_locale_furniture(document.info, japanese);
    document.info.running_header = "テスト";
    document.blocks.emplace_back(ParagraphBlock{plain_text("星凪市は86問のうち85問に回答した。ICCの評価。")});
    document.blocks.emplace_back(ParagraphBlock{plain_text("성남시는 86개 질문에 답했다."), ParagraphStyle::body, "ko"});
    const LaidOutDocument laid_out = paginate(document, engine().fonts);
    std::map<std::string, std::set<std::string>> families_of;  // by the paragraph's first letters
    for (const LaidOutPage& page : laid_out.pages)
        for (const TextBox& box : page.texts) {
            if (box.furniture) continue;
            const std::string shown = pango_layout_get_text(box.layout.get());
            PangoLayoutIter* iter = pango_layout_get_iter(box.layout.get());
            do {
                PangoLayoutRun* run = pango_layout_iter_get_run_readonly(iter);
                if (!run) continue;
                FontDescriptionPtr used(pango_font_describe(run->item->analysis.font));
                families_of[shown.substr(0, 6)].insert(pango_font_description_get_family(used.get()));
            } while (pango_layout_iter_next_run(iter));
            pango_layout_iter_free(iter);
        }
    const std::set<std::string> japanese_face{"Noto Serif CJK JP"};
    const std::set<std::string> korean_face{"Noto Serif CJK KR"};
    BOOST_TEST(families_of["星凪"] == japanese_face, boost::test_tools::per_element());  // "86", "ICC" too
    BOOST_TEST(families_of["성남"] == korean_face, boost::test_tools::per_element());
}
