#include "layout/linebreak_pango.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>

#include "support/handles.h"

namespace icc {

namespace {

constexpr const char* line_separator = "\u2028";
constexpr int line_separator_bytes = 3;
constexpr gunichar soft_hyphen_char = 0x00AD;
constexpr int soft_hyphen_bytes = 2;
constexpr const char* soft_hyphen_utf8 = "\u00AD";
// The hyphen shown where the breaker divides a word: U+2010 HYPHEN, not the
// hyphen-minus of the text, so that a divided word is told apart from a
// compound that happens to end a line (in the text extracted from the PDF too).
constexpr const char* inserted_hyphen = "\u2010";
constexpr int inserted_hyphen_bytes = 3;

struct GlyphStringFree {
    void operator()(PangoGlyphString* glyphs) const { pango_glyph_string_free(glyphs); }
};
using GlyphStringPtr = std::unique_ptr<PangoGlyphString, GlyphStringFree>;

bool is_hyphen(gunichar c) { return c == '-' || c == 0x2010 || c == 0x2011; }
bool is_dash(gunichar c) { return c == 0x2013 || c == 0x2014; }
bool is_mandatory_break(gunichar c) { return c == '\n' || c == '\r' || c == 0x2028 || c == 0x2029 || c == 0x0B || c == 0x0C; }
// A space the text may break at and justification may stretch. No-break
// spaces (U+00A0, the narrow U+202F of French punctuation, figure spaces)
// keep their width and hold their neighbours together.
bool is_word_space(gunichar c) {
    if (c == 0x00A0 || c == 0x202F || c == 0x2007 || c == 0x2060 || c == 0xFEFF) return false;
    return c == ' ' || c == '\t' || (g_unichar_type(c) == G_UNICODE_SPACE_SEPARATOR);
}

double protrusion_fraction(gunichar c, const Protrusion& p) {
    if (is_hyphen(c)) return p.hyphen;
    if (is_dash(c)) return p.dash;
    switch (c) {
    case '.': case ',': case 0x3001: case 0x3002: return p.stop;
    case ':': case ';': return p.colon;
    case 0x2019: case 0x201D: case 0x00BB: case 0x203A: case '\'': case '"': return p.quote;
    case '!': case '?': return p.other;
    default: return 0;
    }
}

// How the text changes when a line ends at an item.
enum class BreakEdit { none, replace_space, hyphenate, insert };

struct Source {
    int start = 0, end = 0;  // bytes of the old text the item stands for
    BreakEdit edit = BreakEdit::none;
    bool word_space = false;  // glue: a space justification may widen or narrow
};

// Glyph advances of the paragraph shaped once, as one unwrapped line, by
// the byte offset where each cluster starts.
struct Shaped {
    GObjectPtr<PangoLayout> layout;
    std::vector<double> advance;  // points, by byte; 0 inside clusters
    std::vector<const PangoItem*> item_at;  // by byte
    const PangoLogAttr* attrs = nullptr;
    int attr_count = 0;
};

Shaped shape_once(PangoLayout* source, int bytes) {
    Shaped shaped;
    shaped.layout.reset(pango_layout_copy(source));
    pango_layout_set_width(shaped.layout.get(), -1);
    pango_layout_set_justify(shaped.layout.get(), FALSE);
    shaped.advance.assign(static_cast<std::size_t>(bytes) + 1, 0);
    shaped.item_at.assign(static_cast<std::size_t>(bytes) + 1, nullptr);
    for (GSList* l = pango_layout_get_lines_readonly(shaped.layout.get()); l; l = l->next) {
        const auto* line = static_cast<PangoLayoutLine*>(l->data);
        for (GSList* r = line->runs; r; r = r->next) {
            const auto* run = static_cast<PangoGlyphItem*>(r->data);
            const PangoItem* item = run->item;
            for (int i = item->offset; i < item->offset + item->length && i < bytes; ++i)
                shaped.item_at[static_cast<std::size_t>(i)] = item;
            for (int g = 0; g < run->glyphs->num_glyphs; ++g) {
                const int byte = item->offset + run->glyphs->log_clusters[g];
                if (byte >= 0 && byte < bytes)
                    shaped.advance[static_cast<std::size_t>(byte)] +=
                        static_cast<double>(run->glyphs->glyphs[g].geometry.width) / PANGO_SCALE;
            }
        }
    }
    shaped.attrs = pango_layout_get_log_attrs_readonly(shaped.layout.get(), &shaped.attr_count);
    return shaped;
}

// The word around a soft hyphen at `position`: may it be divided?
bool word_may_be_divided(const std::string& text, int position, const LineBreakStyle& style) {
    const char* const begin = text.data();
    const char* const end = begin + text.size();
    auto part_of_word = [](gunichar c) { return g_unichar_isalpha(c) || g_unichar_ismark(c) || c == soft_hyphen_char; };
    const char* first = begin + position;
    while (first > begin) {
        const char* previous = g_utf8_find_prev_char(begin, first);
        if (!previous || !part_of_word(g_utf8_get_char(previous))) break;
        first = previous;
    }
    const char* last = begin + position;
    while (last < end && part_of_word(g_utf8_get_char(last))) last = g_utf8_next_char(last);
    int letters = 0;
    gunichar initial = 0;
    for (const char* p = first; p < last; p = g_utf8_next_char(p)) {
        const gunichar c = g_utf8_get_char(p);
        if (!g_unichar_isalpha(c)) continue;
        if (letters == 0) initial = c;
        ++letters;
    }
    if (letters < style.min_hyphenated_word) return false;
    if (!style.hyphenate_capitalised && (g_unichar_isupper(initial) || g_unichar_istitle(initial))) return false;
    return true;
}

double font_size_points(PangoLayout* layout) {
    const PangoFontDescription* font = pango_layout_get_font_description(layout);
    if (!font) font = pango_context_get_font_description(pango_layout_get_context(layout));
    const double size = font ? static_cast<double>(pango_font_description_get_size(font)) / PANGO_SCALE : 0;
    return size > 0 ? size : 10;
}

struct Paragraph {
    std::vector<linebreak::Item> items;
    std::vector<Source> sources;
};

Paragraph build_items(const std::string& text, const Shaped& shaped, bool justify, bool hyphenate,
                      const LineBreakStyle& style) {
    Paragraph paragraph;
    const Protrusion none{0, 0, 0, 0, 0, 0};
    const Protrusion& protrusion = style.optical_margins ? style.protrusion : none;
    std::map<const PangoFont*, double> hyphen_widths;
    auto hyphen_width = [&](int byte) {
        const PangoItem* item = shaped.item_at[static_cast<std::size_t>(byte)];
        if (!item) return 0.0;
        auto found = hyphen_widths.find(item->analysis.font);
        if (found != hyphen_widths.end()) return found->second;
        GlyphStringPtr glyphs(pango_glyph_string_new());
        pango_shape(inserted_hyphen, inserted_hyphen_bytes, &item->analysis, glyphs.get());
        const double width = static_cast<double>(pango_glyph_string_get_width(glyphs.get())) / PANGO_SCALE;
        hyphen_widths.emplace(item->analysis.font, width);
        return width;
    };
    auto add = [&](linebreak::Item item, Source source) {
        paragraph.items.push_back(item);
        paragraph.sources.push_back(source);
    };
    double box = 0;
    int box_start = 0;
    auto flush_box = [&](int here) {
        if (box > 0 || here > box_start) add(linebreak::Item::box(box), {box_start, here});
        box = 0;
        box_start = here;
    };
    int space_start = -1, space_end = -1;
    double space_width = 0;
    gunichar last_visible = 0;
    gunichar visible_before_last = 0;
    double last_visible_width = 0;
    gunichar previous = 0;

    const char* const begin = text.data();
    const char* const end = begin + text.size();
    int index = 0;  // character index, for the log attributes
    for (const char* p = begin; p < end; p = g_utf8_next_char(p), ++index) {
        const gunichar c = g_utf8_get_char(p);
        const gunichar before = previous;
        previous = c;
        const int byte = static_cast<int>(p - begin);
        const double width = shaped.advance[static_cast<std::size_t>(byte)];
        const bool break_before = index > 0 && index < shaped.attr_count && shaped.attrs[index].is_line_break;
        if (is_mandatory_break(c)) {
            // Spaces before a forced line end are left out: they would only
            // tempt the breaker into an empty line.
            space_start = -1;
            flush_box(byte);
            add(linebreak::Item::fill_glue(), {byte, byte});
            add(linebreak::Item::forced_break(), {byte, static_cast<int>(g_utf8_next_char(p) - begin)});
            box_start = static_cast<int>(g_utf8_next_char(p) - begin);
            last_visible = 0;
            continue;
        }
        if (is_word_space(c)) {
            if (space_start < 0) {
                flush_box(byte);
                space_start = byte;
                space_width = 0;
            }
            space_width += width;
            space_end = static_cast<int>(g_utf8_next_char(p) - begin);
            continue;
        }
        if (space_start >= 0) {
            // A space no break is allowed after (before "!" or "»", say) holds like a tie.
            if (!break_before || space_start == 0) add(linebreak::Item::make_penalty(0, linebreak::infinite_penalty), {space_start, space_start});
            linebreak::Item glue = justify ? linebreak::Item::glue(space_width, space_width * style.space_stretch,
                                                                   space_width * style.space_shrink)
                                           : linebreak::Item::glue(space_width, 0, 0);
            glue.protrusion = protrusion_fraction(last_visible, protrusion) * last_visible_width;
            add(glue, {space_start, space_end, BreakEdit::replace_space, true});
            space_start = -1;
            box_start = byte;
        } else if (c == soft_hyphen_char) {
            const bool break_after = index + 1 < shaped.attr_count && shaped.attrs[index + 1].is_line_break;
            if (hyphenate && break_after && word_may_be_divided(text, byte, style)) {
                flush_box(byte);
                const double hyphen = hyphen_width(byte);
                linebreak::Item penalty = linebreak::Item::make_penalty(hyphen, style.justified.hyphen_penalty, true);
                penalty.hyphenation_point = true;
                penalty.protrusion = protrusion.hyphen * hyphen;
                add(penalty, {byte, byte + soft_hyphen_bytes, BreakEdit::hyphenate});
                box_start = byte + soft_hyphen_bytes;
            }
            continue;  // the soft hyphen itself is invisible
        } else if (break_before && last_visible != 0 && before != soft_hyphen_char &&
                   (is_hyphen(last_visible) || is_dash(last_visible) || g_unichar_isalnum(visible_before_last))) {
            // (A break after punctuation that follows punctuation, inside
            // "</span>" say, is never taken: it would strand a fragment.)
            // A break Pango allows with no space: after a hyphen or a dash,
            // after a slash...
            flush_box(byte);
            linebreak::Item penalty =
                is_hyphen(last_visible) ? linebreak::Item::make_penalty(0, style.justified.explicit_hyphen_penalty, true)
                : is_dash(last_visible) ? linebreak::Item::make_penalty(0, style.justified.explicit_hyphen_penalty)
                                        : linebreak::Item::make_penalty(0, style.generic_break_penalty);
            penalty.protrusion = protrusion_fraction(last_visible, protrusion) * last_visible_width;
            add(penalty, {byte, byte, BreakEdit::insert});
            box_start = byte;
        }
        box += width;
        if (width > 0 || !g_unichar_ismark(c)) {
            visible_before_last = last_visible;
            last_visible = c;
            last_visible_width = width;
        }
    }
    // Trailing spaces are dropped; the paragraph ends with its last line's fill.
    flush_box(space_start >= 0 ? space_start : static_cast<int>(text.size()));
    add(linebreak::Item::fill_glue(), {static_cast<int>(text.size()), static_cast<int>(text.size())});
    add(linebreak::Item::forced_break(), {static_cast<int>(text.size()), static_cast<int>(text.size())});
    return paragraph;
}

std::string apply_edits(const std::string& text, const std::vector<TextEdit>& edits,
                        const std::vector<std::string>& replacements) {
    std::string result;
    result.reserve(text.size() + edits.size() * 4);
    int at = 0;
    for (std::size_t i = 0; i < edits.size(); ++i) {
        result.append(text, static_cast<std::size_t>(at), static_cast<std::size_t>(edits[i].position - at));
        result += replacements[i];
        at = edits[i].position + edits[i].removed;
    }
    result.append(text, static_cast<std::size_t>(at), std::string::npos);
    return result;
}

}  // namespace

LineBreakStyle default_line_break_style() {
    LineBreakStyle style;
    // Ragged lines: a line may fall short by up to the line-end stretch;
    // a hyphen costs more than in justified text, since the rag absorbs
    // what justification could not.
    style.ragged.hyphen_penalty = 200;
    style.ragged.pretolerance = 100;
    style.ragged.tolerance = 1000;
    style.ragged.adjacent_demerits = 0;  // no glue to be loose or tight
    style.ragged.last_line_min_fraction = 0;
    return style;
}

int SetParagraph::remap(int offset) const {
    int shift = 0;
    for (const TextEdit& edit : edits) {
        if (edit.position + edit.removed <= offset) shift += edit.added - edit.removed;
        else if (edit.position < offset) return edit.position + shift;  // inside a replaced span
        else break;
    }
    return offset + shift;
}

const char* describe(Fallback fallback) {
    switch (fallback) {
    case Fallback::none: return "set by the line breaker";
    case Fallback::right_to_left: return "right-to-left text: Pango's breaking";
    case Fallback::no_word_spaces: return "script without word spaces: Pango's breaking";
    case Fallback::infeasible: return "no feasible breaks: Pango's breaking";
    case Fallback::empty: return "empty paragraph";
    }
    return "";
}

Fallback fallback_for(const std::string& text, PangoDirection base_direction) {
    if (text.empty()) return Fallback::empty;
    if (base_direction == PANGO_DIRECTION_RTL || base_direction == PANGO_DIRECTION_WEAK_RTL)
        return Fallback::right_to_left;
    for (const char* p = text.c_str(); *p; p = g_utf8_next_char(p)) {
        switch (g_unichar_get_script(g_utf8_get_char(p))) {
        case G_UNICODE_SCRIPT_ARABIC: case G_UNICODE_SCRIPT_HEBREW: case G_UNICODE_SCRIPT_SYRIAC:
        case G_UNICODE_SCRIPT_THAANA: case G_UNICODE_SCRIPT_NKO:
            return Fallback::right_to_left;
        case G_UNICODE_SCRIPT_HAN: case G_UNICODE_SCRIPT_HIRAGANA: case G_UNICODE_SCRIPT_KATAKANA:
        case G_UNICODE_SCRIPT_BOPOMOFO: case G_UNICODE_SCRIPT_THAI: case G_UNICODE_SCRIPT_LAO:
        case G_UNICODE_SCRIPT_KHMER: case G_UNICODE_SCRIPT_MYANMAR: case G_UNICODE_SCRIPT_TIBETAN:
            return Fallback::no_word_spaces;
        default: break;
        }
    }
    return Fallback::none;
}

SetParagraph set_paragraph(PangoLayout* layout, double width, bool justify, bool hyphenate,
                           const LineBreakStyle& style) {
    SetParagraph set;
    const std::string text = pango_layout_get_text(layout);
    PangoContext* context = pango_layout_get_context(layout);
    set.fallback = fallback_for(text, pango_context_get_base_dir(context));
    if (set.fallback != Fallback::none) return set;

    const auto bytes = static_cast<int>(text.size());
    const Shaped shaped = shape_once(layout, bytes);
    const Paragraph paragraph = build_items(text, shaped, justify, hyphenate, style);
    const double em = font_size_points(layout);
    linebreak::Parameters parameters = justify ? style.justified : style.ragged;
    if (!justify) parameters.line_end_stretch = style.ragged_line_end_stretch_em * em;
    parameters.emergency_stretch = style.emergency_stretch_em * em;
    const auto result = linebreak::break_lines(paragraph.items, {width}, parameters);
    if (!result) {
        set.fallback = Fallback::infeasible;
        return set;
    }
    set.demerits = result->demerits;
    set.pass = result->pass_number;

    // The text with the breaks made.
    std::vector<std::string> replacements;
    for (std::size_t l = 0; l + 1 < result->lines.size(); ++l) {
        const Source& source = paragraph.sources[result->lines[l].end];
        switch (source.edit) {
        case BreakEdit::replace_space:
            set.edits.push_back({source.start, source.end - source.start, line_separator_bytes});
            replacements.emplace_back(line_separator);
            break;
        case BreakEdit::hyphenate:
            set.edits.push_back({source.start, soft_hyphen_bytes, inserted_hyphen_bytes + line_separator_bytes});
            replacements.push_back(std::string(inserted_hyphen) + line_separator);
            break;
        case BreakEdit::insert:
            set.edits.push_back({source.start, 0, line_separator_bytes});
            replacements.emplace_back(line_separator);
            break;
        case BreakEdit::none: break;  // the text's own line end
        }
    }
    // Soft hyphens not broken at go: they have done their work, and one
    // inside a ligature ("dif\u00ADferent") would be extracted from the PDF
    // with the ligature's text.
    {
        std::vector<TextEdit> merged;
        std::vector<std::string> merged_replacements;
        std::size_t next = 0;
        for (std::size_t at = text.find(soft_hyphen_utf8); at != std::string::npos;
             at = text.find(soft_hyphen_utf8, at + soft_hyphen_bytes)) {
            const int position = static_cast<int>(at);
            while (next < set.edits.size() && set.edits[next].position < position) {
                merged.push_back(set.edits[next]);
                merged_replacements.push_back(std::move(replacements[next]));
                ++next;
            }
            if (next < set.edits.size() && set.edits[next].position == position) continue;  // a break
            merged.push_back({position, soft_hyphen_bytes, 0});
            merged_replacements.emplace_back();
        }
        for (; next < set.edits.size(); ++next) {
            merged.push_back(set.edits[next]);
            merged_replacements.push_back(std::move(replacements[next]));
        }
        set.edits = std::move(merged);
        replacements = std::move(merged_replacements);
    }
    const std::string new_text = apply_edits(text, set.edits, replacements);

    AttrListPtr base(pango_layout_get_attributes(layout) ? pango_attr_list_copy(pango_layout_get_attributes(layout))
                                                         : pango_attr_list_new());
    for (auto edit = set.edits.rbegin(); edit != set.edits.rend(); ++edit)
        pango_attr_list_update(base.get(), edit->position, edit->removed, edit->added);

    // Each line and the adjustment of each of its word spaces.
    struct Space {
        int start = 0;  // byte of the new text
        double adjust = 0;
    };
    std::vector<std::vector<Space>> spaces(result->lines.size());
    for (std::size_t l = 0; l < result->lines.size(); ++l) {
        const linebreak::Line& line = result->lines[l];
        const Source& first = paragraph.sources[line.start < paragraph.sources.size() ? line.start : line.end];
        const Source& last = paragraph.sources[line.end];
        SetLine out;
        out.start = set.remap(first.start);
        out.end = set.remap(last.start);
        if (last.edit == BreakEdit::hyphenate) {
            out.inserted_hyphen = out.end;
            out.end += inserted_hyphen_bytes;  // the hyphen shown
        }
        if (last.edit == BreakEdit::insert) out.end -= line_separator_bytes;
        out.hyphenated = line.hyphenated;
        out.divided_word = last.edit == BreakEdit::hyphenate;
        out.target = line.target;
        out.natural = line.natural;
        out.protrusion = paragraph.items[line.end].protrusion;
        out.ratio = line.ratio;
        out.justified = justify && !line.fill;
        set.lines.push_back(out);
        for (std::size_t i = line.start; i < line.end; ++i) {
            const linebreak::Item& item = paragraph.items[i];
            if (item.kind != linebreak::Item::Kind::glue || !paragraph.sources[i].word_space) continue;
            const double adjust = line.ratio > 0 ? line.ratio * item.stretch : line.ratio * item.shrink;
            spaces[l].push_back({set.remap(paragraph.sources[i].start), item.stretch > 0 || item.shrink > 0 ? adjust : 0});
        }
    }

    auto attributes_with_spacing = [&] {
        AttrListPtr list(pango_attr_list_copy(base.get()));
        for (const auto& line : spaces)
            for (const Space& space : line) {
                const int units = static_cast<int>(std::lround(space.adjust * PANGO_SCALE));
                if (units == 0) continue;
                PangoAttribute* attribute = pango_attr_letter_spacing_new(units);
                attribute->start_index = static_cast<guint>(space.start);
                // The whole character: a word space may take several bytes (an em space, U+2003), and an
                // attribute ending inside one splits Pango's items mid-character (cairo then refuses the
                // line's text as invalid UTF-8 and draws nothing more).
                const char* character = new_text.c_str() + space.start;
                attribute->end_index = static_cast<guint>(g_utf8_next_char(character) - new_text.c_str());
                pango_attr_list_insert(list.get(), attribute);
            }
        return list;
    };

    const GCharPtr old_text(g_strdup(text.c_str()));
    AttrListPtr old_attributes(pango_layout_get_attributes(layout) ? pango_attr_list_ref(pango_layout_get_attributes(layout))
                                                                   : nullptr);
    const int old_width = pango_layout_get_width(layout);
    const gboolean old_justify = pango_layout_get_justify(layout);

    pango_layout_set_width(layout, -1);
    pango_layout_set_justify(layout, FALSE);
    pango_layout_set_text(layout, new_text.c_str(), static_cast<int>(new_text.size()));
    AttrListPtr spaced = attributes_with_spacing();
    pango_layout_set_attributes(layout, spaced.get());

    auto restore = [&] {
        pango_layout_set_text(layout, old_text.get(), -1);
        pango_layout_set_attributes(layout, old_attributes.get());
        pango_layout_set_width(layout, old_width);
        pango_layout_set_justify(layout, old_justify);
        set = SetParagraph{};
        set.fallback = Fallback::infeasible;
    };
    if (pango_layout_get_line_count(layout) != static_cast<int>(set.lines.size())) {
        restore();  // Pango disagrees on where lines are: never show a paragraph we did not set
        return set;
    }
    // Shaping each line on its own may differ from the whole paragraph by
    // a kerning pair at a break: justified lines take the difference up in
    // their spaces, so that the right edge is exact.
    bool corrected = false;
    for (std::size_t l = 0; l < set.lines.size(); ++l) {
        if (!set.lines[l].justified || spaces[l].empty()) continue;
        PangoRectangle logical;
        pango_layout_line_get_extents(pango_layout_get_line_readonly(layout, static_cast<int>(l)), nullptr, &logical);
        const double residual = set.lines[l].target - static_cast<double>(logical.width) / PANGO_SCALE;
        if (std::abs(residual) < 0.01) continue;
        for (Space& space : spaces[l]) space.adjust += residual / static_cast<double>(spaces[l].size());
        corrected = true;
    }
    if (corrected) {
        spaced = attributes_with_spacing();
        pango_layout_set_attributes(layout, spaced.get());
        if (pango_layout_get_line_count(layout) != static_cast<int>(set.lines.size())) {
            restore();
            return set;
        }
    }
    return set;
}

}  // namespace icc
