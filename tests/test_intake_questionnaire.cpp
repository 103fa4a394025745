// `iccreport questionnaire`: the XLSX a city fills in. Read back with the
// importer's own workbook reader: the sheets and their language, locked ids
// and open answer cells, drop-downs listing the options in the form's
// language, the recorded questionnaire version, pre-filling from a city's
// latest edition, byte-identical output, and LibreOffice opening the file.
#include <boost/test/unit_test.hpp>

#include "intake/workbook.h"
#include "test_support.h"

using namespace icc;
using testing::run;

namespace {

std::string questionnaire(const std::string& arguments) {
    return testing::iccreport() + " questionnaire " + arguments;
}

// The hidden sheet's key -> value rows.
std::map<std::string, std::string> form_record(const intake::Sheet& sheet) {
    std::map<std::string, std::string> record;
    for (int row = 0; row <= sheet.last_row(); ++row)
        if (const auto* key = sheet.find(row, 0); key && key->text != "sheet")
            record[key->text] = sheet.find(row, 1) ? sheet.find(row, 1)->text : "";
    return record;
}

// The row of a question id in a sheet, or -1.
int row_of(const intake::Sheet& sheet, const std::string& id) {
    for (int row = 0; row <= sheet.last_row(); ++row)
        if (const auto* cell = sheet.find(row, 0); cell && cell->text == id) return row;
    return -1;
}

// The texts of a range "'_form'!$E$2:$E$5" of a sheet.
std::vector<std::string> list_items(const intake::Workbook& workbook, const std::string& formula) {
    const auto bang = formula.find('!');
    const std::string sheet_name = formula.substr(formula.front() == '\'' ? 1 : 0,
                                                  bang - (formula.front() == '\'' ? 2 : 0));
    const intake::Sheet* sheet = workbook.find(sheet_name);
    BOOST_TEST_REQUIRE(sheet != nullptr, formula);
    std::string range = formula.substr(bang + 1);
    std::erase(range, '$');
    const auto colon = range.find(':');
    const int column = range[0] - 'A';
    const int first = std::stoi(range.substr(1, colon - 1)) - 1;
    const int last = std::stoi(range.substr(colon + 2)) - 1;
    std::vector<std::string> items;
    for (int row = first; row <= last; ++row) items.push_back(sheet->find(row, column)->text);
    return items;
}

}  // namespace

BOOST_AUTO_TEST_CASE(blank_questionnaire_is_byte_identical_run_to_run) {
    testing::TempDir dir;
    const auto a = dir / "a.xlsx", b = dir / "b.xlsx";
    BOOST_TEST_REQUIRE(run(questionnaire("--lang fr --out " + a.string())).exit_code == 0);
    BOOST_TEST_REQUIRE(run(questionnaire("--lang fr --out " + b.string())).exit_code == 0);
    BOOST_TEST(testing::slurp(a) == testing::slurp(b));
    BOOST_TEST(testing::slurp(a).substr(0, 2) == "PK");
}

BOOST_AUTO_TEST_CASE(spanish_form_has_a_sheet_per_area_locked_ids_and_dropdowns_in_spanish) {
    testing::TempDir dir;
    const auto file = dir / "es.xlsx";
    const auto result = run(questionnaire("--lang es --out " + file.string()));
    BOOST_TEST_REQUIRE(result.exit_code == 0, result.err);
    const intake::Workbook workbook = intake::read_xlsx(file);
    BOOST_TEST_REQUIRE(workbook.sheets.size() == 1u + 1u + 17u + 1u);  // instructions, city, 17 areas with questions, record
    BOOST_TEST(workbook.sheets[0].name == "Instrucciones");
    BOOST_TEST(workbook.sheets[1].name == "Ciudad");
    const intake::Sheet* record = workbook.find("_form");
    BOOST_TEST_REQUIRE(record != nullptr);
    BOOST_TEST(record->hidden);
    const auto fields = form_record(*record);
    BOOST_TEST(fields.at("questionnaire") == "2019");
    BOOST_TEST(fields.at("language") == "es");
    BOOST_TEST(fields.at("prefilled_from") == "");

    const intake::Sheet& commitment = workbook.sheets[2];
    BOOST_TEST(commitment.is_protected);
    const int row = row_of(commitment, "commitment.strategy");
    BOOST_TEST_REQUIRE(row >= 0);
    BOOST_TEST(commitment.find(row, 1)->text == "¿Ha aprobado la ciudad una estrategia de integración intercultural?");
    const std::string answer_cell = intake::cell_name(row, 3);
    BOOST_TEST_REQUIRE(commitment.list_validations.count(answer_cell) == 1u);
    const auto items = list_items(workbook, commitment.list_validations.at(answer_cell));
    BOOST_TEST(items == (std::vector<std::string>{"Sí", "En parte", "No", "Se desconoce"}));
    // Number questions have no list; the record keeps one list per choice question.
    const int taught = row_of(*workbook.find("Lengua"), "language.languages_taught");
    BOOST_TEST_REQUIRE(taught >= 0);
    BOOST_TEST(workbook.find("Lengua")->list_validations.count(intake::cell_name(taught, 3)) == 0u);
}

