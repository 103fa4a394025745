#include "compose/specimen.h"

#include <array>
#include <cmath>
#include <string_view>

#include "compose/furniture.h"
#include "support/toml_reader.h"
#include "support/toml_source.h"

namespace icc {

namespace {

// ---- The long English specimen ----------------------------------------------

constexpr std::array<std::string_view, 12> areas{
    "Commitment", "Education", "Neighbourhoods", "Public services", "Business and the labour market",
    "Cultural and social life", "Public space", "Mediation and conflict resolution", "Language",
    "Media and communication", "International outlook", "Welcoming newcomers"};

constexpr std::array<std::string_view, 6> body{
    "An intercultural city does not merely tolerate diversity: it treats the mix of people, languages and "
    "traditions as a resource for its development. Its council states this commitment publicly, translates it "
    "into a strategy with a budget, and entrusts a body with coordinating the work of every department. Progress "
    "is evaluated, and residents of every background take part in that evaluation.",
    "Comparisons with the sample show where the city stands among its peers. A score above the sample average is "
    "not a reason to stop: the questionnaire rewards policies that are written down, funded and evaluated, and "
    "many cities with good intentions lose points because their practice is informal. Documenting what already "
    "works is often the cheapest way to progress.",
    "Schools are where children of different origins meet every day. Cities that score well in this field "
    "monitor the ethnic and social mix of their schools, recruit teachers who reflect the population, involve "
    "parents of every background in school life, and run projects that bring pupils of different districts "
    "together around shared activities rather than around their differences.",
    "Public services adapt to diverse needs when their staff reflect the population they serve. Recruitment "
    "campaigns that reach minority communities, intercultural training for front-line staff and information in "
    "the main languages of residents are the measures most often reported by the cities that perform best.",
    "Segregated neighbourhoods limit everyday contact between residents of different backgrounds. The city can "
    "encourage mixing through its housing allocation, the location of public facilities and the programming of "
    "community centres, and it can support exchanges between districts that rarely meet.",
    "Public space belongs to everyone. Squares, parks and libraries designed and managed together with diverse "
    "residents are used by more people, and for longer. Where one group dominates a space, mediation and careful "
    "programming can open it to others without excluding anyone.",
};

constexpr std::array<std::string_view, 4> recommendations{
    "Adopt an intercultural strategy with an action plan, a budget and a timetable, and publish it.",
    "Give a coordination body the mandate and the staff to follow the strategy across departments.",
    "Evaluate the strategy every two years, with residents of migrant and minority background on the panel.",
    "Report on progress in the council and in the city’s main media, in several languages.",
};

// The specimen's body is English, left to right, whatever the furniture's language.
charts::ChartSpec specimen_chart(const Catalog& catalog, charts::ChartData chart) {
    return {std::move(chart), {"en", catalog.icu_locale(), false, {}}};
}

InlineText body_paragraph(std::size_t index) { return plain_text(std::string(body[index % body.size()])); }

}  // namespace

Document compose_specimen(const Catalog& catalog, int chapters) {
    Document document;
    DocumentInfo& info = document.info;
    set_locale_furniture(info, catalog);
    info.title = "Typesetting specimen: Intercultural Cities Index report";
    info.author = catalog.text("report.author");
    info.subject = "Specimen of every block type of the ICC report engine";
    info.keywords = "specimen, typesetting, Intercultural Cities";
    info.date = Date{2026, 3, 15};
    info.running_header = "Intercultural Cities Index · Specimen City";
    // The specimen's text is English whatever the furniture's language.
    info.language = "en";

    document.blocks.emplace_back(CoverBlock{catalog.text("report.cover.kicker"), "Specimen City",
                                            catalog.text("report.cover.title"),
                                            {"Fictionland", "15 March 2026", "Typesetting specimen, every block type"}});
    document.blocks.emplace_back(TableOfContentsBlock{catalog.text("typesetting.contents"), 2});
    document.blocks.emplace_back(PageBreakBlock{});

    document.blocks.emplace_back(HeadingBlock{1, "Introduction", "introduction"});
    document.blocks.emplace_back(ParagraphBlock{
        plain_text("This specimen shows every block the report engine can typeset, so that its pages can be judged "
                   "as a reader would see them."),
        ParagraphStyle::lead});
    document.blocks.emplace_back(ParagraphBlock{{
        TextRun::plain("The "),
        TextRun::web_link("Intercultural Cities programme", "https://www.coe.int/en/web/interculturalcities"),
        TextRun::plain(" of the Council of Europe supports cities in reviewing their policies through an "),
        TextRun::emphasis("intercultural lens"),
        TextRun::plain(". Its Index is a questionnaire of "),
        TextRun::strong("86 questions in 12 indicators"),
        TextRun::plain("; the answers of every city are compared with the whole sample. The full list of answers is "
                       "in the "),
        TextRun::internal_link("annex", "annex"),
        TextRun::plain(", and the method is described in "),
        TextRun::internal_link("section 1.1", "method"),
        TextRun::plain("."),
    }});
    document.blocks.emplace_back(ParagraphBlock{body_paragraph(0)});
    document.blocks.emplace_back(HeadingBlock{2, "Method", "method"});
    document.blocks.emplace_back(ParagraphBlock{body_paragraph(1)});
    document.blocks.emplace_back(ListBlock{false,
                                           {plain_text("facts: the context of the city, such as its population and "
                                                       "the share of foreign-born residents;"),
                                            plain_text("inputs: policies, structures and actions, which carry most "
                                                       "of the points;"),
                                            {TextRun::plain("impacts: attitudes and outcomes, scored in "),
                                             TextRun::strong("bands"), TextRun::plain(".")}}});
    document.blocks.emplace_back(ParagraphBlock{body_paragraph(2)});
    document.blocks.emplace_back(FigureBlock{specimen_chart(catalog, charts::SpecimenLineChart{{38, 47, 55, 63}}), 150, 0.8,
                                             "Aggregate index of Specimen City in its four editions",
                                             "Line chart: the aggregate index rose from 38 in 2014 to 63 in 2026."});
    document.blocks.emplace_back(ParagraphBlock{
        plain_text("Sources: ICC Index questionnaire, editions 2014 to 2026; sample of 126 cities in 36 countries."),
        ParagraphStyle::note});

    for (int chapter = 0; chapter < chapters; ++chapter) {
        const auto area = std::string(areas[static_cast<std::size_t>(chapter) % areas.size()]);
        const auto seed = static_cast<std::size_t>(chapter);
        document.blocks.emplace_back(HeadingBlock{1, area});
        document.blocks.emplace_back(ParagraphBlock{body_paragraph(seed + 1)});
        document.blocks.emplace_back(HeadingBlock{2, "What an intercultural city does"});
        document.blocks.emplace_back(ParagraphBlock{body_paragraph(seed + 2)});
        document.blocks.emplace_back(ParagraphBlock{body_paragraph(seed + 3)});
        document.blocks.emplace_back(HeadingBlock{2, "Results of Specimen City"});
        document.blocks.emplace_back(ParagraphBlock{{
            TextRun::plain("In " + area + ", Specimen City reaches an achievement rate of "),
            TextRun::strong(std::to_string(40 + (chapter * 17) % 50) + "%"),
            TextRun::plain(", against a sample average of " + std::to_string(45 + (chapter * 7) % 20) +
                           "%. The figure below compares the city with the sample in each field."),
        }});
        std::vector<std::pair<double, double>> values;
        for (int i = 0; i < 6; ++i)
            values.emplace_back(30 + (chapter * 13 + i * 17) % 65, 40 + (chapter * 5 + i * 11) % 35);
        document.blocks.emplace_back(FigureBlock{specimen_chart(catalog, charts::SpecimenBarsChart{values}), 170, 1.0,
                                                 "Achievement rate of Specimen City (dark) and sample average (light) in " +
                                                     area,
                                                 "Bar chart comparing the city with the sample in six fields."});
        TableBlock table;
        table.columns = {{3, Alignment::start}, {1, Alignment::end}, {1, Alignment::end}, {1, Alignment::end}};
        table.header = {plain_text("City"), plain_text("Population"), plain_text("Foreign-born"),
                        plain_text("Rate")};
        const std::array<std::string_view, 6> cities{"Alderbrook", "Specimen City", "Castelverde", "Dunmarrow",
                                                     "Elsinmoor", "Fairholt"};
        for (std::size_t i = 0; i < cities.size(); ++i) {
            TableRow row;
            row.cells = {plain_text(std::string(cities[i])),
                         plain_text(catalog.integer(static_cast<std::int64_t>(60000 + ((i + seed) * 37813) % 400000))),
                         plain_text(catalog.percent(6.5 + static_cast<double>((i * 7 + seed * 3) % 25), 1)),
                         plain_text(std::to_string(35 + (i * 11 + seed * 9) % 60))};
            row.emphasised = cities[i] == "Specimen City";
            table.rows.push_back(std::move(row));
        }
        document.blocks.emplace_back(std::move(table));
        document.blocks.emplace_back(HeadingBlock{3, "The city’s answers in this area"});
        document.blocks.emplace_back(ParagraphBlock{body_paragraph(seed + 4)});
        document.blocks.emplace_back(HeadingBlock{2, "Recommendations"});
        ListBlock list{true, {}};
        for (std::size_t i = 0; i < recommendations.size(); ++i)
            list.items.push_back(plain_text(std::string(recommendations[(i + seed) % recommendations.size()])));
        document.blocks.emplace_back(std::move(list));
        CalloutBlock practice{"Inspiring practice: the neighbourhood mediators of Castelverde", {}};
        practice.blocks.emplace_back(ParagraphBlock{
            {TextRun::plain("Castelverde trained forty residents of twelve origins as "),
             TextRun::emphasis("neighbourhood mediators"),
             TextRun::plain(". They settle disputes between neighbours before they escalate, and report recurring "
                            "problems to the city’s services. Complaints to the police about neighbourhood "
                            "conflicts fell by a third in two years.")}});
        practice.blocks.emplace_back(ListBlock{false,
                                               {plain_text("Budget: 120 000 euros a year, shared with the region."),
                                                plain_text("Partners: tenants’ associations and two universities.")}});
        document.blocks.emplace_back(std::move(practice));
        document.blocks.emplace_back(ParagraphBlock{body_paragraph(seed + 5)});
    }

    document.blocks.emplace_back(PageBreakBlock{});
    document.blocks.emplace_back(HeadingBlock{1, "Annex: every answer", "annex", false});
    document.blocks.emplace_back(ParagraphBlock{plain_text(
        "Every answer of the city, with the points it earned. The table runs over several pages; its header is "
        "repeated on each of them.")});
    TableBlock answers;
    answers.columns = {{2.2}, {1}, {4}, {0.8, Alignment::end}};
    answers.header = {plain_text("Question"), plain_text("Answer"), plain_text("Comment"), plain_text("Points")};
    for (int i = 0; i < 40 + chapters * 12; ++i) {
        const auto area = std::string(areas[static_cast<std::size_t>(i) % areas.size()]);
        TableRow row;
        row.cells = {plain_text(area + ", question " + std::to_string(i / 12 + 1)),
                     plain_text(i % 3 == 0 ? "yes" : i % 3 == 1 ? "partly" : "no"),
                     i % 4 == 0 ? plain_text(std::string(body[static_cast<std::size_t>(i) % body.size()].substr(0, 160)) + "…")
                                : plain_text(i % 4 == 1 ? "Adopted by the council in 2024." : ""),
                     plain_text(std::to_string(i % 3 == 0 ? 4 : i % 3 == 1 ? 2 : 0))};
        answers.rows.push_back(std::move(row));
    }
    document.blocks.emplace_back(std::move(answers));
    return document;
}

// ---- Multilingual and Arabic specimens ------------------------------------

namespace {

struct SpecimenText {
    toml::table table;
    std::string file;

