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

BOOST_AUTO_TEST_CASE(notes_and_hints_follow_their_diagnostic) {
    Diagnostic d{Severity::error, {"b.toml", 9, 3}, "answered twice",
                 {{NoteKind::note, "first answered here", {"a.toml", 2, 5}}, {NoteKind::help, "remove one"}}};
    BOOST_TEST(d.to_string() == "b.toml:9:3: error: answered twice\na.toml:2:5: note: first answered here\nhelp: remove one");
}

BOOST_AUTO_TEST_CASE(diagnostics_print_the_source_line_with_a_caret_under_the_range) {
    testing::TempDir dir;
    const std::string file = dir.write("e.toml", "[answers]\n\tstrategy = \"partial\"   # é\n").string();
    const std::vector<Diagnostic> diagnostics{
        {Severity::error, {file, 2, 13, 2, 22}, "not an option", {{NoteKind::help, "did you mean \"partly\"?"}}},
        {Severity::warning, {file, 1, 2}, "a point"},
        {Severity::error, {file, 2, 2, 3, 1}, "a range to the next line"},
        {Severity::error, {file, 40, 1}, "past the end: no excerpt"},
        {Severity::error, {"--langs"}, "no file: no excerpt"},
    };
    const std::string expected = file + ":2:13: error: not an option\n"
                                        "    2 | \tstrategy = \"partial\"   # é\n"
                                        "      | \t           ^~~~~~~~~\n"
                                        "help: did you mean \"partly\"?\n" +
                                 file + ":1:2: warning: a point\n"
                                        "    1 | [answers]\n"
                                        "      |  ^\n" +
                                 file + ":2:2: error: a range to the next line\n"
                                        "    2 | \tstrategy = \"partial\"   # é\n"
                                        "      | \t^~~~~~~~~~~~~~~~~~~~~~~~~~\n" +
                                 file + ":40:1: error: past the end: no excerpt\n"
                                        "--langs: error: no file: no excerpt\n";
    BOOST_TEST(format_diagnostics(diagnostics) == expected);
    // Without excerpts, one line per diagnostic and note, as in a manifest.
    BOOST_TEST(format_diagnostics(diagnostics, {.excerpts = false}) ==
               file + ":2:13: error: not an option\nhelp: did you mean \"partly\"?\n" + file + ":1:2: warning: a point\n" +
                   file + ":2:2: error: a range to the next line\n" + file + ":40:1: error: past the end: no excerpt\n" +
                   "--langs: error: no file: no excerpt\n");
}

BOOST_AUTO_TEST_CASE(diagnostics_sort_in_line_order_file_by_file) {
    const std::vector<Diagnostic> sorted = in_line_order({{Severity::error, {"z.toml", 5, 1}, "z5"},
                                                          {Severity::error, {"a.toml", 9, 1}, "a9"},
                                                          {Severity::warning, {"z.toml", 2, 7}, "z2"},
                                                          {Severity::error, {"a.toml", 1, 1}, "a1"},
                                                          {Severity::error, {"z.toml", 2, 7}, "z2 again"}});
    std::vector<std::string> order;
    for (const Diagnostic& d : sorted) order.push_back(d.message);
    BOOST_TEST(order == (std::vector<std::string>{"z2", "z2 again", "z5", "a1", "a9"}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(an_engine_bug_is_not_a_diagnostic_error) {
    DiagnosticSink sink;
    sink.warning({"n.toml", 3, 1}, "later warning");
    sink.warning({"n.toml", 1, 1}, "first warning");
    BOOST_TEST(sink.warnings().front().message == "first warning");
    try {
        throw InternalError(Diagnostic{Severity::error, {}, "internal link 'x' points to no heading"});
    } catch (const DiagnosticError&) {
        BOOST_FAIL("an InternalError must never be caught as a user's error");
    } catch (const InternalError& error) {
        BOOST_TEST(std::string(error.what()) == "internal link 'x' points to no heading");
    }
}
