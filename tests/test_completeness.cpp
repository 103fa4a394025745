// Completeness is visible: unanswered questions are warned about with their
// ids and places (score, report, build), errors with check --strict; a
// report of an edition with too few answers is refused unless forced; the
// method section counts the answers; comments on facts reach the report.
#include <boost/test/unit_test.hpp>

#include <regex>
#include <set>
#include <sstream>

#include "driver/check.h"
#include "driver/pipeline.h"
#include "load/completeness.h"
#include "sample_engine.h"
#include "support/bidi.h"

using namespace icc;
using testing::run;
namespace fs = std::filesystem;

namespace {

std::string iccreport(const std::string& arguments) { return testing::iccreport() + " " + arguments; }

const DataRoot& data() { return testing::source_data(); }
const Questionnaire& questionnaire() { return testing::bundled_questionnaire(); }

// A new city's edition: its required facts, and `answers` after them.
std::string edition_text(const std::string& answers, const std::string& version = "2019",
                         const std::string& facts = "") {
    return "[city]\nid = \"lunel\"\nname = \"Lunel\"\ncountry = \"FR\"\npopulation = 41200\n"
           "foreign_born_percent = 12.5\n" + facts + "\n[edition]\ndate = 2026-09-30\nquestionnaire = \"" + version +
           "\"\n" + answers;
}

// Every scored question of the 2019 questionnaire answered "no", but the ones in `skip`.
std::string answered_no(const std::set<std::string>& skip) {
    std::string text = "\n[answers]\n";
    for (const Question& question : questionnaire().questions()) {
        if (question.area.empty() || skip.count(question.id) || question.type != AnswerType::yes_partly_no) continue;
        text += "\"" + question.id + "\" = \"no\"\n";
    }
    return text;
}

std::string plain_text_of(const Document& document) {
    std::string text;
    for (const Block& block : document.blocks)
        if (const auto* paragraph = std::get_if<ParagraphBlock>(&block))
            for (const TextRun& run : paragraph->text) text += run.text + (&run == &paragraph->text.back() ? "\n" : "");
    return without_isolates(text);  // the words, without the isolates around values (support/bidi.h)
}

}  // namespace

BOOST_AUTO_TEST_CASE(an_edition_with_facts_only_answers_none_of_the_areas_questions) {
    testing::TempDir dir;
    const Edition edition = load_edition(dir.write("lunel.toml", edition_text("")), questionnaire());
    const Completeness completeness = completeness_of(edition, questionnaire());
    BOOST_TEST(completeness.asked == static_cast<int>(questionnaire().questions().size()));
    BOOST_TEST(completeness.answered == 2);  // population and foreign_born_percent
    BOOST_TEST(completeness.scored_answered == 0);
    BOOST_TEST(completeness.scored_percent() == 0.0);
    const auto warnings = unanswered_diagnostics(edition, questionnaire());
    BOOST_TEST(warnings.size() == questionnaire().questions().size() - 2);
    // A fact belongs in [city], at line 1; an area without a table, in the file.
    const std::string all = [&] {
        std::string text;
        for (const Diagnostic& d : warnings) text += d.to_string() + "\n";
        return text;
    }();
    BOOST_TEST(all.find("lunel.toml:1:1: warning: city.national_minorities: not answered; expected an answer, or "
                        "\"unknown\" when the city does not know\nhelp: answer it with national_minorities = ... in "
                        "[city]") != std::string::npos,
               all);
    BOOST_TEST(all.find("lunel.toml: warning: answers.commitment.statement: not answered (it earns no points)") !=
               std::string::npos);
}

BOOST_AUTO_TEST_CASE(an_unanswered_question_is_placed_at_its_areas_table) {
    testing::TempDir dir;
    const fs::path file =
        dir.write("lunel.toml", edition_text("\n[answers.commitment]\nstatement = \"yes\"\nstrategy = \"no\"\n"));
    const Edition edition = load_edition(file, questionnaire());
    const auto warnings = unanswered_diagnostics(edition, questionnaire());
    const auto budget = std::find_if(warnings.begin(), warnings.end(), [](const Diagnostic& d) {
        return d.message.rfind("answers.commitment.budget:", 0) == 0;
    });
    BOOST_REQUIRE(budget != warnings.end());
    BOOST_TEST(budget->where.line == 12);  // [answers.commitment]
    BOOST_TEST((budget->severity == Severity::warning));
    BOOST_TEST(std::none_of(warnings.begin(), warnings.end(), [](const Diagnostic& d) {
        return d.message.rfind("answers.commitment.statement:", 0) == 0;
    }));
    // The one-line form names each question with its place.
    const auto summary = unanswered_summary(edition, questionnaire());
    BOOST_REQUIRE(summary.has_value());
    BOOST_TEST(summary->message.find("commitment.budget (" + file.string() + ":12:1)") != std::string::npos,
               summary->message);
}

