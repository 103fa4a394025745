#pragma once
// The result of layout: pages of positioned, already-shaped content. Render
// only draws what is here; it makes no layout decisions.
#include <pango/pango.h>

#include <string>
#include <vector>

#include "support/handles.h"

namespace icc {

struct Rect {
    double x = 0, y = 0, width = 0, height = 0;
    [[nodiscard]] double right() const { return x + width; }
    [[nodiscard]] double bottom() const { return y + height; }
};

struct Color {
    double r = 0, g = 0, b = 0;
};

// A4 in PostScript points, with the margins of the report design.
struct PageGeometry {
    double width = 595.276;
    double height = 841.890;
    double margin_top = 72;
    double margin_bottom = 72;
    double margin_inner = 70;
    double margin_outer = 70;
    [[nodiscard]] Rect content() const {
        return {margin_inner, margin_top, width - margin_inner - margin_outer, height - margin_top - margin_bottom};
    }
};

struct FillBox {
    Rect box;
    Color color;
};

struct TextBox {
    Rect box;  // top-left where the layout is drawn, and its measured extent
    GObjectPtr<PangoLayout> layout;
    Color color;
    bool furniture = false;  // running header or footer, drawn in the margins
};

struct LaidOutPage {
    std::vector<FillBox> fills;
    std::vector<TextBox> texts;
    bool cover = false;
};

struct LaidOutDocument {
    PageGeometry geometry;
    std::vector<LaidOutPage> pages;
};

}  // namespace icc
