#include "compose/document.h"

#include <cstdio>

#include "compose/furniture.h"
#include "support/hash.h"

namespace icc {

void set_locale_furniture(DocumentInfo& info, const Catalog& catalog) {
    info.language = catalog.lang();
    info.icu_locale = catalog.icu_locale();
    info.right_to_left = catalog.right_to_left();
    info.page_of_pages = catalog.text("report.page_of_pages");
    info.figure_label = catalog.text("typesetting.figure_label");
    info.cover_label = catalog.text("typesetting.cover_label");
}

namespace {

// Every field prefixed by its length and tagged by what it is, so that no two
// different documents serialise alike.
class CanonicalWriter {
public:
    void add(const Document& document) {
        const DocumentInfo& i = document.info;
        tag("info");
        for (const std::string* s : {&i.title, &i.author, &i.subject, &i.keywords, &i.language, &i.icu_locale,
                                     &i.running_header, &i.page_of_pages, &i.figure_label, &i.cover_label})
            field(*s);
        field(i.date.iso()).field(i.right_to_left ? "rtl" : "ltr");
        field(std::to_string(document.blocks.size()));
        for (const Block& block : document.blocks) std::visit([this](const auto& b) { add(b); }, block);
        tag("style").field(canonical_text(document.style));
    }
    [[nodiscard]] std::string str() && { return std::move(out_); }

private:
    CanonicalWriter& field(const std::string& text) {
        out_ += std::to_string(text.size());
        out_ += ':';
        out_ += text;
        out_ += ';';
        return *this;
    }
    CanonicalWriter& field(double value) {
        char buffer[32];
        std::snprintf(buffer, sizeof buffer, "%.17g", value);
        return field(std::string(buffer));
    }
    CanonicalWriter& flag(bool value) { return field(value ? "1" : "0"); }
    CanonicalWriter& tag(const char* name) {
        out_ += '\n';
        out_ += name;
        out_ += ' ';
        return *this;
    }

    void add(const InlineText& text) {
        tag("inline").field(std::to_string(text.size()));
        for (const TextRun& run : text) field(run.text).flag(run.bold).flag(run.italic).field(run.url).field(run.anchor);
    }
    void add(const CoverBlock& b) {
        tag("cover").field(b.kicker).field(b.title).field(b.subtitle).field(std::to_string(b.details.size()));
        for (const auto& d : b.details) field(d);
    }
    void add(const HeadingBlock& b) {
        tag("heading").field(std::to_string(b.level)).field(b.text).field(b.anchor).flag(b.numbered).flag(b.in_toc);
    }
    void add(const ParagraphBlock& b) {
        tag("paragraph").field(std::to_string(static_cast<int>(b.style))).field(b.language);
        add(b.text);
    }
    void add(const ListBlock& b) {
        tag("list").flag(b.numbered).field(b.language).field(std::to_string(b.items.size()));
        for (const auto& item : b.items) add(item);
    }
    void add(const TableBlock& b) {
        tag("table").field(std::to_string(b.columns.size()));
        for (const auto& c : b.columns) field(c.weight).field(std::to_string(static_cast<int>(c.alignment)));
        field(std::to_string(b.header.size()));
        for (const auto& h : b.header) add(h);
        field(std::to_string(b.rows.size()));
        for (const auto& row : b.rows) {
            tag("row").flag(row.emphasised).field(std::to_string(row.cells.size()));
            for (const auto& cell : row.cells) add(cell);
        }
    }
    void add(const FigureBlock& b) {
        tag("figure").field(b.height).field(b.width_fraction).field(b.caption).field(b.alt_text);
        field(charts::canonical_text(b.chart));
    }
    void add(const CalloutBlock& b) {
        tag("callout").field(b.title).field(std::to_string(b.blocks.size()));
        for (const auto& content : b.blocks) std::visit([this](const auto& c) { add(c); }, content);
    }
    void add(const TableOfContentsBlock& b) { tag("contents").field(b.title).field(std::to_string(b.depth)); }
    void add(const PageBreakBlock&) { tag("break"); }

    std::string out_;
};

}  // namespace

std::string canonical_text(const Document& document) {
    CanonicalWriter writer;
    writer.add(document);
    return std::move(writer).str();
}

std::string digest(const Document& document) { return sha256_hex(canonical_text(document)); }

}  // namespace icc
