#include "support/diagnostic.h"

#include <algorithm>
#include <fstream>
#include <map>
#include <tuple>

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

const char* note_name(NoteKind kind) { return kind == NoteKind::help ? "help" : "note"; }

// "file:line:col: " (the parts that are known).
std::string location_prefix(const SourceLocation& where) {
    std::string text = where.file;
    if (where.line > 0) {
        text += ':' + std::to_string(where.line);
        if (where.column > 0) text += ':' + std::to_string(where.column);
    }
    return text.empty() ? text : text + ": ";
}

std::string note_line(const DiagnosticNote& note) {
    return location_prefix(note.where) + note_name(note.kind) + ": " + note.message;
}

std::string join_messages(const std::vector<Diagnostic>& diagnostics) {
    std::string text;
    for (const auto& d : diagnostics) {
        if (!text.empty()) text += '\n';
        text += d.to_string();
    }
    return text;
}

bool is_continuation_byte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// The lines of the files diagnostics point into, read once per formatting.
class SourceLines {
public:
    // The line's text, or nullptr when the file or the line cannot be read.
    const std::string* line(const std::string& file, int number) {
        auto it = files_.find(file);
        if (it == files_.end()) {
            std::vector<std::string> lines;
            if (std::ifstream in{file, std::ios::binary}) {
                for (std::string text; std::getline(in, text);) {
                    if (!text.empty() && text.back() == '\r') text.pop_back();
                    lines.push_back(std::move(text));
                }
            }
            it = files_.emplace(file, std::move(lines)).first;
        }
        if (number < 1 || number > static_cast<int>(it->second.size())) return nullptr;
        return &it->second[static_cast<std::size_t>(number - 1)];
    }

private:
    std::map<std::string, std::vector<std::string>> files_;
};

// "   14 | strategy = 2" and "      |            ^" under it; the range is
// underlined to its end, or to the end of the line when it spans lines.
std::string excerpt(const SourceLocation& where, SourceLines& sources) {
    if (where.file.empty() || where.line <= 0 || where.column <= 0) return {};
    const std::string* text = sources.line(where.file, where.line);
    if (!text) return {};
    std::string number = std::to_string(where.line);
    const std::size_t gutter = std::max<std::size_t>(5, number.size() + 1);
    std::string out = std::string(gutter - number.size(), ' ') + number + " | " + *text + "\n";
    out += std::string(gutter, ' ') + " | ";
    int column = 1;
    std::size_t byte = 0;
    // Blanks up to the range, keeping tabs so that the caret lines up.
    for (; byte < text->size() && column < where.column; ++byte) {
        if (is_continuation_byte((*text)[byte])) continue;
        out += (*text)[byte] == '\t' ? '\t' : ' ';
        ++column;
    }
    for (; column < where.column; ++column) out += ' ';
    int characters_left = 0;
    for (std::size_t b = byte; b < text->size(); ++b) characters_left += !is_continuation_byte((*text)[b]);
    int length = 1;
    if (where.end_line == where.line && where.end_column > where.column) length = where.end_column - where.column;
    else if (where.end_line > where.line) length = std::max(1, characters_left);
    out += '^';
    out += std::string(static_cast<std::size_t>(length - 1), '~');
    return out + "\n";
}

}  // namespace

std::string Diagnostic::to_string() const {
    std::string text = location_prefix(where) + severity_name(severity) + ": " + message;
    for (const DiagnosticNote& note : notes) text += "\n" + note_line(note);
    return text;
}

std::string format_diagnostics(const std::vector<Diagnostic>& diagnostics, const DiagnosticStyle& style) {
    SourceLines sources;
    std::string out;
    for (const Diagnostic& d : diagnostics) {
        out += location_prefix(d.where) + severity_name(d.severity) + ": " + d.message + "\n";
        if (style.excerpts) out += excerpt(d.where, sources);
        for (const DiagnosticNote& note : d.notes) {
            out += note_line(note) + "\n";
            if (style.excerpts) out += excerpt(note.where, sources);
        }
    }
    return out;
}

std::vector<Diagnostic> in_line_order(std::vector<Diagnostic> diagnostics) {
    std::map<std::string, std::size_t> file_rank;
    for (const Diagnostic& d : diagnostics) file_rank.emplace(d.where.file, file_rank.size());
    std::stable_sort(diagnostics.begin(), diagnostics.end(), [&](const Diagnostic& a, const Diagnostic& b) {
        return std::tuple(file_rank.at(a.where.file), a.where.line, a.where.column) <
               std::tuple(file_rank.at(b.where.file), b.where.line, b.where.column);
    });
    return diagnostics;
}

DiagnosticError::DiagnosticError(std::vector<Diagnostic> diagnostics)
    : std::runtime_error(join_messages(diagnostics)), diagnostics_(std::move(diagnostics)) {}

DiagnosticError::DiagnosticError(Diagnostic diagnostic)
    : DiagnosticError(std::vector<Diagnostic>{std::move(diagnostic)}) {}

void DiagnosticSink::report(Diagnostic diagnostic) { diagnostics_.push_back(std::move(diagnostic)); }

void DiagnosticSink::error(SourceLocation where, std::string message, std::vector<DiagnosticNote> notes) {
    report({Severity::error, std::move(where), std::move(message), std::move(notes)});
}

void DiagnosticSink::warning(SourceLocation where, std::string message, std::vector<DiagnosticNote> notes) {
    report({Severity::warning, std::move(where), std::move(message), std::move(notes)});
}

void DiagnosticSink::append(const std::vector<Diagnostic>& diagnostics) {
    diagnostics_.insert(diagnostics_.end(), diagnostics.begin(), diagnostics.end());
}

bool DiagnosticSink::has_errors() const {
    return std::any_of(diagnostics_.begin(), diagnostics_.end(),
                       [](const Diagnostic& d) { return d.severity == Severity::error; });
}

std::vector<Diagnostic> DiagnosticSink::warnings() const {
    std::vector<Diagnostic> found;
    for (const Diagnostic& d : diagnostics_)
        if (d.severity == Severity::warning) found.push_back(d);
    return in_line_order(std::move(found));
}

void DiagnosticSink::throw_if_errors() const {
    if (has_errors()) throw DiagnosticError(in_line_order(diagnostics_));
}

}  // namespace icc
