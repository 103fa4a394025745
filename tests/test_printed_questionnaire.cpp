// `iccreport questionnaire --format pdf`: the questionnaire to read or print,
// typeset by the engine from the same form as the workbook.
#include <boost/test/unit_test.hpp>

#include <regex>

#include "compose/printed_questionnaire.h"
#include "intake/form.h"
#include "load/network.h"
#include "sample_engine.h"

using namespace icc;
using testing::run;
namespace fs = std::filesystem;

namespace {

const DataRoot& data() { return testing::source_data(); }
const Questionnaire& questionnaire() { return testing::bundled_questionnaire(); }

// The paragraph that follows the one starting with `id` in bold, `offset` paragraphs on.
const ParagraphBlock* after_question(const Document& document, const std::string& id, int offset) {
    for (std::size_t i = 0; i < document.blocks.size(); ++i) {
        const auto* paragraph = std::get_if<ParagraphBlock>(&document.blocks[i]);
        if (!paragraph || paragraph->text.empty() || !paragraph->text.front().bold || paragraph->text.front().text != id)
            continue;
        if (i + offset >= document.blocks.size()) return nullptr;
        return std::get_if<ParagraphBlock>(&document.blocks[i + offset]);
    }
    return nullptr;
}

std::string joined(const ParagraphBlock& paragraph) {
    std::string text;
    for (const TextRun& run : paragraph.text) text += run.text;
    return text;
}

}  // namespace

BOOST_AUTO_TEST_CASE(every_area_is_a_section_and_every_question_shows_its_id_and_wording) {
    const Catalog catalog = Catalog::load(data(), "en");
    const intake::QuestionnaireForm form = intake::compose_form(questionnaire(), catalog);
    const Document document = compose_printed_questionnaire(form, catalog);
    std::vector<std::string> headings;
    for (const Block& block : document.blocks)
        if (const auto* heading = std::get_if<HeadingBlock>(&block)) headings.push_back(heading->text);
    BOOST_REQUIRE(headings.size() == form.sheets.size() + 1);  // the instructions, then each sheet
    for (std::size_t i = 0; i < form.sheets.size(); ++i) BOOST_TEST(headings[i + 1] == form.sheets[i].title);
    for (const Question& question : questionnaire().questions()) {
        BOOST_TEST_CONTEXT(question.id) {
            const ParagraphBlock* first = after_question(document, question.id, 0);
            BOOST_REQUIRE(first != nullptr);
            BOOST_TEST(first->text.back().text == catalog.text(question.text_key()));
        }
    }
    // A choice: one empty box per option, "unknown" included; a number: its range and a line to write on.
    const ParagraphBlock* boxes = after_question(document, "commitment.statement", 2);
    BOOST_REQUIRE(boxes != nullptr);
    BOOST_TEST(joined(*boxes) == "\u25A1\u00A0Yes\u2003\u25A1\u00A0Partly\u2003\u25A1\u00A0No\u2003\u25A1\u00A0Unknown");
    const ParagraphBlock* range = after_question(document, "city.population", 1);
    BOOST_REQUIRE(range != nullptr);
    BOOST_TEST(joined(*range) == "A whole number of at least 1. Required.");
    const ParagraphBlock* line = after_question(document, "city.population", 2);
    BOOST_REQUIRE(line != nullptr);
    BOOST_TEST(joined(*line) == "Answer: " + std::string(44, '_'));
}

BOOST_AUTO_TEST_CASE(a_prefilled_questionnaire_ticks_the_answers_and_writes_the_values) {
    const Catalog catalog = Catalog::load(data(), "en");
    const Network network = load_network(data().network(), questionnaire());
    const Edition& valmora = *network.editions_of("valmora").back();
    const Document document =
        compose_printed_questionnaire(intake::compose_form(questionnaire(), catalog, &valmora), catalog, &valmora);
    const auto* cover = std::get_if<CoverBlock>(&document.blocks.front());
    BOOST_REQUIRE(cover != nullptr);
    BOOST_TEST(cover->subtitle == "Pre-filled with the answers of Valmora of 15 March 2026");
    const ParagraphBlock* statement = after_question(document, "commitment.statement", 2);
    BOOST_REQUIRE(statement != nullptr);
    BOOST_TEST(joined(*statement).rfind("\u25A0\u00A0Yes\u2003\u25A1\u00A0Partly", 0) == 0u);
    BOOST_TEST(statement->text[1].bold);  // the ticked answer
    const ParagraphBlock* communication = after_question(document, "commitment.communication", 2);
    BOOST_REQUIRE(communication != nullptr);
    BOOST_TEST(joined(*communication).find("\u25A0\u00A0The city’s website\n") != std::string::npos,
               joined(*communication));
    // Numbers as the reader writes them; the comment beside.
    const ParagraphBlock* population = after_question(document, "city.population", 2);
    BOOST_REQUIRE(population != nullptr);
    BOOST_TEST(joined(*population) == "Answer: 84,300");
    const ParagraphBlock* comment = after_question(document, "city.population", 3);
    BOOST_REQUIRE(comment != nullptr);
    BOOST_TEST(joined(*comment) == "Comment (optional): Resident population on 1 January 2025, municipal register.");
}

BOOST_AUTO_TEST_CASE(the_pdf_is_written_in_languages_the_line_breaker_sets) {
    // Justified notes with an em space between a question's id and its wording once stopped cairo
    // mid-document in every language whose paragraphs the engine's line breaker sets (12 of 15; right to
    // left and CJK are left to Pango, below). One of each script and punctuation it sets: Latin
    // (hyphenated; French no-break spaces), Cyrillic, Greek, Hangul.
    testing::TempDir dir;
    for (const std::string lang : {"en", "fr", "uk", "el", "ko"}) {
        BOOST_TEST_CONTEXT(lang) {
            const fs::path pdf = dir / ("questionnaire." + lang + ".pdf");
            const auto result = run(testing::iccreport() + " questionnaire --lang " + lang + " --format pdf --out " +
                                    pdf.string());
            BOOST_TEST(result.exit_code == 0, result.err);
            BOOST_TEST(fs::exists(pdf));
        }
    }
}

BOOST_AUTO_TEST_CASE(the_pdf_is_written_in_right_to_left_and_cjk_languages) {
    testing::TempDir dir;
    for (const char* lang : {"ar", "ja"}) {
        BOOST_TEST_CONTEXT(lang) {
            const fs::path pdf = dir / (std::string("questionnaire.") + lang + ".pdf");
            const auto result = run(testing::iccreport() + " questionnaire --lang " + lang + " --format pdf --out " +
                                    pdf.string());
            BOOST_TEST_REQUIRE(result.exit_code == 0, result.err);
            BOOST_TEST(testing::pdf_catalog(pdf).find("/Lang (" + std::string(lang) + ")") != std::string::npos);
            const std::string text = run("pdftotext '" + pdf.string() + "' -").out;
            BOOST_TEST(text.find("commitment.statement") != std::string::npos);
            // Poppler gives Arabic back in visual order; Japanese reads as written.
            if (std::string(lang) == "ja") {
                const Catalog catalog = Catalog::load(data(), lang);
                BOOST_TEST(text.find(catalog.text("index.areas.commitment.name")) != std::string::npos);
            }
        }
    }
    const auto wrong = run(testing::iccreport() + " questionnaire --format docx");
    BOOST_TEST(wrong.exit_code == 1);
    BOOST_TEST(wrong.err.find("expected xlsx or pdf, found \"docx\"") != std::string::npos, wrong.err);
}
