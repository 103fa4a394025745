#include "render/pdf.h"

#include <cairo-pdf.h>
#include <pango/pangocairo.h>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFWriter.hh>

#include <cstdio>
#include <functional>
#include <string>

#include "charts/draw_chart.h"
#include "render/pdf_metadata.h"
#include "render/structure.h"
#include "render/tagged_pdf.h"
#include "support/atomic_file.h"
#include "support/bidi.h"
#include "support/diagnostic.h"
#include "support/hash.h"

namespace icc {

namespace {

cairo_status_t append_to_string(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}


void set_fill(cairo_t* cr, const Color& c) { cairo_set_source_rgb(cr, c.r, c.g, c.b); }

// A string value of a cairo tag attribute: single-quoted, with ' and \ escaped.
std::string quoted(const std::string& value) {
    std::string result = "'";
    for (char c : value) {
        if (c == '\'' || c == '\\') result += '\\';
        result += c;
    }
    return result + "'";
}

std::string number(double value) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.2f", value);
    return buffer;
}

// Draws only the lines of the box, so text on another page is never drawn
// (and never extracted) twice.
void draw_text(cairo_t* cr, const TextBox& text) {
    set_fill(cr, text.color);
    PangoLayoutIter* iter = pango_layout_get_iter(text.layout.get());
    int index = 0;
    do {
        if (index >= text.first_line) {
            PangoRectangle logical;
            pango_layout_iter_get_line_extents(iter, nullptr, &logical);
            const double baseline = static_cast<double>(pango_layout_iter_get_baseline(iter)) / PANGO_SCALE;
            cairo_move_to(cr, text.box.x + static_cast<double>(logical.x) / PANGO_SCALE, text.layout_top + baseline);
            pango_cairo_show_layout_line(cr, pango_layout_iter_get_line_readonly(iter));
        }
        ++index;
    } while (index < text.end_line && pango_layout_iter_next_line(iter));
    pango_layout_iter_free(iter);
}

// `tag_figure`: untagged documents still give each figure a structure
// element of its own, so qpdf can attach the /Alt text to it.
void draw_figure(cairo_t* cr, const FigureBox& figure, const charts::ChartFonts& fonts, bool tag_figure) {
    cairo_save(cr);
    cairo_translate(cr, figure.box.x, figure.box.y);
    cairo_rectangle(cr, 0, 0, figure.box.width, figure.box.height);
    cairo_clip(cr);
    cairo_new_path(cr);
    if (tag_figure) cairo_tag_begin(cr, "Figure", "");
    charts::draw_chart(cr, figure.chart, fonts, figure.box.width, figure.box.height);
    if (tag_figure) cairo_tag_end(cr, "Figure");
    cairo_restore(cr);
}

std::string link_attributes(const Rect& r, const std::string& url, const std::string& destination) {
    std::string attributes = "rect=[" + number(r.x) + " " + number(r.y) + " " + number(r.width) + " " +
                             number(r.height) + "] ";
    return attributes + (url.empty() ? "dest=" + quoted(destination) : "uri=" + quoted(url));
}

void draw_destinations(cairo_t* cr, const LaidOutPage& page) {
    for (const Destination& destination : page.destinations) {
        const std::string attributes = "name=" + quoted(destination.name) + " x=" + number(destination.x) +
                                       " y=" + number(destination.y);
        cairo_tag_begin(cr, CAIRO_TAG_DEST, attributes.c_str());
        cairo_tag_end(cr, CAIRO_TAG_DEST);
    }
}

// A page of an untagged document: figures and links tagged, nothing else.
void draw_untagged_page(cairo_t* cr, const LaidOutPage& page, const charts::ChartFonts& chart_fonts) {
    for (const FillBox& fill : page.fills) {
        set_fill(cr, fill.color);
        cairo_rectangle(cr, fill.box.x, fill.box.y, fill.box.width, fill.box.height);
        cairo_fill(cr);
    }
    for (const FigureBox& figure : page.figures) draw_figure(cr, figure, chart_fonts, true);
    for (const TextBox& text : page.texts) draw_text(cr, text);
    draw_destinations(cr, page);
    for (const LinkBox& link : page.links) {
        const std::string attributes = link_attributes(link.box, link.url, link.destination);
        cairo_tag_begin(cr, CAIRO_TAG_LINK, attributes.c_str());
        cairo_tag_end(cr, CAIRO_TAG_LINK);
    }
}

// A page of a tagged document. What is drawn outside every structure tag
// (backgrounds, rules, running heads, folios, repeated table headers)
// becomes an /Artifact afterwards (tagged_pdf.h); the content is drawn leaf
// by leaf in reading order, each leaf inside its own tag.
void draw_tagged_page(cairo_t* cr, const LaidOutPage& page, const charts::ChartFonts& chart_fonts,
                      const std::vector<structure::Leaf>& leaves, std::size_t& next_leaf, std::size_t page_index) {
    for (const FillBox& fill : page.fills) {
        set_fill(cr, fill.color);
        cairo_rectangle(cr, fill.box.x, fill.box.y, fill.box.width, fill.box.height);
        cairo_fill(cr);
    }
    for (const TextBox& text : page.texts)
        if (is_artifact(text.tag.role)) draw_text(cr, text);
    draw_destinations(cr, page);
    for (; next_leaf < leaves.size() && leaves[next_leaf].page == page_index; ++next_leaf) {
        const structure::Leaf& leaf = leaves[next_leaf];
        const std::string attributes =
            leaf.type == "Link" ? link_attributes(leaf.link_rect, leaf.url, leaf.destination) : std::string();
        cairo_tag_begin(cr, leaf.type.c_str(), attributes.c_str());
        for (const structure::Drawn& drawn : leaf.drawn) {
            if (drawn.kind == structure::Drawn::Kind::figure) draw_figure(cr, page.figures[drawn.index], chart_fonts, false);
            else draw_text(cr, page.texts[drawn.index]);
        }
        cairo_tag_end(cr, leaf.type.c_str());
    }
}

void add_outline(cairo_surface_t* surface, const LaidOutDocument& document) {
    std::vector<std::pair<int, int>> parents;  // (level, outline id)
    for (const HeadingPlacement& heading : document.headings) {
        if (!heading.in_toc) continue;
        while (!parents.empty() && parents.back().first >= heading.level) parents.pop_back();
        const int parent = parents.empty() ? CAIRO_PDF_OUTLINE_ROOT : parents.back().second;
        // A viewer's bookmarks know no isolates (support/bidi.h).
        const std::string title = plain_directional_text(
            heading.number.empty() ? heading.text : heading.number + " " + heading.text, document.metadata.right_to_left);
        const std::string link = "dest=" + quoted(heading.anchor);
        const int id = cairo_pdf_surface_add_outline(surface, parent, title.c_str(), link.c_str(),
                                                     heading.level == 1 ? CAIRO_PDF_OUTLINE_FLAG_OPEN
                                                                        : static_cast<cairo_pdf_outline_flags_t>(0));
        parents.emplace_back(heading.level, id);
    }
}

std::string draw_with_cairo(const LaidOutDocument& document, const FontSet& fonts,
                            const std::vector<structure::Leaf>* leaves) {
    const DocumentMetadata& info = document.metadata;
    const charts::ChartFonts chart_fonts(fonts);
    std::string bytes;
    CairoSurfacePtr surface(cairo_pdf_surface_create_for_stream(append_to_string, &bytes, document.geometry.width,
                                                                document.geometry.height));
    cairo_pdf_surface_restrict_to_version(surface.get(), CAIRO_PDF_VERSION_1_5);
    // A viewer's title bar and document properties know no isolates (support/bidi.h).
    auto set_metadata = [&](cairo_pdf_metadata_t field, const std::string& text) {
        cairo_pdf_surface_set_metadata(surface.get(), field, plain_directional_text(text, info.right_to_left).c_str());
    };
    set_metadata(CAIRO_PDF_METADATA_TITLE, info.title);
    set_metadata(CAIRO_PDF_METADATA_AUTHOR, info.author);
    set_metadata(CAIRO_PDF_METADATA_SUBJECT, info.subject);
    set_metadata(CAIRO_PDF_METADATA_KEYWORDS, info.keywords);
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATOR, "iccreport");
    // Dates come from the data, so regenerating a report changes no byte.
    const std::string date = iso_midnight_utc(info.date);
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATE_DATE, date.c_str());
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_MOD_DATE, date.c_str());

    CairoPtr cr(cairo_create(surface.get()));
    std::size_t next_leaf = 0;
    for (std::size_t p = 0; p < document.pages.size(); ++p) {
        const LaidOutPage& page = document.pages[p];
        if (!page.label.empty()) cairo_pdf_surface_set_page_label(surface.get(), page.label.c_str());
        if (leaves) draw_tagged_page(cr.get(), page, chart_fonts, *leaves, next_leaf, p);
        else draw_untagged_page(cr.get(), page, chart_fonts);
        cairo_show_page(cr.get());
    }
    add_outline(surface.get(), document);
    cr.reset();
    cairo_surface_finish(surface.get());
    if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS)
        throw InternalError(Diagnostic{Severity::error, {},
                                         std::string("cairo could not write the PDF: ") +
                                             cairo_status_to_string(cairo_surface_status(surface.get()))});
    return bytes;
}

