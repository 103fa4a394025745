#include "load/output_intent.h"

#include <fstream>
#include <iterator>
#include <optional>

#include "support/diagnostic.h"
#include "support/toml_reader.h"

namespace icc {

namespace fs = std::filesystem;

namespace {

// An ICC profile's header (ICC.1:2010, 7.2): "acsp" at byte 36, the data
// colour space at byte 16. The number of components, or 0 if it is not a
// profile PDF/A accepts as an output intent.
int profile_components(const std::string& bytes) {
    if (bytes.size() < 128 || bytes.compare(36, 4, "acsp") != 0) return 0;
    const std::string space = bytes.substr(16, 4);
    return space == "RGB " ? 3 : space == "GRAY" ? 1 : space == "CMYK" ? 4 : 0;
}

}  // namespace

OutputIntent load_output_intent(const fs::path& file) {
    DiagnosticSink sink;
    OutputIntent intent;
    if (std::optional<TomlDocument> document = TomlDocument::read(file, sink)) {
        TableReader root = document->root(sink);
        if (std::optional<TableReader> table = root.required_table("output_intent")) {
            const Expect<std::string> text{.what = "a non-empty string",
                                           .valid = [](const std::string& s) { return !s.empty(); }};
            TomlValue profile = (*table)["profile"];
            const std::optional<std::string> path = profile.required(text);
            const std::optional<std::string> package = table->optional<std::string>("package", text);
            intent.identifier = table->required<std::string>("identifier", text).value_or("");
            intent.info = table->required<std::string>("info", text).value_or("");
            if (path) {
                std::ifstream in(*path, std::ios::binary);
                if (!in) {
                    std::vector<DiagnosticNote> notes;
                    if (package)
                        notes.push_back({NoteKind::help, "the Debian package " + *package +
                                                             " ships it: apt-get install " + *package, {}});
                    profile.error("expected an ICC profile file, found no file at " + *path, std::move(notes));
                } else {
                    intent.profile.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
                    intent.components = profile_components(intent.profile);
                    if (intent.components == 0)
                        profile.error("expected an RGB, grey or CMYK ICC profile, found a file without an ICC "
                                      "profile header: " + *path);
                }
            }
        }
    }
    sink.throw_if_errors();
    return intent;
}

}  // namespace icc
