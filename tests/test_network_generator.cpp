// The sample network: regenerating it gives the shipped files byte for byte,
// and it has the size, spread and history the issue asks for.
#include <boost/test/unit_test.hpp>

#include <map>
#include <set>

#include "load/network.h"
#include "load/questionnaire.h"
#include "test_support.h"

using namespace icc;
namespace fs = std::filesystem;

namespace {
const fs::path network_folder = testing::source_root() / "samples/network";
const std::set<std::string> showcases{"valmora",  "marvege",  "quellmark",  "castelvarra",
                                      "zlatoriv", "hoshinagi", "bab-nouara", "neve-eshkar"};

std::string generator() { return (fs::path(testing::iccreport()).parent_path() / "scripts" / "generate_network").string(); }

std::set<std::string> relative_files(const fs::path& root) {
    std::set<std::string> files;
    for (const auto& entry : fs::recursive_directory_iterator(root))
        if (entry.is_regular_file()) files.insert(fs::relative(entry.path(), root).generic_string());
    return files;
}

const Network& network() {
    static const Network loaded =
        load_network(network_folder, Questionnaire::bundled(DataRoot{testing::source_root()}));
    return loaded;
}
}  // namespace

BOOST_AUTO_TEST_CASE(regenerating_the_network_gives_the_shipped_files) {
    testing::TempDir dir;
    auto result = testing::run(generator() + " '" + (dir / "network").string() + "'");
    BOOST_TEST_REQUIRE(result.exit_code == 0, result.err);
    const auto generated = relative_files(dir / "network");
    BOOST_TEST(generated.size() >= 150u);
    for (const std::string& file : generated) {
        BOOST_TEST_CONTEXT(file) {
            BOOST_TEST_REQUIRE(fs::exists(network_folder / file));
            BOOST_TEST((testing::slurp(dir / "network" / file) == testing::slurp(network_folder / file)));
        }
    }
    // Everything else in the folder is a hand-written showcase.
    for (const std::string& file : relative_files(network_folder)) {
        if (generated.count(file)) continue;
        BOOST_TEST_CONTEXT(file) { BOOST_TEST(showcases.count(file.substr(0, file.find('/'))) == 1u); }
    }
}

BOOST_AUTO_TEST_CASE(the_same_seed_gives_the_same_bytes_and_another_seed_differs) {
    testing::TempDir dir;
    BOOST_TEST_REQUIRE(testing::run(generator() + " '" + (dir / "a").string() + "' --seed 7 --cities 5").exit_code == 0);
    BOOST_TEST_REQUIRE(testing::run(generator() + " '" + (dir / "b").string() + "' --seed 7 --cities 5").exit_code == 0);
    BOOST_TEST_REQUIRE(testing::run(generator() + " '" + (dir / "c").string() + "' --seed 8 --cities 5").exit_code == 0);
    const auto a = relative_files(dir / "a");
    BOOST_TEST(a.size() >= 5u);
    BOOST_TEST((a == relative_files(dir / "b")));
    for (const std::string& file : a) BOOST_TEST(testing::slurp(dir / "a" / file) == testing::slurp(dir / "b" / file));
    BOOST_TEST((a != relative_files(dir / "c")));
}

BOOST_AUTO_TEST_CASE(the_network_is_large_varied_and_has_history) {
    const Network& loaded = network();
    const auto ids = loaded.city_ids();
    BOOST_TEST(ids.size() >= 150u);
    for (const std::string& showcase : showcases) BOOST_TEST(loaded.editions_of(showcase).size() >= 1u);
    BOOST_TEST(loaded.editions_of("marvege").size() == 2u);
    BOOST_TEST(loaded.editions_of("quellmark").size() == 3u);

    std::set<std::string> countries;
    int with_history = 0;
    std::map<int, int> population_groups, diversity_groups;
    for (const std::string& id : ids) {
        const auto editions = loaded.editions_of(id);
        with_history += editions.size() >= 2;
        const City& city = editions.back()->city;
        countries.insert(city.country);
        const std::int64_t p = city.population;
        ++population_groups[p < 100000 ? 0 : p < 200000 ? 1 : p < 500000 ? 2 : 3];
        const double f = city.foreign_born_percent;
        ++diversity_groups[f < 10 ? 0 : f < 15 ? 1 : f < 20 ? 2 : 3];
    }
    BOOST_TEST(countries.size() >= 30u);
    BOOST_TEST(with_history >= 30);
    // Every peer group has enough cities to make an average worth printing.
    for (int group = 0; group < 4; ++group) {
        BOOST_TEST(population_groups[group] >= 10);
        BOOST_TEST(diversity_groups[group] >= 10);
    }
}

BOOST_AUTO_TEST_CASE(showcases_carry_many_comments) {
    for (const auto& [city, date] : std::vector<std::pair<std::string, Date>>{
             {"valmora", {2026, 3, 15}}, {"marvege", {2025, 5, 20}}, {"quellmark", {2024, 10, 7}}}) {
        const Edition* edition = network().find(city, date);
        BOOST_TEST_REQUIRE(edition != nullptr);
        int comments = 0;
        for (const Answer& answer : edition->answers) comments += !answer.comment.empty();
        BOOST_TEST_CONTEXT(city) { BOOST_TEST(comments >= 25); }
    }
}
