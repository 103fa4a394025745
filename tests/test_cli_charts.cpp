// `iccreport charts`: every chart of a city as stand-alone SVG or PNG.
#include <boost/test/unit_test.hpp>

#include "test_support.h"

using namespace icc;
using testing::run;

namespace {
std::string charts_command(const std::string& city_file, const std::filesystem::path& out, const std::string& extra) {
    return testing::iccreport() + " charts '" + (testing::source_root() / "samples/network" / city_file).string() +
           "' --out '" + out.string() + "' " + extra;
}
}  // namespace

BOOST_AUTO_TEST_CASE(charts_writes_every_chart_as_titled_svg) {
    testing::TempDir dir;
    auto result = run(charts_command("quellmark/2024-10-07.toml", dir.path(), "--lang fr"));
    BOOST_TEST_REQUIRE(result.exit_code == 0, result.err);
    int svgs = 0;
    for (const auto& entry : std::filesystem::directory_iterator(dir.path())) svgs += entry.path().extension() == ".svg";
    // areas, radar, progress, network, lens fields, and one chart per area (12 indicators + 6 fields).
    BOOST_TEST(svgs == 4 + 1 + 18);
    const std::string areas = testing::slurp(dir / "quellmark-areas.fr.svg");
    BOOST_TEST(areas.find("<title>Quellmark par rapport à la moyenne de l’échantillon, par domaine</title>") !=
               std::string::npos);
    BOOST_TEST(areas.find("xml:lang=\"fr\"") != std::string::npos);
    BOOST_TEST(areas.find("<desc>") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(charts_png_files_are_real_and_reproducible) {
    testing::TempDir a, b;
    BOOST_TEST_REQUIRE(run(charts_command("valmora/2026-03-15.toml", a.path(), "--format png")).exit_code == 0);
    BOOST_TEST_REQUIRE(run(charts_command("valmora/2026-03-15.toml", b.path(), "--format png")).exit_code == 0);
    const std::string png = testing::slurp(a / "valmora-radar.en.png");
    BOOST_REQUIRE(png.size() > 1000u);
    BOOST_TEST(png.substr(1, 3) == "PNG");
    BOOST_TEST(png == testing::slurp(b / "valmora-radar.en.png"));
}

BOOST_AUTO_TEST_CASE(charts_rejects_an_unknown_format) {
    testing::TempDir dir;
    auto result = run(charts_command("valmora/2026-03-15.toml", dir.path(), "--format gif"));
    BOOST_TEST(result.exit_code == 1);
    BOOST_TEST(result.err == "--format: error: expected svg or png, found \"gif\"\n");
}
