// Scoring one edition: hand-computed points for every answer type, one
// complete city by hand, and invariants on the bundled questionnaire.
// The small questionnaire used here is tests/data/score/mini-questionnaire.toml.
#include <boost/test/unit_test.hpp>

#include <cmath>

#include "load/edition.h"
#include "load/network.h"
#include "load/questionnaire.h"
#include "score/sample.h"
#include "score/scores.h"
#include "test_support.h"

using namespace icc;
namespace tt = boost::test_tools;

namespace {

const Questionnaire& mini() {
    static const Questionnaire loaded = Questionnaire::load(icc::testing::test_data() / "score/mini-questionnaire.toml");
    return loaded;
}

const Questionnaire& bundled() {
    static const Questionnaire loaded = Questionnaire::bundled(DataRoot{testing::source_root()});
    return loaded;
}

// An edition of the mini questionnaire with the given [answers] lines.
Edition mini_edition(const std::string& answers, const std::string& version = "2") {
    testing::TempDir dir;
    const std::string text = "[city]\nid = \"testville\"\nname = \"Testville\"\ncountry = \"FR\"\npopulation = 120000\n"
                             "foreign_born_percent = 12.5\n\n[edition]\ndate = 2025-06-30\nquestionnaire = \"" +
                             version + "\"\n\n[answers]\n" + answers;
    return load_edition(dir.write("edition.toml", text), mini());
}

CityScores mini_scores(const std::string& answers, const std::string& version = "2") {
    return score_edition(mini_edition(answers, version), mini());
}

const QuestionScore& question(const CityScores& scores, const std::string& id) {
    const QuestionScore* found = scores.question(id);
    BOOST_TEST_REQUIRE(found != nullptr, "no score for " + id);
    return *found;
}

// The best (or worst) answer to every question of a questionnaire, as a
// TOML value; empty for questions that earn nothing (facts, text).
std::string extreme_answer(const Question& q, bool best) {
    if (!q.scored()) return {};
    switch (q.type) {
        case AnswerType::yes_partly_no:
        case AnswerType::single_choice: {
            const Option* chosen = &q.options.front();
            for (const Option& option : q.options)
                if (best ? option.points > chosen->points : option.points < chosen->points) chosen = &option;
            return "\"" + chosen->id + "\"";
        }
        case AnswerType::multiple_choice: {
            if (!best) return "[]";
            std::string list;
            for (const Option& option : q.options) list += (list.empty() ? "\"" : ", \"") + option.id + "\"";
            return "[" + list + "]";
        }
        case AnswerType::integer:
        case AnswerType::percentage: {
            const Band* chosen = &q.bands.front();
            for (const Band& band : q.bands)
                if (best ? band.points > chosen->points : band.points < chosen->points) chosen = &band;
            const double value = chosen->from;
            return q.type == AnswerType::integer ? std::to_string(static_cast<long long>(value))
                                                 : std::to_string(value);
        }
        case AnswerType::text: return {};
    }
    return {};
}

Edition extreme_edition(const Questionnaire& questionnaire, bool best) {
    std::string answers;
    for (const Question& q : questionnaire.questions()) {
        if (q.area.empty()) continue;
        const std::string value = extreme_answer(q, best);
        if (!value.empty()) answers += "\"" + q.id + "\" = " + value + "\n";
    }
    testing::TempDir dir;
    const std::string text = "[city]\nid = \"extreme\"\nname = \"Extreme\"\ncountry = \"IT\"\npopulation = 50000\n"
                             "foreign_born_percent = 5\n\n[edition]\ndate = 2025-01-01\nquestionnaire = \"" +
                             questionnaire.current_version() + "\"\n\n[answers]\n" + answers;
    return load_edition(dir.write("edition.toml", text), questionnaire);
}

}  // namespace

// ------------------------------------------------------- every answer type

