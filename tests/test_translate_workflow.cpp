// iccreport translate export / import / mark-current: a translator's round
// trip through a gettext PO file (libgettextpo), every mistake refused at the
// entry's line with nothing written, and stale translations marked fuzzy.
#include <boost/test/unit_test.hpp>

#include <regex>

#include "test_support.h"

using namespace icc;

namespace {

// The shared locale copy, with what these tests do to it.
struct DataCopy : testing::LocaleDataCopy {
    [[nodiscard]] std::string iccreport(const std::string& arguments) const {
        return testing::iccreport() + " --data '" + dir.path().string() + "' " + arguments;
    }
    [[nodiscard]] std::string french() const { return testing::slurp(dir / "locales/fr.toml"); }
};

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

// Replaces the msgstr of the entry whose msgctxt is `key` (its msgstr line and
// continuation lines) with `block`, as a PO editor writes it. Returns the
// 1-based line of the new msgstr.
int edit_entry(std::string& po, const std::string& key, const std::string& block) {
    std::vector<std::string> lines = lines_of(po);
    std::size_t i = 0;
    while (i < lines.size() && lines[i] != "msgctxt \"" + key + "\"") ++i;
    BOOST_REQUIRE_MESSAGE(i < lines.size(), "no entry " << key);
    while (lines[i].rfind("msgstr", 0) != 0) ++i;
    std::size_t end = i + 1;
    while (end < lines.size() && !lines[end].empty() && lines[end][0] == '"') ++end;
    lines.erase(lines.begin() + static_cast<long>(i), lines.begin() + static_cast<long>(end));
    lines.insert(lines.begin() + static_cast<long>(i), block);
    po.clear();
    for (const std::string& line : lines) po += line + "\n";
    return static_cast<int>(i + 1);
}

// The fuzzy flag of an entry: "#, fuzzy" among the comment lines just above its msgctxt.
bool fuzzy(const std::string& po, const std::string& key) {
    const auto at = po.find("msgctxt \"" + key + "\"\n");
    BOOST_REQUIRE(at != std::string::npos);
    const auto entry_start = po.rfind("\n\n", at);
    return po.substr(entry_start, at - entry_start).find("#, fuzzy") != std::string::npos;
}

}  // namespace

BOOST_AUTO_TEST_CASE(export_writes_every_message_with_its_key_source_translation_and_notes) {
    DataCopy copy;
    const auto result = testing::run(copy.iccreport("translate export --lang fr-CA --out '" + (copy.dir / "fr.po").string() + "'"));
    BOOST_REQUIRE_MESSAGE(result.exit_code == 0, result.out << result.err);
    const std::string po = testing::slurp(copy.dir / "fr.po");
    BOOST_TEST(po.find("\"Language: fr\\n\"") != std::string::npos);
    BOOST_TEST(po.find("msgctxt \"report.toc.title\"\nmsgid \"Contents\"\nmsgstr \"Sommaire\"\n") != std::string::npos, po.substr(0, 3000));
    // The translator's notes: where, what each placeholder is, the plural forms of French.
    BOOST_TEST(po.find("#. Where: Index Report, cover page (report.cover).") != std::string::npos);
    BOOST_TEST(po.find("#. {city}: the city's name") != std::string::npos);
    BOOST_TEST(po.find("#. Plural: {count, plural, ...} needs a form for each of one, other in French") != std::string::npos);
    BOOST_TEST(po.find("#: locales/en.toml:") != std::string::npos);
    // Every placeholder of the source is described (templates/translation_notes.toml).
    BOOST_TEST(po.find("a value the engine inserts") == std::string::npos);
    // The same entries as the source has messages, none fuzzy without a record of staleness.
    BOOST_TEST(!fuzzy(po, "report.toc.title"));
    BOOST_TEST(std::regex_search(result.err, std::regex("translate export: fr, [0-9]+ messages, 0 untranslated, 0 fuzzy")),
               result.err);
}

BOOST_AUTO_TEST_CASE(a_round_trip_changes_exactly_the_three_edited_messages) {
    DataCopy copy;
    const std::string po_path = (copy.dir / "fr.po").string();
    BOOST_REQUIRE(testing::run(copy.iccreport("translate export --lang fr --out '" + po_path + "'")).exit_code == 0);
    std::string po = testing::slurp(po_path);
    const std::string before = copy.french();
    // Three edits as Poedit writes them: a short one, a wrapped long one, one with a plural.
    edit_entry(po, "report.toc.title", "msgstr \"Table des matières\"");
    edit_entry(po, "report.intro.p2",
               "msgstr \"\"\n\"L’intégration interculturelle repose sur quatre principes qui \"\n\"agissent ensemble\u00a0:\"");
    edit_entry(po, "report.cover.sample",
               "msgstr \"{count, plural, one {Comparaison avec # ville} other {Comparaison \"\n\"entre # villes}}\"");
    std::ofstream(po_path, std::ios::binary | std::ios::trunc) << po;
    const auto result = testing::run(copy.iccreport("translate import '" + po_path + "'"));
    BOOST_REQUIRE_MESSAGE(result.exit_code == 0, result.out << result.err);
    BOOST_TEST(std::regex_search(result.err, std::regex("translate import: fr, 3 changed, [0-9]+ unchanged")), result.err);

    const std::vector<std::string> old_lines = lines_of(before), new_lines = lines_of(copy.french());
    BOOST_REQUIRE(old_lines.size() == new_lines.size());
    std::vector<std::string> changed;
    for (std::size_t i = 0; i < old_lines.size(); ++i)
        if (old_lines[i] != new_lines[i]) changed.push_back(new_lines[i]);
    BOOST_TEST(changed == (std::vector<std::string>{
                              "sample = \"{count, plural, one {Comparaison avec # ville} other {Comparaison entre # villes}}\"",
                              "title = \"Table des matières\"",
                              "p2 = \"L’intégration interculturelle repose sur quatre principes qui agissent ensemble\u00a0:\"",
                          }),
               result.out);
}

