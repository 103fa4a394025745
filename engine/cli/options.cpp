#include "cli/options.h"

#include <algorithm>
#include <system_error>

#include "load/output_intent.h"
#include "support/diagnostic.h"
#include "support/language.h"
#include "support/wording.h"

namespace icc::cli {

namespace fs = std::filesystem;

namespace {
std::string trimmed(const std::string& text) {
    const auto first = text.find_first_not_of(" \t");
    if (first == std::string::npos) return {};
    return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}
}  // namespace

CLI::Option* add_lang_option(CLI::App& command, std::string& text, const std::string& what) {
    return command.add_option("--lang,--langs", text, what + "; comma-separated for several (en,fr)")
        ->type_name("LANG[,LANG...]");
}

CLI::Option* add_network_option(CLI::App& command, fs::path& folder) {
    return command
        .add_option("--network", folder,
                    "Folder of the network's editions (default: the data folder's network, see iccreport(1))")
        ->type_name("DIR");
}

CLI::Option* add_as_of_option(CLI::App& command, std::string& date) {
    return command.add_option("--as-of", date, "Use each city's latest edition dated on or before this date")
        ->type_name("YYYY-MM-DD");
}

void add_pdf_options(CLI::App& command, PdfArguments& arguments) {
    command.add_flag("--no-tags", arguments.no_tags,
                     "Write untagged PDF: no structure tree, artifacts nor PDF/UA metadata (the default is "
                     "tagged PDF/UA-1, docs/accessibility.md)");
    command
        .add_option("--pdf-standard", arguments.standards,
                    "Standards the PDF meets and claims: ua-1 (the default), a-2u (archival PDF/A-2u, with an "
                    "sRGB output intent), or both: ua-1,a-2u")
        ->type_name("ua-1|a-2u|ua-1,a-2u");
}

RenderOptions render_options_of(const PdfArguments& arguments, const DataRoot& data) {
    RenderOptions options;
    options.tagged = !arguments.no_tags;
    options.standards = arguments.standards.empty() ? PdfStandards{options.tagged, false}
                                                    : parse_pdf_standards(arguments.standards, "--pdf-standard");
    if (options.standards.ua1 && !options.tagged)
        throw DiagnosticError(Diagnostic{Severity::error, {"--pdf-standard"},
                                         "PDF/UA-1 is tagged PDF; expected --pdf-standard a-2u with --no-tags, "
                                         "found \"" + arguments.standards + "\""});
    if (options.standards.a2u) options.output_intent = load_output_intent(data.templates() / "style" / "pdf.toml");
    return options;
}

std::vector<std::string> languages_of(const std::string& text, const DataRoot& data, bool all_by_default) {
    std::vector<std::string> asked;
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t comma = std::min(text.find(',', start), text.size());
        const std::string lang = trimmed(text.substr(start, comma - start));
        if (!lang.empty() && std::find(asked.begin(), asked.end(), lang) == asked.end()) asked.push_back(lang);
        start = comma + 1;
    }
    if (!trimmed(text).empty() && asked.empty())
        throw DiagnosticError(
            Diagnostic{Severity::error, {"--lang"}, "expected languages such as en,fr, found \"" + text + "\""});
    const LanguageRegistry registry = LanguageRegistry::load(data);
    if (asked.empty()) {
        const std::vector<std::string>& project = data.defaults.languages;
        if (all_by_default) return project.empty() ? registry.official_tags() : project;
        return {project.empty() ? registry.source().tag : project.front()};
    }
    // Each tag as the registry resolves it (fr-CA is fr), every unknown one reported at once.
    std::vector<std::string> resolved;
    std::vector<Diagnostic> errors;
    for (const std::string& lang : asked) try {
            const std::string& tag = registry.resolve(lang, "--lang").tag;
            if (std::find(resolved.begin(), resolved.end(), tag) == resolved.end()) resolved.push_back(tag);
        } catch (const DiagnosticError& error) {
            errors.insert(errors.end(), error.diagnostics().begin(), error.diagnostics().end());
        }
    if (!errors.empty()) throw DiagnosticError(std::move(errors));
    return resolved;
}

std::string one_language_of(const std::string& text, const DataRoot& data, const std::string& command) {
    const std::vector<std::string> languages = languages_of(text, data);
    if (languages.size() != 1)
        throw DiagnosticError(Diagnostic{Severity::error, {"--lang"},
                                         command + " prints in one language; found \"" + text + "\""});
    return languages.front();
}

void make_folder(const fs::path& folder, const std::string& option) {
    if (folder.empty()) return;
    std::error_code error;
    fs::create_directories(folder, error);
    if (error || !fs::is_directory(folder))
        throw DiagnosticError(Diagnostic{Severity::error, {option},
                                         "cannot create the folder " + folder.string() + ": " +
                                             (error ? error.message() : std::string("a file is in the way"))});
}

fs::path output_file(const fs::path& out, const std::string& name, const std::string& extension,
                     std::size_t languages) {
    if (out.extension() == extension) {
        if (languages > 1)
            throw DiagnosticError(Diagnostic{Severity::error, {"--out"},
                                             "one file for several languages; expected a folder, found \"" +
                                                 out.string() + "\""});
        make_folder(out.parent_path(), "--out");
        return out;
    }
    make_folder(out, "--out");
    return out / name;
}

}  // namespace icc::cli
