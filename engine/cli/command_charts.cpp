// iccreport charts <edition.toml> [--lang L[,L...]] [--format svg|png] --out DIR
// Every chart of a city's Index Report as a stand-alone file for the web,
// each with a title and, in SVG, its text alternative.
#include <filesystem>
#include <iostream>
#include <memory>

#include "charts/charts.h"
#include "cli/commands.h"
#include "cli/options.h"
#include "compose/chart_inputs.h"
#include "driver/pipeline.h"
#include "driver/standalone_charts.h"

namespace icc::cli {

namespace fs = std::filesystem;

namespace {
struct ChartsOptions {
    fs::path edition;
    std::string langs;
    std::string format = "svg";
    fs::path output;
    fs::path network;
    std::string as_of;
    bool no_title = false;
};

int run_charts(const ChartsOptions& options, const DataRoot& data) {
    if (options.format != "svg" && options.format != "png")
        throw DiagnosticError(Diagnostic{Severity::error, {"--format"},
                                         "expected svg or png, found \"" + options.format + "\""});
    const std::vector<std::string> languages = languages_of(options.langs, data);
    const CitySession session(data, options.edition, options.network, languages.front(), options.as_of);
    const PreparedCity city(session.resources, session.loaded.network, session.subject(), session.report_as_of());
    const CityReportData report = city.report_data();
    const charts::ChartFonts fonts(session.fonts);
    make_folder(options.output, "--out");

    std::size_t written = 0;
    for (const std::string& lang : languages) {
        const Catalog catalog = Catalog::load(data, lang);
        const std::vector<StandaloneChart> all = standalone_charts(report, catalog);
        const double width = 455;
        for (const StandaloneChart& chart : all) {
            // Without the title in the image (the web page sets its own), the SVG still names it in <title>.
            charts::ChartSpec spec = chart.chart;
            if (options.no_title) spec.heading.clear();
            const double height = options.no_title ? chart.height : chart.height + 36;  // room for the title
            const fs::path path =
                options.output / (session.subject().city + "-" + chart.name + "." + lang + "." + options.format);
            if (options.format == "svg")
                charts::write_chart_svg(path, spec, fonts, width, height, {chart.title, chart.description, catalog.lang()});
            else
                charts::write_chart_png(path, spec, fonts, width, height);
            std::cout << path.string() << '\n';
            ++written;
        }
    }
    std::cerr << "wrote " << written << " charts to " << options.output.string() << '\n';
    return 0;
}
}  // namespace

Command add_charts_command(CLI::App& app, const GlobalOptions& globals) {
    auto options = std::make_shared<ChartsOptions>();
    CLI::App* command = app.add_subcommand("charts", "Write every chart of a city's report as SVG or PNG, for the web");
    command->add_option("edition", options->edition, "The city's edition file (TOML)")->required();
    add_lang_option(*command, options->langs,
                    "Language of the labels (default: the project's first language, else en)");
    command->add_option("--format", options->format, "svg or png")->capture_default_str();
    command->add_option("--out", options->output, "Output folder (created if missing)")
        ->required()
        ->type_name("DIR");
    command->add_flag("--no-title", options->no_title,
                      "Leave the title out of the image (SVG still names it in <title>, for screen readers)");
    add_network_option(*command, options->network);
    add_as_of_option(*command, options->as_of);
    return {command, [options, &globals] { return run_charts(*options, globals.locate()); }};
}

}  // namespace icc::cli
