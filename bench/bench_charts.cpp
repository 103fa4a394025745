// Measures how long each chart takes to lay out and draw to SVG and to PNG,
// and, given a folder, writes every chart of three fictional cities in English
// and French, as SVG and PNG, so that they can be looked at.
//
//   bench_charts [--iterations N] [--out DIR]
//
// The cities are fictional and the network is generated from a fixed
// pseudo-random sequence: these numbers belong to no real city.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <iomanip>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include "charts/charts.h"
#include "support/atomic_file.h"
#include "support/data_root.h"
#include "support/fonts.h"
#include "support/locale.h"

using namespace icc;
using namespace icc::charts;

namespace {

// A chart as a document holds it, with the words of `chart`'s catalog.
ChartSpec figure_of(const ChartContext& chart, ChartData data, std::string heading = {}) {
    return {std::move(data), chart.words().locale(), std::move(heading)};
}
ChartFonts fonts_of(const ChartContext& chart) { return ChartFonts(chart.fonts(), chart.style()); }

// A linear congruential generator: the same numbers on every machine.
class Sequence {
public:
    explicit Sequence(std::uint32_t seed) : state_(seed) {}
    double next() {
        state_ = state_ * 1664525u + 1013904223u;
        return static_cast<double>(state_ >> 8) / static_cast<double>(1u << 24);
    }

private:
    std::uint32_t state_;
};

const std::vector<std::string> indicator_ids{"commitment", "lens", "mediation", "language", "media", "international",
                                              "intelligence", "welcome", "leadership", "anti_discrimination",
                                              "participation", "interaction"};
const std::vector<std::string> lens_ids{"education", "neighbourhoods", "public_services", "business",
                                        "cultural_life", "public_space"};

std::map<std::string, std::string> names(const std::string& lang) {
    if (lang == "fr")
        return {{"commitment", "Engagement"},
                {"lens", "Prisme interculturel"},
                {"mediation", "Médiation et résolution des conflits"},
                {"language", "Langues"},
                {"media", "Médias et communication"},
                {"international", "Ouverture internationale"},
                {"intelligence", "Intelligence et compétences interculturelles"},
                {"welcome", "Accueil des nouveaux arrivants"},
                {"leadership", "Leadership et citoyenneté"},
                {"anti_discrimination", "Lutte contre les discriminations"},
                {"participation", "Participation"},
                {"interaction", "Interaction"},
                {"education", "Éducation"},
                {"neighbourhoods", "Quartiers"},
                {"public_services", "Services publics"},
                {"business", "Entreprises et marché du travail"},
                {"cultural_life", "Vie culturelle et sociale"},
                {"public_space", "Espace public"}};
    return {{"commitment", "Commitment"},
            {"lens", "Intercultural lens"},
            {"mediation", "Mediation and conflict resolution"},
            {"language", "Language"},
            {"media", "Media and communication"},
            {"international", "International outlook"},
            {"intelligence", "Intercultural intelligence and competence"},
            {"welcome", "Welcoming newcomers"},
            {"leadership", "Leadership and citizenship"},
            {"anti_discrimination", "Anti-discrimination"},
            {"participation", "Participation"},
            {"interaction", "Interaction"},
            {"education", "Education"},
            {"neighbourhoods", "Neighbourhoods"},
            {"public_services", "Public services"},
            {"business", "Business and the labour market"},
            {"cultural_life", "Cultural and social life"},
            {"public_space", "Public space"}};
}

struct Edition {
    std::string year;
    std::map<std::string, std::optional<double>> rates;  // by area id
    double aggregate = 0;
};

struct City {
    std::string name;
    std::string peer_en, peer_fr;
    std::vector<Edition> editions;  // oldest first
};

struct Network {
    std::map<std::string, double> sample_average;
    std::map<std::string, double> peer_average;
    std::vector<double> aggregates;  // of the other cities
    double median = 0;
};

Network generated_network(const std::vector<std::string>& ids) {
    Network network;
    Sequence sequence(2026);
    for (const auto& id : ids) {
        network.sample_average[id] = 40 + 25 * sequence.next();
        network.peer_average[id] = network.sample_average[id] - 8 + 10 * sequence.next();
    }
    for (int i = 0; i < 125; ++i) {
        const double spread = (sequence.next() + sequence.next() + sequence.next()) / 3;  // roughly bell-shaped
        network.aggregates.push_back(std::round((18 + 70 * spread) * 10) / 10);
    }
    return network;
}

std::vector<City> showcase() {
    auto edition = [](std::string year, std::vector<std::optional<double>> indicators, std::vector<double> lens) {
        Edition e{std::move(year), {}, 0};
        double sum = 0;
        int counted = 0;
        for (std::size_t i = 0; i < indicators.size(); ++i) {
            e.rates[indicator_ids[i]] = indicators[i];
            if (indicators[i]) sum += *indicators[i], ++counted;
        }
        for (std::size_t i = 0; i < lens.size(); ++i) e.rates[lens_ids[i]] = lens[i];
        e.aggregate = std::round(sum / counted * 10) / 10;
        return e;
    };
    const auto none = std::nullopt;
    return {
        {"Valmora", "Cities of 50,000 to 100,000 inhabitants", "Villes de 50 000 à 100 000 habitants",
         {edition("2026", {71, 64, 80, 52, 38, 66, 45, 83, 40, 57, none, 69}, {72, 55, 60, 48, 81, 66})}},
        {"Brenhaven", "Cities of over 500,000 inhabitants", "Villes de plus de 500 000 habitants",
         {edition("2016", {74, 60, 70, 66, 58, 72, 61, 80, 55, 69, none, none}, {65, 50, 58, 62, 70, 55}),
          edition("2020", {88, 72, 84, 70, 66, 85, 73, 90, 63, 78, 60, 81}, {74, 66, 70, 71, 86, 65}),
          edition("2025", {100, 82.5, 91, 76, 70, 88, 79, 95, 68, 84, 73, 90}, {85, 78, 80, 76, 94, 82})}},
        {"Ostrava Nova", "Cities with over 20% foreign-born residents",
         "Villes de plus de 20\u00a0% d’habitants nés à l’étranger",
         {edition("2018", {12, 30, 28, 45, 25, 20, 18, 40, 15, 35, 0, 25}, {25, 10, 40, 30, 35, 30}),
          edition("2024", {0, 22, 35, 41, 18, 27, 12, 48, 9, 30, 21, 33}, {20, 0, 35, 28, 30, 19})}},
    };
}

AreasChartData areas_data(const City& city, const std::vector<std::string>& ids, const std::string& lang,
                          const Network& network) {
    const auto labels = names(lang);
    AreasChartData data{city.name, static_cast<int>(network.aggregates.size() + 1),
                        lang == "fr" ? city.peer_fr : city.peer_en, {}};
    for (const auto& id : ids)
        data.areas.push_back({id, labels.at(id), city.editions.back().rates.at(id), network.sample_average.at(id),
                              network.peer_average.at(id)});
    return data;
}

ProgressChartData progress_data(const City& city, const std::string& lang) {
    const auto labels = names(lang);
    ProgressChartData data{city.name, {}, {}};
    for (const auto& id : indicator_ids) data.areas.push_back({id, labels.at(id)});
    for (const auto& e : city.editions) {
        EditionValues values{e.year, e.aggregate, {}};
        for (const auto& id : indicator_ids) values.areas.push_back(e.rates.at(id));
        data.editions.push_back(std::move(values));
    }
    return data;
}

OneAreaData one_area_data(const City& city, const std::string& id, const std::string& lang, const Network& network) {
    const bool fr = lang == "fr";
    OneAreaData data{id, names(lang).at(id), city.name, city.editions.back().rates.at(id),
                     network.sample_average.at(id), static_cast<int>(network.aggregates.size() + 1), {}};
    data.peer_groups = {{fr ? city.peer_fr : city.peer_en, network.peer_average.at(id), 23},
                        {fr ? "Villes de 10 à 15\u00a0% d’habitants nés à l’étranger"
                            : "Cities with 10 to 15% foreign-born residents",
                         network.sample_average.at(id) + 3.5, 31},
                        {fr ? "Villes du même pays" : "Cities of the same country", network.sample_average.at(id) - 6, 1}};
    return data;
}

struct Output {
    std::string name;
    ChartSpec figure;
    double width, height;
    std::string title, description;
};

}  // namespace

