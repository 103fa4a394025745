// An expert's overrides: reading and checking the file, and how a selection
// honours additions, replacements and removals (network: test_select_fixture.h;
// home's policy recommendations by the rules are body 4 lost, channels 3,
// staff 3, plan 2).
#include <boost/test/unit_test.hpp>

#include "load/overrides.h"
#include "select/selection.h"
#include "test_select_fixture.h"

using namespace icc;
using namespace icc::testing;
namespace tt = boost::test_tools;

namespace {

struct Applied {
    Overrides overrides;
    Selection selection;
};

Applied apply_overrides(const std::string& overrides_text, SelectionSettings settings = {},
              const RecommendationRules& with_rules = rules()) {
    TempDir dir;
    Overrides overrides = load_overrides(dir.write("overrides.toml", overrides_text), mini(), {"en", "fr"});
    Selection selection =
        select_for_city("home", sample(), mini(), practice_library(), with_rules, overrides, settings);
    return {std::move(overrides), std::move(selection)};
}

// "origin:question-or-key" per recommendation of the area.
std::vector<std::string> listing(const Selection& selection, const std::string& area) {
    std::vector<std::string> out;
    for (const ChosenRecommendation& r : selection.find(area)->recommendations)
        out.push_back(r.origin + ":" + (r.question.empty() ? r.text.empty() ? r.text_key : r.text.at("en") : r.question));
    return out;
}

std::vector<std::string> messages_of(const std::function<void()>& load) {
    try {
        load();
    } catch (const DiagnosticError& error) {
        std::vector<std::string> out;
        for (const Diagnostic& d : error.diagnostics()) out.push_back(d.to_string());
        return out;
    }
    BOOST_FAIL("expected a DiagnosticError");
    return {};
}

std::string texts(const std::string& en) { return "text.en = \"" + en + "\"\ntext.fr = \"" + en + " (fr)\"\n"; }

using strings = std::vector<std::string>;

}  // namespace

BOOST_AUTO_TEST_CASE(no_file_means_no_overrides) {
    const Overrides none = load_overrides("/nonexistent/overrides.toml", mini());
    BOOST_TEST(none.empty());
    BOOST_TEST(none.source_file.empty());
    BOOST_TEST(overrides_path_for("samples/network/valmora/2026-03-15.toml") ==
               std::filesystem::path("samples/network/valmora/overrides.toml"));
}

BOOST_AUTO_TEST_CASE(entries_are_read_in_file_order_with_their_areas) {
    TempDir dir;
    const Overrides read = load_overrides(dir.write("overrides.toml", "edition = 2025-03-01\n"
                                                                      "[[remove]]\nquestion = \"policy.body\"\n"
                                                                      "[[add]]\narea = \"streets\"\n" + texts("A") +
                                                                      "[[replace]]\narea = \"schools\"\n" + texts("B")),
                                          mini(), {"en", "fr"});
    BOOST_TEST((read.edition == Date{2025, 3, 1}));
    BOOST_REQUIRE(read.entries.size() == 3u);
    BOOST_TEST(read.entries[0].action == OverrideAction::remove);
    BOOST_TEST(read.entries[0].area == "policy");  // the question's area
    BOOST_TEST(read.entries[0].target() == "question policy.body");
    BOOST_TEST(read.entries[1].action == OverrideAction::add);
    BOOST_TEST(read.entries[1].area == "streets");
    BOOST_TEST(read.entries[1].text.at("fr") == "A (fr)");
    BOOST_TEST(read.entries[2].target() == "area schools");
    BOOST_TEST((read.entries[2].where.line == 8 && read.entries[2].where.column == 1));
}

