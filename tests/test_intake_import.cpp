// `iccreport import`: a filled questionnaire back into an edition. Files are
// made the way a city makes them: the questionnaire is written by
// `iccreport questionnaire`, then cells are changed inside the XLSX (as a
// spreadsheet saves them); each refusal is checked for its cell-precise
// message and for writing no edition.
#include <boost/test/unit_test.hpp>

#include <zip.h>

#include <regex>

#include "intake/workbook.h"
#include "load/edition.h"
#include "load/questionnaire.h"
#include "support/data_root.h"
#include "test_support.h"

using namespace icc;
using testing::run;
namespace fs = std::filesystem;

namespace {

const std::string valmora = (testing::source_root() / "samples/network/valmora/2026-03-15.toml").string();

std::string iccreport(const std::string& arguments) { return testing::iccreport() + " " + arguments; }

std::string read_part(const fs::path& xlsx, const std::string& part) {
    int error = 0;
    zip_t* archive = zip_open(xlsx.c_str(), ZIP_RDONLY, &error);
    BOOST_TEST_REQUIRE(archive != nullptr);
    zip_stat_t stat;
    zip_stat_init(&stat);
    BOOST_TEST_REQUIRE(zip_stat(archive, part.c_str(), 0, &stat) == 0);
    zip_file_t* file = zip_fopen(archive, part.c_str(), 0);
    std::string content(stat.size, '\0');
    zip_fread(file, content.data(), stat.size);
    zip_fclose(file);
    zip_discard(archive);
    return content;
}

void write_part(const fs::path& xlsx, const std::string& part, const std::string& content) {
    int error = 0;
    zip_t* archive = zip_open(xlsx.c_str(), 0, &error);
    BOOST_TEST_REQUIRE(archive != nullptr);
    void* copy = std::malloc(content.size());  // libzip frees it (freep = 1)
    std::memcpy(copy, content.data(), content.size());
    zip_source_t* source = zip_source_buffer(archive, copy, content.size(), 1);
    BOOST_TEST_REQUIRE(zip_file_add(archive, part.c_str(), source, ZIP_FL_OVERWRITE) >= 0);
    BOOST_TEST_REQUIRE(zip_close(archive) == 0);
}

// Sets a cell as a spreadsheet saves it: text as an inline string, or a number.
void set_cell(const fs::path& xlsx, int sheet, const std::string& cell, const std::string& value, bool number = false) {
    const std::string part = "xl/worksheets/sheet" + std::to_string(sheet) + ".xml";
    std::string xml = read_part(xlsx, part);
    const std::regex existing("<c r=\"" + cell + "\"[^>]*?(/>|>.*?</c>)");
    const std::string replacement = number ? "<c r=\"" + cell + "\"><v>" + value + "</v></c>"
                                           : "<c r=\"" + cell + "\" t=\"inlineStr\"><is><t>" + value + "</t></is></c>";
    BOOST_TEST_REQUIRE(std::regex_search(xml, existing), cell + " in " + part);
    xml = std::regex_replace(xml, existing, replacement, std::regex_constants::format_first_only);
    write_part(xlsx, part, xml);
}

// Sheets of the English form, as `iccreport questionnaire` numbers its parts.
constexpr int city_sheet = 2, commitment_sheet = 3, education_sheet = 4, record_sheet = 20;

struct Imported {
    testing::CommandResult result;
    fs::path out;
};

Imported import(const testing::TempDir& dir, const fs::path& answers) {
    const fs::path out = dir / "edition.toml";
    return {run(iccreport("import " + answers.string() + " --out " + out.string())), out};
}

// Valmora's answers as a filled questionnaire in `lang`.
fs::path filled(const testing::TempDir& dir, const std::string& lang = "en", const std::string& from = valmora) {
    const fs::path file = dir / ("answers." + lang + ".xlsx");
    const auto result = run(iccreport("questionnaire --lang " + lang + " --city " + from + " --out " + file.string()));
    BOOST_TEST_REQUIRE(result.exit_code == 0, result.err);
    return file;
}

void expect_refused(const Imported& imported, const std::string& message) {
    BOOST_TEST(imported.result.exit_code == 1);
    BOOST_TEST(imported.result.err.find(message) != std::string::npos, imported.result.err);
    BOOST_TEST(!fs::exists(imported.out));
}

const Questionnaire& questionnaire() {
    static const Questionnaire q = Questionnaire::bundled(DataRoot{testing::source_root()});
    return q;
}

// The first lines of a French CSV for Lunel-sur-Arve (header, version,
// language and identity), with `columns` columns (3, or 4 with the comment's
// language): what each CSV case then answers follows them.
std::string lunel_csv_head(int columns) {
    const std::string empty(static_cast<std::size_t>(columns - 2), ',');
    std::string head = columns == 4 ? "question,answer,comment,language\n" : "question,answer,comment\n";
    for (const char* line : {"questionnaire,2019", "language,fr", "city.id,lunel-sur-arve", "city.name,Lunel-sur-Arve",
                             "city.country,FR", "edition.date,2026-09-30"})
        head += line + empty + "\n";
    return head;
}

// What a workbook's hidden record (_form) says it is: "layout" -> "2", ...
std::map<std::string, std::string> record_of(const fs::path& xlsx) {
    const intake::Workbook workbook = intake::read_xlsx(xlsx);
    const intake::Sheet* record = workbook.find("_form");
    BOOST_TEST_REQUIRE(record != nullptr);
    std::map<std::string, std::string> fields;
    for (int row = 0; row <= record->last_row(); ++row)
        if (const auto* key = record->find(row, 0); key && record->find(row, 1)) fields[key->text] = record->find(row, 1)->text;
    return fields;
}

}  // namespace

