#include <filesystem>
#include <iostream>
#include <memory>

#include "cli/commands.h"
#include "compose/answers_report.h"
#include "layout/paginate.h"
#include "load/edition.h"
#include "render/pdf.h"
#include "support/data_root.h"
#include "support/fonts.h"
#include "support/locale.h"

namespace icc::cli {

namespace fs = std::filesystem;

namespace {
struct ReportOptions {
    fs::path edition;
    std::string lang = "en";
    fs::path output;
};

int run_report(const ReportOptions& options) {
    const DataRoot data = DataRoot::locate();
    const Edition edition = load_edition(options.edition);
    const Catalog catalog = Catalog::load(data, options.lang);
    const FontSet fonts = FontSet::load(data);
    fs::path output = options.output;
    if (output.empty()) output = edition.city.id + "-" + edition.date.iso() + "." + options.lang + ".pdf";
    const Document document = compose_answers_report(edition, catalog);
    const LaidOutDocument pages = paginate(document, fonts);
    render_pdf(pages, document.info, output);
    std::cerr << "wrote " << output.string() << " (" << pages.pages.size() << " pages)\n";
    return 0;
}
}  // namespace

Command add_report_command(CLI::App& app) {
    auto options = std::make_shared<ReportOptions>();
    CLI::App* command = app.add_subcommand("report", "Write the report of one city edition as PDF");
    command->add_option("edition", options->edition, "The city's edition file (TOML)")->required();
    command->add_option("--lang", options->lang, "Language of the report")->capture_default_str();
    command->add_option("--out", options->output, "Output PDF (default: <city>-<date>.<lang>.pdf)");
    return {command, [options] { return run_report(*options); }};
}

}  // namespace icc::cli
