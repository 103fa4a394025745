// The select stage on a hand-made network (tests/test_select_fixture.h has the
// cities, their rates and the practice library): which areas get practices,
// the ranking, exclusions, determinism, and the recommendations the rules give.
#include <boost/test/unit_test.hpp>

#include <random>

#include "select/selection.h"
#include "test_select_fixture.h"

using namespace icc;
using namespace icc::testing;
namespace tt = boost::test_tools;

namespace {

Selection select(const SelectionSettings& settings = {}, const PracticeLibrary& library = practice_library(),
                 const std::string& city = "home", const RecommendationRules& with_rules = rules()) {
    return select_for_city(city, sample(), mini(), library, with_rules, Overrides{}, settings);
}

std::vector<std::string> practice_ids(const Selection& selection, const std::string& area) {
    const AreaSelection* selected = selection.find(area);
    BOOST_TEST_REQUIRE(selected != nullptr, "no area " + area);
    std::vector<std::string> ids;
    for (const ChosenPractice& p : selected->practices) ids.push_back(p.practice_id);
    return ids;
}

std::vector<std::string> recommendation_keys(const Selection& selection, const std::string& area) {
    const AreaSelection* selected = selection.find(area);
    BOOST_TEST_REQUIRE(selected != nullptr, "no area " + area);
    std::vector<std::string> keys;
    for (const ChosenRecommendation& r : selected->recommendations) keys.push_back(r.text_key);
    return keys;
}

// Everything a selection decided, as text, to compare two selections.
std::string summary(const Selection& selection) {
    std::string out;
    for (const AreaSelection& area : selection.areas) {
        out += area.area + (area.wants_practices ? " wants:" : ":");
        for (const ChosenPractice& p : area.practices) out += " " + p.practice_id + "@" + exact_text(p.score);
        out += " |";
        for (const ChosenRecommendation& r : area.recommendations) out += " " + r.origin + ":" + r.text_key;
        for (const PassedOverPractice& p : area.passed_over) out += " (" + p.practice_id + ": " + p.why + ")";
        out += "\n";
    }
    return out;
}

const std::string q = "recommendations.questions.";

}  // namespace

BOOST_AUTO_TEST_CASE(the_fixture_rates_are_the_hand_computed_ones) {
    const SampleCity* home = sample().find("home");
    BOOST_TEST_REQUIRE(home != nullptr);
    BOOST_TEST((*home->scores.rate("policy") == Exact(200, 14)));
    BOOST_TEST((*home->scores.rate("schools") == 50));
    BOOST_TEST((*home->scores.rate("streets") == 50));
    BOOST_TEST((*home->scores.rate("together") == 100));
    BOOST_TEST(published(*sample().averages.area("policy").value).text() == "46.4");
    BOOST_TEST(*sample().averages.area("schools").value == 75.0);
    BOOST_TEST(*sample().averages.area("streets").value == 25.0);
    BOOST_TEST(published(*sample().averages.area("together").value).text() == "16.7");
    BOOST_TEST(home->population_group == "population.under_100k");
    BOOST_TEST(sample().find("peer")->population_group == "population.under_100k");
    BOOST_TEST(sample().find("peer")->diversity_group == home->diversity_group);
}

BOOST_AUTO_TEST_CASE(areas_come_in_report_order_without_the_lens_composite) {
    const Selection selection = select();
    std::vector<std::string> areas;
    for (const AreaSelection& area : selection.areas) areas.push_back(area.area);
    const std::vector<std::string> expected{"policy", "schools", "streets", "together"};
    BOOST_TEST(areas == expected, tt::per_element());
    BOOST_TEST(selection.find("lens") == nullptr);
    BOOST_TEST(selection.city == "home");
    BOOST_TEST((selection.edition == Date{2025, 3, 1}));
    BOOST_TEST((*selection.find("schools")->sample_average == 75));
}

