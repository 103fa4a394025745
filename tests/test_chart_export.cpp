// Charts as pixels and files: the expected colours at the expected places in
// PNG output, greyscale legibility, SVG and PNG determinism, atomic writing,
// and the figure contract (drawn inside its box, cairo state left as found).
#include <boost/test/unit_test.hpp>

#include <cairo-svg.h>
#include <cairo.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>

#include "charts/charts.h"
#include "support/diagnostic.h"
#include "support/fonts.h"
#include "support/locale.h"
#include "test_support.h"

using namespace icc;
using namespace icc::charts;

namespace {

// A chart as a document holds it, with the words of `chart`'s catalog.
ChartSpec figure_of(const ChartContext& chart, ChartData data, std::string heading = {}) {
    return {std::move(data), chart.words().locale(), std::move(heading)};
}
ChartFonts fonts_of(const ChartContext& chart) { return ChartFonts(chart.fonts(), chart.style()); }

struct Setup {
    DataRoot root{testing::source_root()};
    FontSet fonts = FontSet::load(root);
    Catalog en = Catalog::load(root, "en");
    Catalog fr = Catalog::load(root, "fr");
};

// City 60, sample 30, peer group 80 in each of three areas.
AreasChartData three_areas() {
    return {"Valmora", 126, "Cities of 50,000 to 100,000 inhabitants",
            {{"commitment", "Commitment", 60, 30, 80},
             {"lens", "Intercultural lens", 60, 30, 80},
             {"mediation", "Mediation and conflict resolution", 60, 30, 80}}};
}

struct Pixel {
    int r = 0, g = 0, b = 0, a = 0;
    friend bool operator==(const Pixel&, const Pixel&) = default;
};

std::ostream& operator<<(std::ostream& out, const Pixel& p) {
    return out << "rgba(" << p.r << "," << p.g << "," << p.b << "," << p.a << ")";
}

Pixel pixel_at(cairo_surface_t* image, int x, int y) {
    const unsigned char* data = cairo_image_surface_get_data(image);
    const int stride = cairo_image_surface_get_stride(image);
    std::uint32_t value = 0;
    std::memcpy(&value, data + y * stride + x * 4, 4);
    return {static_cast<int>((value >> 16) & 0xFF), static_cast<int>((value >> 8) & 0xFF),
            static_cast<int>(value & 0xFF), static_cast<int>(value >> 24)};
}

// The pixel under the point (x, y) in points, at `scale` pixels per point.
Pixel pixel_at_point(cairo_surface_t* image, double x, double y, double scale) {
    return pixel_at(image, static_cast<int>(std::floor(x * scale)), static_cast<int>(std::floor(y * scale)));
}

Pixel opaque(const Rgb& c) {
    return {static_cast<int>(std::lround(c.r * 255)), static_cast<int>(std::lround(c.g * 255)),
            static_cast<int>(std::lround(c.b * 255)), 255};
}

const Pixel white{255, 255, 255, 255};

double luma(const Rgb& c) { return 0.299 * c.r + 0.587 * c.g + 0.114 * c.b; }

std::vector<ChartSpec> every_chart(const ChartContext& chart) {
    ProgressChartData progress{"Valmora", {{"commitment", "Commitment"}, {"lens", "Intercultural lens"}}, {}};
    progress.editions.push_back({"2019", 40, {30, 50}});
    progress.editions.push_back({"2026", 55, {62, std::nullopt}});
    return {figure_of(chart, AreasChart{three_areas()}), figure_of(chart, RadarChart{three_areas()}),
            figure_of(chart, ProgressChart{progress}),
            figure_of(chart, NetworkChart{{"Valmora", 58, {20, 35, 58, 61, 99.5, 0}, 58}}),
            figure_of(chart, OneAreaChart{{"commitment", "Commitment", "Valmora", 100, 0, 126, {{"Peers", 50, 12}}}})};
}

}  // namespace

