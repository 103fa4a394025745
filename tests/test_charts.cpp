// Chart geometry, localization and text alternatives. Expected positions are
// computed by hand from the axis ends the layout reports; pixel and file
// checks are in test_chart_export.cpp.
#include <boost/test/unit_test.hpp>

#include <cmath>
#include <numbers>

#include "charts/chart_parts.h"
#include "charts/charts.h"
#include "support/bidi.h"
#include "support/diagnostic.h"
#include "support/fonts.h"
#include "support/locale.h"
#include "test_support.h"

using namespace icc;
using namespace icc::charts;

namespace {

struct Setup {
    DataRoot root{testing::source_root()};
    FontSet fonts = FontSet::load(root);
    Catalog en = Catalog::load(root, "en");
    Catalog fr = Catalog::load(root, "fr");
};

const char* const ids[] = {"commitment", "lens", "mediation", "language", "media", "international",
                           "intelligence", "welcome", "leadership", "anti_discrimination", "participation",
                           "interaction"};
const char* const english[] = {"Commitment", "Intercultural lens", "Mediation and conflict resolution", "Language",
                               "Media and communication", "International outlook",
                               "Intercultural intelligence and competence", "Welcoming newcomers",
                               "Leadership and citizenship", "Anti-discrimination", "Participation", "Interaction"};
const char* const french[] = {"Engagement", "Prisme interculturel", "Médiation et résolution des conflits", "Langues",
                              "Médias et communication", "Ouverture internationale",
                              "Intelligence et compétences interculturelles", "Accueil des nouveaux arrivants",
                              "Leadership et citoyenneté", "Lutte contre les discriminations", "Participation",
                              "Interaction"};

// Twelve areas; the city's rates are 0, 8, 16, ... 88, the sample's 50 - i, the peer group's 40 + i.
AreasChartData twelve_areas(bool in_french, bool with_peer = true) {
    AreasChartData data{"Valmora", 126, with_peer ? (in_french ? "Villes de 50 000 à 100 000 habitants"
                                                               : "Cities of 50,000 to 100,000 inhabitants")
                                                  : "",
                        {}};
    for (int i = 0; i < 12; ++i)
        data.areas.push_back({ids[i], in_french ? french[i] : english[i], 8.0 * i, 50.0 - i,
                              with_peer ? std::optional<double>(40.0 + i) : std::nullopt});
    return data;
}

ProgressChartData three_editions() {
    ProgressChartData data{"Brenhaven", {}, {}};
    for (int i = 0; i < 4; ++i) data.areas.push_back({ids[i], english[i]});
    data.editions.push_back({"2016", 41.2, {30, 40, std::nullopt, 60}});
    data.editions.push_back({"2020", 48.6, {35, 38, 50, 60}});
    data.editions.push_back({"2025", 62.4, {45, 31, 55, 60}});
    return data;
}

NetworkPositionData network_of(std::size_t others) {
    NetworkPositionData data{"Valmora", 58, {}, 55};
    for (std::size_t i = 0; i < others; ++i)
        data.other_cities.push_back(20 + std::fmod(static_cast<double>(i) * 37.7, 65.0));
    return data;
}

OneAreaData one_area(std::optional<double> city) {
    return {"commitment", "Commitment", "Valmora", city, 48, 126,
            {{"Cities of 50,000 to 100,000 inhabitants", 45, 23}, {"Cities of Portugal", 61, 1}}};
}

// A locale like English but written right to left, to check mirroring.
Catalog right_to_left_catalog(const testing::TempDir& dir) {
    std::string text = testing::slurp(testing::source_root() / "locales/en.toml");
    const auto at = text.find("direction = \"ltr\"");
    BOOST_REQUIRE(at != std::string::npos);
    text.replace(at, 17, "direction = \"rtl\"");
    return Catalog::load_file(dir.write("rtl.toml", text), "en");
}

void check_inside(const std::vector<TextBox>& texts, double width, double height) {
    const Box chart{0, 0, width, height};
    for (const auto& t : texts)
        BOOST_TEST_CONTEXT("text '" << t.text << "' at " << t.box.x << "," << t.box.y << " " << t.box.width << "x"
                                    << t.box.height) {
            BOOST_TEST(chart.contains(t.box));
        }
}

void check_apart(const std::vector<TextBox>& texts) {
    for (std::size_t i = 0; i < texts.size(); ++i)
        for (std::size_t j = i + 1; j < texts.size(); ++j)
            BOOST_TEST_CONTEXT("'" << texts[i].text << "' and '" << texts[j].text << "'") {
                BOOST_TEST(!texts[i].box.overlaps(texts[j].box));
            }
}

std::vector<TextBox> all_texts(const AreasChartGeometry& g) {
    std::vector<TextBox> texts = g.texts;
    for (const auto& row : g.rows) {
        texts.push_back(row.label);
        texts.push_back(row.city_value);
    }
    return texts;
}

bool ellipsized(const ChartContext& chart, const TextBox& text) {
    const detail::ChartText setter(chart);
    return pango_layout_is_ellipsized(setter.layout(text).get());
}

}  // namespace

