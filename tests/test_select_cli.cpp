// End-to-end checks of `iccreport explain` on the bundled data: the showcase
// editions, the languages, the example overrides of Marvège and bad input.
#include <boost/test/unit_test.hpp>

#include "test_support.h"

using namespace icc;
using testing::run;

namespace {

const std::filesystem::path network = testing::source_root() / "samples/network";
const std::string valmora = (network / "valmora/2026-03-15.toml").string();
const std::string marvege = (network / "marvege/2025-05-20.toml").string();

std::string explain(const std::string& arguments) { return testing::iccreport() + " explain " + arguments; }

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

int count_of(const std::string& text, const std::string& part) {
    int count = 0;
    for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + part.size())) ++count;
    return count;
}

}  // namespace

BOOST_AUTO_TEST_CASE(explain_runs_on_the_valmora_showcase) {
    const auto result = run(explain(valmora));
    BOOST_TEST_REQUIRE(result.exit_code == 0, result.err);
    BOOST_TEST(result.err.empty());
    const std::string& out = result.out;
    BOOST_TEST(out.find("Selection for Valmora (valmora), edition of 2026-03-15\n") == 0u);
    BOOST_TEST(contains(out, "Peer groups: population.under_100k, diversity.under_10, country.PT\n"));
    // Seventeen areas: eleven indicators and the six fields of the lens, never the lens itself.
    BOOST_TEST(count_of(out, "\n== ") == 17);
    BOOST_TEST(!contains(out, "\n== lens"));
    // The worked example of docs/scoring.md: commitment 38.9, public space 37.5.
    BOOST_TEST(contains(out, "\n== commitment (Commitment): city 38.9, sample average "));
    BOOST_TEST(contains(out, "\n== public_space (Public space): city 37.5, sample average "));
    BOOST_TEST(contains(out, "[rule] commitment.strategy: some points, 2 of 4 points; "
                             "answers.yes_partly_no.some_points = \"partial\"\n"
                             "     recommendations.questions.commitment.strategy.partial: \"Complete the strategy"));
    // felt_safety is "unknown", dominated_spaces not applicable: only the first calls for a text.
    BOOST_TEST(contains(out, "public_space.felt_safety: answered unknown, 0 of 3 points"));
    BOOST_TEST(!contains(out, "public_space.dominated_spaces"));
    // Valmora has no practice of its own in the library, and no overrides.
    BOOST_TEST(!contains(out, "the city's own practice"));
    BOOST_TEST(!contains(out, "[override]"));
    BOOST_TEST(!contains(out, "Overrides not applied:"));
}

BOOST_AUTO_TEST_CASE(explain_is_deterministic_and_quotes_the_language_asked_for) {
    const auto first = run(explain(valmora));
    const auto second = run(explain(valmora));
    BOOST_TEST_REQUIRE(first.exit_code == 0);
    BOOST_TEST(first.out == second.out);
    const auto french = run(explain(valmora + " --lang fr"));
    BOOST_TEST_REQUIRE(french.exit_code == 0, french.err);
    BOOST_TEST(contains(french.out, "recommendations.questions.commitment.strategy.partial: \"Compléter la stratégie"));
    BOOST_TEST(contains(french.out, "== commitment (Engagement): city 38.9"));
    // The reasons stay in English, and the choices do not depend on the language.
    BOOST_TEST(count_of(french.out, "passed over:") == count_of(first.out, "passed over:"));
    BOOST_TEST(count_of(french.out, "     - ") == count_of(first.out, "     - "));
}

BOOST_AUTO_TEST_CASE(explain_honours_the_example_overrides_of_marvege) {
    const auto result = run(explain(marvege));
    BOOST_TEST_REQUIRE(result.exit_code == 0, result.err);
    const std::string overrides = (network / "marvege/overrides.toml").string();
    BOOST_TEST(contains(result.out, "  1. [override] added by the expert (" + overrides + ":10:1)\n     \"Fund, with"));
    BOOST_TEST(contains(result.out, "[override] public_services.contractors: no points, 0 of 2 points; "
                                    "answers.yes_partly_no.no_points = \"missing\"; text replaced by the expert (" +
                                        overrides + ":16:1)\n     \"Extend the anonymous-CV rule"));
    BOOST_TEST(contains(result.out, "note: removed by the expert (" + overrides + ":23:1): business.umbrella_body"));
    BOOST_TEST(!contains(result.out, "Overrides not applied:"));

    // Written for the 2025 edition, they do not apply to the 2020 one.
    const auto earlier = run(explain((network / "marvege/2020-10-12.toml").string()));
    BOOST_TEST_REQUIRE(earlier.exit_code == 0, earlier.err);
    BOOST_TEST(!contains(earlier.out, "[override]"));
    BOOST_TEST(contains(earlier.out, "Overrides not applied:\n  " + overrides + ":7:11: warning: edition: these overrides were "
                                     "written for the edition of 2025-05-20; the selection is for the edition of "
                                     "2020-10-12, so none of them applies\n"));
}

