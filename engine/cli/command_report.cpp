// iccreport report <edition.toml> [--lang en[,fr...]] [--out FILE.pdf | DIR] [--network DIR] [--as-of DATE]
#include <filesystem>
#include <iostream>
#include <memory>

#include "cli/commands.h"
#include "cli/options.h"
#include "driver/output_names.h"
#include "driver/pipeline.h"
#include "load/completeness.h"

namespace icc::cli {

namespace fs = std::filesystem;

namespace {
struct ReportOptions {
    fs::path edition;
    std::string langs;
    fs::path output;
    fs::path network;
    std::string as_of;
    PdfArguments pdf;
    bool force = false;
};

int run_report(const ReportOptions& options, const DataRoot& data) {
    const std::vector<std::string> languages = languages_of(options.langs, data);
    const RenderOptions render = render_options_of(options.pdf, data);
    // The city is scored and its practices chosen once; each language is composed from them.
    const CitySession session(data, options.edition, options.network, languages.front(), options.as_of);
    const Edition edition =
        load_edition(session.loaded.network.find(session.subject().city, session.subject().date)->source_file,
                     session.questionnaire);
    std::cerr << format_diagnostics(unanswered_diagnostics(edition, session.questionnaire), {.excerpts = false});
    refuse_if_too_few_answers(session.resources, edition, options.force);
    const PreparedCity city(session.resources, session.loaded.network, session.subject(), session.report_as_of());
    for (const std::string& lang : languages) {
        const Catalog catalog = Catalog::load(data, lang);
        const fs::path output = output_file(options.output, index_report_file_name(session.subject().city, lang),
                                            ".pdf", languages.size());
        const Document document = compose_city_report(session.resources, city, catalog);
        const int pages = render_document(document, session.fonts, session.hyphenation, output, render);
        std::cerr << "wrote " << output.string() << " (" << pages << " pages)\n";
    }
    return 0;
}
}  // namespace

Command add_report_command(CLI::App& app, const GlobalOptions& globals) {
    auto options = std::make_shared<ReportOptions>();
    CLI::App* command = app.add_subcommand("report", "Write the Index Report of one city edition as PDF");
    command->add_option("edition", options->edition, "The city's edition file (TOML)")->required()->type_name("FILE");
    add_lang_option(*command, options->langs,
                    "Language of the report (default: the project's first language, else en)");
    command->add_option("--out", options->output,
                        "Output: FILE.pdf, or a folder (created if missing) for <city>.<lang>.pdf, the names "
                        "build uses (default: the working directory)")
        ->type_name("PATH");
    add_network_option(*command, options->network);
    add_as_of_option(*command, options->as_of);
    add_pdf_options(*command, options->pdf);
    command->add_flag("--force", options->force,
                      "Make the report even when the edition answers fewer questions than the report template "
                      "asks for ([completeness] in templates/report/index-report.toml)");
    return {command, [options, &globals] { return run_report(*options, globals.locate()); }};
}

}  // namespace icc::cli
