// Tagged PDF by default (issue 15): the sample reports, in languages of
// several scripts and directions, pass pdfcheck's PDF/UA-1 checks with no
// failure; the text read in structure order agrees with poppler's; words
// split by the typesetter's hyphens come back whole, with no soft hyphen.
#include <boost/test/unit_test.hpp>

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <map>

#include "pdfcheck/pdfcheck.h"
#include "pdfcheck_support.h"
#include "test_support.h"

using namespace icc;
namespace fs = std::filesystem;

namespace {

const std::string soft_hyphen = "\u00AD";
const std::string inserted_hyphen = "\u2010";  // the line breaker's, never in the source text

// The sample reports, written once for all the tests here.
struct Samples {
    testing::TempDir dir;
    std::map<std::string, fs::path> pdfs;  // by name: "en", "fr", "ar", "ja", "he", "profile"
    Samples() {
        const auto sample = testing::source_root() / "samples/network/valmora/2026-03-15.toml";
        for (const char* lang : {"en", "fr", "ar", "ja", "he"}) {
            const fs::path pdf = dir / (std::string("valmora.") + lang + ".pdf");
            const auto made = testing::run(testing::iccreport() + " report '" + sample.string() + "' --lang " + lang +
                                           " --out '" + pdf.string() + "'");
            BOOST_TEST_REQUIRE(made.exit_code == 0, made.err);
            pdfs[lang] = pdf;
        }
        const auto visit = testing::source_root() / "samples/network/valmora/visit-2026-06-09.toml";
        const fs::path profile = dir / "profile.pdf";
        const auto made =
            testing::run(testing::iccreport() + " profile '" + visit.string() + "' --out '" + profile.string() + "'");
        BOOST_TEST_REQUIRE(made.exit_code == 0, made.err);
        pdfs["profile"] = profile;
    }
};

const Samples& samples() {
    static const Samples instance;
    return instance;
}

std::string nfkc(const std::string& text) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* normalizer = icu::Normalizer2::getNFKCInstance(status);
    icu::UnicodeString normal = normalizer->normalize(icu::UnicodeString::fromUTF8(text), status);
    std::string out;
    normal.toUTF8String(out);
    return out;
}

// For comparing readings: compatibility forms folded (ligatures, presentation
// forms), white space and format characters (bidi marks, which have no glyph) left out.
std::string comparable(const std::string& text) {
    icu::UnicodeString unicode = icu::UnicodeString::fromUTF8(nfkc(text));
    icu::UnicodeString kept;
    for (int32_t i = 0; i < unicode.length(); i = unicode.moveIndex32(i, 1)) {
        const UChar32 c = unicode.char32At(i);
        if (u_isUWhiteSpace(c) || u_charType(c) == U_FORMAT_CHAR) continue;
        kept.append(c);
    }
    std::string out;
    kept.toUTF8String(out);
    return out;
}

std::string without(std::string text, const std::string& what) {
    for (std::size_t at; (at = text.find(what)) != std::string::npos;) text.erase(at, what.size());
    return text;
}

// The characters of a text, sorted: equal for two readings that differ only in order.
std::u32string sorted_characters(const std::string& text) {
    icu::UnicodeString unicode = icu::UnicodeString::fromUTF8(text);
    std::u32string characters;
    for (int32_t i = 0; i < unicode.length(); i = unicode.moveIndex32(i, 1)) characters += static_cast<char32_t>(unicode.char32At(i));
    std::sort(characters.begin(), characters.end());
    return characters;
}

std::string structure_text(const fs::path& pdf) {
    std::string all;
    for (const auto& line : pdfcheck::text_in_structure_order(pdf)) all += line.text + "\n";
    return all;
}

}  // namespace

BOOST_AUTO_TEST_CASE(sample_reports_conform_to_pdf_ua_1_in_every_script) {
    for (const auto& [name, pdf] : samples().pdfs) {
        BOOST_TEST_CONTEXT(name) {
            const pdfcheck::CheckResult result = pdfcheck::check_pdf(pdf, pdfcheck::Profiles{});
            for (const auto& failure : result.failures)
                BOOST_ERROR(failure.rule_label() << " page " << failure.page << ": " << failure.message);
            BOOST_TEST(result.errors() == 0);
            BOOST_TEST(result.warnings() == 0);
            BOOST_TEST(result.structure_elements > 300);
            const auto info = testing::run("pdfinfo '" + pdf.string() + "'");
            BOOST_TEST(info.out.find("Tagged:          yes") != std::string::npos, info.out);
        }
    }
}

