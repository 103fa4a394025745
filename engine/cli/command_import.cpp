// iccreport import ANSWERS.xlsx|ANSWERS.csv [--out EDITION.toml]
//
// Reads a filled questionnaire back into an edition file. Every problem is
// reported at its cell (or CSV line and column), all at once, and nothing is
// written unless the whole questionnaire is good.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>

#include "cli/commands.h"
#include "intake/import.h"
#include "load/edition.h"
#include "load/questionnaire.h"
#include "support/atomic_file.h"
#include "support/language.h"
#include "support/locale.h"

namespace icc::cli {

namespace fs = std::filesystem;

namespace {

struct ImportOptions {
    fs::path input;
    fs::path output;
};

int run_import(const ImportOptions& options, const DataRoot& data) {
    const Questionnaire questionnaire = Questionnaire::bundled(data);
    // Answers may come in any shipped language: every language's labels are mapped back.
    const LanguageRegistry languages = LanguageRegistry::load(data);
    intake::FormsByLanguage forms;
    for (const std::string& lang : languages.tags())
        forms.emplace(lang, intake::compose_form(questionnaire, Catalog::load(data, lang)));
    DiagnosticSink sink;
    const Edition edition = intake::import_answers(options.input, questionnaire, forms, languages, sink);
    sink.throw_if_errors();
    std::cerr << format_diagnostics(sink.warnings());

    fs::path output = options.output;
    if (output.empty()) output = edition.city.id + "-" + edition.date.iso() + ".toml";
    // A new city's first edition goes into a folder of its own (samples/network/<city>/<date>.toml).
    if (output.has_parent_path()) fs::create_directories(output.parent_path());
    AtomicFile file(output);
    {
        std::ofstream out(file.temp_path(), std::ios::binary);
        out << intake::edition_toml(edition, questionnaire);
        if (!out.flush()) throw DiagnosticError(Diagnostic{Severity::error, {output.string()}, "cannot write the edition"});
    }
    // The file must read back as the edition it says, before it replaces anything.
    try {
        (void)load_edition(file.temp_path(), questionnaire);
    } catch (const DiagnosticError& error) {
        throw InternalError("the edition written from " + options.input.string() +
                            " does not read back: " + error.what());
    }
    file.commit();
    std::cout << output.string() << '\n';
    return 0;
}

}  // namespace

Command add_import_command(CLI::App& app, const GlobalOptions& globals) {
    auto options = std::make_shared<ImportOptions>();
    CLI::App* command = app.add_subcommand(
        "import", "Read a filled questionnaire (XLSX or CSV) into an edition file (TOML)");
    command->add_option("answers", options->input, "The filled questionnaire: .xlsx, or .csv (docs/intake.md)")
        ->required();
    command->add_option("--out", options->output, "The edition file to write (default: <city>-<date>.toml)");
    return {command, [options, &globals] { return run_import(*options, globals.locate()); }};
}

}  // namespace icc::cli
