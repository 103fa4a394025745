#pragma once
// Gettext PO files, read and written with GNU gettext's libgettextpo (Debian
// libgettextpo-dev) rather than by hand: PO editors (Poedit, Lokalize,
// Weblate) write what that library reads. One entry per message: its key as
// msgctxt, the source text as msgid, the translation as msgstr.
//
// libgettextpo does not say on which line of the file an entry is; the line
// of each entry's msgctxt and msgstr is found by scanning the file's lines for
// the keywords (the content itself always comes from the library), so that
// every problem names FILE.po:LINE.
#include <filesystem>
#include <string>
#include <vector>

#include "support/diagnostic.h"

namespace icc::translate {

struct PoEntry {
    std::string context;         // msgctxt: the message's key
    std::string source;          // msgid: the source language's text
    std::string translation;     // msgstr: "" when untranslated
    bool fuzzy = false;          // "#, fuzzy": to be reviewed, not used as it is
    std::string notes;           // "#." extracted comments, for the translator (lines joined with \n)
    std::string reference;       // "#:" where the source is: "locales/en.toml:27"
    int line = 0;                // the msgstr line (read files only)
    int context_line = 0;        // the msgctxt line (read files only)
};

struct PoDocument {
    std::string language;         // the header's Language field: "fr"
    std::string source_language;  // X-Source-Language: "en"
    std::vector<PoEntry> entries;
};

// Writes the document atomically (support/atomic_file.h).
void write_po(const std::filesystem::path& file, const PoDocument& document);
// The PO text the file would hold (for standard output).
std::string po_text(const PoDocument& document);

// Reads a PO file. Throws DiagnosticError with every problem libgettextpo
// reports (syntax), each at FILE:LINE.
PoDocument read_po(const std::filesystem::path& file);

}  // namespace icc::translate