BOOST_AUTO_TEST_CASE(areas_bars_are_proportional_to_the_value) {
    Setup s;
    const ChartContext chart(s.fonts, s.en);
    const AreasChartGeometry g = layout_chart(chart, AreasChart{twelve_areas(false)}, 455, 340);
    BOOST_REQUIRE(g.rows.size() == 12u);
    for (int i = 0; i < 12; ++i) {
        const auto& bar = g.rows[i].city_bar;
        BOOST_REQUIRE(bar.has_value());
        BOOST_TEST(bar->x == g.plot.x);
        BOOST_TEST(bar->width == g.plot.width * (8.0 * i) / 100.0, boost::test_tools::tolerance(1e-9));
        // The bar sits in the middle of its row.
        BOOST_TEST(bar->center_y() == g.rows[i].band.center_y(), boost::test_tools::tolerance(1e-9));
    }
    // Ratio of two bars equals the ratio of their values.
    BOOST_TEST(g.rows[10].city_bar->width / g.rows[5].city_bar->width == 2.0, boost::test_tools::tolerance(1e-9));
}

BOOST_AUTO_TEST_CASE(areas_axis_has_0_and_100_exactly_at_its_ends) {
    Setup s;
    const ChartContext chart(s.fonts, s.en);
    AreasChartData data = twelve_areas(false);
    data.areas[0].city = 0;
    data.areas[1].city = 100;
    data.areas[1].sample = 100;
    data.areas[1].peer = 100;
    const AreasChartGeometry g = layout_chart(chart, AreasChart{data}, 455, 340);
    BOOST_TEST(g.axis.x_of(0) == g.plot.x);
    BOOST_TEST(g.axis.x_of(100) == g.plot.right());
    BOOST_TEST(g.axis.ticks.front() == 0);
    BOOST_TEST(g.axis.ticks.back() == 100);
    // Tick labels "0" and "100" are centred on the ends.
    bool found_zero = false, found_hundred = false;
    for (const auto& t : g.texts) {
        if (t.text == "0") {
            found_zero = true;
            BOOST_TEST(t.box.center_x() == g.plot.x, boost::test_tools::tolerance(1e-9));
        }
        if (t.text == "100") {
            found_hundred = true;
            BOOST_TEST(t.box.center_x() == g.plot.right(), boost::test_tools::tolerance(1e-9));
        }
    }
    BOOST_TEST(found_zero);
    BOOST_TEST(found_hundred);
    // A score of 0 has an empty bar but still its value; 100 fills the plot.
    BOOST_TEST(g.rows[0].city_bar->width == 0);
    BOOST_TEST(g.rows[0].city_value.text == "0%");
    BOOST_TEST(g.rows[1].city_bar->right() == g.plot.right(), boost::test_tools::tolerance(1e-9));
    BOOST_TEST(g.rows[1].city_value.text == "100%");
    BOOST_TEST(g.rows[1].sample_tick.center_x() == g.plot.right(), boost::test_tools::tolerance(1e-9));
    BOOST_TEST(g.rows[1].peer_marker->x == g.plot.right(), boost::test_tools::tolerance(1e-9));
    // The value pushed past both markers at 100 still fits in the chart.
    BOOST_TEST(g.rows[1].city_value.box.right() <= 455.0);
    BOOST_TEST(g.rows[1].city_value.box.x >= g.rows[1].peer_marker->x + g.rows[1].peer_half);
    check_inside(all_texts(g), 455, 340);
}