BOOST_AUTO_TEST_CASE(each_mistake_is_refused_at_its_entry_line_and_nothing_is_written) {
    DataCopy copy;
    const std::string po_path = (copy.dir / "fr.po").string();
    BOOST_REQUIRE(testing::run(copy.iccreport("translate export --lang fr --out '" + po_path + "'")).exit_code == 0);
    const std::string exported = testing::slurp(po_path);
    const std::string before = copy.french();
    struct Mistake {
        const char* key;
        const char* msgstr;
        const char* said;
    };
    const Mistake mistakes[] = {
        {"report.document_title", "msgstr \"{ville}\u00a0: rapport de l’Index\"", "unknown placeholder {ville}; the source has city"},
        {"report.document_title", "msgstr \"Rapport de l’Index\"", "placeholder {city} of the source is missing"},
        {"report.cover.sample", "msgstr \"{count, plural, one {# ville} other {# villes}\"", "invalid ICU message pattern"},
        {"report.cover.sample", "msgstr \"{count, plural, other {# villes}}\"", "plural {count} lacks the category one of fr_FR"},
        {"report.document_title", "msgstr \"{city} : le rapport\"", "':' must follow a no-break space in this language"},
    };
    for (const Mistake& mistake : mistakes) {
        BOOST_TEST_CONTEXT(mistake.msgstr) {
            std::string po = exported;
            const int line = edit_entry(po, mistake.key, mistake.msgstr);
            std::ofstream(po_path, std::ios::binary | std::ios::trunc) << po;
            const auto result = testing::run(copy.iccreport("translate import '" + po_path + "'"));
            BOOST_TEST(result.exit_code == 1);
            const std::string expected =
                po_path + ":" + std::to_string(line) + ": error: entry '" + mistake.key + "': " + mistake.said;
            BOOST_TEST(result.err.find(expected) != std::string::npos, expected << "\n---\n" << result.err);
            BOOST_TEST(copy.french() == before);
            BOOST_TEST(!std::filesystem::exists(copy.dir / "locales/sources/fr.toml"));
        }
    }
    // An unknown key, and a PO syntax error (libgettextpo's own message, at its line).
    std::string po = exported;
    po = std::regex_replace(po, std::regex("msgctxt \"report.toc.title\""), "msgctxt \"report.toc.titel\"");
    std::ofstream(po_path, std::ios::binary | std::ios::trunc) << po;
    auto result = testing::run(copy.iccreport("translate import '" + po_path + "'"));
    BOOST_TEST(result.exit_code == 1);
    BOOST_TEST(result.err.find("error: entry 'report.toc.titel': the source language has no such message") != std::string::npos, result.err);
    BOOST_TEST(result.err.find("did you mean 'report.toc.title'?") != std::string::npos, result.err);
    std::ofstream(po_path, std::ios::binary | std::ios::trunc) << exported << "msgctxt \"x\"\nmsgid \"unterminated\n";
    result = testing::run(copy.iccreport("translate import '" + po_path + "'"));
    BOOST_TEST(result.exit_code == 1);
    BOOST_TEST(std::regex_search(result.err, std::regex(std::regex_replace(po_path, std::regex("[.]"), "\\.") + ":[0-9]+: error: ")),
               result.err);
    BOOST_TEST(copy.french() == before);
}

BOOST_AUTO_TEST_CASE(a_translation_older_than_its_source_is_exported_fuzzy_until_marked_current) {
    DataCopy copy;
    BOOST_REQUIRE(testing::run(copy.iccreport("translate mark-current --lang fr")).exit_code == 0);
    BOOST_TEST(std::filesystem::exists(copy.dir / "locales/sources/fr.toml"));
    // The English text changes after the French was made.
    const auto en = copy.dir / "locales/en.toml";
    const std::string text = std::regex_replace(testing::slurp(en), std::regex("\ntitle = \"Contents\"\n"),
                                                "\ntitle = \"Table of contents\"\n", std::regex_constants::format_first_only);
    std::ofstream(en, std::ios::binary | std::ios::trunc) << text;
    auto result = testing::run(copy.iccreport("translate export --lang fr"));
    BOOST_REQUIRE(result.exit_code == 0);
    BOOST_TEST(fuzzy(result.out, "report.toc.title"));
    BOOST_TEST(!fuzzy(result.out, "report.intro.heading"));
    BOOST_TEST(result.err.find(", 1 fuzzy (stale)") != std::string::npos, result.err);
    // Reviewed by hand: no longer stale.
    BOOST_REQUIRE(testing::run(copy.iccreport("translate mark-current --lang fr report.toc.title")).exit_code == 0);
    result = testing::run(copy.iccreport("translate export --lang fr"));
    BOOST_TEST(!fuzzy(result.out, "report.toc.title"));
}
