#pragma once
// A spreadsheet as the importer reads it: sheets of cells, each cell's text as
// stored (numbers in the file's own decimal notation, so nothing is rounded
// on the way), read from an XLSX file (a zip archive of XML parts, through
// libzip and pugixml) or from a CSV file.
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace icc::intake {

struct Cell {
    std::string text;     // a string's text, or a number as written in the file ("12.5", "84300")
    bool number = false;  // stored as a number (not a string)
};

struct Sheet {
    std::string name;
    bool hidden = false;
    bool is_protected = false;  // sheet protection on (cells locked unless their style unlocks them)
    std::map<std::pair<int, int>, Cell> cells;  // (row, column), 0-based
    std::map<std::string, std::string> list_validations;  // cell range ("D3") -> list formula

    [[nodiscard]] const Cell* find(int row, int column) const;
    // The last row that has a cell, or -1.
    [[nodiscard]] int last_row() const;
};

struct Workbook {
    std::vector<Sheet> sheets;  // in the workbook's order
    [[nodiscard]] const Sheet* find(std::string_view name) const;
};

// "D7" for (6, 3).
std::string cell_name(int row, int column);
// How a diagnostic names a cell: FILE:Sheet!D7 (the sheet quoted when it has spaces).
std::string cell_place(const std::string& file, const std::string& sheet, int row, int column);

// Reads an XLSX workbook. Throws DiagnosticError naming the file when it is
// not a zip archive, not a workbook, or a part cannot be parsed.
Workbook read_xlsx(const std::filesystem::path& path);

}  // namespace icc::intake
