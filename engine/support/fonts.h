#pragma once
// The engine's own font set. Built from fonts/fonts.toml at start-up into a
// private fontconfig configuration, so no font installed on the machine is
// ever used silently. Pango contexts made from a FontSet only see these fonts.
#include <pango/pango.h>

#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "support/data_root.h"
#include "support/handles.h"

namespace icc {

enum class FontRole { body, heading };

// The face Pango picks for one script's sample text.
struct ScriptFace {
    std::string script;       // "Latin", "Greek", ...
    std::string sample;       // text shaped to find out
    std::string face;         // "Noto Serif Regular"
    std::string file;         // path of the font file
    int missing_glyphs = 0;   // glyphs with no face at all (should be 0)
};

class FontSet {
public:
    // Throws DiagnosticError naming fonts.toml or a missing font file.
    static FontSet load(const DataRoot& data);

    // A fresh Pango context on this font set. Each worker thread uses its own.
    [[nodiscard]] GObjectPtr<PangoContext> create_context() const;
    [[nodiscard]] PangoFontMap* font_map() const { return font_map_.get(); }

    // Comma-separated fallback list for a Pango font description.
    [[nodiscard]] const std::string& families(FontRole role) const;
    // The same for text in `language` (BCP 47): the language's own face first
    // when fonts.toml's [languages] names one ("ja": Noto Serif CJK JP for the
    // body), so that its Latin letters and digits match its script and Han
    // characters take its forms; else families(role).
    [[nodiscard]] std::string families(FontRole role, std::string_view language) const;

    // Every font file the engine may embed (for cache keys and checks).
    [[nodiscard]] const std::vector<std::string>& files() const { return files_; }

    // The folder of libhyphen patterns (hyph_<lang>.dic) layout hyphenates with:
    // `[hyphenation] patterns` of fonts.toml, default /usr/share/hyphen.
    [[nodiscard]] const std::filesystem::path& hyphenation_folder() const { return hyphenation_folder_; }

    // For `iccreport fonts`: which face each script resolves to, per role.
    [[nodiscard]] std::vector<ScriptFace> resolve_scripts(FontRole role) const;

    // The file as fonts.toml names it, for the path fontconfig reports (a
    // link of the cached font set, see load()).
    [[nodiscard]] std::string declared_file(std::string_view file) const;

private:
    FontSet() = default;
    FcConfigPtr config_;
    GObjectPtr<PangoFontMap> font_map_;
    std::string body_families_;
    std::string heading_families_;
    struct LanguageFaces {
        std::string body, heading;
    };
    std::map<std::string, LanguageFaces, std::less<>> language_faces_;  // by tag, lower case
    std::vector<std::string> files_;
    std::map<std::string, std::string, std::less<>> linked_files_;  // link of the cached set -> file as declared
    std::filesystem::path hyphenation_folder_ = "/usr/share/hyphen";
};

}  // namespace icc
