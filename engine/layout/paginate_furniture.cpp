// Page furniture: running heads, folios and page labels.
// Part of the paginator (paginator.h).
#include "layout/paginator.h"

namespace icc::pagination {

void Paginator::add_page_furniture() {
    const PageGeometry& g = result_.geometry;
    const Rect area = content();
    TextStyle cut_furniture_style = furniture_style;
    cut_furniture_style.ellipsize_end = true;
    const auto pages = static_cast<std::int64_t>(result_.pages.size());
    const FurnitureStyle& s = style_.furniture_layout;
    const double half = area.width / 2 - s.head_gap / 2;
    for (std::int64_t i = 0; i < pages; ++i) {
        LaidOutPage& p = result_.pages[static_cast<std::size_t>(i)];
        p.label = p.cover ? document_.info.cover_label : folio(static_cast<std::size_t>(i));
        if (p.cover) continue;
        const double header_y = g.margin_top - s.head_above_text;
        // The chapter in force at the top of this page, at the other end of the header.
        const HeadingPlacement* chapter = nullptr;
        const auto page_index = static_cast<std::size_t>(i);
        for (const HeadingPlacement& heading : result_.headings) {
            if (heading.level != 1) continue;
            const bool opens_page = heading.page == page_index && !p.blocks.empty() &&
                                    p.blocks.front().block == heading.block;
            if (heading.page < page_index || opens_page) chapter = &heading;
        }
        const std::string title = !chapter                  ? std::string()
                                  : chapter->number.empty() ? chapter->text
                                                            : chapter->number + en_space + chapter->text;
        // Each end has half the width, but a short chapter title leaves the
        // rest to the running header ("インターカルチュラル・シティ・インデックス　星凪市"
        // is wider than half a line); either is cut short only when both are long.
        const double available = area.width - s.head_gap;
        const double title_width = title.empty() ? 0 : prepare(title, furniture_style, 0).width;
        double header_width = half;
        if (!document_.info.running_header.empty()) {
            const double natural = prepare(document_.info.running_header, furniture_style, 0).width;
            header_width = std::clamp(available - title_width, half, std::max(half, natural));
            PreparedText header = prepare(document_.info.running_header, cut_furniture_style, header_width);
            add_furniture(p, header, mirrored(area.x, area.width, 0, header_width), header_y, Role::running_head);
        }
        if (chapter) {
            const double width = available - header_width;
            PreparedText text = prepare(title, cut_furniture_style, width, Alignment::end);
            add_furniture(p, text, mirrored(area.x, area.width, area.width - width, width), header_y,
                          Role::running_head);
        }
        p.fills.push_back(
            {{area.x, g.margin_top - s.rule_above_text, area.width, s.rule_weight}, rule, true, artifact(Role::rule)});
        const std::string folio = format_message(document_.info.page_of_pages, document_.info.icu_locale,
                                                 {{"page", i + 1}, {"pages", pages}});
        PreparedText footer = prepare(folio, furniture_style, area.width, Alignment::end);
        add_furniture(p, footer, area.x, g.height - g.margin_bottom + s.folio_below_text, Role::folio);
    }
}

void Paginator::add_furniture(LaidOutPage& p, const PreparedText& text, double x, double y, Role role) {
    p.texts.push_back(TextBox{{x, y, text.width, text.height()}, share(text.layout.get()), 0, text.line_count(),
                              y - text.lines.front().first, muted, true, artifact(role)});
}

}  // namespace icc::pagination