BOOST_AUTO_TEST_CASE(areas_value_labels_keep_clear_of_markers_and_labels) {
    Setup s;
    for (const Catalog* catalog : {&s.en, &s.fr}) {
        const ChartContext chart(s.fonts, *catalog);
        AreasChartData data = twelve_areas(catalog == &s.fr);
        // Markers just past the bar end, where a value label would go.
        data.areas[6].city = 40;
        data.areas[6].sample = 42;
        data.areas[6].peer = 44;
        const AreasChartGeometry g = layout_chart(chart, AreasChart{data}, 455, 340);
        for (const auto& row : g.rows) {
            BOOST_TEST_CONTEXT(row.id) {
                BOOST_TEST(!row.city_value.box.overlaps(row.sample_tick));
                if (row.peer_marker) {
                    const Box diamond{row.peer_marker->x - row.peer_half, row.peer_marker->y - row.peer_half,
                                      2 * row.peer_half, 2 * row.peer_half};
                    BOOST_TEST(!row.city_value.box.overlaps(diamond));
                }
                BOOST_TEST(!row.city_value.box.overlaps(row.label.box));
                BOOST_TEST(row.label.box.right() <= g.plot.x);
            }
        }
        // The displaced label of row 6 went inside its bar, in white.
        const auto& row = g.rows[6];
        BOOST_TEST(row.city_value.box.right() <= row.city_bar->right());
        BOOST_TEST((row.city_value.color == chart.style().background));
    }
}

BOOST_AUTO_TEST_CASE(areas_an_area_with_no_answers_has_no_bar_and_says_so) {
    Setup s;
    for (const Catalog* catalog : {&s.en, &s.fr}) {
        const ChartContext chart(s.fonts, *catalog);
        AreasChartData data = twelve_areas(catalog == &s.fr);
        data.areas[10].city.reset();
        const AreasChartGeometry g = layout_chart(chart, AreasChart{data}, 455, 340);
        BOOST_TEST(!g.rows[10].city_bar.has_value());
        BOOST_TEST(g.rows[10].city_value.text == catalog->text("charts.no_answers"));
        BOOST_TEST((g.rows[10].city_value.role == TextRole::note));
        BOOST_TEST(!g.rows[10].city_value.box.overlaps(g.rows[10].sample_tick));
        const std::string alt = describe_chart(*catalog, AreasChart{data});
        BOOST_TEST(alt.find(catalog == &s.fr ? "aucune réponse pour Valmora" : "no answers from Valmora") !=
                   std::string::npos);
    }
}

BOOST_AUTO_TEST_CASE(areas_long_french_labels_wrap_and_nothing_collides) {
    Setup s;
    const ChartContext chart(s.fonts, s.fr);
    for (auto [width, height] : {std::pair{455.0, 340.0}, std::pair{455.0, 250.0}, std::pair{320.0, 400.0}}) {
        BOOST_TEST_CONTEXT(width << " x " << height) {
            const AreasChartGeometry g = layout_chart(chart, AreasChart{twelve_areas(true)}, width, height);
            const auto texts = all_texts(g);
            check_inside(texts, width, height);
            check_apart(texts);
            for (const auto& row : g.rows) {
                BOOST_TEST_CONTEXT(row.label.text) {
                    BOOST_TEST(row.label.box.right() <= g.plot.x);
                    BOOST_TEST(row.label.box.height <= row.band.height + 0.5);
                }
            }
        }
    }
    // At the report's size every French name is shown whole, the long ones on two lines.
    const AreasChartGeometry g = layout_chart(chart, AreasChart{twelve_areas(true)}, 455, 340);
    for (const auto& row : g.rows) BOOST_TEST(!ellipsized(chart, row.label), row.label.text);
    const auto& intelligence = g.rows[6].label;
    BOOST_TEST(intelligence.text == "Intelligence et compétences interculturelles");
    BOOST_TEST(intelligence.wrapped);
}

BOOST_AUTO_TEST_CASE(areas_values_are_formatted_in_the_chart_language) {
    Setup s;
    const ChartContext chart(s.fonts, s.fr);
    AreasChartData data = twelve_areas(true);
    data.areas[0].city = 62.5;
    ChartStyle one_digit;
    one_digit.fraction_digits = 1;
    const ChartContext precise(s.fonts, s.fr, one_digit);
    const AreasChartGeometry g = layout_chart(precise, AreasChart{data}, 455, 340);
    // ICU: decimal comma and a (narrow) no-break space before the percent sign.
    BOOST_TEST(g.rows[0].city_value.text == s.fr.percent(62.5, 1));
    BOOST_TEST(g.rows[0].city_value.text.find("62,5") == 0u);
    BOOST_TEST(g.rows[0].city_value.text.find(' ') == std::string::npos);
    bool axis_title = false;
    for (const auto& t : layout_chart(chart, AreasChart{data}, 455, 340).texts)
        axis_title = axis_title || t.text == "Taux de réalisation (en\u00a0%)";
    BOOST_TEST(axis_title);
}

