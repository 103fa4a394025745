#include <filesystem>
#include <iostream>
#include <memory>

#include "cli/commands.h"
#include "compose/specimen.h"
#include "layout/paginate.h"
#include "render/pdf.h"
#include "support/data_root.h"
#include "support/fonts.h"
#include "support/locale.h"

namespace icc::cli {

namespace fs = std::filesystem;

namespace {
struct SpecimenOptions {
    std::string lang;  // empty: the source language of the registry
    std::string kind = "report";
    int chapters = 6;
    fs::path output;
};

int run_specimen(const SpecimenOptions& options) {
    const DataRoot data = DataRoot::locate();
    const Catalog catalog = Catalog::load(data, options.lang);
    const FontSet fonts = FontSet::load(data);
    const Document document = options.kind == "multilingual" ? compose_multilingual_specimen(data, catalog)
                              : options.kind == "arabic"     ? compose_arabic_specimen(data)
                                                             : compose_specimen(catalog, options.chapters);
    const fs::path output = options.output.empty() ? fs::path("specimen-" + options.kind + ".pdf") : options.output;
    const LaidOutDocument pages = paginate(document, fonts);
    render_pdf(pages, document.info, output);
    std::cerr << "wrote " << output.string() << " (" << pages.pages.size() << " pages)\n";
    return 0;
}
}  // namespace

Command add_specimen_command(CLI::App& app) {
    auto options = std::make_shared<SpecimenOptions>();
    CLI::App* command = app.add_subcommand("specimen", "Typeset a specimen document, to look at the typesetting");
    command->add_option("--kind", options->kind,
                        "report: every block type; multilingual: every script; arabic: a right-to-left report")
        ->check(CLI::IsMember({"report", "multilingual", "arabic"}))
        ->capture_default_str();
    command->add_option("--lang", options->lang, "Language of the page furniture; a tag such as fr or fr-CA; default: the source language");
    command->add_option("--chapters", options->chapters, "Length of the report specimen, in chapters")
        ->check(CLI::Range(0, 200))
        ->capture_default_str();
    command->add_option("--out", options->output, "Output PDF (default: specimen-<kind>.pdf)");
    return {command, [options] { return run_specimen(*options); }};
}

}  // namespace icc::cli
