// Exact arithmetic, checked against an independent brute-force computation.
//
// A seeded generator makes random small questionnaires (indicators, lens-like
// fields, extended areas, decimal weights, every scored answer type,
// not-applicable questions) and thousands of random networks over them. For
// every network the test recomputes every points total, rate, lens, index,
// average, rank and change from its own description of the questionnaire
// (never from the engine's Questionnaire), in exact rationals, rounds each
// figure once, half away from zero, by its own method, and demands the
// engine's exact values and published figures equal them. Halves are forced
// to occur: cities scoring 10, 4, 5 and 2 of 12 points average exactly 43.75.
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <map>
#include <random>
#include <set>
#include <sstream>

#include "load/network.h"
#include "load/questionnaire.h"
#include "score/export.h"
#include "score/sample.h"
#include "support/figure.h"
#include "support/locale.h"
#include "test_support.h"

using namespace icc;
using Rational = boost::multiprecision::cpp_rational;

namespace {

// ------------------------------------------------------------ the test's own model

struct SpecOption {
    std::string id;
    int points = 0;
};

struct SpecQuestion {
    std::string id;  // "<area>.qN"
    std::string type;  // yes_partly_no, single_choice, multiple_choice, percentage
    int weight_tenths = 10;  // the question weight, in tenths (15 = 1.5)
    std::vector<SpecOption> options;  // single and multiple choice
    std::optional<int> cap;           // multiple choice
    std::vector<std::pair<int, int>> bands;  // percentage: (from, points), ascending
    bool not_applicable = false;
};

struct SpecArea {
    std::string id;
    bool field = false;
    std::string parent;   // fields
    bool core = true;     // indicators
    int weight_tenths = 10;
    std::vector<SpecQuestion> questions;
};

struct Spec {
    std::vector<SpecArea> areas;  // indicators, each followed by its fields
};

Rational tenths(int value) { return Rational(value, 10); }

std::string decimal(int value_tenths) {
    return std::to_string(value_tenths / 10) + "." + std::to_string(value_tenths % 10);
}

std::string questionnaire_toml(const Spec& spec) {
    std::ostringstream out;
    out << "version = \"2\"\n\n[[versions]]\nid = \"1\"\nextended = false\n\n[[versions]]\nid = \"2\"\nextended = true\n\n"
        << "[yes_partly_no]\noptions = [{ id = \"yes\", points = 2 }, { id = \"partly\", points = 1 }, "
           "{ id = \"no\", points = 0 }]\n\n";
    for (const SpecArea& area : spec.areas) {
        out << "[[areas]]\nid = \"" << area.id << "\"\nkind = \"" << (area.field ? "field" : "indicator") << "\"\n";
        if (area.field)
            out << "parent = \"" << area.parent << "\"\n";
        else
            out << "core = " << (area.core ? "true" : "false") << "\n";
        out << "weight = " << decimal(area.weight_tenths) << "\n\n";
    }
    out << "[[questions]]\nid = \"city.population\"\nkind = \"fact\"\ntype = \"integer\"\nminimum = 1\nrequired = true\n\n"
        << "[[questions]]\nid = \"city.foreign_born_percent\"\nkind = \"fact\"\ntype = \"percentage\"\nrequired = true\n\n";
    for (const SpecArea& area : spec.areas)
        for (const SpecQuestion& q : area.questions) {
            out << "[[questions]]\nid = \"" << q.id << "\"\nkind = \"input\"\ntype = \"" << q.type << "\"\nweight = "
                << decimal(q.weight_tenths) << "\n";
            if (q.not_applicable) out << "not_applicable = true\n";
            if (!q.options.empty()) {
                out << "options = [";
                for (std::size_t i = 0; i < q.options.size(); ++i)
                    out << (i ? ", " : "") << "{ id = \"" << q.options[i].id << "\", points = " << q.options[i].points
                        << " }";
                out << "]\n";
            }
            if (q.cap) out << "cap = " << *q.cap << "\n";
            if (!q.bands.empty()) {
                out << "bands = [";
                for (std::size_t i = 0; i < q.bands.size(); ++i)
                    out << (i ? ", " : "") << "{ from = " << q.bands[i].first << ", points = " << q.bands[i].second
                        << " }";
                out << "]\n";
            }
            out << "\n";
        }
    return out.str();
}

// An answer as the generator chose it.
struct SpecAnswer {
    enum Kind { absent, unknown, not_applicable, value } kind = absent;
    std::string choice;                 // yes_partly_no, single_choice
    std::vector<std::string> ticked;    // multiple_choice (may repeat an option: counted once)
    int percent = 0;                    // percentage
};

struct SpecEdition {
    std::string city;
    std::string country;
    Date date;
    bool extended = true;  // version "2"
    std::map<std::string, SpecAnswer> answers;
};

// ------------------------------------------------------------ brute force

Rational question_points(const SpecQuestion& q, const SpecAnswer& a) {
    if (q.type == "yes_partly_no") return a.choice == "yes" ? 2 : a.choice == "partly" ? 1 : 0;
    if (q.type == "single_choice") {
        for (const SpecOption& o : q.options)
            if (o.id == a.choice) return o.points;
        return 0;
    }
    if (q.type == "multiple_choice") {
        const std::set<std::string> distinct(a.ticked.begin(), a.ticked.end());
        int sum = 0;
        for (const SpecOption& o : q.options)
            if (distinct.count(o.id)) sum += o.points;
        return q.cap ? std::min(sum, *q.cap) : sum;
    }
    int points = 0;  // percentage: the last band reached
    for (const auto& [from, band_points] : q.bands)
        if (a.percent >= from) points = band_points;
    return points;
}

Rational question_best(const SpecQuestion& q) {
    if (q.type == "yes_partly_no") return 2;
    int best = 0, sum = 0;
    for (const SpecOption& o : q.options) best = std::max(best, o.points), sum += o.points;
    for (const auto& band : q.bands) best = std::max(best, band.second);
    if (q.type == "multiple_choice") return q.cap ? std::min(sum, *q.cap) : sum;
    return best;
}

struct Reference {
    std::map<std::string, std::optional<Rational>> rates;
    std::optional<Rational> aggregate, core, extended;
};

std::optional<Rational> mean(const std::vector<std::pair<std::optional<Rational>, Rational>>& values) {
    Rational sum = 0, weights = 0;
    for (const auto& [value, weight] : values)
        if (value) sum += *value * weight, weights += weight;
    if (weights == 0) return std::nullopt;
    return sum / weights;
}

Reference recompute(const Spec& spec, const SpecEdition& edition) {
    Reference ref;
    for (const SpecArea& area : spec.areas) {
        const SpecArea* indicator = &area;
        if (area.field)
            for (const SpecArea& other : spec.areas)
                if (other.id == area.parent) indicator = &other;
        if (!indicator->core && !edition.extended) {
            ref.rates[area.id] = std::nullopt;
            continue;
        }
        Rational earned = 0, worth = 0;
        for (const SpecQuestion& q : area.questions) {
            const auto it = edition.answers.find(q.id);
            const SpecAnswer answer = it == edition.answers.end() ? SpecAnswer{} : it->second;
            if (answer.kind == SpecAnswer::not_applicable) continue;
            worth += tenths(q.weight_tenths) * question_best(q);
            if (answer.kind == SpecAnswer::value) earned += tenths(q.weight_tenths) * question_points(q, answer);
        }
        ref.rates[area.id] = worth > 0 ? std::optional<Rational>(100 * earned / worth) : std::nullopt;
    }
    // Indicators with fields: the weighted mean of the fields.
    for (const SpecArea& area : spec.areas) {
        if (area.field) continue;
        std::vector<std::pair<std::optional<Rational>, Rational>> fields;
        for (const SpecArea& f : spec.areas)
            if (f.field && f.parent == area.id) fields.emplace_back(ref.rates[f.id], tenths(f.weight_tenths));
        if (!fields.empty()) ref.rates[area.id] = mean(fields);
    }
    std::vector<std::pair<std::optional<Rational>, Rational>> all, core;
    for (const SpecArea& area : spec.areas) {
        if (area.field) continue;
        all.emplace_back(ref.rates[area.id], tenths(area.weight_tenths));
        if (area.core) core.emplace_back(ref.rates[area.id], tenths(area.weight_tenths));
    }
    ref.aggregate = mean(all);
    ref.core = mean(core);
    if (edition.extended) ref.extended = ref.aggregate;
    return ref;
}

// Rounding by comparison, not by the engine's integer formula: t = floor(10|x|),
// one more when the remainder is at least a half.
std::int64_t rounded_tenths(const Rational& value) {
    const Rational magnitude = value < 0 ? Rational(-value) : value;
    const Rational scaled = magnitude * 10;
    boost::multiprecision::cpp_int whole = boost::multiprecision::numerator(scaled) /
                                           boost::multiprecision::denominator(scaled);
    if (scaled - Rational(whole) >= Rational(1, 2)) whole += 1;
    const auto t = whole.convert_to<std::int64_t>();
    return value < 0 ? -t : t;
}

// ------------------------------------------------------------ the generator

class Generator {
public:
    explicit Generator(unsigned seed) : random_(seed) {}

