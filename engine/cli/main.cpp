// iccreport: the command line of the ICC report engine.
#include <CLI/CLI.hpp>

#include <filesystem>
#include <iostream>

#include "compose/answers_report.h"
#include "layout/paginate.h"
#include "load/edition.h"
#include "render/pdf.h"
#include "support/data_root.h"
#include "support/diagnostic.h"
#include "support/fonts.h"
#include "support/locale.h"

namespace fs = std::filesystem;

namespace {

void print(const icc::DiagnosticError& error) {
    for (const auto& diagnostic : error.diagnostics()) std::cerr << diagnostic.to_string() << '\n';
}

int run_report(const fs::path& edition_path, const std::string& lang, fs::path output) {
    const icc::DataRoot data = icc::DataRoot::locate();
    const icc::Edition edition = icc::load_edition(edition_path);
    const icc::Catalog catalog = icc::Catalog::load(data, lang);
    const icc::FontSet fonts = icc::FontSet::load(data);
    if (output.empty()) output = edition.city.id + "-" + edition.date.iso() + "." + lang + ".pdf";
    const icc::Document document = icc::compose_answers_report(edition, catalog);
    const icc::LaidOutDocument pages = icc::paginate(document, fonts);
    icc::render_pdf(pages, document.info, output);
    std::cerr << "wrote " << output.string() << " (" << pages.pages.size() << " pages)\n";
    return 0;
}

int run_fonts() {
    const icc::FontSet fonts = icc::FontSet::load(icc::DataRoot::locate());
    int missing = 0;
    for (auto role : {icc::FontRole::body, icc::FontRole::heading}) {
        std::cout << (role == icc::FontRole::body ? "body" : "heading") << " (" << fonts.families(role) << ")\n";
        for (const auto& face : fonts.resolve_scripts(role)) {
            std::cout << "  " << face.script << std::string(10 - std::min<std::size_t>(9, face.script.size()), ' ')
                      << face.face << "  " << face.file;
            if (face.missing_glyphs > 0) std::cout << "  (" << face.missing_glyphs << " glyphs missing)";
            std::cout << '\n';
            missing += face.missing_glyphs;
        }
    }
    return missing == 0 ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"iccreport: Intercultural Cities Index reports, typeset to PDF"};
    app.require_subcommand(1);

    fs::path edition_path;
    std::string lang = "en";
    fs::path output;
    auto* report = app.add_subcommand("report", "Write the report of one city edition as PDF");
    report->add_option("edition", edition_path, "The city's edition file (TOML)")->required();
    report->add_option("--lang", lang, "Language of the report")->capture_default_str();
    report->add_option("--out", output, "Output PDF (default: <city>-<date>.<lang>.pdf)");

    auto* fonts = app.add_subcommand("fonts", "List, per script, the font face the engine uses");

    CLI11_PARSE(app, argc, argv);
    try {
        if (report->parsed()) return run_report(edition_path, lang, output);
        if (fonts->parsed()) return run_fonts();
    } catch (const icc::DiagnosticError& error) {
        print(error);
        return 1;
    } catch (const std::exception& error) {
        std::cerr << "iccreport: error: " << error.what() << '\n';
        return 1;
    }
    return 0;
}
