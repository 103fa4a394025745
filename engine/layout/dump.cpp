#include "layout/dump.h"

#include <cstdio>

namespace icc {

const char* role_name(Role role) {
    switch (role) {
    case Role::cover_text: return "cover-text";
    case Role::heading: return "heading";
    case Role::paragraph: return "paragraph";
    case Role::callout_title: return "callout-title";
    case Role::list_label: return "list-label";
    case Role::list_body: return "list-body";
    case Role::header_cell: return "header-cell";
    case Role::data_cell: return "data-cell";
    case Role::caption: return "caption";
    case Role::figure: return "figure";
    case Role::contents_entry: return "contents-entry";
    case Role::contents_page: return "contents-page";
    case Role::link: return "link";
    case Role::running_head: return "artifact:running-head";
    case Role::folio: return "artifact:folio";
    case Role::rule: return "artifact:rule";
    case Role::background: return "artifact:background";
    case Role::repeated_header: return "artifact:repeated-header";
    }
    return "?";
}

namespace {

const char* kind_name(BlockKind kind) {
    switch (kind) {
    case BlockKind::cover: return "cover";
    case BlockKind::heading: return "heading";
    case BlockKind::paragraph: return "paragraph";
    case BlockKind::list: return "list";
    case BlockKind::table: return "table";
    case BlockKind::figure: return "figure";
    case BlockKind::callout: return "callout";
    case BlockKind::contents: return "contents";
    }
    return "?";
}

std::string number(double value) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.2f", value);
    return buffer;
}

std::string rect(const Rect& r) {
    return "x=" + number(r.x) + " y=" + number(r.y) + " w=" + number(r.width) + " h=" + number(r.height);
}

std::string tag_text(const BoxTag& tag) {
    std::string out = role_name(tag.role);
    if (tag.level > 0) out += " level=" + std::to_string(tag.level);
    out += " block=" + (tag.block == BoxTag::no_block ? std::string("-") : std::to_string(tag.block));
    if (tag.part >= 0) out += " part=" + std::to_string(tag.part);
    if (tag.item != -1 || tag.role == Role::header_cell || tag.role == Role::repeated_header)
        out += " item=" + std::to_string(tag.item);
    if (tag.column >= 0) out += " column=" + std::to_string(tag.column);
    out += " lang=" + tag.language;
    return out;
}

// The text of one line, as a reader sees it: soft hyphens only where the line breaks.
std::string line_text(PangoLayout* layout, int index, bool last_line) {
    PangoLayoutLine* line = pango_layout_get_line_readonly(layout, index);
    const char* text = pango_layout_get_text(layout);
    std::string raw(text + line->start_index, static_cast<std::size_t>(line->length));
    static const std::string soft_hyphen = "\u00AD";
    const bool breaks_at_hyphen = !last_line && raw.size() >= soft_hyphen.size() &&
                                  raw.compare(raw.size() - soft_hyphen.size(), soft_hyphen.size(), soft_hyphen) == 0;
    std::string out;
    for (std::size_t at = 0; at < raw.size();) {
        if (raw.compare(at, soft_hyphen.size(), soft_hyphen) == 0) {
            at += soft_hyphen.size();
            continue;
        }
        if (raw[at] == '\n') out += "\\n";
        else if (raw[at] == '"') out += "\\\"";
        else out += raw[at];
        ++at;
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    if (breaks_at_hyphen) out += '-';
    return out;
}

}  // namespace

std::string dump_laid_out(const LaidOutDocument& document) {
    const DocumentMetadata& m = document.metadata;
    std::string out = "document title=\"" + m.title + "\" lang=" + m.language +
                      (m.right_to_left ? " rtl" : " ltr") + " pages=" + std::to_string(document.pages.size()) + "\n";
    for (std::size_t p = 0; p < document.pages.size(); ++p) {
        const LaidOutPage& page = document.pages[p];
        out += "page " + std::to_string(p + 1) + " label=\"" + page.label + "\"" + (page.cover ? " cover" : "") + "\n";
        for (const BlockPlacement& block : page.blocks)
            out += "  block " + std::to_string(block.block) + " " + kind_name(block.kind) + " lang=" + block.language +
                   " " + rect(block.box) + (block.continued ? " continued" : "") +
                   (block.kind == BlockKind::table ? " header-rows=" + std::to_string(block.table_header_rows) +
                                                         " body-rows=" + std::to_string(block.table_body_rows)
                                                   : "") +
                   "\n";
        for (std::size_t t = 0; t < page.texts.size(); ++t) {
            const TextBox& text = page.texts[t];
            out += "  text " + std::to_string(t) + " " + tag_text(text.tag) + " " + rect(text.box) + "\n";
            const int count = pango_layout_get_line_count(text.layout.get());
            for (int line = text.first_line; line < text.end_line; ++line)
                out += "    \"" + line_text(text.layout.get(), line, line + 1 == count) + "\"\n";
        }
        for (std::size_t f = 0; f < page.figures.size(); ++f)
            out += "  figure " + std::to_string(f) + " " + tag_text(page.figures[f].tag) + " " +
                   rect(page.figures[f].box) + " alt=\"" + page.figures[f].alt_text + "\"\n";
        for (std::size_t l = 0; l < page.links.size(); ++l) {
            const LinkBox& link = page.links[l];
            out += "  link " + std::to_string(l) + " " + tag_text(link.tag) + " " + rect(link.box) +
                   (link.url.empty() ? " dest=" + link.destination : " url=" + link.url) + "\n";
        }
        for (std::size_t f = 0; f < page.fills.size(); ++f)
            out += "  fill " + std::to_string(f) + " " + tag_text(page.fills[f].tag) + " " + rect(page.fills[f].box) +
                   "\n";
    }
    return out;
}

}  // namespace icc