int main(int argc, char** argv) {
    int iterations = 20;
    std::filesystem::path out;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--iterations" && i + 1 < argc) {
            iterations = std::max(1, std::stoi(argv[++i]));
        } else if (arg == "--out" && i + 1 < argc) {
            out = argv[++i];
        } else {
            std::cerr << "usage: bench_charts [--iterations N] [--out DIR]\n";
            return 2;
        }
    }
    const DataRoot root = DataRoot::locate();
    const FontSet fonts = FontSet::load(root);
    std::vector<std::string> all_ids = indicator_ids;
    all_ids.insert(all_ids.end(), lens_ids.begin(), lens_ids.end());
    const Network network = generated_network(all_ids);
    if (!out.empty()) std::filesystem::create_directories(out);

    std::map<std::string, std::pair<double, int>> svg_ms, png_ms;
    for (const std::string lang : {"en", "fr"}) {
        const Catalog catalog = Catalog::load(root, lang);
        const ChartContext chart(fonts, catalog);
        for (const City& city : showcase()) {
            const AreasChartData areas = areas_data(city, indicator_ids, lang, network);
            const AreasChartData lens = areas_data(city, lens_ids, lang, network);
            const ProgressChartData progress = progress_data(city, lang);
            const NetworkPositionData position{city.name, city.editions.back().aggregate, network.aggregates,
                                               network.median};
            NetworkPositionData with_median = position;
            {
                std::vector<double> all = network.aggregates;
                all.push_back(position.city);
                std::sort(all.begin(), all.end());
                with_median.median = all.size() % 2 ? all[all.size() / 2]
                                                    : (all[all.size() / 2 - 1] + all[all.size() / 2]) / 2;
            }
            std::vector<Output> outputs{
                {"areas", figure_of(chart, AreasChart{areas}), 455, 340, chart_title(catalog, AreasChart{areas}),
                 describe_chart(catalog, AreasChart{areas})},
                {"lens", figure_of(chart, AreasChart{lens}), 455, 200, chart_title(catalog, AreasChart{lens}),
                 describe_chart(catalog, AreasChart{lens})},
                {"radar", figure_of(chart, RadarChart{areas}), 455, 360, chart_title(catalog, RadarChart{areas}),
                 describe_chart(catalog, RadarChart{areas})},
                {"progress", figure_of(chart, ProgressChart{progress}), 455, 360, chart_title(catalog, ProgressChart{progress}),
                 describe_chart(catalog, ProgressChart{progress})},
                {"network", figure_of(chart, NetworkChart{with_median}), 455, 170,
                 chart_title(catalog, NetworkChart{with_median}), describe_chart(catalog, NetworkChart{with_median})},
            };
            for (const std::string id : {"commitment", "participation", "business"}) {
                const OneAreaData one = one_area_data(city, id, lang, network);
                outputs.push_back({"area-" + id, figure_of(chart, OneAreaChart{one}), 455, 120,
                                   chart_title(catalog, OneAreaChart{one}), describe_chart(catalog, OneAreaChart{one})});
            }
            for (const Output& o : outputs) {
                const std::string kind = o.name.rfind("area-", 0) == 0 ? "one area" : o.name;
                auto start = std::chrono::steady_clock::now();
                for (int i = 0; i < iterations; ++i) (void)render_chart_svg(o.figure, fonts_of(chart), o.width, o.height);
                auto middle = std::chrono::steady_clock::now();
                for (int i = 0; i < iterations; ++i) (void)render_chart_image(o.figure, fonts_of(chart), o.width, o.height, 2);
                auto end = std::chrono::steady_clock::now();
                svg_ms[kind].first += std::chrono::duration<double, std::milli>(middle - start).count() / iterations;
                svg_ms[kind].second += 1;
                png_ms[kind].first += std::chrono::duration<double, std::milli>(end - middle).count() / iterations;
                png_ms[kind].second += 1;
                if (out.empty()) continue;
                std::string stem = city.name;
                std::replace(stem.begin(), stem.end(), ' ', '-');
                stem = (out / (stem + "." + o.name + "." + lang)).string();
                ChartSpec titled = o.figure;
                titled.heading = o.title;
                const double height = o.height + 30;
                write_chart_svg(stem + ".svg", titled, fonts_of(chart), o.width, height, {o.title, o.description, lang});
                write_chart_png(stem + ".png", titled, fonts_of(chart), o.width, height, 2);
                write_file_atomically(stem + ".txt", o.title + "\n\n" + o.description + "\n");
            }
        }
    }
    std::cout << std::fixed << std::setprecision(2) << "chart        ms per SVG   ms per PNG (2 px/pt, render only)\n";
    for (const auto& [kind, svg] : svg_ms)
        std::cout << std::left << std::setw(12) << kind << std::right << std::setw(10) << svg.first / svg.second
                  << std::setw(13) << png_ms[kind].first / png_ms[kind].second << '\n';
    return 0;
}
