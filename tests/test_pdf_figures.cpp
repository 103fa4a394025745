// The figures a report prints are the figures `iccreport score --format json`
// publishes (issue 11): each city's aggregate index and the sample average it
// is compared with, its rank and the number of cities ranked, its core rank
// beside an extended one, its core and extended indices, and every area's
// achievement rate with the sample average beside it. Read back from the
// English PDF's text (pdftotext), not from the document model, so that every
// stage after scoring is in the comparison.
//
// All 165 sample cities take about 80 s on this 2-core machine, too long for
// the suite: by default the test takes a dozen cities chosen for what can go
// wrong (the first and the last, a tied rank, a 2011 and a 2019 edition, names
// in other scripts, and a spread of the others). ICC_EVERY_CITY=1 checks every city.
#include <boost/test/unit_test.hpp>

#include <cmath>
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
std::string reading_text(const fs::path& pdf) {
    std::string text;
    for (const pdfcheck::StructureText& element : pdfcheck::text_in_structure_order(pdf))
        text += testing::without_spaces(element.text);
    // A word divided at a line end, then every line end (U+2028) and mark.
    for (const char* mark : {"\u2010\u2028", "\u2028", "\u2066", "\u2067", "\u2068", "\u2069", "\u200E", "\u200F", "\u202A", "\u202B",
                             "\u202C", "\u202D", "\u202E"}) {
        const std::string invisible(mark);
        for (std::size_t at; (at = text.find(invisible)) != std::string::npos;) text.erase(at, invisible.size());
    }
    return text;
}

// A sentence of the report as a pattern on that text: its words without the spaces.
std::regex sentence(const std::string& words) { return std::regex(testing::without_spaces(words)); }

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
}

// The cities to check: every one with ICC_EVERY_CITY=1, else a dozen chosen
// for what could go wrong.
std::vector<json> cities_to_check(const json& scores) {
    const json& cities = scores["cities"];
    const char* every = std::getenv("ICC_EVERY_CITY");
    if (every && std::string(every) == "1") return {cities.begin(), cities.end()};
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
        BOOST_TEST_CONTEXT(id) { check_report_against_scores(reading_text(out / (id + ".en.pdf")), city, scores); }
    }
}
