// bench_score: times scoring the whole sample network.
//   bench_score [NETWORK_DIR] [--runs N]
// Prints, for each stage, the fastest and the median of N runs: reading and
// validating every edition file, scoring every edition and building the
// sample (ranks, averages, peer groups, progress), and writing the CSV and
// JSON exports. The target: the whole network well under a second.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "load/network.h"
#include "load/questionnaire.h"
#include "score/export.h"
#include "score/sample.h"
#include "support/data_root.h"
#include "support/diagnostic.h"

namespace {

using Clock = std::chrono::steady_clock;

struct Timing {
    double fastest_ms;
    double median_ms;
};

Timing time_runs(int runs, const std::function<void()>& work) {
    std::vector<double> ms;
    for (int i = 0; i < runs; ++i) {
        const auto start = Clock::now();
        work();
        ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
    }
    std::sort(ms.begin(), ms.end());
    return {ms.front(), ms[ms.size() / 2]};
}

void print(const char* stage, const Timing& t) {
    std::printf("%-44s fastest %8.2f ms   median %8.2f ms\n", stage, t.fastest_ms, t.median_ms);
}

}  // namespace

int main(int argc, char** argv) {
    const icc::DataRoot data = icc::DataRoot::locate();
    std::filesystem::path folder = data.samples() / "network";
    int runs = 20;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--runs" && i + 1 < argc)
            runs = std::max(1, std::atoi(argv[++i]));
        else
            folder = arg;
    }
    try {
        const icc::Questionnaire questionnaire = icc::Questionnaire::bundled(data);
        icc::Network network;
        const Timing load = time_runs(runs, [&] { network = icc::load_network(folder, questionnaire); });
        icc::Sample sample;
        const Timing score = time_runs(runs, [&] { sample = icc::build_sample(network, questionnaire); });
        std::size_t bytes = 0;
        const Timing exports = time_runs(runs, [&] {
            bytes = icc::sample_csv(sample, questionnaire).size() + icc::sample_json(sample, questionnaire).size();
        });
        std::printf("network %s: %zu editions of %d cities (%d in the sample), %d runs\n", folder.string().c_str(),
                    network.editions.size(), static_cast<int>(network.city_ids().size()), sample.size(), runs);
        print("read and validate every edition", load);
        print("score and build the sample (ranks, groups)", score);
        print("write CSV and JSON", exports);
        print("total", {load.fastest_ms + score.fastest_ms + exports.fastest_ms,
                                         load.median_ms + score.median_ms + exports.median_ms});
        std::printf("exports: %zu bytes\n", bytes);
    } catch (const icc::DiagnosticError& error) {
        for (const auto& diagnostic : error.diagnostics()) std::fprintf(stderr, "%s\n", diagnostic.to_string().c_str());
        return 1;
    }
    return 0;
}
