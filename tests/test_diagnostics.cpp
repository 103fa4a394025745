#include <boost/test/unit_test.hpp>

#include "support/atomic_file.h"
#include "support/diagnostic.h"
#include "test_support.h"

using namespace icc;

BOOST_AUTO_TEST_CASE(diagnostic_prints_like_a_compiler) {
    Diagnostic d{Severity::error, {"city.toml", 12, 7}, "expected a date, found a string"};
    BOOST_TEST(d.to_string() == "city.toml:12:7: error: expected a date, found a string");
    Diagnostic no_position{Severity::warning, {"city.toml", 0, 0}, "unused"};
    BOOST_TEST(no_position.to_string() == "city.toml: warning: unused");
}

BOOST_AUTO_TEST_CASE(sink_reports_every_error_at_once) {
    DiagnosticSink sink;
    sink.warning({"a.toml", 1, 1}, "only a warning");
    BOOST_TEST(!sink.has_errors());
    BOOST_CHECK_NO_THROW(sink.throw_if_errors());
    sink.error({"a.toml", 2, 3}, "first");
    sink.error({"a.toml", 5, 1}, "second");
    try {
        sink.throw_if_errors();
        BOOST_FAIL("expected DiagnosticError");
    } catch (const DiagnosticError& e) {
        BOOST_TEST(e.diagnostics().size() == 3u);
        BOOST_TEST(std::string(e.what()).find("a.toml:5:1: error: second") != std::string::npos);
    }
}

BOOST_AUTO_TEST_CASE(atomic_file_appears_only_on_commit) {
    testing::TempDir dir;
    const auto target = dir / "report.pdf";
    {
        AtomicFile file(target);
        std::ofstream(file.temp_path()) << "half";
        BOOST_TEST(std::filesystem::exists(file.temp_path()));
        // No commit: leaving the scope must remove the temporary and leave no target.
    }
    BOOST_TEST(!std::filesystem::exists(target));
    BOOST_TEST(std::filesystem::is_empty(dir.path()));

    write_file_atomically(target, "complete");
    BOOST_TEST(testing::slurp(target) == "complete");
    write_file_atomically(target, "replaced");
    BOOST_TEST(testing::slurp(target) == "replaced");
    int entries = 0;
    for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(dir.path())) ++entries;
    BOOST_TEST(entries == 1);
}

BOOST_AUTO_TEST_CASE(atomic_file_names_a_missing_folder) {
    testing::TempDir dir;
    const auto target = dir / "no-such-folder" / "report.pdf";
    try {
        AtomicFile file(target);
        BOOST_FAIL("expected DiagnosticError");
    } catch (const DiagnosticError& e) {
        BOOST_TEST(std::string(e.what()).find(target.string()) == 0u);
        BOOST_TEST(std::string(e.what()).find("does not exist") != std::string::npos);
    }
}

BOOST_AUTO_TEST_CASE(read_file_rejects_missing_files_and_folders) {
    testing::TempDir dir;
    BOOST_CHECK_THROW(read_file(dir / "missing.toml"), DiagnosticError);
    BOOST_CHECK_THROW(read_file(dir.path()), DiagnosticError);
}
