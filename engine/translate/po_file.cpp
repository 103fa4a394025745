#include "translate/po_file.h"

#include <gettext-po.h>

#include <csetjmp>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <map>
#include <memory>

#include "support/atomic_file.h"
#include "support/handles.h"

namespace icc::translate {

namespace fs = std::filesystem;

namespace {

struct PoFileFree {
    void operator()(po_file_t file) const { po_file_free(file); }
};
using PoFile = std::unique_ptr<std::remove_pointer_t<po_file_t>, PoFileFree>;
struct PoIteratorFree {
    void operator()(po_message_iterator_t iterator) const { po_message_iterator_free(iterator); }
};
using PoIterator = std::unique_ptr<std::remove_pointer_t<po_message_iterator_t>, PoIteratorFree>;
struct MallocFree {
    void operator()(char* text) const { std::free(text); }
};

// libgettextpo reports problems through C callbacks without a user pointer,
// and must not be returned to after a fatal one: the callbacks find the run
// they report to through this thread's current run, and leave a fatal error
// by longjmp to the one frame (read_or_write) that holds no C++ object.
struct HandlerRun {
    std::string file;
    std::vector<Diagnostic> problems;
    std::jmp_buf fatal;
};
thread_local HandlerRun* current_run = nullptr;

void record(int severity, const char* filename, size_t lineno, const char* text) {
    if (!current_run || !text) return;
    std::string message = text;
    while (!message.empty() && message.back() == '\n') message.pop_back();
    SourceLocation where{filename ? std::string(filename) : current_run->file};
    if (filename && lineno != static_cast<size_t>(-1)) where.line = static_cast<int>(lineno);
    // The closing "found N fatal errors" adds nothing to the errors themselves.
    const bool summary = !filename && message.find("fatal error") != std::string::npos && !current_run->problems.empty();
    if (!summary)
        current_run->problems.push_back(
            {severity == PO_SEVERITY_WARNING ? Severity::warning : Severity::error, where, message, {}});
}

void on_xerror(int severity, po_message_t, const char* filename, size_t lineno, size_t, int, const char* text) {
    record(severity, filename, lineno, text);
    if (severity == PO_SEVERITY_FATAL_ERROR && current_run) std::longjmp(current_run->fatal, 1);
}

void on_xerror2(int severity, po_message_t, const char* filename1, size_t lineno1, size_t, int, const char* text1,
                po_message_t, const char* filename2, size_t lineno2, size_t, int, const char* text2) {
    record(severity == PO_SEVERITY_WARNING ? PO_SEVERITY_WARNING : PO_SEVERITY_ERROR, filename1, lineno1, text1);
    record(PO_SEVERITY_WARNING, filename2, lineno2, text2);
    if (severity == PO_SEVERITY_FATAL_ERROR && current_run) std::longjmp(current_run->fatal, 1);
}

const po_xerror_handler handler = {on_xerror, on_xerror2};

// The only frames between setjmp and a longjmp are libgettextpo's and the
// handlers': nothing with a destructor is skipped.
po_file_t read_or_write(HandlerRun& run, po_file_t to_write, const char* path) {
    current_run = &run;
    po_file_t result = nullptr;
    if (setjmp(run.fatal) == 0) result = to_write ? po_file_write(to_write, path, &handler) : po_file_read(path, &handler);
    current_run = nullptr;
    return result;
}

std::string header_text(const PoDocument& document) {
    return "Project-Id-Version: iccreport\n"
           "Language: " + document.language + "\n"
           "MIME-Version: 1.0\n"
           "Content-Type: text/plain; charset=UTF-8\n"
           "Content-Transfer-Encoding: 8bit\n"
           "X-Source-Language: " + document.source_language + "\n"
           "X-Message-Format: ICU MessageFormat\n";
}

void write_to(const fs::path& path, const PoDocument& document) {
    PoFile file(po_file_create());
    {
        PoIterator iterator(po_message_iterator(file.get(), nullptr));
        po_message_t header = po_message_create();
        po_message_set_msgid(header, "");
        po_message_set_msgstr(header, header_text(document).c_str());
        po_message_insert(iterator.get(), header);
        for (const PoEntry& entry : document.entries) {
            po_message_t message = po_message_create();
            po_message_set_msgctxt(message, entry.context.c_str());
            po_message_set_msgid(message, entry.source.c_str());
            po_message_set_msgstr(message, entry.translation.c_str());
            if (!entry.notes.empty()) po_message_set_extracted_comments(message, entry.notes.c_str());
            if (const auto colon = entry.reference.rfind(':'); colon != std::string::npos)
                po_message_add_filepos(message, entry.reference.substr(0, colon).c_str(),
                                       std::strtoul(entry.reference.c_str() + colon + 1, nullptr, 10));
            po_message_set_fuzzy(message, entry.fuzzy ? 1 : 0);
            po_message_insert(iterator.get(), message);
        }
    }
    HandlerRun run{path.string(), {}, {}};
    if (!read_or_write(run, file.get(), path.string().c_str()) || !run.problems.empty()) {
        if (run.problems.empty()) run.problems.push_back({Severity::error, {path.string()}, "cannot write the PO file", {}});
        throw DiagnosticError(run.problems);
    }
}

// A PO string's continuation: "text" on its own line.
bool string_line(const std::string& line) { return !line.empty() && line[0] == '"'; }

std::string unquote(const std::string& line) {
    const auto first = line.find('"');
    const auto last = line.rfind('"');
    if (first == std::string::npos || last <= first) return {};
    std::string out;
    for (std::size_t i = first + 1; i < last; ++i) {
        if (line[i] == '\\' && i + 1 < last) {
            const char c = line[++i];
            out += c == 'n' ? '\n' : c == 't' ? '\t' : c == 'r' ? '\r' : c;
        } else {
            out += line[i];
        }
    }
    return out;
}

struct EntryLines {
    int context = 0;
    int msgstr = 0;
};

// The lines of every entry's msgctxt and msgstr, by context (obsolete "#~" entries are not read).
std::map<std::string, EntryLines> entry_lines(const fs::path& path) {
    std::map<std::string, EntryLines> out;
    std::ifstream in(path, std::ios::binary);
    std::vector<std::string> lines;
    for (std::string line; std::getline(in, line);) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        lines.push_back(line);
    }
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (lines[i].rfind("msgctxt ", 0) != 0) continue;
        std::string context = unquote(lines[i]);
        std::size_t j = i + 1;
        while (j < lines.size() && string_line(lines[j])) context += unquote(lines[j++]);
        while (j < lines.size() && lines[j].rfind("msgstr", 0) != 0 && lines[j].rfind("msgctxt ", 0) != 0) ++j;
        EntryLines& at = out[context];
        at.context = static_cast<int>(i + 1);
        at.msgstr = j < lines.size() && lines[j].rfind("msgstr", 0) == 0 ? static_cast<int>(j + 1) : at.context;
    }
    return out;
}

