#include "support/fonts.h"

#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>
#include <pango/pangofc-font.h>

#include <filesystem>

#include "support/diagnostic.h"
#include "support/toml_source.h"

namespace icc {

namespace fs = std::filesystem;

namespace {

std::string join_families(const toml::array* list, const std::string& file, const toml::node* where) {
    if (!list || list->empty())
        throw DiagnosticError(Diagnostic{Severity::error, where ? location_of(*where, file) : SourceLocation{file},
                                         "expected a non-empty list of font families"});
    std::string joined;
    for (const auto& item : *list) {
        auto name = item.value<std::string>();
        if (!name)
            throw DiagnosticError(Diagnostic{Severity::error, location_of(item, file),
                                             "expected a family name (a string), found " + describe_type(item)});
        if (!joined.empty()) joined += ',';
        joined += *name;
    }
    return joined;
}

void add_font_file(FcConfig* config, const fs::path& path, const std::string& manifest, const toml::node& where,
                   const std::string& hint) {
    std::error_code ec;
    if (!fs::is_regular_file(path, ec))
        throw DiagnosticError(Diagnostic{Severity::error, location_of(where, manifest),
                                         "font file '" + path.string() + "' not found" + hint});
    if (!FcConfigAppFontAddFile(config, reinterpret_cast<const FcChar8*>(path.c_str())))
        throw DiagnosticError(Diagnostic{Severity::error, location_of(where, manifest),
                                         "font file '" + path.string() + "' could not be read as a font"});
}

}  // namespace

FontSet FontSet::load(const DataRoot& data) {
    const fs::path manifest_path = data.fonts() / "fonts.toml";
    const std::string manifest = manifest_path.string();
    toml::table table = parse_toml_file(manifest_path);

    FontSet set;
    // An empty configuration: no system font directories, no system rules.
    set.config_.reset(FcConfigCreate());
    if (!set.config_) throw DiagnosticError(Diagnostic{Severity::error, {manifest}, "fontconfig could not start"});

    const toml::node* roles = table.get("roles");
    set.body_families_ = join_families(table["roles"]["body"].as_array(), manifest, roles);
    set.heading_families_ = join_families(table["roles"]["heading"].as_array(), manifest, roles);

    if (auto* bundled = table["bundled"]["files"].as_array()) {
        for (const auto& item : *bundled) {
            fs::path path = data.fonts() / item.value_or(std::string{});
            add_font_file(set.config_.get(), path, manifest, item, "");
            set.files_.push_back(path.string());
        }
    }
    if (auto* external = table["external"]["files"].as_array()) {
        std::string package = table["external"]["package"].value_or(std::string{"its package"});
        for (const auto& item : *external) {
            fs::path path = item.value_or(std::string{});
            add_font_file(set.config_.get(), path, manifest, item,
                          " (install Debian's " + package + ", or run scripts/setup.sh)");
            set.files_.push_back(path.string());
        }
    }
    FcConfigBuildFonts(set.config_.get());

    set.font_map_.reset(pango_cairo_font_map_new_for_font_type(CAIRO_FONT_TYPE_FT));
    // The font map takes its own reference to the configuration.
    pango_fc_font_map_set_config(PANGO_FC_FONT_MAP(set.font_map_.get()), set.config_.get());
    return set;
}

GObjectPtr<PangoContext> FontSet::create_context() const {
    GObjectPtr<PangoContext> context(pango_font_map_create_context(font_map_.get()));
    // Metrics must not depend on a screen: no hinting, no rounding of positions.
    cairo_font_options_t* options = cairo_font_options_create();
    cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
    cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
    pango_cairo_context_set_font_options(context.get(), options);
    cairo_font_options_destroy(options);
    pango_context_set_round_glyph_positions(context.get(), FALSE);
    return context;
}

const std::string& FontSet::families(FontRole role) const {
    return role == FontRole::body ? body_families_ : heading_families_;
}

std::vector<ScriptFace> FontSet::resolve_scripts(FontRole role) const {
    struct Sample {
        const char* script;
        const char* language;
        const char* text;
    };
    static constexpr Sample samples[] = {
        {"Latin", "fr", "Villes interculturelles: égalité, diversité"},
        {"Greek", "el", "Διαπολιτισμικές πόλεις"},
        {"Cyrillic", "uk", "Міжкультурні міста"},
        {"Arabic", "ar", "المدن المتعددة الثقافات"},
        {"Japanese", "ja", "インターカルチュラル・シティ"},
        {"Korean", "ko", "상호문화도시"},
        {"Chinese", "zh-cn", "跨文化城市"},
    };
    std::vector<ScriptFace> result;
    auto context = create_context();
    for (const auto& sample : samples) {
        pango_context_set_language(context.get(), pango_language_from_string(sample.language));
        GObjectPtr<PangoLayout> layout(pango_layout_new(context.get()));
        FontDescriptionPtr description(pango_font_description_from_string(families(role).c_str()));
        pango_font_description_set_absolute_size(description.get(), 10 * PANGO_SCALE);
        pango_layout_set_font_description(layout.get(), description.get());
        pango_layout_set_text(layout.get(), sample.text, -1);

        ScriptFace face{sample.script, sample.text, "", "", 0};
        PangoLayoutIter* iter = pango_layout_get_iter(layout.get());
        do {
            PangoLayoutRun* run = pango_layout_iter_get_run_readonly(iter);
            if (!run) continue;
            for (int i = 0; i < run->glyphs->num_glyphs; ++i)
                if (run->glyphs->glyphs[i].glyph & PANGO_GLYPH_UNKNOWN_FLAG) ++face.missing_glyphs;
            PangoFont* font = run->item->analysis.font;
            if (face.face.empty() && font) {
                FontDescriptionPtr used(pango_font_describe(font));
                const char* family = pango_font_description_get_family(used.get());
                face.face = family ? family : "?";
                if (pango_font_description_get_weight(used.get()) >= PANGO_WEIGHT_BOLD) face.face += " Bold";
                if (PANGO_IS_FC_FONT(font)) {
                    FcPattern* pattern = pango_fc_font_get_pattern(PANGO_FC_FONT(font));
                    FcChar8* file = nullptr;
                    if (pattern && FcPatternGetString(pattern, FC_FILE, 0, &file) == FcResultMatch)
                        face.file = reinterpret_cast<const char*>(file);
                }
            }
        } while (pango_layout_iter_next_run(iter));
        pango_layout_iter_free(iter);
        result.push_back(std::move(face));
    }
    return result;
}

}  // namespace icc
