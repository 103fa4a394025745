// iccreport pdfcheck FILE.pdf...: PDF/UA-1 and PDF/A-2u conformance of finished PDFs
// (engine/pdfcheck/, docs/accessibility.md).
#include <chrono>
#include <iostream>
#include <memory>

#include "cli/commands.h"
#include "pdfcheck/pdfcheck.h"

namespace icc::cli {

namespace {
struct PdfcheckOptions {
    std::vector<std::filesystem::path> files;
    std::string profile = "ua-1";
    std::string format = "text";
};

int run_pdfcheck(const PdfcheckOptions& options) {
    const pdfcheck::Profiles profiles = pdfcheck::parse_profiles(options.profile);
    std::vector<pdfcheck::CheckResult> results;
    std::vector<Diagnostic> unreadable;
    for (const auto& file : options.files) {
        try {
            results.push_back(pdfcheck::check_pdf(file, profiles));
        } catch (const DiagnosticError& error) {
            unreadable.insert(unreadable.end(), error.diagnostics().begin(), error.diagnostics().end());
        }
    }
    bool failed = !unreadable.empty();
    for (const auto& result : results) failed = failed || result.errors() > 0;
    if (options.format == "json") {
        std::cout << pdfcheck::to_json(results);
    } else {
        const std::string standards = std::string(profiles.ua1 ? "PDF/UA-1" : "") +
                                      (profiles.ua1 && profiles.a2u ? " and " : "") + (profiles.a2u ? "PDF/A-2u" : "");
        for (const auto& result : results) {
            // Diagnostics of a PDF have no source line to show.
            std::cerr << format_diagnostics(pdfcheck::to_diagnostics(result), DiagnosticStyle{false});
            std::cout << result.file << ": " << (result.errors() == 0 ? "conforms to " : "does not conform to ")
                      << standards << " as far as a machine can check (" << result.errors() << " error"
                      << (result.errors() == 1 ? "" : "s") << ", " << result.warnings() << " warning"
                      << (result.warnings() == 1 ? "" : "s") << "; " << result.pages << " pages, "
                      << result.structure_elements << " structure elements, " << result.marked_content_sequences
                      << " marked-content sequences)\n";
        }
    }
    if (!unreadable.empty()) std::cerr << format_diagnostics(unreadable, DiagnosticStyle{false});
    return failed ? 1 : 0;
}
}  // namespace

Command add_pdfcheck_command(CLI::App& app, const GlobalOptions&) {
    auto options = std::make_shared<PdfcheckOptions>();
    CLI::App* command = app.add_subcommand(
        "pdfcheck",
        "Check finished PDFs against the machine-checkable conditions of PDF/UA-1 (Matterhorn Protocol) and "
        "PDF/A-2u; each failure with its checkpoint, page and object (exit 1 if any)");
    command->add_option("files", options->files, "The PDF files to check")->required()->type_name("FILE.pdf");
    command->add_option("--profile", options->profile, "The standards to check: ua-1, a-2u or ua-1,a-2u")
        ->type_name("PROFILES")
        ->capture_default_str();
    command->add_option("--format", options->format, "Output: text (diagnostics on stderr) or json (on stdout)")
        ->check(CLI::IsMember({"text", "json"}))
        ->capture_default_str();
    return {command, [options] { return run_pdfcheck(*options); }};
}

}  // namespace icc::cli
