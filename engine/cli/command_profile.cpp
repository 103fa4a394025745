// iccreport profile <visit.toml> [--lang en[,fr...]] [--out FILE.pdf | DIR] [--network DIR] [--as-of DATE]
#include <filesystem>
#include <iostream>
#include <memory>

#include "cli/commands.h"
#include "cli/options.h"
#include "driver/output_names.h"
#include "driver/profile_pipeline.h"

namespace icc::cli {

namespace fs = std::filesystem;

namespace {
struct ProfileOptions {
    fs::path visit;
    std::string langs;
    fs::path output;
    fs::path network;
    std::string as_of;
    PdfArguments pdf;
};

int run_profile(const ProfileOptions& options, const DataRoot& data) {
    const std::vector<std::string> languages = languages_of(options.langs, data);
    const RenderOptions render = render_options_of(options.pdf, data);
    // No edition file: the visit names the edition it builds on, in the network.
    const CitySession session(data, {}, options.network, languages.front(), options.as_of);
    const ScoredNetwork& network = session.loaded.network;
    const VisitNotes notes = load_visit_notes_for(options.visit, session.questionnaire, network, session.as_of);
    // Malformed light markup prints as written; the author still hears about it.
    std::cerr << format_diagnostics(notes.warnings);
    const PreparedCity city(session.resources, network, visit_subject(notes), session.as_of);
    for (const std::string& lang : languages) {
        const Catalog catalog = Catalog::load(data, lang);
        const fs::path output = output_file(options.output, profile_file_name(notes.city, options.visit, lang),
                                            ".pdf", languages.size());
        const Document document = compose_city_profile(session.resources, city, notes, catalog);
        const int pages = render_document(document, session.fonts, session.hyphenation, output, render);
        std::cerr << "wrote " << output.string() << " (" << pages << " pages)\n";
    }
    return 0;
}
}  // namespace

Command add_profile_command(CLI::App& app, const GlobalOptions& globals) {
    auto options = std::make_shared<ProfileOptions>();
    CLI::App* command =
        app.add_subcommand("profile", "Write the intercultural profile of a city from the notes of an expert visit");
    command->add_option("visit", options->visit, "The visit notes (TOML, docs/visit-notes-format.md)")
        ->required()
        ->type_name("FILE");
    add_lang_option(*command, options->langs,
                    "Language of the profile (default: the project's first language, else en)");
    command->add_option("--out", options->output,
                        "Output: FILE.pdf, or a folder (created if missing) for <city>.profile-<first day>.<lang>.pdf, "
                        "the names build uses (default: the working directory)")
        ->type_name("PATH");
    add_network_option(*command, options->network);
    add_as_of_option(*command, options->as_of);
    add_pdf_options(*command, options->pdf);
    return {command, [options, &globals] { return run_profile(*options, globals.locate()); }};
}

}  // namespace icc::cli