BOOST_AUTO_TEST_CASE(structure_order_text_agrees_with_poppler) {
    for (const auto& [name, pdf] : samples().pdfs) {
        BOOST_TEST_CONTEXT(name) {
            // pdfcheck reads elements' /ActualText; poppler 22.12 reads the glyphs (ligatures as
            // presentation forms, the hyphen where a line breaks as the soft hyphen cairo maps it to,
            // the line breaker's U+2010 at a divided word; the source text writes U+002D).
            const std::string ours = comparable(structure_text(pdf));
            const std::string theirs =
                comparable(without(without(testing::joined_without_spaces(testing::poppler_structure_text(pdf)), soft_hyphen),
                                   inserted_hyphen));
            BOOST_TEST_REQUIRE(ours.size() > 5000u);
            if (std::getenv("ICC_DUMP_STRUCTURE_TEXT")) {
                std::ofstream(std::string("/tmp/ours.") + name + ".txt") << structure_text(pdf);
            }
            if (name == "ar" || name == "he") {
                // Right to left: poppler gives the glyphs in the order they are drawn, the
                // structure the logical order; the same characters, none lost or doubled.
                const std::u32string a = sorted_characters(ours), b = sorted_characters(theirs);
                std::map<char32_t, int> difference;
                for (char32_t c : a) ++difference[c];
                for (char32_t c : b) --difference[c];
                std::string differing;
                for (const auto& [c, count] : difference)
                    if (count != 0) differing += "U+" + std::to_string(static_cast<unsigned>(c)) + ":" + std::to_string(count) + " ";
                BOOST_TEST(differing.empty(), "characters read more (+) or less (-) than poppler: " << differing);
            } else {
                const std::string& mine = ours;
                std::size_t at = 0;
                while (at < mine.size() && at < theirs.size() && mine[at] == theirs[at]) ++at;
                BOOST_TEST(mine == theirs, "differ at byte " << at << ": ours \"" << mine.substr(at > 30 ? at - 30 : 0, 80)
                                                          << "\" poppler \"" << theirs.substr(at > 30 ? at - 30 : 0, 80) << "\"");
            }
        }
    }
}

namespace {

// The text of each structure element as pdf.js reads it (tests/pdfjs: the
// structure tree of getStructTree with the marked content of getTextContent),
// one "Role<TAB>text" line per element, joined without white space.
std::string pdfjs_structure_text(const fs::path& pdf) {
    const fs::path script = testing::source_root() / "tests/pdfjs/structure-text.mjs";
    BOOST_TEST_REQUIRE(fs::exists(testing::source_root() / "tests/pdfjs/node_modules/pdfjs-dist/package.json"),
                       "pdf.js is not installed: run scripts/setup.sh (npm ci in tests/pdfjs)");
    const auto read = testing::run("node '" + script.string() + "' '" + pdf.string() + "'");
    BOOST_TEST_REQUIRE(read.exit_code == 0, read.err);
    std::string all;
    std::size_t at = 0;
    while (at < read.out.size()) {
        const std::size_t end = std::min(read.out.find('\n', at), read.out.size());
        const std::string line = read.out.substr(at, end - at);
        const std::size_t tab = line.find('\t');
        if (tab != std::string::npos) all += testing::without_spaces(line.substr(tab + 1));
        at = end + 1;
    }
    return all;
}

}  // namespace