BOOST_AUTO_TEST_CASE(questions_a_version_does_not_ask_are_not_unanswered) {
    testing::TempDir dir;
    const Edition old = load_edition(dir.write("lunel.toml", edition_text("", "2011")), questionnaire());
    const Completeness completeness = completeness_of(old, questionnaire());
    BOOST_TEST(completeness.asked < static_cast<int>(questionnaire().questions().size()));
    for (const Question* question : completeness.unanswered) BOOST_TEST(question->core);
}

BOOST_AUTO_TEST_CASE(score_of_an_edition_warns_about_each_unanswered_question_with_its_place) {
    testing::TempDir dir;
    const fs::path file =
        dir.write("lunel.toml", edition_text("\n[answers.commitment]\nstatement = \"yes\"\n"));
    const auto result = run(iccreport("score " + file.string()));
    BOOST_TEST(result.exit_code == 0, result.err);
    BOOST_TEST(result.err.find(file.string() + ":12:1: warning: answers.commitment.strategy: not answered") !=
               std::string::npos, result.err);
    BOOST_TEST(result.err.find("warning: answers.commitment.statement") == std::string::npos);
    // The network: one line per incomplete city.
    const auto network = run(iccreport("score"));
    BOOST_TEST(network.exit_code == 0);
    BOOST_TEST(network.err.find("samples/network/valmora/2026-03-15.toml: warning:") == std::string::npos);
    BOOST_TEST(std::regex_search(network.err, std::regex("marvege/2025-05-20.toml: warning: 1 of [0-9]+ questions not "
                                                         "answered: city.national_minorities \\(")),
               network.err);
}

