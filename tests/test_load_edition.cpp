#include <boost/test/unit_test.hpp>

#include "load/edition.h"
#include "load/network.h"
#include "load/questionnaire.h"
#include "test_support.h"

using namespace icc;

namespace {
// Syntax only: question ids are not checked without a questionnaire.
const char* free_edition = R"(
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

// A valid edition of the bundled questionnaire; tests break one line at a time.
const std::string valid_edition = R"([city]
id = "testville"
name = "Testville"
country = "FR"
population = 120000
foreign_born_percent = 12.5
main_origins = "Morocco, Portugal"

[edition]
date = 2025-06-30
questionnaire = "2019"

[answers.commitment]
statement = { answer = "yes", comment = "Adopted in 2024" }
strategy = "partly"
coordination = "unit"
communication = ["website", "events"]

[answers.language]
languages_taught = 4

[answers.intelligence]
trained_staff = 12.5

[answers]
"participation.examples" = "A citizens' panel in 2024."
)";

const Questionnaire& questionnaire() {
    static const Questionnaire loaded = Questionnaire::bundled(DataRoot{testing::source_root()});
    return loaded;
}

std::vector<Diagnostic> errors_of(const std::string& text, bool validate = false) {
    testing::TempDir dir;
    auto path = dir.write("edition.toml", text);
    try {
        if (validate)
            load_edition(path, questionnaire());
        else
            load_edition(path);
    } catch (const DiagnosticError& e) {
        return e.diagnostics();
    }
    return {};
}

std::vector<Diagnostic> validation_errors(const std::string& text) { return errors_of(text, true); }

std::string replaced(std::string text, const std::string& from, const std::string& to) {
    const auto at = text.find(from);
    BOOST_TEST_REQUIRE(at != std::string::npos, "test text lacks: " + from);
    return text.replace(at, from.size(), to);
}

int line_of(const std::string& text, const std::string& needle) {
    const auto at = text.find(needle);
    return 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(at), '\n'));
}

std::string joined(const std::vector<Diagnostic>& diagnostics) {
    std::string all;
    for (const auto& d : diagnostics) all += d.to_string() + "\n";
    return all;
}
}  // namespace

BOOST_AUTO_TEST_CASE(loads_city_edition_and_answers_in_id_order) {
    testing::TempDir dir;
    Edition e = load_edition(dir.write("edition.toml", free_edition));
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
    BOOST_REQUIRE(e.facts.size() == 2u);
    BOOST_TEST(e.facts[0].question == "city.foreign_born_percent");
    BOOST_TEST(e.facts[1].question == "city.population");
}

BOOST_AUTO_TEST_CASE(answers_grouped_by_area_and_quoted_ids_are_the_same) {
    testing::TempDir dir;
    Edition e = load_edition(dir.write("edition.toml", valid_edition), questionnaire());
    BOOST_TEST_REQUIRE(e.find("commitment.statement") != nullptr);
    BOOST_TEST(e.find("commitment.statement")->comment == "Adopted in 2024");
    BOOST_TEST(answer_text(e.find("commitment.communication")->value) == "website, events");
    BOOST_TEST(answer_text(e.find("participation.examples")->value) == "A citizens' panel in 2024.");
    BOOST_TEST(answer_text(e.find("city.main_origins")->value) == "Morocco, Portugal");
    BOOST_TEST(e.find("commitment.budget") == nullptr);
    BOOST_TEST(e.answers.size() == 7u);
}

BOOST_AUTO_TEST_CASE(malformed_toml_names_line_and_column) {
    auto errors = errors_of("[city]\nid = \"x\"\nname = \"unterminated\n");
    BOOST_REQUIRE(errors.size() == 1u);
    BOOST_TEST(errors[0].where.line == 3);
    BOOST_TEST(errors[0].where.column > 0);
    BOOST_TEST(errors[0].message.find("invalid TOML") == 0u);
}

BOOST_AUTO_TEST_CASE(every_type_error_is_reported_in_one_run) {
    std::string text = replaced(valid_edition, "population = 120000", "population = \"many\"");
    text = replaced(text, "date = 2025-06-30", "date = \"June\"");
    text = replaced(text, "country = \"FR\"", "country = \"France\"");
    auto errors = validation_errors(text);
    BOOST_REQUIRE(errors.size() == 3u);
    const std::string all = joined(errors);
    BOOST_TEST(all.find("city.population: expected a whole number of at least 1 (or \"unknown\"), found the text \"many\"") !=
               std::string::npos);
    BOOST_TEST(all.find("edition.date: expected a date (e.g. 2026-03-15), found the string \"June\"") != std::string::npos);
    BOOST_TEST(all.find("city.country: expected a two-letter ISO 3166 code") != std::string::npos);
    // In line order: country (line 4), population (line 5), date (line 10).
    BOOST_TEST(errors[0].where.line == 4);
    BOOST_TEST(errors[1].where.line == 5);
    BOOST_TEST(errors[2].where.line == 10);
}

