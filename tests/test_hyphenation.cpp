// Hyphenation with libhyphen patterns: soft hyphens where the patterns allow
// a break, nothing in numbers, URLs, acronyms and short words.
#include <boost/test/unit_test.hpp>

#include <string>

#include "layout/hyphenation.h"

using namespace icc;

namespace {
std::string visible(std::string text) {
    // Show soft hyphens as '=' so expectations read like a dictionary.
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text.compare(i, soft_hyphen.size(), soft_hyphen) == 0) {
            out += '=';
            i += soft_hyphen.size() - 1;
        } else {
            out += text[i];
        }
    }
    return out;
}
}  // namespace

BOOST_AUTO_TEST_CASE(english_words_break_where_the_patterns_allow) {
    auto english = Hyphenator::for_language("en");
    BOOST_TEST_REQUIRE(english.has_value());
    BOOST_TEST(visible(english->hyphenate("hyphenation")) == "hy=phen=ation");
    BOOST_TEST(visible(english->hyphenate("The intercultural city")) == "The in=ter=cul=tural city");
}

BOOST_AUTO_TEST_CASE(regional_patterns_are_preferred_and_the_language_is_the_fallback) {
    auto british = Hyphenator::for_language("en_GB");
    BOOST_TEST_REQUIRE(british.has_value());
    BOOST_TEST(british->file().filename().string() == "hyph_en_GB.dic");
    auto swiss_french = Hyphenator::for_language("fr-CH");
    BOOST_TEST_REQUIRE(swiss_french.has_value());
    BOOST_TEST(swiss_french->file().filename().string().rfind("hyph_fr", 0) == 0u);
    BOOST_TEST(!Hyphenator::for_language("tlh").has_value());  // Klingon: no patterns shipped
}

BOOST_AUTO_TEST_CASE(french_and_german_words_with_accents_are_broken) {
    auto french = Hyphenator::for_language("fr");
    BOOST_TEST_REQUIRE(french.has_value());
    BOOST_TEST(visible(french->hyphenate("interculturelles")) == "in=ter=cul=tu=relles");
    BOOST_TEST(visible(french->hyphenate("égalité")) == "éga=lité");
    // German patterns are in ISO 8859-1: the word is converted for them.
    auto german = Hyphenator::for_language("de");
    BOOST_TEST_REQUIRE(german.has_value());
    const std::string broken = visible(german->hyphenate("Bevölkerungszusammensetzung"));
    BOOST_TEST(broken.find('=') != std::string::npos);
    BOOST_TEST(broken.find("Be=völ=ke=rungs") == 0u, broken);
}

BOOST_AUTO_TEST_CASE(numbers_urls_acronyms_and_short_words_stay_whole) {
    auto english = Hyphenator::for_language("en");
    BOOST_TEST_REQUIRE(english.has_value());
    for (const char* text : {"https://www.coe.int/interculturalcities", "www.interculturalcities.org", "1234567890",
                             "contact@interculturalcities.eu", "UNESCO", "city", "also"})
        BOOST_TEST(english->hyphenate(text) == text);
    // Punctuation and spacing are kept exactly.
    BOOST_TEST(visible(english->hyphenate("  (documentation), ok.")) == "  (doc=u=men=ta=tion), ok.");
}

// A process loads each pattern file once: every later hyphenator of the same
// language (every later document) shares the loaded patterns, and hyphenates
// exactly as one loaded on its own.
BOOST_AUTO_TEST_CASE(dictionaries_load_each_pattern_file_once_and_share_it) {
    const HyphenationDictionaries dictionaries;
    BOOST_TEST(dictionaries.loaded() == 0u);  // nothing until a language is asked for
    auto first = dictionaries.hyphenator("en_GB");
    auto second = dictionaries.hyphenator("en_GB");
    BOOST_TEST_REQUIRE(first.has_value());
    BOOST_TEST_REQUIRE(second.has_value());
    BOOST_TEST(&first->patterns() == &second->patterns());
    BOOST_TEST(dictionaries.loaded() == 1u);
    auto alone = Hyphenator::for_language("en_GB");
    BOOST_TEST_REQUIRE(alone.has_value());
    BOOST_TEST(alone->file() == first->file());
    BOOST_TEST(second->hyphenate("intercultural hyphenation") == alone->hyphenate("intercultural hyphenation"));
    BOOST_TEST(!dictionaries.hyphenator("tlh").has_value());  // no patterns: remembered as none
    BOOST_TEST(dictionaries.loaded() == 1u);
    auto french = dictionaries.hyphenator("fr");
    BOOST_TEST_REQUIRE(french.has_value());
    BOOST_TEST(dictionaries.loaded() == 2u);
}
