#pragma once
// Compiler-style diagnostics, printed as clang prints them:
//
//   edition.toml:14:12: error: answers.commitment.strategy: expected "yes", "partly" or "no", found "partial"
//      14 | strategy = "partial"
//         |            ^~~~~~~~~
//   help: did you mean "partly"?
//
// A diagnostic is a value: its severity, the source range at fault, the
// message (what is wrong, what was expected, what was found), and notes or
// hints that may point at other places ("first defined here"). Errors and
// warnings travel in the same type, through one DiagnosticSink.
#include <stdexcept>
#include <string>
#include <vector>

namespace icc {

// A place in an input file: a point, or a range when the end is known.
struct SourceLocation {
    std::string file;
    int line = 0;        // 1-based; 0 when unknown
    int column = 0;      // 1-based, in characters (code points); 0 when unknown
    int end_line = 0;    // the range's end (0: a point); the end column is one past the last character
    int end_column = 0;
};

enum class Severity { error, warning, note };

enum class NoteKind { note, help };

// A line under a diagnostic: a note ("first defined here") or a hint ("did you mean 'partly'?").
struct DiagnosticNote {
    NoteKind kind = NoteKind::note;
    std::string message;
    SourceLocation where;  // empty file: the note speaks of the diagnostic's own place
};

struct Diagnostic {
    Severity severity = Severity::error;
    SourceLocation where;
    std::string message;
    std::vector<DiagnosticNote> notes;

    // "file:line:col: error: message" (line and column omitted when unknown),
    // then one line per note: "file:line:col: note: ..." or "help: ...".
    // No source excerpt: for logs, manifests and tests.
    [[nodiscard]] std::string to_string() const;
};

struct DiagnosticStyle {
    // Under each located line, the source line with a caret under the range
    // (read from the file when printed; left out when the file cannot be read).
    bool excerpts = true;
};

// The diagnostics as a compiler prints them, one line per diagnostic or note,
// each followed by its source excerpt when `style.excerpts`.
std::string format_diagnostics(const std::vector<Diagnostic>& diagnostics, const DiagnosticStyle& style = {});

// Sorted as a reader fixes files: files in the order they first appear, and
// within a file by line and column (stable for equal positions).
std::vector<Diagnostic> in_line_order(std::vector<Diagnostic> diagnostics);

// Thrown when input cannot be used. Carries every problem found, not just the
// first, so a user fixes a file in one pass. what() is the text without excerpts.
class DiagnosticError : public std::runtime_error {
public:
    explicit DiagnosticError(std::vector<Diagnostic> diagnostics);
    explicit DiagnosticError(Diagnostic diagnostic);
    [[nodiscard]] const std::vector<Diagnostic>& diagnostics() const { return diagnostics_; }

private:
    std::vector<Diagnostic> diagnostics_;
};

// Thrown for a state no input can lead to: a bug of the engine, never of the
// user's data. The command line prints it as "internal error: ... please
// report" and exits with 70 (EX_SOFTWARE).
class InternalError : public std::logic_error {
public:
    using std::logic_error::logic_error;
    // For a check first written as a diagnostic: its location and message.
    explicit InternalError(const Diagnostic& what)
        : std::logic_error((what.where.file.empty() ? std::string() : what.where.file + ": ") + what.message) {}
};

// Collects errors and warnings while input is read; throws the errors (with
// the warnings around them) all at once, in line order.
class DiagnosticSink {
public:
    void report(Diagnostic diagnostic);
    void error(SourceLocation where, std::string message, std::vector<DiagnosticNote> notes = {});
    void warning(SourceLocation where, std::string message, std::vector<DiagnosticNote> notes = {});
    // Every diagnostic of another run (a DiagnosticError's, say), severities kept.
    void append(const std::vector<Diagnostic>& diagnostics);

    [[nodiscard]] bool has_errors() const;
    // As reported.
    [[nodiscard]] const std::vector<Diagnostic>& all() const { return diagnostics_; }
    // The warnings only, in line order.
    [[nodiscard]] std::vector<Diagnostic> warnings() const;
    // Throws DiagnosticError with every diagnostic, in line order, if any is an error.
    void throw_if_errors() const;

private:
    std::vector<Diagnostic> diagnostics_;
};

}  // namespace icc