BOOST_AUTO_TEST_CASE(png_has_the_series_colours_where_the_geometry_puts_them) {
    Setup s;
    const ChartContext chart(s.fonts, s.en);
    const AreasChartData data = three_areas();
    const double scale = 2;
    CairoSurfacePtr image = render_chart_image(figure_of(chart, AreasChart{data}), fonts_of(chart), 455, 200, scale);
    BOOST_TEST(cairo_image_surface_get_width(image.get()) == 910);
    BOOST_TEST(cairo_image_surface_get_height(image.get()) == 400);
    const AreasChartGeometry g = layout_chart(chart, AreasChart{data}, 455, 200);
    const ChartStyle& style = chart.style();
    for (const auto& row : g.rows) {
        BOOST_TEST_CONTEXT(row.id) {
            const Box& bar = *row.city_bar;
            // Inside the bar, away from the markers: the city's blue.
            BOOST_TEST(pixel_at_point(image.get(), bar.x + bar.width * 0.25, bar.center_y(), scale) == opaque(style.city));
            // The bar ends at 60: just past its end, at the height of its edge, is white.
            BOOST_TEST(pixel_at_point(image.get(), g.axis.x_of(60) + 1, bar.y + 1, scale) == white);
            BOOST_TEST(pixel_at_point(image.get(), g.axis.x_of(60) - 1, bar.y + 1, scale) == opaque(style.city));
            // The sample tick at 30 is orange; the peer diamond at 80 green.
            BOOST_TEST(pixel_at_point(image.get(), g.axis.x_of(30), row.sample_tick.center_y(), scale) ==
                       opaque(style.sample));
            BOOST_TEST(pixel_at_point(image.get(), g.axis.x_of(80), row.band.center_y(), scale) == opaque(style.peer));
            // Between rows, at a value with no gridline: the white background.
            BOOST_TEST(pixel_at_point(image.get(), g.axis.x_of(50), row.band.y + 1, scale) == white);
        }
    }
    // The value label after the bar is dark text.
    const Box& value = g.rows[0].city_value.box;
    int dark = 0;
    for (double x = value.x; x < value.right(); x += 0.5)
        for (double y = value.y; y < value.bottom(); y += 0.5)
            if (pixel_at_point(image.get(), x, y, scale).r < 80) ++dark;
    BOOST_TEST(dark > 10);
}

BOOST_AUTO_TEST_CASE(png_file_round_trips_the_same_pixels) {
    Setup s;
    testing::TempDir dir;
    const ChartContext chart(s.fonts, s.fr);
    const auto figure = figure_of(chart, AreasChart{three_areas()});
    write_chart_png(dir / "areas.png", figure, fonts_of(chart), 455, 200, 2);
    CairoSurfacePtr read(cairo_image_surface_create_from_png((dir / "areas.png").c_str()));
    BOOST_REQUIRE(cairo_surface_status(read.get()) == CAIRO_STATUS_SUCCESS);
    CairoSurfacePtr drawn = render_chart_image(figure, fonts_of(chart), 455, 200, 2);
    BOOST_REQUIRE(cairo_image_surface_get_width(read.get()) == cairo_image_surface_get_width(drawn.get()));
    BOOST_REQUIRE(cairo_image_surface_get_height(read.get()) == cairo_image_surface_get_height(drawn.get()));
    const AreasChartGeometry g = layout_chart(chart, AreasChart{three_areas()}, 455, 200);
    const Box& bar = *g.rows[1].city_bar;
    BOOST_TEST(pixel_at_point(read.get(), bar.center_x() - 10, bar.center_y(), 2) == opaque(chart.style().city));
    int differences = 0;
    for (int y = 0; y < cairo_image_surface_get_height(read.get()); y += 3)
        for (int x = 0; x < cairo_image_surface_get_width(read.get()); x += 3)
            differences += !(pixel_at(read.get(), x, y) == pixel_at(drawn.get(), x, y));
    BOOST_TEST(differences == 0);
    // Twice the same file, byte for byte.
    write_chart_png(dir / "again.png", figure, fonts_of(chart), 455, 200, 2);
    BOOST_TEST(testing::slurp(dir / "areas.png") == testing::slurp(dir / "again.png"));
    BOOST_TEST(testing::slurp(dir / "areas.png").substr(1, 3) == "PNG");
}

