// The paginator's pass over the blocks, and what every part shares: pages, the
// cursor and the gaps between blocks, the boxes placed and their tags. The
// parts are listed in paginator.h.
#include "layout/paginate.h"

#include "layout/paginator.h"

namespace icc {

namespace pagination {

Paginator::Paginator(const Document& document, const FontSet& fonts, const HyphenationDictionaries& hyphenation,
                     ShapedTexts* earlier)
    : document_(document), fonts_(fonts), hyphenation_(hyphenation), context_(fonts.create_context()),
      rtl_(document.info.right_to_left), earlier_(earlier) {
    result_.geometry = style_.page;
    pango_context_set_language(context_.get(), pango_language_from_string(document.info.language.c_str()));
    pango_context_set_base_dir(context_.get(), rtl_ ? PANGO_DIRECTION_RTL : PANGO_DIRECTION_LTR);
    if (earlier_) {
        // A layout is shaped on the fonts of its context: another set's would be wrong, not just stale.
        if (&earlier_->fonts() != &fonts) throw InternalError("texts shaped on another font set");
        const auto setting = earlier_->store_->settings.find(setting_key());
        if (setting != earlier_->store_->settings.end()) earlier_texts_ = std::move(setting->second.texts);
    }
}

LaidOutDocument Paginator::run() {
    const DocumentInfo& info = document_.info;
    result_.metadata = {info.title, info.author,   info.subject, info.keywords,
                        info.language, info.right_to_left, info.date};
    number_headings();
    new_page();
    for (std::size_t i = 0; i < document_.blocks.size(); ++i) {
        current_block_ = i;
        std::visit([this, i](const auto& block) { place(i, block); }, document_.blocks[i]);
    }
    while (result_.pages.size() > 1 && page_is_empty(result_.pages.back())) result_.pages.pop_back();
    fill_in_contents();
    add_page_furniture();
    keep_shaped_texts();
    return std::move(result_);
}

bool Paginator::page_is_empty(const LaidOutPage& page) {
    return page.texts.empty() && page.fills.empty() && page.figures.empty();
}

LaidOutPage& Paginator::page() {
    if (result_.pages.empty()) new_page();
    return result_.pages.back();
}

void Paginator::new_page() {
    result_.pages.emplace_back();
    cursor_ = content().y;
    gap_after_ = 0;
    exact_gap_ = false;
}

double Paginator::mirrored(double column_x, double column_width, double offset, double width) const {
    return rtl_ ? column_x + column_width - offset - width : column_x + offset;
}

void Paginator::skip(double space_before) {
    if (!at_top()) cursor_ += exact_gap_ ? gap_after_ : std::max(space_before, gap_after_);
    gap_after_ = 0;
    exact_gap_ = false;
}

void Paginator::gap_after(double space, bool exact) {
    gap_after_ = space;
    exact_gap_ = exact;
}

void Paginator::record(BlockKind kind, double top, double bottom_edge, bool continued, int header_rows,
                       int body_rows) {
    page().blocks.push_back({current_block_, kind, {content().x, top, content().width, bottom_edge - top},
                             continued, header_rows, body_rows, block_language(current_block_)});
}

std::string Paginator::block_language(std::size_t index) const {
    if (index < document_.blocks.size()) {
        if (const auto* paragraph = std::get_if<ParagraphBlock>(&document_.blocks[index]))
            if (!paragraph->language.empty()) return paragraph->language;
        if (const auto* list = std::get_if<ListBlock>(&document_.blocks[index]))
            if (!list->language.empty()) return list->language;
    }
    return document_.info.language;
}

BoxTag Paginator::tag(Role role, int item, int column) const {
    BoxTag result{current_block_, role};
    result.item = item;
    result.column = column;
    result.language = block_language(current_block_);
    return result;
}

BoxTag Paginator::artifact(Role role) const {
    BoxTag result{BoxTag::no_block, role};
    result.language = document_.info.language;
    return result;
}

void Paginator::add_lines(const PreparedText& text, int first, int end, double x, double y, Color color,
                          const BoxTag& box_tag) {
    const double top = text.lines[static_cast<std::size_t>(first)].first;
    const double layout_top = y - top;
    TextBox box{{x, y, text.width, text.span(first, end)}, share(text.layout.get()), first, end, layout_top, color,
                false, box_tag};
    if (!text.inserted_hyphens.empty()) {
        const int from = pango_layout_get_line_readonly(text.layout.get(), first)->start_index;
        const PangoLayoutLine* last = pango_layout_get_line_readonly(text.layout.get(), end - 1);
        const int to = last->start_index + last->length;
        for (int hyphen : text.inserted_hyphens)
            if (hyphen >= from && hyphen < to) box.inserted_hyphens.push_back(hyphen);
    }
    page().texts.push_back(std::move(box));
    BoxTag link_tag = box_tag;
    link_tag.role = Role::link;
    for (const LinkRange& link : text.links) {
        for (int index = first; index < end; ++index) {
            PangoLayoutLine* line = pango_layout_get_line_readonly(text.layout.get(), index);
            int* ranges = nullptr;
            int count = 0;
            pango_layout_line_get_x_ranges(line, link.start, link.end, &ranges, &count);
            const auto& [line_top, line_bottom] = text.lines[static_cast<std::size_t>(index)];
            for (int r = 0; r < count; ++r) {
                const double left = static_cast<double>(ranges[2 * r]) / PANGO_SCALE;
                const double right = static_cast<double>(ranges[2 * r + 1]) / PANGO_SCALE;
                if (right - left < 0.5) continue;
                page().links.push_back({{x + left, layout_top + line_top, right - left, line_bottom - line_top},
                                        link.url, link.anchor, link_tag});
            }
            g_free(ranges);
        }
    }
}

}  // namespace pagination

ShapedTexts::ShapedTexts(const FontSet& fonts) : fonts_(fonts), store_(std::make_unique<pagination::ShapedStore>()) {}

ShapedTexts::~ShapedTexts() = default;

std::size_t ShapedTexts::size() const {
    std::size_t count = 0;
    for (const auto& [key, setting] : store_->settings) count += setting.texts.size();
    return count;
}

LaidOutDocument paginate(const Document& document, const FontSet& fonts, const HyphenationDictionaries& hyphenation,
                         ShapedTexts* earlier) {
    return pagination::Paginator(document, fonts, hyphenation, earlier).run();
}

LaidOutDocument paginate(const Document& document, const FontSet& fonts) {
    const HyphenationDictionaries hyphenation(fonts.hyphenation_folder());
    return paginate(document, fonts, hyphenation);
}

}  // namespace icc