BOOST_AUTO_TEST_CASE(areas_below_the_average_get_practices_and_areas_above_get_none) {
    const Selection selection = select();
    BOOST_TEST(selection.find("policy")->wants_practices);
    BOOST_TEST(selection.find("schools")->wants_practices);
    BOOST_TEST(!selection.find("streets")->wants_practices);
    BOOST_TEST(!selection.find("together")->wants_practices);
    BOOST_TEST(practice_ids(selection, "policy").size() == 3u);
    BOOST_TEST(practice_ids(selection, "streets").empty());    // p-streets-strong exists, but streets is above average
    BOOST_TEST(practice_ids(selection, "together").empty());   // so is p-together-strong
}

BOOST_AUTO_TEST_CASE(a_threshold_adds_areas_under_it_even_above_the_average) {
    SelectionSettings settings;
    settings.threshold = 60;
    const Selection selection = select(settings);
    BOOST_TEST(selection.find("streets")->wants_practices);   // 50 < 60, though above the average of 25
    BOOST_TEST(!selection.find("together")->wants_practices); // 100 is above both
    const std::vector<std::string> streets{"p-streets-strong"};
    BOOST_TEST(practice_ids(selection, "streets") == streets, tt::per_element());
    settings.threshold = 50;  // not under: 50 is not below 50
    BOOST_TEST(!select(settings).find("streets")->wants_practices);
}

BOOST_AUTO_TEST_CASE(stronger_and_more_similar_cities_come_first) {
    // policy: strong 100 + 0 = 100; peer 50 + 10 (population) + 10 (diversity) = 70;
    // compatriot 50 + 5 (country) = 55; stranger 50 + 0 = 50 (twice, ties by id).
    SelectionSettings settings;
    settings.max_practices_per_area = 10;
    const Selection selection = select(settings);
    const std::vector<std::string> expected{"p-strong-policy", "p-peer-policy", "p-compatriot-policy",
                                            "p-stranger-policy-a", "p-stranger-policy-b"};
    BOOST_TEST(practice_ids(selection, "policy") == expected, tt::per_element());
    const auto& chosen = selection.find("policy")->practices;
    BOOST_TEST((chosen[0].score == 100));
    BOOST_TEST((chosen[1].score == 70));
    BOOST_TEST((chosen[2].score == 55));
    BOOST_TEST((chosen[3].score == 50));
    BOOST_TEST(chosen[1].city == "peer");
    BOOST_TEST(chosen[1].area == "policy");
}

BOOST_AUTO_TEST_CASE(the_weights_come_from_the_settings) {
    // With likeness worth more than strength, the peer city's practice comes first.
    SelectionSettings settings;
    settings.weights.same_population_group = 40;
    const Selection selection = select(settings);
    BOOST_TEST(practice_ids(selection, "policy").front() == "p-peer-policy");
    BOOST_TEST((selection.find("policy")->practices.front().score == 100));  // 50 + 40 + 10, then strong's 100 by id
    settings.weights = {0, 0, 0, 1};  // only the country counts: compatriot first, the others tie and go by id
    const std::vector<std::string> by_country{"p-compatriot-policy", "p-peer-policy", "p-stranger-policy-a"};
    BOOST_TEST(practice_ids(select(settings), "policy") == by_country, tt::per_element());
}

BOOST_AUTO_TEST_CASE(at_most_the_settings_number_of_practices_and_the_rest_passed_over) {
    const Selection selection = select();
    const std::vector<std::string> expected{"p-strong-policy", "p-peer-policy", "p-compatriot-policy"};
    BOOST_TEST(practice_ids(selection, "policy") == expected, tt::per_element());
    std::map<std::string, std::string> why;
    for (const PassedOverPractice& p : selection.find("policy")->passed_over) why[p.practice_id] = p.why;
    BOOST_TEST(why.size() == 4u);
    BOOST_TEST(why["p-home-policy"] == "the city's own practice");
    BOOST_TEST(why["p-weak-policy"] == "its city rates 14.3 in policy, not above this city's 14.3");
    BOOST_TEST(why["p-stranger-policy-a"] == "ranked 4, after the 3 chosen");
    BOOST_TEST(why["p-stranger-policy-b"] == "ranked 5, after the 3 chosen");
    SelectionSettings none;
    none.max_practices_per_area = 0;
    BOOST_TEST(practice_ids(select(none), "policy").empty());
}

