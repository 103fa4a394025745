#include "support/diagnostic.h"

#include <algorithm>

namespace icc {

namespace {
const char* severity_name(Severity s) {
    switch (s) {
        case Severity::error: return "error";
        case Severity::warning: return "warning";
        case Severity::note: return "note";
    }
    return "error";
}

std::string join_messages(const std::vector<Diagnostic>& diagnostics) {
    std::string text;
    for (const auto& d : diagnostics) {
        if (!text.empty()) text += '\n';
        text += d.to_string();
    }
    return text;
}
}  // namespace

std::string Diagnostic::to_string() const {
    std::string text = where.file;
    if (where.line > 0) {
        text += ':' + std::to_string(where.line);
        if (where.column > 0) text += ':' + std::to_string(where.column);
    }
    if (!text.empty()) text += ": ";
    text += severity_name(severity);
    text += ": ";
    text += message;
    return text;
}

DiagnosticError::DiagnosticError(std::vector<Diagnostic> diagnostics)
    : std::runtime_error(join_messages(diagnostics)), diagnostics_(std::move(diagnostics)) {}

DiagnosticError::DiagnosticError(Diagnostic diagnostic)
    : DiagnosticError(std::vector<Diagnostic>{std::move(diagnostic)}) {}

void DiagnosticSink::error(SourceLocation where, std::string message) {
    diagnostics_.push_back({Severity::error, std::move(where), std::move(message)});
}

void DiagnosticSink::warning(SourceLocation where, std::string message) {
    diagnostics_.push_back({Severity::warning, std::move(where), std::move(message)});
}

bool DiagnosticSink::has_errors() const {
    return std::any_of(diagnostics_.begin(), diagnostics_.end(),
                       [](const Diagnostic& d) { return d.severity == Severity::error; });
}

void DiagnosticSink::throw_if_errors() const {
    if (has_errors()) throw DiagnosticError(diagnostics_);
}

}  // namespace icc