BOOST_AUTO_TEST_CASE(areas_mirror_for_right_to_left_languages) {
    Setup s;
    testing::TempDir dir;
    const Catalog rtl = right_to_left_catalog(dir);
    const AreasChartData data = twelve_areas(false);
    const AreasChartGeometry ltr = layout_chart(ChartContext(s.fonts, s.en), AreasChart{data}, 455, 340);
    const AreasChartGeometry g = layout_chart(ChartContext(s.fonts, rtl), AreasChart{data}, 455, 340);
    // Zero on the right, bars growing leftwards, labels on the right.
    BOOST_TEST(g.axis.zero_x == 455 - ltr.axis.zero_x, boost::test_tools::tolerance(1e-9));
    BOOST_TEST(g.axis.full_x < g.axis.zero_x);
    for (std::size_t i = 1; i < g.rows.size(); ++i) {
        const auto& bar = *g.rows[i].city_bar;
        BOOST_TEST(bar.right() == g.axis.zero_x, boost::test_tools::tolerance(1e-9));
        BOOST_TEST(bar.width == ltr.rows[i].city_bar->width, boost::test_tools::tolerance(1e-9));
        BOOST_TEST(g.rows[i].label.box.x >= g.axis.zero_x);
        BOOST_TEST((g.rows[i].label.align == TextAlign::left));
        const Box& value = g.rows[i].city_value.box;
        if (g.rows[i].city_value.color == ChartStyle{}.background) {
            BOOST_TEST(value.x >= bar.x);  // inside the bar's end
            BOOST_TEST(value.right() <= bar.right());
        } else {
            BOOST_TEST(value.right() <= bar.x);  // past the bar's end, on its left
        }
    }
    check_inside(all_texts(g), 455, 340);
}

BOOST_AUTO_TEST_CASE(areas_reject_rates_outside_0_to_100) {
    Setup s;
    const ChartContext chart(s.fonts, s.en);
    AreasChartData data = twelve_areas(false);
    data.areas[3].sample = 104;
    try {
        (void)layout_chart(chart, AreasChart{data}, 455, 340);
        BOOST_FAIL("a sample average of 104 was accepted");
    } catch (const DiagnosticError& e) {
        const std::string message = e.diagnostics().front().message;
        BOOST_TEST(message.find("area 'language'") != std::string::npos, message);
        BOOST_TEST(message.find("104") != std::string::npos, message);
    }
    data.areas[3].sample = std::nan("");
    BOOST_CHECK_THROW((void)layout_chart(chart, AreasChart{data}, 455, 340), DiagnosticError);
    BOOST_CHECK_THROW((void)layout_chart(chart, AreasChart{AreasChartData{"Valmora", 1, "", {}}}, 455, 340), DiagnosticError);
    data = twelve_areas(false);
    data.peer_label.clear();
    BOOST_CHECK_THROW((void)describe_chart(s.en, AreasChart{data}), DiagnosticError);
    data = twelve_areas(false);
    data.sample_size = 0;
    BOOST_CHECK_THROW((void)describe_chart(s.en, AreasChart{data}), DiagnosticError);
    OneAreaData empty_group = one_area(50);
    empty_group.peer_groups[1].size = 0;
    BOOST_CHECK_THROW((void)layout_chart(chart, OneAreaChart{empty_group}, 455, 120), DiagnosticError);
}

BOOST_AUTO_TEST_CASE(radar_vertices_lie_at_their_value_on_their_spoke) {
    Setup s;
    const ChartContext chart(s.fonts, s.en);
    const AreasChartData data = twelve_areas(false);
    const RadarChartGeometry g = layout_chart(chart, RadarChart{data}, 455, 360);
    BOOST_REQUIRE(g.spokes.size() == 12u);
    BOOST_TEST(g.radius > 100);
    for (std::size_t i = 0; i < 12; ++i) {
        BOOST_TEST_CONTEXT(data.areas[i].id) {
            // Clockwise from the top, 30 degrees apart.
            const double angle = -std::numbers::pi / 2 + std::numbers::pi / 6 * static_cast<double>(i);
            BOOST_TEST(g.spokes[i].angle == angle, boost::test_tools::tolerance(1e-12));
            const Point& p = *g.city[i];
            const double dx = p.x - g.center.x, dy = p.y - g.center.y;
            BOOST_TEST(std::hypot(dx, dy) == g.radius * *data.areas[i].city / 100, boost::test_tools::tolerance(1e-9));
            if (i > 0) BOOST_TEST(std::abs(std::remainder(std::atan2(dy, dx) - angle, 2 * std::numbers::pi)) < 1e-9);
            const Point& q = g.sample[i];
            BOOST_TEST(std::hypot(q.x - g.center.x, q.y - g.center.y) == g.radius * data.areas[i].sample / 100,
                       boost::test_tools::tolerance(1e-9));
            BOOST_TEST(std::hypot(g.spokes[i].end.x - g.center.x, g.spokes[i].end.y - g.center.y) == g.radius,
                       boost::test_tools::tolerance(1e-9));
        }
    }
    // The first area (rate 0) is at the centre; the fourth spoke points right.
    BOOST_TEST(g.city[0]->x == g.center.x, boost::test_tools::tolerance(1e-9));
    BOOST_TEST(g.city[0]->y == g.center.y, boost::test_tools::tolerance(1e-9));
    BOOST_TEST(g.spokes[3].end.x == g.center.x + g.radius, boost::test_tools::tolerance(1e-9));
    BOOST_TEST(g.spokes[3].end.y == g.center.y, boost::test_tools::tolerance(1e-9));
}