// A third reader, the one in browsers: pdf.js finds the same text in the same
// structure order as pdfcheck (and so as a screen reader).
BOOST_AUTO_TEST_CASE(structure_order_text_agrees_with_pdf_js) {
    for (const char* name : {"en", "fr", "ja", "ar"}) {
        BOOST_TEST_CONTEXT(name) {
            const fs::path& pdf = samples().pdfs.at(name);
            // Like poppler, pdf.js reads glyphs, not /ActualText: ligatures as presentation forms,
            // the hyphens where lines break.
            const std::string ours = comparable(structure_text(pdf));
            const std::string theirs =
                comparable(without(without(pdfjs_structure_text(pdf), soft_hyphen), inserted_hyphen));
            BOOST_TEST_REQUIRE(ours.size() > 5000u);
            if (std::string(name) == "ar") {
                // Right to left: pdf.js gives the glyphs as drawn, the structure the logical order.
                BOOST_TEST((sorted_characters(ours) == sorted_characters(theirs)),
                           "pdf.js reads other characters than the structure holds");
            } else {
                std::size_t at = 0;
                while (at < ours.size() && at < theirs.size() && ours[at] == theirs[at]) ++at;
                BOOST_TEST(ours == theirs, "differ at byte " << at << ": ours \"" << ours.substr(at > 30 ? at - 30 : 0, 80)
                                                             << "\" pdf.js \"" << theirs.substr(at > 30 ? at - 30 : 0, 80) << "\"");
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(hyphenated_words_come_back_whole_without_soft_hyphens) {
    for (const char* name : {"en", "fr"}) {
        BOOST_TEST_CONTEXT(name) {
            const fs::path& pdf = samples().pdfs.at(name);
            const std::string ours = structure_text(pdf);
            BOOST_TEST(ours.find(soft_hyphen) == std::string::npos);
            // Where the page text (pdftotext) shows a line ending in the typesetter's hyphen
            // (the line breaker's U+2010, or U+00AD as ISO 32000-1 14.8.2.2.3 has it), the word
            // is whole in the structure text.
            const std::string page_text = testing::run("pdftotext '" + pdf.string() + "' -").out;
            const std::string whole_text = nfkc(ours);
            int words = 0;
            std::size_t line_start = 0;
            while (line_start < page_text.size()) {
                const std::size_t line_end = std::min(page_text.find('\n', line_start), page_text.size());
                const std::string line = page_text.substr(line_start, line_end - line_start);
                line_start = line_end + 1;
                // The line breaker's U+2010 or Pango's U+00AD (both two or three bytes).
                auto ends_with = [&](const std::string& tail) {
                    return line.size() >= tail.size() && line.compare(line.size() - tail.size(), tail.size(), tail) == 0;
                };
                const std::size_t hyphen = ends_with(inserted_hyphen) ? inserted_hyphen.size()
                                           : ends_with(soft_hyphen)   ? soft_hyphen.size()
                                                                      : 0;
                if (hyphen == 0) continue;
                const std::size_t space = line.rfind(' ');
                const std::string before =
                    line.substr(space == std::string::npos ? 0 : space + 1,
                                line.size() - hyphen - (space == std::string::npos ? 0 : space + 1));
                // The word goes on at the next line's start: its first two characters.
                std::size_t next_end = line_start;
                for (int characters = 0; characters < 2 && next_end < page_text.size(); ++characters)
                    do ++next_end;
                    while (next_end < page_text.size() && (static_cast<unsigned char>(page_text[next_end]) & 0xC0) == 0x80);
                const std::string next = page_text.substr(line_start, next_end - line_start);
                // (A word divided across a page or a column goes on after other text: not checked here.)
                if (before.size() < 2 || next.size() < 2 || next.find_first_of(" \n\f") != std::string::npos) continue;
                const std::string whole = nfkc(before + next);
                BOOST_TEST(whole_text.find(whole) != std::string::npos, whole << " is not whole in the structure text");
                ++words;
            }
            BOOST_TEST(words > 5);
        }
    }
}

BOOST_AUTO_TEST_CASE(no_tags_writes_an_untagged_pdf) {
    testing::TempDir dir;
    const auto pdf = dir / "untagged.pdf";
    const auto sample = testing::source_root() / "samples/network/valmora/2026-03-15.toml";
    const auto made = testing::run(testing::iccreport() + " report '" + sample.string() + "' --no-tags --out '" +
                                   pdf.string() + "'");
    BOOST_TEST_REQUIRE(made.exit_code == 0, made.err);
    BOOST_TEST(testing::run("pdfinfo '" + pdf.string() + "'").out.find("Tagged:          no") != std::string::npos);
    const pdfcheck::CheckResult result = pdfcheck::check_pdf(pdf, pdfcheck::Profiles{});
    BOOST_TEST(result.errors() > 0);  // the opt-out is not PDF/UA
}