BOOST_AUTO_TEST_CASE(a_report_of_too_few_answers_is_refused_unless_forced) {
    testing::TempDir dir;
    const fs::path file = dir.write("lunel.toml", edition_text("\n[answers.commitment]\nstatement = \"yes\"\n"));
    const fs::path pdf = dir / "lunel.pdf";
    const auto refused = run(iccreport("report " + file.string() + " --out " + pdf.string()));
    BOOST_TEST(refused.exit_code == 1);
    BOOST_TEST(refused.err.find(file.string() + ": error: too few answers for a meaningful report: 1 of the ") !=
               std::string::npos, refused.err);
    BOOST_TEST(refused.err.find("expected at least 50%") != std::string::npos);
    BOOST_TEST(refused.err.find("[completeness] minimum_answered_percent of ") != std::string::npos);
    BOOST_TEST(refused.err.find("--force") != std::string::npos);
    BOOST_TEST(!fs::exists(pdf));

    const auto forced = run(iccreport("report " + file.string() + " --force --out " + pdf.string()));
    BOOST_TEST(forced.exit_code == 0, forced.err);
    BOOST_TEST(fs::exists(pdf));
    BOOST_TEST(forced.err.find("warning: answers.commitment.strategy: not answered") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(the_threshold_counts_scored_questions_and_comes_from_the_template) {
    const EngineResources resources = EngineResources::load(data());
    BOOST_TEST(resources.index_template.minimum_answered_percent == 50.0);
    testing::TempDir dir;
    // Every yes/partly/no question answered: well over half of the scored questions.
    const Edition most = load_edition(dir.write("most.toml", edition_text(answered_no({}))), questionnaire());
    BOOST_CHECK_NO_THROW(refuse_if_too_few_answers(resources, most, false));
    const Edition none = load_edition(dir.write("none.toml", edition_text("")), questionnaire());
    BOOST_CHECK_THROW(refuse_if_too_few_answers(resources, none, false), DiagnosticError);
    BOOST_CHECK_NO_THROW(refuse_if_too_few_answers(resources, none, true));
}

BOOST_AUTO_TEST_CASE(the_method_section_says_how_many_questions_were_answered) {
    testing::TempDir dir;
    const fs::path file = dir.write("lunel.toml", edition_text(answered_no({"commitment.statement"})));
    const EngineResources resources = EngineResources::load(data());
    LoadedNetwork loaded = load_network_for(data(), questionnaire(), {}, file, std::nullopt);
    const PreparedCity city(resources, loaded.network, *loaded.subject, std::nullopt);
    const Completeness completeness = completeness_of(city.edition(), questionnaire());
    for (const char* lang : {"en", "fr", "ar", "pl"}) {
        const Catalog catalog = Catalog::load(data(), lang);
        const std::string text = plain_text_of(compose_city_report(resources, city, catalog));
        const std::string expected = without_isolates(catalog.format("report.method.answered",
                                                                     {{"city", std::string("Lunel")},
                                                                      {"answered", std::int64_t{completeness.answered}},
                                                                      {"asked", std::int64_t{completeness.asked}}}));
        BOOST_TEST_CONTEXT(lang) {
            BOOST_TEST(text.find(expected) != std::string::npos);
            BOOST_TEST(expected.find(catalog.integer(completeness.answered)) != std::string::npos);
        }
    }
    BOOST_TEST(plain_text_of(compose_city_report(resources, city, Catalog::load(data(), "en")))
                   .find("Lunel answered " + std::to_string(completeness.answered) + " of the " +
                         std::to_string(completeness.asked) + " questions its edition") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(comments_on_facts_are_printed_under_the_city_in_figures_in_their_language) {
    testing::TempDir dir;
    const std::string comment = "Recensement 2025 <b>provisoire</b> & révisé";
    std::string text = edition_text(answered_no({}), "2019",
                                    "main_origins = { answer = \"Maroc, Portugal\", comment = \"" + comment + "\" }\n");
    text = std::regex_replace(text, std::regex("questionnaire = \"2019\"\n"), "questionnaire = \"2019\"\nlanguage = \"fr\"\n");
    const fs::path file = dir.write("lunel.toml", text);
    const EngineResources resources = EngineResources::load(data());
    LoadedNetwork loaded = load_network_for(data(), questionnaire(), {}, file, std::nullopt);
    const PreparedCity city(resources, loaded.network, *loaded.subject, std::nullopt);
    const Catalog en = Catalog::load(data(), "en");
    const Document document = compose_city_report(resources, city, en);
    bool in_figures = false, value_marked = false, noted = false;
    for (const Block& block : document.blocks) {
        if (const auto* heading = std::get_if<HeadingBlock>(&block)) in_figures = heading->anchor == "city-in-figures";
        if (!in_figures) continue;
        if (const auto* table = std::get_if<TableBlock>(&block))
            for (const TableRow& row : table->rows)
                value_marked = value_marked || without_isolates(row.cells[1].front().text) == "Maroc, Portugal (1)";
        if (const auto* paragraph = std::get_if<ParagraphBlock>(&block)) {
            if (paragraph->text.size() == 2 && paragraph->text[1].text == comment) {
                noted = true;
                BOOST_TEST(paragraph->text[0].text == "(1) ");
                BOOST_TEST(paragraph->language == "fr");  // the edition's language, not the reader's
                BOOST_TEST((paragraph->style == ParagraphStyle::note));
            }
        }
    }
    BOOST_TEST(value_marked);
    BOOST_TEST(noted);
    // Markup in the city's text is printed as written, never interpreted.
    const fs::path pdf = dir / "lunel.pdf";
    BOOST_TEST(render_document(document, FontSet::load(data()), pdf) > 10);
    const std::string printed = std::regex_replace(run("pdftotext '" + pdf.string() + "' -").out,
                                                   std::regex("\\s+"), " ");
    BOOST_TEST(printed.find("Recensement 2025 <b>provisoire</b> & révisé") != std::string::npos, printed);
}

BOOST_AUTO_TEST_CASE(build_warns_per_city_and_refuses_too_few_answers_unless_forced) {
    testing::TempDir dir;
    fs::create_directories(dir / "network" / "valmora");
    fs::create_directories(dir / "network" / "lunel");
    fs::copy_file(testing::source_root() / "samples/network/valmora/2026-03-15.toml",
                  dir / "network" / "valmora" / "2026-03-15.toml");
    dir.write("network/lunel/2026-09-30.toml", edition_text("\n[answers.commitment]\nstatement = \"yes\"\n"));
    const std::string build = "build --network " + (dir / "network").string() + " --lang en --dry-run --out " +
                              (dir / "out").string();
    const auto refused = run(iccreport(build));
    BOOST_TEST(refused.exit_code == 1);
    BOOST_TEST(refused.err.find("lunel/2026-09-30.toml: warning: ") != std::string::npos, refused.err);
    BOOST_TEST(refused.err.find("commitment.strategy (") != std::string::npos);
    BOOST_TEST(refused.err.find("lunel/2026-09-30.toml: error: too few answers for a meaningful report") !=
               std::string::npos);
    BOOST_TEST(refused.out.find("rebuild valmora.en.pdf") != std::string::npos, refused.out);
    const auto forced = run(iccreport(build + " --force"));
    BOOST_TEST(forced.exit_code == 0, forced.err);
    BOOST_TEST(forced.out.find("lunel.en.pdf") != std::string::npos, forced.out);
}

BOOST_AUTO_TEST_CASE(check_strict_makes_each_unanswered_question_an_error) {
    CheckResult result;
    result.unanswered.push_back(Diagnostic{Severity::error, {"a.toml", 3, 1}, "answers.media.strategy: not answered", {}});
    result.incomplete_editions = 1;
    BOOST_TEST(result.ok());  // not strict: a note only
    std::ostringstream relaxed;
    print_check(relaxed, result);
    BOOST_TEST(relaxed.str().find("1 question(s) not answered in 1 edition file(s)") != std::string::npos);
    BOOST_TEST(relaxed.str().find("a.toml:3:1") == std::string::npos);
    result.strict = true;
    BOOST_TEST(!result.ok());
    std::ostringstream strict;
    print_check(strict, result);
    BOOST_TEST(strict.str().find("a.toml:3:1: error: answers.media.strategy: not answered") != std::string::npos);
}