BOOST_AUTO_TEST_CASE(yes_partly_no_earns_its_points_times_the_weight) {
    for (const auto& [answer, points] : std::vector<std::pair<std::string, double>>{{"yes", 2}, {"partly", 1}, {"no", 0}}) {
        const auto& q = question(mini_scores("\"policy.plan\" = \"" + answer + "\"\n"), "policy.plan");
        BOOST_TEST(q.status == AnswerStatus::answered);
        BOOST_TEST(q.points == points);
        BOOST_TEST(q.earned == 2 * points);  // weight 2
        BOOST_TEST(q.possible == 4);
    }
}

BOOST_AUTO_TEST_CASE(single_choice_earns_the_points_of_the_option) {
    BOOST_TEST(question(mini_scores("\"policy.body\" = \"none\"\n"), "policy.body").earned == 0);
    BOOST_TEST(question(mini_scores("\"policy.body\" = \"unit\"\n"), "policy.body").earned == 2);
    const auto& council = question(mini_scores("\"policy.body\" = \"council\"\n"), "policy.body");
    BOOST_TEST(council.earned == 4);
    BOOST_TEST(council.possible == 4);
}

BOOST_AUTO_TEST_CASE(multiple_choice_adds_points_up_to_the_cap) {
    BOOST_TEST(question(mini_scores("\"policy.channels\" = []\n"), "policy.channels").earned == 0);
    BOOST_TEST(question(mini_scores("\"policy.channels\" = [\"b\"]\n"), "policy.channels").earned == 1);
    BOOST_TEST(question(mini_scores("\"policy.channels\" = [\"a\", \"b\"]\n"), "policy.channels").earned == 2);
    // 1 + 2 + 1 = 4, capped at 3.
    const auto& capped = question(mini_scores("\"policy.channels\" = [\"a\", \"c\", \"d\"]\n"), "policy.channels");
    BOOST_TEST(capped.points == 3);
    BOOST_TEST(capped.possible == 3);
}

BOOST_AUTO_TEST_CASE(integers_and_percentages_earn_the_points_of_their_band) {
    const auto staff = [](int value) {
        return question(mini_scores("\"policy.staff\" = " + std::to_string(value) + "\n"), "policy.staff").earned;
    };
    BOOST_TEST(staff(0) == 0);
    BOOST_TEST(staff(1) == 1);
    BOOST_TEST(staff(4) == 1);
    BOOST_TEST(staff(5) == 3);  // a band starts at its 'from'
    BOOST_TEST(staff(100) == 3);
    const auto mix = [](const std::string& value) {
        return question(mini_scores("\"schools.mix\" = " + value + "\n"), "schools.mix").earned;
    };
    BOOST_TEST(mix("0") == 4);  // an integer is a valid percentage
    BOOST_TEST(mix("19.9") == 4);
    BOOST_TEST(mix("20.0") == 2);
    BOOST_TEST(mix("49.99") == 2);
    BOOST_TEST(mix("75") == 0);
}

BOOST_AUTO_TEST_CASE(free_text_and_facts_are_not_scored) {
    const CityScores scores = mini_scores("\"policy.note\" = \"A long story.\"\n");
    const auto& note = question(scores, "policy.note");
    BOOST_TEST(note.status == AnswerStatus::answered);
    BOOST_TEST(!note.scored);
    BOOST_TEST(note.possible == 0);
    BOOST_TEST(!question(scores, "city.population").scored);
    BOOST_TEST(question(scores, "city.population").possible == 0);
}

