#include "intake/csv.h"

#include <unicode/utf8.h>

#include "support/atomic_file.h"
#include "support/diagnostic.h"

namespace icc::intake {

namespace {

bool valid_utf8(const std::string& text) {
    const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
    const auto length = static_cast<int32_t>(text.size());
    for (int32_t i = 0; i < length;) {
        UChar32 c;
        U8_NEXT(bytes, i, length, c);
        if (c < 0 || c == 0) return false;
    }
    return true;
}

}  // namespace

std::vector<CsvRecord> read_csv(const std::filesystem::path& path) {
    std::string text = read_file(path);
    const std::string name = path.string();
    if (text.starts_with("\xEF\xBB\xBF")) text.erase(0, 3);
    if (text.starts_with("PK\x03\x04") || !valid_utf8(text))
        throw DiagnosticError(Diagnostic{Severity::error, {name},
                                         "not a spreadsheet: a CSV questionnaire is UTF-8 text, and this file is not; "
                                         "expected the CSV layout of docs/intake.md, or the .xlsx questionnaire"});
    const std::size_t header_end = text.find('\n');
    const std::string header = text.substr(0, header_end);
    const char separator = header.find(';') != std::string::npos && header.find(',') == std::string::npos ? ';' : ',';

    std::vector<CsvRecord> records;
    CsvRecord record;
    CsvField field;
    int line = 1, column = 1;
    bool quoted = false, field_started = false;
    int quote_line = 0, quote_column = 0;
    const auto end_field = [&] {
        record.fields.push_back(std::move(field));
        field = CsvField{};
        field.column = column;
        field_started = false;
    };
    const auto end_record = [&] {
        end_field();
        records.push_back(std::move(record));
        record = CsvRecord{};
        record.line = line;
    };
    field.column = 1;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        const bool continuation = (static_cast<unsigned char>(c) & 0xC0) == 0x80;
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
                field.text += '"';
                ++i;
                column += 2;
                continue;
            }
            if (c == '"') {
                quoted = false;
            } else {
                field.text += c;
                if (c == '\n') {
                    ++line;
                    column = 0;
                }
            }
        } else if (c == '"' && !field_started) {
            quoted = field_started = true;
            quote_line = line;
            quote_column = column;
        } else if (c == separator) {
            ++column;
            end_field();
            continue;
        } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
            continue;
        } else if (c == '\n') {
            ++line;
            column = 1;
            end_record();
            continue;
        } else {
            field.text += c;
            field_started = true;
        }
        if (!continuation) ++column;
    }
    if (quoted)
        throw DiagnosticError(Diagnostic{Severity::error, {name, quote_line, quote_column},
                                         "a quoted field is never closed; expected a closing \""});
    if (!record.fields.empty() || !field.text.empty() || field_started) end_record();
    return records;
}

}  // namespace icc::intake