BOOST_AUTO_TEST_CASE(never_the_city_own_practice) {
    SelectionSettings settings;
    settings.max_practices_per_area = 20;
    settings.only_stronger_cities = false;
    settings.threshold = 101;  // every area with a rate wants practices
    for (const std::string& city : std::vector<std::string>{"home", "peer", "weak", "strong"}) {
        const Selection selection = select(settings, practice_library(), city);
        for (const AreaSelection& area : selection.areas)
            for (const ChosenPractice& p : area.practices) BOOST_TEST(p.city != city, p.practice_id);
    }
    // weak's own practice is then the only one of policy it is not offered.
    const Selection weak = select(settings, practice_library(), "weak");
    BOOST_TEST(practice_ids(weak, "policy").size() == 6u);
}

BOOST_AUTO_TEST_CASE(only_stronger_cities_can_be_switched_off) {
    SelectionSettings settings;
    settings.max_practices_per_area = 20;
    settings.only_stronger_cities = false;
    const auto ids = practice_ids(select(settings), "policy");
    BOOST_TEST(ids.size() == 6u);  // weak's practice is now in, last: 14.3 + 10 + 10 = 34.3
    BOOST_TEST(ids.back() == "p-weak-policy");
}

BOOST_AUTO_TEST_CASE(never_the_same_practice_twice) {
    // p-lens-strong is a practice of the whole lens: it may serve schools or
    // streets. Schools comes first in the report and takes it.
    SelectionSettings settings;
    settings.threshold = 60;
    const Selection selection = select(settings);
    const std::vector<std::string> schools{"p-schools-peer", "p-lens-strong"};  // 100 + 20, then 100
    BOOST_TEST(practice_ids(selection, "schools") == schools, tt::per_element());
    const std::vector<std::string> streets{"p-streets-strong"};
    BOOST_TEST(practice_ids(selection, "streets") == streets, tt::per_element());
    bool passed_over = false;
    for (const PassedOverPractice& p : selection.find("streets")->passed_over)
        if (p.practice_id == "p-lens-strong") passed_over = p.why == "already chosen for schools";
    BOOST_TEST(passed_over);

    std::set<std::string> seen;
    settings.only_stronger_cities = false;
    settings.threshold = 101;
    settings.max_practices_per_area = 20;
    for (const AreaSelection& area : select(settings).areas)
        for (const ChosenPractice& p : area.practices) BOOST_TEST(seen.insert(p.practice_id).second, p.practice_id);
}

BOOST_AUTO_TEST_CASE(an_area_with_nothing_suitable_gets_fewer) {
    PracticeLibrary library;
    library.practices = {practice("only-own", "policy", "home"), practice("only-weak", "policy", "weak")};
    const Selection selection = select({}, library);
    BOOST_TEST(selection.find("policy")->wants_practices);
    BOOST_TEST(selection.find("policy")->practices.empty());
    BOOST_TEST(selection.find("policy")->passed_over.size() == 2u);
}

BOOST_AUTO_TEST_CASE(practices_dated_after_the_as_of_date_are_left_out) {
    PracticeLibrary library;
    library.practices = {practice("later", "policy", "strong", 2026), practice("sooner", "policy", "peer", 2025)};
    SampleOptions options;
    options.as_of = Date{2025, 12, 31};
    const Sample as_of = build_sample(practice_network(), mini(), options);
    const Selection selection = select_for_city("home", as_of, mini(), library, rules(), Overrides{}, {});
    const std::vector<std::string> expected{"sooner"};
    BOOST_TEST(practice_ids(selection, "policy") == expected, tt::per_element());
    BOOST_TEST(selection.find("policy")->passed_over.front().why == "dated 2026, after the as-of date 2025-12-31");
}