    // The reader's checks, and the first problem thrown: the specimen is built from bundled text.
    const toml::node& node(std::string_view path) const {
        DiagnosticSink sink;
        const TomlValue value = value_at_path(table, path, file, sink);
        if (!value) value.missing("a value");
        sink.throw_if_errors();
        return *value.node();
    }
    std::string text(std::string_view path) const {
        DiagnosticSink sink;
        const auto value = value_at_path(table, path, file, sink).required<std::string>();
        sink.throw_if_errors();
        return *value;
    }
    std::vector<std::string> texts(std::string_view path) const {
        DiagnosticSink sink;
        const TomlValue list = value_at_path(table, path, file, sink);
        if (!list) list.missing("a list of strings");
        std::vector<std::string> result;
        for (const TomlValue& item : list.items())
            if (auto value = item.required<std::string>()) result.push_back(*value);
        sink.throw_if_errors();
        return result;
    }
};

SpecimenText load_specimen_text(const DataRoot& data) {
    const auto path = data.templates() / "specimen" / "multilingual.toml";
    return {parse_toml_file(path), path.string()};
}

}  // namespace

Document compose_multilingual_specimen(const DataRoot& data, const Catalog& catalog) {
    const SpecimenText source = load_specimen_text(data);
    Document document;
    DocumentInfo& info = document.info;
    set_locale_furniture(info, catalog);
    info.title = "Typesetting specimen: languages and scripts";
    info.author = catalog.text("report.author");
    info.subject = "Every script of the ICC reports, set from the bundled fonts";
    info.keywords = "specimen, scripts, fonts, hyphenation";
    info.date = Date{2026, 3, 15};
    info.running_header = "Intercultural Cities Index · Languages and scripts";

    document.blocks.emplace_back(HeadingBlock{1, "Languages and scripts", "languages"});
    const auto* paragraphs = source.table["paragraph"].as_array();
    if (!paragraphs)
        throw DiagnosticError(Diagnostic{Severity::error, {source.file}, "missing [[paragraph]] entries"});
    std::size_t index = 0;
    for (const auto& entry : *paragraphs) {
        const std::string prefix = "paragraph[" + std::to_string(index++) + "].";
        const std::string language = source.text(prefix + "language");
        document.blocks.emplace_back(HeadingBlock{2, source.text(prefix + "name") + " (" + language + ")"});
        document.blocks.emplace_back(ParagraphBlock{plain_text(source.text(prefix + "text")), ParagraphStyle::body,
                                                    language});
        (void)entry;
    }
    document.blocks.emplace_back(HeadingBlock{2, "Text is data", "literal"});
    const std::string literal = source.text("literal.text");
    document.blocks.emplace_back(ParagraphBlock{plain_text(literal)});
    document.blocks.emplace_back(ParagraphBlock{{TextRun::strong(literal)}});
    TableBlock table;
    table.columns = {{1}, {3}};
    table.header = {plain_text("Kind"), plain_text("As written")};
    table.rows.push_back({{plain_text("comment"), plain_text(literal)}});
    document.blocks.emplace_back(std::move(table));
    return document;
}

Document compose_arabic_specimen(const DataRoot& data) {
    const SpecimenText source = load_specimen_text(data);
    Document document;
    DocumentInfo& info = document.info;
    info.title = source.text("arabic.title");
    info.author = "Council of Europe";
    info.subject = source.text("arabic.subtitle");
    info.keywords = "specimen, Arabic, right to left";
    info.language = "ar";
    info.icu_locale = "ar";
    info.right_to_left = true;
    info.date = Date{2026, 3, 15};
    info.running_header = source.text("arabic.running_header");
    info.page_of_pages = source.text("arabic.page_of_pages");
    info.figure_label = source.text("arabic.figure_label");
    info.cover_label = source.text("arabic.cover_label");

    const auto headings = source.texts("arabic.headings");
    const auto paragraphs = source.texts("arabic.paragraphs");
    if (headings.size() < 4 || paragraphs.size() < 3)
        throw DiagnosticError(Diagnostic{Severity::error, {source.file},
                                         "[arabic] needs 4 headings and 3 paragraphs"});
    document.blocks.emplace_back(CoverBlock{source.text("arabic.kicker"), source.text("arabic.city"),
                                            source.text("arabic.subtitle"), source.texts("arabic.details")});
    document.blocks.emplace_back(TableOfContentsBlock{source.text("arabic.contents"), 2});
    document.blocks.emplace_back(PageBreakBlock{});
    document.blocks.emplace_back(HeadingBlock{1, headings[0]});
    for (const auto& paragraph : paragraphs) document.blocks.emplace_back(ParagraphBlock{plain_text(paragraph)});
    document.blocks.emplace_back(HeadingBlock{2, headings[1]});
    document.blocks.emplace_back(ParagraphBlock{plain_text(paragraphs[1])});
    TableBlock table;
    table.columns = {{3}, {1, Alignment::end}, {1, Alignment::end}};
    for (const auto& cell : source.texts("arabic.table_header")) table.header.push_back(plain_text(cell));
    const auto* rows = source.node("arabic.table_rows").as_array();
    for (std::size_t r = 0; rows && r < rows->size(); ++r) {
        TableRow row;
        for (const auto& cell : source.texts("arabic.table_rows[" + std::to_string(r) + "]"))
            row.cells.push_back(plain_text(cell));
        row.emphasised = r == 0;
        table.rows.push_back(std::move(row));
    }
    document.blocks.emplace_back(std::move(table));
    // The figure follows the document's direction: its first pair is at the right.
    charts::ChartSpec bars{charts::SpecimenBarsChart{{{72, 65}, {58, 49}, {44, 51}, {61, 47}, {80, 59}, {66, 54}}},
                           {info.language, info.icu_locale, info.right_to_left, {}}};
    document.blocks.emplace_back(FigureBlock{std::move(bars), 160, 1.0, source.text("arabic.figure_caption"),
                                             source.text("arabic.figure_alt")});
    document.blocks.emplace_back(HeadingBlock{2, headings[2]});
    ListBlock numbered{true, {}};
    ListBlock bulleted{false, {}};
    for (const auto& item : source.texts("arabic.list")) {
        numbered.items.push_back(plain_text(item));
        bulleted.items.push_back(plain_text(item));
    }
    document.blocks.emplace_back(std::move(numbered));
    document.blocks.emplace_back(ParagraphBlock{plain_text(paragraphs[2])});
    document.blocks.emplace_back(std::move(bulleted));
    CalloutBlock callout{source.text("arabic.callout_title"), {}};
    callout.blocks.emplace_back(ParagraphBlock{plain_text(source.text("arabic.callout"))});
    document.blocks.emplace_back(std::move(callout));
    document.blocks.emplace_back(HeadingBlock{1, headings[3]});
    for (const auto& paragraph : paragraphs) document.blocks.emplace_back(ParagraphBlock{plain_text(paragraph)});
    return document;
}

}  // namespace icc
