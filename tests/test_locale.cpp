#include <boost/test/unit_test.hpp>

#include "support/locale.h"
#include "test_support.h"

using namespace icc;

namespace {
DataRoot data() { return {testing::source_root()}; }
const std::string nbsp = "\u00a0";
const std::string narrow_nbsp = "\u202f";
}  // namespace

BOOST_AUTO_TEST_CASE(numbers_and_percentages_follow_the_language) {
    Catalog en = Catalog::load(data(), "en");
    Catalog fr = Catalog::load(data(), "fr");
    BOOST_TEST(en.number(1234.5, 1) == "1,234.5");
    BOOST_TEST(en.percent(42.5, 1) == "42.5%");
    BOOST_TEST(fr.number(42.5, 1) == "42,5");
    // French: a (narrow) non-breaking space before % and as the thousands separator.
    std::string percent = fr.percent(42.5, 1);
    BOOST_TEST((percent == "42,5" + narrow_nbsp + "%" || percent == "42,5" + nbsp + "%"));
    std::string thousands = fr.integer(84300);
    BOOST_TEST((thousands == "84" + narrow_nbsp + "300" || thousands == "84" + nbsp + "300"));
}

BOOST_AUTO_TEST_CASE(dates_are_long_and_localized) {
    BOOST_TEST(Catalog::load(data(), "en").date({2026, 11, 22}) == "22 November 2026");
    BOOST_TEST(Catalog::load(data(), "fr").date({2026, 11, 22}) == "22 novembre 2026");
    BOOST_TEST(Catalog::load(data(), "fr").date({2026, 3, 1}) == "1 mars 2026");
}

BOOST_AUTO_TEST_CASE(plural_messages_come_from_the_locale_file) {
    Catalog en = Catalog::load(data(), "en");
    auto intro = [&](std::int64_t n) {
        return en.format("report.answers.intro", {{"city", std::string("Lyra")}, {"count", n}});
    };
    BOOST_TEST(intro(0) == "Lyra has not answered any question yet.");
    BOOST_TEST(intro(1) == "Lyra answered 1 question of the Index questionnaire.");
    BOOST_TEST(intro(86) == "Lyra answered 86 questions of the Index questionnaire.");
    Catalog fr = Catalog::load(data(), "fr");
    BOOST_TEST(fr.format("report.answers.intro", {{"city", std::string("Lyra")}, {"count", std::int64_t{1}}}) ==
               "Lyra a répondu à 1 question du questionnaire de l’Index.");
}

BOOST_AUTO_TEST_CASE(country_names_come_from_icu) {
    BOOST_TEST(Catalog::load(data(), "en").country("DE") == "Germany");
    BOOST_TEST(Catalog::load(data(), "fr").country("DE") == "Allemagne");
}

BOOST_AUTO_TEST_CASE(missing_keys_and_bad_patterns_are_diagnosed) {
    Catalog en = Catalog::load(data(), "en");
    try {
        (void)en.text("report.no_such_key");
        BOOST_FAIL("expected DiagnosticError");
    } catch (const DiagnosticError& e) {
        BOOST_TEST(std::string(e.what()).find("missing key 'report.no_such_key' in locale 'en'") != std::string::npos);
    }
    testing::TempDir dir;
    auto file = dir.write("xx.toml", "[meta]\nicu_locale = \"en\"\n[a]\nbroken = \"{count, plural, one {x}\"\n");
    try {
        (void)Catalog::load_file(file, "xx");
        BOOST_FAIL("expected DiagnosticError");
    } catch (const DiagnosticError& e) {
        BOOST_TEST(e.diagnostics().front().where.line == 4);
        BOOST_TEST(e.diagnostics().front().message.find("key 'a.broken': invalid ICU message pattern") == 0u);
    }
}

BOOST_AUTO_TEST_CASE(unknown_language_is_a_clear_error) {
    BOOST_CHECK_THROW(Catalog::load(data(), "tlh"), DiagnosticError);
}
