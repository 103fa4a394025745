// The showcase cities of Italy, Ukraine, Japan, Morocco and Israel: each
// loads, states its languages, answers every question, carries comments in
// its own language, scores, and its report renders in each of its languages
// (and one in English) with every glyph found and every font embedded.
// One report per language, to keep the suite fast.
#include <boost/test/unit_test.hpp>

#include <sstream>

#include "render/pdf.h"
#include "sample_engine.h"

using namespace icc;
namespace fs = std::filesystem;

namespace {

struct Showcase {
    std::string id;
    Date date;  // the latest edition
    std::vector<std::string> languages;
};

const std::vector<Showcase> showcases{
    {"castelvarra", Date{2025, 4, 14}, {"it"}}, {"zlatoriv", Date{2024, 11, 5}, {"uk"}},
    {"hoshinagi", Date{2025, 2, 20}, {"ja"}},   {"bab-nouara", Date{2024, 6, 12}, {"ar-MA", "fr"}},
    {"neve-eshkar", Date{2025, 1, 27}, {"he"}},
};

const testing::SampleEngine& engine() { return testing::sample_engine(); }

// Glyphs Pango found no face for, over every text of every page.
int missing_glyphs(const LaidOutDocument& laid_out, int& glyphs) {
    int missing = 0;
    for (const LaidOutPage& page : laid_out.pages)
        for (const TextBox& text : page.texts) {
            PangoLayoutIter* iter = pango_layout_get_iter(text.layout.get());
            do {
                PangoLayoutRun* run = pango_layout_iter_get_run_readonly(iter);
                if (!run) continue;
                for (int g = 0; g < run->glyphs->num_glyphs; ++g) {
                    ++glyphs;
                    if (run->glyphs->glyphs[g].glyph & PANGO_GLYPH_UNKNOWN_FLAG) ++missing;
                }
            } while (pango_layout_iter_next_run(iter));
            pango_layout_iter_free(iter);
        }
    return missing;
}

// The fonts `pdffonts` lists that are not embedded ("emb" is the fifth column from the end).
std::vector<std::string> fonts_not_embedded(const fs::path& pdf) {
    const auto listing = testing::run("pdffonts '" + pdf.string() + "'");
    BOOST_TEST_REQUIRE(listing.exit_code == 0, listing.err);
    std::vector<std::string> missing;
    std::istringstream lines(listing.out);
    std::string line;
    int fonts = 0;
    for (int n = 0; std::getline(lines, line); ++n) {
        if (n < 2 || line.empty()) continue;  // the header and its rule
        std::vector<std::string> words;
        std::istringstream split(line);
        for (std::string word; split >> word;) words.push_back(word);
        BOOST_TEST_REQUIRE(words.size() >= 7u, line);
        ++fonts;
        if (words[words.size() - 5] != "yes") missing.push_back(words.front());
    }
    BOOST_TEST(fonts > 2);
    return missing;
}

}  // namespace

BOOST_AUTO_TEST_CASE(each_showcase_states_its_languages_answers_everything_in_its_words_and_scores) {
    const Network& network = engine().editions;
    for (const Showcase& showcase : showcases) {
        BOOST_TEST_CONTEXT(showcase.id) {
            const std::vector<const Edition*> editions = network.editions_of(showcase.id);
            BOOST_TEST_REQUIRE(!editions.empty());
            for (const Edition* edition : editions) {
                BOOST_TEST(edition->city.languages == showcase.languages, edition->source_file);
                BOOST_TEST(edition->questionnaire == "2019");
                for (const Question& question : engine().questionnaire.questions())
                    if (!question.area.empty())
                        BOOST_TEST(edition->find(question.id) != nullptr, edition->source_file << " " << question.id);
            }
            const Edition& latest = *editions.back();
            BOOST_TEST((latest.date == showcase.date), latest.date.iso());
            const auto commented = std::count_if(latest.answers.begin(), latest.answers.end(),
                                                 [](const Answer& a) { return !a.comment.empty(); });
            BOOST_TEST(commented >= 25);
            BOOST_TEST(commented <= 40);
            // Every comment has its English translation, current (docs/response-format.md,
            // "Translations of free text").
            for (const std::vector<Answer>* list : {&latest.facts, &latest.answers})
                for (const Answer& answer : *list) {
                    if (answer.comment.empty()) continue;
                    const auto english = std::find_if(answer.comment_translations.begin(), answer.comment_translations.end(),
                                                      [](const TextTranslation& t) { return t.language == "en"; });
                    BOOST_TEST((english != answer.comment_translations.end() && english->current),
                               latest.source_file << " " << answer.question);
                }

            const PreparedCity city(engine().resources, engine().network.network, {showcase.id, showcase.date},
                                    std::nullopt);
            BOOST_TEST_REQUIRE(city.city().scores.aggregate.has_value());
            BOOST_TEST(*city.city().scores.aggregate > 20.0);
            BOOST_TEST(*city.city().scores.aggregate < 80.0);
        }
    }
}

BOOST_AUTO_TEST_CASE(each_showcase_renders_in_its_languages_and_english_with_every_glyph_and_font) {
    testing::TempDir dir;
    std::vector<std::pair<const Showcase*, std::string>> reports;  // one per language
    for (const Showcase& showcase : showcases)
        for (const std::string& lang : showcase.languages) reports.emplace_back(&showcase, lang);
    reports.emplace_back(&showcases[3], "en");  // an Arabic name and French comments inside English
    for (const auto& [showcase, lang] : reports) {
        BOOST_TEST_CONTEXT(showcase->id << " " << lang) {
            const Catalog catalog = Catalog::load(engine().data, lang);
            const PreparedCity city(engine().resources, engine().network.network, {showcase->id, showcase->date},
                                    std::nullopt);
            const Document document = compose_city_report(engine().resources, city, catalog);
            const LaidOutDocument laid_out = paginate(document, engine().fonts);
            BOOST_TEST(laid_out.pages.size() > 20u);
            int glyphs = 0;
            BOOST_TEST(missing_glyphs(laid_out, glyphs) == 0);
            BOOST_TEST(glyphs > 20000);

            const fs::path pdf = dir / (showcase->id + "." + lang + ".pdf");
            render_pdf(laid_out, engine().fonts, pdf);
            BOOST_TEST(fonts_not_embedded(pdf).empty());
            const std::string text = testing::run("pdftotext '" + pdf.string() + "' -").out;
            BOOST_TEST(text.size() > 20000u);
            BOOST_TEST(text.find("\uFFFD") == std::string::npos);  // no character without a glyph
        }
    }
}