BOOST_AUTO_TEST_CASE(with_city_the_form_is_prefilled_from_its_latest_edition) {
    testing::TempDir dir;
    const auto file = dir / "quellmark.xlsx";
    const auto result = run(questionnaire("--lang en --city quellmark --out " + file.string()));
    BOOST_TEST_REQUIRE(result.exit_code == 0, result.err);
    const intake::Workbook workbook = intake::read_xlsx(file);
    const auto fields = form_record(*workbook.find("_form"));
    BOOST_TEST(fields.at("prefilled_from").starts_with("quellmark "));
    const intake::Sheet& city = *workbook.find("City");
    BOOST_TEST(city.find(row_of(city, "city.id"), 3)->text == "quellmark");
    // The languages row, after the country, with the edition's languages and how to write them.
    const int languages = row_of(city, "city.languages");
    BOOST_TEST(languages == row_of(city, "city.country") + 1);
    BOOST_TEST(city.find(languages, 1)->text == "Languages in which the city reads its reports");
    BOOST_TEST(city.find(languages, 2)->text.find("separated by commas") != std::string::npos);
    BOOST_TEST(city.find(languages, 3)->text == "de");
    const auto* population = city.find(row_of(city, "city.population"), 3);
    BOOST_TEST_REQUIRE(population != nullptr);
    BOOST_TEST(population->number);
    BOOST_TEST(population->text == "643900");
}

BOOST_AUTO_TEST_CASE(unknown_city_and_language_are_refused) {
    testing::TempDir dir;
    const auto city = run(questionnaire("--city atlantis --out " + (dir / "x.xlsx").string()));
    BOOST_TEST(city.exit_code == 1);
    BOOST_TEST(city.err.find("--city: error: no city \"atlantis\"") != std::string::npos, city.err);
    const auto lang = run(questionnaire("--lang xx --out " + (dir / "x.xlsx").string()));
    BOOST_TEST(lang.exit_code == 1);
    BOOST_TEST(!std::filesystem::exists(dir / "x.xlsx"));
}

BOOST_AUTO_TEST_CASE(libreoffice_opens_the_questionnaire) {
    if (run("command -v soffice").exit_code != 0) {
        BOOST_TEST_MESSAGE("skipped: soffice (LibreOffice) is not installed");
        return;
    }
    testing::TempDir dir;
    const auto file = dir / "de.xlsx";
    BOOST_TEST_REQUIRE(run(questionnaire("--lang de --city valmora --out " + file.string())).exit_code == 0);
    // A private profile: a user's LibreOffice settings (or a running instance) must not matter.
    const auto converted = run("cd " + dir.path().string() + " && soffice -env:UserInstallation=file://" +
                               (dir / "profile").string() + " --headless --convert-to csv de.xlsx");
    BOOST_TEST_REQUIRE(converted.exit_code == 0, converted.err);
    const std::string csv = testing::slurp(dir / "de.csv");
    BOOST_TEST(csv.find("Fragebogen des Intercultural-Cities-Index (Version 2019)") != std::string::npos, csv);
}
