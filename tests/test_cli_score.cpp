// End-to-end checks of `iccreport score`: the table, CSV and JSON say the
// same thing; one edition is placed in the bundled network; errors are
// reported all at once with exit code 1.
#include <boost/test/unit_test.hpp>

#include <map>
#include <nlohmann/json.hpp>
#include <regex>

#include "test_support.h"

using namespace icc;
using testing::run;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {
const std::string network = (testing::source_root() / "samples/network").string();
const std::string valmora = (testing::source_root() / "samples/network/valmora/2026-03-15.toml").string();
const std::vector<std::string> indicators{"commitment", "lens",       "mediation",           "language",
                                          "media",      "international", "intelligence",     "welcome",
                                          "leadership", "anti_discrimination", "participation", "interaction"};

std::string score(const std::string& arguments) { return testing::iccreport() + " score " + arguments; }

// One CSV line's fields, with "quoted" fields (names such as "500,000 inhabitants or more").
std::vector<std::string> csv_fields(const std::string& line, char separator = ',') {
    std::vector<std::string> fields{""};
    bool quoted = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (quoted && c == '"' && i + 1 < line.size() && line[i + 1] == '"') fields.back() += '"', ++i;
        else if (c == '"') quoted = !quoted;
        else if (c == separator && !quoted) fields.emplace_back();
        else fields.back() += c;
    }
    return fields;
}

// CSV rows as column -> value.
std::vector<std::map<std::string, std::string>> parse_csv(const std::string& text) {
    std::istringstream in(text);
    std::string line;
    std::getline(in, line);
    const auto header = csv_fields(line);
    std::vector<std::map<std::string, std::string>> rows;
    while (std::getline(in, line)) {
        const auto fields = csv_fields(line);
        BOOST_TEST_REQUIRE(fields.size() == header.size(), line);
        std::map<std::string, std::string> row;
        for (std::size_t i = 0; i < header.size(); ++i) row[header[i]] = fields[i];
        rows.push_back(std::move(row));
    }
    return rows;
}

struct TableRow {
    std::string rank, extended_rank, name, country, date;  // rank: on the core index
    std::vector<std::string> figures;  // aggregate, core, extended, then the 12 indicators
};

std::vector<TableRow> parse_table(const std::string& text) {
    static const std::regex row(R"(^\s*(\d+|-)\s+(\d+|-)  (.+?)\s+([A-Z]{2})\s+(\d{4}-\d{2}-\d{2})\s+(.*)$)");
    std::vector<TableRow> rows;
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line)) {
        std::smatch match;
        if (!std::regex_match(line, match, row)) continue;
        TableRow parsed{match[1], match[2], match[3], match[4], match[5], {}};
        std::istringstream figures(match[6].str());
        for (std::string figure; figures >> figure;) parsed.figures.push_back(figure);
        rows.push_back(std::move(parsed));
    }
    return rows;
}

std::string json_figure(const json& value) {
    if (value.is_null()) return "-";
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.1f", value.get<double>());
    return buffer;
}
}  // namespace

