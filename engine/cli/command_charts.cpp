// iccreport charts <edition.toml> [--lang L] [--format svg|png] --out DIR
// Every chart of a city's Index Report as a stand-alone file for the web,
// each with a title and, in SVG, its text alternative.
#include <filesystem>
#include <iostream>
#include <memory>

#include "charts/charts.h"
#include "cli/commands.h"
#include "compose/chart_inputs.h"
#include "driver/pipeline.h"
#include "driver/standalone_charts.h"

namespace icc::cli {

namespace fs = std::filesystem;

namespace {
struct ChartsOptions {
    fs::path edition;
    std::string lang;  // empty: the source language of the registry
    std::string format = "svg";
    fs::path output;
    fs::path network;
    std::string as_of;
};

int run_charts(const ChartsOptions& options) {
    if (options.format != "svg" && options.format != "png")
        throw DiagnosticError(Diagnostic{Severity::error, {"--format"},
                                         "expected svg or png, found \"" + options.format + "\""});
    const CitySession session(options.edition, options.network, options.lang, options.as_of);
    const Catalog& catalog = session.catalog;
    const PreparedCity city(session.resources, session.loaded.network, session.subject(), session.as_of);
    const CityReportData report = city.report_data();
    const charts::ChartContext context(session.fonts, catalog);

    std::error_code error;
    fs::create_directories(options.output, error);
    if (error || !fs::is_directory(options.output))
        throw DiagnosticError(Diagnostic{Severity::error, {options.output.string()},
                                         "cannot create the output folder: " + error.message()});

    const std::vector<StandaloneChart> all = standalone_charts(report, catalog, context);
    const double width = 455;
    for (const StandaloneChart& chart : all) {
        const auto titled = charts::titled_figure(context, chart.title, chart.figure);
        const double height = chart.height + 36;  // room for the title
        const fs::path path = options.output / (session.subject().city + "-" + chart.name + "." + catalog.lang() + "." +
                                                options.format);
        if (options.format == "svg")
            charts::write_chart_svg(path, titled, width, height, {chart.title, chart.description, catalog.lang()});
        else
            charts::write_chart_png(path, titled, width, height);
        std::cout << path.string() << '\n';
    }
    std::cerr << "wrote " << all.size() << " charts to " << options.output.string() << '\n';
    return 0;
}
}  // namespace

Command add_charts_command(CLI::App& app) {
    auto options = std::make_shared<ChartsOptions>();
    CLI::App* command = app.add_subcommand("charts", "Write every chart of a city's report as SVG or PNG, for the web");
    command->add_option("edition", options->edition, "The city's edition file (TOML)")->required();
    command->add_option("--lang", options->lang, "Language of the labels; a tag such as fr or fr-CA; default: the source language");
    command->add_option("--format", options->format, "svg or png")->capture_default_str();
    command->add_option("--out", options->output, "Output folder")->required();
    command->add_option("--network", options->network, "Folder of the network's editions (default: samples/network)");
    command->add_option("--as-of", options->as_of, "Compare with editions dated on or before YYYY-MM-DD");
    return {command, [options] { return run_charts(*options); }};
}

}  // namespace icc::cli