BOOST_AUTO_TEST_CASE(bad_overrides_are_reported_all_at_once_in_line_order) {
    TempDir dir;
    const auto file = dir.write("overrides.toml",
                                "edition = \"2025-03-01\"\n"      // 1
                                "author = \"x\"\n"                // 2
                                "[[add]]\n"                       // 3
                                "question = \"policy.plan\"\n"    // 4
                                "text.en = \"A\"\n"               // 5
                                "[[add]]\n"                       // 6
                                "[[replace]]\n"                   // 7
                                "question = \"policy.plna\"\n"    // 8
                                "text.en = \"B\"\n"               // 9
                                "text.fr = \"B\"\n"               // 10
                                "[[replace]]\n"                   // 11
                                "question = \"policy.plan\"\n"    // 12
                                "area = \"policy\"\n"             // 13
                                "[[remove]]\n"                    // 14
                                "area = \"lens\"\n"               // 15
                                "[[remove]]\n"                    // 16
                                "question = \"policy.note\"\n"    // 17
                                "[[remove]]\n"                    // 18
                                "question = \"policy.body\"\n"    // 19
                                "[[replace]]\n"                   // 20
                                "question = \"policy.body\"\n"    // 21
                                "text.en = \"D\"\n"               // 22
                                "text.fr = \"\"\n"                // 23
                                "text.EN = \"E\"\n"               // 24
                                "[[remove]]\n"                    // 25
                                "area = \"schools\"\n"            // 26
                                "text.en = \"F\"\n"               // 27
                                "[[add]]\n"                       // 28
                                "area = \"nowhere\"\n"            // 29
                                "text = \"G\"\n");                // 30
    const std::string f = file.string();
    const strings expected{
        f + ":1:11: error: edition: expected the date of the edition these overrides were written for (edition = "
            "2025-05-20), found the string \"2025-03-01\"",
        f + ":2:1: error: unknown key 'author'; expected edition, [[add]], [[replace]] or [[remove]]",
        f + ":3:1: error: add[1].area: missing; expected the area the recommendation belongs to",
        f + ":4:12: error: add[1].question: an addition belongs to an area; give area = \"<area>\" only",
        f + ":5:1: error: add[1].text: no text in language 'fr'",
        f + ":6:1: error: add[2].area: missing; expected the area the recommendation belongs to",
        f + ":6:1: error: add[2].text: missing; expected the recommendation in each language (text.en = \"...\", "
            "text.fr = \"...\")",
        f + ":8:12: error: replace[1].question: unknown question 'policy.plna'\nhelp: did you mean 'policy.plan'?",
        f + ":11:1: error: replace[2]: expected exactly one of question = \"<question id>\" (the recommendation its "
            "answer calls for) or area = \"<area>\" (the area's general recommendation)",
        f + ":11:1: error: replace[2].text: missing; expected the recommendation in each language (text.en = "
            "\"...\", text.fr = \"...\")",
        f + ":15:8: error: remove[1].area: 'lens' is made of fields and has no recommendations of its own; expected "
            "policy, schools, streets or together",
        f + ":17:12: error: remove[2].question: 'policy.note' is never scored, so no recommendation follows from its "
            "answer",
        f + ":20:1: error: replace[3]: the question policy.body is already replaced or removed; expected one entry "
            "per recommendation\n" + f + ":18:1: note: first replaced or removed here",
        f + ":23:11: error: replace[3].text.fr: expected the text of the recommendation, found an empty string",
        f + ":24:6: error: replace[3].text.EN: expected a language code such as en or fr",
        f + ":27:1: error: remove[4]: unknown key 'text'; expected area or question",
        f + ":29:8: error: add[3].area: unknown area 'nowhere'; expected policy, schools, streets or together",
        f + ":30:8: error: add[3].text: expected one text per language (text.en = \"...\"), found the string \"G\"",
    };
    BOOST_TEST(messages_of([&] { load_overrides(file, mini(), {"en", "fr"}); }) == expected, tt::per_element());
}

BOOST_AUTO_TEST_CASE(additions_come_first_and_are_never_cut) {
    const Applied applied = apply_overrides("[[add]]\narea = \"policy\"\n" + texts("First") + "[[add]]\narea = \"policy\"\n" +
                                  texts("Second") + "[[add]]\narea = \"together\"\n" + texts("Third"));
    BOOST_TEST(listing(applied.selection, "policy") ==
                   (strings{"override:First", "override:Second", "rule:policy.body", "rule:policy.channels"}),
               tt::per_element());
    BOOST_TEST(listing(applied.selection, "together") == strings{"override:Third"}, tt::per_element());
    const ChosenRecommendation& first = applied.selection.find("policy")->recommendations.front();
    BOOST_TEST(first.text_key.empty());
    BOOST_TEST(first.question.empty());
    BOOST_TEST(recommendation_text(first, catalogs().fr) == "First (fr)");
    BOOST_TEST((first.where.line == 1));
    BOOST_TEST(first.reason.find("added by the expert (") == 0u);

    SelectionSettings one;
    one.max_recommendations_per_area = 1;
    const Applied capped = apply_overrides("[[add]]\narea = \"policy\"\n" + texts("First") + "[[add]]\narea = \"policy\"\n" +
                                 texts("Second"), one);
    BOOST_TEST(listing(capped.selection, "policy") == (strings{"override:First", "override:Second"}),
               tt::per_element());
    BOOST_TEST(capped.selection.find("policy")->notes.size() == 4u);  // every rule recommendation cut
}