BOOST_AUTO_TEST_CASE(series_read_in_greyscale_by_luminance_and_shape) {
    const ChartStyle style;
    // City, peer group and sample differ in luminance...
    BOOST_TEST(std::abs(luma(style.city) - luma(style.peer)) > 0.07);
    BOOST_TEST(std::abs(luma(style.peer) - luma(style.sample)) > 0.2);
    BOOST_TEST(std::abs(luma(style.city) - luma(style.sample)) > 0.25);
    // ...and the peer group's bars are hatched, so they never rely on colour.
    Setup s;
    const ChartContext chart(s.fonts, s.en);
    const OneAreaData data{"commitment", "Commitment", "Valmora", 62, 48, 126, {{"Peers", 80, 12}}};
    const double scale = 4;
    CairoSurfacePtr image = render_chart_image(figure_of(chart, OneAreaChart{data}), fonts_of(chart), 455, 120, scale);
    const OneAreaChartGeometry g = layout_chart(chart, OneAreaChart{data}, 455, 120);
    const Box& peer = *g.rows[2].bar;
    int green = 0, light = 0, total = 0;
    for (double x = peer.x + 1; x < peer.right() - 1; x += 0.25) {
        for (double y = peer.y + 1; y < peer.bottom() - 1; y += 0.25) {
            const Pixel p = pixel_at_point(image.get(), x, y, scale);
            green += p == opaque(style.peer);
            light += p.r > 200 && p.g > 200 && p.b > 200;
            ++total;
        }
    }
    BOOST_TEST(green > total / 4);
    BOOST_TEST(light > total / 10);
    // The city's and the sample's bars are solid.
    const Box& city = *g.rows[0].bar;
    for (double x = city.x + 1; x < city.right() - 1; x += 2)
        BOOST_TEST(pixel_at_point(image.get(), x, city.center_y(), scale) == opaque(style.city));
}

BOOST_AUTO_TEST_CASE(svg_is_deterministic_and_carries_its_text_alternative) {
    Setup s;
    const ChartContext chart(s.fonts, s.fr);
    AreasChartData data = three_areas();
    data.city_name = "Valmora & <Co>";
    const auto figure = figure_of(chart, AreasChart{data});
    const ChartDescription description{chart_title(s.fr, AreasChart{data}), describe_chart(s.fr, AreasChart{data}), "fr"};
    const std::string first = render_chart_svg(figure, fonts_of(chart), 455, 200, description);
    // Another chart in between must not change the next one's bytes.
    (void)render_chart_svg(figure_of(chart, RadarChart{data}), fonts_of(chart), 455, 300);
    const std::string second = render_chart_svg(figure, fonts_of(chart), 455, 200, description);
    BOOST_TEST(first == second);
    BOOST_TEST(first.find("<svg role=\"img\" xml:lang=\"fr\" ") != std::string::npos);
    BOOST_TEST(first.find("<title>Valmora &amp; &lt;Co&gt; par rapport") != std::string::npos);
    BOOST_TEST(first.find("<desc>Diagramme en barres") != std::string::npos);
    BOOST_TEST(first.find("id=\"surface1\"") != std::string::npos);
    BOOST_TEST(first.find("width=\"455pt\" height=\"200pt\"") != std::string::npos);

    testing::TempDir dir;
    write_chart_svg(dir / "areas.svg", figure, fonts_of(chart), 455, 200, description);
    BOOST_TEST(testing::slurp(dir / "areas.svg") == first);
}

namespace {

struct SvgText {
    double x = 0, y = 0, length = 0;
    std::string text;
};

double attribute(const std::string& element, const std::string& name) {
    const std::size_t at = element.find(" " + name + "=\"");
    BOOST_REQUIRE(at != std::string::npos);
    return std::stod(element.substr(at + name.size() + 3));
}

std::vector<SvgText> texts_of(const std::string& svg) {
    std::vector<SvgText> texts;
    for (std::size_t at = svg.find("<text "); at != std::string::npos; at = svg.find("<text ", at + 1)) {
        const std::size_t open_end = svg.find('>', at);
        const std::size_t close = svg.find("</text>", open_end);
        const std::string element = svg.substr(at, open_end - at);
        texts.push_back({attribute(element, "x"), attribute(element, "y"), attribute(element, "textLength"),
                         svg.substr(open_end + 1, close - open_end - 1)});
    }
    return texts;
}

// The same chart as cairo's SVG surface writes it when it draws the glyphs.
std::string svg_with_glyph_outlines(const ChartSpec& spec, const ChartFonts& fonts, double width, double height) {
    std::string bytes;
    {
        CairoSurfacePtr surface(cairo_svg_surface_create_for_stream(
            [](void* closure, const unsigned char* data, unsigned int length) {
                static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
                return CAIRO_STATUS_SUCCESS;
            },
            &bytes, width, height));
        CairoPtr cr(cairo_create(surface.get()));
        draw_chart(cr.get(), spec, fonts, width, height);
        cairo_surface_finish(surface.get());
    }
    return bytes;
}

}  // namespace

