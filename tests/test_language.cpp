// The language registry: every locale's [meta], read with the typed reader.
#include <boost/test/unit_test.hpp>

#include <tuple>

#include "support/language.h"
#include "support/locale.h"
#include "test_support.h"

using namespace icc;

namespace {
DataRoot data() { return {testing::source_root()}; }

std::string messages(const DiagnosticError& error) {
    std::string out;
    for (const Diagnostic& d : error.diagnostics()) out += d.to_string() + "\n";
    return out;
}

Language language(std::string tag, std::string fallback) {
    Language l;
    l.tag = std::move(tag);
    l.name = l.english_name = l.tag;
    l.fallback = std::move(fallback);
    l.where = {l.tag + ".toml", 1, 1};
    return l;
}
}  // namespace

BOOST_AUTO_TEST_CASE(the_shipped_registry_describes_every_locale) {
    const LanguageRegistry registry = LanguageRegistry::load(data());
    BOOST_TEST(registry.languages().size() >= 15u);
    BOOST_TEST(registry.source().tag == "en");
    BOOST_TEST(registry.official_tags() == (std::vector<std::string>{"en", "fr"}));
    const Language* ar = registry.find("ar");
    BOOST_REQUIRE(ar);
    BOOST_TEST(ar->right_to_left);
    BOOST_TEST(ar->script == "Arab");
    BOOST_TEST(ar->english_name == "Arabic");
    BOOST_TEST(review_status_name(ar->review) == "draft");
    BOOST_TEST(!ar->official);
    BOOST_TEST(review_status_name(registry.find("en")->review) == "reviewed");
    BOOST_TEST(registry.fallback_chain("de") == (std::vector<std::string>{"de", "en"}));
}

BOOST_AUTO_TEST_CASE(regional_tags_fall_back_to_their_language) {
    const LanguageRegistry registry = LanguageRegistry::load(data());
    BOOST_TEST(registry.resolve("fr-CA").tag == "fr");
    BOOST_TEST(registry.resolve("de-CH").tag == "de");
    BOOST_TEST(registry.resolve("pt_BR").tag == "pt");
    BOOST_TEST(registry.resolve("FR").tag == "fr");
    BOOST_CHECK_THROW((void)registry.resolve("sr-Latn-RS"), DiagnosticError);
    BOOST_TEST(registry.resolve("").tag == "en");
    // The catalog goes through the registry too.
    const Catalog swiss = Catalog::load(data(), "de-CH");
    BOOST_TEST(swiss.lang() == "de");
    BOOST_TEST(swiss.icu_locale() == "de_DE");
}

BOOST_AUTO_TEST_CASE(an_unknown_language_lists_the_languages_there_are) {
    const LanguageRegistry registry = LanguageRegistry::load(data());
    try {
        (void)registry.resolve("tlh");
        BOOST_FAIL("expected DiagnosticError");
    } catch (const DiagnosticError& e) {
        const std::string text = messages(e);
        BOOST_TEST(text.find("--lang: error: no language \"tlh\"; languages available: ar, ar-MA, de, el, en,") == 0u, text);
        BOOST_TEST(text.find("the languages there are: ar (العربية, Arabic)") != std::string::npos, text);
        BOOST_TEST(text.find("fr (Français, French)") != std::string::npos);
        BOOST_TEST(text.find("ja (日本語, Japanese)") != std::string::npos);
    }
    const auto run = testing::run(testing::iccreport() + " report " +
                                  (testing::source_root() / "samples/network/valmora/2026-03-15.toml").string() +
                                  " --lang tlh --out /dev/null");
    BOOST_TEST(run.exit_code == 1);
    BOOST_TEST(run.err.find("the languages there are: ar (العربية, Arabic), ar-MA (العربية (المغرب), Arabic (Morocco)), de (Deutsch, German)") != std::string::npos,
               run.err);
}