BOOST_AUTO_TEST_CASE(unanswered_and_unknown_count_as_zero_not_applicable_is_left_out) {
    // policy: plan unanswered (0 of 4), body unknown (0 of 4), channels [a] (1 of 3), staff 5 (3 of 3).
    const CityScores scores = mini_scores("\"policy.body\" = \"unknown\"\n\"policy.channels\" = [\"a\"]\n"
                                          "\"policy.staff\" = 5\n\"schools.parents\" = \"not_applicable\"\n"
                                          "\"schools.mix\" = 10\n");
    BOOST_TEST(question(scores, "policy.plan").status == AnswerStatus::unanswered);
    BOOST_TEST(question(scores, "policy.plan").possible == 4);
    BOOST_TEST(question(scores, "policy.body").status == AnswerStatus::unknown);
    BOOST_TEST(question(scores, "policy.body").possible == 4);
    BOOST_TEST(scores.area("policy")->earned == 4);
    BOOST_TEST(scores.area("policy")->possible == 14);
    BOOST_TEST((*scores.rate("policy") == Exact(400, 14)));
    // schools: mix 10 (4 of 4); parents not applicable (left out): 100.
    BOOST_TEST(question(scores, "schools.parents").status == AnswerStatus::not_applicable);
    BOOST_TEST(question(scores, "schools.parents").possible == 0);
    BOOST_TEST((*scores.rate("schools") == 100));
}

BOOST_AUTO_TEST_CASE(an_area_with_nothing_to_count_has_no_rate) {
    // 2011-style version 1: the extended area is not asked.
    const CityScores core_only = mini_scores("\"policy.plan\" = \"yes\"\n", "1");
    BOOST_TEST(question(core_only, "together.spaces").status == AnswerStatus::not_asked);
    BOOST_TEST(!core_only.rate("together").has_value());
    BOOST_TEST(!core_only.extended.has_value());
    BOOST_TEST((core_only.aggregate == core_only.core));
}

// ------------------------------------------------------- one complete city

BOOST_AUTO_TEST_CASE(a_complete_city_by_hand) {
    const CityScores s = mini_scores(R"("policy.plan" = "yes"
"policy.body" = "unit"
"policy.channels" = ["a", "b"]
"policy.staff" = 3
"policy.note" = "Our plan, in our words."
"schools.mix" = 25.0
"schools.parents" = "not_applicable"
"streets.safety" = "unknown"
"streets.design" = "partly"
"together.spaces" = "yes"
"together.share" = 35
)");
    // policy: 2x2 + 2 + 2 + 1 = 9 of 4 + 4 + 3 + 3 = 14.
    BOOST_TEST(s.area("policy")->earned == 9);
    BOOST_TEST(s.area("policy")->possible == 14);
    BOOST_TEST((*s.rate("policy") == Exact(900, 14)));  // 64.2857...
    // schools: 2 of 4 (parents not applicable) = 50; streets: 0 + 1 of 4 = 25.
    BOOST_TEST((*s.rate("schools") == 50));
    BOOST_TEST((*s.rate("streets") == 25));
    // lens: fields weighted 1 and 3: (50 + 3 x 25) / 4 = 31.25.
    BOOST_TEST((*s.rate("lens") == Exact(3125, 100)));
    // together: 2 + 1 of 4 = 75.
    BOOST_TEST((*s.rate("together") == 75));
    // aggregate = extended: (64.2857 + 2 x 31.25 + 75) / 4 = 1412.5 / 28.
    BOOST_TEST((*s.aggregate == Exact(14125, 280)));
    BOOST_TEST((*s.extended == *s.aggregate));
    // core: (64.2857 + 2 x 31.25) / 3 = 887.5 / 21.
    BOOST_TEST((*s.core == Exact(8875, 210)));
    // Published: 64.3, 31.3 (31.25 rounds half away from zero), 50.4, 42.3.
    BOOST_TEST(published(*s.rate("policy")).text() == "64.3");
    BOOST_TEST(published(*s.rate("lens")).text() == "31.3");
    BOOST_TEST(published(*s.aggregate).text() == "50.4");
    BOOST_TEST(published(*s.core).text() == "42.3");
}