    int between(int low, int high) { return std::uniform_int_distribution<int>(low, high)(random_); }
    bool chance(int percent) { return between(1, 100) <= percent; }

    Spec questionnaire() {
        Spec spec;
        const int core_indicators = between(1, 3);
        const int extended_indicators = between(0, 2);
        const int weights[] = {5, 10, 10, 10, 15, 20, 30};
        for (int i = 0; i < core_indicators + extended_indicators; ++i) {
            SpecArea indicator;
            indicator.id = "ind" + std::to_string(i);
            indicator.core = i < core_indicators;
            indicator.weight_tenths = weights[between(0, 6)];
            const int fields = i == 0 ? between(0, 3) : 0;
            if (fields == 0) add_questions(indicator);
            spec.areas.push_back(indicator);
            for (int f = 0; f < fields; ++f) {
                SpecArea field;
                field.id = "ind0f" + std::to_string(f);
                field.field = true;
                field.parent = indicator.id;
                field.weight_tenths = weights[between(0, 6)];
                add_questions(field);
                spec.areas.push_back(field);
            }
        }
        return spec;
    }

    SpecEdition edition(const Spec& spec, const std::string& city, const std::string& country, int year) {
        SpecEdition e;
        e.city = city;
        e.country = country;
        e.date = Date{year, static_cast<unsigned>(between(1, 12)), static_cast<unsigned>(between(1, 28))};
        e.extended = chance(70);
        for (const SpecArea& area : spec.areas)
            for (const SpecQuestion& q : area.questions) {
                SpecAnswer a;
                const int roll = between(1, 100);
                if (roll <= 10) continue;  // absent
                if (roll <= 18) a.kind = SpecAnswer::unknown;
                else if (roll <= 30 && q.not_applicable) a.kind = SpecAnswer::not_applicable;
                else {
                    a.kind = SpecAnswer::value;
                    if (q.type == "yes_partly_no") a.choice = std::vector<std::string>{"yes", "partly", "no"}[between(0, 2)];
                    if (q.type == "single_choice") a.choice = q.options[between(0, static_cast<int>(q.options.size()) - 1)].id;
                    if (q.type == "multiple_choice")
                        for (const SpecOption& o : q.options)
                            if (chance(50)) a.ticked.push_back(o.id);
                    if (q.type == "multiple_choice" && !a.ticked.empty() && chance(20)) a.ticked.push_back(a.ticked.front());
                    if (q.type == "percentage") a.percent = between(0, 100);
                }
                e.answers[q.id] = a;
            }
        return e;
    }

private:
    void add_questions(SpecArea& area) {
        const int count = between(1, 4);
        const char* types[] = {"yes_partly_no", "single_choice", "multiple_choice", "percentage"};
        const int weights[] = {10, 10, 10, 20, 5, 15};
        for (int i = 0; i < count; ++i) {
            SpecQuestion q;
            q.id = area.id + ".q" + std::to_string(i);
            q.type = types[between(0, 3)];
            q.weight_tenths = weights[between(0, 5)];
            q.not_applicable = chance(25);
            if (q.type == "single_choice" || q.type == "multiple_choice") {
                const int options = between(2, 4);
                for (int o = 0; o < options; ++o) q.options.push_back({"o" + std::to_string(o), between(0, 4)});
                if (q.options.front().points == 0 && q.type == "single_choice") q.options.back().points = between(1, 4);
                if (q.type == "multiple_choice") q.cap = between(1, 8);  // at or above the sum: no effect
            }
            if (q.type == "percentage") {
                int from = 0;
                const int bands = between(2, 4);
                for (int b = 0; b < bands; ++b) {
                    q.bands.emplace_back(from, between(0, 4));
                    from += between(1, 40);
                }
            }
            area.questions.push_back(q);
        }
    }