BOOST_AUTO_TEST_CASE(svg_text_is_real_text_where_pango_set_it_in_a_font_stack_and_takes_less_than_half_the_bytes) {
    Setup s;
    const ChartContext chart(s.fonts, s.en);
    const auto figure = figure_of(chart, AreasChart{three_areas()}, "Valmora against the sample");
    const std::string svg = render_chart_svg(figure, fonts_of(chart), 455, 200);
    const std::vector<SvgText> texts = texts_of(svg);
    auto has = [&](const std::string& text) {
        return std::any_of(texts.begin(), texts.end(), [&](const SvgText& t) { return t.text == text; });
    };
    BOOST_TEST(has("Valmora against the sample"));
    BOOST_TEST(has("Valmora"));
    BOOST_TEST(has("Commitment"));
    BOOST_TEST(has("Mediation and conflict resolution"));
    BOOST_TEST(svg.find("<symbol") == std::string::npos);  // no glyph outlines
    BOOST_TEST(svg.find("font-family=\"'Noto Sans', ") != std::string::npos);
    BOOST_TEST(svg.find(", sans-serif\"") != std::string::npos);
    for (const SvgText& t : texts) {
        BOOST_TEST_CONTEXT(t.text) {
            BOOST_TEST(t.length > 0);
            BOOST_TEST(t.x - t.length / 2 >= -0.01);
            BOOST_TEST(t.x + t.length / 2 <= 455.01);
            BOOST_TEST(t.y > 0);
            BOOST_TEST(t.y <= 200);
        }
    }
    // The heading is on the first line, flush left at the chart's edge.
    const auto heading = std::find_if(texts.begin(), texts.end(), [](const SvgText& t) { return t.text == "Valmora against the sample"; });
    BOOST_TEST(heading->x - heading->length / 2 == 0.0, boost::test_tools::tolerance(0.05));
    BOOST_TEST(svg.size() * 2 < svg_with_glyph_outlines(figure, fonts_of(chart), 455, 200).size());
}

BOOST_AUTO_TEST_CASE(svg_text_of_a_right_to_left_chart_is_embedded_right_to_left_and_a_cut_label_ends_in_an_ellipsis) {
    Setup s;
    const Catalog ar = Catalog::load(s.root, "ar");
    const ChartContext chart(s.fonts, ar);
    AreasChartData data = three_areas();
    data.areas[2].label = std::string(400, 'x') + " " + std::string(400, 'y');
    const std::string svg = render_chart_svg(figure_of(chart, AreasChart{data}), fonts_of(chart), 455, 200);
    const std::vector<SvgText> texts = texts_of(svg);
    BOOST_TEST(!texts.empty());
    for (const SvgText& t : texts) {
        BOOST_TEST_CONTEXT(t.text) {
            BOOST_TEST(t.text.starts_with("\u202B"));
            BOOST_TEST(t.text.ends_with("\u202C"));
        }
    }
    const bool cut = std::any_of(texts.begin(), texts.end(),
                                 [](const SvgText& t) { return t.text.find("\u2026\u202C") != std::string::npos; });
    BOOST_TEST(cut);
    BOOST_TEST(svg.find(std::string(400, 'y')) == std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_failed_write_leaves_the_previous_file) {
    Setup s;
    testing::TempDir dir;
    const ChartContext chart(s.fonts, s.en);
    write_chart_png(dir / "chart.png", figure_of(chart, AreasChart{three_areas()}), fonts_of(chart), 455, 200);
    write_chart_svg(dir / "chart.svg", figure_of(chart, AreasChart{three_areas()}), fonts_of(chart), 455, 200);
    const std::string png = testing::slurp(dir / "chart.png");
    const std::string svg = testing::slurp(dir / "chart.svg");
    AreasChartData broken = three_areas();
    broken.areas[1].city = 130;
    BOOST_CHECK_THROW(write_chart_png(dir / "chart.png", figure_of(chart, AreasChart{broken}), fonts_of(chart), 455, 200), DiagnosticError);
    BOOST_CHECK_THROW(write_chart_svg(dir / "chart.svg", figure_of(chart, AreasChart{broken}), fonts_of(chart), 455, 200), DiagnosticError);
    BOOST_TEST(testing::slurp(dir / "chart.png") == png);
    BOOST_TEST(testing::slurp(dir / "chart.svg") == svg);
    int files = 0;
    for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(dir.path())) ++files;
    BOOST_TEST(files == 2);  // no temporary left behind
    BOOST_CHECK_THROW(write_chart_png(dir / "missing" / "chart.png", figure_of(chart, AreasChart{three_areas()}), fonts_of(chart), 455, 200),
                      DiagnosticError);
    BOOST_CHECK_THROW((void)render_chart_svg(figure_of(chart, AreasChart{three_areas()}), fonts_of(chart), 0, 200), DiagnosticError);
}

