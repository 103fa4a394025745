#include "translate/audit.h"

#include <algorithm>

#include "support/atomic_file.h"
#include "support/message_shape.h"
#include "support/toml_text.h"

namespace icc::translate {

namespace {
// The skeleton's messages become comments of an edition file: "unknown" there is TOML a user types.
bool typeset(std::string_view key) { return key.rfind("intake.skeleton.", 0) != 0 && key.rfind("meta.", 0) != 0; }
}  // namespace

std::vector<Diagnostic> audit_message(std::string_view key, std::string_view source, std::string_view translation,
                                      const Language& language, std::string_view file_text,
                                      const SourceLocation& where, bool with_typography) {
    const MessageShape source_shape = analyse_message(source);
    const MessageShape shape = analyse_message(translation);
    std::vector<MessageProblem> problems = compare_with_source(source_shape, shape, language.icu_locale);
    if (with_typography && !shape.syntax_error) {
        std::vector<MessageProblem> typography =
            check_typography(shape, language.no_break_space_before, language.no_break_space_after);
        problems.insert(problems.end(), typography.begin(), typography.end());
        if (typeset(key)) {
            std::vector<MessageProblem> quotes = check_quotes(shape);
            problems.insert(problems.end(), quotes.begin(), quotes.end());
        }
    }
    std::vector<Diagnostic> out;
    if (problems.empty()) return out;
    const std::optional<TomlStringText> text = TomlStringText::locate(file_text, where);
    for (const MessageProblem& problem : problems) {
        Diagnostic d{problem.severity, text ? text->at(problem.offset, problem.length) : where,
                     "key '" + std::string(key) + "': " + problem.message, {}};
        if (!problem.help.empty()) d.notes.push_back({NoteKind::help, problem.help, {}});
        out.push_back(std::move(d));
    }
    return out;
}

bool untranslated_copy(std::string_view key, std::string_view source, std::string_view translation,
                       const Language& language) {
    return source == translation && !language.same_as_source.count(key) && analyse_message(source).has_words();
}

std::size_t LocaleAudit::errors() const {
    return static_cast<std::size_t>(std::count_if(problems.begin(), problems.end(),
                                                  [](const Diagnostic& d) { return d.severity == Severity::error; }));
}

std::vector<Diagnostic> audit_quotes(const Catalog& catalog) {
    std::vector<Diagnostic> out;
    const std::string file_text = read_file(catalog.file());
    for (const std::string& key : catalog.keys()) {
        if (!typeset(key)) continue;
        const MessageShape shape = analyse_message(catalog.text(key));
        if (shape.syntax_error) continue;  // said by the syntax check
        const std::vector<MessageProblem> problems = check_quotes(shape);
        if (problems.empty()) continue;
        const SourceLocation where = catalog.location(key);
        const std::optional<TomlStringText> text = TomlStringText::locate(file_text, where);
        for (const MessageProblem& problem : problems)
            out.push_back({problem.severity, text ? text->at(problem.offset, problem.length) : where,
                           "key '" + key + "': " + problem.message, {{NoteKind::help, problem.help, {}}}});
    }
    return out;
}

LocaleAudit audit_locale(const Catalog& source, const Catalog& translation) {
    LocaleAudit audit;
    const Language& language = translation.language();
    const std::string file_text = read_file(translation.file());
    for (const std::string& key : source.keys()) {
        if (!translation.has(key)) continue;
        const std::string& from = source.text(key);
        const std::string& to = translation.text(key);
        const bool words = analyse_message(from).has_words();
        if (words) ++audit.with_words;
        if (from == to) {
            if (words && !language.same_as_source.count(key)) audit.identical.push_back(key);
            continue;  // the source's own text has the source's placeholders
        }
        std::vector<Diagnostic> problems =
            audit_message(key, from, to, language, file_text, translation.location(key));
        audit.problems.insert(audit.problems.end(), std::make_move_iterator(problems.begin()),
                              std::make_move_iterator(problems.end()));
    }
    // An allowance that no longer applies is a stale list: said, so it stays short and true.
    for (const auto& [key, where] : language.same_as_source) {
        if (!source.has(key))
            audit.problems.push_back({Severity::warning, where,
                                      "meta.same_as_source: the source language has no key '" + key + "'", {}});
        else if (translation.has(key) && translation.text(key) != source.text(key))
            audit.problems.push_back({Severity::warning, where,
                                      "meta.same_as_source: '" + key +
                                          "' is translated (it differs from the source); remove it from the list",
                                      {}});
    }
    return audit;
}

}  // namespace icc::translate