    std::mt19937 random_;
};

const SpecQuestion& spec_question(const Spec& spec, const std::string& id) {
    for (const SpecArea& area : spec.areas)
        for (const SpecQuestion& q : area.questions)
            if (q.id == id) return q;
    throw std::out_of_range(id);
}

// The generated edition as the engine holds it after loading.
Edition engine_edition(const SpecEdition& spec, const Spec& questionnaire) {
    Edition e;
    e.city = City{spec.city, spec.city, spec.country, 50000, 12.5};
    e.date = spec.date;
    e.questionnaire = spec.extended ? "2" : "1";
    for (const auto& [question, a] : spec.answers) {
        Answer answer;
        answer.question = question;
        const std::string& type = spec_question(questionnaire, question).type;
        switch (a.kind) {
            case SpecAnswer::absent: continue;
            case SpecAnswer::unknown: answer.value = std::string("unknown"); break;
            case SpecAnswer::not_applicable: answer.value = std::string("not_applicable"); break;
            case SpecAnswer::value:
                if (type == "multiple_choice") answer.value = a.ticked;
                else if (type == "percentage") answer.value = std::int64_t{a.percent};
                else answer.value = a.choice;
                break;
        }
        e.answers.push_back(std::move(answer));
    }
    std::sort(e.answers.begin(), e.answers.end(), [](const Answer& x, const Answer& y) { return x.question < y.question; });
    return e;
}

// Whether ten times the value ends in exactly one half (43.75, 12.25).
bool is_half(const Rational& value) { return boost::multiprecision::denominator(Rational(value * 10)) == 2; }

std::string text_of(const std::optional<Rational>& value) {
    return value ? value->str() : std::string("none");
}

}  // namespace