BOOST_AUTO_TEST_CASE(import_export_import_is_byte_identical_and_keeps_every_answer) {
    testing::TempDir dir;
    const Imported first = import(dir, filled(dir, "fr"));
    BOOST_TEST_REQUIRE(first.result.exit_code == 0, first.result.err);
    const std::string once = testing::slurp(first.out);
    const fs::path again = dir / "again.xlsx";
    BOOST_TEST_REQUIRE(run(iccreport("questionnaire --lang pl --city " + first.out.string() + " --out " + again.string()))
                           .exit_code == 0);
    const fs::path second = dir / "second.toml";
    const auto result = run(iccreport("import " + again.string() + " --out " + second.string()));
    BOOST_TEST_REQUIRE(result.exit_code == 0, result.err);
    BOOST_TEST(testing::slurp(second) == once);

    // The edition says what Valmora's hand-written file says, comments included.
    const Edition original = load_edition(valmora, questionnaire());
    const Edition imported = load_edition(first.out, questionnaire());
    BOOST_TEST(imported.city.id == original.city.id);
    BOOST_TEST(imported.date.iso() == original.date.iso());
    BOOST_TEST_REQUIRE(imported.answers.size() == original.answers.size());
    BOOST_TEST_REQUIRE(imported.facts.size() == original.facts.size());
    for (std::size_t i = 0; i < original.answers.size(); ++i) {
        BOOST_TEST(imported.answers[i].question == original.answers[i].question);
        BOOST_TEST(answer_text(imported.answers[i].value) == answer_text(original.answers[i].value),
                   original.answers[i].question);
        BOOST_TEST(imported.answers[i].comment == original.answers[i].comment);
    }
}

