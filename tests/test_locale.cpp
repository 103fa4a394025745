#include <boost/test/unit_test.hpp>

#include "charts/chart_style.h"
#include "support/bidi.h"
#include "support/locale.h"

#include <algorithm>
#include <filesystem>
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
    // The wording; the isolates around the values are every_interpolated_value_is_isolated's.
    auto sample = [&](std::int64_t n) { return without_isolates(en.format("report.cover.sample", {{"count", n}})); };
    BOOST_TEST(sample(1) == "A comparison with 1 city");
    BOOST_TEST(sample(160) == "A comparison between 160 cities");
    Catalog fr = Catalog::load(data(), "fr");
    BOOST_TEST(without_isolates(fr.format("report.cover.sample", {{"count", std::int64_t{1}}})) ==
               "Une comparaison avec 1 ville");
    BOOST_TEST(without_isolates(fr.format("report.cover.sample", {{"count", std::int64_t{2}}})) ==
               "Une comparaison entre 2 villes");
}

BOOST_AUTO_TEST_CASE(ordinals_and_ties_in_both_languages) {
    Catalog en = Catalog::load(data(), "en");
    Catalog fr = Catalog::load(data(), "fr");
    auto rank = [](const Catalog& c, std::int64_t r, std::int64_t n, const char* tied) {
        return without_isolates(c.format(
            "report.overall.rank", {{"city", std::string("Lyra")}, {"rank", r}, {"count", n}, {"tied", std::string(tied)}}));
    };
    BOOST_TEST(rank(en, 1, 1, "no") == "Lyra ranks 1st of 1 city in the sample.");
    BOOST_TEST(rank(en, 2, 10, "no") == "Lyra ranks 2nd of 10 cities in the sample.");
    BOOST_TEST(rank(en, 3, 10, "yes") == "Lyra ranks 3rd of 10 cities in the sample, a rank it shares with other cities.");
    BOOST_TEST(rank(en, 11, 160, "no") == "Lyra ranks 11th of 160 cities in the sample.");
    BOOST_TEST(rank(en, 22, 160, "no") == "Lyra ranks 22nd of 160 cities in the sample.");
    BOOST_TEST(rank(fr, 1, 160, "no") == "Lyra se classe au 1er rang sur 160 villes de l’échantillon.");
    BOOST_TEST(rank(fr, 2, 160, "no") == "Lyra se classe au 2e rang sur 160 villes de l’échantillon.");
}

BOOST_AUTO_TEST_CASE(comparisons_with_the_average_read_right) {
    Catalog en = Catalog::load(data(), "en");
    auto sentence = [&](const char* comparison) {
        return without_isolates(en.format("report.area.rate", {{"city", std::string("Lyra")},
                                                                {"rate", std::string("40.0%")},
                                                                {"average", std::string("50.0%")},
                                                                {"comparison", std::string(comparison)}}));
    };
    BOOST_TEST(sentence("lower") ==
               "Lyra reaches an achievement rate of 40.0% in this area, below the sample average of 50.0%.");
    BOOST_TEST(sentence("higher").find("above the sample average") != std::string::npos);
    BOOST_TEST(sentence("equal").find("equal to the sample average") != std::string::npos);
    Catalog fr = Catalog::load(data(), "fr");
    const std::string lower = fr.format("report.area.rate", {{"city", std::string("Lyra")},
                                                             {"rate", std::string("40,0 %")},
                                                             {"average", std::string("50,0 %")},
                                                             {"comparison", std::string("lower")}});
    BOOST_TEST(lower.find("inférieur à la moyenne de l’échantillon") != std::string::npos);
}

