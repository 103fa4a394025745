// `iccreport new`: the edition skeleton for a text editor. Every question is
// present and commented out with its wording and what it accepts; with some
// lines uncommented the file loads as an edition.
#include <boost/test/unit_test.hpp>

#include "load/edition.h"
#include "load/questionnaire.h"
#include "support/data_root.h"
#include "test_support.h"

using namespace icc;
using testing::run;

namespace {

const Questionnaire& questionnaire() {
    static const Questionnaire q = Questionnaire::bundled(DataRoot{testing::source_root()});
    return q;
}

void uncomment(std::string& text, const std::string& line, const std::string& replacement) {
    const auto at = text.find("\n# " + line + "\n");
    BOOST_TEST_REQUIRE(at != std::string::npos, line);
    text.replace(at + 1, line.size() + 2, replacement);
}

}  // namespace

BOOST_AUTO_TEST_CASE(every_question_is_present_commented_out_with_its_wording) {
    testing::TempDir dir;
    const auto file = dir / "lunel.toml";
    const auto result = run(testing::iccreport() + " new lunel --date 2026-09-30 --lang fr --name Lunel --country FR --out " +
                            file.string());
    BOOST_TEST_REQUIRE(result.exit_code == 0, result.err);
    const std::string text = testing::slurp(file);
    for (const Question& question : questionnaire().questions()) {
        const std::string key = question.area.empty() ? question.city_key() : question.id.substr(question.area.size() + 1);
        BOOST_TEST(text.find("\n# " + key + " = ") != std::string::npos, question.id);
    }
    BOOST_TEST(text.find("[answers.commitment]\n") != std::string::npos);
    BOOST_TEST(text.find("# Le conseil municipal a-t-il adopté") != std::string::npos, text.substr(0, 3000));
    BOOST_TEST(text.find("\"partly\" = En partie") != std::string::npos);
    // The city's languages may be left out: a commented line with the skeleton's language, after the country.
    BOOST_TEST(text.find("country = \"FR\"\n# Langues dans lesquelles la ville lit ses rapports\n# languages = [\"fr\"]\n") !=
               std::string::npos, text.substr(0, 1500));
    // A skeleton with nothing uncommented is an edition without answers, and it says so when loaded.
    BOOST_TEST(text.find("date = 2026-09-30\n") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(with_some_answers_uncommented_the_skeleton_loads) {
    testing::TempDir dir;
    const auto file = dir / "lunel.toml";
    BOOST_TEST_REQUIRE(run(testing::iccreport() + " new lunel --date 2026-09-30 --name Lunel --country FR --out " +
                           file.string())
                           .exit_code == 0);
    std::string text = testing::slurp(file);
    uncomment(text, "languages = [\"en\"]", "languages = [\"fr\", \"en\"]");
    uncomment(text, "population = 1", "population = 41200");
    uncomment(text, "foreign_born_percent = 0", "foreign_born_percent = 12.5");
    uncomment(text, "statement = \"yes\"", "statement = \"partly\"");
    uncomment(text, "communication = [\"speeches\"]", "communication = [\"speeches\", \"website\"]");
    std::ofstream(file, std::ios::binary) << text;
    const Edition edition = load_edition(file, questionnaire());
    BOOST_TEST(edition.city.id == "lunel");
    BOOST_TEST(edition.city.population == 41200);
    BOOST_TEST(edition.city.languages == (std::vector<std::string>{"fr", "en"}));
    BOOST_TEST(edition.answers.size() == 2u);
    BOOST_TEST(answer_text(edition.find("commitment.communication")->value) == "speeches, website");
}

BOOST_AUTO_TEST_CASE(a_skeleton_never_replaces_a_file) {
    testing::TempDir dir;
    const auto file = dir.write("lunel.toml", "# answers\n");
    const auto result = run(testing::iccreport() + " new lunel --date 2026-09-30 --out " + file.string());
    BOOST_TEST(result.exit_code == 1);
    BOOST_TEST(result.err.find("the file exists") != std::string::npos, result.err);
    BOOST_TEST(testing::slurp(file) == "# answers\n");
}