// Walks the structure tree in document order and gives each /Figure element
// the text alternative of the figure drawn at the same position.
void attach_alt_texts(QPDF& pdf, const LaidOutDocument& document) {
    std::vector<std::string> alts;
    for (const LaidOutPage& page : document.pages)
        for (const FigureBox& figure : page.figures) alts.push_back(without_isolates(figure.alt_text));
    if (alts.empty()) return;
    QPDFObjectHandle tree = pdf.getRoot().getKey("/StructTreeRoot");
    if (!tree.isDictionary()) return;
    std::size_t next = 0;
    std::function<void(QPDFObjectHandle)> visit = [&](QPDFObjectHandle node) {
        if (node.isArray()) {
            for (int i = 0; i < node.getArrayNItems(); ++i) visit(node.getArrayItem(i));
            return;
        }
        if (!node.isDictionary()) return;
        QPDFObjectHandle type = node.getKey("/S");
        if (type.isName() && type.getName() == "/Figure" && next < alts.size()) {
            if (!alts[next].empty()) node.replaceKey("/Alt", QPDFObjectHandle::newUnicodeString(alts[next]));
            ++next;
        }
        QPDFObjectHandle kids = node.getKey("/K");
        if (kids.isArray() || kids.isDictionary()) visit(kids);
    };
    visit(tree.getKey("/K"));
}

}  // namespace

