// The sample, ranks, ties, peer groups, averages and progress on a small
// hand-made network (questionnaire: tests/data/score/mini-questionnaire.toml).
//
// Only "policy" is answered, so for a version-2 edition the lens and
// "together" rate 0 and aggregate = policy / 4 (weights 1 + 2 + 1); for a
// version-1 edition aggregate = core = policy / 3. Policy points (of 14):
//   alpha  2025: 14 -> policy 100,    aggregate 25.0    (2021: 7 -> 12.5)
//   bravo  2024:  7 -> policy 50,     aggregate 12.5
//   charlie 2024: 7 -> policy 50,     aggregate 12.5    (other answers, same points: a tie)
//   delta  2024:  2 -> policy 14.29,  aggregate 3.57    (2019, version 1: 2 -> core 4.76)
//   echo   2025:  0 -> policy 0,      aggregate 0
#include <boost/test/unit_test.hpp>

#include "load/network.h"
#include "load/questionnaire.h"
#include "score/sample.h"
#include "test_support.h"

using namespace icc;
namespace tt = boost::test_tools;

namespace {

const Questionnaire& mini() {
    static const Questionnaire loaded =
        Questionnaire::load(icc::testing::test_data() / "score/mini-questionnaire.toml");
    return loaded;
}

struct CityFile {
    std::string id;
    std::string country;
    long population;
    std::string foreign_born;
    std::string date;
    std::string version;
    std::string answers;
};

const std::string points_14 =
    "\"policy.plan\" = \"yes\"\n\"policy.body\" = \"council\"\n\"policy.channels\" = [\"a\", \"c\"]\n\"policy.staff\" = 5\n";
const std::string points_7 =
    "\"policy.plan\" = \"partly\"\n\"policy.body\" = \"unit\"\n\"policy.channels\" = [\"c\"]\n\"policy.staff\" = 1\n";
const std::string other_points_7 =
    "\"policy.plan\" = \"yes\"\n\"policy.body\" = \"none\"\n\"policy.channels\" = [\"a\", \"b\", \"d\"]\n\"policy.staff\" = 0\n";
const std::string points_2 = "\"policy.plan\" = \"no\"\n\"policy.body\" = \"unit\"\n\"policy.channels\" = []\n";
const std::string points_0 = "\"policy.plan\" = \"unknown\"\n";

const std::vector<CityFile> cities{
    {"alpha", "PT", 50000, "9.99", "2025-03-01", "2", points_14},
    {"alpha", "PT", 48000, "9.5", "2021-03-01", "2", points_7},
    {"bravo", "PT", 100000, "10", "2024-05-01", "2", points_7},
    {"charlie", "FR", 499999, "20", "2024-06-01", "2", other_points_7},
    {"delta", "FR", 500000, "15", "2024-07-01", "2", points_2},
    {"delta", "FR", 480000, "14", "2019-02-01", "1", points_2},
    {"echo", "DE", 99999, "0", "2025-09-01", "2", points_0},
};

class HandMadeNetwork {
public:
    HandMadeNetwork() {
        for (const CityFile& city : cities) {
            std::filesystem::create_directories(dir_ / city.id);
            dir_.write(city.id + "/" + city.date + ".toml",
                       "[city]\nid = \"" + city.id + "\"\nname = \"" + city.id + "\"\ncountry = \"" + city.country +
                           "\"\npopulation = " + std::to_string(city.population) + "\nforeign_born_percent = " +
                           city.foreign_born + "\n\n[edition]\ndate = " + city.date + "\nquestionnaire = \"" +
                           city.version + "\"\n\n[answers]\n" + city.answers);
        }
        network_ = load_network(dir_.path(), mini());
    }
    [[nodiscard]] const Network& network() const { return network_; }

private:
    testing::TempDir dir_;
    Network network_;
};

const Network& network() {
    static const HandMadeNetwork made;
    return made.network();
}

const SampleCity& city(const Sample& sample, const std::string& id) {
    const SampleCity* found = sample.find(id);
    BOOST_TEST_REQUIRE(found != nullptr, "not in the sample: " + id);
    return *found;
}

std::vector<std::string> ids_in_order(const Sample& sample) {
    std::vector<std::string> ids;
    for (const SampleCity& c : sample.cities) ids.push_back(c.scores.city.id);
    return ids;
}

}  // namespace

