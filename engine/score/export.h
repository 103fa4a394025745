#pragma once
// Machine-readable exports of a sample, for the public charts and for
// anyone who wants to check the figures: CSV (one row per city) and JSON
// (cities, averages, peer groups, progress). Figures are published figures
// (one decimal, '.' as decimal mark), dates ISO 8601, empty or null when a
// figure does not exist. Columns and fields: docs/scoring.md.
#include <map>
#include <optional>
#include <string>

#include "load/questionnaire.h"
#include "score/sample.h"

namespace icc {

// What an export may add to the figures: names in one language beside the
// ids (plain values, taken from the catalog by the caller), the one-city
// form, and CSV for spreadsheets.
struct ExportOptions {
    std::string lang;                                // the names' language; empty: no names
    std::map<std::string, std::string> area_names;   // area id -> name
    std::map<std::string, std::string> group_names;  // peer group id -> label
    // One city: its figures beside the sample's and its peer groups'
    // averages, one row (CSV) or entry (JSON) per area.
    std::optional<std::string> city;
    // CSV for a spreadsheet: a UTF-8 byte order mark, `decimal_mark` in
    // figures, and ';' between fields when the mark is ','.
    bool spreadsheet = false;
    std::string decimal_mark = ".";
};

std::string sample_csv(const Sample& sample, const Questionnaire& questionnaire, const ExportOptions& options = {});
std::string sample_json(const Sample& sample, const Questionnaire& questionnaire, const ExportOptions& options = {});

}  // namespace icc
