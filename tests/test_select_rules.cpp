// Loading the recommendation rules and the selection settings: the bundled
// files against the bundled questionnaire and locales, and every error with
// its position.
#include <boost/test/unit_test.hpp>

#include "load/recommendation_rules.h"
#include "select/selection.h"
#include "test_select_fixture.h"

using namespace icc;
using namespace icc::testing;
namespace tt = boost::test_tools;

namespace {

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

const DataRoot data{source_root()};

}  // namespace

BOOST_AUTO_TEST_CASE(locale_texts_flatten_to_the_keys_the_rules_look_up) {
    const Catalog en = Catalog::load(data, "en");
    const Catalog fr = Catalog::load(data, "fr");
    for (const Catalog* catalog : {&en, &fr}) {
        BOOST_TEST(catalog->has("recommendations.questions.commitment.strategy.missing"));
        BOOST_TEST(catalog->has("recommendations.questions.commitment.strategy.partial"));
        BOOST_TEST(catalog->has("recommendations.questions.commitment.coordination.improve"));
        BOOST_TEST(catalog->has("recommendations.areas.public_space"));
        BOOST_TEST(!catalog->has("recommendations.areas.lens"));
        int question_texts = 0;
        for (const std::string& key : catalog->keys())
            question_texts += key.rfind("recommendations.questions.", 0) == 0;
        BOOST_TEST(question_texts == 130);  // 53 yes / partly / no questions x 2 + 24 other scored questions
    }
    BOOST_TEST(en.text(RecommendationRules::question_key("commitment.strategy", "missing")).find("Adopt a formal") == 0u);
    BOOST_TEST(fr.text(RecommendationRules::area_key("welcome")).find("Ouvrir") == 0u);
}

BOOST_AUTO_TEST_CASE(the_bundled_rules_give_a_text_in_both_languages_for_every_shortfall) {
    const Questionnaire questionnaire = Questionnaire::bundled(data);
    const Catalog en = Catalog::load(data, "en");
    const Catalog fr = Catalog::load(data, "fr");
    const RecommendationRules rules = bundled_recommendation_rules(data, questionnaire, {&en, &fr});
    int scored = 0;
    for (const Question& question : questionnaire.questions()) {
        if (!question.scored()) {
            BOOST_TEST(rules.rule_for(question, AnswerOutcome::unanswered) == nullptr, question.id);
            continue;
        }
        ++scored;
        for (AnswerOutcome outcome : {AnswerOutcome::unanswered, AnswerOutcome::unknown, AnswerOutcome::no_points,
                                      AnswerOutcome::some_points}) {
            const OutcomeRule* rule = rules.rule_for(question, outcome);
            BOOST_TEST_REQUIRE(rule != nullptr, question.id);
            const bool policy = question.type == AnswerType::yes_partly_no;
            BOOST_TEST(rule->variant ==
                           (!policy ? "improve" : outcome == AnswerOutcome::some_points ? "partial" : "missing"),
                       question.id);
        }
    }
    BOOST_TEST(scored == 77);
    const auto areas = selection_areas(questionnaire);
    BOOST_TEST(areas.size() == 17u);
    BOOST_TEST(areas[0]->id == "commitment");
    BOOST_TEST(areas[1]->id == "education");  // the lens fields stand where the lens does
    BOOST_TEST(areas[6]->id == "public_space");
    BOOST_TEST(areas[7]->id == "mediation");
    BOOST_TEST(areas[16]->id == "interaction");
    for (const Area* area : areas) BOOST_TEST(rules.area_mode(area->id) == AreaRuleMode::always);
}

BOOST_AUTO_TEST_CASE(per_question_entries_take_precedence_and_false_silences) {
    TempDir dir;
    const Catalog en = mini_catalog(dir, "en");
    const RecommendationRules rules = load_recommendation_rules(
        dir.write("rules.toml", "[answers.yes_partly_no]\nno_points = \"missing\"\nsome_points = \"partial\"\n"
                                "[questions.\"policy.plan\"]\nsome_points = \"missing\"\nno_points = false\n"
                                "[areas]\ndefault = \"never\"\nschools = \"always\"\n"),
        mini(), {&en});
    const Question& plan = *mini().find_question("policy.plan");
    const Question& design = *mini().find_question("streets.design");
    BOOST_TEST(rules.rule_for(plan, AnswerOutcome::some_points)->variant == "missing");
    BOOST_TEST(rules.rule_for(plan, AnswerOutcome::some_points)->name == "questions.\"policy.plan\".some_points");
    BOOST_TEST(rules.rule_for(plan, AnswerOutcome::no_points) == nullptr);
    BOOST_TEST(rules.rule_for(design, AnswerOutcome::no_points)->variant == "missing");
    BOOST_TEST(rules.rule_for(design, AnswerOutcome::no_points)->name == "answers.yes_partly_no.no_points");
    BOOST_TEST((rules.rule_for(design, AnswerOutcome::no_points)->where.line == 2));
    BOOST_TEST(rules.rule_for(design, AnswerOutcome::unknown) == nullptr);
    BOOST_TEST(rules.rule_for(*mini().find_question("policy.body"), AnswerOutcome::no_points) == nullptr);
    BOOST_TEST(rules.area_mode("policy") == AreaRuleMode::never);
    BOOST_TEST(rules.area_mode("schools") == AreaRuleMode::always);
}

