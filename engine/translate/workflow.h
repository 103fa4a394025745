#pragma once
// The translators' workflow (docs/translating.md): a locale out to a gettext
// PO file for a PO editor, and the edited file back into the locale.
//
// Export: one entry per message of the source language, in the source file's
// order: msgctxt = key, msgid = source text, msgstr = the translation ("" when
// absent or still the source's text), a translator's note (#.) saying where
// the message appears and what each placeholder stands for
// (templates/translation_notes.toml) and how its plural forms are written,
// and "#, fuzzy" when the translation is stale: made from another source text
// than today's.
//
// Staleness: locales/sources/<lang>.toml records, for each translated key, a
// digest of the source text its translation was made from (written by
// import and by `translate mark-current`). A translation whose recorded
// digest is not today's source's is stale; one without a record is taken as
// current (it predates the record).
//
// Import: every entry validated (a known key, ICU syntax, placeholders and
// select choices identical to the source's, plural categories complete for
// the language, the language's typography), every problem at FILE.po:LINE
// naming the entry; nothing is written when any is an error. Otherwise each
// changed value is replaced in the locale file where it stands, every other
// byte kept (comments, order, formatting), and the source digests recorded.
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "support/data_root.h"
#include "support/diagnostic.h"
#include "translate/po_file.h"

namespace icc::translate {

// locales/sources/<lang>.toml: key -> digest of the source text.
using SourceDigests = std::map<std::string, std::string>;
std::filesystem::path source_digests_file(const DataRoot& data, const std::string& lang);
SourceDigests read_source_digests(const DataRoot& data, const std::string& lang);
// 16 hex digits of the SHA-256 of the text.
std::string source_digest(std::string_view source_text);

// The PO document of a language (through the registry: "fr-CA" is fr).
PoDocument export_language(const DataRoot& data, std::string_view lang);

struct ImportResult {
    std::string lang;
    std::filesystem::path locale_file;
    std::vector<std::string> changed;   // keys whose value was replaced or added
    std::size_t unchanged = 0;          // entries equal to the locale's value
    std::size_t skipped_fuzzy = 0;      // fuzzy entries (not imported, as gettext does)
    std::size_t skipped_empty = 0;      // untranslated entries
    std::vector<Diagnostic> warnings;
};

// Validates and imports `po_file` into the locale `lang` (empty: the file's
// Language header). Throws DiagnosticError with every problem if any is an
// error; then nothing is written.
ImportResult import_po(const DataRoot& data, const std::filesystem::path& po_file, std::string_view lang = {});

// Records today's source digests of `keys` (every translated key when empty)
// for a translation checked by hand. Returns the keys recorded.
std::vector<std::string> mark_current(const DataRoot& data, std::string_view lang, const std::vector<std::string>& keys);

}  // namespace icc::translate