BOOST_AUTO_TEST_CASE(a_replacement_keeps_its_place_and_its_reason) {
    const Applied applied = apply_overrides("[[replace]]\nquestion = \"policy.channels\"\n" + texts("Better channels"));
    BOOST_TEST(listing(applied.selection, "policy") ==
                   (strings{"rule:policy.body", "override:policy.channels", "rule:policy.staff", "rule:policy.plan"}),
               tt::per_element());
    const ChosenRecommendation& replaced = applied.selection.find("policy")->recommendations[1];
    BOOST_TEST(replaced.text_key.empty());
    BOOST_TEST(recommendation_text(replaced, catalogs().en) == "Better channels");
    BOOST_TEST(recommendation_text(replaced, catalogs().fr) == "Better channels (fr)");
    BOOST_TEST((replaced.points_lost == 3));
    BOOST_TEST(replaced.reason.find("policy.channels: not answered, 0 of 3 points; answers.multiple_choice.unanswered "
                                    "= \"improve\"; text replaced by the expert (") == 0u);
    BOOST_TEST(applied.selection.unapplied_overrides.empty());

    // The expert's text is never cut: with room for two, it stays and the last of the others goes.
    SelectionSettings two;
    two.max_recommendations_per_area = 2;
    const Applied capped = apply_overrides("[[replace]]\nquestion = \"policy.plan\"\n" + texts("Plan"), two);
    BOOST_TEST(listing(capped.selection, "policy") == (strings{"rule:policy.body", "override:policy.plan"}),
               tt::per_element());
}

