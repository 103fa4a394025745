// The bundled Index definition (templates/index/questionnaire.toml), its
// wording in every shipped language, and the checks on questionnaire files.
#include <boost/test/unit_test.hpp>

#include <map>
#include <set>

#include "load/questionnaire.h"
#include "support/locale.h"
#include "test_support.h"

using namespace icc;

namespace {
DataRoot data() { return {testing::source_root()}; }

const Questionnaire& bundled() {
    static const Questionnaire loaded = Questionnaire::bundled(data());
    return loaded;
}

std::vector<Diagnostic> errors_of(const std::string& text) {
    testing::TempDir dir;
    try {
        Questionnaire::load(dir.write("questionnaire.toml", text));
    } catch (const DiagnosticError& e) {
        return e.diagnostics();
    }
    return {};
}

const std::string minimal = R"(version = "1"
[[versions]]
id = "1"
extended = true
[yes_partly_no]
options = [{ id = "yes", points = 2 }, { id = "partly", points = 1 }, { id = "no", points = 0 }]
[[areas]]
id = "alpha"
kind = "indicator"
core = true
[[questions]]
id = "alpha.one"
kind = "input"
type = "yes_partly_no"
)";
}  // namespace

BOOST_AUTO_TEST_CASE(twelve_indicators_in_the_order_of_the_report) {
    std::vector<std::string> ids;
    for (const Area* area : bundled().indicators()) ids.push_back(area->id);
    const std::vector<std::string> expected{"commitment", "lens",       "mediation",           "language",
                                            "media",      "international", "intelligence",     "welcome",
                                            "leadership", "anti_discrimination", "participation", "interaction"};
    BOOST_TEST(ids == expected, boost::test_tools::per_element());
    for (const Area* area : bundled().indicators())
        BOOST_TEST_CONTEXT(area->id) {
            BOOST_TEST(area->core == (area->id != "participation" && area->id != "interaction"));
            BOOST_TEST(area->weight > 0);
        }
}

BOOST_AUTO_TEST_CASE(the_lens_is_made_of_six_fields) {
    std::vector<std::string> ids;
    for (const Area* area : bundled().fields_of("lens")) ids.push_back(area->id);
    const std::vector<std::string> expected{"education", "neighbourhoods", "public_services",
                                            "business",  "cultural_life",  "public_space"};
    BOOST_TEST(ids == expected, boost::test_tools::per_element());
    BOOST_TEST(bundled().questions_of("lens").empty());
    for (const Area* field : bundled().fields_of("lens")) BOOST_TEST(field->core);
}

BOOST_AUTO_TEST_CASE(eighty_six_questions_of_three_kinds_and_every_answer_type) {
    const auto& questions = bundled().questions();
    BOOST_TEST(questions.size() == 86u);
    std::map<QuestionKind, int> kinds;
    std::set<AnswerType> types;
    for (const Question& question : questions) {
        ++kinds[question.kind];
        types.insert(question.type);
        BOOST_TEST_CONTEXT(question.id) {
            if (question.area.empty()) {
                BOOST_TEST(question.kind == QuestionKind::fact);
                BOOST_TEST(question.id.rfind("city.", 0) == 0u);
            } else {
                BOOST_TEST(bundled().find_area(question.area) != nullptr);
                BOOST_TEST(question.core == bundled().area(question.area).core);
            }
            BOOST_TEST(question.scored() == (question.max_points() > 0));
        }
    }
    BOOST_TEST(kinds[QuestionKind::fact] >= 5);
    BOOST_TEST(kinds[QuestionKind::input] >= 50);
    BOOST_TEST(kinds[QuestionKind::impact] >= 5);
    BOOST_TEST(types.size() == 6u);
    // Every area has questions that earn points.
    for (const Area& area : bundled().areas()) {
        if (area.id == "lens") continue;
        double points = 0;
        for (const Question* question : bundled().questions_of(area.id)) points += question->max_points();
        BOOST_TEST_CONTEXT(area.id) { BOOST_TEST(points > 0); }
    }
    // Population and the share of foreign-born residents place a city in its peer groups.
    BOOST_TEST(bundled().find_question("city.population")->required);
    BOOST_TEST(bundled().find_question("city.foreign_born_percent")->required);
}

BOOST_AUTO_TEST_CASE(versions_and_their_areas) {
    BOOST_TEST(bundled().current_version() == "2019");
    BOOST_TEST_REQUIRE(bundled().find_version("2019") != nullptr);
    BOOST_TEST(bundled().find_version("2019")->extended);
    BOOST_TEST_REQUIRE(bundled().find_version("2011") != nullptr);
    BOOST_TEST(!bundled().find_version("2011")->extended);
    BOOST_TEST(bundled().find_version("2017") == nullptr);
}

BOOST_AUTO_TEST_CASE(points_of_each_answer_type) {
    const Questionnaire& q = bundled();
    BOOST_TEST(q.find_question("commitment.statement")->max_points() == 2);       // yes = 2
    BOOST_TEST(q.find_question("commitment.coordination")->max_points() == 3);    // best option
    BOOST_TEST(q.find_question("commitment.communication")->max_points() == 3);   // 5 options, cap 3
    BOOST_TEST(q.find_question("language.languages_taught")->max_points() == 3);  // best band
    BOOST_TEST(q.find_question("participation.examples")->max_points() == 0);     // free text
    BOOST_TEST(q.find_question("city.population")->max_points() == 0);           // fact
    BOOST_TEST(q.find_question("commitment.strategy")->weight == 2);
}