BOOST_AUTO_TEST_CASE(the_same_data_gives_the_same_selection_whatever_the_library_order) {
    SelectionSettings settings;
    settings.threshold = 60;
    const std::string first = summary(select(settings));
    BOOST_TEST(summary(select(settings)) == first);
    PracticeLibrary shuffled = practice_library();
    std::mt19937 generator(20260315);
    for (int round = 0; round < 10; ++round) {
        std::shuffle(shuffled.practices.begin(), shuffled.practices.end(), generator);
        BOOST_TEST(summary(select(settings, shuffled)) == first);
    }
    std::reverse(shuffled.practices.begin(), shuffled.practices.end());
    BOOST_TEST(summary(select(settings, shuffled)) == first);
}

BOOST_AUTO_TEST_CASE(practice_reasons_name_the_rate_and_the_shared_groups) {
    const Selection selection = select();
    const ChosenPractice& peer = selection.find("policy")->practices[1];
    const std::vector<std::string> expected{
        "peer (peer) rates 50.0 in policy (this city 14.3, sample average 46.4): +50",
        "same population group (population.under_100k): +10",
        "same diversity group (diversity.under_10): +10",
    };
    BOOST_TEST(peer.reasons == expected, tt::per_element());
    const ChosenPractice& compatriot = selection.find("policy")->practices[2];
    BOOST_TEST(compatriot.reasons.back() == "same country (country.PT): +5");
}

BOOST_AUTO_TEST_CASE(a_city_outside_the_sample_is_an_error) {
    BOOST_CHECK_THROW(select({}, practice_library(), "nowhere"), std::invalid_argument);
}

// ------------------------------------------------------------ recommendations

BOOST_AUTO_TEST_CASE(recommendations_follow_points_lost_then_questionnaire_order) {
    // policy: body none 4 lost (improve), channels unanswered 3 (improve), staff
    // unknown 3 (improve), plan partly 2 (partial); note is free text.
    const Selection selection = select();
    const std::vector<std::string> expected{q + "policy.body.improve", q + "policy.channels.improve",
                                            q + "policy.staff.improve", q + "policy.plan.partial"};
    BOOST_TEST(recommendation_keys(selection, "policy") == expected, tt::per_element());
    const auto& recommendations = selection.find("policy")->recommendations;
    BOOST_TEST((recommendations[0].points_lost == 4));
    BOOST_TEST((recommendations[3].points_lost == 2));
    BOOST_TEST(recommendations[0].question == "policy.body");
    BOOST_TEST(recommendations[0].area == "policy");
    BOOST_TEST(recommendations[0].origin == "rule");
    BOOST_TEST(recommendations[0].text.empty());
    BOOST_TEST(recommendations[1].reason ==
               "policy.channels: not answered, 0 of 3 points; answers.multiple_choice.unanswered = \"improve\"");
    BOOST_TEST(recommendations[2].reason ==
               "policy.staff: answered unknown, 0 of 3 points; answers.integer.unknown = \"improve\"");
    BOOST_TEST(recommendations[3].reason ==
               "policy.plan: some points, 2 of 4 points; answers.yes_partly_no.some_points = \"partial\"");
}

BOOST_AUTO_TEST_CASE(the_cap_keeps_the_recommendations_that_lose_most) {
    SelectionSettings settings;
    settings.max_recommendations_per_area = 2;
    const Selection selection = select(settings);
    const std::vector<std::string> expected{q + "policy.body.improve", q + "policy.channels.improve"};
    BOOST_TEST(recommendation_keys(selection, "policy") == expected, tt::per_element());
    const auto& notes = selection.find("policy")->notes;
    BOOST_TEST_REQUIRE(notes.size() == 2u);
    BOOST_TEST(notes[0].find("cut by the limit of 2 recommendations per area: policy.staff") == 0u);
    BOOST_TEST(notes[1].find("cut by the limit of 2 recommendations per area: policy.plan") == 0u);
}