BOOST_AUTO_TEST_CASE(every_chart_draws_inside_its_box_and_restores_cairo_state) {
    Setup s;
    for (const Catalog* catalog : {&s.en, &s.fr}) {
        const ChartContext chart(s.fonts, *catalog);
        int index = 0;
        for (const ChartSpec& figure : every_chart(chart)) {
            BOOST_TEST_CONTEXT(catalog->lang() << " chart #" << index++) {
                const double width = 400, height = 220, margin = 20;
                CairoSurfacePtr surface(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 440, 260));
                CairoPtr cr(cairo_create(surface.get()));
                cairo_set_source_rgb(cr.get(), 1, 1, 1);
                cairo_paint(cr.get());
                cairo_translate(cr.get(), margin, margin);
                cairo_set_source_rgb(cr.get(), 0.1, 0.2, 0.3);
                cairo_set_line_width(cr.get(), 7);
                cairo_move_to(cr.get(), 5, 6);  // the caller's path in progress
                cairo_matrix_t before{};
                cairo_get_matrix(cr.get(), &before);
                draw_chart(cr.get(), figure, fonts_of(chart), width, height);
                BOOST_TEST(cairo_has_current_point(cr.get()));
                double px = 0, py = 0;
                cairo_get_current_point(cr.get(), &px, &py);
                BOOST_TEST(px == 5);
                BOOST_TEST(py == 6);
                BOOST_TEST(cairo_status(cr.get()) == CAIRO_STATUS_SUCCESS);
                cairo_matrix_t after{};
                cairo_get_matrix(cr.get(), &after);
                BOOST_TEST(after.x0 == before.x0);
                BOOST_TEST(after.y0 == before.y0);
                BOOST_TEST(after.xx == before.xx);
                BOOST_TEST(cairo_get_line_width(cr.get()) == 7);
                double r = 0, g = 0, b = 0, a = 0;
                BOOST_REQUIRE(cairo_pattern_get_rgba(cairo_get_source(cr.get()), &r, &g, &b, &a) == CAIRO_STATUS_SUCCESS);
                BOOST_TEST(r == 0.1, boost::test_tools::tolerance(1e-3));
                BOOST_TEST(b == 0.3, boost::test_tools::tolerance(1e-3));
                BOOST_TEST(cairo_get_dash_count(cr.get()) == 0);
                cairo_surface_flush(surface.get());
                // Nothing drawn more than a pixel outside (0,0)-(width,height).
                int outside = 0, inside = 0;
                for (int y = 0; y < 260; ++y) {
                    for (int x = 0; x < 440; ++x) {
                        const bool in_box = x >= margin - 1 && x < margin + width + 1 && y >= margin - 1 &&
                                            y < margin + height + 1;
                        const bool painted = !(pixel_at(surface.get(), x, y) == white);
                        (in_box ? inside : outside) += painted;
                    }
                }
                BOOST_TEST(outside == 0);
                BOOST_TEST(inside > 500);
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(a_titled_figure_puts_the_title_above_the_chart) {
    Setup s;
    const ChartContext chart(s.fonts, s.en);
    const AreasChartData data = three_areas();
    const auto plain = figure_of(chart, AreasChart{data});
    const auto titled = figure_of(chart, AreasChart{data}, chart_title(s.en, AreasChart{data}));
    CairoSurfacePtr with_title = render_chart_image(titled, fonts_of(chart), 455, 230, 1);
    CairoSurfacePtr without = render_chart_image(plain, fonts_of(chart), 455, 200, 1);
    // The first rows of the titled chart hold dark title text; the plain chart starts with its legend.
    int dark = 0;
    for (int y = 0; y < 12; ++y)
        for (int x = 0; x < 455; ++x) dark += pixel_at(with_title.get(), x, y).r < 60;
    BOOST_TEST(dark > 50);
    // The chart comes below the title: its first bar starts lower by at least the title's line.
    const AreasChartGeometry g = layout_chart(chart, AreasChart{data}, 455, 200);
    const int column = static_cast<int>(g.rows[0].city_bar->x + 5);
    auto first_blue = [&](cairo_surface_t* image) {
        for (int y = 0; y < cairo_image_surface_get_height(image); ++y)
            if (pixel_at(image, column, y) == opaque(chart.style().city)) return y;
        return -1;
    };
    BOOST_TEST(first_blue(without.get()) >= 0);
    BOOST_TEST(first_blue(with_title.get()) >= first_blue(without.get()) + 12);
}