// Labels written to stand alone, joined mid-sentence (meta.list_items).
BOOST_AUTO_TEST_CASE(labels_joined_mid_sentence_follow_the_languages_case_rule) {
    const std::vector<std::string> en_labels{"Speeches of the mayor", "The city’s website", "EU funds", "Parks"};
    BOOST_TEST(Catalog::load(data(), "en").list_of_labels(en_labels) ==
               "Speeches of the mayor, the city’s website, EU funds and parks");
    BOOST_TEST(Catalog::load(data(), "en").list(en_labels) ==
               "Speeches of the mayor, The city’s website, EU funds and Parks");  // names stay as written
    BOOST_TEST(Catalog::load(data(), "fr").list_of_labels({"Les écoles", "Évènements sportifs"}) ==
               "Les écoles et évènements sportifs");
    BOOST_TEST(Catalog::load(data(), "el").list_of_labels({"Σχολεία", "Πάρκα"}) == "Σχολεία και πάρκα");
    // German nouns keep their capital.
    BOOST_TEST(Catalog::load(data(), "de").list_of_labels({"Schulen", "Sportvereine"}) == "Schulen und Sportvereine");
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
    auto file = dir.write("xx.toml", testing::locale_meta("en") + "[a]\nbroken = \"{count, plural, one {x}\"\n");
    try {
        (void)Catalog::load_file(file, "xx");
        BOOST_FAIL("expected DiagnosticError");
    } catch (const DiagnosticError& e) {
        BOOST_TEST(e.diagnostics().front().where.line == 11);
        BOOST_TEST(e.diagnostics().front().message.find("key 'a.broken': invalid ICU message pattern") == 0u);
    }
}

BOOST_AUTO_TEST_CASE(unknown_language_is_a_clear_error) {
    BOOST_CHECK_THROW(Catalog::load(data(), "tlh"), DiagnosticError);
}

// docs/scoring.md: figures round half away from zero. ICU's own default is
// half to even (52.5 -> "52", 2.5 -> "2"), so every ICU number formatter the
// engine makes, the catalog's and the charts', must say otherwise. Checked in
// every language, against the formatting of the value it must round to, so
// the digits, signs and separators of each language do not matter.
namespace {

template <typename Formatter>
void rounds_half_away_from_zero(const Formatter& format, const std::string& lang) {
    BOOST_TEST_CONTEXT("language " << lang) {
        BOOST_TEST(format.percent(52.5, 0) == format.percent(53.0, 0));
        BOOST_TEST(format.percent(52.5, 0) != format.percent(52.0, 0));
        BOOST_TEST(format.percent(-52.5, 0) == format.percent(-53.0, 0));
        BOOST_TEST(format.percent(2.5, 0) == format.percent(3.0, 0));
        BOOST_TEST(format.percent(43.75, 1) == format.percent(43.8, 1));
        BOOST_TEST(format.number(43.75, 1) == format.number(43.8, 1));
        BOOST_TEST(format.number(43.75, 1) != format.number(43.7, 1));
        BOOST_TEST(format.number(-43.75, 1) == format.number(-43.8, 1));
        BOOST_TEST(format.number(0.5, 0) == format.number(1.0, 0));
        BOOST_TEST(format.number(-0.5, 0) == format.number(-1.0, 0));
    }
}

std::vector<std::string> every_language() {
    std::vector<std::string> languages;
    for (const auto& file : std::filesystem::directory_iterator(data().locales()))
        if (file.path().extension() == ".toml") languages.push_back(file.path().stem().string());
    std::sort(languages.begin(), languages.end());
    return languages;
}

}  // namespace

BOOST_AUTO_TEST_CASE(catalog_numbers_round_half_away_from_zero_in_every_language) {
    const Catalog en = Catalog::load(data(), "en");
    BOOST_TEST(en.percent(52.5, 0) == "53%");
    BOOST_TEST(en.percent(-52.5, 0) == "-53%");
    BOOST_TEST(en.number(43.75, 1) == "43.8");
    BOOST_TEST(en.number(-43.75, 1) == "-43.8");
    const std::vector<std::string> languages = every_language();
    BOOST_TEST(languages.size() >= 5u);
    for (const std::string& lang : languages) rounds_half_away_from_zero(Catalog::load(data(), lang), lang);
}

BOOST_AUTO_TEST_CASE(chart_labels_round_half_away_from_zero_in_every_language) {
    for (const std::string& lang : every_language()) {
        const Catalog catalog = Catalog::load(data(), lang);
        charts::ChartLocale locale;
        locale.language = lang;
        locale.icu_locale = catalog.icu_locale();
        const charts::ChartWords words(locale);
        rounds_half_away_from_zero(words, lang);
        if (lang == "en") BOOST_TEST(words.percent(52.5, 0) == "53%");
    }
}

