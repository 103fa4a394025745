// The intercultural profile, composed and laid out in-process: light markup
// in the document model, areas left out when the experts wrote nothing,
// recommendations by area and priority, annex tables over pages, the
// narrative's language, visit notes checked against the network, and the
// locale keys the profile uses.
#include <boost/test/unit_test.hpp>

#include <map>
#include <set>

#include "compose/markup_blocks.h"
#include "compose/profile.h"
#include "driver/profile_pipeline.h"
#include "support/bidi.h"
#include "layout/paginate.h"
#include "support/handles.h"
#include "test_support.h"

using namespace icc;

namespace {

struct Engine {
    DataRoot data = DataRoot::locate();
    FontSet fonts = FontSet::load(data);
    Catalog english = Catalog::load(data, "en");
    Catalog french = Catalog::load(data, "fr");
    Questionnaire questionnaire = Questionnaire::bundled(data);
    ScoredNetwork network = score_network(load_network(data.samples() / "network", questionnaire), questionnaire,
                                          QuestionScores::drop);
    EngineResources resources = EngineResources::load(data);
};

Engine& engine() {
    static Engine instance;
    return instance;
}

// A profile with the city it was prepared from (its charts read the city's data when drawn).
struct Profile {
    std::unique_ptr<PreparedCity> city;
    Document document;
};

Profile profile_of(const VisitNotes& notes, const Catalog& catalog) {
    Engine& e = engine();
    Profile profile;
    profile.city = std::make_unique<PreparedCity>(e.resources, e.network, visit_subject(notes), std::nullopt);
    profile.document = compose_city_profile(e.resources, *profile.city, notes, catalog);
    return profile;
}

VisitNotes load_notes(const std::filesystem::path& file) {
    return load_visit_notes_for(file, engine().questionnaire, engine().network);
}

// Visit notes on Valmora's 2026 edition, with the given tables appended.
std::string valmora_notes(const std::string& more, const std::string& edition = "2026-03-15") {
    return "[visit]\ncity = \"valmora\"\nedition = " + edition +
           "\ndates = [2026-06-09, 2026-06-10]\nlanguage = \"en\"\n\n"
           "[[team]]\nname = \"A. Expert\"\nrole = \"expert\"\n\n"
           "[[programme]]\ndate = 2026-06-09\ntime = \"09:00-10:00\"\nstakeholder = \"Mayor\"\ntopic = \"Strategy\"\n\n"
           "[[met]]\norganisation = \"City of Valmora\"\n\n" +
           more;
}

std::vector<const HeadingBlock*> headings(const Document& document) {
    std::vector<const HeadingBlock*> found;
    for (const Block& block : document.blocks)
        if (const auto* heading = std::get_if<HeadingBlock>(&block)) found.push_back(heading);
    return found;
}

// The block `offset` places after the heading with `anchor`.
const Block& after_heading(const Document& document, const std::string& anchor, std::size_t offset = 1) {
    for (std::size_t i = 0; i < document.blocks.size(); ++i)
        if (const auto* h = std::get_if<HeadingBlock>(&document.blocks[i]); h && h->anchor == anchor)
            return document.blocks.at(i + offset);
    throw std::runtime_error("no heading '" + anchor + "'");
}

// The words, without the isolates around values (support/bidi.h).
std::string text_of(const InlineText& runs) {
    std::string text;
    for (const TextRun& run : runs) text += run.text;
    return without_isolates(text);
}

std::vector<std::string> words_of(const std::vector<std::string>& lines) {
    std::vector<std::string> out;
    for (const std::string& line : lines) out.push_back(without_isolates(line));
    return out;
}

// The table right after the heading with `anchor` (skipping paragraphs).
const TableBlock* table_after(const Document& document, const std::string& anchor, std::size_t* index = nullptr) {
    bool seen = false;
    for (std::size_t i = 0; i < document.blocks.size(); ++i) {
        const Block& block = document.blocks[i];
        if (const auto* heading = std::get_if<HeadingBlock>(&block)) {
            if (seen) return nullptr;
            seen = heading->anchor == anchor;
        } else if (const auto* table = std::get_if<TableBlock>(&block); table && seen) {
            if (index) *index = i;
            return table;
        }
    }
    return nullptr;
}

}  // namespace

