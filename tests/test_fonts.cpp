#include <boost/test/unit_test.hpp>

#include "support/diagnostic.h"
#include "support/fonts.h"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <optional>
#include "test_support.h"

using namespace icc;

BOOST_AUTO_TEST_CASE(every_script_has_a_face_without_missing_glyphs) {
    FontSet fonts = FontSet::load({testing::source_root()});
    for (auto role : {FontRole::body, FontRole::heading}) {
        for (const auto& face : fonts.resolve_scripts(role)) {
            BOOST_TEST_CONTEXT(face.script) {
                BOOST_TEST(face.missing_glyphs == 0);
                BOOST_TEST(!face.file.empty());
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(only_declared_font_files_are_ever_used) {
    FontSet fonts = FontSet::load({testing::source_root()});
    const auto& declared = fonts.files();
    for (auto role : {FontRole::body, FontRole::heading}) {
        for (const auto& face : fonts.resolve_scripts(role)) {
            BOOST_TEST_CONTEXT(face.script << " -> " << face.file) {
                BOOST_TEST((std::find(declared.begin(), declared.end(), face.file) != declared.end()));
            }
        }
    }
    // The bundled faces really are the bundled files, not look-alikes from the system.
    auto latin = fonts.resolve_scripts(FontRole::body).front();
    BOOST_TEST(latin.file == (testing::source_root() / "fonts/NotoSerif-Regular.ttf").string());
}

BOOST_AUTO_TEST_CASE(a_missing_font_file_is_named) {
    testing::TempDir dir;
    std::filesystem::create_directories(dir / "fonts");
    dir.write("fonts/fonts.toml",
              "[roles]\nbody = [\"Noto Serif\"]\nheading = [\"Noto Sans\"]\n[bundled]\nfiles = [\"Missing.ttf\"]\n");
    try {
        FontSet::load({dir.path()});
        BOOST_FAIL("expected DiagnosticError");
    } catch (const DiagnosticError& e) {
        BOOST_TEST(std::string(e.what()).find("fonts.toml:5:") != std::string::npos);
        BOOST_TEST(std::string(e.what()).find("Missing.ttf' not found") != std::string::npos);
    }
}

namespace {

// ICCREPORT_CACHE_DIR pointed at a folder of the test's own while it runs.
struct CacheHome {
    explicit CacheHome(const std::filesystem::path& folder) {
        if (const char* old = std::getenv("ICCREPORT_CACHE_DIR")) previous = old;
        ::setenv("ICCREPORT_CACHE_DIR", folder.c_str(), 1);
    }
    ~CacheHome() {
        if (previous) ::setenv("ICCREPORT_CACHE_DIR", previous->c_str(), 1);
        else ::unsetenv("ICCREPORT_CACHE_DIR");
    }
    std::optional<std::string> previous;
};

std::vector<std::filesystem::path> linked_sets(const std::filesystem::path& cache) {
    std::vector<std::filesystem::path> sets;
    for (const auto& entry : std::filesystem::directory_iterator(cache))
        if (entry.path().filename().string().rfind("fonts-", 0) == 0) sets.push_back(entry.path());
    return sets;
}

}  // namespace

BOOST_AUTO_TEST_CASE(the_font_set_is_scanned_once_then_read_from_fontconfigs_cache) {
    testing::TempDir cache;
    const CacheHome home(cache.path());
    const FontSet first = FontSet::load({testing::source_root()});
    // A folder of links to exactly the declared files, in their order, and fontconfig's cache of it.
    const auto sets = linked_sets(cache.path());
    BOOST_TEST_REQUIRE(sets.size() == 1u);
    std::vector<std::filesystem::path> links;
    for (const auto& entry : std::filesystem::directory_iterator(sets.front())) links.push_back(entry.path());
    std::sort(links.begin(), links.end());
    BOOST_TEST_REQUIRE(links.size() == first.files().size());
    for (std::size_t i = 0; i < links.size(); ++i)
        BOOST_TEST(std::filesystem::read_symlink(links[i]) == std::filesystem::absolute(first.files()[i]));
    BOOST_TEST(!std::filesystem::is_empty(cache.path() / "fontconfig"));

    const FontSet second = FontSet::load({testing::source_root()});
    BOOST_TEST(linked_sets(cache.path()).size() == 1u);
    for (auto role : {FontRole::body, FontRole::heading}) {
        const auto before = first.resolve_scripts(role), after = second.resolve_scripts(role);
        BOOST_TEST_REQUIRE(before.size() == after.size());
        for (std::size_t i = 0; i < before.size(); ++i) {
            BOOST_TEST(before[i].face == after[i].face);
            BOOST_TEST(before[i].file == after[i].file);  // the file as declared, not the link
        }
    }
}

BOOST_AUTO_TEST_CASE(a_changed_font_file_is_scanned_again) {
    testing::TempDir cache, dir;
    const CacheHome home(cache.path());
    std::filesystem::create_directories(dir / "fonts");
    std::filesystem::copy_file(testing::source_root() / "fonts/NotoSans-Regular.ttf", dir / "fonts/Sans.ttf");
    dir.write("fonts/fonts.toml",
              "[roles]\nbody = [\"Noto Sans\"]\nheading = [\"Noto Sans\"]\n[bundled]\nfiles = [\"Sans.ttf\"]\n");
    const FontSet first = FontSet::load({dir.path()});
    BOOST_TEST(linked_sets(cache.path()).size() == 1u);
    const auto time = std::filesystem::last_write_time(dir / "fonts/Sans.ttf");
    std::filesystem::last_write_time(dir / "fonts/Sans.ttf", time + std::chrono::seconds(5));
    const FontSet second = FontSet::load({dir.path()});
    BOOST_TEST(linked_sets(cache.path()).size() == 2u);
    BOOST_TEST(second.resolve_scripts(FontRole::body).front().file == (dir / "fonts/Sans.ttf").string());
}

BOOST_AUTO_TEST_CASE(a_file_that_is_not_a_font_is_named) {
    testing::TempDir cache, dir;
    const CacheHome home(cache.path());
    std::filesystem::create_directories(dir / "fonts");
    std::filesystem::copy_file(testing::source_root() / "fonts/NotoSans-Regular.ttf", dir / "fonts/Sans.ttf");
    dir.write("fonts/Broken.ttf", "not a font at all");
    dir.write("fonts/fonts.toml", "[roles]\nbody = [\"Noto Sans\"]\nheading = [\"Noto Sans\"]\n[bundled]\n"
                                  "files = [\n  \"Sans.ttf\",\n  \"Broken.ttf\",\n]\n");
    try {
        FontSet::load({dir.path()});
        BOOST_FAIL("expected DiagnosticError");
    } catch (const DiagnosticError& e) {
        BOOST_TEST(std::string(e.what()).find("fonts.toml:7:") != std::string::npos, e.what());
        BOOST_TEST(std::string(e.what()).find("Broken.ttf' could not be read as a font") != std::string::npos);
        BOOST_TEST(std::string(e.what()).find("Sans.ttf'") == std::string::npos);
    }
}