// Mixed-direction text (support/bidi.h): every value a message prints is
// isolated, so it keeps its own order whatever the sentence's direction.
BOOST_AUTO_TEST_CASE(every_interpolated_value_is_isolated) {
    const std::string fsi = "\u2068", pdi = "\u2069";
    // A Latin name inside an Arabic sentence, an Arabic name inside an English one.
    const Catalog ar = Catalog::load(data(), "ar");
    const std::string arabic = ar.format("report.figures.heading", {{"city", std::string("Tel Aviv-Yafo")}});
    BOOST_TEST(arabic.find(fsi + "Tel Aviv-Yafo" + pdi) != std::string::npos);
    const Catalog en = Catalog::load(data(), "en");
    BOOST_TEST(en.format("report.figures.heading", {{"city", std::string("باب نوارة")}}) ==
               fsi + "باب نوارة" + pdi + " in figures");
    // A date is a value; a country's name too.
    BOOST_TEST(format_message("{d, date, long} · {country}", "en_GB",
                              {{"d", Date{2026, 1, 2}}, {"country", std::string("Israel")}}) ==
               fsi + "2 January 2026" + pdi + " · " + fsi + "Israel" + pdi);
    // A number without a letter is not isolated, the engine's or ICU's: its sign and "%" stay with it.
    BOOST_TEST(format_message("{direction, select, up {+{delta}} other {{delta}}}", "he",
                              {{"direction", std::string("up")}, {"delta", std::string("21")}}) == "+21");
    // Numbers ICU formats in the pattern are not isolated: "20%" stays one number in Hebrew.
    BOOST_TEST(format_message("{min, number, integer}% / {n, plural, other {# x}}", "he",
                              {{"min", std::int64_t{20}}, {"n", std::int64_t{3}}}) == "20% / 3 x");
    // A select's value chooses its branch: not isolated, so it still matches.
    BOOST_TEST(format_message("{c, select, lower {below} other {other}}", "en", {{"c", std::string("lower")}}) ==
               "below");
    // Neighbouring arguments, a quoted apostrophe beside one and quoted braces keep their meaning.
    BOOST_TEST(format_message("{a}{b}", "en", {{"a", std::string("A")}, {"b", std::string("B")}}) ==
               fsi + "A" + pdi + fsi + "B" + pdi);
    BOOST_TEST(format_message("l''{city} '{city}'", "fr", {{"city", std::string("Ville")}}) ==
               "l'" + fsi + "Ville" + pdi + " {city}");
    // Where isolates mean nothing, they go.
    BOOST_TEST(without_isolates(arabic).find("\u2068") == std::string::npos);
    BOOST_TEST(without_isolates(en.format("report.figures.heading", {{"city", std::string("Lyon")}})) ==
               "Lyon in figures");
}

BOOST_AUTO_TEST_CASE(text_for_a_viewer_keeps_its_direction_without_isolates) {
    // An English title that starts with an Arabic name: a LEFT-TO-RIGHT MARK first.
    BOOST_TEST(plain_directional_text("\u2068باب نوارة\u2069 in figures", false) == "\u200Eباب نوارة in figures");
    BOOST_TEST(plain_directional_text("\u2068Lyon\u2069 in figures", false) == "Lyon in figures");
    // An Arabic title that starts with a Latin name: a RIGHT-TO-LEFT MARK.
    BOOST_TEST(plain_directional_text("\u2068Haifa\u2069 بالأرقام", true) == "\u200FHaifa بالأرقام");
    BOOST_TEST(plain_directional_text("باب نوارة", true) == "باب نوارة");
    BOOST_TEST(language_is_right_to_left("ar"));
    BOOST_TEST(language_is_right_to_left("he-IL"));
    BOOST_TEST(language_is_right_to_left("fa"));
    BOOST_TEST(!language_is_right_to_left("fr"));
    BOOST_TEST(!language_is_right_to_left("ja"));
    BOOST_TEST(!language_is_right_to_left(""));
}
