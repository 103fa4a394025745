// The figures a report prints are the figures `iccreport score --format json`
// publishes (issue 11): each city's aggregate index and the sample average it
// is compared with, its rank and the number of cities ranked, its core rank
// beside an extended one, its core and extended indices, every area's
// achievement rate with the sample average beside it, the peer-group table
// (each group's cities, the city's figure, the group's average) and the
// progress since the previous edition. Read back from the English PDF's
// tagged text, not from the document model, so that every stage after
// scoring is in the comparison.
//
// In CI (CI=true, as .ci/run sets it) and with ICC_EVERY_CITY=1 every sample
// city is checked (about a minute of the 2-core machine); a developer's
// ctest takes a dozen cities chosen for what can go wrong (the first and the
// last, a tied rank, a 2011 and a 2019 edition, names in other scripts, and
// a spread of the others).
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cmath>
#include <compare>
#include <cstdlib>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <sstream>

#include "pdfcheck_support.h"
#include "test_support.h"

using namespace icc;
using testing::run;
namespace fs = std::filesystem;
using json = nlohmann::json;

namespace {

// A figure as a whole number of tenths: "24.8" and 24.8 alike.
long tenths(const std::string& text) { return std::lround(std::stod(text) * 10); }
long tenths(const json& value) { return std::lround(value.get<double>() * 10); }

// The report's text as a screen reader reads it: the tagged PDF's structure
// tree in order (pdfcheck::text_in_structure_order), every paragraph. Not
// pdftotext: it reorders an English sentence around a right-to-left city
// name ("has an aggregate ... of 52.6%, נווה אשכר .above the ..."). Without
// white space, which readers place differently at line ends ("withother"),
// without the line separators the line breaker leaves in the tagged text
// (with the hyphen of a divided word), and without the bidirectional isolates
// and marks around names.
std::string visible(std::string text) {
    text = testing::without_spaces(text);
    // A word divided at a line end, then every line end (U+2028) and mark.
    for (const char* mark : {"\u2010\u2028", "\u2028", "\u2066", "\u2067", "\u2068", "\u2069", "\u200E", "\u200F", "\u202A", "\u202B",
                             "\u202C", "\u202D", "\u202E"}) {
        const std::string invisible(mark);
        for (std::size_t at; (at = text.find(invisible)) != std::string::npos;) text.erase(at, invisible.size());
    }
    return text;
}

// The report as read: every element's visible text, by itself (table cells
// apart) and run together.
struct ReadReport {
    std::vector<pdfcheck::StructureText> elements;  // text made visible()
    std::string text;
};

ReadReport read_report(const fs::path& pdf) {
    ReadReport report;
    for (pdfcheck::StructureText element : pdfcheck::text_in_structure_order(pdf)) {
        element.text = visible(element.text);
        report.text += element.text;
        report.elements.push_back(std::move(element));
    }
    return report;
}

// A sentence of the report as a pattern on that text: its words without the spaces.
std::regex sentence(const std::string& words) { return std::regex(testing::without_spaces(words)); }

// "2019-11-18" as the English report prints it: "18 November 2019".
std::string long_date(const std::string& iso) {
    static const char* const months[] = {"January", "February", "March",     "April",   "May",      "June",
                                         "July",    "August",   "September", "October", "November", "December"};
    return std::to_string(std::stoi(iso.substr(8, 2))) + " " + months[std::stoi(iso.substr(5, 2)) - 1] + " " +
           iso.substr(0, 4);
}

std::string escaped(const std::string& name) {
    return std::regex_replace(testing::without_spaces(name), std::regex(R"([.^$|()\[\]{}*+?\\])"), R"(\$&)");
}

const std::string figure = "([0-9]+(?:\\.[0-9])?)%";
const std::string ordinal = "([0-9]+)(?:st|nd|rd|th)";

// What the English report of `city` says about it, checked against its entry in the scores.
void check_report_against_scores(const std::string& text, const json& city, const json& scores) {
    const std::string name = escaped(city["name"].get<std::string>());
    const std::string kind = city["aggregate_index"].get<std::string>();
    const json& average = scores["averages"][kind];
    std::smatch m;
    // A missing sentence fails this city and goes on to the next.
    const auto found = [&](const std::string& pattern, const std::string& what) {
        const bool there = std::regex_search(text, m, sentence(pattern));
        BOOST_TEST(there, what << " (" << pattern << ")");
        return there;
    };

    // "Valmora has an aggregate intercultural city index of 24.8%, below the sample average of 62.2%."
    if (!found(name + " has an aggregate intercultural city index of " +
                                                             figure + ", (above|below|equal to) the sample average of " +
                                                             figure + "\\.", "no aggregate sentence")) return;
    BOOST_TEST(tenths(m[1].str()) == tenths(city["aggregate"]));
    BOOST_TEST(tenths(m[3].str()) == tenths(average["value"]));
    const long difference = tenths(city["aggregate"]) - tenths(average["value"]);
    BOOST_TEST(m[2].str() == (difference > 0 ? "above" : difference < 0 ? "below" : "equal to"));

    // "Valmora ranks 6th of 6 cities in the sample." on its aggregate's index.
    if (!found(name + " ranks " + ordinal + " of ([0-9]+) cit(?:y|ies) in the sample", "no rank sentence")) return;
    BOOST_TEST(std::stoi(m[1].str()) == city[kind + "_rank"].get<int>());
    BOOST_TEST(std::stoi(m[2].str()) == average["count"].get<int>());
    if (kind == "extended") {
        // ... "on the core index, shared by all 6 cities of the sample, Valmora ranks 6th."
        if (!found("on the core index, shared by all ([0-9]+) cit(?:y|ies) of "
                                                                 "the sample, " + name + " ranks " + ordinal, "no core rank beside the extended one")) return;
        BOOST_TEST(std::stoi(m[1].str()) == scores["averages"]["core"]["count"].get<int>());
        BOOST_TEST(std::stoi(m[2].str()) == city["core_rank"].get<int>());
        if (!found("Its core index \\(ten areas\\) is " + figure +
                                                                 " and its extended index \\(twelve areas\\) is " + figure, "no core and extended indices")) return;
        BOOST_TEST(tenths(m[1].str()) == tenths(city["core"]));
        BOOST_TEST(tenths(m[2].str()) == tenths(city["extended"]));
    } else {
        BOOST_TEST(text.find("onthecoreindex,sharedbyall") == std::string::npos);
        if (!found("Its core index \\(ten areas\\) is " + figure +
                                                                 "; the extended index needs answers", "no core index")) return;
        BOOST_TEST(tenths(m[1].str()) == tenths(city["core"]));
        BOOST_TEST(city["extended"].is_null());
    }

    // Each area's chapter: "Valmora reaches an achievement rate of 38.9% in this area, below the
    // sample average of 67.6%." The rates and averages printed, as a multiset of (rate, average),
    // are those of every area the city has a rate in; one "gave no answer" sentence per area without.
    std::multiset<std::pair<long, long>> printed, published;
    const std::regex area_sentence = sentence(name + " reaches an achievement rate of " + figure +
                                              " in this area, (above|below|equal to) the sample average of " + figure);
    for (auto it = std::sregex_iterator(text.begin(), text.end(), area_sentence); it != std::sregex_iterator(); ++it)
        printed.emplace(tenths((*it)[1].str()), tenths((*it)[3].str()));
    int without_rate = 0;
    for (const auto& [area, rate] : city["areas"].items()) {
        if (rate.is_null()) ++without_rate;
        else published.emplace(tenths(rate), tenths(scores["averages"]["areas"][area]["value"]));
    }
    BOOST_TEST(published.size() >= 10u);
    BOOST_TEST((printed == published), printed.size() << " area rates printed, " << published.size() << " published");
    const std::regex no_rate = sentence(name + " gave no answer that counts in this area");
    BOOST_TEST(std::distance(std::sregex_iterator(text.begin(), text.end(), no_rate), std::sregex_iterator()) ==
               without_rate);

    // "Since its previous edition of 18 November 2019, the aggregate index of Quellmark has risen by
    // 11.7 points, from 77.0% to 88.7%." The change is the difference of the two published figures.
    const json& progress = city["progress"];
    // (The text is read without spaces.)
    const auto direction = [](long change) { return change > 0 ? "risenby" : change < 0 ? "fallenby" : "notchanged"; };
    if (progress.is_null()) {
        found("This is the first edition of the Index for " + name + "; later editions will show its progress",
              "no first-edition sentence");
        BOOST_TEST(text.find("Sinceitspreviouseditionof") == std::string::npos);
    } else if (!progress["aggregate"].is_null()) {
        if (!found("Since its previous edition of " + long_date(progress["previous_edition"].get<std::string>()) +
                       ", the aggregate index of " + name + " has (risen by |fallen by |not changed)(?:([0-9]+(?:\\.[0-9])?) points)?"
                       ", from " + figure + " to " + figure + "\\.", "no progress sentence")) return;
        const long change = tenths(progress["aggregate"]);
        BOOST_TEST(m[1].str() == direction(change));
        if (change != 0) BOOST_TEST(tenths(m[2].str()) == std::labs(change));
        BOOST_TEST(tenths(m[4].str()) == tenths(city["aggregate"]));
        BOOST_TEST(tenths(m[4].str()) - tenths(m[3].str()) == change);
    } else {
        // Between a 2011 and a 2019 edition only the core index compares.
        if (!found("Since its previous edition of " + long_date(progress["previous_edition"].get<std::string>()) +
                       ", the core index of " + name + " has (risen by |fallen by |not changed)(?:([0-9]+(?:\\.[0-9])?) points)?"
                       "; the aggregate index is not comparable", "no core progress sentence")) return;
        const long change = tenths(progress["core"]);
        BOOST_TEST(m[1].str() == direction(change));
        if (change != 0) BOOST_TEST(tenths(m[2].str()) == std::labs(change));
    }
}

// A row of the peer-group table: label, cities, the city's figure and the group's average (tenths).
struct PeerRow {
    std::string label;
    int cities;
    long city, average;
    auto operator<=>(const PeerRow&) const = default;
};
std::ostream& operator<<(std::ostream& out, const PeerRow& row) {
    return out << row.label << " | " << row.cities << " | " << row.city << " | " << row.average;
}

// The peer-group table: a row for the whole sample on the index the city's
// aggregate is, then one per peer group, each with the number of its cities
// that have that index, the city's aggregate and the group's average on it.
void check_peer_groups_against_scores(const std::vector<pdfcheck::StructureText>& elements, const json& city,
                                      const json& scores) {
    const std::string kind = city["aggregate_index"].get<std::string>();
    const auto header = std::find_if(elements.begin(), elements.end(), [](const pdfcheck::StructureText& e) {
        return e.type == "TH" && e.text == "Peergroup";
    });
    BOOST_TEST_REQUIRE((header != elements.end()), "no peer-group table");
    BOOST_TEST_REQUIRE(std::distance(header, elements.end()) > 4);
    BOOST_TEST(header[1].text == "Cities");
    BOOST_TEST(header[2].text == visible(city["name"].get<std::string>()));
    BOOST_TEST(header[3].text == "Groupaverage");
    // (label, cities, city's figure, group average) as printed, and as published.
    std::vector<PeerRow> printed, published;
    for (auto cell = header + 4; std::distance(cell, elements.end()) >= 4 && cell->type == "TD"; cell += 4) {
        BOOST_TEST_REQUIRE((cell[1].type == "TD" && cell[2].type == "TD" && cell[3].type == "TD"));
        printed.push_back({cell[0].text, std::stoi(cell[1].text), tenths(cell[2].text.substr(0, cell[2].text.size() - 1)),
                           tenths(cell[3].text.substr(0, cell[3].text.size() - 1))});
    }
    const json& everyone = scores["averages"][kind];
    published.push_back({kind == "extended" ? "Citiesofthesamplewithanextendedindex" : "Allcitiesofthesample",
                         everyone["count"].get<int>(), tenths(city["aggregate"]), tenths(everyone["value"])});
    for (const auto& [group_kind, id] : city["peer_groups"].items()) {
        if (id.is_null()) continue;
        const auto group = std::find_if(scores["peer_groups"].begin(), scores["peer_groups"].end(),
                                        [&](const json& g) { return g["id"] == id; });
        BOOST_TEST_REQUIRE((group != scores["peer_groups"].end()), id);
        const json& average = (*group)["averages"][kind];
        published.push_back({visible((*group)["name"].get<std::string>()), average["count"].get<int>(),
                             tenths(city["aggregate"]), tenths(average["value"])});
    }
    // The whole sample first, then the groups in the report's order.
    BOOST_TEST_REQUIRE(!printed.empty());
    BOOST_TEST(printed.front() == published.front());
    std::sort(printed.begin() + 1, printed.end());
    std::sort(published.begin() + 1, published.end());
    BOOST_TEST((printed == published), printed.size() << " rows printed, " << published.size() << " published");
}

// The cities to check: every one with ICC_EVERY_CITY=1, else a dozen chosen
// for what could go wrong.
std::vector<json> cities_to_check(const json& scores) {
    const json& cities = scores["cities"];
    const char* every = std::getenv("ICC_EVERY_CITY");
    const char* ci = std::getenv("CI");
    if ((every && std::string(every) == "1") || (ci && std::string(ci) == "true")) return {cities.begin(), cities.end()};
    std::set<std::size_t> chosen{0, cities.size() - 1};  // the first and the last
    std::map<int, std::size_t> by_core_rank;
    bool tie = false, core_only = false, extended = false;
    int other_script = 0;
    for (std::size_t i = 0; i < cities.size(); ++i) {
        const json& city = cities[i];
        const int rank = city["core_rank"].get<int>();
        if (by_core_rank.count(rank) && !tie) {
            chosen.insert(by_core_rank[rank]);
            chosen.insert(i);
            tie = true;
        }
        by_core_rank.emplace(rank, i);
        const std::string index = city["aggregate_index"].get<std::string>();
        if (index == "core" && !core_only) chosen.insert(i), core_only = true;
        if (index == "extended" && !extended) chosen.insert(i), extended = true;
        const std::string name = city["name"].get<std::string>();
        if (static_cast<unsigned char>(name.front()) >= 0x80 && other_script < 2) chosen.insert(i), ++other_script;
        if (i % 30 == 15) chosen.insert(i);  // a spread of the others
    }
    BOOST_TEST(core_only);  // the sample has both kinds of edition
    BOOST_TEST(extended);
    std::vector<json> result;
    for (std::size_t i : chosen) result.push_back(cities[i]);
    return result;
}

}  // namespace

BOOST_AUTO_TEST_CASE(each_reports_figures_are_those_score_publishes) {
    testing::TempDir dir;
    const fs::path network = testing::source_root() / "samples/network";
    const auto scored = run(testing::iccreport() + " score --network '" + network.string() + "' --format json");
    BOOST_TEST_REQUIRE(scored.exit_code == 0, scored.err);
    const json scores = json::parse(scored.out);
    const std::vector<json> cities = cities_to_check(scores);
    std::string only;
    for (const json& city : cities) only += (only.empty() ? "" : ",") + city["id"].get<std::string>();
    BOOST_TEST_MESSAGE(cities.size() << " cities: " << only);

    const fs::path out = dir / "out";
    const auto built = run(testing::iccreport() + " build --network '" + network.string() + "' --out '" + out.string() +
                           "' --langs en --only " + only);
    BOOST_TEST_REQUIRE(built.exit_code == 0, built.err);
    for (const json& city : cities) {
        const std::string id = city["id"].get<std::string>();
        BOOST_TEST_CONTEXT(id) {
            const ReadReport report = read_report(out / (id + ".en.pdf"));
            check_report_against_scores(report.text, city, scores);
            check_peer_groups_against_scores(report.elements, city, scores);
        }
    }
}
