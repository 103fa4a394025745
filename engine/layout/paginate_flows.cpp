// Paragraphs, lists and call-outs broken across pages: widows, orphans, keep-with-next.
// Part of the paginator (paginator.h).
#include "layout/paginator.h"

namespace icc::pagination {

template <typename OnSegment>
void Paginator::place_flow(const Flow& flow, const Column& column, OnSegment on_segment) {
    double segment_top = cursor_;
    double segment_bottom = cursor_;  // foot of the last lines placed on this page
    bool placed_in_segment = false;
    auto break_page = [&] {
        if (placed_in_segment) on_segment(segment_top, segment_bottom + column.inset_bottom, true);
        placed_in_segment = false;
        new_page();
        cursor_ += column.inset_top;
        segment_top = content().y;
    };
    for (std::size_t index = 0; index < flow.items.size(); ++index) {
        const FlowItem& item = flow.items[index];
        const PreparedText& text = item.text;
        const bool fresh_page = cursor_ <= content().y + column.inset_top + 0.01;
        if (index > 0 && !fresh_page) cursor_ += item.space_before;
        if (item.keep_with_next && index + 1 < flow.items.size() && !fresh_page) {
            const FlowItem& next = flow.items[index + 1];
            const double needed = text.height() + next.space_before + lead_of(next);
            if (needed > bottom() - column.inset_bottom - cursor_) break_page();
        }
        const int lines = text.line_count();
        int first = 0;
        bool first_slice = true;
        while (first < lines) {
            const double available = bottom() - column.inset_bottom - cursor_;
            const bool fresh = cursor_ <= content().y + column.inset_top + 0.01;
            int fit = first;
            while (fit < lines && text.span(first, fit + 1) <= available + 0.01) ++fit;
            int take = fit - first;
            const int remaining = lines - first;
            if (take < remaining) {
                if (remaining - take < min_lines) take = remaining - min_lines;
                if (take < min_lines && !(first_slice && first == 0 && lines == 1 && take == 1)) take = 0;
                if (take <= 0) {
                    if (fresh) take = std::max(1, fit - first);  // a page too small for the rules: fill it
                    else {
                        break_page();
                        first_slice = false;
                        continue;
                    }
                }
            }
            const double x = mirrored(column.x, column.width, item.offset, text.width);
            add_lines(text, first, first + take, x, cursor_, item.color, item.tag);
            placed_in_segment = true;
            if (first == 0 && item.marker) {
                const PreparedText& marker = *item.marker;
                // The marker sits on the first line's baseline.
                const double baseline =
                    static_cast<double>(pango_layout_get_baseline(text.layout.get())) / PANGO_SCALE;
                const double marker_baseline =
                    static_cast<double>(pango_layout_get_baseline(marker.layout.get())) / PANGO_SCALE;
                const double marker_x = mirrored(column.x, column.width, item.marker_offset, marker.width);
                add_lines(marker, 0, marker.line_count(), marker_x, cursor_ + baseline - marker_baseline,
                          item.color, item.marker_tag);
            }
            cursor_ += text.span(first, first + take);
            segment_bottom = cursor_;
            first += take;
            first_slice = false;
            if (first < lines) break_page();
        }
    }
    if (placed_in_segment) on_segment(segment_top, segment_bottom + column.inset_bottom, false);
}

double Paginator::lead_of(const FlowItem& item) const {
    const int lines = item.text.line_count();
    return item.text.span(0, lines <= 2 * min_lines - 1 ? lines : min_lines);
}

FlowItem Paginator::paragraph_item(const ParagraphBlock& paragraph, double width) {
    const TextStyle& style = paragraph.style == ParagraphStyle::lead   ? lead_style
                             : paragraph.style == ParagraphStyle::note ? note_style
                                                                       : body_style;
    FlowItem item;
    // Lead paragraphs are ragged-right, and a ragged line needs no division.
    item.text = prepare(paragraph.text, style, width, Alignment::start, paragraph.style == ParagraphStyle::body,
                        paragraph.language);
    item.color = paragraph.style == ParagraphStyle::note ? muted : ink;
    item.tag = tag(Role::paragraph);
    item.tag.language = paragraph.language.empty() ? document_.info.language : paragraph.language;
    return item;
}

std::vector<FlowItem> Paginator::list_items(const ListBlock& list, double width, const TextStyle& style) {
    // Markers first: the text is indented past the widest ("10." is wider than "9.").
    TextStyle marker_style = style;
    marker_style.justify = false;
    std::vector<PreparedText> markers;
    double widest = 0;
    for (std::size_t i = 0; i < list.items.size(); ++i) {
        markers.push_back(prepare(list.numbered ? local_number(static_cast<std::int64_t>(i) + 1) + "." : "\u2022",
                                  marker_style, 0));
        widest = std::max(widest, markers.back().width);
    }
    const double indent = std::max(list_indent, widest + style_.list_marker_gap);
    std::vector<FlowItem> items;
    for (std::size_t i = 0; i < list.items.size(); ++i) {
        FlowItem item;
        item.color = ink;
        item.text = prepare(list.items[i], style, width - indent, Alignment::start, true, list.language);
        // Numbers align to the end of the marker column, bullets to its start.
        item.marker_offset = list.numbered ? indent - style_.list_marker_gap - markers[i].width : 0;
        item.marker = std::move(markers[i]);
        item.offset = indent;
        item.space_before = items.empty() ? 0 : list_item_gap;
        item.tag = tag(Role::list_body, static_cast<int>(i));
        item.tag.language = list.language.empty() ? document_.info.language : list.language;
        item.marker_tag = item.tag;
        item.marker_tag.role = Role::list_label;
        items.push_back(std::move(item));
    }
    return items;
}

Flow& Paginator::flow_for(std::size_t index) {
    auto found = flows_.find(index);
    if (found != flows_.end()) return found->second;
    Flow flow;
    const Block& block = document_.blocks[index];
    if (const auto* paragraph = std::get_if<ParagraphBlock>(&block))
        flow.items.push_back(paragraph_item(*paragraph, content().width));
    else if (const auto* list = std::get_if<ListBlock>(&block))
        flow.items = list_items(*list, content().width, list_style);
    // Measured ahead (keep-with-next) while another block is current: the tags name this one.
    for (FlowItem& item : flow.items) item.tag.block = item.marker_tag.block = index;
    return flows_.emplace(index, std::move(flow)).first->second;
}

void Paginator::place_text_flow(std::size_t index, BlockKind kind) {
    Flow flow = std::move(flow_for(index));
    flows_.erase(index);
    if (flow.items.empty()) return;
    skip(paragraph_gap);
    place_flow(flow, {content().x, content().width}, [&](double top, double bottom_edge, bool continued) {
        record(kind, top, bottom_edge, continued);
    });
}

double Paginator::callout_inner_width() const {
    return content().width - callout_rule - 2 * callout_padding;
}

Flow Paginator::callout_flow(const CalloutBlock& callout) {
    const double width = callout_inner_width();
    Flow flow;
    if (!callout.title.empty()) {
        FlowItem title;
        title.text = prepare(callout.title, callout_title_style, width);
        title.color = accent;
        title.keep_with_next = true;
        title.tag = tag(Role::callout_title);
        flow.items.push_back(std::move(title));
    }
    int part = -1;
    for (const CalloutContent& content : callout.blocks) {
        ++part;
        const double gap = flow.items.empty() ? 0 : callout_gap;
        if (const auto* paragraph = std::get_if<ParagraphBlock>(&content)) {
            FlowItem item;
            if (paragraph->style == ParagraphStyle::body) {
                item.color = ink;
                item.text = prepare(paragraph->text, callout_body_style, width, Alignment::start, true,
                                    paragraph->language);
                item.tag = tag(Role::paragraph);
                item.tag.language = paragraph->language.empty() ? document_.info.language : paragraph->language;
            } else {
                item = paragraph_item(*paragraph, width);
            }
            item.space_before = gap;
            item.tag.part = part;
            flow.items.push_back(std::move(item));
        } else if (const auto* list = std::get_if<ListBlock>(&content)) {
            auto items = list_items(*list, width, callout_body_style);
            if (!items.empty()) items.front().space_before = gap;
            for (auto& item : items) {
                item.tag.part = item.marker_tag.part = part;
                flow.items.push_back(std::move(item));
            }
        }
    }
    return flow;
}

void Paginator::place(std::size_t, const CalloutBlock& callout) {
    Flow flow = callout_flow(callout);
    if (flow.items.empty()) return;
    skip(block_gap);
    const double total = flow.height() + 2 * callout_padding;
    // Kept whole: moved to the next page unless it is taller than a page.
    if (!at_top() && total > space_left() && total <= content().height) new_page();
    const Rect area = content();
    cursor_ += callout_padding;
    const Column column{mirrored(area.x, area.width, callout_rule + callout_padding, callout_inner_width()),
                        callout_inner_width(), callout_padding, callout_padding};
    place_flow(flow, column, [&](double top, double bottom_edge, bool continued) {
        const double box_top_fixed = std::max(top - callout_padding, area.y);
        const double height = bottom_edge - box_top_fixed;
        page().fills.push_back(
            {{area.x, box_top_fixed, area.width, height}, callout_tint, false, artifact(Role::background)});
        page().fills.push_back({{mirrored(area.x, area.width, 0, callout_rule), box_top_fixed, callout_rule, height},
                                accent, false, artifact(Role::rule)});
        record(BlockKind::callout, box_top_fixed, bottom_edge, continued);
    });
    cursor_ += callout_padding;
    gap_after(block_gap);
}

}  // namespace icc::pagination
