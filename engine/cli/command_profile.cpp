#include <filesystem>
#include <iostream>
#include <memory>

#include "cli/commands.h"
#include "driver/profile_pipeline.h"

namespace icc::cli {

namespace fs = std::filesystem;

namespace {
struct ProfileOptions {
    fs::path visit;
    std::string lang;  // empty: the source language of the registry
    fs::path output;
    fs::path network;
    std::string as_of;
};

int run_profile(const ProfileOptions& options) {
    // No edition file: the visit names the edition it builds on, in the network.
    const CitySession session({}, options.network, options.lang, options.as_of);
    const Network& network = session.loaded.network;
    const VisitNotes notes = load_visit_notes_for(options.visit, session.questionnaire, network, session.as_of);
    // Malformed light markup prints as written; the author still hears about it.
    std::cerr << format_diagnostics(notes.warnings);
    const PreparedCity city(session.resources, network, visit_subject(notes), session.as_of);
    fs::path output = options.output;
    if (output.empty()) output = notes.city + "-profile-" + notes.first_day.iso() + "." + session.catalog.lang() + ".pdf";
    const Document document = compose_city_profile(session.resources, city, notes, session.catalog, session.fonts);
    const int pages = render_document(document, session.fonts, output);
    std::cerr << "wrote " << output.string() << " (" << pages << " pages)\n";
    return 0;
}
}  // namespace

Command add_profile_command(CLI::App& app) {
    auto options = std::make_shared<ProfileOptions>();
    CLI::App* command =
        app.add_subcommand("profile", "Write the intercultural profile of a city from the notes of an expert visit");
    command->add_option("visit", options->visit, "The visit notes (TOML, docs/visit-notes-format.md)")->required();
    command->add_option("--lang", options->lang, "Language of the profile (a file in locales/); a tag such as fr or fr-CA; default: the source language");
    command->add_option("--out", options->output, "Output PDF (default: <city>-profile-<first day>.<lang>.pdf)");
    command->add_option("--network", options->network, "Folder of the network's editions (default: samples/network)");
    command->add_option("--as-of", options->as_of, "Compare with editions dated on or before YYYY-MM-DD");
    return {command, [options] { return run_profile(*options); }};
}

}  // namespace icc::cli
