#pragma once
// Compiler-style diagnostics: "FILE:LINE:COL: error: message".
#include <stdexcept>
#include <string>
#include <vector>

namespace icc {

struct SourceLocation {
    std::string file;
    int line = 0;    // 1-based; 0 when unknown
    int column = 0;  // 1-based; 0 when unknown
};

enum class Severity { error, warning, note };

struct Diagnostic {
    Severity severity = Severity::error;
    SourceLocation where;
    std::string message;

    // "file:line:col: error: message" (line and column omitted when unknown).
    [[nodiscard]] std::string to_string() const;
};

// Thrown when input cannot be used. Carries every problem found, not just the
// first, so a user fixes a file in one pass.
class DiagnosticError : public std::runtime_error {
public:
    explicit DiagnosticError(std::vector<Diagnostic> diagnostics);
    explicit DiagnosticError(Diagnostic diagnostic);
    [[nodiscard]] const std::vector<Diagnostic>& diagnostics() const { return diagnostics_; }

private:
    std::vector<Diagnostic> diagnostics_;
};

// Collects diagnostics while a file is checked; throws them all at once.
class DiagnosticSink {
public:
    void error(SourceLocation where, std::string message);
    void warning(SourceLocation where, std::string message);
    [[nodiscard]] bool has_errors() const;
    [[nodiscard]] const std::vector<Diagnostic>& all() const { return diagnostics_; }
    // Throws DiagnosticError if any error was recorded.
    void throw_if_errors() const;

private:
    std::vector<Diagnostic> diagnostics_;
};

}  // namespace icc
