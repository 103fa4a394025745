#include "render/structure.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "support/bidi.h"
#include "support/diagnostic.h"

namespace icc::structure {

namespace {

const std::string soft_hyphen = "\u00AD";
const std::string inserted_hyphen = "\u2010";
const std::string line_separator = "\u2028";  // the line breaker ends its lines with it

bool right_to_left(const std::string& text) {
    for (const char* p = text.c_str(); *p; p = g_utf8_next_char(p)) {
        const UCharDirection direction = u_charDirection(static_cast<UChar32>(g_utf8_get_char(p)));
        if (direction == U_RIGHT_TO_LEFT || direction == U_RIGHT_TO_LEFT_ARABIC) return true;
    }
    return false;
}

// The lines of a text box in logical order, soft hyphens and the line
// breaker's inserted hyphens left out; and
// whether one of them breaks at a hyphen the typesetter added.
std::pair<std::string, bool> logical_text(const TextBox& box) {
    PangoLayout* layout = box.layout.get();
    const char* all = pango_layout_get_text(layout);
    const int count = pango_layout_get_line_count(layout);
    std::string text;
    bool hyphenated = false;
    for (int index = box.first_line; index < box.end_line && index < count; ++index) {
        PangoLayoutLine* line = pango_layout_get_line_readonly(layout, index);
        const std::string raw(all + line->start_index, static_cast<std::size_t>(line->length));
        if (index + 1 < count && raw.size() >= soft_hyphen.size() &&
            raw.compare(raw.size() - soft_hyphen.size(), soft_hyphen.size(), soft_hyphen) == 0)
            hyphenated = true;
        for (std::size_t at = 0; at < raw.size();) {
            if (raw.compare(at, soft_hyphen.size(), soft_hyphen) == 0) {
                at += soft_hyphen.size();
                continue;
            }
            // The line breaker's U+2010 that divides a word is not in the source text.
            const int byte = line->start_index + static_cast<int>(at);
            if (std::find(box.inserted_hyphens.begin(), box.inserted_hyphens.end(), byte) != box.inserted_hyphens.end()) {
                at += inserted_hyphen.size();
                // and neither is the line separator that ends its line: the word goes on.
                if (raw.compare(at, line_separator.size(), line_separator) == 0) at += line_separator.size();
                hyphenated = true;
                continue;
            }
            text += raw[at++];
        }
    }
    return {text, hyphenated};
}

std::string key_of(const char* what, std::size_t block, int a = 0, int b = 0) {
    return std::string(what) + "|" + std::to_string(block) + "|" + std::to_string(a) + "|" + std::to_string(b);
}

int rank(Role role) {
    switch (role) {
    case Role::list_body:
    case Role::caption:
    case Role::contents_page: return 1;
    default: return 0;
    }
}

bool contains(const Rect& outer, double x, double y) {
    return x >= outer.x - 0.5 && x <= outer.right() + 0.5 && y >= outer.y - 0.5 && y <= outer.bottom() + 0.5;
}

class Planner {
public:
    explicit Planner(const LaidOutDocument& document) : document_(document) {
        // A section opens at each chapter heading and at the table of contents.
        for (const HeadingPlacement& heading : document.headings)
            if (heading.level == 1) section_starts_.insert(heading.block);
        for (const LaidOutPage& page : document.pages)
            for (const BlockPlacement& block : page.blocks)
                if (block.kind == BlockKind::contents) section_starts_.insert(block.block);
        for (const LaidOutPage& page : document.pages)
            for (const TextBox& text : page.texts)
                if (text.tag.role == Role::contents_entry && text.tag.item >= 0) {
                    std::vector<int>& levels = entry_levels_[text.tag.block];
                    if (levels.size() <= static_cast<std::size_t>(text.tag.item)) levels.resize(text.tag.item + 1, 1);
                    levels[text.tag.item] = text.tag.level;
                }
    }

    std::vector<Leaf> run() {
        for (std::size_t p = 0; p < document_.pages.size(); ++p) plan_page(p);
        return std::move(leaves_);
    }

private:
    struct Placed {
        Drawn drawn;
        const BoxTag* tag;
    };

    std::vector<Group> section(std::size_t block) const {
        auto after = section_starts_.upper_bound(block);
        if (after == section_starts_.begin()) return {};
        const std::size_t start = *std::prev(after);
        return {{"Sect", key_of("sect", start)}};
    }