BOOST_AUTO_TEST_CASE(radar_labels_stay_inside_and_apart_in_both_languages) {
    Setup s;
    for (const Catalog* catalog : {&s.en, &s.fr}) {
        const ChartContext chart(s.fonts, *catalog);
        AreasChartData data = twelve_areas(catalog == &s.fr);
        data.areas[10].city.reset();
        const RadarChartGeometry g = layout_chart(chart, RadarChart{data}, 455, 360);
        std::vector<TextBox> labels;
        for (const auto& spoke : g.spokes) labels.push_back(spoke.label);
        check_inside(labels, 455, 360);
        check_apart(labels);
        check_inside(g.texts, 455, 360);
        // The label is outside the 100 ring.
        for (const auto& spoke : g.spokes) {
            const Box& b = spoke.label.box;
            const double nearest_x = std::clamp(g.center.x, b.x, b.right());
            const double nearest_y = std::clamp(g.center.y, b.y, b.bottom());
            BOOST_TEST(std::hypot(nearest_x - g.center.x, nearest_y - g.center.y) >= g.radius, spoke.id);
        }
        BOOST_TEST(!g.city[10].has_value());
        BOOST_TEST(g.spokes[10].label.text.find(catalog->text("charts.no_answers")) != std::string::npos);
    }
}

BOOST_AUTO_TEST_CASE(radar_mirrors_for_right_to_left_languages) {
    Setup s;
    testing::TempDir dir;
    const Catalog rtl = right_to_left_catalog(dir);
    const AreasChartData data = twelve_areas(false);
    const RadarChartGeometry ltr = layout_chart(ChartContext(s.fonts, s.en), RadarChart{data}, 455, 360);
    const RadarChartGeometry g = layout_chart(ChartContext(s.fonts, rtl), RadarChart{data}, 455, 360);
    BOOST_TEST(g.radius == ltr.radius, boost::test_tools::tolerance(1e-9));
    for (std::size_t i = 0; i < 12; ++i) {
        BOOST_TEST(g.city[i]->x == 455 - ltr.city[i]->x, boost::test_tools::tolerance(1e-9));
        BOOST_TEST(g.city[i]->y == ltr.city[i]->y, boost::test_tools::tolerance(1e-9));
        const Point p = g.point_at(i, 50);
        const Point q = ltr.point_at(i, 50);
        BOOST_TEST(p.x == 455 - q.x, boost::test_tools::tolerance(1e-9));
    }
    // Counter-clockwise: the second area is left of the top.
    BOOST_TEST(g.spokes[1].end.x < g.center.x);
    BOOST_CHECK_THROW((void)layout_chart(ChartContext(s.fonts, s.en), RadarChart{AreasChartData{"Valmora", 1, "", {data.areas[0], data.areas[1]}}}, 455, 360),
                      DiagnosticError);
}