BOOST_AUTO_TEST_CASE(missing_tables_and_keys_are_named) {
    auto errors = validation_errors("[city]\nid = \"x\"\n");
    const std::string all = joined(errors);
    BOOST_TEST(all.find("edition: missing; expected a table [edition]") != std::string::npos);
    BOOST_TEST(all.find("city.name: missing; expected a string") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(answer_tables_need_an_answer_and_known_keys) {
    std::string text = free_edition;
    text += "\"e.fifth\" = { comment = \"no answer given\" }\n\"f.sixth\" = { answer = \"no\", note = \"typo\" }\n";
    auto errors = errors_of(text);
    BOOST_REQUIRE(errors.size() == 2u);
    BOOST_TEST(errors[0].message.find("answers.e.fifth.answer: missing; expected the answer next to its comment") == 0u);
    BOOST_TEST(errors[1].message.find("unknown key 'note'") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(the_bundled_sample_city_loads_and_validates) {
    Edition e = load_edition(testing::source_root() / "samples/network/valmora/2026-03-15.toml", questionnaire());
    BOOST_TEST(e.city.name == "Valmora");
    BOOST_TEST(e.city.population == 84300);
    BOOST_TEST(e.city.foreign_born_percent == 8.4);
    BOOST_TEST(!e.answers.empty());
}

BOOST_AUTO_TEST_CASE(a_valid_edition_has_no_errors) { BOOST_TEST(validation_errors(valid_edition).empty()); }

// ------------------------------------------------------ validation errors

BOOST_AUTO_TEST_CASE(unknown_question_id_is_named_with_a_suggestion) {
    const std::string text = replaced(valid_edition, "strategy = \"partly\"", "stratgy = \"partly\"");
    auto errors = validation_errors(text);
    BOOST_REQUIRE(errors.size() == 1u);
    BOOST_TEST(errors[0].where.line == line_of(text, "stratgy"));
    BOOST_TEST(errors[0].where.column == 11);
    BOOST_TEST(errors[0].to_string().find("edition.toml:" + std::to_string(errors[0].where.line) +
                                          ":11: error: answers.commitment.stratgy: unknown question "
                                          "\"commitment.stratgy\" in questionnaire 2019\nhelp: did you mean "
                                          "\"commitment.strategy\"?") != std::string::npos);
    BOOST_TEST((errors[0].where.end_line == errors[0].where.line && errors[0].where.end_column == 19));  // "partly"
}

BOOST_AUTO_TEST_CASE(wrong_answer_type_says_what_was_expected_and_found) {
    auto errors = validation_errors(replaced(valid_edition, "strategy = \"partly\"", "strategy = 2"));
    BOOST_REQUIRE(errors.size() == 1u);
    BOOST_TEST(errors[0].message == "answers.commitment.strategy: expected \"yes\", \"partly\" or \"no\" (or \"unknown\"), "
                                    "found the integer 2");
    errors = validation_errors(replaced(valid_edition, "communication = [\"website\", \"events\"]", "communication = \"website\""));
    BOOST_REQUIRE(errors.size() == 1u);
    BOOST_TEST(errors[0].message.find("answers.commitment.communication: expected a list of options from \"speeches\", "
                                      "\"website\"") == 0u);
    BOOST_TEST(errors[0].message.find("found the text \"website\"") != std::string::npos);
    errors = validation_errors(replaced(valid_edition, "languages_taught = 4", "languages_taught = 4.5"));
    BOOST_REQUIRE(errors.size() == 1u);
    BOOST_TEST(errors[0].message ==
               "answers.language.languages_taught: expected a whole number between 0 and 300 (or \"unknown\"), found the number 4.5");
    errors = validation_errors(replaced(valid_edition, "\"participation.examples\" = \"A citizens' panel in 2024.\"",
                                        "\"participation.examples\" = true"));
    BOOST_REQUIRE(errors.size() == 1u);
    BOOST_TEST(errors[0].message == "answers.participation.examples: expected a text (a string), found the boolean true");
}

BOOST_AUTO_TEST_CASE(option_not_in_the_list_is_named) {
    auto errors = validation_errors(replaced(valid_edition, "coordination = \"unit\"", "coordination = \"committee\""));
    BOOST_REQUIRE(errors.size() == 1u);
    BOOST_TEST(errors[0].message == "answers.commitment.coordination: \"committee\" is not an option of this question; "
                                    "expected one of \"none\", \"informal\", \"unit\", \"cross_department\" (or \"unknown\")");
    errors = validation_errors(replaced(valid_edition, "[\"website\", \"events\"]", "[\"website\", \"tv\", \"website\"]"));
    BOOST_REQUIRE(errors.size() == 2u);
    BOOST_TEST(errors[0].message.find("answers.commitment.communication: \"tv\" is not an option") == 0u);
    BOOST_TEST(errors[1].message == "answers.commitment.communication: option \"website\" is listed twice");
    // not_applicable only where the questionnaire allows it.
    errors = validation_errors(replaced(valid_edition, "strategy = \"partly\"", "strategy = \"not_applicable\""));
    BOOST_REQUIRE(errors.size() == 1u);
    BOOST_TEST(errors[0].message.find("answers.commitment.strategy: \"not_applicable\" is not accepted for this question") == 0u);
    BOOST_TEST(validation_errors(valid_edition + "\"public_space.dominated_spaces\" = \"not_applicable\"\n").empty());
    BOOST_TEST(validation_errors(replaced(valid_edition, "strategy = \"partly\"", "strategy = \"unknown\"")).empty());
}

BOOST_AUTO_TEST_CASE(number_out_of_range_is_named) {
    auto errors = validation_errors(replaced(valid_edition, "languages_taught = 4", "languages_taught = 400"));
    BOOST_REQUIRE(errors.size() == 1u);
    BOOST_TEST(errors[0].message == "answers.language.languages_taught: number out of range; expected a whole number "
                                    "between 0 and 300, found 400");
    errors = validation_errors(replaced(valid_edition, "population = 120000", "population = 0"));
    BOOST_REQUIRE(errors.size() == 1u);
    BOOST_TEST(errors[0].message == "city.population: number out of range; expected a whole number of at least 1, found 0");
}

BOOST_AUTO_TEST_CASE(percentage_over_100_is_named) {
    auto errors = validation_errors(replaced(valid_edition, "trained_staff = 12.5", "trained_staff = 112.5"));
    BOOST_REQUIRE(errors.size() == 1u);
    BOOST_TEST(errors[0].message == "answers.intelligence.trained_staff: percentage over 100; expected a percentage "
                                    "between 0 and 100, found 112.5");
    errors = validation_errors(replaced(valid_edition, "foreign_born_percent = 12.5", "foreign_born_percent = 101"));
    BOOST_REQUIRE(errors.size() == 1u);
    BOOST_TEST(errors[0].message.find("city.foreign_born_percent: percentage over 100") == 0u);
    errors = validation_errors(replaced(valid_edition, "trained_staff = 12.5", "trained_staff = -3"));
    BOOST_REQUIRE(errors.size() == 1u);
    BOOST_TEST(errors[0].message.find("negative percentage") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(missing_required_fact_is_named) {
    const std::string text = replaced(valid_edition, "foreign_born_percent = 12.5\n", "");
    auto errors = validation_errors(text);
    BOOST_REQUIRE(errors.size() == 1u);
    BOOST_TEST(errors[0].where.line == 1);  // the [city] table
    BOOST_TEST(errors[0].message == "city.foreign_born_percent: missing required fact (question "
                                    "\"city.foreign_born_percent\"); expected a percentage between 0 and 100");
    errors = validation_errors(replaced(valid_edition, "main_origins", "mayor"));
    BOOST_REQUIRE(errors.size() == 1u);
    BOOST_TEST(errors[0].message.find("city.mayor: unknown fact \"mayor\" in [city]; expected one of id, name, country, "
                                      "population, foreign_born_percent") == 0u);
}

BOOST_AUTO_TEST_CASE(unknown_questionnaire_version_is_named) {
    auto errors = validation_errors(replaced(valid_edition, "questionnaire = \"2019\"", "questionnaire = \"2017\""));
    BOOST_REQUIRE(errors.size() == 1u);
    BOOST_TEST(errors[0].where.line == 11);
    BOOST_TEST(errors[0].message ==
               "edition.questionnaire: unknown questionnaire version \"2017\"; expected \"2011\" or \"2019\"");
    // The 2011 questionnaire has no extended-index questions.
    errors = validation_errors(replaced(valid_edition, "questionnaire = \"2019\"", "questionnaire = \"2011\""));
    BOOST_REQUIRE(errors.size() == 1u);
    BOOST_TEST(errors[0].message.find("answers.participation.examples: question \"participation.examples\" is not part "
                                      "of questionnaire version \"2011\"") == 0u);
}

BOOST_AUTO_TEST_CASE(every_error_of_a_file_is_reported_in_one_run_in_line_order) {
    std::string text = replaced(valid_edition, "questionnaire = \"2019\"", "questionnaire = \"2017\"");
    text = replaced(text, "coordination = \"unit\"", "coordination = \"committee\"");
    text = replaced(text, "languages_taught = 4", "languages_taught = 400");
    text = replaced(text, "trained_staff = 12.5", "trained_staff = 112.5");
    text = replaced(text, "strategy = \"partly\"", "stratgy = \"partly\"");
    text = replaced(text, "foreign_born_percent = 12.5\n", "");
    auto errors = validation_errors(text);
    BOOST_TEST(errors.size() == 6u);
    for (std::size_t i = 1; i < errors.size(); ++i) BOOST_TEST(errors[i - 1].where.line <= errors[i].where.line);
}

BOOST_AUTO_TEST_CASE(duplicate_edition_for_the_same_city_and_date_is_named) {
    testing::TempDir dir;
    std::filesystem::create_directories(dir / "net/testville");
    dir.write("net/testville/2025-06-30.toml", valid_edition);
    dir.write("net/testville/copy.toml", valid_edition);
    dir.write("net/testville/2021-01-10.toml", replaced(valid_edition, "2025-06-30", "2021-01-10"));
    try {
        load_network(dir / "net", questionnaire());
        BOOST_FAIL("expected DiagnosticError");
    } catch (const DiagnosticError& e) {
        BOOST_REQUIRE(e.diagnostics().size() == 1u);
        const Diagnostic& d = e.diagnostics()[0];
        BOOST_TEST(d.where.file == (dir / "net/testville/copy.toml").string());
        BOOST_TEST(d.where.line == 10);
        BOOST_TEST(d.message == "duplicate edition: city \"testville\" already has an edition dated 2025-06-30 in " +
                                    (dir / "net/testville/2025-06-30.toml").string() +
                                    "; expected one file per city and date");
        BOOST_REQUIRE(d.notes.size() == 1u);
        BOOST_TEST(d.notes[0].where.file == (dir / "net/testville/2025-06-30.toml").string());
        BOOST_TEST(d.notes[0].where.line == 10);
    }
}

BOOST_AUTO_TEST_CASE(a_network_reports_the_errors_of_every_file) {
    testing::TempDir dir;
    std::filesystem::create_directories(dir / "net");
    dir.write("net/a.toml", replaced(valid_edition, "languages_taught = 4", "languages_taught = 400"));
    dir.write("net/b.toml", replaced(replaced(valid_edition, "testville", "otherville"), "strategy = \"partly\"",
                                     "strategy = 2"));
    dir.write("net/c.toml", "[city\n");
    try {
        load_network(dir / "net", questionnaire());
        BOOST_FAIL("expected DiagnosticError");
    } catch (const DiagnosticError& e) {
        BOOST_REQUIRE(e.diagnostics().size() == 3u);
        BOOST_TEST(e.diagnostics()[0].where.file == (dir / "net/a.toml").string());
        BOOST_TEST(e.diagnostics()[1].where.file == (dir / "net/b.toml").string());
        BOOST_TEST(e.diagnostics()[2].message.find("invalid TOML") == 0u);
    }
}

// docs/response-format.md shows Valmora's file in full, and must stay in step with it.
BOOST_AUTO_TEST_CASE(the_documented_example_is_the_valmora_file) {
    const std::string doc = testing::slurp(testing::source_root() / "docs/response-format.md");
    const std::string file = testing::slurp(testing::source_root() / "samples/network/valmora/2026-03-15.toml");
    const std::string opening = "## A complete example";
    const auto section = doc.find(opening);
    BOOST_TEST_REQUIRE(section != std::string::npos);
    const auto begin = doc.find("```toml\n", section);
    BOOST_TEST_REQUIRE(begin != std::string::npos);
    const auto end = doc.find("```", begin + 8);
    BOOST_TEST(doc.substr(begin + 8, end - begin - 8) == file);
    // It answers every question of the questionnaire.
    const Edition e = load_edition(testing::source_root() / "samples/network/valmora/2026-03-15.toml", questionnaire());
    for (const Question& q : questionnaire().questions()) BOOST_TEST_CONTEXT(q.id) { BOOST_TEST(e.find(q.id) != nullptr); }
}

BOOST_AUTO_TEST_CASE(a_question_answered_twice_is_named) {
    const std::string text = valid_edition + "\"commitment.statement\" = \"no\"\n";
    auto errors = validation_errors(text);
    BOOST_REQUIRE(errors.size() == 1u);
    BOOST_TEST(errors[0].where.line == line_of(text, "\"commitment.statement\" = \"no\""));
    BOOST_TEST(errors[0].message == "answers.commitment.statement: answered twice; expected one answer per question");
    BOOST_REQUIRE(errors[0].notes.size() == 1u);
    BOOST_TEST(errors[0].notes[0].message == "first answered here");
    BOOST_TEST(errors[0].notes[0].where.line == line_of(text, "statement = { answer"));
}