// ------------------------------------------------------------ Figure itself

BOOST_AUTO_TEST_CASE(figures_round_once_half_away_from_zero) {
    BOOST_TEST(Figure::of(Exact(175, 4)).text() == "43.8");   // 43.75
    BOOST_TEST(Figure::of(Exact(4365, 100)).text() == "43.7");  // 43.65: not banker's rounding either
    BOOST_TEST(Figure::of(Exact(4365, 100)).tenths() == 437);
    BOOST_TEST(Figure::of(Exact(6225, 100)).text() == "62.3");
    BOOST_TEST(Figure::of(Exact(-225, 100)).text() == "-2.3");
    BOOST_TEST(Figure::of(Exact(-1, 100)).text() == "0.0");   // never "-0.0"
    BOOST_TEST(Figure::of(Exact(100)).text() == "100.0");
    BOOST_TEST(Figure::of(Exact(350, 9)).text() == "38.9");
    BOOST_TEST(Figure::of(Exact(2825, 56)).text() == "50.4");
    BOOST_TEST((Figure::of(Exact(1, 10)) - Figure::of(Exact(3, 10))).text() == "-0.2");
    BOOST_TEST(exact_decimal(0.1) == Exact(1, 10));
    BOOST_TEST(exact_decimal(1.5) == Exact(3, 2));
    BOOST_TEST(exact_decimal(2e-7) == Exact(1, 5000000));
    BOOST_TEST(exact_text(Exact(25, 2)) == "12.5");
    BOOST_TEST(exact_text(Exact(-1, 4)) == "-0.25");
    BOOST_TEST(exact_text(Exact(350, 9)) == "350/9");
}

BOOST_AUTO_TEST_CASE(the_catalog_prints_a_figure_from_its_digits) {
    const DataRoot data{testing::source_root()};
    const Catalog en = Catalog::load(data, "en");
    const Catalog fr = Catalog::load(data, "fr");
    BOOST_TEST(en.percent(Figure::of(Exact(175, 4))) == "43.8%");
    BOOST_TEST(en.number(Figure::of(Exact(4365, 100))) == "43.7");
    BOOST_TEST(fr.number(Figure::of(Exact(175, 4))) == "43,8");
}

