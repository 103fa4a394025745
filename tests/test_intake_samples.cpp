// The showcase cities' answers as filled questionnaires (samples/questionnaires/,
// written by `iccreport questionnaire --lang L --city CITY`, each in the city's
// language): importing each gives the city's edition as the TOML file says
// it, every answer, fact and comment, the city's languages, the edition's
// language and each comment's.
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

// The language a comment is written in: its own, else its edition's, else (an edition that states none)
// `fallback`, the language the importer gives it.
std::string comment_language(const Edition& edition, const Answer& answer, const std::string& fallback) {
    if (!answer.language.empty()) return answer.language;
    return edition.language.empty() ? fallback : edition.language;
}

void same_answers(const Edition& imported, const Edition& written, const std::vector<Answer> Edition::*answers,
                  const std::string& form_language) {
    const std::vector<Answer>& back = imported.*answers;
    const std::vector<Answer>& given = written.*answers;
    BOOST_TEST_REQUIRE(back.size() == given.size());
    for (std::size_t i = 0; i < given.size(); ++i) {
        BOOST_TEST(back[i].question == given[i].question);
        // Numbers compare as numbers (a TOML 8.4 and a cell's 8.4), everything else as written.
        BOOST_TEST(answer_text(back[i].value) == answer_text(given[i].value), given[i].question);
        BOOST_TEST(back[i].comment == given[i].comment, given[i].question);
        if (!given[i].comment.empty())
            BOOST_TEST(comment_language(imported, back[i], "") == comment_language(written, given[i], form_language),
                       given[i].question);
    }
}

// Imports samples/questionnaires/CITY-DATE.LANG.xlsx and compares it with samples/network/CITY/DATE.toml.
void check(const std::string& city, const std::string& date, const std::string& lang) {
    testing::TempDir dir;
    const fs::path out = dir / "edition.toml";
    const fs::path samples = testing::source_root() / "samples";
    const fs::path xlsx = samples / "questionnaires" / (city + "-" + date + "." + lang + ".xlsx");
    BOOST_TEST_REQUIRE(fs::exists(xlsx), xlsx);
    const auto result = run(testing::iccreport() + " import " + xlsx.string() + " --out " + out.string());
    BOOST_TEST_REQUIRE(result.exit_code == 0, result.err);
    const Edition imported = load_edition(out, questionnaire());
    const Edition written = load_edition(samples / "network" / city / (date + ".toml"), questionnaire());
    BOOST_TEST(imported.city.id == written.city.id);
    BOOST_TEST(imported.city.name == written.city.name);
    BOOST_TEST(imported.city.country == written.city.country);
    BOOST_TEST(!written.city.languages.empty());  // every showcase city states its languages
    BOOST_TEST(imported.city.languages == written.city.languages);
    BOOST_TEST(imported.date.iso() == written.date.iso());
    BOOST_TEST(imported.questionnaire == written.questionnaire);
    // The edition's language is the one the prefilled form records, else the form's own.
    BOOST_TEST(imported.language == (written.language.empty() ? lang : written.language));
    same_answers(imported, written, &Edition::facts, lang);
    same_answers(imported, written, &Edition::answers, lang);
}

}  // namespace

BOOST_AUTO_TEST_CASE(valmora_portuguese_questionnaire_is_its_edition) { check("valmora", "2026-03-15", "pt"); }

BOOST_AUTO_TEST_CASE(marvege_french_questionnaire_is_its_edition) { check("marvege", "2025-05-20", "fr"); }

BOOST_AUTO_TEST_CASE(quellmark_german_questionnaire_is_its_edition) { check("quellmark", "2024-10-07", "de"); }

BOOST_AUTO_TEST_CASE(castelvarra_italian_questionnaire_is_its_edition) { check("castelvarra", "2025-04-14", "it"); }

BOOST_AUTO_TEST_CASE(zlatoriv_ukrainian_questionnaire_is_its_edition) { check("zlatoriv", "2024-11-05", "uk"); }

BOOST_AUTO_TEST_CASE(hoshinagi_japanese_questionnaire_is_its_edition) { check("hoshinagi", "2025-02-20", "ja"); }

BOOST_AUTO_TEST_CASE(bab_nouara_arabic_questionnaire_is_its_edition) { check("bab-nouara", "2024-06-12", "ar"); }

BOOST_AUTO_TEST_CASE(neve_eshkar_hebrew_questionnaire_is_its_edition) { check("neve-eshkar", "2025-01-27", "he"); }
