#include "support/language.h"

#include <unicode/locid.h>

#include <algorithm>
#include <cctype>
#include <set>

#include "support/atomic_file.h"
#include "support/toml_reader.h"
#include "support/wording.h"

namespace icc {

namespace fs = std::filesystem;

namespace {

constexpr Choice<bool> directions[] = {{"ltr", false}, {"rtl", true}};
constexpr Choice<bool> list_item_cases[] = {{"as-written", false}, {"lowercase", true}};
constexpr Choice<ReviewStatus> review_statuses[] = {{"draft", ReviewStatus::draft},
                                                    {"reviewed", ReviewStatus::reviewed}};

bool is_script_code(const std::string& code) {
    return code.size() == 4 && std::isupper(static_cast<unsigned char>(code[0])) &&
           std::all_of(code.begin() + 1, code.end(), [](char c) { return std::islower(static_cast<unsigned char>(c)); });
}

bool is_icu_locale(const std::string& name) {
    const icu::Locale locale(name.c_str());
    return !name.empty() && !locale.isBogus() && locale.getLanguage()[0] != '\0';
}

// "fr-CA" and "fr_ca" compare as "fr-ca".
std::string normalized_tag(std::string_view tag) {
    std::string out;
    for (char c : tag) out += c == '_' ? '-' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

// The opening of a locale file up to the first table after [meta]: all the
// registry reads. Parsing only that is what lets every command know every
// language without parsing 15 catalogues of a thousand messages each. Empty
// when the file does not open with [meta] (then the whole file is parsed, and
// its problems reported, as before).
std::string meta_opening(const std::string& text) {
    bool in_meta = false;
    std::size_t line_start = 0;
    while (line_start < text.size()) {
        std::size_t line_end = text.find('\n', line_start);
        if (line_end == std::string::npos) line_end = text.size();
        std::size_t first = text.find_first_not_of(" \t", line_start);
        if (first < line_end && text[first] == '[') {
            const std::string_view header(text.data() + first, line_end - first);
            const bool meta = header.starts_with("[meta]") || header.starts_with("[meta.");
            if (!meta) return in_meta ? text.substr(0, line_start) : std::string();
            in_meta = true;
        }
        line_start = line_end + 1;
    }
    return std::string();
}

}  // namespace

std::string_view review_status_name(ReviewStatus status) { return name_of(review_statuses, status); }

std::optional<Language> read_language_meta(TableReader& root, std::string tag) {
    std::optional<TableReader> meta = root.required_table("meta");
    if (!meta) return std::nullopt;
    Language language;
    language.tag = std::move(tag);
    language.where = meta->where();
    for (const auto& [key, value] : meta->table()) language.given.emplace(key.str());
    // A regional variant needs to give only what differs from its base.
    const bool variant = meta->table().contains("extends");
    bool complete = true;
    auto text = [&](std::string_view key, std::string& into, const Expect<std::string>& expect, bool required) {
        required = required && !variant;
        const auto value = required ? meta->required<std::string>(key, expect) : meta->optional<std::string>(key, expect);
        if (value) into = *value;
        else if (required) complete = false;
    };
    text("extends", language.extends,
         {.what = "the tag of the language this regional variant takes its messages from, such as \"ar\""}, false);
    text("name", language.name, {.what = "the language's name in itself, such as \"Français\""}, true);
    text("english_name", language.english_name, {.what = "the language's English name, such as \"French\""}, true);
    text("script", language.script, {.what = "an ISO 15924 script code such as \"Latn\"", .valid = is_script_code}, true);
    text("icu_locale", language.icu_locale, {.what = "an ICU locale such as \"fr_FR\"", .valid = is_icu_locale}, true);
    text("hyphenation", language.hyphenation, {.what = "a hyphenation dictionary such as \"fr\" (hyph_fr.dic), or \"\""},
         false);
    text("fallback", language.fallback, {.what = "the tag of the language to fall back to, or \"\""}, false);
    if (const auto rtl = variant ? meta->optional("direction", directions) : meta->required("direction", directions))
        language.right_to_left = *rtl;
    else if (!variant) complete = false;
    if (const auto official = variant ? meta->optional<bool>("official") : meta->required<bool>("official"))
        language.official = *official;
    else if (!variant) complete = false;
    if (const auto review = variant ? meta->optional("review", review_statuses) : meta->required("review", review_statuses))
        language.review = *review;
    else if (!variant) complete = false;
    text("no_break_space_before", language.no_break_space_before,
         {.what = "the characters that take a no-break space before them, such as \";:!?»\""}, false);
    text("no_break_space_after", language.no_break_space_after,
         {.what = "the characters that take a no-break space after them, such as \"«\""}, false);
    if (const auto lowercase = meta->optional("list_items", list_item_cases)) language.lowercase_list_items = *lowercase;
    for (const TomlValue& item : meta->optional_array("same_as_source"))
        if (const auto key = item.required<std::string>({.what = "a message key such as \"report.intro.heading\""}))
            language.same_as_source.emplace(*key, item.where());
    if (!language.fallback.empty() && language.fallback == language.tag) {
        (*meta)["fallback"].error("a language cannot fall back to itself");
        language.fallback.clear();
    }
    if (variant && language.extends == language.tag) {
        (*meta)["extends"].error("a language cannot extend itself");
        complete = false;
    }
    return complete ? std::optional<Language>(std::move(language)) : std::nullopt;
}

LanguageRegistry LanguageRegistry::load(const DataRoot& data) {
    std::vector<fs::path> files;
    std::error_code error;
    for (const auto& entry : fs::directory_iterator(data.locales(), error))
        if (entry.path().extension() == ".toml") files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    DiagnosticSink sink;
    if (files.empty())
        sink.error({data.locales().string()}, "no locale files (<tag>.toml): the engine speaks no language");
    std::vector<Language> languages;
    for (const fs::path& file : files) {
        std::optional<TomlDocument> document;
        std::string text;
        try {
            text = read_file(file);
        } catch (const std::exception&) {
            // Unreadable: TomlDocument::read reports it.
        }
        const std::string opening = meta_opening(text);
        if (!opening.empty()) {
            DiagnosticSink opening_sink;
            document = TomlDocument::parse(opening, file.string(), opening_sink);
        }
        // A [meta] that does not parse alone is read with its whole file, so
        // that its problems are reported as the catalogue reports them.
        if (!document) document = TomlDocument::read(file, sink);
        if (document) {
            TableReader root = document->root(sink);
            if (auto language = read_language_meta(root, file.stem().string())) languages.push_back(std::move(*language));
            root.accept_other_keys();  // the messages are the catalog's to read
        }
    }
    sink.throw_if_errors();
    return from(std::move(languages));
}

Language inherited(const Language& base, Language variant) {
    const auto keep = [&](std::string_view key, auto member) {
        if (!variant.given.count(key)) variant.*member = base.*member;
    };
    keep("name", &Language::name);
    keep("english_name", &Language::english_name);
    keep("script", &Language::script);
    keep("direction", &Language::right_to_left);
    keep("icu_locale", &Language::icu_locale);
    keep("hyphenation", &Language::hyphenation);
    keep("official", &Language::official);
    keep("review", &Language::review);
    keep("no_break_space_before", &Language::no_break_space_before);
    keep("no_break_space_after", &Language::no_break_space_after);
    keep("list_items", &Language::lowercase_list_items);
    if (!variant.given.count("same_as_source")) variant.same_as_source = base.same_as_source;
    if (!variant.given.count("fallback")) variant.fallback = base.tag;
    return variant;
}

LanguageRegistry LanguageRegistry::from(std::vector<Language> languages) {
    LanguageRegistry registry;
    std::sort(languages.begin(), languages.end(), [](const Language& a, const Language& b) { return a.tag < b.tag; });
    DiagnosticSink sink;
    // Regional variants take what they do not say from their base, which is
    // a language with messages of its own (one level: no variant of a variant).
    for (Language& language : languages) {
        if (language.extends.empty()) continue;
        const auto base = std::find_if(languages.begin(), languages.end(),
                                       [&](const Language& other) { return other.tag == language.extends; });
        if (base == languages.end() || !base->extends.empty()) {
            std::string bases;
            for (const Language& other : languages)
                if (other.extends.empty()) bases += (bases.empty() ? "" : ", ") + other.tag;
            sink.error(language.where, "meta.extends: no language '" + language.extends + "' with messages of its own" +
                                           (base != languages.end() ? " ('" + base->tag + "' is itself a regional variant)" : "") +
                                           "; expected one of " + bases);
            continue;
        }
        language = inherited(*base, std::move(language));
    }
    registry.languages_ = std::move(languages);
    std::vector<std::size_t> sources;
    for (std::size_t i = 0; i < registry.languages_.size(); ++i) {
        const Language& language = registry.languages_[i];
        if (language.fallback.empty()) {
            sources.push_back(i);
            continue;
        }
        if (!registry.find(language.fallback)) {
            sink.error(language.where, "meta.fallback: no language '" + language.fallback + "'; expected one of " +
                                           registry.describe());
            continue;
        }
        // Follow the chain: it must end at the source, not go round.
        std::set<std::string> seen{language.tag};
        for (const Language* at = registry.find(language.fallback); at && !at->fallback.empty();
             at = registry.find(at->fallback))
            if (!seen.insert(at->tag).second) {
                sink.error(language.where, "meta.fallback: the fallbacks of '" + language.tag +
                                               "' go round in a circle through '" + at->tag + "'");
                break;
            }
    }
    if (sources.size() != 1 && !registry.languages_.empty()) {
        std::string which;
        for (std::size_t i : sources) which += (which.empty() ? "" : ", ") + registry.languages_[i].tag;
        sink.error(registry.languages_.front().where,
                   "expected exactly one source language (a locale whose meta.fallback is empty), found " +
                       (sources.empty() ? std::string("none") : std::to_string(sources.size()) + ": " + which));
    }
    sink.throw_if_errors();
    if (!sources.empty()) registry.source_ = sources.front();
    return registry;
}

const Language* LanguageRegistry::find(std::string_view tag) const {
    for (const Language& language : languages_)
        if (language.tag == tag) return &language;
    return nullptr;
}

const Language& LanguageRegistry::resolve(std::string_view requested, std::string_view option) const {
    if (requested.empty()) return source();
    const std::string wanted = normalized_tag(requested);
    for (const Language& language : languages_)
        if (normalized_tag(language.tag) == wanted) return language;
    // A regional or script variant: drop subtags from the end until a language matches.
    std::string shorter = wanted;
    for (auto dash = shorter.rfind('-'); dash != std::string::npos; dash = shorter.rfind('-')) {
        shorter.resize(dash);
        for (const Language& language : languages_)
            if (normalized_tag(language.tag) == shorter) return language;
    }
    Diagnostic error{Severity::error, {std::string(option)},
                     "no language \"" + std::string(requested) + "\"; languages available: " +
                         join_alternatives(tags(), ", ")};
    error.notes.push_back({NoteKind::note, "the languages there are: " + describe()});
    if (const std::string close = closest_match(requested, tags()); !close.empty())
        error.notes.push_back({NoteKind::help, "did you mean \"" + close + "\"?"});
    throw DiagnosticError(std::move(error));
}

const Language& LanguageRegistry::source() const {
    if (languages_.empty()) throw InternalError("the language registry is empty");
    return languages_[source_];
}

std::vector<std::string> LanguageRegistry::official_tags() const {
    std::vector<std::string> out;
    for (const Language& language : languages_)
        if (language.official) out.push_back(language.tag);
    return out;
}

std::vector<std::string> LanguageRegistry::tags() const {
    std::vector<std::string> out;
    for (const Language& language : languages_) out.push_back(language.tag);
    return out;
}

std::vector<std::string> LanguageRegistry::fallback_chain(std::string_view tag) const {
    std::vector<std::string> chain;
    for (const Language* at = find(tag); at; at = at->fallback.empty() ? nullptr : find(at->fallback)) {
        if (std::find(chain.begin(), chain.end(), at->tag) != chain.end()) break;
        chain.push_back(at->tag);
    }
    return chain;
}

std::string LanguageRegistry::describe() const {
    std::string out;
    for (const Language& language : languages_)
        out += (out.empty() ? "" : ", ") + language.tag + " (" + language.name +
               (language.english_name == language.name ? "" : ", " + language.english_name) + ")";
    return out;
}

}  // namespace icc
