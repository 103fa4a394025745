#include "render/pdf.h"

#include <cairo-pdf.h>
#include <pango/pangocairo.h>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFWriter.hh>

#include <cstdio>
#include <string>

#include "support/atomic_file.h"
#include "support/diagnostic.h"

namespace icc {

namespace {

cairo_status_t append_to_string(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

// PDF date string for a calendar date; time fixed at midnight UTC.
std::string pdf_date(const Date& date) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02uT00:00:00Z", date.year, date.month, date.day);
    return buffer;
}

void set_fill(cairo_t* cr, const Color& c) { cairo_set_source_rgb(cr, c.r, c.g, c.b); }

std::string draw_with_cairo(const LaidOutDocument& document, const DocumentInfo& info) {
    std::string bytes;
    CairoSurfacePtr surface(cairo_pdf_surface_create_for_stream(append_to_string, &bytes, document.geometry.width,
                                                                document.geometry.height));
    cairo_pdf_surface_restrict_to_version(surface.get(), CAIRO_PDF_VERSION_1_5);
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_TITLE, info.title.c_str());
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_AUTHOR, info.author.c_str());
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_SUBJECT, info.subject.c_str());
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_KEYWORDS, info.keywords.c_str());
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATOR, "iccreport");
    // Dates come from the data, so regenerating a report changes no byte.
    const std::string date = pdf_date(info.date);
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATE_DATE, date.c_str());
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_MOD_DATE, date.c_str());

    CairoPtr cr(cairo_create(surface.get()));
    for (const LaidOutPage& page : document.pages) {
        for (const FillBox& fill : page.fills) {
            set_fill(cr.get(), fill.color);
            cairo_rectangle(cr.get(), fill.box.x, fill.box.y, fill.box.width, fill.box.height);
            cairo_fill(cr.get());
        }
        for (const TextBox& text : page.texts) {
            set_fill(cr.get(), text.color);
            cairo_move_to(cr.get(), text.box.x, text.box.y);
            pango_cairo_show_layout(cr.get(), text.layout.get());
        }
        cairo_show_page(cr.get());
    }
    cr.reset();
    cairo_surface_finish(surface.get());
    if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS)
        throw DiagnosticError(Diagnostic{Severity::error, {},
                                         std::string("cairo could not write the PDF: ") +
                                             cairo_status_to_string(cairo_surface_status(surface.get()))});
    return bytes;
}

}  // namespace

void render_pdf(const LaidOutDocument& document, const DocumentInfo& info, const std::filesystem::path& output) {
    const std::string bytes = draw_with_cairo(document, info);

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