BOOST_AUTO_TEST_CASE(answers_map_to_texts_by_outcome_and_not_applicable_gives_none) {
    // One city per set of answers; the sample average does not matter to question rules.
    const TempNetwork network({
        {"one", "PT", 50000, "5", "2025-01-01",
         "\"policy.plan\" = \"no\"\n\"schools.parents\" = \"not_applicable\"\n\"schools.mix\" = 0\n"
         "\"streets.design\" = \"unknown\"\n\"streets.safety\" = 60\n\"together.spaces\" = \"partly\"\n"
         "\"together.share\" = 30\n"},
        {"two", "PT", 50000, "5", "2025-01-01",
         "\"policy.plan\" = \"yes\"\n\"schools.parents\" = \"partly\"\n\"streets.safety\" = 10\n"
         "\"together.spaces\" = \"yes\"\n\"together.share\" = \"unknown\"\n"},
    });
    const Sample two_cities = build_sample(network.network(), mini());
    const auto keys_of = [&](const std::string& city, const std::string& area) {
        return recommendation_keys(
            select_for_city(city, two_cities, mini(), PracticeLibrary{}, rules(), Overrides{}, {}), area);
    };
    using strings = std::vector<std::string>;
    // one: plan "no" -> missing, 4 lost; body, channels, staff unanswered -> improve, 4, 3, 3 lost;
    // plan and body lose as much, and plan comes first in the questionnaire.
    BOOST_TEST(keys_of("one", "policy") == (strings{q + "policy.plan.missing", q + "policy.body.improve",
                                                    q + "policy.channels.improve", q + "policy.staff.improve"}),
               tt::per_element());
    BOOST_TEST(keys_of("one", "schools").empty());  // mix full points, parents not applicable
    BOOST_TEST(keys_of("one", "streets") == strings{q + "streets.design.missing"}, tt::per_element());  // unknown
    BOOST_TEST(keys_of("one", "together") == (strings{q + "together.spaces.partial", q + "together.share.improve"}),
               tt::per_element());
    // two: parents partly -> partial, mix unanswered -> improve (4 lost before 1).
    BOOST_TEST(keys_of("two", "schools") == (strings{q + "schools.mix.improve", q + "schools.parents.partial"}),
               tt::per_element());
    // safety 10% earns nothing -> improve; design unanswered (yes / partly / no) -> missing; both
    // lose 2 points, and safety comes first in the questionnaire.
    BOOST_TEST(keys_of("two", "streets") == (strings{q + "streets.safety.improve", q + "streets.design.missing"}),
               tt::per_element());
    BOOST_TEST(keys_of("two", "together") == strings{q + "together.share.improve"}, tt::per_element());  // unknown
}

BOOST_AUTO_TEST_CASE(questions_an_edition_does_not_ask_call_for_nothing) {
    const TempNetwork network({{"old", "PT", 50000, "5", "2018-01-01", "\"policy.plan\" = \"yes\"\n", "1"}});
    const Sample sample_of_one = build_sample(network.network(), mini());
    const Selection selection =
        select_for_city("old", sample_of_one, mini(), PracticeLibrary{}, rules(), Overrides{}, {});
    BOOST_TEST(!selection.find("together")->rate.has_value());
    BOOST_TEST(selection.find("together")->recommendations.empty());
    BOOST_TEST(!selection.find("together")->wants_practices);
}