BOOST_AUTO_TEST_CASE(every_area_question_and_option_is_worded_in_every_language) {
    for (const char* lang : {"en", "fr"}) {
        const Catalog catalog = Catalog::load(data(), lang);
        std::vector<std::string> keys;
        for (const Area& area : bundled().areas()) {
            keys.push_back(area.name_key());
            keys.push_back(area.short_key());
            // Abbreviations head the columns of the score table, which lists indicators only.
            if (area.kind == AreaKind::indicator) keys.push_back(area.abbr_key());
        }
        for (const Question& question : bundled().questions()) {
            keys.push_back(question.text_key());
            for (const Option& option : question.options) keys.push_back(question.option_key(option.id));
            keys.push_back(question.option_key(unknown_answer));
            if (question.allows_not_applicable) keys.push_back(question.option_key(not_applicable_answer));
        }
        for (const char* key : {"index.indices.aggregate", "index.indices.core", "index.indices.extended"})
            keys.emplace_back(key);
        for (const std::string& key : keys) BOOST_TEST_CONTEXT(lang << " " << key) { BOOST_TEST(catalog.has(key)); }
    }
}

BOOST_AUTO_TEST_CASE(short_labels_fit_a_chart_axis) {
    for (const char* lang : {"en", "fr"}) {
        const Catalog catalog = Catalog::load(data(), lang);
        for (const Area& area : bundled().areas())
            BOOST_TEST_CONTEXT(lang << " " << area.id) {
                BOOST_TEST(catalog.text(area.short_key()).size() <= 22u);
                if (area.kind == AreaKind::indicator)
                    BOOST_TEST(catalog.text(area.abbr_key()).size() <= 6u);  // bytes: 5 letters with one accent
            }
    }
}

BOOST_AUTO_TEST_CASE(french_wording_follows_french_typography) {
    const Catalog fr = Catalog::load(data(), "fr");
    const std::string question = fr.text(bundled().find_question("commitment.strategy")->text_key());
    BOOST_TEST(question.find("\u00a0?") != std::string::npos);
    BOOST_TEST(question.find(" ?") == std::string::npos);
    const std::string share = fr.text(bundled().find_question("education.segregated_schools")->text_key());
    BOOST_TEST(share.find("90\u202f%") != std::string::npos);
    BOOST_TEST(fr.format("index.peer_groups.population.under_100k", {{"max", std::int64_t{100000}}}) ==
               "Moins de 100\u202f000 habitants");
    const Catalog en = Catalog::load(data(), "en");
    BOOST_TEST(en.format("index.peer_groups.diversity.10_to_15", {{"min", std::int64_t{10}}, {"max", std::int64_t{15}}}) ==
               "10% to 15% foreign-born residents");
}

// ------------------------------------------------- questionnaire checks

BOOST_AUTO_TEST_CASE(a_minimal_questionnaire_loads) {
    BOOST_TEST(errors_of(minimal).empty());
}

BOOST_AUTO_TEST_CASE(questionnaire_errors_are_all_reported_with_positions) {
    std::string text = minimal;
    text += R"(
[[questions]]
id = "alpha.one"
kind = "input"
type = "yes_partly_no"

[[questions]]
id = "beta.two"
kind = "opinion"
type = "single_choice"
options = [{ id = "a", points = 1 }, { id = "a", points = -1 }]

[[questions]]
id = "alpha.three"
kind = "impact"
type = "percentage"
bands = [{ from = 10, points = 1 }, { from = 5, points = 2 }]

[[questions]]
id = "alpha.four"
kind = "input"
type = "multiple_choice"
options = [{ id = "x", points = 1 }]
)";
    auto errors = errors_of(text);
    std::string all;
    for (const auto& d : errors) {
        all += d.to_string() + "\n";
        BOOST_TEST(d.where.line > 0);
    }
    BOOST_TEST(all.find("questions.alpha.one: question \"alpha.one\" is defined twice") != std::string::npos);
    BOOST_TEST(all.find("questions.beta.two: no area \"beta\"") != std::string::npos);
    BOOST_TEST(all.find("questions.beta.two.kind: expected \"fact\", \"input\" or \"impact\", found \"opinion\"") !=
               std::string::npos);
    BOOST_TEST(all.find("option \"a\" is listed twice") != std::string::npos);
    BOOST_TEST(all.find("options[2].points: expected a number of at least 0, found -1") != std::string::npos);
    BOOST_TEST(all.find("bands[2].from: must increase from band to band, found 5 after 10") != std::string::npos);
    BOOST_TEST(all.find("the first band must start at 0") != std::string::npos);
    BOOST_TEST(all.find("questions.alpha.four.cap: missing; expected the positive number") != std::string::npos);
    BOOST_TEST(errors.size() == 8u);
}

BOOST_AUTO_TEST_CASE(english_and_french_define_the_same_index_keys) {
    const Catalog en = Catalog::load(data(), "en");
    const Catalog fr = Catalog::load(data(), "fr");
    const auto index_keys = [](const Catalog& catalog) {
        std::vector<std::string> keys;
        for (const std::string& key : catalog.keys())
            if (key.rfind("index.", 0) == 0) keys.push_back(key);
        return keys;
    };
    const auto english = index_keys(en);
    BOOST_TEST(english.size() > 200u);
    BOOST_TEST(english == index_keys(fr), boost::test_tools::per_element());
}
