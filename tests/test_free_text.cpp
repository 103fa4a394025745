// Translations of free text (docs/response-format.md, "Translations of free
// text"): a city's comments and free-text answers translated in a file beside
// its edition, each recording the digest of the text it translates. A report
// prints the current translation into its reader's language; a stale one is
// refused (the source is quoted, with a note), a missing one is noted.
#include <boost/test/unit_test.hpp>

#include "sample_engine.h"
#include "support/bidi.h"

using namespace icc;
namespace fs = std::filesystem;

namespace {

const testing::SampleEngine& engine() { return testing::sample_engine(); }

const Date castelvarra_date{2025, 4, 14};
const std::string castelvarra_file = "samples/network/castelvarra/2025-04-14";

// A paragraph or list item of a document, with the language it is tagged with.
struct Passage {
    std::string text;
    std::string language;
};

// The words a reader sees, without the isolates around the values (support/bidi.h).
std::string joined(const InlineText& runs) {
    std::string text;
    for (const TextRun& run : runs) text += run.text;
    return without_isolates(text);
}

std::vector<Passage> passages(const Document& document) {
    std::vector<Passage> out;
    for (const Block& block : document.blocks) {
        if (const auto* paragraph = std::get_if<ParagraphBlock>(&block)) out.push_back({joined(paragraph->text), paragraph->language});
        if (const auto* list = std::get_if<ListBlock>(&block))
            for (const InlineText& item : list->items) out.push_back({joined(item), list->language});
    }
    return out;
}

// The passage that contains `text`, or nullptr.
const Passage* find(const std::vector<Passage>& all, const std::string& text) {
    for (const Passage& passage : all)
        if (passage.text.find(text) != std::string::npos) return &passage;
    return nullptr;
}

// Castelvarra's report, with its latest edition read from `edition` (beside its translations).
Document castelvarra_report(const fs::path& edition, const std::string& lang, DiagnosticSink& sink) {
    ScoredNetwork network = engine().network.network;
    Edition read = read_edition(edition, engine().questionnaire, sink);
    BOOST_TEST_REQUIRE(!sink.has_errors(), format_diagnostics(sink.all()));
    network.put(score_for_network(read, engine().questionnaire, QuestionScores::drop));
    const PreparedCity city(engine().resources, network, {"castelvarra", castelvarra_date}, std::nullopt);
    return compose_city_report(engine().resources, city, Catalog::load(engine().data, lang));
}

// A copy of Castelvarra's latest edition and its English translations, edited.
struct EditedCopy {
    testing::TempDir dir;
    fs::path edition;
    fs::path translation;
    EditedCopy(const std::vector<std::pair<std::string, std::string>>& edition_edits,
               const std::vector<std::pair<std::string, std::string>>& translation_edits) {
        std::string text = testing::slurp(testing::source_root() / (castelvarra_file + ".toml"));
        std::string english = testing::slurp(testing::source_root() / (castelvarra_file + ".en.toml"));
        for (const auto& [from, to] : edition_edits) replace(text, from, to);
        for (const auto& [from, to] : translation_edits) replace(english, from, to);
        edition = dir.write("2025-04-14.toml", text);
        translation = dir.write("2025-04-14.en.toml", english);
    }
    static void replace(std::string& text, const std::string& from, const std::string& to) {
        const auto at = text.find(from);
        BOOST_TEST_REQUIRE(at != std::string::npos, from);
        text.replace(at, from.size(), to);
    }
};

}  // namespace

BOOST_AUTO_TEST_CASE(every_showcase_translation_is_current_and_printed_for_its_reader) {
    const Network& network = engine().editions;
    for (const Edition& edition : network.editions) BOOST_TEST(stale_translations(edition).empty(), edition.source_file);
    const Edition* castelvarra = network.find("castelvarra", castelvarra_date);
    BOOST_TEST_REQUIRE(castelvarra);
    const Answer* population = castelvarra->find("city.population");
    BOOST_TEST_REQUIRE(population->comment_translations.size() == 1u);
    BOOST_TEST(population->comment_translations[0].language == "en");
    BOOST_TEST(population->comment_translations[0].current);

    // English: the translation, in the reader's language (untagged), without a note.
    const Document english = engine().compose("castelvarra", castelvarra_date, Catalog::load(engine().data, "en"));
    const std::vector<Passage> in_english = passages(english);
    const Passage* note = find(in_english, "Resident population on 1 January 2025, municipal register.");
    BOOST_TEST_REQUIRE(note);
    BOOST_TEST(note->language == "");
    BOOST_TEST(!find(in_english, "Popolazione residente al 1° gennaio 2025"));
    const Passage* statement = find(in_english, "“The city council unanimously adopted the \"Charter of Castelvarra");
    BOOST_TEST_REQUIRE(statement);
    BOOST_TEST(statement->text.find("quoted in") == std::string::npos);
    BOOST_TEST(!find(in_english, "not translated"));
    BOOST_TEST(!find(in_english, "out of date"));
    // A free-text answer's own text is translated too.
    BOOST_TEST(find(in_english, "In the 2024 participatory budget"));

    // Italian, the comments' language: the city's own words, no note.
    const std::vector<Passage> in_italian =
        passages(engine().compose("castelvarra", castelvarra_date, Catalog::load(engine().data, "it")));
    BOOST_TEST(find(in_italian, "Popolazione residente al 1° gennaio 2025, anagrafe comunale."));
    BOOST_TEST(!find(in_italian, "non tradotto"));
}

