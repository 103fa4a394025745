// Text to shaped Pango layouts: styles, links, hyphenation, script rules, the line breaker.
// Part of the paginator (paginator.h).
#include "layout/paginator.h"

#include <cstring>
#include <string_view>

#include "support/bidi.h"

namespace icc::pagination {

GObjectPtr<PangoLayout> share(PangoLayout* layout) {
    return GObjectPtr<PangoLayout>(static_cast<PangoLayout*>(g_object_ref(layout)));
}

guint16 channel(double value) { return static_cast<guint16>(std::lround(value * 65535)); }

TextStyle text_style(FontRole role, const TypeStyle& type, PangoWeight weight, bool justify,
                     bool whole_paragraph) {
    return {role, type.size, weight, justify, type.line_spacing, whole_paragraph};
}

LineBreakStyle line_break_style(const BreakerStyle& b) {
    LineBreakStyle style = default_line_break_style();
    for (linebreak::Parameters* p : {&style.justified, &style.ragged}) {
        p->line_penalty = b.line_penalty;
        p->explicit_hyphen_penalty = b.explicit_hyphen_penalty;
        p->double_hyphen_demerits = b.double_hyphen_demerits;
        p->final_hyphen_demerits = b.final_hyphen_demerits;
        p->max_consecutive_hyphens = b.max_consecutive_hyphens;
        p->pretolerance = b.pretolerance;
    }
    style.justified.hyphen_penalty = b.hyphen_penalty;
    style.justified.adjacent_demerits = b.adjacent_demerits;
    style.justified.tolerance = b.tolerance;
    style.justified.last_line_min_fraction = b.last_line_min_fraction;
    style.ragged.hyphen_penalty = b.ragged_hyphen_penalty;
    style.ragged.tolerance = b.ragged_tolerance;
    style.space_stretch = b.space_stretch;
    style.space_shrink = b.space_shrink;
    style.ragged_line_end_stretch_em = b.ragged_line_end_stretch_em;
    style.emergency_stretch_em = b.emergency_stretch_em;
    style.min_hyphenated_word = b.min_hyphenated_word;
    style.hyphenate_capitalised = b.hyphenate_capitalised;
    style.optical_margins = b.optical_margins;
    style.protrusion.hyphen = b.hyphen_protrusion;
    style.protrusion.stop = b.stop_protrusion;
    return style;
}

HeadingStyle Paginator::heading_style(int level) const {
    const HeadingTypeStyle& h = style_.headings[static_cast<std::size_t>(std::clamp(level, 1, 4) - 1)];
    return {text_style(FontRole::heading, h.type, PANGO_WEIGHT_BOLD), h.space_before, h.space_after,
            level <= 3 ? accent : ink};
}

Hyphenator* Paginator::hyphenator_for(const std::string& language) {
    auto found = hyphenators_.find(language);
    if (found == hyphenators_.end()) {
        // The document's region ("en_GB") picks regional patterns for its own language.
        const std::string tag = hyphenation_tag(language, document_.info);
        found = hyphenators_.emplace(language, hyphenation_.hyphenator(tag)).first;
    }
    return found->second ? &*found->second : nullptr;
}

PangoAlignment Paginator::alignment(Alignment a, bool right_to_left) const {
    switch (a) {
    case Alignment::center: return PANGO_ALIGN_CENTER;
    case Alignment::end: return right_to_left ? PANGO_ALIGN_LEFT : PANGO_ALIGN_RIGHT;
    case Alignment::start: break;
    }
    return right_to_left ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT;
}

const PangoFontDescription* Paginator::families_for(FontRole role, const std::string& language) {
    auto found = families_.find({role, language});
    if (found == families_.end())
        found = families_
                    .emplace(std::make_pair(role, language),
                             FontDescriptionPtr(pango_font_description_from_string(fonts_.families(role, language).c_str())))
                    .first;
    return found->second.get();
}

PangoContext* Paginator::context_for(bool right_to_left) {
    if (right_to_left == rtl_) return context_.get();
    if (!other_direction_context_) {
        other_direction_context_ = fonts_.create_context();
        pango_context_set_language(other_direction_context_.get(),
                                   pango_language_from_string(document_.info.language.c_str()));
        pango_context_set_base_dir(other_direction_context_.get(),
                                   right_to_left ? PANGO_DIRECTION_RTL : PANGO_DIRECTION_LTR);
    }
    return other_direction_context_.get();
}

void Paginator::apply_script_rules(const std::string& text, PangoAttrList* attributes, bool arabic_paragraph) {
    const char* const begin = text.c_str();
    const char* const end = begin + text.size();
    auto add = [&](PangoAttribute* attribute, const char* from, const char* to) {
        attribute->start_index = static_cast<guint>(from - begin);
        attribute->end_index = static_cast<guint>(to - begin);
        pango_attr_list_insert(attributes, attribute);
    };
    // Arabic words are set larger (Naskh is small for its body size). In an
    // Arabic paragraph a word without letters (a number in Latin digits,
    // "100.000", "2024") is drawn in the Arabic face too (fonts.toml
    // [languages]), so it joins the Arabic words around it: otherwise "من
    // 100.000" and "إلى 200.000؛" (the second holding an Arabic semicolon)
    // come out in two sizes.
    const char* arabic_start = nullptr;
    const char* arabic_end = nullptr;
    const char* neutral_start = nullptr;  // letterless words before any Arabic one
    const char* p = begin;
    while (p < end) {
        while (p < end && g_unichar_isspace(g_utf8_get_char(p))) p = g_utf8_next_char(p);
        const char* word = p;
        bool hangul = false, arabic = false, letters = false;
        while (p < end && !g_unichar_isspace(g_utf8_get_char(p))) {
            const gunichar c = g_utf8_get_char(p);
            hangul = hangul || (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0x1100 && c <= 0x11FF);
            arabic = arabic || (c >= 0x0600 && c <= 0x06FF) || (c >= 0x0750 && c <= 0x077F) ||
                     (c >= 0x08A0 && c <= 0x08FF) || (c >= 0xFB50 && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFF);
            letters = letters || g_unichar_isalpha(c);
            p = g_utf8_next_char(p);
        }
        if (p == word) break;
        if (hangul) add(pango_attr_allow_breaks_new(FALSE), word, p);
        if (arabic) {
            if (!arabic_start) arabic_start = neutral_start ? neutral_start : word;
            arabic_end = p;
            neutral_start = nullptr;
        } else if (arabic_paragraph && !letters) {
            if (arabic_start) arabic_end = p;
            else if (!neutral_start) neutral_start = word;
        } else {
            if (arabic_start) add(pango_attr_scale_new(arabic_scale), arabic_start, arabic_end);
            arabic_start = neutral_start = nullptr;
        }
    }
    if (arabic_start) add(pango_attr_scale_new(arabic_scale), arabic_start, arabic_end);

    // A number and its counter ("86問", "10万人", "2,100人", "12개") stay on
    // one line: Unicode line breaking allows a break between digits and the
    // ideograph after them, Japanese and Chinese typesetting does not (JIS X
    // 4051). The magnitude ideographs (万, 億...) belong to the number.
    auto is_cjk = [](gunichar c) {
        switch (g_unichar_get_script(c)) {
        case G_UNICODE_SCRIPT_HAN: case G_UNICODE_SCRIPT_HIRAGANA: case G_UNICODE_SCRIPT_KATAKANA:
        case G_UNICODE_SCRIPT_HANGUL: case G_UNICODE_SCRIPT_BOPOMOFO: return true;
        default: return false;
        }
    };
    auto is_magnitude = [](gunichar c) {
        return c == 0x5341 || c == 0x767E || c == 0x5343 || c == 0x4E07 || c == 0x5104 || c == 0x5146 ||
               c == 0x4EBF || c == 0xB9CC || c == 0xC5B5;  // 十 百 千 万 億 兆 亿 만 억
    };
    for (p = begin; p < end;) {
        if (!g_unichar_isdigit(g_utf8_get_char(p))) {
            p = g_utf8_next_char(p);
            continue;
        }
        const char* number = p;
        // Digits with their group and decimal separators: "2,100", "3.5".
        while (p < end) {
            const gunichar c = g_utf8_get_char(p);
            const char* next = g_utf8_next_char(p);
            const bool separator = (c == ',' || c == '.' || c == 0xFF0C || c == 0xFF0E) && next < end &&
                                   g_unichar_isdigit(g_utf8_get_char(next));
            if (!g_unichar_isdigit(c) && !separator) break;
            p = next;
        }
        while (p < end && is_magnitude(g_utf8_get_char(p))) p = g_utf8_next_char(p);
        if (p < end && is_cjk(g_utf8_get_char(p))) {
            p = g_utf8_next_char(p);
            add(pango_attr_allow_breaks_new(FALSE), number, p);
        }
    }
}

PreparedText PreparedText::share() const {
    PreparedText copy;
    copy.layout = pagination::share(layout.get());
    copy.lines = lines;
    copy.links = links;
    copy.inserted_hyphens = inserted_hyphens;
    copy.width = width;
    return copy;
}

namespace {

void add_field(std::string& key, std::string_view field) {
    key += std::to_string(field.size());
    key += ':';
    key += field;
}

template <typename Number>
void add_number(std::string& key, Number number) {
    char bytes[sizeof number];
    std::memcpy(bytes, &number, sizeof number);  // exact: two widths differing in the last bit differ
    key.append(bytes, sizeof number);
}

// Everything the shaping of a text depends on within one document, written
// out without ambiguity (lengths before strings, numbers bit for bit).
std::string shaping_key(const InlineText& runs, const TextStyle& style, double width, Alignment align,
                        bool hyphenate, const std::string& language) {
    std::string key;
    add_number(key, runs.size());
    for (const TextRun& run : runs) {
        add_field(key, run.text);
        key += run.bold ? 'b' : '-';
        key += run.italic ? 'i' : '-';
        add_field(key, run.url);
        add_field(key, run.anchor);
    }
    add_number(key, static_cast<int>(style.role));
    add_number(key, style.size);
    add_number(key, static_cast<int>(style.weight));
    add_number(key, style.line_spacing);
    key += style.justify ? 'j' : '-';
    key += style.whole_paragraph ? 'w' : '-';
    key += style.ellipsize_end ? 'e' : '-';
    add_number(key, width);
    add_number(key, static_cast<int>(align));
    key += hyphenate ? 'h' : '-';
    add_field(key, language);
    return key;
}

}  // namespace

PreparedText Paginator::prepare(const InlineText& runs, const TextStyle& style, double width,
                                Alignment align, bool hyphenate,
                                const std::string& language) {
    check_links(runs);
    std::string key = shaping_key(runs, style, width, align, hyphenate, language);
    auto found = shaped_.find(key);
    if (found == shaped_.end()) {
        if (auto earlier = earlier_texts_.extract(key)) found = shaped_.insert(std::move(earlier)).position;
        else found = shaped_.emplace(std::move(key), shape(runs, style, width, align, hyphenate, language)).first;
    }
    return found->second.share();
}

void Paginator::check_links(const InlineText& runs) const {
    for (const TextRun& run : runs)
        if (run.url.empty() && !run.anchor.empty() && !run.text.empty() && !anchors_.count(run.anchor))
            throw InternalError(Diagnostic{Severity::error, {},
                                           "internal link '" + run.text + "' points to anchor '" + run.anchor +
                                               "', which no heading has"});
}

std::string Paginator::setting_key() const {
    std::string key;
    add_field(key, document_.info.language);
    add_field(key, document_.info.icu_locale);
    key += rtl_ ? 'r' : 'l';
    add_field(key, hyphenation_.folder().string());
    add_field(key, canonical_text(style_));
    return key;
}

void Paginator::keep_shaped_texts() {
    if (!earlier_) return;
    ShapedStore& store = *earlier_->store_;
    ShapedStore::Setting& setting = store.settings[setting_key()];
    setting.texts = std::move(shaped_);
    setting.last_used = ++store.documents;
    while (store.settings.size() > ShapedStore::kept_settings)
        store.settings.erase(std::min_element(store.settings.begin(), store.settings.end(),
                                              [](const auto& a, const auto& b) {
                                                  return a.second.last_used < b.second.last_used;
                                              }));
}

PreparedText Paginator::shape(const InlineText& runs, const TextStyle& style, double width,
                              Alignment align, bool hyphenate,
                              const std::string& language) {
    const std::string& lang = language.empty() ? document_.info.language : language;
    Hyphenator* hyphenator = hyphenate ? hyphenator_for(lang) : nullptr;

    std::string text;
    AttrListPtr attributes(pango_attr_list_new());
    PreparedText prepared;
    for (const TextRun& run : runs) {
        const auto start = static_cast<guint>(text.size());
        const bool is_link = !run.url.empty() || !run.anchor.empty();
        text += hyphenator && run.url.empty() ? hyphenator->hyphenate(run.text) : run.text;
        const auto end = static_cast<guint>(text.size());
        if (start == end) continue;
        auto add = [&](PangoAttribute* attribute) {
            attribute->start_index = start;
            attribute->end_index = end;
            pango_attr_list_insert(attributes.get(), attribute);
        };
        if (run.bold) add(pango_attr_weight_new(PANGO_WEIGHT_BOLD));
        if (run.italic) add(pango_attr_style_new(PANGO_STYLE_ITALIC));
        if (is_link) {
            add(pango_attr_foreground_new(channel(accent.r), channel(accent.g), channel(accent.b)));
            if (!run.url.empty()) add(pango_attr_underline_new(PANGO_UNDERLINE_SINGLE));
            prepared.links.push_back({static_cast<int>(start), static_cast<int>(end), run.url, run.anchor});
        }
    }
    auto arabic = written_in_arabic_.find(lang);
    if (arabic == written_in_arabic_.end()) arabic = written_in_arabic_.emplace(lang, likely_script(lang) == "Arab").first;
    apply_script_rules(text, attributes.get(), arabic->second);
    if (!language.empty() && language != document_.info.language) {
        PangoAttribute* attribute = pango_attr_language_new(pango_language_from_string(language.c_str()));
        pango_attr_list_insert(attributes.get(), attribute);
    }

    const bool right_to_left =
        language.empty() || language == document_.info.language ? rtl_ : language_is_right_to_left(language);
    GObjectPtr<PangoLayout> layout(pango_layout_new(context_for(right_to_left)));
    FontDescriptionPtr font(pango_font_description_copy(families_for(style.role, lang)));
    pango_font_description_set_absolute_size(font.get(), style.size * PANGO_SCALE);
    pango_font_description_set_weight(font.get(), style.weight);
    pango_layout_set_font_description(layout.get(), font.get());
    // A width of 0 asks for one unwrapped line, as wide as its text.
    pango_layout_set_width(layout.get(), width > 0 ? static_cast<int>(width * PANGO_SCALE) : -1);
    pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD_CHAR);
    if (style.line_spacing > 0) pango_layout_set_line_spacing(layout.get(), static_cast<float>(style.line_spacing));
    pango_layout_set_justify(layout.get(), style.justify);
    pango_layout_set_alignment(layout.get(), alignment(align, right_to_left));
    // The context's direction, the language's, not the first strong letter's.
    pango_layout_set_auto_dir(layout.get(), FALSE);
    // Plain text: whatever the data holds is shown literally, never parsed as markup.
    pango_layout_set_text(layout.get(), text.c_str(), static_cast<int>(text.size()));
    pango_layout_set_attributes(layout.get(), attributes.get());
    if (style.whole_paragraph && width > 0) {
        const SetParagraph set =
            set_paragraph(layout.get(), width, style.justify, hyphenator != nullptr, line_break_style_);
        if (set.fallback == Fallback::none) {
            // The breaker rewrote the text (line separators, hyphens): links follow.
            for (LinkRange& link : prepared.links) {
                link.start = set.remap(link.start);
                link.end = set.remap(link.end);
            }
            for (const SetLine& line : set.lines)
                if (line.inserted_hyphen >= 0) prepared.inserted_hyphens.push_back(line.inserted_hyphen);
        } else if (hyphenator && text.find(soft_hyphen) != std::string::npos) {
            // Pango breaks it (right-to-left or CJK text inside, a word
            // wider than the measure): without soft hyphens, since Pango
            // would divide any word, capitalised or not, any number of
            // lines in a row, and leave U+00AD in the extracted text.
            TextStyle wrapped = style;
            wrapped.whole_paragraph = false;
            return prepare(runs, wrapped, width, align, false, language);
        }
    }

    PangoLayoutIter* iter = pango_layout_get_iter(layout.get());
    do {
        int top = 0, bottom = 0;
        pango_layout_iter_get_line_yrange(iter, &top, &bottom);
        prepared.lines.emplace_back(static_cast<double>(top) / PANGO_SCALE, static_cast<double>(bottom) / PANGO_SCALE);
    } while (pango_layout_iter_next_line(iter));
    pango_layout_iter_free(iter);
    if (width <= 0) {
        PangoRectangle logical;
        pango_layout_get_extents(layout.get(), nullptr, &logical);
        width = static_cast<double>(logical.width) / PANGO_SCALE;
    }
    // After measuring: the box keeps the height of the text set whole.
    if (style.ellipsize_end) pango_layout_set_ellipsize(layout.get(), PANGO_ELLIPSIZE_END);
    prepared.layout = std::move(layout);
    prepared.width = width;
    return prepared;
}

PreparedText Paginator::prepare(const std::string& text, const TextStyle& style, double width,
                                Alignment align) {
    return prepare(plain_text(text), style, width, align);
}

}  // namespace icc::pagination
