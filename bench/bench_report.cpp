// Time to produce one Index Report in-process: prepare the city (sample,
// selection), compose, lay out and render the PDF. Data are loaded once, as
// in a batch. Usage: bench_report [CITY_EDITION_FILE] [--iterations N] [--lang L]
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

#include "driver/pipeline.h"
#include "layout/paginate.h"
#include "render/pdf.h"

using namespace icc;
using Clock = std::chrono::steady_clock;

namespace {
double ms_since(Clock::time_point start) {
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}
double median(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}
}  // namespace

int main(int argc, char** argv) {
    const DataRoot data = DataRoot::locate();
    std::filesystem::path edition = data.samples() / "network/quellmark/2024-10-07.toml";
    int iterations = 15;
    std::string lang = "en";
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--iterations") && i + 1 < argc) iterations = std::atoi(argv[++i]);
        else if (!std::strcmp(argv[i], "--lang") && i + 1 < argc) lang = argv[++i];
        else edition = argv[i];
    }
    try {
        const auto load_start = Clock::now();
        const Catalog catalog = Catalog::load(data, lang);
        const FontSet fonts = FontSet::load(data);
        const Questionnaire questionnaire = Questionnaire::bundled(data);
        const LoadedNetwork loaded = load_network_for(data, questionnaire, {}, edition, std::nullopt);
        const EngineResources resources = EngineResources::load(data);
        const double load_ms = ms_since(load_start);
        const auto output = std::filesystem::temp_directory_path() / "icc-bench-report.pdf";

        std::vector<double> prepare, compose, layout, render, total;
        int pages = 0;
        for (int i = 0; i < iterations; ++i) {
            const auto t0 = Clock::now();
            const PreparedCity city(resources, loaded.network, *loaded.subject, std::nullopt);
            const auto t1 = Clock::now();
            const Document document = compose_city_report(resources, city, catalog);
            const auto t2 = Clock::now();
            const LaidOutDocument laid_out = paginate(document, fonts);
            const auto t3 = Clock::now();
            render_pdf(laid_out, fonts, output);
            const auto t4 = Clock::now();
            pages = static_cast<int>(laid_out.pages.size());
            auto ms = [](auto a, auto b) { return std::chrono::duration<double, std::milli>(b - a).count(); };
            prepare.push_back(ms(t0, t1));
            compose.push_back(ms(t1, t2));
            layout.push_back(ms(t2, t3));
            render.push_back(ms(t3, t4));
            total.push_back(ms(t0, t4));
        }
        std::filesystem::remove(output);
        rusage usage{};
        getrusage(RUSAGE_SELF, &usage);
        std::printf("one Index Report: %s (%s), %d pages, median of %d runs, one core\n",
                    loaded.subject->city.c_str(), lang.c_str(), pages, iterations);
        std::printf("  data loaded once:          %7.1f ms\n", load_ms);
        std::printf("  prepare (sample, select):  %7.1f ms\n", median(prepare));
        std::printf("  compose:                   %7.1f ms\n", median(compose));
        std::printf("  layout:                    %7.1f ms\n", median(layout));
        std::printf("  render (cairo, qpdf):      %7.1f ms\n", median(render));
        std::printf("  total per report:          %7.1f ms (%.0f pages/s)\n", median(total),
                    pages / (median(total) / 1000));
        std::printf("peak memory: %.1f MiB (max RSS)\n", static_cast<double>(usage.ru_maxrss) / 1024);
    } catch (const DiagnosticError& e) {
        std::fprintf(stderr, "%s\n", e.what());
        return 1;
    }
    return 0;
}