BOOST_AUTO_TEST_CASE(the_sample_holds_each_city_once_with_its_latest_edition) {
    const Sample sample = build_sample(network(), mini());
    BOOST_TEST(sample.size() == 5);
    BOOST_TEST(!sample.as_of.has_value());
    BOOST_TEST((city(sample, "alpha").scores.date == Date{2025, 3, 1}));
    BOOST_TEST((city(sample, "delta").scores.date == Date{2024, 7, 1}));
    BOOST_TEST((*city(sample, "alpha").scores.aggregate == 25));
    BOOST_TEST((*city(sample, "delta").scores.aggregate == Exact(200, 14 * 4)));
}

BOOST_AUTO_TEST_CASE(ranks_follow_the_published_index_and_ties_share_a_rank) {
    const Sample sample = build_sample(network(), mini());
    const std::vector<std::string> order{"alpha", "bravo", "charlie", "delta", "echo"};
    BOOST_TEST(ids_in_order(sample) == order, tt::per_element());
    // Every edition is of version 2: the aggregate is the extended index, ranked among all five.
    BOOST_TEST(*city(sample, "alpha").extended_rank == 1);
    BOOST_TEST(*city(sample, "bravo").extended_rank == 2);
    BOOST_TEST(*city(sample, "charlie").extended_rank == 2);  // 12.5 and 12.5
    BOOST_TEST(*city(sample, "delta").extended_rank == 4);    // competition ranking: 1, 2, 2, 4
    BOOST_TEST(*city(sample, "echo").extended_rank == 5);
    BOOST_TEST(*city(sample, "echo").aggregate_rank() == 5);
    BOOST_TEST(*city(sample, "delta").core_rank == 4);  // core 100/3, 50/3, 50/3, 100/21, 0
    BOOST_TEST(sample.ranked_on(IndexKind::extended) == 5);
    const auto policy = sample.ranking("policy");
    BOOST_REQUIRE(policy.size() == 5u);
    BOOST_TEST(policy[0].city == "alpha");
    BOOST_TEST(policy[0].figure.text() == "100.0");
    BOOST_TEST(policy[1].rank == 2);
    BOOST_TEST(policy[2].rank == 2);
    BOOST_TEST(policy[3].figure.text() == "14.3");
    BOOST_TEST(policy[3].rank == 4);
    // Only cities with a rate are ranked: none has "together" above 0, all tie at 1.
    for (const RankedCity& entry : sample.ranking("together")) BOOST_TEST(entry.rank == 1);
}

// Delta's 2019 edition (version 1, core indicators only) as the report's
// subject, beside four version-2 editions: its aggregate is its core index,
// so it is ranked and compared on the core index among all five, and the
// extended ranking and average leave it out instead of mixing 4.76 (core)
// with the others' extended indices.
BOOST_AUTO_TEST_CASE(editions_of_different_versions_are_compared_like_with_like) {
    SampleOptions options;
    options.focus = {"delta", Date{2019, 2, 1}};
    const Sample sample = build_sample(network(), mini(), options);
    const SampleCity& delta = city(sample, "delta");
    BOOST_TEST(to_string(delta.scores.aggregate_kind()) == "core");
    BOOST_TEST((*delta.scores.aggregate == Exact(100, 21)));
    BOOST_TEST(!delta.extended_rank.has_value());
    BOOST_TEST(*delta.core_rank == 4);  // core: 33.3, 16.7, 16.7, 4.8, 0.0
    BOOST_TEST(*delta.aggregate_rank() == 4);
    BOOST_TEST(*city(sample, "echo").extended_rank == 4);  // of the four that have one, not 5 of 5
    BOOST_TEST(*city(sample, "echo").core_rank == 5);
    BOOST_TEST(sample.ranked_on(IndexKind::extended) == 4);
    BOOST_TEST(sample.ranked_on(IndexKind::core) == 5);
    BOOST_TEST(sample.averages.extended.count == 4);
    BOOST_TEST((*sample.averages.extended.value == (25 + Exact(25, 2) + Exact(25, 2) + 0) / 4));
    BOOST_TEST((*sample.averages.core.value == (Exact(100, 3) + Exact(50, 3) + Exact(50, 3) + Exact(100, 21) + 0) / 5));
    BOOST_TEST(sample.median(IndexKind::extended)->text() == "12.5");  // (12.5 + 12.5) / 2
    BOOST_TEST(sample.median(IndexKind::core)->text() == "16.7");      // 50/3
    BOOST_CHECK_THROW(sample.ranking("aggregate"), std::invalid_argument);
    // Listed by core rank, the one ranking every city is in.
    const std::vector<std::string> order{"alpha", "bravo", "charlie", "delta", "echo"};
    BOOST_TEST(ids_in_order(sample) == order, tt::per_element());
}

