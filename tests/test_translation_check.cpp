// `check` per language (translate/audit.h): what is still the English text,
// placeholders against the source, ICU syntax, plural categories (CLDR through
// ICU), select choices; and, through the command, a copied locale reported
// as untranslated with the review status. Small fixture locales, one case each.
#include <boost/test/unit_test.hpp>

#include <regex>

#include "driver/check.h"
#include "support/message_shape.h"
#include "test_support.h"
#include "translate/audit.h"

using namespace icc;

namespace {

const char* const english = R"([meta]
name = "English"
english_name = "English"
icu_locale = "en_GB"
direction = "ltr"
script = "Latn"
fallback = ""
official = true
review = "reviewed"

[report]
title = "{city}: Intercultural Cities Index report"
cities = "{count, plural, one {# city} other {# cities}}"
rank = "{rank, selectordinal, one {#st} two {#nd} few {#rd} other {#th}}"
tied = "ranks{tied, select, yes { jointly} other {}}"
separator = " · "
points = "{earned} / {possible}"
heading = "Introduction"
contents = "Contents"
)";

struct Fixture {
    testing::TempDir dir;
    Catalog source = Catalog::load_file(dir.write("en.toml", english), "en");
    // A translation: its [meta] (with `extra_meta`), then [report] with `messages`.
    translate::LocaleAudit audit(const std::string& lang, const std::string& icu_locale, const std::string& messages,
                                 const std::string& extra_meta = "") {
        const auto file = dir.write(lang + ".toml", testing::locale_meta(icu_locale) + extra_meta + "\n[report]\n" + messages);
        return translate::audit_locale(source, Catalog::load_file(file, lang));
    }
};

std::string all(const translate::LocaleAudit& audit) {
    std::string out;
    for (const Diagnostic& d : audit.problems) out += d.to_string() + "\n";
    return out;
}

const std::string french_ok =
    "title = \"{city} : rapport de l’Index des Cités interculturelles\"\n"
    "cities = \"{count, plural, one {# ville} other {# villes}}\"\n"
    "rank = \"{rank, selectordinal, one {#er} other {#e}}\"\n"
    "tied = \"se classe{tied, select, yes { ex aequo} other {}}\"\n"
    "separator = \" · \"\n"
    "points = \"{earned} / {possible}\"\n"
    "heading = \"Introduction\"\n"
    "contents = \"Sommaire\"\n";

}  // namespace

BOOST_AUTO_TEST_CASE(a_good_translation_has_no_problem_and_wordless_messages_may_be_identical) {
    Fixture f;
    const auto audit = f.audit("fr", "fr_FR", french_ok, "same_as_source = [\"report.heading\"]\n");
    BOOST_TEST(all(audit) == "");
    BOOST_TEST(audit.identical.empty());  // " · " and "{earned} / {possible}" have no words
    BOOST_TEST(audit.with_words == 6u);
    BOOST_TEST(!audit.untranslated());
}

BOOST_AUTO_TEST_CASE(a_message_left_in_english_is_reported_unless_allowed) {
    Fixture f;
    const auto audit = f.audit("fr", "fr_FR", std::regex_replace(french_ok, std::regex("Sommaire"), "Contents"));
    BOOST_TEST(audit.identical == (std::vector<std::string>{"report.contents", "report.heading"}));
}

BOOST_AUTO_TEST_CASE(an_allowance_for_a_translated_message_is_a_warning) {
    Fixture f;
    const auto audit = f.audit("fr", "fr_FR", french_ok, "same_as_source = [\"report.heading\", \"report.contents\"]\n");
    BOOST_TEST(audit.errors() == 0u);
    BOOST_TEST(all(audit).find("warning: meta.same_as_source: 'report.contents' is translated") != std::string::npos,
               all(audit));
}

BOOST_AUTO_TEST_CASE(a_renamed_placeholder_is_an_error_at_its_column_with_the_source_name_suggested) {
    Fixture f;
    const auto audit = f.audit("fr", "fr_FR", std::regex_replace(french_ok, std::regex("\\{city\\} :"), "{ville} :"),
                               "same_as_source = [\"report.heading\"]\n");
    const std::string text = all(audit);
    // [report] is line 12 of the fixture; title is its first key; "{ville}" starts at column 10, its name at 11.
    BOOST_TEST(text.find("fr.toml:13:11: error: key 'report.title': unknown placeholder {ville}; the source has city") !=
                   std::string::npos,
               text);
    BOOST_TEST(text.find("help: did you mean {city}?") != std::string::npos, text);
    BOOST_TEST(text.find("fr.toml:13:9: error: key 'report.title': placeholder {city} of the source is missing") !=
                   std::string::npos,
               text);
}

