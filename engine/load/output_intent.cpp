#include "load/output_intent.h"

#include <fstream>
#include <iterator>
#include <optional>

#include "support/diagnostic.h"
#include "support/toml_reader.h"

namespace icc {

namespace fs = std::filesystem;


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
                    intent.components =
                        is_icc_profile(intent.profile) ? icc_components(icc_colour_space(intent.profile)) : 0;
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