BOOST_AUTO_TEST_CASE(sample_averages_by_hand) {
    const Sample sample = build_sample(network(), mini());
    // extended (every edition's aggregate here): (25 + 12.5 + 12.5 + 3.5714 + 0) / 5 = 10.714
    BOOST_TEST(sample.averages.extended.count == 5);
    BOOST_TEST((*sample.averages.extended.value == (25 + Exact(25, 2) + Exact(25, 2) + Exact(200, 56)) / 5));
    // policy: (100 + 50 + 50 + 14.2857 + 0) / 5 = 42.857
    BOOST_TEST((*sample.averages.area("policy").value == (100 + 50 + 50 + Exact(200, 14)) / 5));
    BOOST_TEST(published(*sample.averages.area("policy").value).text() == "42.9");
    BOOST_TEST((*sample.averages.area("lens").value == 0));
    BOOST_TEST(sample.averages.extended.count == 5);
}

BOOST_AUTO_TEST_CASE(peer_groups_by_population_diversity_and_country) {
    const Sample sample = build_sample(network(), mini());
    const auto members = [&](const std::string& id) {
        const PeerGroup* group = sample.peer_group(id);
        BOOST_TEST_REQUIRE(group != nullptr, "no group " + id);
        return group->members;
    };
    using list = std::vector<std::string>;
    // Lower bounds belong to their group: 100 000 is in 100k-200k, 500 000 over 500k.
    BOOST_TEST(members("population.under_100k") == (list{"alpha", "echo"}), tt::per_element());
    BOOST_TEST(members("population.100k_to_200k") == (list{"bravo"}), tt::per_element());
    BOOST_TEST(members("population.200k_to_500k") == (list{"charlie"}), tt::per_element());
    BOOST_TEST(members("population.over_500k") == (list{"delta"}), tt::per_element());
    // 9.99 % is under 10, 10 % in 10-15, 15 % in 15-20, 20 % over 20.
    BOOST_TEST(members("diversity.under_10") == (list{"alpha", "echo"}), tt::per_element());
    BOOST_TEST(members("diversity.10_to_15") == (list{"bravo"}), tt::per_element());
    BOOST_TEST(members("diversity.15_to_20") == (list{"delta"}), tt::per_element());
    BOOST_TEST(members("diversity.over_20") == (list{"charlie"}), tt::per_element());
    BOOST_TEST(members("country.PT") == (list{"alpha", "bravo"}), tt::per_element());
    BOOST_TEST(members("country.FR") == (list{"charlie", "delta"}), tt::per_element());
    BOOST_TEST(members("country.DE") == (list{"echo"}), tt::per_element());
    // Fixed groups first, then countries by code.
    std::vector<std::string> ids;
    for (const PeerGroup& group : sample.peer_groups) ids.push_back(group.id);
    const list expected{"population.under_100k", "population.100k_to_200k", "population.200k_to_500k",
                        "population.over_500k",  "diversity.under_10",      "diversity.10_to_15",
                        "diversity.15_to_20",    "diversity.over_20",       "country.DE",
                        "country.FR",            "country.PT"};
    BOOST_TEST(ids == expected, tt::per_element());

    const auto groups = sample.peer_groups_of("bravo");
    BOOST_REQUIRE(groups.size() == 3u);
    BOOST_TEST(groups[0]->id == "population.100k_to_200k");
    BOOST_TEST(groups[1]->id == "diversity.10_to_15");
    BOOST_TEST(groups[2]->id == "country.PT");
    BOOST_TEST(groups[2]->size() == 2);
    BOOST_TEST(groups[2]->label_key == "index.peer_groups.country.label");
    BOOST_TEST(groups[0]->label_key == "index.peer_groups.population.100k_to_200k");
    BOOST_TEST(groups[0]->label_args().size() == 2u);
}

BOOST_AUTO_TEST_CASE(peer_group_averages_by_hand) {
    const Sample sample = build_sample(network(), mini());
    // Portugal: alpha 25, bravo 12.5 -> 18.75, published 18.8.
    const PeerGroup& portugal = *sample.peer_group("country.PT");
    BOOST_TEST((*portugal.averages.extended.value == Exact(1875, 100)));
    BOOST_TEST(published(*portugal.averages.extended.value).text() == "18.8");
    BOOST_TEST((*portugal.averages.area("policy").value == 75));
    // Under 100 000: alpha 25 and echo 0.
    BOOST_TEST((*sample.peer_group("population.under_100k")->averages.extended.value == Exact(25, 2)));
    // France: charlie 12.5, delta 3.5714 -> 8.04.
    BOOST_TEST(published(*sample.peer_group("country.FR")->averages.extended.value).text() == "8.0");
}

