#include "load/overrides.h"

#include <algorithm>
#include <ostream>

#include "load/recommendation_rules.h"
#include "support/toml_reader.h"
#include "support/wording.h"

namespace icc {

namespace fs = std::filesystem;

namespace {

constexpr Choice<OverrideAction> action_choices[] = {
    {"add", OverrideAction::add}, {"replace", OverrideAction::replace}, {"remove", OverrideAction::remove}};

bool is_language_code(std::string_view text) {
    return text.size() >= 2 && text.size() <= 3 &&
           std::all_of(text.begin(), text.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

class OverridesReader {
public:
    OverridesReader(const Questionnaire& questionnaire, const std::vector<std::string>& languages, DiagnosticSink& sink)
        : questionnaire_(questionnaire), languages_(languages), sink_(sink) {
        for (const Area* area : selection_areas(questionnaire)) areas_.push_back(area->id);
    }

    Overrides read(TableReader root) {
        Overrides overrides;
        overrides.source_file = root.file();
        const TomlValue edition = root["edition"];
        overrides.edition_where = edition.where();
        overrides.edition = edition.optional<Date>(
            {.what = "the date of the edition these overrides were written for (edition = 2025-05-20)"});
        // Entries are read in file order, whatever their kind: the order of
        // additions is the expert's, and "first replaced here" points up.
        std::vector<std::pair<OverrideAction, TableReader>> entries;
        for (const auto& [name, action] : action_choices)
            for (TableReader& table : root.optional_tables(name)) entries.emplace_back(action, std::move(table));
        std::stable_sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) {
            return std::tie(a.second.where().line, a.second.where().column) <
                   std::tie(b.second.where().line, b.second.where().column);
        });
        for (auto& [action, table] : entries) read_entry(table, action, overrides);
        return overrides;
    }

private:
    void read_entry(TableReader& table, OverrideAction action, Overrides& overrides) {
        RecommendationOverride entry;
        entry.action = action;
        entry.where = table.where();
        const TomlValue area = table["area"];
        const TomlValue question = table["question"];
        entry.area = area.optional<std::string>().value_or("");
        entry.question = question.optional<std::string>().value_or("");

        bool target_ok = true;
        if (action == OverrideAction::add) {
            if (question) {
                question.error("an addition belongs to an area; give area = \"<area>\" only");
                target_ok = false;
            }
            if (!area) {
                area.missing("the area the recommendation belongs to");
                target_ok = false;
            }
        } else if (bool(area) == bool(question)) {
            table.error("expected exactly one of question = \"<question id>\" (the recommendation its answer calls "
                        "for) or area = \"<area>\" (the area's general recommendation)");
            target_ok = false;
        }
        if (question && action != OverrideAction::add && !entry.question.empty()) {
            const Question* found = questionnaire_.find_question(entry.question);
            if (!found) {
                const std::string closest = questionnaire_.closest_question(entry.question);
                question.error("unknown question '" + entry.question + "'",
                               closest.empty() ? std::vector<DiagnosticNote>{}
                                               : std::vector<DiagnosticNote>{{NoteKind::help, "did you mean '" +
                                                                                                  closest + "'?"}});
                target_ok = false;
            } else if (!found->scored()) {
                question.error("'" + entry.question + "' is never scored, so no recommendation follows from its answer");
                target_ok = false;
            } else {
                entry.area = found->area;
            }
        } else if (area && !entry.area.empty() &&
                   std::find(areas_.begin(), areas_.end(), entry.area) == areas_.end()) {
            const bool composite = questionnaire_.find_area(entry.area) != nullptr;
            const std::string closest = composite ? std::string() : closest_match(entry.area, areas_);
            area.error((composite ? "'" + entry.area + "' is made of fields and has no recommendations of its own"
                                  : "unknown area '" + entry.area + "'") +
                           "; expected " + join_alternatives(areas_),
                       closest.empty() ? std::vector<DiagnosticNote>{}
                                       : std::vector<DiagnosticNote>{{NoteKind::help, "did you mean '" + closest + "'?"}});
            target_ok = false;
        }

        if (action != OverrideAction::remove) read_text(table, entry);

        if (target_ok && action != OverrideAction::add) {
            const std::string target = entry.target();
            if (auto [it, inserted] = targets_.emplace(target, entry.where); !inserted)
                table.error("the " + target + " is already replaced or removed; expected one entry per recommendation",
                            {{NoteKind::note, "first replaced or removed here", it->second}});
        }
        overrides.entries.push_back(std::move(entry));
    }

    void read_text(TableReader& table, RecommendationOverride& entry) {
        const TomlValue text = table["text"];
        if (!text) {
            text.missing("the recommendation in each language (text.en = \"...\", text.fr = \"...\")");
            return;
        }
        if (!text.node()->is_table()) {
            text.error("expected one text per language (text.en = \"...\"), found " + text.found_with_type());
            return;
        }
        std::optional<TableReader> by_language = text.table();
        for (const TomlValue& value : by_language->other_entries()) {
            if (!is_language_code(value.key())) {
                sink_.error(value.key_where(), value.name() + ": expected a language code such as en or fr");
                continue;
            }
            const auto words = value.required<std::string>(
                {.what = "the text of the recommendation", .valid = [](const std::string& s) {
                     return s.find_first_not_of(" \t\r\n") != std::string::npos;
                 }});
            if (words) entry.text.emplace(value.key(), *words);
        }
        for (const std::string& lang : languages_)
            if (!entry.text.count(lang) && !by_language->contains(lang))
                text.error("no text in language '" + lang + "'");
        if (by_language->table().empty()) text.error("expected at least one language");
    }

    const Questionnaire& questionnaire_;
    const std::vector<std::string>& languages_;
    DiagnosticSink& sink_;
    std::vector<std::string> areas_;
    std::map<std::string, SourceLocation> targets_;
};

}  // namespace

std::string_view to_string(OverrideAction action) { return name_of(action_choices, action); }

std::ostream& operator<<(std::ostream& out, OverrideAction action) { return out << to_string(action); }

const std::string* text_for_reader(const std::map<std::string, std::string>& texts, std::string_view lang) {
    if (const auto exact = texts.find(std::string(lang)); exact != texts.end()) return &exact->second;
    if (const auto primary = texts.find(primary_language(lang)); primary != texts.end()) return &primary->second;
    return nullptr;
}

std::string RecommendationOverride::target() const {
    return question.empty() ? "area " + area : "question " + question;
}

Overrides load_overrides(const fs::path& path, const Questionnaire& questionnaire,
                         const std::vector<std::string>& languages) {
    if (!fs::exists(path)) return {};
    DiagnosticSink sink;
    Overrides overrides;
    if (const auto document = TomlDocument::read(path, sink))
        overrides = OverridesReader(questionnaire, languages, sink).read(document->root(sink));
    sink.throw_if_errors();
    return overrides;
}

fs::path overrides_path_for(const fs::path& edition_file) { return edition_file.parent_path() / "overrides.toml"; }

}  // namespace icc