BOOST_AUTO_TEST_CASE(changing_a_weight_moves_the_aggregate_as_specified) {
    const std::string answers = "\"policy.plan\" = \"yes\"\n\"policy.body\" = \"unit\"\n\"policy.channels\" = [\"a\", \"b\"]\n"
                                "\"policy.staff\" = 3\n\"schools.mix\" = 25.0\n\"schools.parents\" = \"not_applicable\"\n"
                                "\"streets.design\" = \"partly\"\n\"together.spaces\" = \"yes\"\n\"together.share\" = 35\n";
    const Edition edition = mini_edition(answers);
    Questionnaire heavier_lens = mini();
    heavier_lens.set_area_weight("lens", 5);
    // (450/7 + 5 x 31.25 + 75) / 7 = 2068.75 / 49: the aggregate moves towards the lens rate.
    const CityScores s = score_edition(edition, heavier_lens);
    BOOST_TEST((*s.aggregate == Exact(206875, 4900)));
    BOOST_TEST((*s.aggregate < *score_edition(edition, mini()).aggregate));
    // A field weight moves the lens: schools 3, streets 1: (3 x 50 + 25) / 4 = 43.75.
    Questionnaire heavier_schools = mini();
    heavier_schools.set_area_weight("schools", 3);
    heavier_schools.set_area_weight("streets", 1);
    BOOST_TEST((*score_edition(edition, heavier_schools).rate("lens") == Exact(175, 4)));
    // A question weight moves its area: plan weight 1: 2 + 2 + 2 + 1 = 7 of 12.
    Questionnaire lighter_plan = mini();
    lighter_plan.set_question_weight("policy.plan", 1);
    BOOST_TEST((*score_edition(edition, lighter_plan).rate("policy") == Exact(700, 12)));
}

BOOST_AUTO_TEST_CASE(published_figures_round_half_away_from_zero) {
    BOOST_TEST(published(Exact(6225, 100)).text() == "62.3");
    BOOST_TEST(published(Exact(62249, 1000)).text() == "62.2");
    BOOST_TEST(published(Exact(100)).text() == "100.0");
    BOOST_TEST(published(Exact(-225, 100)).text() == "-2.3");
    BOOST_TEST(published(Exact(14125, 280)).text() == "50.4");
}

// ------------------------------------------------ invariants, real questionnaire

BOOST_AUTO_TEST_CASE(best_answers_everywhere_give_100_everywhere) {
    const CityScores s = score_edition(extreme_edition(bundled(), true), bundled());
    for (const AreaScore& area : s.areas)
        BOOST_TEST_CONTEXT(area.area) {
            BOOST_TEST_REQUIRE(area.rate.has_value());
            BOOST_TEST((*area.rate == 100));
        }
    BOOST_TEST((*s.aggregate == 100));
    BOOST_TEST((*s.core == 100));
    BOOST_TEST((*s.extended == 100));
}

BOOST_AUTO_TEST_CASE(worst_answers_everywhere_give_0_everywhere) {
    const CityScores s = score_edition(extreme_edition(bundled(), false), bundled());
    for (const AreaScore& area : s.areas)
        BOOST_TEST_CONTEXT(area.area) {
            BOOST_TEST_REQUIRE(area.rate.has_value());
            BOOST_TEST((*area.rate == 0));
        }
    BOOST_TEST((*s.aggregate == 0));
    BOOST_TEST((*s.core == 0));
    BOOST_TEST((*s.extended == 0));
}

BOOST_AUTO_TEST_CASE(every_rate_of_every_sample_edition_is_within_0_and_100) {
    const Network network = load_network(testing::source_root() / "samples/network", bundled());
    for (const Edition& edition : network.editions) {
        const CityScores s = score_edition(edition, bundled());
        BOOST_TEST_CONTEXT(edition.source_file) {
            for (const AreaScore& area : s.areas)
                if (area.rate) BOOST_TEST((*area.rate >= 0 && *area.rate <= 100));
            BOOST_TEST_REQUIRE(s.aggregate.has_value());
            BOOST_TEST_REQUIRE(s.core.has_value());
            BOOST_TEST((*s.aggregate >= 0 && *s.aggregate <= 100));
            BOOST_TEST((*s.core >= 0 && *s.core <= 100));
            BOOST_TEST(s.extended.has_value() == (edition.questionnaire == "2019"));
            for (const QuestionScore& q : s.questions) BOOST_TEST((q.earned >= 0 && q.earned <= q.possible));
        }
    }
}

