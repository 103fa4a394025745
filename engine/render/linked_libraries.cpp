#include "render/linked_libraries.h"

#include <link.h>

#include <cairo.h>
#include <fontconfig/fontconfig.h>
#include <ft2build.h>
#include FT_FREETYPE_H
#include <harfbuzz/hb.h>
#include <pango/pango.h>
#include <qpdf/QPDF.hh>
#include <unicode/uversion.h>
#include <unicode/ulocdata.h>

#include <array>
#include <filesystem>
#include <map>
#include <memory>
#include <string_view>

namespace icc {

namespace {

namespace fs = std::filesystem;

struct Known {
    std::string_view name;
    std::string_view soname_prefix;  // "libcairo.so"
};

// What each library calls itself, in the order the manifest lists them.
constexpr std::array known{
    Known{"cairo", "libcairo.so"},         Known{"pixman", "libpixman-1.so"},
    Known{"pango", "libpango-1.0.so"},     Known{"pangocairo", "libpangocairo-1.0.so"},
    Known{"pangoft2", "libpangoft2-1.0.so"}, Known{"harfbuzz", "libharfbuzz.so"},
    Known{"freetype", "libfreetype.so"},   Known{"fontconfig", "libfontconfig.so"},
    Known{"qpdf", "libqpdf.so"},           Known{"zlib", "libz.so"},
    Known{"icu-uc", "libicuuc.so"},        Known{"icu-i18n", "libicui18n.so"},
    Known{"icu-data", "libicudata.so"},    Known{"hyphen", "libhyphen.so"},
};

std::map<std::string, std::string> loaded_objects() {
    std::map<std::string, std::string> by_name;  // known name -> file
    dl_iterate_phdr(
        [](dl_phdr_info* info, std::size_t, void* data) {
            auto& found = *static_cast<std::map<std::string, std::string>*>(data);
            if (!info->dlpi_name || !*info->dlpi_name) return 0;
            const fs::path path(info->dlpi_name);
            const std::string file = path.filename().string();
            for (const Known& library : known)
                if (file.rfind(library.soname_prefix, 0) == 0 && !found.count(std::string(library.name))) {
                    std::error_code error;
                    const fs::path real = fs::canonical(path, error);
                    found[std::string(library.name)] = error ? path.string() : real.string();
                }
            return 0;
        },
        &by_name);
    return by_name;
}

std::string freetype_version() {
    FT_Library library = nullptr;
    if (FT_Init_FreeType(&library) != 0) return {};
    const std::unique_ptr<std::remove_pointer_t<FT_Library>, decltype(&FT_Done_FreeType)> owner(library,
                                                                                              &FT_Done_FreeType);
    FT_Int major = 0, minor = 0, patch = 0;
    FT_Library_Version(library, &major, &minor, &patch);
    return std::to_string(major) + "." + std::to_string(minor) + "." + std::to_string(patch);
}

std::string icu_version() {
    UVersionInfo version;
    u_getVersion(version);
    char text[U_MAX_VERSION_STRING_LENGTH];
    u_versionToString(version, text);
    return text;
}

std::string cldr_version() {
    UVersionInfo version;
    UErrorCode status = U_ZERO_ERROR;
    ulocdata_getCLDRVersion(version, &status);
    if (U_FAILURE(status)) return {};
    char text[U_MAX_VERSION_STRING_LENGTH];
    u_versionToString(version, text);
    return "CLDR " + std::string(text);
}

std::string fontconfig_version() {
    const int v = FcGetVersion();  // e.g. 21400 for 2.14.0
    return std::to_string(v / 10000) + "." + std::to_string(v / 100 % 100) + "." + std::to_string(v % 100);
}

// "libhyphen.so.0.3.0" -> "0.3.0": what the file's name says of its version.
std::string version_from_file_name(const std::string& file, std::string_view prefix) {
    const std::string name = fs::path(file).filename().string();
    if (name.size() > prefix.size() + 1 && name.rfind(prefix, 0) == 0) return name.substr(prefix.size() + 1);
    return {};
}

}  // namespace

std::vector<LinkedLibrary> linked_libraries() {
    // Call into each library once, so that the loaded objects are the ones in use.
    const std::map<std::string, std::string> said{
        {"cairo", cairo_version_string()},
        {"pango", pango_version_string()},
        {"pangocairo", pango_version_string()},  // built from Pango's sources, one version
        {"pangoft2", pango_version_string()},
        {"harfbuzz", hb_version_string()},
        {"freetype", freetype_version()},
        {"fontconfig", fontconfig_version()},
        {"qpdf", QPDF::QPDFVersion()},
        {"icu-uc", icu_version()},
        {"icu-data", cldr_version()},
    };
    const std::map<std::string, std::string> files = loaded_objects();
    std::vector<LinkedLibrary> libraries;
    for (const Known& library : known) {
        const std::string name(library.name);
        const auto file = files.find(name);
        if (file == files.end()) continue;
        const auto version = said.find(name);
        libraries.push_back({name,
                             version != said.end() && !version->second.empty()
                                 ? version->second
                                 : version_from_file_name(file->second, library.soname_prefix),
                             file->second});
    }
    return libraries;
}

}  // namespace icc
