#pragma once
// Plain geometry shared by the page design (load/page_style.h) and the laid-out
// pages (layout/page.h): one definition, so the design file's page and the
// paginator's page cannot drift apart. PostScript points; colours sRGB 0..1.
#include <algorithm>

namespace icc {

struct Rect {
    double x = 0, y = 0, width = 0, height = 0;
    [[nodiscard]] double right() const { return x + width; }
    [[nodiscard]] double bottom() const { return y + height; }
};

struct Color {
    double r = 0, g = 0, b = 0;
};

constexpr Color hex(unsigned rgb) {
    return {((rgb >> 16) & 0xFF) / 255.0, ((rgb >> 8) & 0xFF) / 255.0, (rgb & 0xFF) / 255.0};
}

// A page and the margins around its text area (the design file's [page]).
// The defaults are the shipped design's A4.
struct PageGeometry {
    double width = 595.276;
    double height = 841.890;
    double margin_top = 76;
    double margin_bottom = 80;
    double margin_inner = 104;
    double margin_outer = 104;
    // Charts may be wider than the text area: this wide, centred on it
    // (never narrower than the text area).
    double figure_width = 451;

    [[nodiscard]] Rect content() const {
        return {margin_inner, margin_top, width - margin_inner - margin_outer, height - margin_top - margin_bottom};
    }
    [[nodiscard]] Rect figure_area() const {
        const Rect text = content();
        const double wide = std::max(text.width, std::min(figure_width, width - 36));
        return {text.x + (text.width - wide) / 2, text.y, wide, text.height};
    }
};

}  // namespace icc