    // The entries a contents entry is nested in, outermost first: for "4.1",
    // the entry "4" (the nearest earlier entry of a lower level, and so on up).
    [[nodiscard]] std::vector<int> enclosing_entries(std::size_t block, int item) const {
        std::vector<int> chain;
        const auto found = entry_levels_.find(block);
        if (found == entry_levels_.end() || item < 0 || static_cast<std::size_t>(item) >= found->second.size())
            return chain;
        const std::vector<int>& levels = found->second;
        int level = levels[item];
        for (int i = item - 1; i >= 0; --i)
            if (levels[i] < level) {
                chain.insert(chain.begin(), i);
                level = levels[i];
            }
        return chain;
    }

    [[nodiscard]] std::string language_of(const BoxTag& tag) const {
        return tag.language == document_.metadata.language ? std::string() : tag.language;
    }

    void add_text(Leaf& leaf, const TextBox& box, std::size_t index) {
        leaf.drawn.push_back({Drawn::Kind::text, index});
        auto [text, hyphenated] = logical_text(box);
        if (!leaf.text.empty()) leaf.text += ' ';
        leaf.text += text;
        leaf.needs_actual_text = leaf.needs_actual_text || hyphenated || right_to_left(text);
    }

    Leaf leaf_for(const LaidOutPage& page, std::size_t page_index, const Placed& placed) {
        const BoxTag& tag = *placed.tag;
        const std::size_t b = tag.block;
        Leaf leaf;
        leaf.page = page_index;
        leaf.language = language_of(tag);
        leaf.path = section(b);
        auto in_callout = [&] {
            if (tag.part >= 0 || tag.role == Role::callout_title) leaf.path.push_back({"Div", key_of("callout", b)});
        };
        switch (tag.role) {
        case Role::heading:
            leaf.type = "H" + std::to_string(std::clamp(tag.level, 1, 6));
            leaf.key = key_of("h", b);
            break;
        case Role::cover_text:
            leaf.path.clear();
            leaf.type = "P";
            leaf.key = key_of("cover", b, tag.item);
            break;
        case Role::paragraph:
        case Role::callout_title:
            in_callout();
            leaf.type = "P";
            leaf.key = key_of(tag.role == Role::paragraph ? "p" : "title", b, tag.part);
            break;
        case Role::list_label:
        case Role::list_body:
            in_callout();
            leaf.path.push_back({"L", key_of("l", b, tag.part)});
            leaf.path.push_back({"LI", key_of("li", b, tag.part, tag.item)});
            leaf.type = tag.role == Role::list_label ? "Lbl" : "LBody";
            leaf.key = key_of(leaf.type.c_str(), b, tag.part, tag.item);
            break;
        case Role::header_cell:
            leaf.path.push_back({"Table", key_of("table", b)});
            leaf.path.push_back({"THead", key_of("thead", b)});
            leaf.path.push_back({"TR", key_of("tr", b, -1)});
            leaf.type = "TH";
            leaf.key = key_of("th", b, tag.column);
            leaf.column_header = true;
            break;
        case Role::data_cell:
            leaf.path.push_back({"Table", key_of("table", b)});
            leaf.path.push_back({"TBody", key_of("tbody", b)});
            leaf.path.push_back({"TR", key_of("tr", b, tag.item)});
            leaf.type = "TD";
            leaf.key = key_of("td", b, tag.item, tag.column);
            break;
        case Role::figure:
        case Role::caption:
            leaf.path.push_back({"Div", key_of("figure", b)});
            leaf.type = tag.role == Role::figure ? "Figure" : "Caption";
            leaf.key = key_of(leaf.type.c_str(), b);
            break;
        case Role::contents_entry:
            // A sub-entry's TOC is nested in its parent entry's TOCI (ISO 32000-1, 14.8.4.3.4).
            leaf.path.push_back({"TOC", key_of("toc", b)});
            for (int parent : enclosing_entries(b, tag.item)) {
                leaf.path.push_back({"TOCI", key_of("toci", b, parent)});
                leaf.path.push_back({"TOC", key_of("subtoc", b, parent)});
            }
            leaf.path.push_back({"TOCI", key_of("toci", b, tag.item)});
            leaf.path.push_back({"Reference", key_of("reference", b, tag.item)});
            leaf.type = "Link";
            leaf.key = key_of("entry", b, tag.item);
            for (const LinkBox& link : page.links)
                if (link.tag.block == b && link.tag.item == tag.item) {
                    leaf.link_rect = link.box;
                    leaf.destination = link.destination;
                    leaf.link_contents = heading_title(link.destination);
                }
            if (leaf.destination.empty())
                throw InternalError(Diagnostic{Severity::error, {}, "a contents entry has no link on its page"});
            break;
        default:
            throw InternalError(Diagnostic{Severity::error, {},
                                             std::string("no structure element for a box of role ") + role_name(tag.role)});
        }
        if (placed.drawn.kind == Drawn::Kind::figure) {
            const FigureBox& figure = page.figures[placed.drawn.index];
            leaf.drawn.push_back(placed.drawn);
            leaf.alt = without_isolates(figure.alt_text);  // support/bidi.h
            leaf.bbox = figure.box;
        } else {
            add_text(leaf, page.texts[placed.drawn.index], placed.drawn.index);
            if (tag.role == Role::contents_entry)  // the entry's page number, inside the same link
                for (std::size_t t = 0; t < page.texts.size(); ++t)
                    if (page.texts[t].tag.role == Role::contents_page && page.texts[t].tag.block == b &&
                        page.texts[t].tag.item == tag.item)
                        add_text(leaf, page.texts[t], t);
        }
        return leaf;
    }