BOOST_AUTO_TEST_CASE(progress_against_the_previous_edition) {
    const Sample sample = build_sample(network(), mini());
    const SampleCity& alpha = city(sample, "alpha");
    BOOST_TEST_REQUIRE(alpha.progress.has_value());
    BOOST_TEST((alpha.progress->previous_date == Date{2021, 3, 1}));
    BOOST_TEST(alpha.progress->aggregate->text() == "12.5");  // 25.0 - 12.5
    BOOST_TEST(alpha.progress->area("policy")->text() == "50.0");  // 100 - 50
    BOOST_TEST(alpha.progress->area("lens")->text() == "0.0");
    BOOST_TEST(alpha.progress->extended->text() == "12.5");
    // core: 100/3 - 50/3 in published figures: 33.3 - 16.7 = 16.6.
    BOOST_TEST(alpha.progress->core->text() == "16.6");
    BOOST_TEST(!city(sample, "bravo").progress.has_value());

    // delta: version 1 (core only) in 2019, version 2 in 2024.
    const SampleCity& delta = city(sample, "delta");
    BOOST_TEST_REQUIRE(delta.progress.has_value());
    BOOST_TEST(delta.progress->previous_questionnaire == "1");
    BOOST_TEST(delta.progress->core->text() == "0.0");  // 4.8 and 4.8
    BOOST_TEST(!delta.progress->aggregate.has_value());  // 4.8 (core) vs 3.6 (extended): not comparable
    BOOST_TEST(!delta.progress->extended.has_value());
    BOOST_TEST(!delta.progress->area("together").has_value());
}

BOOST_AUTO_TEST_CASE(as_of_date_reproduces_an_earlier_sample) {
    SampleOptions options;
    options.as_of = Date{2024, 12, 31};
    const Sample sample = build_sample(network(), mini(), options);
    // echo (2025) is not in yet; alpha is represented by its 2021 edition.
    BOOST_TEST(sample.size() == 4);
    BOOST_TEST(sample.find("echo") == nullptr);
    BOOST_TEST((city(sample, "alpha").scores.date == Date{2021, 3, 1}));
    BOOST_TEST(!city(sample, "alpha").progress.has_value());
    // alpha, bravo and charlie tie at 12.5.
    BOOST_TEST(*city(sample, "alpha").extended_rank == 1);
    BOOST_TEST(*city(sample, "charlie").extended_rank == 1);
    BOOST_TEST(*city(sample, "delta").extended_rank == 4);
    // An edition dated on the as-of date is in.
    options.as_of = Date{2025, 3, 1};
    BOOST_TEST((city(build_sample(network(), mini(), options), "alpha").scores.date == Date{2025, 3, 1}));
    // Before every edition: an empty sample.
    options.as_of = Date{2000, 1, 1};
    BOOST_TEST(build_sample(network(), mini(), options).size() == 0);
}

BOOST_AUTO_TEST_CASE(a_focus_edition_represents_its_city) {
    SampleOptions options;
    options.focus = std::make_pair(std::string("alpha"), Date{2021, 3, 1});
    const Sample sample = build_sample(network(), mini(), options);
    BOOST_TEST(sample.size() == 5);
    BOOST_TEST((city(sample, "alpha").scores.date == Date{2021, 3, 1}));
    options.as_of = Date{2020, 1, 1};
    BOOST_CHECK_THROW(build_sample(network(), mini(), options), std::invalid_argument);
    options.as_of.reset();
    options.focus = std::make_pair(std::string("alpha"), Date{2022, 1, 1});
    BOOST_CHECK_THROW(build_sample(network(), mini(), options), std::invalid_argument);
}

BOOST_AUTO_TEST_CASE(a_corrected_edition_replaces_the_networks_copy) {
    Network copy = network();
    Edition corrected = *copy.find("echo", Date{2025, 9, 1});
    corrected.answers.push_back(Answer{"policy.staff", std::int64_t{5}, "", {}});
    std::sort(corrected.answers.begin(), corrected.answers.end(),
              [](const Answer& a, const Answer& b) { return a.question < b.question; });
    copy.put(corrected);
    BOOST_TEST(copy.editions.size() == network().editions.size());
    const Sample sample = build_sample(copy, mini());
    BOOST_TEST((*city(sample, "echo").scores.rate("policy") == Exact(300, 14)));
}
