#include "translate/workflow.h"

#include <algorithm>
#include <set>
#include <sstream>

#include "support/atomic_file.h"
#include "support/hash.h"
#include "support/language.h"
#include "support/locale.h"
#include "support/message_shape.h"
#include "support/toml_reader.h"
#include "support/toml_text.h"
#include "support/wording.h"
#include "translate/audit.h"

namespace icc::translate {

namespace fs = std::filesystem;

fs::path source_digests_file(const DataRoot& data, const std::string& lang) {
    return data.locales() / "sources" / (lang + ".toml");
}

std::string source_digest(std::string_view source_text) { return sha256_hex(source_text).substr(0, 16); }

SourceDigests read_source_digests(const DataRoot& data, const std::string& lang) {
    SourceDigests digests;
    const fs::path file = source_digests_file(data, lang);
    if (!fs::exists(file)) return digests;
    DiagnosticSink sink;
    if (const auto document = TomlDocument::read(file, sink)) {
        TableReader root = document->root(sink);
        if (auto sources = root.required_table("sources"))
            for (const TomlValue& value : sources->other_entries())
                if (auto digest = value.required<std::string>()) digests.emplace(value.key(), *digest);
    }
    sink.throw_if_errors();
    return digests;
}

namespace {

void write_source_digests(const DataRoot& data, const std::string& lang, const std::string& source_lang,
                          const SourceDigests& digests) {
    std::ostringstream out;
    out << "# Which " << source_lang << " text each message of locales/" << lang
        << ".toml was translated from: the first\n"
           "# 16 hex digits of the SHA-256 of the source message. Written by `iccreport translate import`\n"
           "# and `iccreport translate mark-current` (docs/translating.md), not by hand. A translation\n"
           "# whose digest is not its source's is stale: `check` says so, `translate export` marks it fuzzy.\n"
           "[sources]\n";
    for (const auto& [key, digest] : digests) out << toml_basic_string(key) << " = \"" << digest << "\"\n";
    const fs::path file = source_digests_file(data, lang);
    fs::create_directories(file.parent_path());
    write_file_atomically(file, out.str());
}

// The section notes and placeholder descriptions of templates/translation_notes.toml.
struct TranslationNotes {
    std::map<std::string, std::string> sections;
    std::map<std::string, std::string> placeholders;

    static TranslationNotes load(const DataRoot& data) {
        TranslationNotes notes;
        DiagnosticSink sink;
        if (const auto document = TomlDocument::read(data.templates() / "translation_notes.toml", sink)) {
            TableReader root = document->root(sink);
            for (auto [name, into] : {std::pair{"sections", &notes.sections}, std::pair{"placeholders", &notes.placeholders}})
                if (auto table = root.required_table(name))
                    for (const TomlValue& value : table->other_entries())
                        if (auto text = value.required<std::string>()) into->emplace(value.key(), *text);
        }
        sink.throw_if_errors();
        return notes;
    }