BOOST_AUTO_TEST_CASE(fallbacks_must_lead_to_one_source_language) {
    auto problems = [](std::vector<Language> languages) {
        try {
            (void)LanguageRegistry::from(std::move(languages));
        } catch (const DiagnosticError& e) {
            return messages(e);
        }
        return std::string();
    };
    BOOST_TEST(problems({language("en", ""), language("fr", "en")}).empty());
    BOOST_TEST(problems({language("en", ""), language("fr", "xx")}).find("fr.toml:1:1: error: meta.fallback: no "
                                                                         "language 'xx'; expected one of en (en), "
                                                                         "fr (fr)") == 0u);
    BOOST_TEST(problems({language("en", ""), language("fr", "de"), language("de", "fr")})
                   .find("go round in a circle") != std::string::npos);
    BOOST_TEST(problems({language("en", ""), language("fr", "")})
                   .find("expected exactly one source language (a locale whose meta.fallback is empty), found 2: en, fr") !=
               std::string::npos);
}

BOOST_AUTO_TEST_CASE(meta_is_read_with_types) {
    testing::TempDir dir;
    const auto file = dir.write("xx.toml", "[meta]\nname = \"X\"\nenglish_name = \"X\"\nicu_locale = \"en_GB\"\n"
                                           "direction = \"sideways\"\nscript = \"latin\"\nfallback = \"en\"\n"
                                           "official = \"false\"\nreview = \"draft\"\nsurname = \"x\"\n");
    try {
        (void)Catalog::load_file(file, "xx");
        BOOST_FAIL("expected DiagnosticError");
    } catch (const DiagnosticError& e) {
        const std::string text = messages(e);
        BOOST_TEST(text.find(":5:13: error: meta.direction: expected \"ltr\" or \"rtl\", found \"sideways\"") !=
                       std::string::npos,
                   text);
        BOOST_TEST(text.find(":6:10: error: meta.script: expected an ISO 15924 script code such as \"Latn\"") !=
                       std::string::npos,
                   text);
        BOOST_TEST(text.find(":8:12: error: meta.official: expected true or false, found the string \"false\"") !=
                       std::string::npos,
                   text);
        BOOST_TEST(text.find(":10:1: error: meta: unknown key 'surname'") != std::string::npos, text);
    }
}

// A regional variant (meta.extends) is a language of its own for readers
// (its tag, its ICU locale, its output files) that takes its base's messages;
// a number its base writes in a message in its own digits is written with
// the variant's: Moroccan Arabic reads Latin digits where Arabic writes
// Arabic-Indic ones, as ICU formats numbers and dates for ar_MA.
BOOST_AUTO_TEST_CASE(a_regional_variant_takes_its_base_messages_with_its_own_digits) {
    const LanguageRegistry registry = LanguageRegistry::load(data());
    BOOST_TEST(registry.resolve("ar-MA").tag == "ar-MA");
    BOOST_TEST(registry.resolve("ar_ma").tag == "ar-MA");
    BOOST_TEST(registry.resolve("ar-MA-u-nu-latn").tag == "ar-MA");
    BOOST_TEST(registry.resolve("ar-EG").tag == "ar");  // a region without a variant: the language itself
    const Language* moroccan = registry.find("ar-MA");
    BOOST_REQUIRE(moroccan);
    BOOST_TEST(moroccan->extends == "ar");
    BOOST_TEST(moroccan->fallback == "ar");  // a variant falls back to its base
    BOOST_TEST(moroccan->english_name == "Arabic (Morocco)");
    BOOST_TEST(moroccan->script == "Arab");  // inherited
    BOOST_TEST(moroccan->right_to_left);
    BOOST_TEST(moroccan->icu_locale == "ar_MA");
    BOOST_TEST(!moroccan->official);

    const Catalog arabic = Catalog::load(data(), "ar");
    const Catalog catalog = Catalog::load(data(), "ar-MA");
    BOOST_TEST(catalog.lang() == "ar-MA");
    BOOST_TEST(catalog.files() == (std::vector<std::filesystem::path>{testing::source_root() / "locales/ar.toml",
                                                                      testing::source_root() / "locales/ar-MA.toml"}));
    BOOST_TEST(catalog.keys() == arabic.keys());
    // "(أقل من ١٠٠٬٠٠٠؛ ..." and "(أقل من ١٠٪؛ ..." with the digits, separators and percent sign of ar_MA.
    const std::string peers = catalog.text("report.method.peers");
    BOOST_TEST(arabic.text("report.method.peers").find("١٠٠٬٠٠٠") != std::string::npos);
    BOOST_TEST(peers.find("100.000") != std::string::npos, peers);
    BOOST_TEST(peers.find("10%") != std::string::npos, peers);
    for (const char* arabic_indic : {"٠", "١", "٢", "٥", "٬", "٫", "٪"}) BOOST_TEST(peers.find(arabic_indic) == std::string::npos);
    // The words are the base's: only the numbers differ.
    BOOST_TEST(catalog.text("report.cover.title") == arabic.text("report.cover.title"));
    BOOST_TEST(catalog.integer(84300) == "84.300");
    BOOST_TEST(arabic.integer(84300) == "٨٤٬٣٠٠");
    BOOST_TEST(catalog.date(Date{2023, 11, 14}) == "14 نونبر 2023");
    BOOST_TEST(arabic.date(Date{2023, 11, 14}) == "١٤ نوفمبر ٢٠٢٣");
}