BOOST_AUTO_TEST_CASE(a_placeholder_position_counts_characters_and_escapes) {
    Fixture f;
    // "é" is one character, "\u00e9" six written ones: the column is the written one.
    const auto audit = f.audit("fr", "fr_FR",
                               "title = \"Rapport d\\u00e9taillé : {cité}\"\n" + french_ok.substr(french_ok.find('\n') + 1),
                               "same_as_source = [\"report.heading\"]\n");
    BOOST_TEST(all(audit).find("fr.toml:13:35: error: key 'report.title': unknown placeholder {cité}") !=
                   std::string::npos,
               all(audit));
}

BOOST_AUTO_TEST_CASE(an_icu_syntax_error_is_reported_where_icu_stopped) {
    Fixture f;
    testing::TempDir dir;
    // Catalog::load refuses the file itself; the audit of one message says where.
    const std::string file_text = "title = \"{city : rapport\"\n";
    const auto problems = translate::audit_message("report.title", "{city}: report", "{city : rapport", Language{},
                                                   file_text, SourceLocation{"fr.toml", 1, 9, 1, 26});
    BOOST_REQUIRE(!problems.empty());
    BOOST_TEST(problems.front().to_string().find("fr.toml:1:") == 0u, problems.front().to_string());
    BOOST_TEST(problems.front().message.find("invalid ICU message pattern") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(plural_categories_follow_cldr_for_the_language) {
    Fixture f;
    // Polish needs one, few, many and other for whole numbers: "2 miasta", "5 miast".
    const auto polish = f.audit("pl", "pl_PL", "cities = \"{count, plural, one {# miasto} other {# miast}}\"\n");
    BOOST_TEST(all(polish).find("error: key 'report.cities': plural {count} lacks the categories few, many of pl_PL") !=
                   std::string::npos,
               all(polish));
    const auto complete =
        f.audit("pl", "pl_PL", "cities = \"{count, plural, one {# miasto} few {# miasta} many {# miast} other {# miasta}}\"\n");
    BOOST_TEST(complete.errors() == 0u, all(complete));
    // Japanese has only "other"; a "one" form is never shown (a warning).
    const auto japanese = f.audit("ja", "ja_JP", "cities = \"{count, plural, one {# 都市} other {# 都市}}\"\n");
    BOOST_TEST(japanese.errors() == 0u, all(japanese));
    BOOST_TEST(all(japanese).find("warning: key 'report.cities': plural {count}: ja_JP has no category 'one'") !=
                   std::string::npos,
               all(japanese));
    // English ordinals need one, two, few, other; French ordinals one and other.
    BOOST_TEST(required_plural_categories("en_GB", true) == (std::set<std::string>{"few", "one", "other", "two"}));
    BOOST_TEST(required_plural_categories("fr_FR", true) == (std::set<std::string>{"one", "other"}));
    // French "many" is for millions only ("1 million de villes"): not asked for.
    BOOST_TEST(required_plural_categories("fr_FR", false) == (std::set<std::string>{"one", "other"}));
}

BOOST_AUTO_TEST_CASE(a_plural_refined_inside_its_own_branch_is_complete) {
    Fixture f;
    testing::TempDir dir;
    const auto problems = translate::audit_message(
        "report.cities", "{count, plural, =0 {none} other {{count, plural, one {# city} other {# cities}}}}",
        "{count, plural, =0 {aucune} other {{count, plural, one {# ville} other {# villes}}}}",
        Language{.icu_locale = "fr_FR"}, "", SourceLocation{"fr.toml", 1, 1});
    BOOST_TEST(problems.empty());
}

BOOST_AUTO_TEST_CASE(select_choices_are_the_engines_words_never_translated) {
    Fixture f;
    const auto audit = f.audit("fr", "fr_FR", "tied = \"se classe{tied, select, oui { ex aequo} other {}}\"\n");
    BOOST_TEST(all(audit).find("error: key 'report.tied': select {tied} must have the source's choices (other, yes); "
                               "unknown: oui; lacking: yes") != std::string::npos,
               all(audit));
}

BOOST_AUTO_TEST_CASE(a_copied_locale_is_untranslated_not_complete) {
    Fixture f;
    std::string copy = english;
    copy = copy.substr(copy.find("[report]"));
    const auto audit = f.audit("xx", "fr_FR", copy.substr(copy.find('\n') + 1));
    BOOST_TEST(audit.untranslated());
    BOOST_TEST(audit.identical.size() == 6u);
}

BOOST_AUTO_TEST_CASE(typography_of_the_language_is_checked_in_literal_text_only) {
    const Language french{.icu_locale = "fr_FR", .no_break_space_before = ";:!?»", .no_break_space_after = "«"};
    auto problems = [&](const std::string& translation) {
        std::string out;
        for (const Diagnostic& d : translate::audit_message("k", "{city}: “{name}”? {date, date, ::dMMM}", translation,
                                                            french, "", SourceLocation{"fr.toml", 1, 1}, true))
            out += d.message + "\n";
        return out;
    };
    BOOST_TEST(problems("{city}\u202F: «\u00A0{name}\u00A0»\u202F? {date, date, ::dMMM}") == "");
    BOOST_TEST(problems("{city} : « {name} » ? {date, date, ::dMMM}") ==
               "key 'k': ':' must follow a no-break space in this language\n"
               "key 'k': '«' must be followed by a no-break space in this language\n"
               "key 'k': '»' must follow a no-break space in this language\n"
               "key 'k': '?' must follow a no-break space in this language\n");
    BOOST_TEST(problems("{city}: «\u00A0{name}\u00A0»\u202F? {date, date, ::dMMM}") ==
               "key 'k': ':' must follow a no-break space in this language\n");
}

// House style: ’ and the language's quotation marks, in the source language
// too; the skeleton's comments (TOML a user types) are exempt.
BOOST_AUTO_TEST_CASE(straight_quotes_are_errors_in_every_locale_at_their_column) {
    testing::TempDir dir;
    const auto file = dir.write("en.toml", std::string(english) +
                                               "plan = \"The city's plan\"\n"
                                               "said = \"{city} said \\\"yes\\\"\"\n"
                                               "curly = \"The city’s “plan”\"\n"
                                               "\n[intake.skeleton]\nheader = \"Write answer = \\\"unknown\\\".\"\n");
    std::string out;
    for (const Diagnostic& d : translate::audit_quotes(Catalog::load_file(file, "en"))) out += d.to_string() + "\n";
    const std::string at = file.string() + ":";
    BOOST_TEST(out.find(at + "20:17: error: key 'report.plan': a straight apostrophe (') in text a reader sees") !=
                   std::string::npos, out);
    BOOST_TEST(out.find(at + "20:18:") == std::string::npos, out);  // one apostrophe, one error
    // An escaped \" is pointed at from its backslash.
    BOOST_TEST(out.find(at + "21:21: error: key 'report.said': a straight quotation mark (\") in text a reader sees") !=
                   std::string::npos, out);
    BOOST_TEST(out.find(at + "21:26: error: key 'report.said'") != std::string::npos, out);
    BOOST_TEST(out.find("report.curly") == std::string::npos, out);
    BOOST_TEST(out.find("intake.skeleton") == std::string::npos, out);
    BOOST_TEST(out.find("help: write \u2019 (U+2019)") != std::string::npos, out);
}

// Through the command: a copy of en.toml with a [meta] of its own.
BOOST_AUTO_TEST_CASE(check_reports_a_copied_locale_as_untranslated_and_every_review_status) {
    testing::TempDir dir;
    for (const char* folder : {"fonts", "templates", "samples"})
        std::filesystem::create_directory_symlink(testing::source_root() / folder, dir / folder);
    std::filesystem::create_directories(dir / "locales");
    const std::string en = testing::slurp(testing::source_root() / "locales" / "en.toml");
    dir.write("locales/en.toml", en);
    std::string copy = std::regex_replace(en, std::regex("\nname = \"English\""), "\nname = \"Copie\"");
    copy = std::regex_replace(copy, std::regex("\nfallback = \"\""), "\nfallback = \"en\"");
    copy = std::regex_replace(copy, std::regex("\nofficial = true"), "\nofficial = false");
    copy = std::regex_replace(copy, std::regex("\nreview = \"reviewed\""), "\nreview = \"draft\"");
    copy = std::regex_replace(copy, std::regex("\nicu_locale = \"en_GB\""), "\nicu_locale = \"fr_FR\"");
    dir.write("locales/xx.toml", copy);
    const auto result = testing::run(testing::iccreport() + " --data '" + dir.path().string() + "' check");
    BOOST_TEST(result.exit_code == 1);
    BOOST_TEST(std::regex_search(result.out, std::regex("xx\\.toml: error: untranslated: [0-9]+ of [0-9]+ messages are "
                                                        "the source language's text; this is a copy")),
               result.out);
    BOOST_TEST(result.out.find("en (source, reviewed): 0 missing, 0 unused") != std::string::npos, result.out);
    BOOST_TEST(std::regex_search(result.out, std::regex("xx \\(draft, UNTRANSLATED\\): 0 missing, 0 unused, [0-9]+ untranslated")),
               result.out);
}