    [[nodiscard]] std::string section_of(const std::string& key) const {
        for (std::string prefix = key; !prefix.empty();) {
            const auto dot = prefix.rfind('.');
            if (dot == std::string::npos) break;
            prefix.resize(dot);
            if (auto it = sections.find(prefix); it != sections.end()) return it->second + " (" + prefix + ")";
        }
        return {};
    }
};

std::string joined(const std::set<std::string>& items) {
    std::string out;
    for (const std::string& item : items) out += (out.empty() ? "" : ", ") + item;
    return out;
}

std::string translator_notes(const std::string& key, const std::string& source, const TranslationNotes& notes,
                             const Language& language) {
    std::string out;
    auto line = [&](const std::string& text) { out += (out.empty() ? "" : "\n") + text; };
    if (std::string section = notes.section_of(key); !section.empty()) line("Where: " + section + ".");
    const MessageShape shape = analyse_message(source);
    for (const std::string& name : shape.argument_names()) {
        const auto it = notes.placeholders.find(name);
        line("{" + name + "}: " + (it != notes.placeholders.end() ? it->second : "a value the engine inserts") + ".");
    }
    std::set<std::string> plural_arguments, ordinal_arguments;
    std::map<std::string, std::set<std::string>> selects;
    for (const MessagePluralChoice& choice : shape.plurals) {
        if (choice.select) selects[choice.argument].insert(choice.categories.begin(), choice.categories.end());
        else (choice.ordinal ? ordinal_arguments : plural_arguments).insert(choice.argument);
    }
    for (const std::string& name : plural_arguments)
        line("Plural: {" + name + ", plural, ...} needs a form for each of " +
             joined(required_plural_categories(language.icu_locale, false)) + " in " + language.english_name +
             " (CLDR); # stands for the number; =0 {...} is optional.");
    for (const std::string& name : ordinal_arguments)
        line("Ordinal: {" + name + ", selectordinal, ...} needs a form for each of " +
             joined(required_plural_categories(language.icu_locale, true)) + " in " + language.english_name +
             "; # stands for the number.");
    for (const auto& [name, choices] : selects)
        line("Choice: in {" + name + ", select, ...} keep the words " + joined(choices) +
             " as they are; translate the text in braces.");
    if (!shape.plurals.empty() || source.find('\'') != std::string::npos)
        line("ICU MessageFormat: keep the braces; a literal apostrophe next to a brace is written ''.");
    return out;
}

// The source catalogue's keys in the order of its file.
std::vector<std::string> keys_in_file_order(const Catalog& catalog) {
    std::vector<std::string> keys = catalog.keys();
    std::stable_sort(keys.begin(), keys.end(), [&](const std::string& a, const std::string& b) {
        const SourceLocation la = catalog.location(a), lb = catalog.location(b);
        return std::pair(la.line, la.column) < std::pair(lb.line, lb.column);
    });
    return keys;
}

bool is_bare_key(std::string_view key) {
    return !key.empty() && std::all_of(key.begin(), key.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-';
    });
}

// A regional variant (meta.extends) takes its messages from its base
// language: translators work on the base, and the variant's file holds, by
// hand, only the few messages that differ. Exporting or importing the
// variant as a whole would copy every base message into it.
void refuse_variant(const Language& language, std::string_view what, const std::string& where) {
    if (language.extends.empty()) return;
    throw DiagnosticError(Diagnostic{
        Severity::error, {where},
        "cannot " + std::string(what) + " " + language.tag + ": it is a regional variant of " + language.extends +
            " (meta.extends), whose messages it takes",
        {{NoteKind::help,
          "translate " + language.extends + " (iccreport translate export --lang " + language.extends +
              "), and write in locales/" + language.tag + ".toml only the messages that differ",
          {}}}});
}

}  // namespace

PoDocument export_language(const DataRoot& data, std::string_view lang) {
    const LanguageRegistry registry = LanguageRegistry::load(data);
    const Language& language = registry.resolve(lang);
    refuse_variant(language, "export", "--lang");
    const Language& source_language = registry.source();
    const Catalog source = Catalog::load_file(data.locales() / (source_language.tag + ".toml"), source_language.tag);
    const Catalog translation = Catalog::load_file(data.locales() / (language.tag + ".toml"), language.tag);
    const TranslationNotes notes = TranslationNotes::load(data);
    const SourceDigests digests = read_source_digests(data, language.tag);

    PoDocument document;
    document.language = language.tag;
    document.source_language = source_language.tag;
    for (const std::string& key : keys_in_file_order(source)) {
        PoEntry entry;
        entry.context = key;
        entry.source = source.text(key);
        entry.reference = "locales/" + source_language.tag + ".toml:" + std::to_string(source.location(key).line);
        entry.notes = translator_notes(key, entry.source, notes, language);
        if (translation.has(key) && !untranslated_copy(key, entry.source, translation.text(key), language)) {
            entry.translation = translation.text(key);
            const auto recorded = digests.find(key);
            if (recorded != digests.end() && recorded->second != source_digest(entry.source)) {
                entry.fuzzy = true;
                entry.notes += "\nStale: the " + source_language.english_name +
                               " text changed after this translation was made; review it and remove the fuzzy flag.";
            }
        }
        document.entries.push_back(std::move(entry));
    }
    return document;
}