BOOST_AUTO_TEST_CASE(each_comment_keeps_its_language_through_the_workbook) {
    // Bab Nouara writes in Arabic and French (its edition in Arabic, each French comment stating its
    // language): importing gives the edition's language and every comment's back, as the TOML file
    // writes them.
    testing::TempDir dir;
    const std::string bab_nouara = (testing::source_root() / "samples/network/bab-nouara/2024-06-12.toml").string();
    const fs::path form = filled(dir, "ar", bab_nouara);
    const Imported first = import(dir, form);
    BOOST_TEST_REQUIRE(first.result.exit_code == 0, first.result.err);
    const std::string toml = testing::slurp(first.out);
    BOOST_TEST(toml.find("\nlanguage = \"ar\"\n") != std::string::npos, toml);
    BOOST_TEST(toml.find("\ncountry = \"MA\"\nlanguages = [\"ar-MA\", \"fr\"]\n") != std::string::npos, toml);
    BOOST_TEST(toml.find("language = \"fr\" }") != std::string::npos, toml);
    BOOST_TEST(toml.find("language = \"ar\" }") == std::string::npos, toml);

    const Edition original = load_edition(bab_nouara, questionnaire());
    const Edition imported = load_edition(first.out, questionnaire());
    BOOST_TEST(imported.language == "ar");
    const auto effective = [](const Edition& edition, const Answer& answer) {
        return answer.language.empty() ? edition.language : answer.language;
    };
    for (const auto* answers : {&original.facts, &original.answers})
        for (const Answer& answer : *answers) {
            const Answer* back = imported.find(answer.question);
            BOOST_TEST_REQUIRE(back != nullptr, answer.question);
            BOOST_TEST(back->comment == answer.comment);
            if (!answer.comment.empty())
                BOOST_TEST(effective(imported, *back) == effective(original, answer), answer.question);
        }

    // Through an English form the same languages come back in the same bytes: the form records the
    // edition's language, and writes each comment's language beside it where it is not English.
    const fs::path english = dir / "again.en.xlsx";
    BOOST_TEST_REQUIRE(
        run(iccreport("questionnaire --lang en --city " + first.out.string() + " --out " + english.string())).exit_code == 0);
    const fs::path second = dir / "second.toml";
    const auto result = run(iccreport("import " + english.string() + " --out " + second.string()));
    BOOST_TEST_REQUIRE(result.exit_code == 0, result.err);
    BOOST_TEST(testing::slurp(second) == toml);
}

BOOST_AUTO_TEST_CASE(a_comment_language_is_checked_at_its_cell) {
    testing::TempDir dir;
    const fs::path file = filled(dir, "en");
    set_cell(file, commitment_sheet, "F3", "français");  // statement has a comment: the tag is malformed
    set_cell(file, commitment_sheet, "E4", "");           // strategy: its comment removed...
    set_cell(file, commitment_sheet, "F4", "pt");         // ...but a language left beside it
    const Imported imported = import(dir, file);
    expect_refused(imported, "answers.en.xlsx:Commitment!F3: error: commitment.statement: expected a language tag "
                             "such as \"fr\" or \"pt-BR\" (the comment's language), found \"français\"");
    expect_refused(imported, "answers.en.xlsx:Commitment!F4: error: commitment.strategy: a comment language without "
                             "a comment");
}

