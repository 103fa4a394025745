#pragma once
// A hand-made network for the select stage's tests, on the small questionnaire
// of tests/data/score/mini-questionnaire.toml (areas policy, the lens with its
// fields schools and streets, together; selection areas in report order:
// policy, schools, streets, together).
//
// The practice network, every edition of version 2 (rates by hand):
//   city        country population  foreign-born  policy  schools  streets  together
//   home        PT      50,000      5  (<100k, <10)   14.3     50.0     50.0    100.0
//   strong      DE      1,000,000   25 (>500k, >20)  100.0    100.0    100.0      0.0
//   peer        FR      60,000      6  (<100k, <10)   50.0    100.0      0.0      0.0
//   stranger    DE      300,000     12 (200-500k, 10-15) 50.0 100.0      0.0      0.0
//   compatriot  PT      300,000     12 (200-500k, 10-15) 50.0 100.0      0.0      0.0
//   weak        FR      40,000      3  (<100k, <10)   14.3      0.0      0.0      0.0
//   average                                            46.4     75.0     25.0     16.7
// home: policy 2 of 14 (plan partly 2/4, body none 0/4, channels unanswered 0/3,
// staff unknown 0/3); schools 2 of 4 (mix 30% 2/4, parents not applicable);
// streets 2 of 4 (design no 0/2, safety 70% 2/2); together 4 of 4.
// So home is below the average in policy and schools, above it in streets
// (but under a threshold of 60) and in together (and not under 60).
#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "load/network.h"
#include "load/practices.h"
#include "load/questionnaire.h"
#include "load/recommendation_rules.h"
#include "score/sample.h"
#include "support/locale.h"
#include "test_support.h"