ImportResult import_po(const DataRoot& data, const fs::path& po_file, std::string_view lang) {
    const PoDocument document = read_po(po_file);
    const LanguageRegistry registry = LanguageRegistry::load(data);
    if (lang.empty() && document.language.empty())
        throw DiagnosticError(Diagnostic{Severity::error, {po_file.string()},
                                         "the file's header has no Language field; say which language with --lang", {}});
    const Language& language = registry.resolve(lang.empty() ? std::string_view(document.language) : lang);
    refuse_variant(language, "import into", po_file.string());
    const Language& source_language = registry.source();
    if (language.tag == source_language.tag)
        throw DiagnosticError(Diagnostic{Severity::error, {po_file.string()},
                                         "the source language (" + language.tag + ") is written in its locale file, "
                                         "not imported",
                                         {}});
    const Catalog source = Catalog::load_file(data.locales() / (source_language.tag + ".toml"), source_language.tag);
    ImportResult result;
    result.lang = language.tag;
    result.locale_file = data.locales() / (language.tag + ".toml");
    const Catalog translation = Catalog::load_file(result.locale_file, language.tag);
    SourceDigests digests = read_source_digests(data, language.tag);
    const std::vector<std::string> source_keys = keys_in_file_order(source);

    DiagnosticSink sink;
    std::map<std::string, std::string> new_values;  // key -> translation, for values that change
    std::map<std::string, std::string> new_digests;
    std::set<std::string> seen;
    for (const PoEntry& entry : document.entries) {
        const SourceLocation at{po_file.string(), entry.line ? entry.line : entry.context_line};
        const std::string name = "entry '" + entry.context + "'";
        if (entry.context.empty()) {
            sink.error(at, "an entry without msgctxt (the message's key), msgid \"" + entry.source.substr(0, 40) + "\"");
            continue;
        }
        if (!source.has(entry.context)) {
            const std::string suggestion = closest_match(entry.context, source_keys);
            sink.error(at, name + ": the source language has no such message",
                       suggestion.empty() ? std::vector<DiagnosticNote>{}
                                          : std::vector<DiagnosticNote>{{NoteKind::help, "did you mean '" + suggestion + "'?", {}}});
            continue;
        }
        seen.insert(entry.context);
        if (entry.fuzzy) {
            ++result.skipped_fuzzy;
            continue;
        }
        if (entry.translation.empty()) {
            ++result.skipped_empty;
            continue;
        }
        const std::string& today = source.text(entry.context);
        if (entry.source != today)
            sink.warning(at, name + ": the " + source_language.english_name +
                                 " text has changed since this file was exported; imported, and stale until reviewed");
        const bool changes = !translation.has(entry.context) || translation.text(entry.context) != entry.translation;
        // The language's typography is asked of new text; what the locale already says was checked when it was written.
        for (Diagnostic& d : audit_message(entry.context, today, entry.translation, language, "", at, changes)) {
            if (d.message.rfind("key '", 0) == 0) d.message.replace(0, 3, "entry");
            sink.report(std::move(d));
        }
        if (untranslated_copy(entry.context, today, entry.translation, language))
            sink.warning(at, name + ": the translation is the " + source_language.english_name +
                                 " text; `check` counts it as untranslated unless meta.same_as_source lists it");
        if (changes) new_values.emplace(entry.context, entry.translation);
        else ++result.unchanged;
        new_digests[entry.context] = source_digest(entry.source);
    }
    sink.throw_if_errors();
    result.warnings = sink.warnings();

    if (!new_values.empty()) {
        // Replaced where they stand, last first so that earlier offsets hold.
        const std::string file_text = read_file(result.locale_file);
        struct Edit {
            std::size_t begin, end;
            std::string text;
        };
        std::vector<Edit> edits;
        DiagnosticSink placing;
        for (const auto& [key, value] : new_values) {
            if (translation.has(key)) {
                const auto literal = TomlStringText::locate(file_text, translation.location(key));
                if (!literal) throw InternalError("translate import: no string literal at the place of '" + key + "'");
                edits.push_back({literal->begin_byte(), literal->end_byte(), toml_basic_string(value)});
                continue;
            }
            // A key the locale lacks goes after the last key of its table the locale has, written the same way.
            const std::string parent = key.substr(0, key.rfind('.'));
            const std::string leaf = key.substr(key.rfind('.') + 1);
            std::optional<std::string> sibling;
            for (const std::string& other : keys_in_file_order(translation))
                if (other.rfind(parent + ".", 0) == 0 && other.find('.', parent.size() + 1) == std::string::npos)
                    sibling = other;
            if (!sibling) {
                placing.error({po_file.string()}, "entry '" + key + "': " + result.locale_file.string() +
                                                      " has no table [" + parent + "] to add it to; add the table first");
                continue;
            }
            const SourceLocation where = translation.location(*sibling);
            const auto literal = TomlStringText::locate(file_text, where);
            if (!literal) throw InternalError("translate import: no string literal at the place of '" + *sibling + "'");
            const std::size_t line_start = file_text.rfind('\n', literal->begin_byte()) + 1;
            std::string written_key = file_text.substr(line_start, file_text.find('=', line_start) - line_start);
            while (!written_key.empty() && written_key.back() == ' ') written_key.pop_back();
            const std::string sibling_leaf = sibling->substr(sibling->rfind('.') + 1);
            if (written_key.size() < sibling_leaf.size() ||
                written_key.compare(written_key.size() - sibling_leaf.size(), sibling_leaf.size(), sibling_leaf) != 0) {
                placing.error({po_file.string()}, "entry '" + key + "': cannot tell how to write it next to '" +
                                                      *sibling + "'; add the key by hand");
                continue;
            }
            written_key.replace(written_key.size() - sibling_leaf.size(), sibling_leaf.size(),
                                is_bare_key(leaf) ? leaf : toml_basic_string(leaf));
            std::size_t line_end = file_text.find('\n', literal->end_byte());
            line_end = line_end == std::string::npos ? file_text.size() : line_end + 1;
            edits.push_back({line_end, line_end, written_key + " = " + toml_basic_string(value) + "\n"});
        }
        placing.throw_if_errors();
        std::sort(edits.begin(), edits.end(), [](const Edit& a, const Edit& b) { return a.begin > b.begin; });
        std::string text = file_text;
        for (const Edit& edit : edits) text.replace(edit.begin, edit.end - edit.begin, edit.text);

        AtomicFile out(result.locale_file);
        write_file_atomically(out.temp_path(), text);
        // What was written reads back as intended, or nothing is replaced.
        const Catalog written = Catalog::load_file(out.temp_path(), language.tag);
        for (const std::string& key : written.keys()) {
            const auto changed = new_values.find(key);
            const std::string& expected = changed != new_values.end() ? changed->second : translation.text(key);
            if (!translation.has(key) && changed == new_values.end())
                throw InternalError("translate import: key '" + key + "' appeared in " + result.locale_file.string());
            if (written.text(key) != expected)
                throw InternalError("translate import: key '" + key + "' does not read back as imported");
        }
        const std::size_t added = static_cast<std::size_t>(std::count_if(
            new_values.begin(), new_values.end(), [&](const auto& value) { return !translation.has(value.first); }));
        if (written.keys().size() != translation.keys().size() + added)
            throw InternalError("translate import: keys lost or added in " + result.locale_file.string());
        out.commit();
        for (const auto& [key, value] : new_values) result.changed.push_back(key);
    }
    for (const auto& [key, digest] : new_digests) digests[key] = digest;
    if (!new_digests.empty()) write_source_digests(data, language.tag, source_language.tag, digests);
    return result;
}