BOOST_AUTO_TEST_CASE(the_city_languages_are_codes_or_names_of_the_language_registry) {
    testing::TempDir dir;
    const fs::path file = filled(dir, "en");
    set_cell(file, city_sheet, "D6", "PT; Français، uk");  // a tag in capitals, a name, the Arabic comma
    const Imported imported = import(dir, file);
    BOOST_TEST_REQUIRE(imported.result.exit_code == 0, imported.result.err);
    BOOST_TEST(testing::slurp(imported.out).find("\ncountry = \"PT\"\nlanguages = [\"pt\", \"fr\", \"uk\"]\n") !=
               std::string::npos, testing::slurp(imported.out));
    BOOST_TEST(load_edition(imported.out, questionnaire()).city.languages ==
               (std::vector<std::string>{"pt", "fr", "uk"}));

    // Left empty, the edition states no languages.
    set_cell(file, city_sheet, "D6", "");
    const Imported none = import(dir, file);
    BOOST_TEST_REQUIRE(none.result.exit_code == 0, none.result.err);
    BOOST_TEST(testing::slurp(none.out).find("languages = [") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(an_unknown_city_language_is_refused_at_its_cell_with_did_you_mean) {
    testing::TempDir dir;
    const fs::path file = filled(dir, "en");
    set_cell(file, city_sheet, "D6", "ptt, pt-BR, fr, fr");
    const Imported imported = import(dir, file);
    expect_refused(imported, ":City!D6: error: city.languages: unknown language \"ptt\"; expected language codes "
                             "separated by commas, each one of: ar, ar-MA, de, el, en, es, fi, fr, he, it, ja, ko, pl, pt, sv, "
                             "uk\nhelp: did you mean \"pt\"?");
    expect_refused(imported, ":City!D6: error: city.languages: unknown language \"pt-BR\"; expected language codes "
                             "separated by commas, each one of: ar, ar-MA, de, el, en, es, fi, fr, he, it, ja, ko, pl, pt, sv, "
                             "uk\nhelp: did you mean \"pt\"?");
    expect_refused(imported, ":City!D6: error: city.languages: language \"fr\" listed twice");
}

BOOST_AUTO_TEST_CASE(workbooks_of_earlier_layouts_without_the_languages_row_still_import) {
    // tests/data/intake/: Valmora's Portuguese questionnaire as iccreport wrote it before the city sheet had
    // its city.languages row: layout 1 (no column for a comment's language either) and layout 2. Every
    // answer reads back, and the edition states no languages.
    const Edition original = load_edition(valmora, questionnaire());
    for (const char* layout : {"1", "2"}) {
        const fs::path old = testing::test_data() / "intake" /
                             ("valmora-2026-03-15.layout" + std::string(layout) + ".pt.xlsx");
        BOOST_TEST_REQUIRE(record_of(old).at("layout") == layout);
        testing::TempDir dir;
        const Imported imported = import(dir, old);
        BOOST_TEST_REQUIRE(imported.result.exit_code == 0, imported.result.err);
        const Edition edition = load_edition(imported.out, questionnaire());
        BOOST_TEST(edition.city.languages.empty());
        BOOST_TEST(edition.date.iso() == original.date.iso());
        BOOST_TEST(edition.answers.size() == original.answers.size());
        BOOST_TEST(edition.facts.size() == original.facts.size());
    }
}

BOOST_AUTO_TEST_CASE(answers_in_any_language_and_decimal_commas_are_understood) {
    testing::TempDir dir;
    const fs::path file = filled(dir, "es");
    set_cell(file, commitment_sheet, "D3", "sí");      // statement, lower case
    set_cell(file, commitment_sheet, "D4", "Oui");     // strategy, in French in a Spanish form
    set_cell(file, commitment_sheet, "D5", "partly");  // action_plan, the option id
    set_cell(file, education_sheet, "D3", "11,5");     // pupils_migrant_percent, decimal comma
    set_cell(file, education_sheet, "E3", "Registro escolar 2025.");
    set_cell(file, education_sheet, "F3", "es");  // Valmora's edition is in English: this comment says it is not
    const Imported imported = import(dir, file);
    BOOST_TEST_REQUIRE(imported.result.exit_code == 0, imported.result.err);
    const std::string toml = testing::slurp(imported.out);
    BOOST_TEST(toml.find("\nstatement = { answer = \"yes\"") != std::string::npos, toml);
    BOOST_TEST(toml.find("\nstrategy = { answer = \"yes\"") != std::string::npos);
    BOOST_TEST(toml.find("\naction_plan = \"partly\"") != std::string::npos);
    BOOST_TEST(toml.find("\npupils_migrant_percent = { answer = 11.5, comment = \"Registro escolar 2025.\", language = \"es\" }") !=
               std::string::npos, toml);
}

BOOST_AUTO_TEST_CASE(an_option_not_in_the_list_is_refused_at_its_cell_with_did_you_mean) {
    testing::TempDir dir;
    const fs::path file = filled(dir);
    set_cell(file, education_sheet, "D7", "perhaps");
    set_cell(file, education_sheet, "D6", "Partley");
    const Imported imported = import(dir, file);
    expect_refused(imported, ":Education!D7: error: expected one of yes, partly, no; found \"perhaps\"");
    expect_refused(imported, ":Education!D6: error: expected one of yes, partly, no; found \"Partley\"\n"
                             "help: did you mean \"Partly\"?");
}

BOOST_AUTO_TEST_CASE(text_in_a_number_cell_is_refused) {
    testing::TempDir dir;
    const fs::path file = filled(dir);
    set_cell(file, education_sheet, "D3", "about a tenth");
    expect_refused(import(dir, file), ":Education!D3: error: expected a percentage between 0 and 100 (a number, "
                                      "without the % sign); found \"about a tenth\"");
}

BOOST_AUTO_TEST_CASE(a_percentage_over_100_is_refused) {
    testing::TempDir dir;
    const fs::path file = filled(dir);
    set_cell(file, education_sheet, "D3", "112.5", true);
    expect_refused(import(dir, file), ":Education!D3: error: answers.education.pupils_migrant_percent: percentage "
                                      "over 100; expected a percentage between 0 and 100, found 112.5");
}

BOOST_AUTO_TEST_CASE(a_question_id_edited_by_hand_is_refused) {
    testing::TempDir dir;
    const fs::path file = filled(dir);
    set_cell(file, commitment_sheet, "A4", "commitment.stratgy");
    expect_refused(import(dir, file), ":Commitment!A4: error: question id edited; expected \"commitment.strategy\" "
                                      "in this row, found \"commitment.stratgy\"\nhelp: did you mean "
                                      "\"commitment.strategy\"?");
}

BOOST_AUTO_TEST_CASE(a_deleted_sheet_is_refused) {
    testing::TempDir dir;
    const fs::path file = filled(dir);
    std::string workbook = read_part(file, "xl/workbook.xml");
    workbook = std::regex_replace(workbook, std::regex("<sheet name=\"Education\"[^>]*/>"), "");
    write_part(file, "xl/workbook.xml", workbook);
    expect_refused(import(dir, file), ": error: sheet \"Education\" is missing (the questions of area \"education\"); "
                                      "expected every sheet of the questionnaire");
}

BOOST_AUTO_TEST_CASE(a_questionnaire_of_another_version_is_refused) {
    testing::TempDir dir;
    const fs::path file = filled(dir);
    set_cell(file, record_sheet, "B3", "2011");
    expect_refused(import(dir, file), ":_form!B3: error: questionnaire version \"2011\"; expected \"2019\"");
}

BOOST_AUTO_TEST_CASE(a_file_that_is_not_a_spreadsheet_is_refused) {
    testing::TempDir dir;
    expect_refused(import(dir, dir.write("answers.xlsx", "Dear secretariat, our answers follow.\n")),
                   "answers.xlsx: error: not a spreadsheet: an XLSX workbook is a zip archive");
    expect_refused(import(dir, dir.write("answers.pdf", "%PDF-1.7\n")), "answers.pdf: error: not a spreadsheet");
    expect_refused(import(dir, dir.write("answers.csv", std::string("PK\x03\x04\x00\x01", 6))),
                   "answers.csv: error: not a spreadsheet");
}

BOOST_AUTO_TEST_CASE(every_problem_is_reported_at_once_and_no_edition_is_written) {
    testing::TempDir dir;
    const fs::path file = filled(dir);
    set_cell(file, education_sheet, "D7", "perhaps");
    set_cell(file, education_sheet, "D3", "lots");
    set_cell(file, commitment_sheet, "A4", "commitment.stratgy");
    set_cell(file, city_sheet, "D7", "", false);  // edition.date emptied
    const fs::path out = dir / "edition.toml";
    std::ofstream(out) << "# an older edition stays as it was\n";
    const auto result = run(iccreport("import " + file.string() + " --out " + out.string()));
    BOOST_TEST(result.exit_code == 1);
    for (const char* place : {":Education!D7: error:", ":Education!D3: error:", ":Commitment!A4: error:",
                              ":City!D7: error: edition.date: missing"})
        BOOST_TEST(result.err.find(place) != std::string::npos, place << "\n" << result.err);
    BOOST_TEST(testing::slurp(out) == "# an older edition stays as it was\n");
}

BOOST_AUTO_TEST_CASE(csv_with_the_documented_layout_is_imported) {
    testing::TempDir dir;
    const fs::path csv = dir.write("answers.csv",
                                   lunel_csv_head(3) +
                                   "city.population,\"41 200\",Recensement 2025\n"
                                   "city.foreign_born_percent,\"12,5\",\n"
                                   "city.languages,fr,\n"
                                   "commitment.statement,Oui,\"Adoptée le 3 mars, à l'unanimité.\"\n"
                                   "commitment.communication,Site internet de la ville ; réseaux sociaux de la ville,\n");
    const Imported imported = import(dir, csv);
    BOOST_TEST_REQUIRE(imported.result.exit_code == 0, imported.result.err);
    const std::string toml = testing::slurp(imported.out);
    BOOST_TEST(toml.find("population = { answer = 41200, comment = \"Recensement 2025\" }") != std::string::npos, toml);
    BOOST_TEST(toml.find("foreign_born_percent = 12.5\n") != std::string::npos);
    BOOST_TEST(toml.find("\ncountry = \"FR\"\nlanguages = [\"fr\"]\n") != std::string::npos, toml);
    BOOST_TEST(toml.find("statement = { answer = \"yes\", comment = \"Adoptée le 3 mars, à l'unanimité.\" }") !=
               std::string::npos);
    BOOST_TEST(toml.find("communication = [\"website\", \"social_media\"]") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(csv_may_give_each_comment_its_language) {
    testing::TempDir dir;
    const fs::path csv = dir.write("answers.csv",
                                   lunel_csv_head(4) +
                                   "city.population,41200,Recensement 2025,\n"
                                   "city.foreign_born_percent,12,,\n"
                                   "commitment.statement,Oui,Adopted unanimously on 3 March.,en\n"
                                   "commitment.strategy,Non,Prévue pour 2027.,\n");
    const Imported imported = import(dir, csv);
    BOOST_TEST_REQUIRE(imported.result.exit_code == 0, imported.result.err);
    const std::string toml = testing::slurp(imported.out);
    BOOST_TEST(toml.find("\nlanguage = \"fr\"\n") != std::string::npos, toml);
    BOOST_TEST(toml.find("statement = { answer = \"yes\", comment = \"Adopted unanimously on 3 March.\", language = "
                         "\"en\" }") != std::string::npos, toml);
    BOOST_TEST(toml.find("strategy = { answer = \"no\", comment = \"Prévue pour 2027.\" }") != std::string::npos, toml);
}

BOOST_AUTO_TEST_CASE(csv_errors_name_line_and_column) {
    testing::TempDir dir;
    const fs::path csv = dir.write("answers.csv",
                                   "question,answer,comment\n"
                                   "questionnaire,2019,\n"
                                   "city.id,lunel,\n"
                                   "city.name,Lunel,\n"
                                   "city.country,FR,\n"
                                   "edition.date,2026-09-30,\n"
                                   "city.population,41200,\n"
                                   "city.foreign_born_percent,12,\n"
                                   "commitment.stratgy,yes,\n"
                                   "commitment.budget,perhaps,\n");
    const Imported imported = import(dir, csv);
    expect_refused(imported, "answers.csv:9:1: error: unknown question id \"commitment.stratgy\" in questionnaire 2019");
    expect_refused(imported, "help: did you mean \"commitment.strategy\"?");
    expect_refused(imported, "answers.csv:10:19: error: expected one of yes, partly, no; found \"perhaps\"");
}

BOOST_AUTO_TEST_CASE(a_workbook_saved_by_libreoffice_imports_the_same) {
    if (run("command -v soffice").exit_code != 0) {
        BOOST_TEST_MESSAGE("skipped: soffice (LibreOffice) is not installed");
        return;
    }
    testing::TempDir dir;
    const fs::path file = filled(dir, "it");
    const Imported direct = import(dir, file);
    BOOST_TEST_REQUIRE(direct.result.exit_code == 0, direct.result.err);
    fs::create_directories(dir / "saved");
    const auto saved = run("cd " + (dir / "saved").string() + " && soffice -env:UserInstallation=file://" +
                           (dir / "profile").string() + " --headless --convert-to xlsx " + file.string());
    BOOST_TEST_REQUIRE(saved.exit_code == 0, saved.err);
    const fs::path out = dir / "saved.toml";
    const auto result = run(iccreport("import " + (dir / "saved" / file.filename()).string() + " --out " + out.string()));
    BOOST_TEST_REQUIRE(result.exit_code == 0, result.err);
    BOOST_TEST(testing::slurp(out) == testing::slurp(direct.out));
}

// README's "A new city: from a blank questionnaire to its reports", its three
// commands as written there (with a copy of the network): a blank Polish
// questionnaire, filled in by the city (here, by typing into the blank form's
// cells every answer and comment Valmora gave, under a new city's id, name
// and date), imported as an edition of the network, and reported in English,
// French and Polish.
BOOST_AUTO_TEST_CASE(a_new_city_goes_from_a_blank_questionnaire_to_its_reports_in_three_commands) {
    testing::TempDir dir;
    const fs::path network = dir / "network";
    fs::copy(testing::source_root() / "samples/network", network, fs::copy_options::recursive);
    const fs::path form = dir / "lunel.xlsx";
    // 1. The blank questionnaire.
    const auto blank = run(iccreport("questionnaire --lang pl --out " + form.string()));
    BOOST_TEST_REQUIRE(blank.exit_code == 0, blank.err);
    const intake::Workbook empty = intake::read_xlsx(form);
    // The city fills it in: every cell the blank form leaves to it.
    const intake::Workbook answers = intake::read_xlsx(filled(dir, "pl"));
    BOOST_TEST_REQUIRE(answers.sheets.size() == empty.sheets.size());
    const auto escaped = [](std::string text) {
        for (const auto& [from, to] : {std::pair{"&", "&amp;"}, {"<", "&lt;"}, {">", "&gt;"}})
            for (std::size_t at = 0; (at = text.find(from, at)) != std::string::npos; at += std::string(to).size())
                text.replace(at, 1, to);
        return text;
    };
    int typed = 0;
    for (std::size_t s = 0; s < answers.sheets.size(); ++s) {
        if (answers.sheets[s].hidden) continue;  // the form's own record, not the city's to fill
        for (const auto& [place, cell] : answers.sheets[s].cells) {
            const intake::Cell* before = empty.sheets[s].find(place.first, place.second);
            if (before && before->text == cell.text) continue;
            set_cell(form, static_cast<int>(s) + 1, intake::cell_name(place.first, place.second), escaped(cell.text),
                     cell.number);
            ++typed;
        }
    }
    BOOST_TEST(typed > 80);
    set_cell(form, city_sheet, "D3", "lunel");
    set_cell(form, city_sheet, "D4", "Lunel");
    set_cell(form, city_sheet, "D7", "2026-09-30");
    // 2. Its answers, back as an edition file of the network.
    const fs::path edition = network / "lunel" / "2026-09-30.toml";
    const auto imported = run(iccreport("import " + form.string() + " --out " + edition.string()));
    BOOST_TEST_REQUIRE(imported.exit_code == 0, imported.err);
    const Edition lunel = load_edition(edition, questionnaire());
    BOOST_TEST(lunel.city.id == "lunel");
    BOOST_TEST(lunel.answers.size() == load_edition(valmora, questionnaire()).answers.size());
    // 3. Its reports, compared with the whole network.
    for (const std::string lang : {"en", "fr", "pl"}) {
        BOOST_TEST_CONTEXT(lang) {
            const fs::path pdf = dir / ("lunel." + lang + ".pdf");
            const auto report = run("cd '" + (dir / ".").string() + "' && " + testing::iccreport() + " report " +
                                    edition.string() + " --network " + network.string() + " --lang " + lang);
            BOOST_TEST_REQUIRE(report.exit_code == 0, report.err);
            BOOST_TEST(report.err.find("wrote lunel." + lang + ".pdf") != std::string::npos, report.err);
            const auto info = run("pdfinfo '" + pdf.string() + "'");
            BOOST_TEST(info.out.find("Title:           Lunel") != std::string::npos, info.out);
            const auto catalog = run("qpdf --qdf --object-streams=disable '" + pdf.string() + "' -");
            BOOST_TEST(catalog.out.find("/Lang (" + lang + ")") != std::string::npos);
        }
    }
}