BOOST_AUTO_TEST_CASE(the_area_rule_gives_the_general_text_as_a_fallback_always_or_never) {
    TempDir dir;
    const auto rules_with = [&](const std::string& areas) {
        return load_recommendation_rules(dir.write("rules.toml", "[areas]\n" + areas), mini(),
                                         {&catalogs().en, &catalogs().fr});
    };
    // No answer rules: no question-level text, so every area that needs attention gets its general one.
    const Selection fallback = select({}, practice_library(), "home", rules_with("default = \"fallback\"\n"));
    BOOST_TEST(recommendation_keys(fallback, "policy") == std::vector<std::string>{"recommendations.areas.policy"},
               tt::per_element());
    BOOST_TEST(recommendation_keys(fallback, "schools") == std::vector<std::string>{"recommendations.areas.schools"},
               tt::per_element());
    BOOST_TEST(recommendation_keys(fallback, "streets").empty());  // above the average
    const ChosenRecommendation& general = fallback.find("policy")->recommendations.front();
    BOOST_TEST(general.origin == "area-rule");
    BOOST_TEST(general.question.empty());
    BOOST_TEST((general.points_lost == 12));
    BOOST_TEST(general.reason == "policy is below the sample average (14.3 < 46.4); area rule fallback: no answer "
                                 "called for a question-level recommendation");

    // With the answer rules, the fallback gives way to the question-level texts...
    BOOST_TEST(recommendation_keys(select(), "policy").front() == q + "policy.body.improve");
    // ...but "always" puts the general text first, and "never" leaves it out.
    std::string always = "default = \"fallback\"\npolicy = \"always\"\nschools = \"never\"\n";
    std::string answers = "[answers.yes_partly_no]\nsome_points = \"partial\"\n";
    const RecommendationRules both = load_recommendation_rules(
        dir.write("both.toml", answers + "[areas]\n" + always), mini(), {&catalogs().en});
    const Selection mixed = select({}, practice_library(), "home", both);
    BOOST_TEST(recommendation_keys(mixed, "policy") ==
                   (std::vector<std::string>{"recommendations.areas.policy", q + "policy.plan.partial"}),
               tt::per_element());
    BOOST_TEST(recommendation_keys(mixed, "schools").empty());
    // The threshold makes an area above the average need attention too.
    SelectionSettings settings;
    settings.threshold = 60;
    const Selection under = select(settings, practice_library(), "home", rules_with("default = \"fallback\"\n"));
    BOOST_TEST(under.find("streets")->recommendations.front().reason ==
               "streets is under the threshold (50.0 < 60.0); area rule fallback: no answer called for a "
               "question-level recommendation");
}

BOOST_AUTO_TEST_CASE(recommendation_text_comes_from_the_locale_of_the_reader) {
    const Selection selection = select();
    const ChosenRecommendation& first = selection.find("policy")->recommendations.front();
    BOOST_TEST(recommendation_text(first, catalogs().en) == "Text improve policy.body");
    BOOST_TEST(recommendation_text(first, catalogs().fr) == "Texte improve policy.body");
}

// -------------------------------------------------------------------- explain

BOOST_AUTO_TEST_CASE(explain_gives_the_reasons_of_every_choice) {
    SelectionSettings settings;
    settings.threshold = 60;
    const Selection selection = select(settings);
    const std::string text =
        explain_selection(selection, sample(), mini(), practice_library(), settings, catalogs().en);
    BOOST_TEST(text.find("Selection for home (home), edition of 2025-03-01\n") == 0u);
    for (const AreaSelection& area : selection.areas) {
        BOOST_TEST(text.find("\n== " + area.area + ": city ") != std::string::npos, area.area);
        for (const ChosenPractice& p : area.practices) {
            BOOST_TEST(text.find(p.practice_id + ", " + p.city + " (" + p.city + "), score ") != std::string::npos,
                       p.practice_id);
            for (const std::string& reason : p.reasons)
                BOOST_TEST(text.find("     - " + reason + "\n") != std::string::npos, reason);
        }
        for (const PassedOverPractice& p : area.passed_over)
            BOOST_TEST(text.find("passed over: " + p.practice_id) != std::string::npos, p.practice_id);
        for (const ChosenRecommendation& r : area.recommendations) {
            BOOST_TEST(text.find("[rule] " + r.reason + "\n") != std::string::npos, r.reason);
            BOOST_TEST(text.find(r.text_key + ": \"" + recommendation_text(r, catalogs().en) + "\"") !=
                       std::string::npos);
        }
    }
    BOOST_TEST(text.find("== policy: city 14.3, sample average 46.4: below the sample average: practices wanted") !=
               std::string::npos);
    BOOST_TEST(text.find("== streets: city 50.0, sample average 25.0: not below the sample average, but under the "
                         "threshold of 60.0: practices wanted") != std::string::npos);
    BOOST_TEST(text.find("== together: city 100.0, sample average 16.7: above the sample average and not under "
                         "the threshold of 60.0: no practices") != std::string::npos);
    BOOST_TEST(text.find("\"Title of p-strong-policy\"") != std::string::npos);
    BOOST_TEST(explain_selection(selection, sample(), mini(), practice_library(), settings, catalogs().fr)
                   .find("\"Titre de p-strong-policy\"") != std::string::npos);
}
