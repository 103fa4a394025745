// iccreport init DIR: a new project folder, made from the installed data.
//
// A secretariat keeps its data (its network, its translations, its practice
// library) in a repository of its own; `init` gives it a folder the engine
// finds by its marker file, iccreport.toml, from the folder or any folder below:
//
//   DIR/iccreport.toml   the marker, with the project's defaults
//   DIR/templates/       the Index definition and report templates
//   DIR/locales/         every language
//   DIR/fonts/           the bundled fonts and fonts.toml
//   DIR/network/         the editions, one folder per city (empty)
//   DIR/practices.toml   the good-practice library (empty)
//
// The folder is assembled beside DIR and renamed into place, so a failure
// leaves nothing behind.
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <string>

#include "cli/commands.h"
#include "support/diagnostic.h"
#include "support/language.h"

namespace icc::cli {

namespace fs = std::filesystem;

namespace {

struct InitOptions {
    fs::path folder;
};

// The data a project starts from: --data if given, else the installed data
// (or, for a developer's build, its source tree); never another project.
DataRoot shipped_data(const GlobalOptions& globals) {
    if (!globals.data.empty()) return DataRoot::locate(globals.data);
    return DataRoot::shipped();
}

// The project file, its languages those the locale files mark official (the
// languages `build` makes by default), so that no code names a language.
std::string marker_text(const LanguageRegistry& languages) {
    std::string listed;
    for (const std::string& tag : languages.official_tags()) listed += (listed.empty() ? "\"" : ", \"") + tag + "\"";
    return R"(# An iccreport project folder: `iccreport` run in this folder, or in any
# folder below it, reads its templates, locales, fonts, network and practices
# from here. Every key is optional; paths are relative to this file.

# The languages `build` makes each report in (a file in locales/ each).
languages = [)" + listed + R"(]
# The folder of the network's editions: network/<city>/<date>.toml.
network = "network"
# The good-practice library.
practices = "practices.toml"
# Where `build` writes the reports.
output = "out"
)";
}

const char* const practices_text = R"(# The good-practice library: one [[practice]] per inspiring practice of a
# city of the network (docs/selection.md). Empty to begin with.
)";

const char* const network_readme = R"(The network's editions: one folder per city, one file per edition,
named by its date: network/<city>/<YYYY-MM-DD>.toml (docs/response-format.md).
)";

int run_init(const InitOptions& options, const GlobalOptions& globals) {
    const DataRoot from = shipped_data(globals);
    if (globals.verbose) std::cerr << "iccreport: copying from the " << from.describe() << '\n';
    const fs::path target = fs::absolute(options.folder).lexically_normal();
    std::error_code error;
    if (fs::exists(target, error) && !(fs::is_directory(target, error) && fs::is_empty(target, error)))
        throw DiagnosticError(Diagnostic{Severity::error, {target.string()},
                                         "already exists and is not an empty folder; expected a new folder"});
    const LanguageRegistry languages = LanguageRegistry::load(from);
    fs::create_directories(target.parent_path(), error);
    const fs::path partial =
        target.parent_path() / ("." + target.filename().string() + ".init-" + std::to_string(::getpid()));
    try {
        fs::create_directories(partial);
        for (const char* folder : {"templates", "locales", "fonts"})
            fs::copy(from.root / folder, partial / folder, fs::copy_options::recursive);
        fs::create_directories(partial / "network");
        std::ofstream(partial / "network" / "README") << network_readme;
        std::ofstream(partial / "practices.toml") << practices_text;
        std::ofstream(partial / project_marker) << marker_text(languages);
        if (fs::exists(target)) fs::remove(target);  // the empty folder it replaces
        fs::rename(partial, target);
    } catch (const fs::filesystem_error& failure) {
        fs::remove_all(partial, error);
        throw DiagnosticError(Diagnostic{Severity::error, {target.string()},
                                         std::string("cannot make the project folder: ") + failure.code().message() +
                                             " (" + failure.path1().string() + ")"});
    }
    std::cout << "made the project folder " << target.string() << " from " << from.root.string() << '\n'
              << "next: add each city's editions as network/<city>/<date>.toml, then run `iccreport build` in it\n";
    return 0;
}

}  // namespace

Command add_init_command(CLI::App& app, const GlobalOptions& globals) {
    auto options = std::make_shared<InitOptions>();
    CLI::App* command = app.add_subcommand(
        "init", "Make a new project folder (templates, locales, fonts, an empty network) from the installed data");
    command->add_option("folder", options->folder, "The new folder")->required()->type_name("DIR");
    return {command, [options, &globals] { return run_init(*options, globals); }};
}

}  // namespace icc::cli
