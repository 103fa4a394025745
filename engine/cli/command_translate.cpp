// iccreport translate export --lang L [--out FILE.po]
// iccreport translate import FILE.po [--lang L]
// iccreport translate mark-current --lang L [KEY...]
//
// The translators' workflow (docs/translating.md): a locale out to a gettext
// PO file and back, validated; and, for a translation checked by hand, the
// record that it is current with its source.
#include <iostream>
#include <memory>

#include "cli/commands.h"
#include "support/diagnostic.h"
#include "translate/workflow.h"

namespace icc::cli {

namespace fs = std::filesystem;

namespace {

struct TranslateOptions {
    std::string lang;
    fs::path out;
    fs::path po_file;
    std::vector<std::string> keys;
};

int run_export(const TranslateOptions& options, const DataRoot& data) {
    const translate::PoDocument document = translate::export_language(data, options.lang);
    std::size_t untranslated = 0, fuzzy = 0;
    for (const translate::PoEntry& entry : document.entries) {
        untranslated += entry.translation.empty();
        fuzzy += entry.fuzzy;
    }
    if (options.out.empty()) {
        std::cout << translate::po_text(document);
    } else {
        translate::write_po(options.out, document);
        std::cout << options.out.string() << '\n';
    }
    std::cerr << "translate export: " << document.language << ", " << document.entries.size() << " messages, "
              << untranslated << " untranslated, " << fuzzy << " fuzzy (stale)\n";
    return 0;
}

int run_import(const TranslateOptions& options, const DataRoot& data) {
    const translate::ImportResult result = translate::import_po(data, options.po_file, options.lang);
    std::cerr << format_diagnostics(result.warnings);
    for (const std::string& key : result.changed) std::cout << result.locale_file.string() << ": " << key << '\n';
    std::cerr << "translate import: " << result.lang << ", " << result.changed.size() << " changed, "
              << result.unchanged << " unchanged, " << result.skipped_fuzzy << " fuzzy not imported, "
              << result.skipped_empty << " untranslated\n";
    return 0;
}

int run_mark_current(const TranslateOptions& options, const DataRoot& data) {
    const std::vector<std::string> recorded = translate::mark_current(data, options.lang, options.keys);
    std::cerr << "translate mark-current: " << recorded.size() << " translation(s) recorded as current\n";
    return 0;
}

}  // namespace

Command add_translate_command(CLI::App& app, const GlobalOptions& globals) {
    auto options = std::make_shared<TranslateOptions>();
    CLI::App* command = app.add_subcommand(
        "translate", "Translators' workflow: a locale to a gettext PO file and back, validated (docs/translating.md)");
    command->require_subcommand(1);
    CLI::App* out = command->add_subcommand(
        "export", "Write a language's messages as a PO file: key as msgctxt, source as msgid, notes, fuzzy when stale");
    out->add_option("--lang", options->lang, "The language to export (fr, fr-CA...)")->required();
    out->add_option("--out", options->out, "The PO file to write (default: standard output)");
    CLI::App* in = command->add_subcommand(
        "import", "Validate a PO file and write its translations into the locale, every other line kept");
    in->add_option("po_file", options->po_file, "The PO file (edited with a PO editor)")->required();
    in->add_option("--lang", options->lang, "The language (default: the file's Language header)");
    CLI::App* mark = command->add_subcommand(
        "mark-current", "Record translations checked by hand as made from today's source text (no longer stale)");
    mark->add_option("--lang", options->lang, "The language")->required();
    mark->add_option("keys", options->keys, "The keys (default: every translated key)");
    return {command, [options, out, in, &globals] {
                const DataRoot data = globals.locate();
                if (out->parsed()) return run_export(*options, data);
                if (in->parsed()) return run_import(*options, data);
                return run_mark_current(*options, data);
            }};
}

}  // namespace icc::cli