std::vector<std::string> mark_current(const DataRoot& data, std::string_view lang, const std::vector<std::string>& keys) {
    const LanguageRegistry registry = LanguageRegistry::load(data);
    const Language& language = registry.resolve(lang);
    refuse_variant(language, "mark messages current in", "--lang");
    const Language& source_language = registry.source();
    const Catalog source = Catalog::load_file(data.locales() / (source_language.tag + ".toml"), source_language.tag);
    const Catalog translation = Catalog::load_file(data.locales() / (language.tag + ".toml"), language.tag);
    SourceDigests digests = read_source_digests(data, language.tag);
    DiagnosticSink sink;
    std::vector<std::string> chosen = keys;
    if (chosen.empty())
        for (const std::string& key : source.keys())
            if (translation.has(key) && !untranslated_copy(key, source.text(key), translation.text(key), language))
                chosen.push_back(key);
    const std::vector<std::string> all_keys = source.keys();
    std::vector<std::string> recorded;
    for (const std::string& key : chosen) {
        if (!source.has(key) || !translation.has(key)) {
            const std::string suggestion = closest_match(key, all_keys);
            sink.error({translation.file().string()},
                       "no translated message '" + key + "' in " + language.tag,
                       suggestion.empty() ? std::vector<DiagnosticNote>{}
                                          : std::vector<DiagnosticNote>{{NoteKind::help, "did you mean '" + suggestion + "'?", {}}});
            continue;
        }
        digests[key] = source_digest(source.text(key));
        recorded.push_back(key);
    }
    sink.throw_if_errors();
    write_source_digests(data, language.tag, source_language.tag, digests);
    return recorded;
}

}  // namespace icc::translate
