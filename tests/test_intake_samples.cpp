// The showcase cities' answers as filled questionnaires (samples/questionnaires/,
// written by `iccreport questionnaire --city`, each in the city's language):
// importing each gives the city's latest edition as the TOML file says it,
// every answer, fact and comment.
#include <boost/test/unit_test.hpp>

#include "load/edition.h"
#include "load/questionnaire.h"
#include "support/data_root.h"
#include "test_support.h"

using namespace icc;
using testing::run;
namespace fs = std::filesystem;

namespace {

const Questionnaire& questionnaire() {
    static const Questionnaire q = Questionnaire::bundled(DataRoot{testing::source_root()});
    return q;
}

void same_answers(const std::vector<Answer>& imported, const std::vector<Answer>& written) {
    BOOST_TEST_REQUIRE(imported.size() == written.size());
    for (std::size_t i = 0; i < written.size(); ++i) {
        BOOST_TEST(imported[i].question == written[i].question);
        // Numbers compare as numbers (a TOML 8.4 and a cell's 8.4), everything else as written.
        BOOST_TEST(answer_text(imported[i].value) == answer_text(written[i].value), written[i].question);
        BOOST_TEST(imported[i].comment == written[i].comment, written[i].question);
    }
}

void check(const std::string& xlsx, const std::string& toml) {
    testing::TempDir dir;
    const fs::path out = dir / "edition.toml";
    const fs::path samples = testing::source_root() / "samples";
    const auto result = run(testing::iccreport() + " import " + (samples / "questionnaires" / xlsx).string() +
                            " --out " + out.string());
    BOOST_TEST_REQUIRE(result.exit_code == 0, result.err);
    const Edition imported = load_edition(out, questionnaire());
    const Edition written = load_edition(samples / "network" / toml, questionnaire());
    BOOST_TEST(imported.city.id == written.city.id);
    BOOST_TEST(imported.city.name == written.city.name);
    BOOST_TEST(imported.city.country == written.city.country);
    BOOST_TEST(imported.date.iso() == written.date.iso());
    BOOST_TEST(imported.questionnaire == written.questionnaire);
    same_answers(imported.facts, written.facts);
    same_answers(imported.answers, written.answers);
}

}  // namespace

BOOST_AUTO_TEST_CASE(valmora_portuguese_questionnaire_is_its_edition) {
    check("valmora-2026-03-15.pt.xlsx", "valmora/2026-03-15.toml");
}

BOOST_AUTO_TEST_CASE(marvege_french_questionnaire_is_its_edition) {
    check("marvege-2025-05-20.fr.xlsx", "marvege/2025-05-20.toml");
}

BOOST_AUTO_TEST_CASE(quellmark_german_questionnaire_is_its_edition) {
    check("quellmark-2024-10-07.de.xlsx", "quellmark/2024-10-07.toml");
}
