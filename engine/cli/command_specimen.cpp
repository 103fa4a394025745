#include <filesystem>
#include <iostream>
#include <memory>

#include "cli/commands.h"
#include "cli/options.h"
#include "compose/specimen.h"
#include "layout/paginate.h"
#include "load/page_style.h"
#include "render/pdf.h"
#include "support/data_root.h"
#include "support/fonts.h"
#include "support/locale.h"

namespace icc::cli {

namespace fs = std::filesystem;

namespace {
struct SpecimenOptions {
    std::string langs;
    std::string kind = "report";
    int chapters = 6;
    fs::path output;
};

int run_specimen(const SpecimenOptions& options, const DataRoot& data) {
    const Catalog catalog = Catalog::load(data, one_language_of(options.langs, data, "specimen"));
    const FontSet fonts = FontSet::load(data);
    Document document = options.kind == "multilingual" ? compose_multilingual_specimen(data, catalog)
                        : options.kind == "arabic"     ? compose_arabic_specimen(data)
                                                       : compose_specimen(catalog, options.chapters);
    document.style = load_page_style(data.templates() / "style" / "page.toml");
    const fs::path output = output_file(options.output, "specimen-" + options.kind + ".pdf", ".pdf", 1);
    const LaidOutDocument pages = paginate(document, fonts);
    render_pdf(pages, fonts, output);
    std::cerr << "wrote " << output.string() << " (" << pages.pages.size() << " pages)\n";
    return 0;
}
}  // namespace

Command add_specimen_command(CLI::App& app, const GlobalOptions& globals) {
    auto options = std::make_shared<SpecimenOptions>();
    CLI::App* command = app.add_subcommand("specimen", "Typeset a specimen document, to look at the typesetting");
    command->add_option("--kind", options->kind,
                        "report: every block type; multilingual: every script; arabic: a right-to-left report")
        ->check(CLI::IsMember({"report", "multilingual", "arabic"}))
        ->capture_default_str();
    add_lang_option(*command, options->langs, "Language of the page furniture (one; default: en)");
    command->add_option("--chapters", options->chapters, "Length of the report specimen, in chapters")
        ->check(CLI::Range(0, 200))
        ->capture_default_str();
    command->add_option("--out", options->output, "Output PDF, its folder created if missing (default: specimen-<kind>.pdf)")
        ->type_name("FILE");
    return {command, [options, &globals] { return run_specimen(*options, globals.locate()); }};
}

}  // namespace icc::cli
