#include <boost/test/unit_test.hpp>

#include "load/edition.h"
#include "test_support.h"

using namespace icc;

namespace {
const char* valid_edition = R"(
[city]
id = "testville"
name = "Testville"
country = "FR"
population = 120000
foreign_born_percent = 12.5

[edition]
date = 2025-06-30
questionnaire = "2019"

[answers]
"b.second" = 3
"a.first" = { answer = "yes", comment = "Adopted in <2024> & renewed" }
"c.third" = ["x", "y"]
"d.fourth" = 42.5
)";

std::vector<Diagnostic> errors_of(const std::string& text) {
    testing::TempDir dir;
    auto path = dir.write("edition.toml", text);
    try {
        load_edition(path);
    } catch (const DiagnosticError& e) {
        return e.diagnostics();
    }
    return {};
}
}  // namespace

BOOST_AUTO_TEST_CASE(loads_city_edition_and_answers_in_id_order) {
    testing::TempDir dir;
    Edition e = load_edition(dir.write("edition.toml", valid_edition));
    BOOST_TEST(e.city.id == "testville");
    BOOST_TEST(e.city.country == "FR");
    BOOST_TEST(e.city.population == 120000);
    BOOST_TEST(e.city.foreign_born_percent == 12.5);
    BOOST_TEST((e.date == Date{2025, 6, 30}));
    BOOST_TEST(e.questionnaire == "2019");
    BOOST_REQUIRE(e.answers.size() == 4u);
    BOOST_TEST(e.answers[0].question == "a.first");
    BOOST_TEST(answer_text(e.answers[0].value) == "yes");
    BOOST_TEST(e.answers[0].comment == "Adopted in <2024> & renewed");
    BOOST_TEST(answer_text(e.answers[1].value) == "3");
    BOOST_TEST(answer_text(e.answers[2].value) == "x, y");
    BOOST_TEST(answer_text(e.answers[3].value) == "42.5");
}

BOOST_AUTO_TEST_CASE(malformed_toml_names_line_and_column) {
    auto errors = errors_of("[city]\nid = \"x\"\nname = \"unterminated\n");
    BOOST_REQUIRE(errors.size() == 1u);
    BOOST_TEST(errors[0].where.line == 3);
    BOOST_TEST(errors[0].where.column > 0);
    BOOST_TEST(errors[0].message.find("invalid TOML") == 0u);
}

BOOST_AUTO_TEST_CASE(every_type_error_is_reported_in_one_run) {
    std::string text = valid_edition;
    text.replace(text.find("population = 120000"), 19, "population = \"many\"");
    text.replace(text.find("date = 2025-06-30"), 17, "date = \"June\"");
    text.replace(text.find("country = \"FR\""), 14, "country = \"France\"");
    auto errors = errors_of(text);
    BOOST_REQUIRE(errors.size() == 3u);
    std::string all;
    for (const auto& d : errors) all += d.to_string() + "\n";
    BOOST_TEST(all.find("city.population: expected an integer, found a string") != std::string::npos);
    BOOST_TEST(all.find("edition.date: expected a date (e.g. 2026-03-15), found a string") != std::string::npos);
    BOOST_TEST(all.find("city.country: expected a two-letter ISO 3166 code") != std::string::npos);
    for (const auto& d : errors) BOOST_TEST(d.where.line > 0);
}

BOOST_AUTO_TEST_CASE(missing_tables_and_keys_are_named) {
    auto errors = errors_of("[city]\nid = \"x\"\n");
    std::string all;
    for (const auto& d : errors) all += d.to_string() + "\n";
    BOOST_TEST(all.find("missing table [edition]") != std::string::npos);
    BOOST_TEST(all.find("city.name: missing; expected a string") != std::string::npos);
    BOOST_TEST(all.find("city.population: missing") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(answer_tables_need_an_answer_and_known_keys) {
    std::string text = valid_edition;
    text += "\"e.fifth\" = { comment = \"no answer given\" }\n\"f.sixth\" = { answer = \"no\", note = \"typo\" }\n";
    auto errors = errors_of(text);
    BOOST_REQUIRE(errors.size() == 2u);
    BOOST_TEST(errors[0].message.find("answers.e.fifth: expected a key 'answer'") == 0u);
    BOOST_TEST(errors[1].message.find("unknown key 'note'") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(the_bundled_sample_city_loads) {
    Edition e = load_edition(testing::source_root() / "samples/cities/valmora-2026.toml");
    BOOST_TEST(e.city.name == "Valmora");
    BOOST_TEST(!e.answers.empty());
}