BOOST_AUTO_TEST_CASE(a_variant_overrides_what_it_writes_and_must_extend_a_language_with_messages) {
    testing::TempDir dir;
    dir.write("fr.toml", "[meta]\nname = \"Français\"\nenglish_name = \"French\"\nicu_locale = \"fr_FR\"\n"
                         "direction = \"ltr\"\nscript = \"Latn\"\nfallback = \"en\"\nofficial = true\nreview = \"draft\"\n"
                         "no_break_space_before = \";:!?»\"\n"
                         "[report]\ncourriel = \"Courriel\"\nville = \"Ville de {city}\"\n");
    const auto variant = dir.write("fr-CA.toml", "[meta]\nextends = \"fr\"\nname = \"Français (Canada)\"\n"
                                                 "english_name = \"French (Canada)\"\nicu_locale = \"fr_CA\"\n"
                                                 "[report]\ncourriel = \"Adresse courriel\"\n");
    const Catalog canadian = Catalog::load_file(variant, "fr-CA");
    BOOST_TEST(canadian.text("report.courriel") == "Adresse courriel");  // its own
    BOOST_TEST(canadian.text("report.ville") == "Ville de {city}");      // its base's
    BOOST_TEST(canadian.location("report.ville").file == (dir / "fr.toml").string());
    BOOST_TEST(canadian.language().official);  // inherited [meta]
    BOOST_TEST(canadian.language().no_break_space_before == ";:!?»");
    BOOST_TEST(canadian.icu_locale() == "fr_CA");
    BOOST_TEST(canadian.language().fallback == "fr");

    const auto nested = dir.write("fr-QC.toml", "[meta]\nextends = \"fr-CA\"\nicu_locale = \"fr_CA\"\n");
    const auto orphan = dir.write("xx-YY.toml", "[meta]\nextends = \"xx\"\nicu_locale = \"fr_CA\"\n");
    for (const auto& [file, tag, expected] :
         {std::tuple{nested, "fr-QC", "error: meta.extends: 'fr-CA' is itself a regional variant"},
          std::tuple{orphan, "xx-YY", "error: meta.extends: no language 'xx'"}}) {
        try {
            (void)Catalog::load_file(file, tag);
            BOOST_FAIL("expected DiagnosticError for " << tag);
        } catch (const DiagnosticError& e) {
            BOOST_TEST(messages(e).find(expected) != std::string::npos, messages(e));
        }
    }
    // The registry says the same of languages read apart.
    Language base = language("fr", "en"), regional = language("fr-BE", "");
    regional.extends = "fr-CA";
    Language other = language("fr-CA", "");
    other.extends = "fr";
    try {
        (void)LanguageRegistry::from({language("en", ""), base, other, regional});
        BOOST_FAIL("expected DiagnosticError");
    } catch (const DiagnosticError& e) {
        BOOST_TEST(messages(e).find("fr-BE.toml:1:1: error: meta.extends: no language 'fr-CA' with messages of its own "
                                    "('fr-CA' is itself a regional variant)") != std::string::npos,
                   messages(e));
    }
}
