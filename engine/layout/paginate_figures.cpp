// Figures and their numbered captions.
// Part of the paginator (paginator.h).
#include "layout/paginator.h"

namespace icc::pagination {

PreparedText Paginator::figure_caption(const FigureBlock& figure, int number, double width) {
    InlineText caption{TextRun::strong(format_message(document_.info.figure_label, document_.info.icu_locale,
                                                      {{"number", static_cast<std::int64_t>(number)}}))};
    if (!figure.caption.empty()) caption.push_back(TextRun::plain(en_space + figure.caption));
    return prepare(caption, caption_style, width);
}

double Paginator::caption_width(const FigureBlock& figure) const {
    return std::min(figure_width(figure), content().width);
}

double Paginator::figure_width(const FigureBlock& figure) const {
    // A chart may be wider than the text (style figure_width): centred on
    // it, so that its labels keep room when the measure is narrow.
    return result_.geometry.figure_area().width * std::clamp(figure.width_fraction, 0.05, 1.0);
}

double Paginator::figure_height(const FigureBlock& figure) {
    const PreparedText caption = figure_caption(figure, figures_ + 1, caption_width(figure));
    return std::min(figure.height, content().height - caption.height() - caption_gap) + caption_gap +
           caption.height();
}

void Paginator::place(std::size_t, const FigureBlock& figure) {
    const int number = ++figures_;
    const double width = figure_width(figure);
    PreparedText caption = figure_caption(figure, number, caption_width(figure));
    const double drawing_height = std::min(figure.height, content().height - caption.height() - caption_gap);
    const double total = drawing_height + caption_gap + caption.height();
    skip(block_gap);
    if (!at_top() && total > space_left()) new_page();
    const double top = cursor_;
    const double x = content().x + (content().width - width) / 2;
    page().figures.push_back({{x, cursor_, width, drawing_height}, figure.chart, figure.alt_text, tag(Role::figure)});
    cursor_ += drawing_height + caption_gap;
    // The caption is text: it keeps to the text area, under the chart's start edge.
    const double caption_x = rtl_ ? std::min(x + width, content().right()) - caption.width : std::max(x, content().x);
    add_lines(caption, 0, caption.line_count(), caption_x, cursor_, muted, tag(Role::caption));
    cursor_ += caption.height();
    record(BlockKind::figure, top, cursor_);
    gap_after(block_gap);
}

}  // namespace icc::pagination
