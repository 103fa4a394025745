// The language registry: every locale's [meta], read with the typed reader.
#include <boost/test/unit_test.hpp>

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
        BOOST_TEST(text.find("--lang: error: no language \"tlh\"; languages available: ar, de, el, en,") == 0u, text);
        BOOST_TEST(text.find("the languages there are: ar (العربية, Arabic)") != std::string::npos, text);
        BOOST_TEST(text.find("fr (Français, French)") != std::string::npos);
        BOOST_TEST(text.find("ja (日本語, Japanese)") != std::string::npos);
    }
    const auto run = testing::run(testing::iccreport() + " report " +
                                  (testing::source_root() / "samples/network/valmora/2026-03-15.toml").string() +
                                  " --lang tlh --out /dev/null");
    BOOST_TEST(run.exit_code == 1);
    BOOST_TEST(run.err.find("the languages there are: ar (العربية, Arabic), de (Deutsch, German)") != std::string::npos,
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
