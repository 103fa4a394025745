#pragma once
// Where the engine's data lives: fonts/, templates/, locales/, the network
// and the practice library. Found as docs/data-folder.md explains:
//
//   1. `--data DIR` (the folder given);
//   2. else the nearest folder at or above the working directory that holds
//      the marker file `iccreport.toml` (a project folder; the marker may set
//      defaults: languages, network, practices, output folder);
//   3. else the installed data: <prefix>/share/iccreport next to the binary's
//      bin/ (so a package installed in any prefix finds its own data), or the
//      prefix the build was configured with;
//   4. else, only for a binary run from the build folder it was compiled in,
//      the source tree it was compiled from (a developer's build).
//
// No environment variable takes part: the folder a command uses follows from
// its arguments and its working directory, and `-v` prints it.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace icc {

// How the data folder was found.
enum class DataSource { option, project, installed, source_tree };

// What a project's marker file sets; empty members leave the command's default.
struct ProjectDefaults {
    std::vector<std::string> languages;
    std::filesystem::path network;    // absolute; empty: <root>/samples/network
    std::filesystem::path practices;  // absolute; empty: <root>/samples/practices.toml
    std::filesystem::path output;     // absolute; empty: the command's own default
};

struct DataRoot {
    std::filesystem::path root;
    DataSource source = DataSource::source_tree;
    std::filesystem::path marker;  // the iccreport.toml read, empty if none
    ProjectDefaults defaults;

    [[nodiscard]] std::filesystem::path fonts() const { return root / "fonts"; }
    [[nodiscard]] std::filesystem::path templates() const { return root / "templates"; }
    [[nodiscard]] std::filesystem::path locales() const { return root / "locales"; }
    [[nodiscard]] std::filesystem::path samples() const { return root / "samples"; }
    // The network folder used when a command is given none.
    [[nodiscard]] std::filesystem::path network() const {
        return defaults.network.empty() ? samples() / "network" : defaults.network;
    }
    // The good-practice library.
    [[nodiscard]] std::filesystem::path practices() const {
        return defaults.practices.empty() ? samples() / "practices.toml" : defaults.practices;
    }

    // "data folder: /srv/icc (project, marker /srv/icc/iccreport.toml)"
    [[nodiscard]] std::string describe() const;

    // Finds the data folder (see the top of this file). `explicit_dir` is
    // --data (empty if not given). Throws DiagnosticError when --data is not a
    // data folder, a marker file is malformed, or nothing is found.
    static DataRoot locate(const std::filesystem::path& explicit_dir = {},
                           const std::filesystem::path& working_dir = std::filesystem::current_path());

    // The data folder at `root`, with its marker file read if it has one.
    static DataRoot at(const std::filesystem::path& root, DataSource source);

    // Steps 3 and 4 only: the data that came with the engine (what `init`
    // copies). `working_dir` is only for the message when there is none.
    static DataRoot shipped(const std::filesystem::path& working_dir = std::filesystem::current_path());

    // The installed data folder (<prefix>/share/iccreport), if there is one.
    static std::optional<std::filesystem::path> installed();
};

// The marker file's name.
inline constexpr const char* project_marker = "iccreport.toml";

// The languages with a locale file in `data`, sorted: "ar, de, el, en, ...".
std::vector<std::string> available_languages(const DataRoot& data);

}  // namespace icc