std::string describe_for_cache(const RenderOptions& options) {
    // The two strings of before, so that manifests written before --pdf-standard stay valid.
    if (options.tagged && options.standards == PdfStandards{}) return "tagged PDF/UA-1";
    if (!options.tagged && options.standards == PdfStandards{false, false}) return "untagged";
    std::string text = std::string(options.tagged ? "tagged" : "untagged") + "; " + to_string(options.standards);
    if (options.standards.a2u)
        text += "; output intent " + options.output_intent.identifier + " sha256:" +
                sha256_hex(options.output_intent.profile);
    return text;
}

void render_pdf(const LaidOutDocument& document, const FontSet& fonts, const std::filesystem::path& output,
                const RenderOptions& options) {
    const DocumentMetadata& info = document.metadata;
    std::vector<structure::Leaf> leaves;
    if (options.tagged) leaves = structure::plan(document);
    const std::string bytes = draw_with_cairo(document, fonts, options.tagged ? &leaves : nullptr);

    AtomicFile file(output);
    try {
        QPDF pdf;
        pdf.processMemoryFile(output.string().c_str(), bytes.data(), bytes.size());
        QPDFObjectHandle root = pdf.getRoot();
        root.replaceKey("/Lang", QPDFObjectHandle::newUnicodeString(info.language));
        QPDFObjectHandle preferences = QPDFObjectHandle::newDictionary();
        preferences.replaceKey("/DisplayDocTitle", QPDFObjectHandle::newBool(true));
        if (info.right_to_left) preferences.replaceKey("/Direction", QPDFObjectHandle::newName("/R2L"));
        root.replaceKey("/ViewerPreferences", preferences);
        if (options.tagged) finish_tagged_pdf(pdf, document, leaves);
        else attach_alt_texts(pdf, document);
        if (options.tagged || options.standards.a2u) set_xmp_metadata(pdf, info, options.standards);
        if (options.standards.a2u) {
            add_output_intent(pdf, options.output_intent);
            make_annotations_printable(pdf);
        }

        QPDFWriter writer(pdf, file.temp_path().c_str());
        writer.setDeterministicID(true);
        writer.setObjectStreamMode(qpdf_o_generate);
        writer.setStreamDataMode(qpdf_s_compress);
        writer.write();
    } catch (const std::exception& e) {
        throw DiagnosticError(Diagnostic{Severity::error, {output.string()}, std::string("cannot write PDF: ") + e.what()});
    }
    file.commit();
}

}  // namespace icc