BOOST_AUTO_TEST_CASE(light_markup_becomes_runs_paragraphs_and_lists) {
    DiagnosticSink warnings;
    const MarkupText text = parse_light_markup(
        "Valmora has **two** *new* services: [the Casa](https://example.org/casa).\n\n- one <b>\n- two & three",
        {"notes.toml", 1, 1}, warnings);
    BOOST_TEST(warnings.all().empty());
    const std::vector<Block> blocks = markup_blocks(text, "pt");
    BOOST_REQUIRE(blocks.size() == 2u);
    const auto& paragraph = std::get<ParagraphBlock>(blocks[0]);
    BOOST_TEST(paragraph.language == "pt");
    BOOST_REQUIRE(paragraph.text.size() == 7u);  // "Valmora has ", two, " ", new, " services: ", link, "."
    BOOST_TEST(paragraph.text[0].text == "Valmora has ");
    BOOST_TEST((paragraph.text[1].text == "two" && paragraph.text[1].bold && !paragraph.text[1].italic));
    BOOST_TEST((paragraph.text[3].text == "new" && paragraph.text[3].italic && !paragraph.text[3].bold));
    BOOST_TEST(paragraph.text[5].text == "the Casa");
    BOOST_TEST(paragraph.text[5].url == "https://example.org/casa");
    BOOST_TEST(paragraph.text[5].anchor.empty());
    const auto& list = std::get<ListBlock>(blocks[1]);
    BOOST_REQUIRE(list.items.size() == 2u);
    BOOST_TEST(text_of(list.items[0]) == "one <b>");  // text, never markup
    BOOST_TEST(text_of(list.items[1]) == "two & three");

    // In a table cell: paragraphs and items on lines of their own.
    BOOST_TEST(text_of(markup_inline(text)) ==
               "Valmora has two new services: the Casa.\n\u2022\u00A0one <b>\n\u2022\u00A0two & three");
    BOOST_TEST(markup_plain_text(text) == "Valmora has two new services: the Casa. one <b> two & three");
}

