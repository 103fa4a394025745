// The cover page and page breaks.
// Part of the paginator (paginator.h).
#include "layout/paginator.h"

namespace icc::pagination {

void Paginator::place(std::size_t, const CoverBlock& cover) {
    if (!result_.pages.empty() && !page_is_empty(page())) new_page();
    page().cover = true;
    const PageGeometry& g = result_.geometry;
    const CoverStyle& s = style_.cover;
    const double band_height = g.height * s.band;
    page().fills.push_back({{0, 0, g.width, band_height}, accent, false, artifact(Role::background)});
    const double width = g.width - g.margin_inner - g.margin_outer;
    const double x = g.margin_inner;
    page().fills.push_back({{mirrored(x, width, 0, s.rule_width), band_height - s.rule_above_band_foot, s.rule_width,
                             s.rule_height},
                            white, false, artifact(Role::rule)});

    PreparedText kicker = prepare(cover.kicker, text_style(FontRole::heading, s.kicker, PANGO_WEIGHT_BOLD), width);
    add_lines(kicker, 0, kicker.line_count(), x, s.kicker_top, accent_light, tag(Role::cover_text, 0));
    PreparedText title = prepare(cover.title, text_style(FontRole::heading, s.title, PANGO_WEIGHT_BOLD), width);
    PreparedText subtitle = prepare(cover.subtitle, text_style(FontRole::heading, s.subtitle), width);
    const double subtitle_y = band_height - s.subtitle_above_band_foot - subtitle.height();
    const double title_y = subtitle_y - s.title_gap - title.height();
    add_lines(title, 0, title.line_count(), x, title_y, white, tag(Role::cover_text, 1));
    add_lines(subtitle, 0, subtitle.line_count(), x, subtitle_y, white, tag(Role::cover_text, 2));

    double y = band_height + s.details_below_band;
    int item = 3;
    for (const std::string& line : cover.details) {
        PreparedText detail = prepare(line, text_style(FontRole::heading, s.details), width);
        add_lines(detail, 0, detail.line_count(), x, y, ink, tag(Role::cover_text, item++));
        y += detail.height() + s.details_gap;
    }
    record(BlockKind::cover, 0, g.height);
    // Nothing else shares the cover.
    new_page();
}

void Paginator::place(std::size_t, const PageBreakBlock&) {
    if (!result_.pages.empty() && !at_top()) new_page();
}

}  // namespace icc::pagination