BOOST_AUTO_TEST_CASE(the_aggregate_is_the_weighted_mean_of_the_indicators) {
    const Network network = load_network(testing::source_root() / "samples/network", bundled());
    for (const Edition& edition : network.editions) {
        const CityScores s = score_edition(edition, bundled());
        Exact sum = 0, weights = 0;
        for (const Area* indicator : bundled().indicators())
            if (auto rate = s.rate(indicator->id)) {
                sum += exact_decimal(indicator->weight) * *rate;
                weights += exact_decimal(indicator->weight);
            }
        BOOST_TEST((*s.aggregate == sum / weights));
    }
}

// The worked example of docs/scoring.md: Valmora's 2026 edition.
BOOST_AUTO_TEST_CASE(the_worked_example_of_the_documentation) {
    const Edition valmora = load_edition(testing::source_root() / "samples/network/valmora/2026-03-15.toml", bundled());
    const CityScores s = score_edition(valmora, bundled());
    struct Row {
        const char* area;
        int earned, worth;
        const char* published_rate;
    };
    for (const Row& row : std::vector<Row>{{"commitment", 7, 18, "38.9"},      {"education", 5, 9, "55.6"},
                                           {"neighbourhoods", 5, 10, "50.0"},  {"public_services", 1, 11, "9.1"},
                                           {"business", 1, 8, "12.5"},         {"cultural_life", 3, 9, "33.3"},
                                           {"public_space", 3, 8, "37.5"},     {"mediation", 1, 13, "7.7"},
                                           {"language", 4, 12, "33.3"},        {"media", 1, 8, "12.5"},
                                           {"international", 2, 8, "25.0"},    {"intelligence", 2, 13, "15.4"},
                                           {"welcome", 5, 10, "50.0"},         {"leadership", 1, 12, "8.3"},
                                           {"anti_discrimination", 2, 13, "15.4"}, {"participation", 2, 9, "22.2"},
                                           {"interaction", 2, 12, "16.7"}})
        BOOST_TEST_CONTEXT(row.area) {
            BOOST_TEST(s.area(row.area)->earned == row.earned);
            BOOST_TEST(s.area(row.area)->possible == row.worth);
            BOOST_TEST(published(*s.rate(row.area)).text() == row.published_rate);
        }
    BOOST_TEST(question(s, "public_space.dominated_spaces").possible == 0);
    BOOST_TEST(question(s, "public_space.felt_safety").possible == 3);
    BOOST_TEST((*s.rate("lens") == (Exact(500, 9) + 50 + Exact(100, 11) + Exact(25, 2) + Exact(100, 3) + Exact(75, 2)) / 6));
    BOOST_TEST(published(*s.rate("lens")).text() == "33.0");
    BOOST_TEST(published(*s.core).text() == "24.8");
    BOOST_TEST(published(*s.aggregate).text() == "24.0");
    BOOST_TEST(published(*s.extended).text() == "24.0");
}

// Section 12 of docs/scoring.md: what each area is worth.
BOOST_AUTO_TEST_CASE(the_documented_worth_of_each_area) {
    const std::string doc = testing::slurp(testing::source_root() / "docs/scoring.md");
    for (const Area& area : bundled().areas()) {
        if (area.id == "lens") continue;
        double worth = 0;
        for (const Question* q : bundled().questions_of(area.id)) worth += q->weight * q->max_points();
        std::ostringstream heading;
        heading << "#### `" << area.id << "`: " << worth << " points";
        BOOST_TEST_CONTEXT(heading.str()) { BOOST_TEST(doc.find(heading.str()) != std::string::npos); }
    }
}
