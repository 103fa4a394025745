#include "intake/workbook.h"

#include <zip.h>

#include <pugixml.hpp>

#include <memory>

#include "support/diagnostic.h"

namespace icc::intake {

namespace {

struct ZipClose {
    void operator()(zip_t* archive) const { if (archive) zip_discard(archive); }
};
using ZipPtr = std::unique_ptr<zip_t, ZipClose>;
struct ZipFileClose {
    void operator()(zip_file_t* file) const { if (file) zip_fclose(file); }
};
using ZipFilePtr = std::unique_ptr<zip_file_t, ZipFileClose>;

[[noreturn]] void refuse(const std::filesystem::path& path, const std::string& message) {
    throw DiagnosticError(Diagnostic{Severity::error, {path.string()}, message});
}

class XlsxReader {
public:
    explicit XlsxReader(std::filesystem::path path) : path_(std::move(path)) {
        int error = 0;
        archive_.reset(zip_open(path_.c_str(), ZIP_RDONLY, &error));
        if (!archive_) {
            if (error == ZIP_ER_NOENT || error == ZIP_ER_OPEN || error == ZIP_ER_READ)
                refuse(path_, "cannot read the file");
            refuse(path_, "not a spreadsheet: an XLSX workbook is a zip archive, and this file is none; expected the "
                          "questionnaire saved as Excel 2007-365 (.xlsx), or a CSV file (.csv)");
        }
    }

    Workbook read() {
        const auto workbook_xml = part("xl/workbook.xml");
        if (!workbook_xml)
            refuse(path_, "not a spreadsheet: the zip archive has no xl/workbook.xml; expected an XLSX workbook");
        const pugi::xml_document workbook = parse(*workbook_xml, "xl/workbook.xml");
        const pugi::xml_document relations = parse(part("xl/_rels/workbook.xml.rels").value_or(""), "xl/_rels/workbook.xml.rels");
        std::map<std::string, std::string> targets;
        for (const pugi::xml_node relation : relations.child("Relationships").children("Relationship"))
            targets[relation.attribute("Id").value()] = relation.attribute("Target").value();
        read_shared_strings();

        Workbook result;
        for (const pugi::xml_node node : workbook.child("workbook").child("sheets").children("sheet")) {
            Sheet sheet;
            sheet.name = node.attribute("name").value();
            const std::string state = node.attribute("state").value();
            sheet.hidden = state == "hidden" || state == "veryHidden";
            std::string target = targets[node.attribute("r:id").value()];
            // Targets are relative to xl/, or absolute within the package.
            target = target.starts_with("/") ? target.substr(1) : "xl/" + target;
            if (const auto xml = part(target)) read_sheet(parse(*xml, target), sheet);
            result.sheets.push_back(std::move(sheet));
        }
        return result;
    }

private:
    std::optional<std::string> part(const std::string& name) {
        zip_stat_t stat;
        zip_stat_init(&stat);
        if (zip_stat(archive_.get(), name.c_str(), 0, &stat) != 0) return std::nullopt;
        ZipFilePtr file(zip_fopen(archive_.get(), name.c_str(), 0));
        if (!file) refuse(path_, "cannot read " + name + " in the workbook: " + zip_strerror(archive_.get()));
        std::string content(stat.size, '\0');
        if (zip_fread(file.get(), content.data(), stat.size) != static_cast<zip_int64_t>(stat.size))
            refuse(path_, "cannot read " + name + " in the workbook: the archive is damaged");
        return content;
    }

    pugi::xml_document parse(const std::string& xml, const std::string& name) {
        pugi::xml_document document;
        const pugi::xml_parse_result parsed = document.load_buffer(xml.data(), xml.size());
        if (!parsed)
            refuse(path_, "not a readable workbook: " + name + " is not well-formed XML (" + parsed.description() +
                              " at byte " + std::to_string(parsed.offset) + ")");
        return document;
    }

