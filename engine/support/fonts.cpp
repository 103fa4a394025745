#include "support/fonts.h"

#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>
#include <pango/pangofc-font.h>

#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <optional>
#include <set>

#include "support/diagnostic.h"
#include "support/hash.h"
#include "support/toml_reader.h"

namespace icc {

namespace fs = std::filesystem;

namespace {

// "Noto Serif,Noto Naskh Arabic,...": a role's families as Pango's fallback list.
std::string join_families(TableReader& roles, std::string_view role) {
    const TomlValue list = roles[role];
    if (!list) list.missing("a non-empty list of font families");
    const std::vector<TomlValue> items = list.items();
    if (list && items.empty() && list.node()->is_array()) list.error("expected a non-empty list of font families");
    std::string joined;
    for (const TomlValue& item : items)
        if (auto name = item.required<std::string>({.what = "a family name"})) {
            if (!joined.empty()) joined += ',';
            joined += *name;
        }
    return joined;
}

// A font file of the manifest and where the manifest names it.
struct DeclaredFont {
    fs::path path;
    TomlValue where;
};

bool exists_or_error(const fs::path& path, const TomlValue& where, const std::string& hint) {
    std::error_code ec;
    if (fs::is_regular_file(path, ec)) return true;
    where.error("font file '" + path.string() + "' not found" + hint);
    return false;
}

void refuse_unreadable(const DeclaredFont& font) {
    font.where.error("font file '" + font.path.string() + "' could not be read as a font");
}

// The user's cache folder for iccreport, by the rule of the network cache
// (driver/network_cache.h, user_cache_folder): $ICCREPORT_CACHE_DIR when set
// (empty: no cache), else $XDG_CACHE_HOME/iccreport, else ~/.cache/iccreport;
// none when none is set.
std::optional<fs::path> cache_folder() {
    if (const char* own = std::getenv("ICCREPORT_CACHE_DIR")) {
        if (*own == '\0') return std::nullopt;
        return fs::path(own);
    }
    if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg == '/') return fs::path(xdg) / "iccreport";
    if (const char* home = std::getenv("HOME"); home && *home == '/') return fs::path(home) / ".cache" / "iccreport";
    return std::nullopt;
}

std::string link_name(std::size_t index, const fs::path& file) {
    std::string number = std::to_string(index);
    if (number.size() < 3) number.insert(0, 3 - number.size(), '0');
    return number + "-" + file.filename().string();
}

// A folder holding a link to each declared font file and nothing else,
// named in the manifest's order ("000-NotoSerif-Regular.ttf"), so that
// fontconfig scans exactly the font set, in that order, and keeps the scan
// in its cache of that folder. Its name is a digest of every file's path,
// size and modification time: a font changed, added or removed makes
// another folder (and a fresh scan). Made under a temporary name and
// renamed into place, so that a folder that exists is complete. None when
// the cache cannot be written (the font set is then scanned every time).
std::optional<fs::path> linked_font_set(const fs::path& cache, const std::vector<DeclaredFont>& fonts) {
    Sha256 digest;
    digest.field("iccreport font set 1");
    std::error_code ec;
    for (const DeclaredFont& font : fonts) {
        const fs::path absolute = fs::absolute(font.path, ec);
        if (ec) return std::nullopt;
        const auto size = fs::file_size(absolute, ec);
        if (ec) return std::nullopt;
        const auto modified = fs::last_write_time(absolute, ec);
        if (ec) return std::nullopt;
        digest.field(absolute.string())
            .field(std::to_string(size))
            .field(std::to_string(modified.time_since_epoch().count()));
    }
    const fs::path folder = cache / ("fonts-" + digest.hex().substr(0, 32));
    if (fs::is_directory(folder, ec)) return folder;
    fs::create_directories(cache, ec);
    const fs::path temporary = cache / (".fonts-" + std::to_string(::getpid()) + "-" + digest.hex().substr(0, 8));
    fs::remove_all(temporary, ec);
    if (!fs::create_directory(temporary, ec)) return std::nullopt;
    for (std::size_t i = 0; i < fonts.size(); ++i) {
        fs::create_symlink(fs::absolute(fonts[i].path), temporary / link_name(i, fonts[i].path), ec);
        if (ec) {
            fs::remove_all(temporary, ec);
            return std::nullopt;
        }
    }
    fs::rename(temporary, folder, ec);
    if (ec) fs::remove_all(temporary, ec);  // another process made it first
    return fs::is_directory(folder, ec) ? std::optional<fs::path>(folder) : std::nullopt;
}

// XML-escapes a path for a fontconfig configuration.
std::string xml_escaped(const std::string& text) {
    std::string out;
    for (char c : text) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        default: out += c;
        }
    }
    return out;
}

