#include <boost/test/unit_test.hpp>

#include "support/diagnostic.h"
#include "support/fonts.h"

#include <algorithm>
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