BOOST_AUTO_TEST_CASE(explain_with_an_as_of_date_uses_the_sample_of_that_date) {
    const auto all = run(explain(valmora));
    const auto dated = run(explain(valmora + " --as-of 2026-12-31"));
    BOOST_TEST_REQUIRE(dated.exit_code == 0, dated.err);
    BOOST_TEST(contains(dated.out, "Sample: "));
    BOOST_TEST(contains(dated.out, ", latest editions dated on or before 2026-12-31\n"));
    const auto bad = run(explain(valmora + " --as-of 2026-02-30"));
    BOOST_TEST(bad.exit_code == 1);
    BOOST_TEST(bad.err == "--as-of: error: expected a calendar date YYYY-MM-DD (e.g. 2025-12-31), found "
                          "\"2026-02-30\"\n");
    const auto before = run(explain(valmora + " --as-of 2026-01-01"));
    BOOST_TEST(before.exit_code == 1);
    BOOST_TEST(contains(before.err, "after the --as-of date 2026-01-01"));
}

BOOST_AUTO_TEST_CASE(explain_reports_a_bad_overrides_file_with_its_position) {
    testing::TempDir dir;
    std::filesystem::create_directories(dir / "valmora");
    std::filesystem::copy_file(valmora, dir / "valmora/2026-03-15.toml");
    dir.write("valmora/overrides.toml", "[[remove]]\nquestion = \"commitment.stratgy\"\n");
    const auto result = run(explain((dir / "valmora/2026-03-15.toml").string()));
    BOOST_TEST(result.exit_code == 1);
    BOOST_TEST(result.err == (dir / "valmora/overrides.toml").string() +
                                 ":2:12: error: remove[1].question: unknown question 'commitment.stratgy'\n"
                                 "    2 | question = \"commitment.stratgy\"\n"
                                 "      |            ^~~~~~~~~~~~~~~~~~~~\n"
                                 "help: did you mean 'commitment.strategy'?\n");
    BOOST_TEST(result.out.empty());
}

// ------------------------------------------------ overrides that no longer apply

namespace {

// A copy of the sample network, to edit.
struct NetworkCopy {
    testing::TempDir dir;
    std::filesystem::path folder = dir / "network";
    NetworkCopy() { std::filesystem::copy(network, folder, std::filesystem::copy_options::recursive); }
    void edit(const std::string& file, const std::string& from, const std::string& to) const {
        std::string text = testing::slurp(folder / file);
        const auto at = text.find(from);
        BOOST_REQUIRE_MESSAGE(at != std::string::npos, from);
        text.replace(at, from.size(), to);
        dir.write("network/" + file, text);
    }
    [[nodiscard]] std::string report(const std::string& edition) const {
        return testing::iccreport() + " report '" + (folder / edition).string() + "' --network '" + folder.string() +
               "' --out '" + (dir / "out.pdf").string() + "'";
    }
};

}  // namespace

BOOST_AUTO_TEST_CASE(a_report_whose_overrides_lost_their_edition_is_an_error) {
    // The edition's date was corrected: the overrides written for it now name no edition.
    NetworkCopy net;
    net.edit("marvege/2025-05-20.toml", "date = 2025-05-20", "date = 2025-05-21");
    std::filesystem::rename(net.folder / "marvege/2025-05-20.toml", net.folder / "marvege/2025-05-21.toml");
    const auto result = run(net.report("marvege/2025-05-21.toml"));
    BOOST_TEST(result.exit_code == 1);
    const std::string overrides = (net.folder / "marvege/overrides.toml").string();
    BOOST_TEST(contains(result.err, overrides + ":7:11: error: edition: these overrides were written for the edition "
                                                "of 2025-05-20, but marvege has no edition of that date (its editions: "
                                                "2020-10-12, 2025-05-21)"),
               result.err);
    BOOST_TEST(!std::filesystem::exists(net.dir / "out.pdf"));
}

BOOST_AUTO_TEST_CASE(overrides_for_another_existing_edition_are_that_editions) {
    // Written for the 2025 edition, which exists: the 2020 report is made without them.
    NetworkCopy net;
    const auto earlier = run(net.report("marvege/2020-10-12.toml"));
    BOOST_TEST(earlier.exit_code == 0, earlier.err);
    BOOST_TEST(std::filesystem::exists(net.dir / "out.pdf"));
}

BOOST_AUTO_TEST_CASE(a_report_with_an_override_that_matches_nothing_is_an_error) {
    // Marvège now answers umbrella_body "yes": the rules give no recommendation the expert could remove.
    NetworkCopy net;
    net.edit("marvege/2025-05-20.toml", "umbrella_body = \"no\"", "umbrella_body = \"yes\"");
    const auto result = run(net.report("marvege/2025-05-20.toml"));
    BOOST_TEST(result.exit_code == 1);
    const std::string overrides = (net.folder / "marvege/overrides.toml").string();
    BOOST_TEST(contains(result.err, overrides + ":23:1: error: remove of the question business.umbrella_body: the "
                                                "rules give no such recommendation for this edition, so nothing is "
                                                "removed"),
               result.err);
    BOOST_TEST(!std::filesystem::exists(net.dir / "out.pdf"));
}