BOOST_AUTO_TEST_CASE(a_removal_makes_room_for_the_next) {
    SelectionSettings two;
    two.max_recommendations_per_area = 2;
    const Applied applied = apply_overrides("[[remove]]\nquestion = \"policy.body\"\n", two);
    BOOST_TEST(listing(applied.selection, "policy") == (strings{"rule:policy.channels", "rule:policy.staff"}),
               tt::per_element());
    const auto& notes = applied.selection.find("policy")->notes;
    BOOST_TEST_REQUIRE(!notes.empty());
    BOOST_TEST(notes.front().find("removed by the expert (") == 0u);
    BOOST_TEST(notes.front().find("): policy.body: no points, 0 of 4 points") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(area_recommendations_are_replaced_and_removed_by_area) {
    TempDir dir;
    const RecommendationRules area_only = load_recommendation_rules(
        dir.write("rules.toml", "[areas]\ndefault = \"fallback\"\n"), mini(), {&catalogs().en});
    const Applied applied = apply_overrides("[[replace]]\narea = \"policy\"\n" + texts("Policy by the expert") +
                                      "[[remove]]\narea = \"schools\"\n",
                                  {}, area_only);
    BOOST_TEST(listing(applied.selection, "policy") == strings{"override:Policy by the expert"}, tt::per_element());
    BOOST_TEST(listing(applied.selection, "schools").empty());
    BOOST_TEST(applied.selection.unapplied_overrides.empty());
}

BOOST_AUTO_TEST_CASE(overrides_that_match_nothing_are_errors) {
    // together.spaces is answered yes (no recommendation); streets is above the
    // average (no general text); the question-level texts of policy leave no
    // room for its general one.
    const Applied applied = apply_overrides("[[replace]]\nquestion = \"together.spaces\"\n" + texts("X") +
                                  "[[remove]]\narea = \"streets\"\n[[remove]]\narea = \"policy\"\n");
    const std::string f = applied.overrides.source_file;
    BOOST_REQUIRE(applied.selection.unapplied_overrides.size() == 3u);
    std::set<std::string> warnings;
    for (const Diagnostic& d : applied.selection.unapplied_overrides) warnings.insert(d.to_string());
    const std::set<std::string> expected{
        f + ":1:1: error: replace of the question together.spaces: the rules give no such recommendation for this "
            "edition, so nothing is replaced",
        f + ":5:1: error: remove of the area streets: the rules give no such recommendation for this edition, so "
            "nothing is removed",
        f + ":7:1: error: remove of the area policy: the rules give no such recommendation for this edition, so "
            "nothing is removed",
    };
    BOOST_TEST(warnings == expected, tt::per_element());
    BOOST_TEST(listing(applied.selection, "policy").size() == 4u);  // untouched
    const std::string text = explain_selection(applied.selection, sample(), mini(), practice_library(), {},
                                               catalogs().en);
    BOOST_TEST(text.find("\nOverrides not applied:\n  " + *expected.begin() + "\n") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(overrides_for_another_edition_are_ignored_with_a_warning) {
    const std::string entries = "[[add]]\narea = \"policy\"\n" + texts("Added");
    const Applied other = apply_overrides("edition = 2021-01-01\n" + entries);
    BOOST_TEST(listing(other.selection, "policy").front() == "rule:policy.body");
    BOOST_REQUIRE(other.selection.unapplied_overrides.size() == 1u);
    BOOST_TEST(other.selection.unapplied_overrides[0].to_string() ==
               other.overrides.source_file + ":1:11: warning: edition: these overrides were written for the edition "
                                             "of 2021-01-01; the selection is for the edition of 2025-03-01, so none "
                                             "of them applies");
    const Applied same = apply_overrides("edition = 2025-03-01\n" + entries);
    BOOST_TEST(listing(same.selection, "policy").front() == "override:Added");
    BOOST_TEST(same.selection.unapplied_overrides.empty());
}

BOOST_AUTO_TEST_CASE(an_override_without_the_reader_language_is_an_error_where_it_is_written) {
    TempDir dir;
    const Overrides english_only =
        load_overrides(dir.write("overrides.toml", "[[add]]\narea = \"policy\"\ntext.en = \"Only English\"\n"), mini());
    const Selection selection =
        select_for_city("home", sample(), mini(), practice_library(), rules(), english_only, {});
    const ChosenRecommendation& added = selection.find("policy")->recommendations.front();
    BOOST_TEST(recommendation_text(added, catalogs().en) == "Only English");
    const strings expected{english_only.source_file + ":1:1: error: the expert's recommendation for policy has no "
                                                       "text in language 'fr'; expected text.fr = \"...\""};
    BOOST_TEST(messages_of([&] { (void)recommendation_text(added, catalogs().fr); }) == expected, tt::per_element());
    // Asked for at load time, the language is checked there.
    BOOST_TEST(messages_of([&] { load_overrides(english_only.source_file, mini(), {"fr"}); }).size() == 1u);
}

BOOST_AUTO_TEST_CASE(explain_shows_what_the_expert_changed) {
    const Applied applied = apply_overrides("[[add]]\narea = \"policy\"\n" + texts("Added") +
                                  "[[replace]]\nquestion = \"policy.staff\"\n" + texts("Staff") +
                                  "[[remove]]\nquestion = \"policy.body\"\n");
    const std::string text = explain_selection(applied.selection, sample(), mini(), practice_library(), {},
                                               catalogs().en);
    const std::string f = applied.overrides.source_file;
    BOOST_TEST(text.find("  1. [override] added by the expert (" + f + ":1:1)\n     \"Added\"\n") != std::string::npos);
    BOOST_TEST(text.find("[override] policy.staff: answered unknown, 0 of 3 points; answers.integer.unknown = "
                         "\"improve\"; text replaced by the expert (" + f + ":5:1)\n     \"Staff\"\n") !=
               std::string::npos);
    BOOST_TEST(text.find("  note: removed by the expert (" + f + ":9:1): policy.body: no points") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_regional_variant_reads_the_experts_text_in_its_language) {
    const std::map<std::string, std::string> texts{{"ar", "نص الخبير"}, {"fr", "Texte de l’experte"}, {"fr-CA", "Texte"}};
    BOOST_REQUIRE(text_for_reader(texts, "ar-MA"));
    BOOST_TEST(*text_for_reader(texts, "ar-MA") == "نص الخبير");  // its primary language's
    BOOST_TEST(*text_for_reader(texts, "fr-CA") == "Texte");       // its own, when the expert wrote one
    BOOST_TEST(*text_for_reader(texts, "fr") == "Texte de l’experte");
    BOOST_TEST(!text_for_reader(texts, "en"));
    BOOST_TEST(!text_for_reader(texts, "en-GB"));
}