BOOST_AUTO_TEST_CASE(bad_rules_are_reported_all_at_once_in_line_order) {
    TempDir dir;
    const auto file = dir.write("rules.toml",
                                "[answers.yes_partly_no]\n"        // 1
                                "no = \"missing\"\n"               // 2
                                "not_applicable = \"missing\"\n"   // 3
                                "[answers.text]\n"                 // 4
                                "unanswered = \"improve\"\n"       // 5
                                "[answers.single_choice]\n"        // 6
                                "unknown = 3\n"                    // 7
                                "some_points = \"Improve!\"\n"     // 8
                                "[questions.\"policy.plna\"]\n"    // 9
                                "unknown = \"missing\"\n"          // 10
                                "[questions.\"policy.note\"]\n"    // 11
                                "unknown = \"improve\"\n"          // 12
                                "[areas]\n"                        // 13
                                "default = \"sometimes\"\n"        // 14
                                "lens = \"always\"\n"              // 15
                                "nowhere = \"never\"\n"            // 16
                                "[extra]\n");                      // 17
    const std::string f = file.string();
    const std::vector<std::string> expected{
        f + ":2:1: error: answers.yes_partly_no: unknown key 'no'; expected unanswered, unknown, no_points or "
            "some_points\nhelp: outcomes are named by points: \"no\" is no_points, \"partly\" some_points",
        f + ":3:1: error: answers.yes_partly_no: unknown key 'not_applicable'; expected unanswered, unknown, "
            "no_points or some_points\nhelp: a question left out of the score never calls for a recommendation",
        f + ":4:10: error: answers.text: free-text questions are never scored, so their answers call for no "
            "recommendation",
        f + ":7:11: error: answers.single_choice.unknown: expected a text variant name such as \"missing\" "
            "(lower-case letters, digits and '_'), found the integer 3",
        f + ":8:15: error: answers.single_choice.some_points: expected a text variant name such as \"missing\" "
            "(lower-case letters, digits and '_'), found \"Improve!\"",
        f + ":9:1: error: questions.\"policy.plna\": unknown question 'policy.plna'\nhelp: did you mean 'policy.plan'?",
        f + ":11:1: error: questions.\"policy.note\": the question is free text, never scored, so its answers call "
            "for no recommendation",
        f + ":14:11: error: areas.default: expected \"never\", \"fallback\" or \"always\", found \"sometimes\"",
        f + ":15:8: error: areas.lens: 'lens' is made of fields and has no recommendations of its own; give a rule "
            "for each of its fields",
        f + ":16:11: error: areas.nowhere: unknown area 'nowhere'",
        f + ":17:2: error: unknown key 'extra'; expected [answers], [questions] or [areas]",
    };
    BOOST_TEST(messages_of([&] { load_recommendation_rules(file, mini()); }) == expected, tt::per_element());
}

