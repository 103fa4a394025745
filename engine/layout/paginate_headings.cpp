// Headings: their numbers and anchors, kept with what follows them.
// Part of the paginator (paginator.h).
#include "layout/paginator.h"

namespace icc::pagination {

void Paginator::number_headings() {
    std::vector<int> counters(8, 0);
    std::set<std::string> used;
    for (std::size_t i = 0; i < document_.blocks.size(); ++i) {
        const auto* heading = std::get_if<HeadingBlock>(&document_.blocks[i]);
        if (!heading) continue;
        const int level = std::clamp(heading->level, 1, 6);
        NumberedHeading numbered;
        if (heading->numbered) {
            ++counters[static_cast<std::size_t>(level)];
            for (std::size_t deeper = static_cast<std::size_t>(level) + 1; deeper < counters.size(); ++deeper)
                counters[deeper] = 0;
            for (int l = 1; l <= level; ++l) {
                if (l > 1) numbered.number += '.';
                numbered.number += local_number(counters[static_cast<std::size_t>(l)]);
            }
        }
        std::string anchor = heading->anchor;
        if (anchor.empty())
            anchor = numbered.number.empty() ? "heading-" + std::to_string(i) : "section-" + numbered.number;
        if (used.count(anchor)) anchor += "-" + std::to_string(i);
        used.insert(anchor);
        anchors_.insert(anchor);
        numbered.anchor = anchor;
        numbers_.emplace(i, std::move(numbered));
    }
}

PreparedText Paginator::prepare_heading(std::size_t index) {
    const auto& heading = std::get<HeadingBlock>(document_.blocks[index]);
    const NumberedHeading& numbered = numbers_.at(index);
    const HeadingStyle style = heading_style(heading.level);
    const std::string text = numbered.number.empty() ? heading.text : numbered.number + en_space + heading.text;
    return prepare(text, style.text, content().width);
}

double Paginator::lead_height(std::size_t index, int depth) {
    if (index >= document_.blocks.size() || depth > 4) return 0;
    const Block& block = document_.blocks[index];
    if (std::holds_alternative<HeadingBlock>(block)) {
        const HeadingStyle style = heading_style(std::get<HeadingBlock>(block).level);
        return style.space_before + prepare_heading(index).height() + style.space_after +
               lead_height(index + 1, depth + 1);
    }
    if (std::holds_alternative<ParagraphBlock>(block) || std::holds_alternative<ListBlock>(block))
        return paragraph_gap + flow_for(index).lead_height(min_lines);
    if (const auto* table = std::get_if<TableBlock>(&block)) {
        const auto widths = column_widths(*table);
        return block_gap + table_start_height(*table, widths);
    }
    if (const auto* figure = std::get_if<FigureBlock>(&block)) return block_gap + figure_height(*figure);
    if (const auto* callout = std::get_if<CalloutBlock>(&block))
        return block_gap + std::min(callout_flow(*callout).height() + 2 * callout_padding, content().height);
    return 0;
}

void Paginator::place(std::size_t index, const HeadingBlock& heading) {
    const HeadingStyle style = heading_style(heading.level);
    PreparedText text = prepare_heading(index);
    const double needed = style.space_before + text.height() + style.space_after + lead_height(index + 1);
    if (!at_top() && needed > space_left()) new_page();
    skip(style.space_before);
    const double top = cursor_;
    BoxTag heading_tag = tag(Role::heading);
    heading_tag.level = std::clamp(heading.level, 1, 6);
    add_lines(text, 0, text.line_count(), content().x, cursor_, style.color, heading_tag);
    cursor_ += text.height();
    const NumberedHeading& numbered = numbers_.at(index);
    const double anchor_x = rtl_ ? content().right() : content().x;
    page().destinations.push_back({numbered.anchor, anchor_x, top});
    result_.headings.push_back({index, heading.level, numbered.number, heading.text, numbered.anchor,
                                heading.in_toc, result_.pages.size() - 1, top});
    record(BlockKind::heading, top, cursor_);
    gap_after(style.space_after, true);
}

}  // namespace icc::pagination
