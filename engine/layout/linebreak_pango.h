#pragma once
// The Pango front end of the total-fit line breaker (linebreak.h).
//
// set_paragraph() takes a PangoLayout that holds one paragraph (text with
// U+00AD soft hyphens at the permitted hyphenation points, attributes, font,
// line spacing), shapes it once as a single line, builds boxes, glue and
// penalties from the glyph widths and Pango's break opportunities, breaks it
// as a whole, and rewrites the layout so that Pango shows exactly the chosen
// lines: a U+2028 line separator at each break, a visible U+2010 hyphen
// where a word is divided, and, when justified, letter spacing on each word space
// (the glue set at the line's ratio). The layout is left unwrapped (width
// -1): every line already has its width.
//
// Where the breaker does not apply, the layout is left as it came, for
// Pango's own wrapping (see Fallback); docs/typesetting.md says why.
#include <pango/pango.h>

#include <string>
#include <vector>

#include "layout/linebreak.h"

namespace icc {

// How far a glyph at the end of a line may stand into the right margin,
// as a fraction of its own advance (optical margin alignment). Only these
// characters protrude; everything else stops at the measure.
struct Protrusion {
    double hyphen = 0.5;    // - U+2010 U+2011 and the hyphen of a divided word
    double dash = 0.25;     // U+2013 U+2014
    double stop = 0.5;      // . ,
    double colon = 0.3;     // : ;
    double quote = 0.5;     // ’ ” » › ' "
    double other = 0.1;     // ! ?
};

// The paragraph style the breaker follows. A plain struct with the house
// defaults for now; the page design's style file (templates/) will fill it.
struct LineBreakStyle {
    linebreak::Parameters justified{};  // body text and list items
    linebreak::Parameters ragged{};     // ragged-right: rigid spaces, stretch at the line end
    double space_stretch = 0.5;   // word space stretch, fraction of its width (justified)
    double space_shrink = 1.0 / 3;  // word space shrink, fraction of its width (justified)
    double ragged_line_end_stretch_em = 3;  // ragged: how much a line may fall short, in ems of the font size
    double emergency_stretch_em = 1.5;      // third pass: extra stretch per line, in ems
    int min_hyphenated_word = 6;  // letters; shorter words are never divided
    bool hyphenate_capitalised = false;  // "Index", "Council": names and sentence starts stay whole
    // A break Pango allows without a space (after "/" in a path, inside
    // "</span>"): a last resort, dearer than any hyphen.
    double generic_break_penalty = 500;
    Protrusion protrusion{};
    bool optical_margins = true;
};

// The house defaults: TeX's values for justified text; ragged-right lines
// with a stretchable line end and hyphenation only as a last resort.
LineBreakStyle default_line_break_style();

enum class Fallback {
    none,            // set by the breaker
    right_to_left,   // Hebrew, Arabic and the like, or a right-to-left base direction
    no_word_spaces,  // Chinese, Japanese, Thai, Lao, Khmer, Myanmar, Tibetan: breaks between characters
    infeasible,      // no sequence of breaks fits (a word or URL wider than the measure)
    empty,
};

// A change made to the layout's text: `removed` bytes at `position` (in the
// text as it was) replaced by `added` bytes.
struct TextEdit {
    int position = 0;
    int removed = 0;
    int added = 0;
};

struct SetLine {
    int start = 0, end = 0;  // bytes of the new text, the line separator excluded
    bool hyphenated = false;     // ends with a hyphen (of a divided word or the text's own)
    bool divided_word = false;   // ends inside a word divided by the breaker
    int inserted_hyphen = -1;    // divided: byte of the U+2010 hyphen the breaker added (not in the source text)
    double target = 0;           // the width it is set to: measure plus the protrusion allowed
    double natural = 0;          // natural width, glue unstretched
    double protrusion = 0;       // how far it may stand into the margin
    double ratio = 0;            // glue set ratio (0 for ragged lines)
    bool justified = false;
};

struct SetParagraph {
    Fallback fallback = Fallback::none;
    std::vector<SetLine> lines;     // empty when fallen back
    std::vector<TextEdit> edits;    // in increasing position
    double demerits = 0;
    int pass = 0;

    // A byte offset of the old text in the new one.
    [[nodiscard]] int remap(int offset) const;
};

// Breaks the paragraph in `layout` to lines of `width` points. `justify`:
// lines but the last set flush on both sides; otherwise ragged-right.
// `hyphenate`: the soft hyphens in the text may be used (else ignored,
// never broken at). Soft hyphens not broken at are removed from the text
// (a soft hyphen inside a ligature would be extracted from the PDF). On a
// fallback the layout is untouched.
SetParagraph set_paragraph(PangoLayout* layout, double width, bool justify, bool hyphenate,
                           const LineBreakStyle& style);

// Why a paragraph falls back, or Fallback::none if the breaker can set it.
Fallback fallback_for(const std::string& text, PangoDirection base_direction);

const char* describe(Fallback fallback);

}  // namespace icc