// ------------------------------------------------------------ the documented half

BOOST_AUTO_TEST_CASE(four_cities_of_10_4_5_and_2_of_12_points_average_43_8) {
    Spec spec;
    SpecArea policy{"policy", false, "", true, 10, {}};
    for (int i = 0; i < 6; ++i) policy.questions.push_back({"policy.q" + std::to_string(i), "yes_partly_no", 10, {}, {}, {}, false});
    spec.areas.push_back(policy);
    testing::TempDir dir;
    const Questionnaire questionnaire = Questionnaire::load(dir.write("q.toml", questionnaire_toml(spec)));
    // yes = 2 points each: 5 yes = 10, 2 yes = 4, 2 yes + 1 partly = 5, 1 yes = 2 (of 12).
    const std::vector<std::pair<std::string, std::vector<std::string>>> cities{
        {"a", {"yes", "yes", "yes", "yes", "yes"}}, {"b", {"yes", "yes"}}, {"c", {"yes", "yes", "partly"}}, {"d", {"yes"}}};
    Network network;
    for (const auto& [id, answers] : cities) {
        SpecEdition e{id, "PT", Date{2025, 1, 1}, true, {}};
        for (std::size_t i = 0; i < answers.size(); ++i) {
            SpecAnswer a;
            a.kind = SpecAnswer::value;
            a.choice = answers[i];
            e.answers["policy.q" + std::to_string(i)] = a;
        }
        network.put(engine_edition(e, spec));
    }
    const Sample sample = build_sample(network, questionnaire);
    const Average& average = sample.averages.area("policy");
    BOOST_TEST(average.count == 4);
    BOOST_TEST((*average.value == Exact(175, 4)));
    BOOST_TEST(published(*average.value).text() == "43.8");
    BOOST_TEST(published(sample.averages.extended.value)->text() == "43.8");
    BOOST_TEST(sample.peer_group("country.PT") != nullptr);
    BOOST_TEST(published(sample.peer_group("country.PT")->averages.area("policy").value)->text() == "43.8");
    const std::string json = sample_json(sample, questionnaire);
    BOOST_TEST(json.find("\"policy\": {\"value\": 43.8, \"count\": 4}") != std::string::npos, json);
    BOOST_TEST(sample_csv(sample, questionnaire).find("83.3") != std::string::npos);
}

// ------------------------------------------------------------ the property

