#include "load/free_text.h"

#include <algorithm>

#include "load/edition.h"
#include "support/hash.h"
#include "support/toml_reader.h"
#include "support/wording.h"

namespace icc {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view digest_prefix = "sha256:";
constexpr std::size_t digest_digits = 16;

bool looks_like_digest(const std::string& digest) {
    if (digest.size() != digest_prefix.size() + digest_digits || digest.rfind(digest_prefix, 0) != 0) return false;
    return std::all_of(digest.begin() + static_cast<std::ptrdiff_t>(digest_prefix.size()), digest.end(),
                       [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

class TranslationReader {
public:
    TranslationReader(std::string language, std::string source_name, std::vector<FreeTextSlot>& slots)
        : language_(std::move(language)), source_name_(std::move(source_name)), slots_(slots) {
        for (const FreeTextSlot& slot : slots_) keys_.push_back(slot.key);
    }

    // A table of the mirror of the source file: translated texts, or tables of them.
    void walk(TableReader& table, const std::string& path) {
        for (const TomlValue& value : table.other_entries()) {
            const std::string key = path.empty() ? value.key() : path + "." + value.key();
            const toml::table* sub = value.node()->as_table();
            if (!sub) {
                value.error("expected a translated text { text = \"...\", source = \"sha256:...\" } or a table of "
                            "them, found " + value.found_with_type());
                continue;
            }
            std::optional<TableReader> inner = value.table();
            if (!inner) continue;
            const toml::node* text = sub->get("text");
            if (sub->contains("source") || (text && text->is_string())) entry(*inner, value, key);
            else walk(*inner, key);
        }
    }

private:
    void entry(TableReader& table, const TomlValue& value, const std::string& key) {
        TextTranslation translation;
        translation.language = language_;
        translation.key = key;
        translation.text = table.required<std::string>("text").value_or("");
        const TomlValue source = table["source"];
        translation.where = source ? source.where() : table.where();
        translation.source =
            source.required<std::string>({.what = "the digest of the source text, \"sha256:\" and 16 hex digits "
                                                  "(written by scripts/free-text-translations.py)",
                                          .valid = looks_like_digest})
                .value_or("");
        auto slot = std::find_if(slots_.begin(), slots_.end(), [&](const FreeTextSlot& s) { return s.key == key; });
        if (slot == slots_.end()) {
            std::vector<DiagnosticNote> notes;
            if (std::string near = closest_match(key, keys_); !near.empty())
                notes.push_back({NoteKind::help, "did you mean " + in_quotes(near) + "?", {}});
            value.error("no free text " + in_quotes(key) + " in " + source_name_ +
                                  "; expected the path of one of its comments or free texts "
                                  "(answers.<area>.<question>.comment, city.<fact>.comment, ... .answer)",
                       std::move(notes));
            return;
        }
        if (std::any_of(slot->translations->begin(), slot->translations->end(),
                        [&](const TextTranslation& t) { return t.language == language_; })) {
            value.error("translated twice into " + in_quotes(language_) + "; expected one translation per text");
            return;
        }
        if (translation.text.empty() || translation.source.empty()) return;
        translation.current = translation.source == free_text_digest(slot->text);
        slot->translations->push_back(std::move(translation));
    }

    std::string language_;
    std::string source_name_;
    std::vector<FreeTextSlot>& slots_;
    std::vector<std::string> keys_;
};

}  // namespace

std::string free_text_digest(std::string_view text) {
    return std::string(digest_prefix) + sha256_hex(text).substr(0, digest_digits);
}

bool is_translation_file(const fs::path& path) {
    if (path.extension() != ".toml") return false;
    const fs::path inner = path.stem().extension();  // ".en" of 2024-06-12.en.toml
    return inner.string().size() > 1 && looks_like_language_tag(inner.string().substr(1));
}

std::string translation_language(const fs::path& path) { return path.stem().extension().string().substr(1); }

std::vector<fs::path> translation_files_of(const fs::path& source) {
    std::vector<fs::path> files;
    std::error_code error;
    const fs::path folder = source.has_parent_path() ? source.parent_path() : fs::path(".");
    const std::string stem = source.stem().string();
    for (fs::directory_iterator it(folder, error), end; it != end && !error; it.increment(error)) {
        const fs::path& path = it->path();
        if (is_translation_file(path) && path.stem().stem().string() == stem && it->is_regular_file())
            files.push_back(path);
    }
    std::sort(files.begin(), files.end());
    return files;
}

void read_translations(const fs::path& source, std::vector<FreeTextSlot>& slots, DiagnosticSink& sink) {
    for (const fs::path& file : translation_files_of(source)) {
        const std::optional<TomlDocument> document = TomlDocument::read(file, sink);
        if (!document) continue;
        TableReader root = document->root(sink);
        TranslationReader(translation_language(file), source.filename().string(), slots).walk(root, "");
    }
}

void warn_stale(const Translations& translations, const std::string& source_file, std::vector<Diagnostic>& out) {
    for (const TextTranslation& translation : translations)
        if (!translation.current)
            out.push_back(Diagnostic{
                Severity::warning, translation.where,
                translation.key + ": the " + in_quotes(translation.language) +
                    " translation is out of date: the text of " + fs::path(source_file).filename().string() +
                    " changed after it was translated (" + translation.source +
                    " recorded); reports quote the source text until the translation is updated and its "
                    "source digest rewritten"});
}

QuotedText quote_free_text(const std::string& text, const std::string& text_language, const Translations& translations,
                           const std::string& reader_language) {
    if (text_language.empty() || primary_language(text_language) == primary_language(reader_language))
        return {text, {}, QuotedText::State::original};
    const auto translation = std::find_if(translations.begin(), translations.end(), [&](const TextTranslation& t) {
        return primary_language(t.language) == primary_language(reader_language);
    });
    if (translation == translations.end()) return {text, text_language, QuotedText::State::untranslated};
    if (!translation->current) return {text, text_language, QuotedText::State::stale};
    return {translation->text, {}, QuotedText::State::translated};
}

}  // namespace icc