BOOST_AUTO_TEST_CASE(progress_markers_values_and_changes) {
    Setup s;
    const ChartContext chart(s.fonts, s.en);
    const ProgressChartData data = three_editions();
    const ProgressChartGeometry g = layout_chart(chart, ProgressChart{data}, 455, 300);
    BOOST_REQUIRE(g.rows.size() == 5u);
    BOOST_TEST(g.rows[0].id == "aggregate");
    BOOST_TEST((g.edition_marks == std::vector<Mark>{Mark::older_edition, Mark::previous_edition, Mark::latest_edition}));
    // Markers at their value, on the row's middle.
    BOOST_TEST(g.rows[0].markers[2]->x == g.axis.x_of(62.4), boost::test_tools::tolerance(1e-9));
    BOOST_TEST(g.rows[1].markers[0]->x == g.plot.x + g.plot.width * 0.30, boost::test_tools::tolerance(1e-9));
    BOOST_TEST(g.rows[1].markers[0]->y == g.rows[1].band.center_y(), boost::test_tools::tolerance(1e-9));
    BOOST_TEST(g.rows[1].span->first == g.axis.x_of(30), boost::test_tools::tolerance(1e-9));
    BOOST_TEST(g.rows[1].span->second == g.axis.x_of(45), boost::test_tools::tolerance(1e-9));
    // Change from the shown values: 41% -> 62%, i.e. +21 (not 21.2 rounded).
    BOOST_TEST(g.rows[0].latest.text == "62%");
    BOOST_TEST(g.rows[0].change->text == "+21");
    BOOST_TEST(g.rows[2].change->text == "−9");
    BOOST_TEST(g.rows[3].change->text == "–");  // no value in the first edition
    BOOST_TEST(g.rows[4].change->text == "0");
    BOOST_TEST(!g.rows[3].markers[0].has_value());
    BOOST_TEST(!g.rows[4].span.has_value());  // 60 in every edition
    std::vector<TextBox> texts = g.texts;
    for (const auto& row : g.rows) {
        texts.push_back(row.label);
        texts.push_back(row.latest);
        texts.push_back(*row.change);
    }
    check_inside(texts, 455, 300);
    check_apart(texts);

    const std::string alt = describe_chart(s.en, ProgressChart{data});
    BOOST_TEST(alt.find("Aggregate index: 41% in 2016, 49% in 2020 and 62% in 2025, up 21 points since 2016.") !=
               std::string::npos, alt);
    BOOST_TEST(alt.find("Intercultural lens: 40% in 2016, 38% in 2020 and 31% in 2025, down 9 points since 2016.") !=
               std::string::npos, alt);
    BOOST_TEST(alt.find("Mediation and conflict resolution: no result in 2016, 50% in 2020 and 55% in 2025.") !=
               std::string::npos, alt);
    BOOST_TEST(alt.find("Language: 60% in 2016, 60% in 2020 and 60% in 2025, unchanged since 2016.") !=
               std::string::npos, alt);
    const std::string french = describe_chart(s.fr, ProgressChart{data});
    BOOST_TEST(french.find("en hausse de 21 points depuis 2016") != std::string::npos, french);
    BOOST_TEST(without_isolates(chart_title(s.en, ProgressChart{data})) == "Progress of Brenhaven since 2016");
}

BOOST_AUTO_TEST_CASE(progress_of_a_city_with_no_earlier_edition) {
    Setup s;
    for (const Catalog* catalog : {&s.en, &s.fr}) {
        const ChartContext chart(s.fonts, *catalog);
        ProgressChartData data = three_editions();
        data.editions.erase(data.editions.begin(), data.editions.begin() + 2);
        BOOST_TEST(!shows_progress(data));
        const ProgressChartGeometry g = layout_chart(chart, ProgressChart{data}, 455, 300);
        const std::string note = catalog->format("charts.progress.first_edition", {{"city", std::string("Brenhaven")}});
        bool noted = false;
        for (const auto& t : g.texts) noted = noted || t.text == note;
        BOOST_TEST(noted);
        for (const auto& row : g.rows) {
            BOOST_TEST(!row.change.has_value());
            BOOST_TEST(!row.span.has_value());
        }
        BOOST_TEST(g.edition_marks.size() == 1u);
        BOOST_TEST((g.edition_marks[0] == Mark::latest_edition));
        const std::string alt = describe_chart(*catalog, ProgressChart{data});
        BOOST_TEST(alt.find(without_isolates(note)) != std::string::npos, alt);  // an alternative has no isolates
    }
    BOOST_CHECK_THROW((void)layout_chart(ChartContext(s.fonts, s.en), ProgressChart{ProgressChartData{"X", {}, {}}}, 455, 300),
                      DiagnosticError);
    ProgressChartData mismatched = three_editions();
    mismatched.editions[1].areas.pop_back();
    BOOST_CHECK_THROW((void)describe_chart(s.en, ProgressChart{mismatched}), DiagnosticError);
}