BOOST_AUTO_TEST_CASE(areas_without_notes_are_left_out_and_the_rest_follow_the_index) {
    testing::TempDir dir;
    // Written out of order, and the lens only through one of its fields.
    const auto file = dir.write("visit.toml", valmora_notes(R"([sections]
context = "Valmora grew around its river port."

[sections.areas]
welcome = "The Casa do Acolhimento opened in 2025."
education = "Twinning days pair classes."
commitment = "The declaration of May 2024."
)"));
    const Profile profile = profile_of(load_notes(file), engine().english);
    std::vector<std::string> area_headings;
    for (const HeadingBlock* heading : headings(profile.document))
        if (heading->anchor.rfind("area-", 0) == 0) area_headings.push_back(heading->anchor + "@" + std::to_string(heading->level));
    const std::vector<std::string> expected{"area-commitment@2", "area-lens@2", "area-education@3", "area-welcome@2"};
    BOOST_TEST(area_headings == expected, boost::test_tools::per_element());

    // Each area section opens with the city's rate, then the experts' text.
    const std::string rate = text_of(std::get<ParagraphBlock>(after_heading(profile.document, "area-welcome")).text);
    BOOST_TEST(rate == "Achievement rate in the Index: 50.0% · sample average 50.1%");
    BOOST_TEST(text_of(std::get<ParagraphBlock>(after_heading(profile.document, "area-welcome", 2)).text) ==
               "The Casa do Acolhimento opened in 2025.");

    const auto& blocks = profile.document.blocks;
    // The areas left out are named once, in the Index's order.
    bool named = false;
    for (const Block& block : blocks)
        if (const auto* p = std::get_if<ParagraphBlock>(&block))
            named = named || text_of(p->text) ==
                                 "The visit did not cover 9 areas of the Index, which are therefore left out: Mediation "
                                 "and conflict resolution, Language, Media and communication, International outlook, "
                                 "Intercultural intelligence and competence, Leadership and citizenship, "
                                 "Anti-discrimination, Participation and Interaction.";
    BOOST_TEST(named);
}

BOOST_AUTO_TEST_CASE(an_area_the_index_could_not_rate_says_so) {
    testing::TempDir dir;
    // Quellmark's 2014 edition predates the Participation questions.
    const auto file = dir.write("visit.toml", R"([visit]
city = "quellmark"
edition = 2014-06-30
dates = [2014-11-03, 2014-11-03]
language = "en"

[sections]
context = "Quellmark in 2014."

[sections.areas]
participation = "District councils meet monthly."
)");
    const Profile profile = profile_of(load_notes(file), engine().english);
    BOOST_TEST(text_of(std::get<ParagraphBlock>(after_heading(profile.document, "area-participation")).text) ==
               "No achievement rate in the Index: Quellmark gave no answer that counts in this area");
    const auto& blocks = profile.document.blocks;
    // A one-day visit with no recommendation, nobody listed as met and no programme.
    const auto& cover = std::get<CoverBlock>(blocks.front());
    BOOST_TEST(without_isolates(cover.details.at(1)) == "Expert visit, 3 November 2014");
    BOOST_TEST(cover.subtitle == "Intercultural profile");
    BOOST_TEST(table_after(profile.document, "recommendations") == nullptr);
    BOOST_TEST(table_after(profile.document, "annex-programme") == nullptr);
}

BOOST_AUTO_TEST_CASE(recommendations_go_by_area_in_index_order_then_priority) {
    testing::TempDir dir;
    const auto file = dir.write("visit.toml", valmora_notes(R"([sections]
context = "Context."

[sections.areas]
welcome = "The welcome office."

[[recommendation]]
area = "welcome"
priority = "low"
text = "W-low"

[[recommendation]]
area = "commitment"
priority = "medium"
text = "C-medium"

[[recommendation]]
area = "welcome"
priority = "high"
text = "W-high"

[[recommendation]]
area = "education"
priority = "low"
text = "E-low"

[[recommendation]]
area = "commitment"
priority = "high"
text = """
C-high, first paragraph.

- an *item*"""
)"));
    const VisitNotes notes = load_notes(file);
    const Profile profile = profile_of(notes, engine().english);
    const TableBlock* table = table_after(profile.document, "recommendations");
    BOOST_REQUIRE(table);
    BOOST_REQUIRE(table->rows.size() == 5u);
    const std::vector<std::vector<std::string>> expected{
        {"Commitment", "High", "C-high, first paragraph.\n\u2022\u00A0an item"},
        {"", "Medium", "C-medium"},
        {"Education", "Low", "E-low"},
        {"Welcoming newcomers", "High", "W-high"},
        {"", "Low", "W-low"},
    };
    for (std::size_t r = 0; r < expected.size(); ++r)
        for (std::size_t c = 0; c < 3; ++c)
            BOOST_TEST(text_of(table->rows[r].cells[c]) == expected[r][c], "row " << r << " column " << c);
    // Only an area with a section of its own links to it.
    BOOST_TEST(table->rows[3].cells[0].front().anchor == "area-welcome");
    BOOST_TEST(table->rows[0].cells[0].front().anchor.empty());
    BOOST_TEST(table->rows[0].cells[1].front().bold);
    // Emphasis survives inside the cell.
    BOOST_TEST(table->rows[0].cells[2].back().italic);
    BOOST_TEST(text_of(std::get<ParagraphBlock>(after_heading(profile.document, "recommendations")).text) ==
               "The experts make 5 recommendations to Valmora, listed by policy area in the order of the Index and, "
               "within each area, by priority. 2 are of high priority, one of medium priority and 2 of low priority.");

    const auto ordered = recommendations_in_order(notes, engine().questionnaire);
    BOOST_REQUIRE(ordered.size() == 5u);
    BOOST_TEST(ordered[4] == &notes.recommendations[0]);  // W-low, last though written first
}

BOOST_AUTO_TEST_CASE(a_programme_longer_than_a_page_repeats_its_header) {
    testing::TempDir dir;
    std::string programme;
    for (int hour = 0; hour < 60; ++hour) {
        char time[16];
        std::snprintf(time, sizeof time, "%02d:%02d", 8 + hour / 6, (hour % 6) * 10);
        programme += "[[programme]]\ndate = 2026-06-10\ntime = \"" + std::string(time) +
                     "\"\nstakeholder = \"Stakeholder number " + std::to_string(hour + 1) +
                     " with a name long enough to wrap in its column\"\ntopic = \"Topic " + std::to_string(hour + 1) +
                     "\"\n\n";
    }
    const auto file = dir.write("visit.toml", valmora_notes(programme + "[sections]\ncontext = \"Context.\"\n"));
    const Profile profile = profile_of(load_notes(file), engine().english);
    std::size_t index = 0;
    const TableBlock* table = table_after(profile.document, "annex-programme-2026-06-10", &index);
    BOOST_REQUIRE(table);
    BOOST_TEST(table->rows.size() == 60u);
    BOOST_TEST(text_of(table->header[0]) == "Wed, 10 Jun");  // the day, on every page the table reaches

    const LaidOutDocument laid_out = paginate(profile.document, engine().fonts);
    int pages = 0, rows = 0;
    for (const LaidOutPage& page : laid_out.pages)
        for (const BlockPlacement& placement : page.blocks)
            if (placement.block == index) {
                ++pages;
                rows += placement.table_body_rows;
                BOOST_TEST(placement.table_header_rows == 1);
            }
    BOOST_TEST(pages >= 2);
    BOOST_TEST(rows == 60);
    // The annexes open on a page of their own.
    for (const HeadingPlacement& heading : laid_out.headings)
        if (heading.anchor == "annex-programme" || heading.anchor == "annex-people") {
            const LaidOutPage& page = laid_out.pages[heading.page];
            BOOST_TEST(page.blocks.front().block == heading.block, heading.anchor);
        }
}

BOOST_AUTO_TEST_CASE(the_narrative_keeps_its_language_and_the_cover_says_when_it_differs) {
    const auto marvege = find_visit_notes(engine().data.samples() / "network", "marvege");
    BOOST_REQUIRE(marvege.size() == 1u);
    const VisitNotes notes = load_notes(marvege.front());
    BOOST_TEST(notes.language == "fr");

    const Profile english = profile_of(notes, engine().english);
    BOOST_TEST(english.document.info.language == "en");
    const auto& cover = std::get<CoverBlock>(english.document.blocks.front());
    BOOST_TEST(cover.kicker == "COUNCIL OF EUROPE · INTERCULTURAL CITIES");
    BOOST_TEST(cover.title == "Marvège");
    BOOST_TEST(cover.subtitle == "Intercultural profile");
    const std::vector<std::string> details{"France", "Expert visit, 23–25 September 2025",
                                           "Builds on the Intercultural Cities Index of 20 May 2025",
                                           "The experts’ narrative is in French, as they wrote it"};
    BOOST_TEST(words_of(cover.details) == details, boost::test_tools::per_element());
    // The experts' paragraphs are French (hyphenated as French); the sentences around them are not.
    int french = 0, english_paragraphs = 0;
    for (const Block& block : english.document.blocks)
        if (const auto* p = std::get_if<ParagraphBlock>(&block)) (p->language == "fr" ? french : english_paragraphs)++;
    BOOST_TEST(french > 20);
    BOOST_TEST(english_paragraphs > 10);
    const auto context = std::find_if(english.document.blocks.begin(), english.document.blocks.end(), [](const Block& b) {
        const auto* p = std::get_if<ParagraphBlock>(&b);
        return p && p->language == "fr";
    });
    BOOST_TEST(text_of(std::get<ParagraphBlock>(*context).text).rfind("Marvège s’est construite", 0) == 0u);

    // In French, the cover has nothing to add.
    const Profile in_french = profile_of(notes, engine().french);
    const auto& french_cover = std::get<CoverBlock>(in_french.document.blocks.front());
    BOOST_TEST(french_cover.subtitle == "Profil interculturel");
    BOOST_TEST(french_cover.details.size() == 3u);
    BOOST_TEST(without_isolates(french_cover.details.at(1)) == "Visite d’experts, 23–25 septembre 2025");
    for (const Block& block : in_french.document.blocks)
        if (const auto* p = std::get_if<ParagraphBlock>(&block)) BOOST_TEST(p->language != "en");

    // English notes in a French profile: the cover names the language in French.
    const auto valmora = find_visit_notes(engine().data.samples() / "network", "valmora");
    BOOST_REQUIRE(valmora.size() == 1u);
    const Profile valmora_fr = profile_of(load_notes(valmora.front()), engine().french);
    BOOST_TEST(without_isolates(std::get<CoverBlock>(valmora_fr.document.blocks.front()).details.back()) ==
               "Le récit des experts est reproduit en anglais, langue dans laquelle ils l’ont écrit");
}

BOOST_AUTO_TEST_CASE(notes_on_an_unknown_edition_or_area_are_errors_with_positions_in_line_order) {
    testing::TempDir dir;
    const auto file = dir.write("visit.toml", valmora_notes(R"([sections]
context = "Context."

[sections.areas]
welcomeing = "Typo in the area."
)",
                                                            "2026-03-16"));
    try {
        (void)load_notes(file);
        BOOST_FAIL("expected DiagnosticError");
    } catch (const DiagnosticError& error) {
        const auto& d = error.diagnostics();
        BOOST_REQUIRE(d.size() == 2u);
        BOOST_TEST(d[0].to_string() == file.string() +
                                           ":3:11: error: visit.edition: no edition of 'valmora' dated 2026-03-16 in " +
                                           engine().network.folder.string() +
                                           "; expected one of its editions: 2026-03-15");
        BOOST_TEST(d[1].where.line == 24);
        BOOST_TEST(d[1].message.rfind("sections.areas.welcomeing: unknown area 'welcomeing'", 0) == 0u);
    }
    // An unknown city.
    std::string text = valmora_notes("[sections]\ncontext = \"C.\"\n");
    const auto valid = dir.write("valid.toml", text);
    text.replace(text.find("\"valmora\""), 9, "\"valmorra\"");
    try {
        (void)load_notes(dir.write("stranger.toml", text));
        BOOST_FAIL("expected DiagnosticError");
    } catch (const DiagnosticError& error) {
        BOOST_REQUIRE(error.diagnostics().size() == 1u);
        BOOST_TEST(error.diagnostics()[0].where.line == 2);
        BOOST_TEST(error.diagnostics()[0].where.column == 8);
        BOOST_TEST(error.diagnostics()[0].message.rfind("visit.city: no city 'valmorra' in the network", 0) == 0u);
    }
    // An as-of date before the edition the visit builds on.
    BOOST_CHECK_NO_THROW(load_visit_notes_for(valid, engine().questionnaire, engine().network, Date{2026, 3, 15}));
    BOOST_CHECK_EXCEPTION(load_visit_notes_for(valid, engine().questionnaire, engine().network, Date{2026, 1, 1}),
                          DiagnosticError, [](const DiagnosticError& e) {
                              return e.diagnostics().front().where.line == 3 &&
                                     e.diagnostics().front().message.find("after the --as-of date 2026-01-01") !=
                                         std::string::npos;
                          });
}

BOOST_AUTO_TEST_CASE(visit_notes_are_found_by_the_city_they_name) {
    testing::TempDir dir;
    std::filesystem::create_directories(dir / "valmora");
    std::filesystem::create_directories(dir / "elsewhere");
    dir.write("valmora/visit-2026-06-09.toml", valmora_notes(""));
    dir.write("elsewhere/visit-2027-01-10.toml", valmora_notes(""));  // names Valmora from another folder
    dir.write("valmora/visit-2028-02-02.toml", "[visit\ncity = ");     // unreadable: counts for its folder
    dir.write("valmora/2026-03-15.toml", "[city]\nid = \"valmora\"\n");  // an edition, not notes
    std::string other = valmora_notes("");
    other.replace(other.find("\"valmora\""), 9, "\"marvege\"");
    dir.write("valmora/visit-2025-01-01.toml", other);  // names another city
    const auto found = find_visit_notes(dir.path(), "valmora");
    const std::vector<std::filesystem::path> expected{dir / "elsewhere/visit-2027-01-10.toml",
                                                      dir / "valmora/visit-2026-06-09.toml",
                                                      dir / "valmora/visit-2028-02-02.toml"};
    BOOST_TEST(found == expected, boost::test_tools::per_element());
    BOOST_TEST(find_visit_notes(dir.path(), "marvege").size() == 1u);
    BOOST_TEST(find_visit_notes(dir / "missing", "valmora").empty());
    const auto by_city = visit_notes_by_city(dir.path());
    BOOST_TEST(by_city.size() == 2u);
    BOOST_TEST(by_city.at("valmora") == expected, boost::test_tools::per_element());

    // The shipped samples: one visit for each showcase city.
    for (const char* city : {"valmora", "marvege", "quellmark"})
        BOOST_TEST(find_visit_notes(engine().data.samples() / "network", city).size() == 1u, city);
}

BOOST_AUTO_TEST_CASE(every_profile_key_is_used_and_every_key_used_is_translated) {
    Engine& e = engine();
    std::set<std::string> used;
    e.english.record_keys_into(&used);
    // Composing alone looks up every key, the charts' words included.
    for (const char* city : {"valmora", "marvege", "quellmark"})
        (void)profile_of(load_notes(find_visit_notes(e.data.samples() / "network", city).front()), e.english);
    // The showcase profiles alone reach every key of the profile, so that
    // `iccreport check`, which composes the samples, sees them all used.
    for (const std::string& key : e.english.keys())
        if (key.rfind("profile.", 0) == 0) BOOST_TEST(used.count(key) == 1u, "unused: " << key);
    for (const std::string& key : e.french.keys())
        if (key.rfind("profile.", 0) == 0) BOOST_TEST(used.count(key) == 1u, "unused in fr: " << key);

    // What the samples never show (no programme, nobody met, no recommendation,
    // no rate) still finds every string in both languages.
    testing::TempDir dir;
    const VisitNotes bare = load_notes(dir.write("visit.toml", R"([visit]
city = "quellmark"
edition = 2014-06-30
dates = [2014-11-03, 2014-11-03]
language = "en"

[sections]
context = "Quellmark in 2014."

[sections.areas]
participation = "District councils."
)"));
    (void)profile_of(bare, e.english);
    e.english.record_keys_into(nullptr);
    BOOST_CHECK_NO_THROW(profile_of(bare, e.french));
    for (const std::string& key : used) {
        BOOST_TEST(e.english.has(key), "missing in en: " << key);
        BOOST_TEST(e.french.has(key), "missing in fr: " << key);
    }
}

BOOST_AUTO_TEST_CASE(the_profile_template_names_only_known_sections) {
    const ReportTemplate profile = load_profile_template(engine().data);
    BOOST_TEST(profile.sections.front() == "cover");
    BOOST_TEST(profile.sections.size() == profile_sections().size());
    BOOST_TEST(profile.figure_height("areas") > 100);
    testing::TempDir dir;
    const auto file = dir.write("profile.toml", "sections = [\"cover\", \"visit_photos\"]\n[figures]\nareas = 300\n");
    BOOST_CHECK_EXCEPTION(load_report_template(file, profile_sections(), profile_figures()), DiagnosticError,
                          [](const DiagnosticError& e) {
                              return e.diagnostics().front().where.line == 1 &&
                                     e.diagnostics().front().message.find("unknown section kind 'visit_photos'") !=
                                         std::string::npos;
                          });
}
