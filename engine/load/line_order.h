#pragma once
// Throwing a loader's diagnostics in the order of the file's lines: TOML
// tables are visited in key order, a reader fixes a file from top to bottom.
#include <algorithm>
#include <tuple>
#include <vector>

#include "support/diagnostic.h"

namespace icc {

// Throws DiagnosticError with the sink's diagnostics sorted by file, line and
// column (stable for equal positions) if any of them is an error.
inline void throw_errors_in_line_order(const DiagnosticSink& sink) {
    if (!sink.has_errors()) return;
    std::vector<Diagnostic> sorted = sink.all();
    std::stable_sort(sorted.begin(), sorted.end(), [](const Diagnostic& a, const Diagnostic& b) {
        return std::tie(a.where.file, a.where.line, a.where.column) < std::tie(b.where.file, b.where.line, b.where.column);
    });
    throw DiagnosticError(std::move(sorted));
}

}  // namespace icc
