#pragma once
// The page design as data: templates/style/page.toml, read into a plain
// value that the document carries (Document::style) and the paginator sets
// pages by. Sizes and lengths in PostScript points; colours sRGB.
//
// The defaults below are the values the shipped file holds, so that a
// document built by hand (tests, benchmarks) looks like a report; every
// report and profile is set from the file.
#include <array>
#include <filesystem>
#include <string>

#include "support/geometry.h"

namespace icc {

// A text face of the design: size, and the line spacing as a factor of the
// font's natural line height (0: the font's own).
struct TypeStyle {
    double size = 10.5;
    double line_spacing = 0;
};

struct HeadingTypeStyle {
    TypeStyle type;
    double space_before = 0;
    double space_after = 0;
};

// The total-fit line breaker's parameters (docs/typesetting.md, "Line breaking").
struct BreakerStyle {
    double line_penalty = 10;
    double hyphen_penalty = 50;
    double explicit_hyphen_penalty = 50;
    double double_hyphen_demerits = 10000;
    double final_hyphen_demerits = 5000;
    double adjacent_demerits = 10000;
    int max_consecutive_hyphens = 2;
    double pretolerance = 100;
    double tolerance = 200;
    double emergency_stretch_em = 1.5;
    double last_line_min_fraction = 0.15;
    double space_stretch = 0.5;       // fraction of a word space
    double space_shrink = 1.0 / 3;    // fraction of a word space
    int min_hyphenated_word = 6;      // letters
    bool hyphenate_capitalised = false;
    double ragged_line_end_stretch_em = 3;
    double ragged_hyphen_penalty = 200;
    double ragged_tolerance = 1000;
    bool optical_margins = true;
    double hyphen_protrusion = 0.5;   // fraction of the glyph's advance
    double stop_protrusion = 0.5;
};

// [cover] The cover: a band of the accent colour across the top of the page
// with the kicker, the title and the subtitle on it, the details below it.
// Vertical positions in points, from the page's top edge or the band's foot.
struct CoverStyle {
    double band = 0.46;  // the band's height, as a fraction of the page's
    TypeStyle kicker{10.5}, title{40, 1.0}, subtitle{16}, details{12};
    double kicker_top = 92;         // from the page's top edge
    double rule_width = 64, rule_height = 4;
    double rule_above_band_foot = 48;
    double subtitle_above_band_foot = 64;  // the subtitle's foot
    double title_gap = 8;           // between the title's foot and the subtitle
    double details_below_band = 48;
    double details_gap = 6;         // between two lines of details
};

// [contents] The table of contents: entries of level 1 bold, deeper ones indented.
struct ContentsStyle {
    TypeStyle entry{10.5}, subentry{9.5};
    double indent = 24;             // per level below 1
    double entry_gap = 9, subentry_gap = 3;  // above an entry
    double title_gap = 4;           // below the title, added to a level 1 heading's space after
};

// [furniture] Running heads and folios, placed from the text area's edges.
struct FurnitureStyle {
    double head_above_text = 40;    // the running heads' top, above the text area
    double rule_above_text = 26;    // the rule under the running heads
    double rule_weight = 0.5;
    double folio_below_text = 30;   // the folio's top, below the text area
    double head_gap = 24;           // between the two running heads
};

struct PageStyle {
    std::string source_file;  // empty: the built-in defaults

    // [page] A4 and the margins around the text area; charts may be wider
    // than the text area (figure_width), centred on it.
    PageGeometry page;

    // [type]
    TypeStyle body{11}, lead{12.5}, note{8.5}, list{11}, cell{8.5}, caption{8.5};
    TypeStyle callout_title{10}, callout_body{10}, furniture{7.5};
    std::array<HeadingTypeStyle, 4> headings{{{{19, 1.0}, 26, 12}, {{14, 1.0}, 18, 7}, {{11.5, 1.0}, 13, 4},
                                              {{10.5, 1.0}, 10, 3}}};
    double arabic_scale = 1.2;  // Naskh letters are small for their body size next to Latin

    // [spacing]
    double paragraph_gap = 7, list_item_gap = 3, list_indent = 18, block_gap = 12;
    double cell_padding_x = 5, cell_padding_y = 4;
    double callout_rule = 3, callout_padding = 12, callout_gap = 6;
    double caption_gap = 6, toc_number_column = 36;
    double list_marker_gap = 7;  // between a list's marker column and its text
    double row_rule = 0.5;       // the rule under a table's body row
    int min_lines = 2;  // widows and orphans

    // [colours]
    Color ink = hex(0x1F2129), muted = hex(0x5C616E), accent = hex(0x0D4580);  // accent: Council of Europe blue
    Color accent_light = hex(0xE6EDF7), callout_tint = hex(0xF0F5FB), emphasis_tint = hex(0xF7EDCC);
    Color rule = hex(0xC7CCD9);

    // [breaker]
    BreakerStyle breaker;

    CoverStyle cover;
    ContentsStyle contents;
    FurnitureStyle furniture_layout;
};

// Reads a style file; every problem of the file at once (DiagnosticError).
// Every key is required: the file is the whole design.
PageStyle load_page_style(const std::filesystem::path& file);

// Every value, canonically: the style's part of a document's digest.
std::string canonical_text(const PageStyle& style);

}  // namespace icc
