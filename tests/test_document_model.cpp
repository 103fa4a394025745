// The document model as a value: its digest is what it shows, its figures
// are chart specifications, and the stages' includes flow forward only.
#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <fstream>
#include <regex>
#include <string>

#include "charts/chart_words.h"
#include "compose/document.h"
#include "compose/specimen.h"
#include "support/data_root.h"
#include "support/locale.h"
#include "test_support.h"

using namespace icc;

namespace {

const Catalog& english() {
    static const Catalog catalog = Catalog::load(DataRoot::locate(), "en");
    return catalog;
}

charts::OneAreaData one_area(double city) {
    return {"commitment", "Commitment", "Valmora", city, 48, 126, {{"Peers", 50, 12}}};
}

Document with_chart(charts::ChartData chart) {
    Document document;
    document.info.title = "T";
    document.blocks.emplace_back(ParagraphBlock{plain_text("text")});
    document.blocks.emplace_back(FigureBlock{charts::chart_spec(english(), std::move(chart)), 120, 1.0, "caption", "alt"});
    return document;
}

}  // namespace

BOOST_AUTO_TEST_CASE(the_digest_changes_with_anything_the_document_shows) {
    const Document base = with_chart(charts::OneAreaChart{one_area(62)});
    BOOST_TEST(digest(base) == digest(with_chart(charts::OneAreaChart{one_area(62)})));
    BOOST_TEST(digest(base).size() == 64u);
    // A chart datum, the chart type, a word the chart prints, a caption, a run's style.
    BOOST_TEST(digest(base) != digest(with_chart(charts::OneAreaChart{one_area(62.5)})));
    Document words = base;
    std::get<FigureBlock>(words.blocks[1]).chart.locale.texts["charts.no_answers"] = "nothing";
    BOOST_TEST(digest(base) != digest(words));
    Document caption = base;
    std::get<FigureBlock>(caption.blocks[1]).caption = "other";
    BOOST_TEST(digest(base) != digest(caption));
    Document bold = base;
    std::get<ParagraphBlock>(bold.blocks[0]).text[0].bold = true;
    BOOST_TEST(digest(base) != digest(bold));
    // Fields cannot run into each other: ("ab", "c") is not ("a", "bc").
    Document a = base, b = base;
    a.info.title = "ab";
    a.info.author = "c";
    b.info.title = "a";
    b.info.author = "bc";
    BOOST_TEST(digest(a) != digest(b));
}

BOOST_AUTO_TEST_CASE(a_chart_spec_carries_exactly_the_words_its_drawing_prints) {
    const charts::ChartSpec spec = charts::chart_spec(english(), charts::NetworkChart{{"Valmora", 58, {20, 35}, 40}});
    BOOST_TEST(spec.locale.language == "en");
    BOOST_TEST(spec.locale.texts.count("charts.legend.sample_median") == 1u);
    BOOST_TEST(spec.locale.texts.count("charts.no_answers") == 0u);  // another chart's word
    BOOST_TEST(spec.locale.texts.at("charts.axis.core_index") == english().text("charts.axis.core_index"));
    BOOST_TEST(spec.locale.texts.at("charts.axis.extended_index") == english().text("charts.axis.extended_index"));
    // The text alternative comes from the same traits.
    BOOST_TEST(charts::describe_chart(english(), spec.data).find("Valmora") != std::string::npos);
    BOOST_CHECK_THROW((void)charts::describe_chart(english(), charts::SpecimenLineChart{{1, 2}}), InternalError);
}

BOOST_AUTO_TEST_CASE(the_specimens_digest_deterministically) {
    const Document first = compose_specimen(english(), 1);
    const Document second = compose_specimen(english(), 1);
    BOOST_TEST(digest(first) == digest(second));
    BOOST_TEST(digest(first) != digest(compose_specimen(english(), 2)));
}

// The stages' include graph: compose knows nothing of cairo or Pango.
BOOST_AUTO_TEST_CASE(compose_includes_no_drawing_library) {
    const std::regex drawing(R"(#include\s*[<"](cairo|pango|charts/(draw_chart|chart_traits|chart_style|chart_export|all_charts|charts|[a-z_]+_chart)\.h))");
    int files = 0;
    for (const auto& entry : std::filesystem::directory_iterator(testing::source_root() / "engine" / "compose")) {
        ++files;
        std::ifstream in(entry.path());
        std::string line;
        int number = 0;
        while (std::getline(in, line)) {
            ++number;
            BOOST_TEST(!std::regex_search(line, drawing), entry.path().filename().string() << ":" << number << ": " << line);
        }
    }
    BOOST_TEST(files > 5);
}
