#include "load/overrides.h"

#include <algorithm>
#include <ostream>

#include "load/recommendation_rules.h"
#include "load/line_order.h"
#include "support/toml_source.h"

namespace icc {

namespace fs = std::filesystem;

namespace {

bool is_language_code(std::string_view text) {
    return text.size() >= 2 && text.size() <= 3 &&
           std::all_of(text.begin(), text.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

std::string area_list(const std::vector<const Area*>& areas) {
    std::string list;
    for (const Area* area : areas) list += (list.empty() ? "" : ", ") + area->id;
    return list;
}

class OverridesReader {
public:
    OverridesReader(const toml::table& root, std::string file, const Questionnaire& questionnaire,
                    const std::vector<std::string>& languages)
        : root_(root), file_(std::move(file)), questionnaire_(questionnaire), languages_(languages),
          areas_(selection_areas(questionnaire)) {}

    Overrides read() {
        Overrides overrides;
        overrides.source_file = file_;
        for (const auto& [key, node] : root_) {
            const std::string name(key.str());
            if (name == "edition") {
                overrides.edition_where = location_of(node, file_);
                if (auto date = node.value_exact<toml::date>())
                    overrides.edition = Date{date->year, date->month, date->day};
                else
                    sink_.error(overrides.edition_where, "edition: expected the date of the edition these overrides "
                                                         "were written for (edition = 2025-05-20), found " +
                                                             describe_type(node));
            } else if (name != "add" && name != "replace" && name != "remove") {
                sink_.error(location_of(node, file_),
                            "unknown key '" + name + "'; expected edition, [[add]], [[replace]] or [[remove]]");
            }
        }
        // Entries are read in file order, whatever their kind: the order of
        // additions is the expert's, and "already replaced at line N" points up.
        struct Pending {
            const toml::table* table;
            OverrideAction action;
            std::string name;
        };
        std::vector<Pending> pending;
        for (OverrideAction action : {OverrideAction::add, OverrideAction::replace, OverrideAction::remove}) {
            const std::string name(to_string(action));
            const toml::node* node = root_.get(name);
            if (!node) continue;
            const toml::array* array = node->as_array();
            if (!array || !array->is_array_of_tables()) {
                sink_.error(location_of(*node, file_), name + ": expected an array of tables [[" + name + "]], found " +
                                                           describe_type(*node));
                continue;
            }
            for (std::size_t i = 0; i < array->size(); ++i)
                pending.push_back({array->get(i)->as_table(), action, name + "[" + std::to_string(i + 1) + "]"});
        }
        std::stable_sort(pending.begin(), pending.end(), [](const Pending& a, const Pending& b) {
            const auto& x = a.table->source().begin;
            const auto& y = b.table->source().begin;
            return std::pair(x.line, x.column) < std::pair(y.line, y.column);
        });
        for (const Pending& entry : pending) read_entry(*entry.table, entry.action, entry.name, overrides);
        return overrides;
    }

    DiagnosticSink& sink() { return sink_; }

private:
    std::string read_string(const toml::table& table, const char* key, const std::string& name) {
        const toml::node* node = table.get(key);
        if (!node) return {};
        if (auto value = node->value_exact<std::string>()) return *value;
        sink_.error(location_of(*node, file_), name + "." + key + ": expected a string, found " + describe_type(*node));
        return {};
    }

    void read_entry(const toml::table& table, OverrideAction action, const std::string& name, Overrides& overrides) {
        RecommendationOverride entry;
        entry.action = action;
        entry.where = location_of(table, file_);
        const bool has_text = action != OverrideAction::remove;
        for (const auto& [key, node] : table) {
            const std::string k(key.str());
            if (k == "area" || k == "question" || (has_text && k == "text")) continue;
            sink_.error(location_of(node, file_), name + ": unknown key '" + k + "'; expected " +
                                                      (action == OverrideAction::add ? "area and text.<lang>"
                                                       : has_text ? "question or area, and text.<lang>"
                                                                  : "question or area"));
        }
        entry.area = read_string(table, "area", name);
        entry.question = read_string(table, "question", name);
        const bool area_given = table.get("area") != nullptr;
        const bool question_given = table.get("question") != nullptr;

        bool target_ok = true;
        if (action == OverrideAction::add) {
            if (question_given) {
                sink_.error(location_of(*table.get("question"), file_),
                            name + ".question: an addition belongs to an area; give area = \"<area>\" only");
                target_ok = false;
            }
            if (!area_given) {
                sink_.error(entry.where, name + ".area: missing; expected the area the recommendation belongs to");
                target_ok = false;
            }
        } else if (area_given == question_given) {
            sink_.error(entry.where, name + ": expected exactly one of question = \"<question id>\" (the recommendation "
                                            "its answer calls for) or area = \"<area>\" (the area's general recommendation)");
            target_ok = false;
        }
        if (question_given && action != OverrideAction::add && !entry.question.empty()) {
            const SourceLocation where = location_of(*table.get("question"), file_);
            const Question* question = questionnaire_.find_question(entry.question);
            if (!question) {
                const std::string closest = questionnaire_.closest_question(entry.question);
                sink_.error(where, name + ".question: unknown question '" + entry.question + "'" +
                                       (closest.empty() ? "" : "; did you mean '" + closest + "'?"));
                target_ok = false;
            } else if (!question->scored()) {
                sink_.error(where, name + ".question: '" + entry.question +
                                       "' is never scored, so no recommendation follows from its answer");
                target_ok = false;
            } else {
                entry.area = question->area;
            }
        } else if (area_given && !entry.area.empty()) {
            if (std::none_of(areas_.begin(), areas_.end(), [&](const Area* a) { return a->id == entry.area; })) {
                const bool composite = questionnaire_.find_area(entry.area) != nullptr;
                sink_.error(location_of(*table.get("area"), file_),
                            name + ".area: " + (composite ? "'" + entry.area + "' is made of fields and has no "
                                                                "recommendations of its own"
                                                          : "unknown area '" + entry.area + "'") +
                                "; expected one of " + area_list(areas_));
                target_ok = false;
            }
        }

        if (has_text) read_text(table, name, entry);

        if (target_ok && action != OverrideAction::add) {
            const std::string target = entry.target();
            if (auto [it, inserted] = targets_.emplace(target, entry.where); !inserted)
                sink_.error(entry.where, name + ": the " + target + " is already replaced or removed at line " +
                                             std::to_string(it->second.line) + "; expected one entry per recommendation");
        }
        overrides.entries.push_back(std::move(entry));
    }

    void read_text(const toml::table& table, const std::string& name, RecommendationOverride& entry) {
        const toml::node* node = table.get("text");
        if (!node) {
            sink_.error(entry.where, name + ".text: missing; expected the recommendation in each language "
                                            "(text.en = \"...\", text.fr = \"...\")");
            return;
        }
        const toml::table* by_language = node->as_table();
        if (!by_language) {
            sink_.error(location_of(*node, file_),
                        name + ".text: expected one text per language (text.en = \"...\"), found " + describe_type(*node));
            return;
        }
        for (const auto& [key, value] : *by_language) {
            const std::string lang(key.str());
            const std::string path = name + ".text." + lang;
            if (!is_language_code(lang)) {
                sink_.error(location_of(value, file_), path + ": expected a language code such as en or fr");
                continue;
            }
            auto text = value.value_exact<std::string>();
            if (!text || text->find_first_not_of(" \t\r\n") == std::string::npos) {
                sink_.error(location_of(value, file_),
                            path + ": expected the text of the recommendation, found " +
                                (text ? std::string("an empty string") : describe_type(value)));
                continue;
            }
            entry.text.emplace(lang, *text);
        }
        for (const std::string& lang : languages_)
            if (!entry.text.count(lang) && !by_language->get(lang))
                sink_.error(location_of(*node, file_), name + ".text: no text in language '" + lang + "'");
        if (by_language->empty()) sink_.error(location_of(*node, file_), name + ".text: expected at least one language");
    }

    const toml::table& root_;
    std::string file_;
    const Questionnaire& questionnaire_;
    const std::vector<std::string>& languages_;
    std::vector<const Area*> areas_;
    std::map<std::string, SourceLocation> targets_;
    DiagnosticSink sink_;
};

}  // namespace

std::string_view to_string(OverrideAction action) {
    switch (action) {
        case OverrideAction::add: return "add";
        case OverrideAction::replace: return "replace";
        case OverrideAction::remove: return "remove";
    }
    return "add";
}

std::ostream& operator<<(std::ostream& out, OverrideAction action) { return out << to_string(action); }

std::string RecommendationOverride::target() const {
    return question.empty() ? "area " + area : "question " + question;
}

Overrides load_overrides(const fs::path& path, const Questionnaire& questionnaire,
                         const std::vector<std::string>& languages) {
    if (!fs::exists(path)) return {};
    const toml::table root = parse_toml_file(path);
    OverridesReader reader(root, path.string(), questionnaire, languages);
    Overrides overrides = reader.read();
    throw_errors_in_line_order(reader.sink());
    return overrides;
}

fs::path overrides_path_for(const fs::path& edition_file) { return edition_file.parent_path() / "overrides.toml"; }

}  // namespace icc
