#pragma once
// Translations of free text: what a city, an expert or a practice's author
// wrote in one language, translated into others (docs/response-format.md,
// "Translations of free text").
//
// The translations of one file's free texts into one language sit in a file
// beside it, named after it with the language before the extension:
// `2024-06-12.en.toml` translates `2024-06-12.toml` into English. Its tables
// mirror the source file's; each translated text is a table
// { text = "...", source = "sha256:..." }, where `source` is the digest of the
// source text it was made from (free_text_digest), written by the tools.
// When the source text changes the digests differ and the translation is
// stale: the report quotes the source instead, with a note.
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "support/diagnostic.h"

namespace icc {

// One translation of one free text.
struct TextTranslation {
    std::string language;  // BCP 47, from the file's name
    std::string text;
    std::string source;    // the digest it records of the text it translates ("sha256:0123456789abcdef")
    std::string key;       // the source text's path: "answers.commitment.statement.comment"
    SourceLocation where;  // the entry's `source` value
    bool current = false;  // `source` is the digest of the source text as it is now
};
using Translations = std::vector<TextTranslation>;

// "sha256:" and the first 16 hex digits of the SHA-256 of the text's UTF-8
// bytes, as the translators' tools write it.
std::string free_text_digest(std::string_view text);

// A translation file's name: NAME.LANG.toml, where NAME.toml is its source.
bool is_translation_file(const std::filesystem::path& path);
// The language of a translation file ("en" of 2024-06-12.en.toml).
std::string translation_language(const std::filesystem::path& path);
// The translation files of `source` beside it (NAME.*.toml), in name order.
std::vector<std::filesystem::path> translation_files_of(const std::filesystem::path& source);

// One free text of a source file, as the translations address it.
struct FreeTextSlot {
    std::string key;       // "answers.commitment.statement.comment"
    std::string text;      // the source text as it is now
    Translations* translations = nullptr;  // where its translations go
};

// Reads every translation file of `source` into the slots' translations,
// each marked current or stale. A key that names no free text of the source,
// a malformed entry or digest, a text translated into its own language: an
// error at file:line:col in `sink`.
void read_translations(const std::filesystem::path& source, std::vector<FreeTextSlot>& slots, DiagnosticSink& sink);

// The stale translations among `translations`, one warning each (file, line,
// key, language), for `check` and `build`.
void warn_stale(const Translations& translations, const std::string& source_file, std::vector<Diagnostic>& out);

// A free text as a reader sees it.
struct QuotedText {
    enum class State {
        original,      // written in the reader's language (or of no stated language)
        translated,    // a current translation into the reader's language
        stale,         // the translation is out of date: the source is quoted
        untranslated,  // no translation into the reader's language: the source is quoted
    };
    std::string text;
    std::string language;  // the text's language; empty: the reader's
    State state = State::original;
};

// What to print of `text` (written in `text_language`, empty: unknown) for a
// reader of `reader_language`: its current translation, else the text itself.
QuotedText quote_free_text(const std::string& text, const std::string& text_language,
                           const Translations& translations, const std::string& reader_language);

}  // namespace icc