BOOST_AUTO_TEST_CASE(network_dots_sit_at_their_index_without_touching) {
    Setup s;
    const ChartContext chart(s.fonts, s.en);
    const NetworkPositionData data = network_of(125);
    const NetworkChartGeometry g = layout_chart(chart, NetworkChart{data}, 455, 170);
    BOOST_REQUIRE(g.others.size() == 125u);
    for (std::size_t i = 0; i < g.others.size(); ++i) {
        BOOST_TEST(g.others[i].x == g.axis.x_of(data.other_cities[i]), boost::test_tools::tolerance(1e-9));
        BOOST_TEST(g.others[i].y + g.dot_radius <= g.axis.bottom);
        BOOST_TEST(g.others[i].y - g.dot_radius >= g.median_label.box.bottom());
        for (std::size_t j = i + 1; j < g.others.size(); ++j)
            BOOST_TEST(std::hypot(g.others[i].x - g.others[j].x, g.others[i].y - g.others[j].y) >=
                       2 * g.dot_radius - 1e-6);
        BOOST_TEST(std::hypot(g.others[i].x - g.city.x, g.others[i].y - g.city.y) >=
                   g.dot_radius + g.city_radius - 1e-6);
    }
    BOOST_TEST(g.city.x == g.axis.x_of(58), boost::test_tools::tolerance(1e-9));
    BOOST_TEST(g.median_x == g.axis.x_of(55), boost::test_tools::tolerance(1e-9));
    // The line from the label to the city's dot crosses no other dot.
    for (const Point& p : g.others)
        if (std::abs(p.x - g.city.x) < g.dot_radius) BOOST_TEST(p.y > g.city.y);
    BOOST_TEST(without_isolates(g.city_label.text) == "Valmora: 58%");
    BOOST_TEST(!g.city_label.box.overlaps(g.median_label.box));
    BOOST_TEST(g.median_label.box.right() <= g.median_x);  // away from the city, which is to its right
    check_inside(g.texts, 455, 170);
}

BOOST_AUTO_TEST_CASE(network_of_one_city) {
    Setup s;
    for (const Catalog* catalog : {&s.en, &s.fr}) {
        const ChartContext chart(s.fonts, *catalog);
        const NetworkPositionData data{"Valmora", 58, {}, 58};
        const NetworkChartGeometry g = layout_chart(chart, NetworkChart{data}, 455, 170);
        BOOST_TEST(g.others.empty());
        BOOST_TEST(g.legend.size() == 2u);  // no "other cities" entry
        BOOST_TEST(g.city.x == g.axis.x_of(58), boost::test_tools::tolerance(1e-9));
        BOOST_TEST(g.city.y + g.city_radius <= g.axis.bottom);
        BOOST_TEST(network_rank(data) == 1);
        const std::string alt = describe_chart(*catalog, NetworkChart{data});
        BOOST_TEST(alt == without_isolates(catalog->format("charts.network.alt", {{"count", std::int64_t{1}},
                                                                  {"index", std::string("core")},
                                                                  {"city", std::string("Valmora")},
                                                                  {"value", catalog->percent(58, 0)}})));
        BOOST_TEST(alt.find(catalog == &s.en ? "is the only city" : "est la seule ville") != std::string::npos, alt);
    }
}