std::string field(const char* header, const char* name) {
    if (!header) return {};
    const std::unique_ptr<char, MallocFree> value(po_header_field(header, name));
    return value ? std::string(value.get()) : std::string();
}

}  // namespace

void write_po(const fs::path& file, const PoDocument& document) {
    AtomicFile out(file);
    write_to(out.temp_path(), document);
    out.commit();
}

std::string po_text(const PoDocument& document) {
    const fs::path temp = fs::temp_directory_path() / ("iccreport-" + std::to_string(::getpid()) + ".po");
    struct Remove {
        fs::path path;
        ~Remove() {
            std::error_code ignored;
            fs::remove(path, ignored);
        }
    } remove{temp};
    write_to(temp, document);
    return read_file(temp);
}

PoDocument read_po(const fs::path& path) {
    if (!fs::exists(path))
        throw DiagnosticError(Diagnostic{Severity::error, {path.string()}, "no such file", {}});
    HandlerRun run{path.string(), {}, {}};
    PoFile file(read_or_write(run, nullptr, path.string().c_str()));
    bool errors = !file;
    for (const Diagnostic& d : run.problems) errors = errors || d.severity == Severity::error;
    if (errors) {
        if (run.problems.empty()) run.problems.push_back({Severity::error, {path.string()}, "cannot read the PO file", {}});
        throw DiagnosticError(in_line_order(run.problems));
    }
    PoDocument document;
    const char* header = po_file_domain_header(file.get(), nullptr);
    document.language = field(header, "Language");
    document.source_language = field(header, "X-Source-Language");
    const auto lines = entry_lines(path);
    PoIterator iterator(po_message_iterator(file.get(), nullptr));
    while (po_message_t message = po_next_message(iterator.get())) {
        if (po_message_is_obsolete(message)) continue;
        const char* msgid = po_message_msgid(message);
        const char* context = po_message_msgctxt(message);
        if (!context && msgid && !*msgid) continue;  // the header
        PoEntry entry;
        entry.context = context ? context : "";
        entry.source = msgid ? msgid : "";
        entry.translation = po_message_msgstr(message) ? po_message_msgstr(message) : "";
        entry.fuzzy = po_message_is_fuzzy(message) != 0;
        if (const char* notes = po_message_extracted_comments(message)) entry.notes = notes;
        if (const auto it = lines.find(entry.context); context && it != lines.end()) {
            entry.line = it->second.msgstr;
            entry.context_line = it->second.context;
        }
        document.entries.push_back(std::move(entry));
    }
    return document;
}

}  // namespace icc::translate
