#include <filesystem>
#include <iostream>
#include <memory>

#include "cli/commands.h"
#include "driver/pipeline.h"

namespace icc::cli {

namespace fs = std::filesystem;

namespace {
struct ReportOptions {
    fs::path edition;
    std::string lang;  // empty: the source language of the registry
    fs::path output;
    fs::path network;
    std::string as_of;
};

int run_report(const ReportOptions& options) {
    const CitySession session(options.edition, options.network, options.lang, options.as_of);
    const PreparedCity city(session.resources, session.loaded.network, session.subject(), session.as_of);
    fs::path output = options.output;
    if (output.empty()) output = session.subject().city + "-" + session.subject().date.iso() + "." + session.catalog.lang() + ".pdf";
    const Document document = compose_city_report(session.resources, city, session.catalog, session.fonts);
    const int pages = render_document(document, session.fonts, output);
    std::cerr << "wrote " << output.string() << " (" << pages << " pages)\n";
    return 0;
}
}  // namespace

Command add_report_command(CLI::App& app) {
    auto options = std::make_shared<ReportOptions>();
    CLI::App* command = app.add_subcommand("report", "Write the Index Report of one city edition as PDF");
    command->add_option("edition", options->edition, "The city's edition file (TOML)")->required();
    command->add_option("--lang", options->lang, "Language of the report (a file in locales/); a tag such as fr or fr-CA; default: the source language");
    command->add_option("--out", options->output, "Output PDF (default: <city>-<date>.<lang>.pdf)");
    command->add_option("--network", options->network, "Folder of the network's editions (default: samples/network)");
    command->add_option("--as-of", options->as_of, "Compare with editions dated on or before YYYY-MM-DD");
    return {command, [options] { return run_report(*options); }};
}

}  // namespace icc::cli
