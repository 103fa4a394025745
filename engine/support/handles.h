#pragma once
// RAII owners for the C handles the engine uses (GLib/GObject, cairo, Pango,
// fontconfig). Each is a std::unique_ptr with the library's own release
// function, so no handle is ever freed by hand.
#include <cairo.h>
#include <fontconfig/fontconfig.h>
#include <glib-object.h>
#include <pango/pango.h>

#include <memory>

namespace icc {

struct GObjectUnref {
    void operator()(gpointer object) const { if (object) g_object_unref(object); }
};
template <typename T>
using GObjectPtr = std::unique_ptr<T, GObjectUnref>;

struct CairoSurfaceDestroy {
    void operator()(cairo_surface_t* s) const { if (s) cairo_surface_destroy(s); }
};
using CairoSurfacePtr = std::unique_ptr<cairo_surface_t, CairoSurfaceDestroy>;

struct CairoDestroy {
    void operator()(cairo_t* cr) const { if (cr) cairo_destroy(cr); }
};
using CairoPtr = std::unique_ptr<cairo_t, CairoDestroy>;

struct PangoFontDescriptionFree {
    void operator()(PangoFontDescription* d) const { if (d) pango_font_description_free(d); }
};
using FontDescriptionPtr = std::unique_ptr<PangoFontDescription, PangoFontDescriptionFree>;

struct PangoAttrListUnref {
    void operator()(PangoAttrList* l) const { if (l) pango_attr_list_unref(l); }
};
using AttrListPtr = std::unique_ptr<PangoAttrList, PangoAttrListUnref>;

struct FcConfigDestroy {
    void operator()(FcConfig* c) const { if (c) ::FcConfigDestroy(c); }
};
using FcConfigPtr = std::unique_ptr<FcConfig, FcConfigDestroy>;

struct GFree {
    void operator()(void* p) const { g_free(p); }
};
using GCharPtr = std::unique_ptr<char, GFree>;

}  // namespace icc
