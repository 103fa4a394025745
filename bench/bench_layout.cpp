// Lays out and renders a 40-page report (text, tables, figures, call-outs)
// several times and prints the time per run, pages per second and the peak
// memory. Usage: bench_layout [runs] [pages]
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>

#include "compose/specimen.h"
#include "layout/paginate.h"
#include "render/pdf.h"
#include "support/data_root.h"
#include "support/fonts.h"
#include "support/locale.h"

using namespace icc;
using Clock = std::chrono::steady_clock;

int main(int argc, char** argv) {
    const int runs = argc > 1 ? std::atoi(argv[1]) : 10;
    const std::size_t target_pages = argc > 2 ? static_cast<std::size_t>(std::atoi(argv[2])) : 40;
    const DataRoot data = DataRoot::locate();
    const FontSet fonts = FontSet::load(data);
    const Catalog catalog = Catalog::load(data, "en");

    // The specimen grows by chapters: take the first length that reaches the target.
    int chapters = 1;
    Document document = compose_specimen(catalog, chapters);
    while (paginate(document, fonts).pages.size() < target_pages) document = compose_specimen(catalog, ++chapters);

    const auto output = std::filesystem::temp_directory_path() / ("bench_layout-" + std::to_string(::getpid()) + ".pdf");
    double layout_seconds = 0, render_seconds = 0;
    std::size_t pages = 0;
    for (int run = 0; run < runs; ++run) {
        const auto start = Clock::now();
        const LaidOutDocument laid_out = paginate(document, fonts);
        const auto laid = Clock::now();
        render_pdf(laid_out, fonts, output);
        const auto rendered = Clock::now();
        layout_seconds += std::chrono::duration<double>(laid - start).count();
        render_seconds += std::chrono::duration<double>(rendered - laid).count();
        pages = laid_out.pages.size();
    }
    const auto bytes = std::filesystem::file_size(output);
    std::filesystem::remove(output);

    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    const double per_run = (layout_seconds + render_seconds) / runs;
    std::printf("document: %zu pages (%d chapters), %zu blocks, PDF %.0f KiB\n", pages, chapters,
                document.blocks.size(), static_cast<double>(bytes) / 1024);
    std::printf("runs: %d\n", runs);
    std::printf("layout: %.1f ms per run\n", 1000 * layout_seconds / runs);
    std::printf("render: %.1f ms per run (cairo PDF + qpdf finishing)\n", 1000 * render_seconds / runs);
    std::printf("total:  %.1f ms per run, %.0f pages per second\n", 1000 * per_run,
                static_cast<double>(pages) / per_run);
    std::printf("peak memory: %.1f MiB (max RSS)\n", static_cast<double>(usage.ru_maxrss) / 1024);
    return 0;
}
