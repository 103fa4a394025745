#pragma once
// Total-fit line breaking in the manner of Knuth and Plass ("Breaking
// paragraphs into lines", 1981; TeX's line_break): a paragraph is a sequence
// of boxes (fixed material), glue (spaces that stretch and shrink) and
// penalties (possible breaks with a cost), and the breaker chooses the
// sequence of breaks with the least total demerits over the whole paragraph,
// not line by line. This file is the algorithm only, on plain numbers; the
// Pango front end (linebreak_pango.h) turns shaped text into items and sets
// the chosen lines. docs/typesetting.md explains the parameters.
#include <cstddef>
#include <optional>
#include <vector>

namespace icc::linebreak {

// A penalty at or above this forbids a break; at or below its negative forces one.
inline constexpr double infinite_penalty = 10000;
// The badness of a line that cannot be stretched to its width (TeX's inf_bad).
inline constexpr double infinite_badness = 10000;

struct Item {
    enum class Kind { box, glue, penalty };
    Kind kind = Kind::box;
    double width = 0;    // natural width; for a penalty, what is added when breaking there (the hyphen)
    double stretch = 0;  // glue
    double shrink = 0;   // glue
    bool fill = false;   // glue: infinitely stretchable (the paragraph's last line, a forced line end)
    double penalty = 0;  // penalty: the cost of breaking here
    bool flagged = false;             // penalty: a break that leaves a hyphen at the line end
    bool hyphenation_point = false;   // penalty: from the hyphenation patterns (not tried on the first pass)
    double protrusion = 0;  // a break here: how far the line's last glyph may stand into the margin

    static Item box(double width) { return {Kind::box, width}; }
    static Item glue(double width, double stretch, double shrink) { return {Kind::glue, width, stretch, shrink}; }
    static Item fill_glue() {
        Item item{Kind::glue};
        item.fill = true;
        return item;
    }
    static Item make_penalty(double width, double cost, bool flagged = false) {
        Item item{Kind::penalty, width};
        item.penalty = cost;
        item.flagged = flagged;
        return item;
    }
    static Item forced_break() { return make_penalty(0, -infinite_penalty); }
};

// Everything the breaker weighs, with TeX's defaults where TeX has one.
// Lengths are in points. (The page design's style file will supply these;
// until it does, the defaults here are the house style.)
struct Parameters {
    double line_penalty = 10;               // TeX \linepenalty: favours fewer lines
    double hyphen_penalty = 50;             // \hyphenpenalty, at pattern hyphenation points
    double explicit_hyphen_penalty = 50;    // \exhyphenpenalty, after a hyphen in the text
    double double_hyphen_demerits = 10000;  // \doublehyphendemerits: two hyphenated lines in a row
    double final_hyphen_demerits = 5000;    // \finalhyphendemerits: a hyphen on the last full line
    double adjacent_demerits = 10000;       // \adjdemerits: a tight line next to a loose one
    int max_consecutive_hyphens = 2;        // a hard limit: never a third hyphenated line in a row
    double pretolerance = 100;  // badness allowed on the first pass, without pattern hyphenation (<0: skip it)
    double tolerance = 200;     // badness allowed on the second pass, with hyphenation
    double emergency_stretch = 0;  // a third pass adds this much stretch to every line (0: no third pass)
    // A last pass accepts lines of any badness (loose lines rather than
    // none; TeX sets such a paragraph with "underfull" lines too). Lines
    // are still never overfull.
    bool rescue_pass = true;
    int looseness = 0;             // TeX \looseness: lines more (+) or fewer (-) than optimal, when feasible
    // The last line: shorter than this fraction of the measure costs short_last_line_demerits.
    double last_line_min_fraction = 0.15;
    double short_last_line_demerits = 10000;
    // Stretch every line has in addition to its glue: ragged-right setting
    // (TeX's \rightskip=0pt plus 2em) when the glue itself is rigid.
    double line_end_stretch = 0;
};

// The settings of one pass, as the breaker ran it (scoring a sequence of
// breaks needs the same ones).
struct Pass {
    double tolerance = 200;
    bool hyphenate = true;
    double extra_stretch = 0;  // emergency stretch of this pass, added to every line
};

struct Line {
    std::size_t start = 0;   // first item of the line (after the discarded glue and penalties)
    std::size_t end = 0;     // the break: the item where the line ends
    double natural = 0;      // natural width, with the hyphen when hyphenated
    double stretch = 0, shrink = 0;
    bool fill = false;
    double target = 0;       // measure plus the protrusion allowed at this break
    double ratio = 0;        // adjustment ratio: glue is set at width + ratio * (stretch or shrink)
    double badness = 0;
    bool hyphenated = false;
};

struct Result {
    std::vector<Line> lines;
    double demerits = 0;
    Pass pass;
    int pass_number = 0;  // 1: no hyphenation, 2: with hyphenation, 3: emergency stretch, 4: rescue
};

// The width of line `index` (0-based): widths[index], the last for the rest.
[[nodiscard]] double line_width(const std::vector<double>& widths, std::size_t index);

// The optimal breaks of `items` (which must end with a forced break) for
// lines of `widths`; nullopt when no pass finds a feasible sequence (a word
// wider than the measure, say): the caller falls back to simpler breaking.
[[nodiscard]] std::optional<Result> break_lines(const std::vector<Item>& items, const std::vector<double>& widths,
                                                const Parameters& parameters);

// The demerits of one given sequence of breaks (item indices, the last being
// the final forced break) under `pass`, or nullopt when a line is infeasible
// or the sequence breaks a hard rule. break_lines minimises exactly this.
[[nodiscard]] std::optional<double> demerits_of(const std::vector<Item>& items, const std::vector<double>& widths,
                                                const Parameters& parameters, const Pass& pass,
                                                const std::vector<std::size_t>& breaks);

// Whether a break is allowed at item `index` under `pass` (glue after a box,
// a penalty below infinity, pattern hyphens only on passes that hyphenate).
[[nodiscard]] bool is_legal_break(const std::vector<Item>& items, std::size_t index, const Pass& pass);

}  // namespace icc::linebreak