namespace icc::testing {

inline const Questionnaire& mini() {
    static const Questionnaire loaded =
        Questionnaire::load(icc::testing::test_data() / "score/mini-questionnaire.toml");
    return loaded;
}

struct CityFile {
    std::string id;
    std::string country;
    long population = 0;
    std::string foreign_born;
    std::string date;
    std::string answers;
    std::string version = "2";
};

// Writes the cities' edition files into a temporary network folder and loads it.
class TempNetwork {
public:
    explicit TempNetwork(const std::vector<CityFile>& cities) {
        for (const CityFile& city : cities) {
            std::filesystem::create_directories(dir_ / city.id);
            dir_.write(city.id + "/" + city.date + ".toml",
                       "[city]\nid = \"" + city.id + "\"\nname = \"" + city.id + "\"\ncountry = \"" + city.country +
                           "\"\npopulation = " + std::to_string(city.population) +
                           "\nforeign_born_percent = " + city.foreign_born + "\n\n[edition]\ndate = " + city.date +
                           "\nquestionnaire = \"" + city.version + "\"\n\n[answers]\n" + city.answers);
        }
        network_ = load_network(dir_.path(), mini());
    }
    [[nodiscard]] const Network& network() const { return network_; }
    [[nodiscard]] const TempDir& dir() const { return dir_; }

private:
    TempDir dir_;
    Network network_;
};

inline const std::string home_answers =
    "\"policy.plan\" = \"partly\"\n\"policy.body\" = \"none\"\n\"policy.staff\" = \"unknown\"\n"
    "\"schools.mix\" = 30\n\"schools.parents\" = \"not_applicable\"\n"
    "\"streets.design\" = \"no\"\n\"streets.safety\" = 70\n"
    "\"together.spaces\" = \"yes\"\n\"together.share\" = 80\n";
inline const std::string full_policy =
    "\"policy.plan\" = \"yes\"\n\"policy.body\" = \"council\"\n\"policy.channels\" = [\"a\", \"c\"]\n\"policy.staff\" = 5\n";
inline const std::string half_policy =
    "\"policy.plan\" = \"partly\"\n\"policy.body\" = \"unit\"\n\"policy.channels\" = [\"c\"]\n\"policy.staff\" = 1\n";
inline const std::string full_schools = "\"schools.mix\" = 0\n\"schools.parents\" = \"yes\"\n";

inline const std::vector<CityFile>& practice_cities() {
    static const std::vector<CityFile> cities{
        {"home", "PT", 50000, "5", "2025-03-01", home_answers},
        {"strong", "DE", 1000000, "25", "2025-01-01",
         full_policy + full_schools + "\"streets.design\" = \"yes\"\n\"streets.safety\" = 70\n"},
        {"peer", "FR", 60000, "6", "2024-01-01", half_policy + full_schools},
        {"stranger", "DE", 300000, "12", "2024-01-01", half_policy + full_schools},
        {"compatriot", "PT", 300000, "12", "2024-01-01", half_policy + full_schools},
        {"weak", "FR", 40000, "3", "2024-01-01", "\"policy.plan\" = \"no\"\n\"policy.body\" = \"unit\"\n"},
    };
    return cities;
}

inline const Network& practice_network() {
    static const TempNetwork made(practice_cities());
    return made.network();
}

inline Practice practice(const std::string& id, const std::string& area, const std::string& city, int year = 2020) {
    Practice p;
    p.id = id;
    p.area = area;
    p.city = city;
    p.year = year;
    p.title = {{"en", "Title of " + id}, {"fr", "Titre de " + id}};
    p.summary = {{"en", "Summary of " + id}, {"fr", "Résumé de " + id}};
    return p;
}

// The library of the practice tests, in id order as load_practices gives it.
inline PracticeLibrary practice_library() {
    PracticeLibrary library;
    library.practices = {
        practice("p-compatriot-policy", "policy", "compatriot"),
        practice("p-home-policy", "policy", "home"),
        practice("p-lens-strong", "lens", "strong"),
        practice("p-peer-policy", "policy", "peer"),
        practice("p-schools-peer", "schools", "peer"),
        practice("p-stranger-policy-a", "policy", "stranger"),
        practice("p-stranger-policy-b", "policy", "stranger"),
        practice("p-streets-strong", "streets", "strong"),
        practice("p-strong-policy", "policy", "strong"),
        practice("p-together-strong", "together", "strong"),
        practice("p-weak-policy", "policy", "weak"),
    };
    return library;
}

// Recommendation texts for every question of the mini questionnaire, and a
// general text per selection area.
inline std::string mini_locale(const std::string& lang) {
    const std::string word = lang == "fr" ? "Texte" : "Text";
    std::string text = locale_meta(lang, lang == "en" ? "" : "en") + "\n[recommendations.areas]\n";
    for (const char* area : {"policy", "schools", "streets", "together"})
        text += std::string(area) + " = \"" + word + " for the area " + area + "\"\n";
    for (const Question& question : mini().questions()) {
        if (!question.scored()) continue;
        text += "\n[recommendations.questions.\"" + question.id + "\"]\n";
        if (question.type == AnswerType::yes_partly_no)
            text += "missing = \"" + word + " missing " + question.id + "\"\npartial = \"" + word + " partial " +
                    question.id + "\"\n";
        else
            text += "improve = \"" + word + " improve " + question.id + "\"\n";
    }
    return text;
}

// A catalog of mini_locale(lang), written to `dir`.
inline Catalog mini_catalog(const TempDir& dir, const std::string& lang) {
    return Catalog::load_file(dir.write(lang + ".toml", mini_locale(lang)), lang);
}

// The bundled rules with areas set to "fallback": the tests below were written
// for that setting (the bundled default, "always", only adds the general text
// in front of the same list). Written once per test process.
inline std::filesystem::path bundled_rules_file() {
    static const std::filesystem::path file = [] {
        std::string text = slurp(source_root() / "templates/recommendations.toml");
        const std::string always = "default = \"always\"";
        if (auto at = text.find(always); at != std::string::npos) text.replace(at, always.size(), "default = \"fallback\"");
        const auto path = std::filesystem::temp_directory_path() /
                          ("icc-test-rules-" + std::to_string(::getpid()) + ".toml");
        std::ofstream(path, std::ios::binary | std::ios::trunc) << text;
        return path;
    }();
    return file;
}

// The sample, catalogs and rules the select and overrides tests share (built once per process).
inline const Sample& sample() {
    static const Sample built = build_sample(practice_network(), mini());
    return built;
}

struct Catalogs {
    TempDir dir;
    Catalog en = mini_catalog(dir, "en");
    Catalog fr = mini_catalog(dir, "fr");
};

inline const Catalogs& catalogs() {
    static const Catalogs loaded;
    return loaded;
}

inline const RecommendationRules& rules() {
    static const RecommendationRules loaded =
        load_recommendation_rules(bundled_rules_file(), mini(), {&catalogs().en, &catalogs().fr});
    return loaded;
}

}  // namespace icc::testing