// Registers the fonts from the cached scan of their linked folder; false
// (nothing registered) when there is no usable cache folder.
// `linked`: each link's path to the file as declared.
bool add_cached_fonts(FcConfig* config, const std::vector<DeclaredFont>& fonts,
                      std::map<std::string, std::string, std::less<>>& linked) {
    const std::optional<fs::path> cache = cache_folder();
    if (!cache) return false;
    const std::optional<fs::path> folder = linked_font_set(*cache, fonts);
    if (!folder) return false;
    // fontconfig's cache of the folder lives beside it, not in it: writing
    // it into the folder would change the folder's time and void the cache.
    const std::string configuration =
        "<fontconfig><cachedir>" + xml_escaped((*cache / "fontconfig").string()) + "</cachedir></fontconfig>";
    if (!FcConfigParseAndLoadFromMemory(config, reinterpret_cast<const FcChar8*>(configuration.c_str()), FcFalse))
        return false;
    if (!FcConfigAppFontAddDir(config, reinterpret_cast<const FcChar8*>(folder->c_str()))) return false;
    // A file fontconfig found no face in is not a font.
    std::set<std::string> scanned;
    if (FcFontSet* set = FcConfigGetFonts(config, FcSetApplication))
        for (int i = 0; i < set->nfont; ++i) {
            FcChar8* file = nullptr;
            if (FcPatternGetString(set->fonts[i], FC_FILE, 0, &file) == FcResultMatch)
                scanned.insert(fs::path(reinterpret_cast<const char*>(file)).filename().string());
        }
    for (std::size_t i = 0; i < fonts.size(); ++i) {
        if (!scanned.count(link_name(i, fonts[i].path))) refuse_unreadable(fonts[i]);
        linked.emplace((*folder / link_name(i, fonts[i].path)).string(), fonts[i].path.string());
    }
    return true;
}

std::string lower_case(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

}  // namespace

FontSet FontSet::load(const DataRoot& data) {
    const fs::path manifest = data.fonts() / "fonts.toml";
    DiagnosticSink sink;
    const auto document = TomlDocument::read(manifest, sink);
    sink.throw_if_errors();

    FontSet set;
    std::vector<DeclaredFont> declared;
    // An empty configuration: no system font directories, no system rules.
    set.config_.reset(FcConfigCreate());
    if (!set.config_) throw InternalError("fontconfig could not create a configuration");
    {
        TableReader root = document->root(sink);
        if (std::optional<TableReader> roles = root.required_table("roles")) {
            set.body_families_ = join_families(*roles, "body");
            set.heading_families_ = join_families(*roles, "heading");
        }
        if (std::optional<TableReader> languages = root.optional_table("languages"))
            for (const TomlValue& entry : languages->other_entries())
                if (std::optional<TableReader> faces = entry.table()) {
                    LanguageFaces language;
                    language.body = faces->required<std::string>("body", {.what = "a font family"}).value_or("");
                    language.heading = faces->required<std::string>("heading", {.what = "a font family"}).value_or("");
                    set.language_faces_.emplace(lower_case(entry.key()), std::move(language));
                }
        if (std::optional<TableReader> bundled = root.optional_table("bundled"))
            for (const TomlValue& item : bundled->required_array("files"))
                if (auto name = item.required<std::string>({.what = "a font file name in fonts/"})) {
                    const fs::path path = data.fonts() / *name;
                    if (exists_or_error(path, item, "")) declared.push_back({path, item});
                    set.files_.push_back(path.string());
                }
        // Where libhyphen's patterns are read from: Debian's hyphen-* packages by
        // default; a project may point at patterns of its own (relative to fonts/).
        if (std::optional<TableReader> hyphenation = root.optional_table("hyphenation"))
            if (auto folder = hyphenation->optional<std::string>("patterns")) {
                const fs::path path(*folder);
                set.hyphenation_folder_ = path.is_absolute() ? path : data.fonts() / path;
            }
        if (std::optional<TableReader> external = root.optional_table("external")) {
            const std::string package = external->optional<std::string>("package").value_or("its package");
            for (const TomlValue& item : external->required_array("files"))
                if (auto name = item.required<std::string>({.what = "the path of an installed font file"})) {
                    if (exists_or_error(*name, item, " (install Debian's " + package + ", or run scripts/setup.sh)"))
                        declared.push_back({*name, item});
                    set.files_.push_back(*name);
                }
        }
        // Registered once per process, and scanned once per machine: the
        // scan of the set (every face's character set, read from 90 MB of
        // font files) is kept in fontconfig's cache of a folder of links to
        // exactly these files. Without a cache folder, each file is scanned.
        if (!sink.has_errors() && !add_cached_fonts(set.config_.get(), declared, set.linked_files_))
            for (const DeclaredFont& font : declared)
                if (!FcConfigAppFontAddFile(set.config_.get(), reinterpret_cast<const FcChar8*>(font.path.c_str())))
                    refuse_unreadable(font);
    }
    sink.throw_if_errors();
    FcConfigBuildFonts(set.config_.get());
    // Registered once: the set is fixed for the life of the process (watch
    // included), so fontconfig never stats the files again to rescan them.
    FcConfigSetRescanInterval(set.config_.get(), 0);

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

std::string FontSet::declared_file(std::string_view file) const {
    const auto found = linked_files_.find(file);
    return found == linked_files_.end() ? std::string(file) : found->second;
}

const std::string& FontSet::families(FontRole role) const {
    return role == FontRole::body ? body_families_ : heading_families_;
}

std::string FontSet::families(FontRole role, std::string_view language) const {
    std::string tag = lower_case(language);
    std::replace(tag.begin(), tag.end(), '_', '-');
    while (!tag.empty()) {
        if (const auto found = language_faces_.find(tag); found != language_faces_.end())
            return (role == FontRole::body ? found->second.body : found->second.heading) + "," + families(role);
        const auto dash = tag.rfind('-');
        tag.resize(dash == std::string::npos ? 0 : dash);
    }
    return families(role);
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
                        face.file = declared_file(reinterpret_cast<const char*>(file));
                }
            }
        } while (pango_layout_iter_next_run(iter));
        pango_layout_iter_free(iter);
        result.push_back(std::move(face));
    }
    return result;
}

}  // namespace icc