BOOST_AUTO_TEST_CASE(the_engine_equals_a_brute_force_exact_computation_on_random_networks) {
    Generator random(20261202);
    testing::TempDir dir;
    int networks = 0, halves = 0, figures = 0;
    for (int questionnaire_index = 0; questionnaire_index < 40; ++questionnaire_index) {
        const Spec spec = random.questionnaire();
        const Questionnaire questionnaire =
            Questionnaire::load(dir.write("q" + std::to_string(questionnaire_index) + ".toml", questionnaire_toml(spec)));
        for (int n = 0; n < 60; ++n, ++networks) {
            Network network;
            std::map<std::string, std::vector<SpecEdition>> by_city;
            const int city_count = random.between(1, 6);
            for (int c = 0; c < city_count; ++c) {
                const std::string id = "city" + std::to_string(c);
                const std::string country = random.chance(50) ? "PT" : "FR";
                const int editions = random.between(1, 2);
                for (int e = 0; e < editions; ++e) {
                    SpecEdition edition = random.edition(spec, id, country, 2019 + 3 * e);
                    by_city[id].push_back(edition);
                    network.put(engine_edition(edition, spec));
                }
            }
            const Sample sample = build_sample(network, questionnaire);
            BOOST_TEST_CONTEXT("questionnaire " << questionnaire_index << ", network " << n) {
                BOOST_TEST_REQUIRE(sample.size() == city_count);
                // Each city against its own recomputation, exactly.
                std::map<std::string, Reference> refs;
                for (const SampleCity& city : sample.cities) {
                    const auto& editions = by_city.at(city.scores.city.id);
                    const Reference ref = recompute(spec, editions.back());
                    refs[city.scores.city.id] = ref;
                    for (const auto& [area, rate] : ref.rates) {
                        BOOST_TEST_CONTEXT(city.scores.city.id << " " << area) {
                            BOOST_TEST(text_of(city.scores.rate(area)) == text_of(rate));
                        }
                        if (rate) ++figures, halves += is_half(*rate);
                    }
                    BOOST_TEST(text_of(city.scores.aggregate) == text_of(ref.aggregate));
                    BOOST_TEST(text_of(city.scores.core) == text_of(ref.core));
                    BOOST_TEST(text_of(city.scores.extended) == text_of(ref.extended));
                    // Progress: the difference of the two published figures.
                    if (editions.size() == 2) {
                        const Reference before = recompute(spec, editions.front());
                        BOOST_TEST_REQUIRE(city.progress.has_value());
                        const auto core = city.progress->core;
                        BOOST_TEST(core.has_value() == (before.core && ref.core));
                        if (core && before.core && ref.core)
                            BOOST_TEST(core->tenths() == rounded_tenths(*ref.core) - rounded_tenths(*before.core));
                    }
                }
                // Averages over the sample and over each country.
                const auto check_average = [&](const Average& average, const std::vector<std::string>& members,
                                               const std::function<std::optional<Rational>(const Reference&)>& pick) {
                    Rational sum = 0;
                    int count = 0;
                    for (const std::string& member : members)
                        if (auto value = pick(refs.at(member))) sum += *value, ++count;
                    BOOST_TEST(average.count == count);
                    BOOST_TEST(text_of(average.value) == text_of(count ? std::optional<Rational>(sum / count) : std::nullopt));
                    if (count) {
                        BOOST_TEST(published(average.value)->tenths() == rounded_tenths(sum / count));
                        ++figures;
                        halves += is_half(sum / count);
                    }
                };
                std::vector<std::string> everyone;
                for (const auto& [id, ref] : refs) everyone.push_back(id);
                for (const SpecArea& area : spec.areas)
                    check_average(sample.averages.area(area.id), everyone,
                                  [&](const Reference& r) { return r.rates.at(area.id); });
                // No average of the aggregate (it mixes versions): the extended index
                // over the editions that have one, the core index over every city.
                check_average(sample.averages.extended, everyone, [](const Reference& r) { return r.extended; });
                check_average(sample.averages.core, everyone, [](const Reference& r) { return r.core; });
                for (const char* country : {"PT", "FR"}) {
                    const PeerGroup* group = sample.peer_group(std::string("country.") + country);
                    if (!group) continue;
                    check_average(group->averages.core, group->members, [](const Reference& r) { return r.core; });
                }
                // Ranks: competition ranking on the published figure, over the
                // cities that have the index (core: all; extended: version 2 only).
                const auto expected_rank = [&](const std::optional<Rational>& own,
                                               const std::function<std::optional<Rational>(const Reference&)>& pick) {
                    int higher = 0;
                    for (const auto& [other, other_ref] : refs)
                        if (auto value = pick(other_ref); value && rounded_tenths(*value) > rounded_tenths(*own)) ++higher;
                    return higher + 1;
                };
                for (const SampleCity& city : sample.cities) {
                    const auto& ref = refs.at(city.scores.city.id);
                    BOOST_TEST(city.core_rank.has_value() == ref.core.has_value());
                    if (ref.core)
                        BOOST_TEST(city.core_rank.value_or(0) ==
                                   expected_rank(ref.core, [](const Reference& r) { return r.core; }));
                    BOOST_TEST(city.extended_rank.has_value() == ref.extended.has_value());
                    if (ref.extended)
                        BOOST_TEST(city.extended_rank.value_or(0) ==
                                   expected_rank(ref.extended, [](const Reference& r) { return r.extended; }));
                }
            }
        }
    }
    BOOST_TEST(networks == 2400);
    BOOST_TEST_MESSAGE(networks << " networks, " << figures << " figures, " << halves << " exact halves");
    BOOST_TEST(halves > 50);  // the generator does reach the case that floating point got wrong
}