BOOST_AUTO_TEST_CASE(the_network_table_prints_every_city) {
    auto result = run(score("'" + network + "'"));
    BOOST_TEST_REQUIRE(result.exit_code == 0, result.err);
    BOOST_TEST(result.out.find("Sample: 165 cities, each with its latest edition (no cut-off date)") == 0u);
    const auto rows = parse_table(result.out);
    BOOST_TEST(rows.size() == 165u);
    BOOST_TEST(rows.front().rank == "1");
    BOOST_TEST(result.out.find("Quellmark") != std::string::npos);
    BOOST_TEST(result.out.find("Marvège") != std::string::npos);
    BOOST_TEST(result.out.find("Sample average") != std::string::npos);
    BOOST_TEST(result.out.find("Fewer than 100,000 inhabitants") != std::string::npos);
    BOOST_TEST(result.out.find("Cities in the same country (Portugal)") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(csv_json_and_table_agree) {
    auto table = run(score("'" + network + "'"));
    auto csv = run(score("'" + network + "' --format csv"));
    auto json_run = run(score("'" + network + "' --format json"));
    BOOST_TEST_REQUIRE(table.exit_code == 0, table.err);
    BOOST_TEST_REQUIRE(csv.exit_code == 0, csv.err);
    BOOST_TEST_REQUIRE(json_run.exit_code == 0, json_run.err);
    const auto rows = parse_table(table.out);
    const auto records = parse_csv(csv.out);
    const json document = json::parse(json_run.out);
    BOOST_TEST_REQUIRE(rows.size() == records.size());
    BOOST_TEST_REQUIRE(document["cities"].size() == records.size());
    BOOST_TEST(document["sample_size"] == 165);
    BOOST_TEST(document["as_of"].is_null());
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const TableRow& row = rows[i];
        const auto& record = records[i];
        const json& city = document["cities"][i];
        BOOST_TEST_CONTEXT(record.at("city")) {
            BOOST_TEST(row.name == record.at("name"));
            BOOST_TEST(city["name"].get<std::string>() == record.at("name"));
            BOOST_TEST(row.rank == record.at("core_rank"));
            BOOST_TEST(std::to_string(city["core_rank"].get<int>()) == record.at("core_rank"));
            BOOST_TEST(row.extended_rank == (record.at("extended_rank").empty() ? "-" : record.at("extended_rank")));
            BOOST_TEST((city["extended_rank"].is_null() ? std::string() : std::to_string(city["extended_rank"].get<int>())) ==
                       record.at("extended_rank"));
            // The aggregate is the extended index where there is one, else the core index.
            BOOST_TEST(city["aggregate_index"] == (record.at("extended").empty() ? "core" : "extended"));
            BOOST_TEST(row.country == record.at("country"));
            BOOST_TEST(row.date == record.at("edition"));
            BOOST_TEST(city["edition"].get<std::string>() == record.at("edition"));
            BOOST_TEST_REQUIRE(row.figures.size() == 15u);
            const auto csv_figure = [&](const std::string& column) {
                return record.at(column).empty() ? std::string("-") : record.at(column);
            };
            BOOST_TEST(row.figures[0] == csv_figure("aggregate"));
            BOOST_TEST(row.figures[1] == csv_figure("core"));
            BOOST_TEST(row.figures[2] == csv_figure("extended"));
            BOOST_TEST(json_figure(city["aggregate"]) == csv_figure("aggregate"));
            BOOST_TEST(json_figure(city["core"]) == csv_figure("core"));
            BOOST_TEST(json_figure(city["extended"]) == csv_figure("extended"));
            for (std::size_t a = 0; a < indicators.size(); ++a) {
                BOOST_TEST(row.figures[3 + a] == csv_figure(indicators[a]));
                BOOST_TEST(json_figure(city["areas"][indicators[a]]) == csv_figure(indicators[a]));
            }
            BOOST_TEST(city["peer_groups"]["population"].get<std::string>() == record.at("population_group"));
            BOOST_TEST(city["peer_groups"]["diversity"].get<std::string>() == record.at("diversity_group"));
            BOOST_TEST(json_figure(city["areas"]["education"]) == csv_figure("education"));
            if (city["progress"].is_null()) {
                BOOST_TEST(record.at("previous_edition").empty());
            } else {
                BOOST_TEST(city["progress"]["previous_edition"].get<std::string>() == record.at("previous_edition"));
                BOOST_TEST(json_figure(city["progress"]["core"]) == csv_figure("core_change"));
            }
        }
    }
    // Peer groups: every city is in one population group, one diversity group and one country.
    int population_members = 0;
    for (const json& group : document["peer_groups"])
        if (group["kind"] == "population") population_members += group["size"].get<int>();
    BOOST_TEST(population_members == 165);
}

BOOST_AUTO_TEST_CASE(one_edition_is_placed_in_the_bundled_network) {
    auto result = run(score("'" + valmora + "'"));
    BOOST_TEST_REQUIRE(result.exit_code == 0, result.err);
    BOOST_TEST(result.out.find("Valmora, Portugal: edition of 2026-03-15, questionnaire 2019") == 0u);
    BOOST_TEST(result.out.find("Sample: 165 cities") != std::string::npos);
    BOOST_TEST(result.out.find("Fewer than 100,000 inhabitants (") != std::string::npos);
    BOOST_TEST(result.out.find("Change: no earlier edition") != std::string::npos);
    // The table's figures are those of the network export.
    const auto records = parse_csv(run(score("'" + network + "' --format csv")).out);
    const auto it = std::find_if(records.begin(), records.end(), [](const auto& r) { return r.at("city") == "valmora"; });
    BOOST_TEST_REQUIRE((it != records.end()));
    BOOST_TEST(result.out.find("Aggregate index " + it->at("aggregate") + " (its extended index); core index " +
                               it->at("core") + ", rank " + it->at("core_rank") + " of 165; extended index " +
                               it->at("extended") + ", rank " + it->at("extended_rank") + " of 162") != std::string::npos,
               result.out);
    std::smatch match;
    BOOST_TEST_REQUIRE(std::regex_search(result.out, match, std::regex(R"(\nCommitment\s+(\S+)\s+)")));
    BOOST_TEST(match[1].str() == it->at("commitment"));
}

BOOST_AUTO_TEST_CASE(an_earlier_edition_shows_its_progress_and_an_as_of_date) {
    const std::string marvege = (testing::source_root() / "samples/network/marvege/2025-05-20.toml").string();
    auto result = run(score("'" + marvege + "'"));
    BOOST_TEST_REQUIRE(result.exit_code == 0, result.err);
    BOOST_TEST(result.out.find("Change: since the edition of 2020-10-12 (questionnaire 2019)") != std::string::npos);
    std::smatch match;
    BOOST_TEST_REQUIRE(std::regex_search(result.out, match, std::regex(R"(\nAggregate index {2,}\S+\s+\S+\s+\S+\s+\S+\s+\S+\s+(\S+))")));
    BOOST_TEST(match[1].str().front() == '+');

    auto earlier = run(score("'" + network + "' --as-of 2021-12-31 --format json"));
    BOOST_TEST_REQUIRE(earlier.exit_code == 0, earlier.err);
    const json document = json::parse(earlier.out);
    BOOST_TEST(document["as_of"] == "2021-12-31");
    BOOST_TEST(document["sample_size"].get<int>() < 165);
    BOOST_TEST(document["sample_size"].get<int>() == static_cast<int>(document["cities"].size()));
    for (const json& city : document["cities"]) BOOST_TEST(city["edition"].get<std::string>() <= "2021-12-31");
}

BOOST_AUTO_TEST_CASE(every_error_of_an_edition_is_reported_with_exit_code_1) {
    testing::TempDir dir;
    std::string text = testing::slurp(valmora);
    text.replace(text.find("questionnaire = \"2019\""), 22, "questionnaire = \"2017\"");
    text.replace(text.find("strategy = { answer = \"partly\""), 30, "strategy = { answer = \"maybe\"");
    text.replace(text.find("languages_taught = 1"), 20, "languages_taught = 1000");
    const auto edition = dir.write("valmora.toml", text);
    auto result = run(score("'" + edition.string() + "'"));
    BOOST_TEST(result.exit_code == 1);
    BOOST_TEST(result.out.empty());
    // Three errors, each with its source line and a caret line under it.
    BOOST_TEST(testing::count_lines(result.err) == 3 * 3);
    const std::regex located("^" + std::regex_replace(edition.string(), std::regex(R"([.^$|()\[\]{}*+?\\])"), R"(\$&)") +
                             R"(:\d+:\d+: error: .+$)");
    const std::regex excerpt(R"(^ +(\d+ )?\| .*$)");
    std::istringstream lines(result.err);
    int line_number = 0;
    for (std::string line; std::getline(lines, line); ++line_number)
        BOOST_TEST(std::regex_match(line, line_number % 3 == 0 ? located : excerpt), line);
    BOOST_TEST(result.err.find("unknown questionnaire version \"2017\"") != std::string::npos);
    BOOST_TEST(result.err.find("\"maybe\" is not an option") != std::string::npos);
    BOOST_TEST(result.err.find("number out of range") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(bad_options_are_clear_errors) {
    auto result = run(score("'" + network + "' --as-of 2025-02-30"));
    BOOST_TEST(result.exit_code == 1);
    BOOST_TEST(result.err == "--as-of: error: expected a calendar date YYYY-MM-DD (e.g. 2025-12-31), found \"2025-02-30\"\n");
    result = run(score("'" + network + "' --format xml"));
    BOOST_TEST(result.exit_code == 1);
    BOOST_TEST(result.err.find("expected table, csv or json, found \"xml\"") != std::string::npos);
    result = run(score("'" + network + "' --network '" + network + "'"));
    BOOST_TEST(result.exit_code == 1);
    BOOST_TEST(result.err.find("the network is given twice; expected --network DIR only") != std::string::npos);
    result = run(score("'" + valmora + "' --as-of 2025-01-01"));
    BOOST_TEST(result.exit_code == 1);
    BOOST_TEST(result.err.find("after the --as-of date 2025-01-01") != std::string::npos);
    testing::TempDir dir;
    result = run(score("'" + (dir / "nowhere.toml").string() + "'"));
    BOOST_TEST(result.exit_code == 1);
    BOOST_TEST(testing::count_lines(result.err) == 1);
}

BOOST_AUTO_TEST_CASE(another_network_can_be_given) {
    testing::TempDir dir;
    std::filesystem::create_directories(dir / "net/quellmark");
    for (const char* date : {"2019-11-18", "2024-10-07"})
        std::filesystem::copy_file(testing::source_root() / "samples/network/quellmark" / (std::string(date) + ".toml"),
                                   dir / "net/quellmark" / (std::string(date) + ".toml"));
    // One edition: the one-city form, against the network given.
    auto result = run(score("'" + valmora + "' --network '" + (dir / "net").string() + "' --format json"));
    BOOST_TEST_REQUIRE(result.exit_code == 0, result.err);
    const json document = json::parse(result.out);
    BOOST_TEST(document["city"] == "valmora");
    BOOST_TEST(document["sample_size"] == 2);
    BOOST_REQUIRE(document["cities"].size() == 1u);
    BOOST_TEST(document["cities"][0]["id"] == "valmora");
    BOOST_TEST(document["cities"][0]["extended_rank"] == 2);
    BOOST_TEST(document["cities"][0]["aggregate_index"] == "extended");
    const auto records = parse_csv(run(score("--network '" + (dir / "net").string() + "' --format csv")).out);
    BOOST_REQUIRE(records.size() == 1u);  // the folder alone: valmora's edition is not in it
    BOOST_TEST(records[0].at("city") == "quellmark");
    BOOST_TEST(records[0].at("previous_edition") == "2019-11-18");
}

// Issue 17: exports for the web team. Names in the chosen language beside the
// ids, the one-city form from one edition, and CSV for spreadsheets.
BOOST_AUTO_TEST_CASE(exports_carry_names_in_the_chosen_language_beside_the_ids) {
    const auto csv = parse_csv(run(score("'" + valmora + "' --format csv --lang fr")).out);
    BOOST_REQUIRE(csv.size() >= 4u);
    BOOST_TEST(csv[0].at("area") == "aggregate");
    BOOST_TEST(csv[0].at("name") == "Indice global");
    BOOST_TEST(csv[0].at("population_group") == "population.under_100k");
    // (French groups digits with a narrow no-break space.)
    BOOST_TEST(csv[0].at("population_group_name").rfind("Moins de 100", 0) == 0u);
    BOOST_TEST(csv[0].at("population_group_name").find("000 habitants") != std::string::npos);
    BOOST_TEST(csv[3].at("area") == "commitment");
    BOOST_TEST(csv[3].at("name") == "Engagement");
    for (const auto& row : csv) BOOST_TEST(row.at("city") == "valmora");
    const json document = json::parse(run(score("--format json --lang fr")).out);
    BOOST_TEST(document["lang"] == "fr");
    BOOST_TEST(document["areas"][0]["id"] == "commitment");
    BOOST_TEST(document["areas"][0]["name"] == "Engagement");
    BOOST_TEST(document["peer_groups"][0]["name"].get<std::string>().size() > 5u);
    BOOST_TEST(document["cities"].size() == 165u);
}

BOOST_AUTO_TEST_CASE(spreadsheet_csv_has_a_bom_and_the_locale_decimal_mark) {
    const std::string french = run(score("'" + valmora + "' --format csv --lang fr --spreadsheet")).out;
    BOOST_REQUIRE(french.size() > 3u);
    BOOST_TEST(french.substr(0, 3) == "\xEF\xBB\xBF");
    std::istringstream lines(french.substr(3));
    std::string header, aggregate;
    std::getline(lines, header);
    std::getline(lines, aggregate);
    BOOST_TEST(header.rfind("city;edition;area;name;", 0) == 0u, header);
    const auto fields = csv_fields(aggregate, ';');
    BOOST_TEST(fields.at(5) == "24,0");  // the rate, with the French decimal comma
    const std::string english = run(score("'" + valmora + "' --format csv --lang en --spreadsheet")).out;
    BOOST_TEST(english.substr(0, 3) == "\xEF\xBB\xBF");
    BOOST_TEST(english.find("aggregate,Aggregate index,index,24.0,") != std::string::npos);
    const auto not_csv = run(score("--format json --spreadsheet"));
    BOOST_TEST(not_csv.exit_code == 1);
    BOOST_TEST(not_csv.err.find("--spreadsheet: error: is for --format csv") != std::string::npos, not_csv.err);
}

BOOST_AUTO_TEST_CASE(two_runs_give_identical_output) {
    for (const char* format : {"table", "csv", "json"}) {
        const std::string command = score("'" + network + "' --format " + format);
        BOOST_TEST(run(command).out == run(command).out);
    }
}

// Issue 11, item 5: an issued report keeps the figures it was published with.
// A city edition added to the network after the issue date moves the live
// reports' sample but not the issued one's; `edition.issued` before the
// edition's own date is refused at its place.
BOOST_AUTO_TEST_CASE(an_issued_edition_keeps_the_sample_it_was_issued_against) {
    testing::TempDir dir;
    const fs::path net = dir / "net";
    fs::copy(network, net, fs::copy_options::recursive);
    const fs::path issued = net / "valmora/2026-03-15.toml";
    const fs::path live = net / "quellmark/2024-10-07.toml";
    std::string text = testing::slurp(issued);
    text = std::regex_replace(text, std::regex("\ndate = 2026-03-15\n"), "\ndate = 2026-03-15\nissued = 2026-04-01\n");
    std::ofstream(issued, std::ios::binary) << text;

    auto json_of = [&](const fs::path& edition) {
        const auto result = run(score("'" + edition.string() + "' --network '" + net.string() + "' --format json"));
        BOOST_TEST_REQUIRE(result.exit_code == 0, result.err);
        return json::parse(result.out);
    };
    const json issued_before = json_of(issued), live_before = json_of(live);

    // A new member city answers after Valmora's report was issued.
    fs::create_directories(net / "newtown");
    std::string newcomer = testing::slurp(live);
    newcomer = std::regex_replace(newcomer, std::regex("\nid = \"quellmark\"\nname = \"Quellmark\"\n"),
                                  "\nid = \"newtown\"\nname = \"Newtown\"\n");
    newcomer = std::regex_replace(newcomer, std::regex("\ndate = 2024-10-07\n"), "\ndate = 2026-09-01\n");
    std::ofstream(net / "newtown/2026-09-01.toml", std::ios::binary) << newcomer;

    const json issued_after = json_of(issued), live_after = json_of(live);
    BOOST_TEST(live_after["sample_size"].get<int>() == live_before["sample_size"].get<int>() + 1);
    BOOST_TEST(issued_after.dump() == issued_before.dump());
    BOOST_TEST(issued_after["sample_size"].get<int>() == live_before["sample_size"].get<int>());

    // Issued before the edition is dated: refused, at the key.
    text = std::regex_replace(text, std::regex("\nissued = 2026-04-01\n"), "\nissued = 2026-03-01\n");
    std::ofstream(issued, std::ios::binary) << text;
    const auto result = run(score("'" + issued.string() + "' --network '" + net.string() + "' --format json"));
    BOOST_TEST(result.exit_code == 1);
    BOOST_TEST(result.err.find("2026-03-15.toml:18:") != std::string::npos, result.err);
    BOOST_TEST(result.err.find("before the edition's date 2026-03-15") != std::string::npos, result.err);
}
