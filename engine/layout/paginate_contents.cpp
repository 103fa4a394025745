// The table of contents, and its page numbers once the headings have landed.
// Part of the paginator (paginator.h).
#include "layout/paginator.h"


namespace icc::pagination {

void Paginator::place(std::size_t index, const TableOfContentsBlock& contents) {
    const HeadingStyle title_style = heading_style(1);
    if (!contents.title.empty()) {
        PreparedText title = prepare(contents.title, title_style.text, content().width);
        if (!at_top()) skip(title_style.space_before);
        const double top = cursor_;
        BoxTag title_tag = tag(Role::heading);
        title_tag.level = 1;
        add_lines(title, 0, title.line_count(), content().x, cursor_, title_style.color, title_tag);
        cursor_ += title.height();
        record(BlockKind::contents, top, cursor_);
        gap_after(title_style.space_after + style_.contents.title_gap, true);
    }
    for (std::size_t i = 0; i < document_.blocks.size(); ++i) {
        const auto* heading = std::get_if<HeadingBlock>(&document_.blocks[i]);
        if (!heading || !heading->in_toc || heading->level > contents.depth) continue;
        const NumberedHeading& numbered = numbers_.at(i);
        const bool major = heading->level == 1;
        const ContentsStyle& s = style_.contents;
        const TextStyle style = major ? text_style(FontRole::heading, s.entry, PANGO_WEIGHT_BOLD)
                                      : text_style(FontRole::heading, s.subentry);
        const double indent = major ? 0 : s.indent * (heading->level - 1);
        const double width = content().width - indent - toc_number_column;
        const std::string text =
            numbered.number.empty() ? heading->text : numbered.number + en_space + heading->text;
        PreparedText entry = prepare(text, style, width);
        skip(major ? s.entry_gap : s.subentry_gap);
        if (entry.height() > space_left()) new_page();
        const double top = cursor_;
        BoxTag entry_tag = tag(Role::contents_entry, static_cast<int>(pending_contents_.size()));
        entry_tag.level = heading->level;
        add_lines(entry, 0, entry.line_count(), mirrored(content().x, content().width, indent, width), cursor_,
                  ink, entry_tag);
        const double baseline = static_cast<double>(pango_layout_get_baseline(entry.layout.get())) / PANGO_SCALE;
        cursor_ += entry.height();
        record(BlockKind::contents, top, cursor_);
        pending_contents_.push_back(
            {i, result_.pages.size() - 1, {content().x, top, content().width, cursor_ - top}, style, baseline,
             entry_tag});
    }
    (void)index;
    gap_after(block_gap);
}

std::string Paginator::local_number(std::int64_t number) const {
    // A part of a number ("5" of "5.1", "1" of "1."), not a value in a sentence:
    // isolated, the parts of "٥.١" would run right to left in Arabic.
    return ungrouped_number(number, document_.info.icu_locale);
}

void Paginator::fill_in_contents() {
    for (const PendingContentsEntry& entry : pending_contents_) {
        const auto heading = std::find_if(result_.headings.begin(), result_.headings.end(),
                                          [&](const HeadingPlacement& h) { return h.block == entry.heading_block; });
        if (heading == result_.headings.end()) continue;
        const std::string number = folio(heading->page);
        PreparedText text = prepare(number, entry.style, toc_number_column, Alignment::end);
        LaidOutPage& target = result_.pages[entry.page];
        const double x = mirrored(entry.row.x, entry.row.width, entry.row.width - toc_number_column, toc_number_column);
        const double baseline = static_cast<double>(pango_layout_get_baseline(text.layout.get())) / PANGO_SCALE;
        const double y = entry.row.y + entry.number_baseline - baseline;
        BoxTag number_tag = entry.tag;
        number_tag.role = Role::contents_page;
        BoxTag link_tag = entry.tag;
        link_tag.role = Role::link;
        target.texts.push_back(TextBox{{x, y, toc_number_column, text.height()}, share(text.layout.get()), 0,
                                       text.line_count(), y - text.lines.front().first, ink, false, number_tag});
        target.links.push_back({entry.row, {}, heading->anchor, link_tag});
        result_.contents.push_back({heading->anchor, entry.page, number});
    }
}

}  // namespace icc::pagination