    [[nodiscard]] std::string heading_title(const std::string& anchor) const {
        for (const HeadingPlacement& heading : document_.headings)
            if (heading.anchor == anchor) return heading.number.empty() ? heading.text : heading.number + " " + heading.text;
        return anchor;
    }

    void plan_page(std::size_t page_index) {
        const LaidOutPage& page = document_.pages[page_index];
        std::vector<Placed> placed;
        for (std::size_t t = 0; t < page.texts.size(); ++t) {
            const BoxTag& tag = page.texts[t].tag;
            if (is_artifact(tag.role) || tag.role == Role::contents_page) continue;
            placed.push_back({{Drawn::Kind::text, t}, &tag});
        }
        for (std::size_t f = 0; f < page.figures.size(); ++f) placed.push_back({{Drawn::Kind::figure, f}, &page.figures[f].tag});
        std::stable_sort(placed.begin(), placed.end(), [](const Placed& a, const Placed& b) {
            const BoxTag& x = *a.tag;
            const BoxTag& y = *b.tag;
            return std::make_tuple(x.block, x.part, x.item, x.column, rank(x.role)) <
                   std::make_tuple(y.block, y.part, y.item, y.column, rank(y.role));
        });
        const std::size_t first_leaf = leaves_.size();
        std::map<std::size_t, std::size_t> leaf_of_text;  // text index -> leaf
        for (const Placed& item : placed) {
            leaves_.push_back(leaf_for(page, page_index, item));
            if (item.drawn.kind == Drawn::Kind::text) leaf_of_text[item.drawn.index] = leaves_.size() - 1;
        }
        // Links inside text: drawn after it, attached to its element afterwards.
        std::size_t link_number = 0;
        for (const LinkBox& link : page.links) {
            ++link_number;
            bool contents = false;
            for (const TextBox& text : page.texts)
                if (text.tag.role == Role::contents_entry && text.tag.block == link.tag.block &&
                    text.tag.item == link.tag.item)
                    contents = true;
            if (contents) continue;
            const double cx = link.box.x + link.box.width / 2, cy = link.box.y + link.box.height / 2;
            const Leaf* owner = nullptr;
            for (const auto& [text_index, leaf_index] : leaf_of_text) {
                const BoxTag& tag = page.texts[text_index].tag;
                if (tag.block == link.tag.block && tag.part == link.tag.part && tag.item == link.tag.item &&
                    tag.column == link.tag.column && contains(page.texts[text_index].box, cx, cy))
                    owner = &leaves_[leaf_index];
            }
            if (!owner)
                throw InternalError(Diagnostic{Severity::error, {}, "a link on page " + std::to_string(page_index + 1) +
                                                                        " lies in no tagged text"});
            Leaf leaf;
            leaf.type = "Link";
            leaf.key = key_of("link", page_index, static_cast<int>(link_number));
            leaf.page = page_index;
            leaf.owner = owner->key;
            leaf.language = owner->language;
            leaf.link_rect = link.box;
            leaf.url = link.url;
            leaf.destination = link.destination;
            leaf.link_contents = link.url.empty() ? heading_title(link.destination) : link.url;
            leaves_.push_back(std::move(leaf));
        }
        (void)first_leaf;
    }

    const LaidOutDocument& document_;
    std::set<std::size_t> section_starts_;
    std::map<std::size_t, std::vector<int>> entry_levels_;  // contents block -> level of each entry
    std::vector<Leaf> leaves_;
};

}  // namespace

std::vector<Leaf> plan(const LaidOutDocument& document) { return Planner(document).run(); }

}  // namespace icc::structure
