// Reference images, as typesetters keep them: a few charts drawn to pixels
// (the same drawing as the PDF's figures and `iccreport charts --format png`)
// and compared pixel for pixel with tests/ref/images/<name>.png. The layout
// dumps (test_reference_layout) say where every box goes; these say what the
// drawing looks like: colours, marks, glyphs, mirroring. After an intended
// change, re-bless them with scripts/bless-references.sh, then LOOK at the
// new images and review the diff like any other change.
#include <boost/test/unit_test.hpp>

#include <cairo.h>

#include <cstdint>
#include <cstdlib>
#include <cstring>

#include "charts/chart_export.h"
#include "charts/chart_words.h"
#include "support/data_root.h"
#include "support/fonts.h"
#include "support/locale.h"
#include "test_support.h"

using namespace icc;
using namespace icc::charts;
namespace fs = std::filesystem;

namespace {

struct Engine {
    DataRoot data = DataRoot::locate();
    FontSet fonts = FontSet::load(data);
};

const Engine& engine() {
    static const Engine instance;
    return instance;
}

// Three areas in the reader's language: one above the sample, one without
// answers, one with a label long enough to wrap.
AreasChartData three_areas(const std::string& city, const std::string& peer, const std::vector<std::string>& labels) {
    return {city, 126, peer,
            {{"commitment", labels.at(0), 60, 30, 80},
             {"education", labels.at(1), std::nullopt, 45.5, 52},
             {"mediation", labels.at(2), 87.5, 61, 70}}};
}

// Draws `data` with the words of `lang` at width x height points, one pixel a
// point, and compares it with tests/ref/images/<name>.png (or writes that file
// when ICC_BLESS_REFERENCES is set).
void check_image(const std::string& name, const std::string& lang, ChartData data, double width, double height) {
    const Catalog catalog = Catalog::load(engine().data, lang);
    const ChartSpec spec = chart_spec(catalog, std::move(data));
    const ChartFonts fonts(engine().fonts);
    const fs::path reference = testing::source_root() / "tests" / "ref" / "images" / (name + ".png");
    if (std::getenv("ICC_BLESS_REFERENCES")) {
        fs::create_directories(reference.parent_path());
        write_chart_png(reference, spec, fonts, width, height, 1);
        BOOST_TEST_MESSAGE("blessed " << reference);
        return;
    }
    BOOST_TEST_REQUIRE(fs::exists(reference), reference << " is missing: run scripts/bless-references.sh");
    const CairoSurfacePtr drawn = render_chart_image(spec, fonts, width, height, 1);
    const CairoSurfacePtr expected(cairo_image_surface_create_from_png(reference.c_str()));
    BOOST_TEST_REQUIRE(cairo_surface_status(expected.get()) == CAIRO_STATUS_SUCCESS);
    cairo_surface_flush(drawn.get());
    const int w = cairo_image_surface_get_width(drawn.get()), h = cairo_image_surface_get_height(drawn.get());
    BOOST_TEST_REQUIRE(w == cairo_image_surface_get_width(expected.get()));
    BOOST_TEST_REQUIRE(h == cairo_image_surface_get_height(expected.get()));
    long differing = 0;
    int first_x = -1, first_y = -1;
    for (int y = 0; y < h; ++y) {
        const unsigned char* a = cairo_image_surface_get_data(drawn.get()) + y * cairo_image_surface_get_stride(drawn.get());
        const unsigned char* b =
            cairo_image_surface_get_data(expected.get()) + y * cairo_image_surface_get_stride(expected.get());
        for (int x = 0; x < w; ++x) {
            std::uint32_t p = 0, q = 0;
            std::memcpy(&p, a + 4 * x, 4);
            std::memcpy(&q, b + 4 * x, 4);
            if (p == q) continue;
            if (differing++ == 0) first_x = x, first_y = y;
        }
    }
    if (differing == 0) return;
    // Keep what was drawn beside the reference's name, to look at.
    const fs::path drawn_file = fs::temp_directory_path() / ("icc-reference-" + name + ".png");
    cairo_surface_write_to_png(drawn.get(), drawn_file.c_str());
    BOOST_ERROR(name << ": " << differing << " of " << static_cast<long>(w) * h << " pixels differ from " << reference
                     << ", the first at (" << first_x << ", " << first_y << "); drawn: " << drawn_file
                     << "\n(an intended change? scripts/bless-references.sh, then look at the images)");
}

}  // namespace

BOOST_AUTO_TEST_CASE(reference_image_areas_in_english) {
    check_image("areas.en", "en", AreasChart{three_areas("Valmora", "Cities of 50,000 to 100,000 inhabitants",
                                       {"Commitment", "Education", "Mediation and conflict resolution"})}, 387,
                190);
}

BOOST_AUTO_TEST_CASE(reference_image_radar_right_to_left) {
    check_image("radar.ar", "ar", RadarChart{three_areas("فالمورا", "", {"الالتزام", "التعليم", "الوساطة وحل النزاعات"})}, 387, 300);
}

BOOST_AUTO_TEST_CASE(reference_image_progress_in_french) {
    ProgressChartData progress{"Valmora", {{"commitment", "Engagement"}, {"lens", "Prisme interculturel"}}, {}};
    progress.editions.push_back({"2019", 40, {30, 50}});
    progress.editions.push_back({"2026", 55, {62, std::nullopt}});
    check_image("progress.fr", "fr", ProgressChart{progress}, 387, 170);
}

BOOST_AUTO_TEST_CASE(reference_image_one_area_in_japanese) {
    check_image("one_area.ja", "ja",
                OneAreaChart{{"commitment", "コミットメント", "バルモラ", 75, 52, 126, {{"人口5万〜10万の都市", 58, 12}}}},
                387, 120);
}