    // A string item is plain (<t>) or rich text (runs of <r><t>); its text is every <t> in order.
    static std::string item_text(const pugi::xml_node item) {
        if (const pugi::xml_node t = item.child("t")) return t.text().get();
        std::string text;
        for (const pugi::xml_node run : item.children("r")) text += run.child("t").text().get();
        return text;
    }

    void read_shared_strings() {
        const auto xml = part("xl/sharedStrings.xml");
        if (!xml) return;
        const pugi::xml_document document = parse(*xml, "xl/sharedStrings.xml");
        for (const pugi::xml_node item : document.child("sst").children("si")) shared_.push_back(item_text(item));
    }

    void read_sheet(const pugi::xml_document& document, Sheet& sheet) {
        const pugi::xml_node root = document.child("worksheet");
        for (const pugi::xml_node row : root.child("sheetData").children("row"))
            for (const pugi::xml_node c : row.children("c")) {
                const auto place = parse_cell_name(c.attribute("r").value());
                if (!place) continue;
                const std::string type = c.attribute("t").value();
                Cell cell;
                if (type == "s") {
                    const auto index = static_cast<std::size_t>(c.child("v").text().as_ullong());
                    if (index < shared_.size()) cell.text = shared_[index];
                } else if (type == "inlineStr") {
                    cell.text = item_text(c.child("is"));
                } else if (type == "str" || type == "e") {
                    cell.text = c.child("v").text().get();
                } else if (type == "b") {
                    cell.text = c.child("v").text().as_int() ? "TRUE" : "FALSE";
                } else {
                    if (!c.child("v")) continue;  // a formatted empty cell
                    cell.text = c.child("v").text().get();
                    cell.number = true;
                }
                sheet.cells[*place] = std::move(cell);
            }
        sheet.is_protected = root.child("sheetProtection").attribute("sheet").as_bool();
        for (const pugi::xml_node validation : root.child("dataValidations").children("dataValidation"))
            if (std::string(validation.attribute("type").value()) == "list")
                sheet.list_validations[validation.attribute("sqref").value()] = validation.child("formula1").text().get();
    }

    static std::optional<std::pair<int, int>> parse_cell_name(std::string_view name) {
        int column = 0, row = 0;
        std::size_t i = 0;
        for (; i < name.size() && name[i] >= 'A' && name[i] <= 'Z'; ++i) column = column * 26 + (name[i] - 'A' + 1);
        const std::size_t letters = i;
        for (; i < name.size() && name[i] >= '0' && name[i] <= '9'; ++i) row = row * 10 + (name[i] - '0');
        if (letters == 0 || i == letters || i != name.size()) return std::nullopt;
        return std::make_pair(row - 1, column - 1);
    }

    std::filesystem::path path_;
    ZipPtr archive_;
    std::vector<std::string> shared_;
};

}  // namespace

const Cell* Sheet::find(int row, int column) const {
    const auto it = cells.find({row, column});
    return it == cells.end() ? nullptr : &it->second;
}

int Sheet::last_row() const { return cells.empty() ? -1 : cells.rbegin()->first.first; }

const Sheet* Workbook::find(std::string_view name) const {
    for (const Sheet& sheet : sheets)
        if (sheet.name == name) return &sheet;
    return nullptr;
}

std::string cell_name(int row, int column) {
    std::string letters;
    for (int n = column + 1; n > 0; n = (n - 1) / 26) letters.insert(letters.begin(), static_cast<char>('A' + (n - 1) % 26));
    return letters + std::to_string(row + 1);
}

std::string cell_place(const std::string& file, const std::string& sheet, int row, int column) {
    const bool quote = sheet.find_first_of(" -'!") != std::string::npos;
    return file + ":" + (quote ? "'" + sheet + "'" : sheet) + "!" + cell_name(row, column);
}

Workbook read_xlsx(const std::filesystem::path& path) { return XlsxReader(path).read(); }

}  // namespace icc::intake