BOOST_AUTO_TEST_CASE(a_stale_translation_is_refused_and_the_source_quoted_with_a_note) {
    // The city rewrote two comments after they were translated.
    const EditedCopy copy({{"anagrafe comunale.", "anagrafe comunale (dato provvisorio)."},
                           {"è stato scritto con 41 associazioni", "è stato scritto con 44 associazioni"}},
                          {});
    DiagnosticSink sink;
    const std::vector<Passage> in_english = passages(castelvarra_report(copy.edition, "en", sink));
    BOOST_TEST(!find(in_english, "Resident population on 1 January 2025"));
    BOOST_TEST(!find(in_english, "written with 41 associations"));
    // The fact's note: the source text, tagged as Italian, then the note in English.
    const Passage* source = find(in_english, "anagrafe comunale (dato provvisorio).");
    BOOST_TEST_REQUIRE(source);
    BOOST_TEST(source->language == "it");
    // Under the facts' notes, once: the note in English (after the last of the notes).
    const auto after_notes = std::find_if(source + 1, in_english.data() + in_english.size(),
                                          [](const Passage& p) { return p.text.rfind("(", 0) != 0; });
    BOOST_TEST_REQUIRE((after_notes != in_english.data() + in_english.size()));
    BOOST_TEST(after_notes->text ==
               "The city’s words above in Italian are quoted as it wrote them: their translation is out of date.");
    BOOST_TEST(after_notes->language.empty());  // the reader's
    // An answer's comment: the source quoted; the note once, under the section's list.
    const Passage* strategy = find(in_english, "è stato scritto con 44 associazioni");
    BOOST_TEST_REQUIRE(strategy);
    BOOST_TEST(strategy->text.find("quoted in") == std::string::npos, strategy->text);
    BOOST_TEST(find(in_english, "The city’s words above in Italian are quoted as it wrote them: their translation is "
                                "out of date."));

    // check and build warn of each, at the translation's source digest: file, line, key, language.
    Edition edition = read_edition(copy.edition, engine().questionnaire, sink);
    const std::vector<Diagnostic> stale = stale_translations(edition);
    BOOST_TEST_REQUIRE(stale.size() == 2u);
    BOOST_TEST((stale[0].severity == Severity::warning));
    BOOST_TEST(stale[0].where.file == copy.translation.string());
    BOOST_TEST(stale[0].where.line == 6);
    BOOST_TEST(stale[0].message.find("city.population.comment: the \"en\" translation is out of date") == 0,
               stale[0].message);
    BOOST_TEST(stale[1].message.find("answers.commitment.strategy.comment") == 0, stale[1].message);
}

