#pragma once
// CSV as RFC 4180 writes it (quoted fields, "" inside quotes, line breaks
// inside quoted fields), UTF-8, with a comma or, as spreadsheets set to a
// decimal-comma locale save it, a semicolon between fields: the separator is
// the header line's.
#include <filesystem>
#include <string>
#include <vector>

namespace icc::intake {

struct CsvField {
    std::string text;
    int column = 1;  // 1-based, in characters, where the field starts
};

struct CsvRecord {
    int line = 1;  // where the record starts
    std::vector<CsvField> fields;
};

// Throws DiagnosticError naming the file (and line) when it is not UTF-8
// text or a quoted field is never closed.
std::vector<CsvRecord> read_csv(const std::filesystem::path& path);

}  // namespace icc::intake
