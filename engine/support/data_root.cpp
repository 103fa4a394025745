#include "support/data_root.h"

#include <unistd.h>

#include <algorithm>
#include <system_error>

#include "support/diagnostic.h"
#include "support/toml_reader.h"

// The only compiled-in paths of the engine (CMakeLists.txt defines them for
// this file alone, so every other object is the same in every checkout):
//   ICC_SOURCE_DATA_ROOT  the source tree (a developer's build only)
//   ICC_BUILD_DIR         the build folder, where a developer's binary lives
//   ICC_INSTALL_PREFIX    CMAKE_INSTALL_PREFIX
//   ICC_INSTALL_DATADIR   the data folder relative to the prefix (share/iccreport)
//   ICC_INSTALL_BINDIR    the binary's folder relative to the prefix (bin)
#if !defined(ICC_SOURCE_DATA_ROOT) || !defined(ICC_BUILD_DIR) || !defined(ICC_INSTALL_PREFIX) || \
    !defined(ICC_INSTALL_DATADIR) || !defined(ICC_INSTALL_BINDIR)
#error "data_root.cpp needs the paths CMakeLists.txt defines for it"
#endif

namespace icc {

namespace fs = std::filesystem;

namespace {

// A folder holds the engine's data when it has the three folders every command reads.
bool is_data_folder(const fs::path& folder) {
    std::error_code error;
    return fs::is_directory(folder / "templates", error) && fs::is_directory(folder / "locales", error) &&
           fs::is_directory(folder / "fonts", error);
}

// The running binary, resolved (a symbolic link in a PATH folder leads to the real one).
std::optional<fs::path> executable() {
    std::error_code error;
    const fs::path self = fs::read_symlink("/proc/self/exe", error);
    if (error) return std::nullopt;
    return self;
}

fs::path absolute_from(const fs::path& base, const fs::path& path) {
    return (path.is_absolute() ? path : base / path).lexically_normal();
}

// Reads the marker file: every key optional, unknown keys diagnosed.
ProjectDefaults read_marker(const fs::path& marker, const std::vector<std::string>& languages_available) {
    ProjectDefaults defaults;
    DiagnosticSink sink;
    if (std::optional<TomlDocument> document = TomlDocument::read(marker, sink)) {
        TableReader root = document->root(sink);
        const fs::path base = marker.parent_path();
        for (const TomlValue& item : root.optional_array("languages")) {
            const std::optional<std::string> lang = item.required<std::string>({.what = "a language such as \"en\""});
            if (!lang) continue;
            if (std::find(languages_available.begin(), languages_available.end(), *lang) ==
                languages_available.end()) {
                std::string list;
                for (const std::string& known : languages_available) list += (list.empty() ? "" : ", ") + known;
                item.error("no locale file locales/" + *lang + ".toml in this folder; languages available: " + list);
                continue;
            }
            defaults.languages.push_back(*lang);
        }
        if (auto network = root.optional<std::string>("network", {.what = "a folder, relative to this file"}))
            defaults.network = absolute_from(base, *network);
        if (auto practices = root.optional<std::string>("practices", {.what = "a file, relative to this file"}))
            defaults.practices = absolute_from(base, *practices);
        if (auto output = root.optional<std::string>("output", {.what = "a folder, relative to this file"}))
            defaults.output = absolute_from(base, *output);
    }
    sink.throw_if_errors();
    return defaults;
}

const char* source_name(DataSource source) {
    switch (source) {
        case DataSource::option: return "given by --data";
        case DataSource::project: return "project folder";
        case DataSource::installed: return "installed data";
        case DataSource::source_tree: return "source tree of this build";
    }
    return "";
}

}  // namespace

std::vector<std::string> available_languages(const DataRoot& data) {
    std::vector<std::string> languages;
    std::error_code error;
    for (const auto& entry : fs::directory_iterator(data.locales(), error))
        if (entry.path().extension() == ".toml") languages.push_back(entry.path().stem().string());
    std::sort(languages.begin(), languages.end());
    return languages;
}

DataRoot DataRoot::at(const fs::path& root, DataSource source) {
    DataRoot data{fs::absolute(root).lexically_normal(), source};
    std::error_code error;
    if (fs::is_regular_file(data.root / project_marker, error)) {
        data.marker = data.root / project_marker;
        data.defaults = read_marker(data.marker, available_languages(data));
    }
    return data;
}

std::optional<fs::path> DataRoot::installed() {
    // Next to the binary first: an installation moved to another prefix, or
    // made with `cmake --install --prefix`, still finds its own data.
    if (const auto self = executable()) {
        const fs::path bin_suffix = fs::path(ICC_INSTALL_BINDIR).lexically_normal();
        fs::path prefix = self->parent_path();
        for (auto part = bin_suffix.begin(); part != bin_suffix.end(); ++part) prefix = prefix.parent_path();
        if (is_data_folder(prefix / ICC_INSTALL_DATADIR)) return (prefix / ICC_INSTALL_DATADIR).lexically_normal();
    }
    const fs::path configured = fs::path(ICC_INSTALL_PREFIX) / ICC_INSTALL_DATADIR;
    if (is_data_folder(configured)) return configured.lexically_normal();
    return std::nullopt;
}

DataRoot DataRoot::locate(const fs::path& explicit_dir, const fs::path& working_dir) {
    if (!explicit_dir.empty()) {
        if (!is_data_folder(explicit_dir))
            throw DiagnosticError(Diagnostic{Severity::error, {"--data"},
                                             "expected a data folder (with templates/, locales/ and fonts/), found \"" +
                                                 explicit_dir.string() + "\""});
        return at(explicit_dir, DataSource::option);
    }
    std::error_code error;
    for (fs::path folder = fs::absolute(working_dir).lexically_normal();; folder = folder.parent_path()) {
        if (fs::is_regular_file(folder / project_marker, error)) {
            if (!is_data_folder(folder))
                throw DiagnosticError(Diagnostic{
                    Severity::error, {(folder / project_marker).string()},
                    "this project folder has no templates/, locales/ and fonts/; expected a folder made by "
                    "`iccreport init`, or give the data folder with --data"});
            return at(folder, DataSource::project);
        }
        if (folder == folder.parent_path()) break;
    }
    return shipped(working_dir);
}

DataRoot DataRoot::shipped(const fs::path& working_dir) {
    if (const auto installed_data = installed()) return at(*installed_data, DataSource::installed);
    // A developer's binary, run from the build folder it was compiled in,
    // reads the source tree; an installed copy of the same binary never does.
    if (const auto self = executable(); self && self->parent_path() == fs::path(ICC_BUILD_DIR).lexically_normal() &&
                                        is_data_folder(ICC_SOURCE_DATA_ROOT))
        return at(ICC_SOURCE_DATA_ROOT, DataSource::source_tree);
    throw DiagnosticError(Diagnostic{
        Severity::error, {},
        "no data folder: no iccreport.toml in " + fs::absolute(working_dir).string() +
            " or above it, and no installed data in " + (fs::path(ICC_INSTALL_PREFIX) / ICC_INSTALL_DATADIR).string() +
            "; give one with --data DIR, or make a project with `iccreport init DIR`"});
}

std::string DataRoot::describe() const {
    std::string text = "data folder: " + root.string() + " (" + source_name(source);
    if (!marker.empty()) text += ", settings from " + marker.string();
    return text + ")";
}

}  // namespace icc
