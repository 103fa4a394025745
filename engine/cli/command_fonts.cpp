#include <algorithm>
#include <iostream>

#include "cli/commands.h"
#include "support/data_root.h"
#include "support/fonts.h"

namespace icc::cli {

namespace {
int run_fonts(const DataRoot& data) {
    const FontSet fonts = FontSet::load(data);
    int missing = 0;
    for (auto role : {FontRole::body, FontRole::heading}) {
        std::cout << (role == FontRole::body ? "body" : "heading") << " (" << fonts.families(role) << ")\n";
        for (const auto& face : fonts.resolve_scripts(role)) {
            std::cout << "  " << face.script << std::string(10 - std::min<std::size_t>(9, face.script.size()), ' ')
                      << face.face << "  " << face.file;
            if (face.missing_glyphs > 0) std::cout << "  (" << face.missing_glyphs << " glyphs missing)";
            std::cout << '\n';
            missing += face.missing_glyphs;
        }
    }
    return missing == 0 ? 0 : 1;
}
}  // namespace

Command add_fonts_command(CLI::App& app, const GlobalOptions& globals) {
    CLI::App* command = app.add_subcommand("fonts", "List, per script, the font face the engine uses");
    return {command, [&globals] { return run_fonts(globals.locate()); }};
}

}  // namespace icc::cli