BOOST_AUTO_TEST_CASE(network_rank_and_ties_in_the_text_alternative) {
    Setup s;
    const NetworkPositionData data{"Valmora", 58, {70, 58, 40, 81, 58, 12}, 58};
    BOOST_TEST(network_rank(data) == 3);
    BOOST_TEST(describe_chart(s.en, NetworkChart{data}) ==
               "Dot plot of the core index of the 7 cities in the sample. Valmora scores 58% and ranks 3rd "
               "(level with 2 other cities); the sample median is 58% and the indices range from 12% to 81%.");
    // On the extended index: the cities that have one, and their median.
    NetworkPositionData extended = data;
    extended.index = "extended";
    BOOST_TEST(describe_chart(s.en, NetworkChart{extended}) ==
               "Dot plot of the extended index of the 7 cities of the sample that answered all twelve areas. Valmora "
               "scores 58% and ranks 3rd (level with 2 other cities); their median is 58% and the indices range from "
               "12% to 81%.");
    NetworkPositionData unknown = data;
    unknown.index = "aggregate";
    BOOST_CHECK_THROW(describe_chart(s.en, NetworkChart{unknown}), DiagnosticError);
    const std::string french = describe_chart(s.fr, NetworkChart{data});
    BOOST_TEST(french.find("se classe au 3e rang (à égalité avec 2 autres villes)") != std::string::npos, french);
    const NetworkPositionData first{"Valmora", 90, {70, 40}, 70};
    BOOST_TEST(describe_chart(s.fr, NetworkChart{first}).find("au 1er rang ;") == std::string::npos);
    BOOST_TEST(describe_chart(s.fr, NetworkChart{first}).find("au 1er rang\u00a0;") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(one_area_rows_bars_and_counts) {
    Setup s;
    const ChartContext chart(s.fonts, s.en);
    const OneAreaChartGeometry g = layout_chart(chart, OneAreaChart{one_area(62)}, 455, 120);
    BOOST_REQUIRE(g.rows.size() == 4u);
    BOOST_TEST((g.rows[0].mark == Mark::city_bar));
    BOOST_TEST((g.rows[1].mark == Mark::sample_bar));
    BOOST_TEST((g.rows[2].mark == Mark::peer_bar));
    BOOST_TEST(g.rows[0].label.text == "Valmora");
    BOOST_TEST(g.rows[1].label.text == "Sample average (126 cities)");
    BOOST_TEST(without_isolates(g.rows[3].label.text) == "Cities of Portugal (1 city)");
    const double values[] = {62, 48, 45, 61};
    for (int i = 0; i < 4; ++i) {
        BOOST_TEST(g.rows[i].bar->x == g.axis.x_of(0));
        BOOST_TEST(g.rows[i].bar->width == g.plot.width * values[i] / 100, boost::test_tools::tolerance(1e-9));
        BOOST_TEST(g.rows[i].value.box.x > g.rows[i].bar->right());
    }
    std::vector<TextBox> texts = g.texts;
    for (const auto& row : g.rows) {
        texts.push_back(row.label);
        texts.push_back(row.value);
    }
    check_inside(texts, 455, 120);
    check_apart(texts);

    const OneAreaChartGeometry none = layout_chart(chart, OneAreaChart{one_area(std::nullopt)}, 455, 120);
    BOOST_TEST(!none.rows[0].bar.has_value());
    BOOST_TEST(none.rows[0].value.text == "no answers");
    BOOST_TEST(describe_chart(s.en, OneAreaChart{one_area(std::nullopt)}).find("Valmora: no answers in this area.") !=
               std::string::npos);
    BOOST_TEST(describe_chart(s.en, OneAreaChart{one_area(62)}) ==
               "Commitment: bar chart of the achievement rate of Valmora against the sample average and the averages "
               "of its 2 peer groups. Valmora: 62%. Sample average (126 cities): 48%. Cities of 50,000 to 100,000 "
               "inhabitants (23 cities): 45%. Cities of Portugal (1 city): 61%.");
}

BOOST_AUTO_TEST_CASE(text_alternatives_state_every_value_in_both_languages) {
    Setup s;
    const AreasChartData en = twelve_areas(false);
    const std::string alt = describe_chart(s.en, AreasChart{en});
    BOOST_TEST(alt.find("Bar chart of the achievement rate of Valmora in each of 12 areas, against the sample average "
                        "(126 cities) and the average of a peer group: Cities of 50,000 to 100,000 inhabitants.") == 0u,
               alt);
    BOOST_TEST(alt.find("Media and communication: Valmora 32%, sample average 46%, peer-group average 44%.") !=
               std::string::npos, alt);
    for (int i = 0; i < 12; ++i) BOOST_TEST(alt.find(std::string(english[i]) + ": Valmora ") != std::string::npos);

    const std::string fr = describe_chart(s.fr, AreasChart{twelve_areas(true)});
    const std::string percent = s.fr.percent(32, 0);
    BOOST_TEST(fr.find("Médias et communication\u00a0: Valmora " + percent + ", moyenne de l’échantillon " +
                       s.fr.percent(46, 0) + ", moyenne du groupe de référence " + s.fr.percent(44, 0) + ".") !=
               std::string::npos, fr);
    const std::string radar = describe_chart(s.fr, RadarChart{twelve_areas(true)});
    BOOST_TEST(radar.find("Diagramme en radar du taux de réalisation obtenu par Valmora dans 12 domaines") == 0u, radar);
    BOOST_TEST(radar.find("groupe de référence") == std::string::npos, radar);
    BOOST_TEST(without_isolates(chart_title(s.fr, AreasChart{en})) == "Valmora par rapport à la moyenne de l’échantillon, par domaine");
}

BOOST_AUTO_TEST_CASE(layouts_are_deterministic) {
    Setup s;
    const ChartContext chart(s.fonts, s.fr);
    const AreasChartGeometry a = layout_chart(chart, AreasChart{twelve_areas(true)}, 455, 340);
    const AreasChartGeometry b = layout_chart(chart, AreasChart{twelve_areas(true)}, 455, 340);
    const auto ta = all_texts(a), tb = all_texts(b);
    BOOST_REQUIRE(ta.size() == tb.size());
    for (std::size_t i = 0; i < ta.size(); ++i) {
        BOOST_TEST(ta[i].text == tb[i].text);
        BOOST_TEST(ta[i].box.x == tb[i].box.x);
        BOOST_TEST(ta[i].box.y == tb[i].box.y);
        BOOST_TEST(ta[i].box.width == tb[i].box.width);
    }
}