BOOST_AUTO_TEST_CASE(a_text_without_translation_is_quoted_in_its_language_with_a_note) {
    // Marvège writes in French and has no translations: each section's list of what it reported
    // says so once, under the list, in the reader's language (not after every comment).
    const Document marvege = engine().compose("marvege", Date{2025, 5, 20}, Catalog::load(engine().data, "en"));
    const std::vector<Passage> in_english = passages(marvege);
    const Passage* strategy = find(in_english, "Marvège, ville plurielle 2022-2027");
    BOOST_TEST_REQUIRE(strategy);
    BOOST_TEST(strategy->text.find("not translated") == std::string::npos, strategy->text);
    const std::string note = "The city’s words above in French are quoted as it wrote them, without translation.";
    std::size_t notes = 0, reported = 0;
    for (const Passage& passage : in_english) notes += passage.text == note;
    for (const Block& block : marvege.blocks)
        if (const auto* heading = std::get_if<HeadingBlock>(&block))
            reported += without_isolates(heading->text) == "What Marvège reported";
    BOOST_TEST(notes > 0u);
    // One under each section's list at most, and one under the notes of the city's facts.
    BOOST_TEST(notes <= reported + 1, notes << " notes for " << reported << " sections");
    const Passage* population = find(in_english, "Estimation municipale pour 2024");
    BOOST_TEST_REQUIRE(population);
    BOOST_TEST(population->language == "fr");
    // One entry taken out of Castelvarra's English file: that comment alone is quoted in Italian.
    const EditedCopy copy({}, {{"population.comment = {", "# population.comment = {"}});
    DiagnosticSink sink;
    const std::vector<Passage> castelvarra = passages(castelvarra_report(copy.edition, "en", sink));
    const Passage* source = find(castelvarra, "Popolazione residente al 1° gennaio 2025");
    BOOST_TEST_REQUIRE(source);
    BOOST_TEST(source->language == "it");
    const auto after_notes = std::find_if(source + 1, castelvarra.data() + castelvarra.size(),
                                          [](const Passage& p) { return p.text.rfind("(", 0) != 0; });
    BOOST_TEST_REQUIRE((after_notes != castelvarra.data() + castelvarra.size()));
    BOOST_TEST(after_notes->text ==
               "The city’s words above in Italian are quoted as it wrote them, without translation.");
    BOOST_TEST(find(castelvarra, "About 900 Roma and Sinti"));  // the other fact's translation is still used
    // In French, the note is French.
    DiagnosticSink french_sink;
    const std::vector<Passage> in_french = passages(castelvarra_report(copy.edition, "fr", french_sink));
    BOOST_TEST(find(in_french, "Les propos de la ville cités ci-dessus en italien le sont tels qu’elle les a écrits, "
                               "sans traduction."));
}

BOOST_AUTO_TEST_CASE(the_digest_the_conversion_writes_is_the_engines) {
    BOOST_TEST(free_text_digest("Popolazione residente al 1° gennaio 2025, anagrafe comunale.") ==
               "sha256:ea80651ceee14098");
    // Convert an edition written the showcase way (# en: under each entry) and load it back.
    testing::TempDir dir;
    std::string text = testing::slurp(testing::source_root() / "samples/network/castelvarra/2020-10-19.toml");
    EditedCopy::replace(text, "anagrafe comunale.\" }\n", "anagrafe comunale, «dato» \\\"ufficiale\\\".\" }\n# en: Résident \"official\" figure.\n");
    const fs::path edition = dir.write("2020-10-19.toml", text);
    const auto converted = testing::run("python3 '" + (testing::source_root() / "scripts/free-text-translations.py").string() +
                                        "' convert '" + edition.string() + "'");
    BOOST_TEST_REQUIRE(converted.exit_code == 0, converted.err);
    BOOST_TEST(testing::slurp(edition).find("# en:") == std::string::npos);
    DiagnosticSink sink;
    const Edition loaded = read_edition(edition, engine().questionnaire, sink);
    BOOST_TEST_REQUIRE(!sink.has_errors(), format_diagnostics(sink.all()));
    BOOST_TEST(stale_translations(loaded).empty());
    const Answer* population = loaded.find("city.population");
    BOOST_TEST_REQUIRE(population->comment_translations.size() == 1u);
    BOOST_TEST(population->comment_translations[0].text == "Résident \"official\" figure.");
    BOOST_TEST(population->comment_translations[0].source == free_text_digest(population->comment));
    BOOST_TEST(population->comment == "Popolazione residente al 1° gennaio 2020, anagrafe comunale, «dato» \"ufficiale\".");
}

BOOST_AUTO_TEST_CASE(a_bad_translation_file_is_an_error_at_its_line_and_column) {
    const EditedCopy copy({}, {{"[answers.commitment]\nstatement.comment", "[answers.commitment]\nstatment.comment"},
                               {"source = \"sha256:8715bf8b1daa0cb2\"", "source = \"8715bf8b\""}});
    DiagnosticSink sink;
    (void)read_edition(copy.edition, engine().questionnaire, sink);
    const std::string report = format_diagnostics(sink.all());
    const std::string file = copy.translation.string();
    BOOST_TEST(report.find(file + ":10:") != std::string::npos, report);
    BOOST_TEST(report.find("error: answers.commitment.statment.comment: no free text "
                           "\"answers.commitment.statment.comment\" in 2025-04-14.toml") != std::string::npos,
               report);
    BOOST_TEST(report.find("did you mean \"answers.commitment.statement.comment\"?") != std::string::npos, report);
    BOOST_TEST(report.find(file + ":11:") != std::string::npos, report);
    BOOST_TEST(report.find("expected the digest of the source text") != std::string::npos, report);
}