BOOST_AUTO_TEST_CASE(a_text_missing_in_a_locale_is_an_error_at_the_rule) {
    TempDir dir;
    const Catalog en = mini_catalog(dir, "en");
    // The locale has only "missing" and "partial" for yes / partly / no questions.
    const auto file = dir.write("rules.toml",
                                "[answers.yes_partly_no]\n"
                                "unknown = \"improve\"\n"
                                "[areas]\n"
                                "default = \"never\"\n"
                                "streets = \"fallback\"\n");
    // A locale without the area text of streets, and with a text for a question that does not exist.
    const Catalog partial = Catalog::load_file(
        dir.write("xx.toml", mini_locale("en").replace(mini_locale("en").find("streets = "), 0, "# ") +
                                 "\n[recommendations.questions.\"policy.plans\"]\nmissing = \"Typo\"\n"),
        "xx");
    const std::string f = file.string();
    const std::string en_file = en.file().string();
    const std::string xx_file = partial.file().string();
    const std::vector<std::string> messages = messages_of([&] { load_recommendation_rules(file, mini(), {&en, &partial}); });
    const std::vector<std::string> expected_start{
        f + ":2:11: error: policy.plan: the outcome unknown calls for the text "
            "'recommendations.questions.policy.plan.improve', which " + en_file + " does not define",
    };
    BOOST_TEST_REQUIRE(messages.size() == 2u * 4 + 2);  // 4 questions x 2 locales, the area text, the typo
    BOOST_TEST(messages[0] == expected_start[0]);
    int missing_area = 0, typo = 0;
    for (const std::string& message : messages) {
        missing_area += message == f + ":5:11: error: areas.streets: the area rule calls for the text "
                                       "'recommendations.areas.streets', which " + xx_file + " does not define";
        typo += message.find(xx_file + ":") == 0 &&
                message.find("error: key 'recommendations.questions.policy.plans.missing': expected "
                             "recommendations.questions.\"<question id>\".<variant> for a question of the "
                             "questionnaire; 'policy.plans' is not one") != std::string::npos;
    }
    BOOST_TEST(missing_area == 1);
    BOOST_TEST(typo == 1);
    // The same rules with the texts they need load cleanly.
    BOOST_CHECK_NO_THROW(load_recommendation_rules(
        dir.write("good.toml", "[answers.yes_partly_no]\nunknown = \"missing\"\n[areas]\ndefault = \"fallback\"\n"),
        mini(), {&en}));
}

// ------------------------------------------------------------------- settings

BOOST_AUTO_TEST_CASE(the_bundled_settings_are_the_documented_defaults) {
    const SelectionSettings bundled = load_selection_settings(data);
    const SelectionSettings defaults;
    BOOST_TEST(bundled.max_practices_per_area == 3);
    BOOST_TEST(bundled.max_recommendations_per_area == 4);
    BOOST_TEST(!bundled.threshold.has_value());
    BOOST_TEST(bundled.only_stronger_cities);
    BOOST_TEST(bundled.weights.rate == defaults.weights.rate);
    BOOST_TEST(bundled.weights.same_population_group == defaults.weights.same_population_group);
    BOOST_TEST(bundled.weights.same_diversity_group == defaults.weights.same_diversity_group);
    BOOST_TEST(bundled.weights.same_country == defaults.weights.same_country);
    BOOST_TEST(bundled.source_file == (source_root() / "templates/report/selection.toml").string());
}

BOOST_AUTO_TEST_CASE(settings_are_read_and_checked) {
    TempDir dir;
    const SelectionSettings read = load_selection_settings(
        dir.write("ok.toml", "max_practices_per_area = 1\nthreshold = 55\nonly_stronger_cities = false\n"
                             "[practice_weights]\nsame_country = 2.5\n"));
    BOOST_TEST(read.max_practices_per_area == 1);
    BOOST_TEST(read.max_recommendations_per_area == 4);
    BOOST_TEST(*read.threshold == 55.0);
    BOOST_TEST(!read.only_stronger_cities);
    BOOST_TEST(read.weights.same_country == 2.5);
    BOOST_TEST(read.weights.rate == 1.0);

    const auto file = dir.write("bad.toml",
                                "max_practices_per_area = -1\n"
                                "max_recommendations_per_area = \"4\"\n"
                                "threshold = 120\n"
                                "only_stronger_cities = 1\n"
                                "maximum = 3\n"
                                "[practice_weights]\n"
                                "rate = -2\n"
                                "same_town = 1\n");
    const std::string f = file.string();
    const std::vector<std::string> expected{
        f + ":1:26: error: max_practices_per_area: expected a whole number from 0 to 20, found -1",
        f + ":2:32: error: max_recommendations_per_area: expected a whole number from 0 to 20, found the string \"4\"",
        f + ":3:13: error: threshold: expected a rate from 0 to 100, found 120",
        f + ":4:24: error: only_stronger_cities: expected true or false, found the integer 1",
        f + ":5:1: error: unknown key 'maximum'; expected max_practices_per_area, max_recommendations_per_area, "
            "threshold, only_stronger_cities or [practice_weights]",
        f + ":7:8: error: practice_weights.rate: expected a number from 0 to 1000, found -2",
        f + ":8:1: error: practice_weights: unknown key 'same_town'; expected rate, same_population_group, "
            "same_diversity_group or same_country",
    };
    BOOST_TEST(messages_of([&] { load_selection_settings(file); }) == expected, tt::per_element());
}
