#include "load/practices.h"

#include <algorithm>

#include "support/toml_reader.h"
#include "support/wording.h"

namespace icc {

const Practice* PracticeLibrary::find(const std::string& id) const {
    auto it = std::lower_bound(practices.begin(), practices.end(), id,
                               [](const Practice& p, const std::string& key) { return p.id < key; });
    return it != practices.end() && it->id == id ? &*it : nullptr;
}

namespace {

bool is_web_address(const std::string& link) { return link.rfind("https://", 0) == 0 || link.rfind("http://", 0) == 0; }

// "did you mean" among known names, when one is close.
std::vector<DiagnosticNote> suggestion(const std::string& name, const std::set<std::string>& known) {
    const std::string closest = closest_match(name, std::vector<std::string>(known.begin(), known.end()));
    if (closest.empty()) return {};
    return {{NoteKind::help, "did you mean " + in_quotes(closest) + "?"}};
}

}  // namespace

PracticeLibrary load_practices(const std::filesystem::path& path, const std::set<std::string>& known_areas,
                               const std::set<std::string>& known_cities, const std::vector<std::string>& languages) {
    DiagnosticSink sink;
    PracticeLibrary library;
    library.source_file = path.string();
    if (const auto document = TomlDocument::read(path, sink)) {
        TableReader root = document->root(sink);
        std::map<std::string, SourceLocation> ids;
        for (TableReader& table : root.optional_tables("practice")) {  // a new project starts with an empty library
            Practice practice;
            practice.where = table.where();
            const TomlValue id = table["id"];
            practice.id = id.required<std::string>().value_or("");
            if (!practice.id.empty()) table.rename("practice " + in_quotes(practice.id));
            if (auto [first, inserted] = ids.emplace(practice.id, id.where()); !inserted && !practice.id.empty())
                id.error("the id is used twice", {{NoteKind::note, "first used here", first->second}});
            const TomlValue area = table["area"];
            practice.area = area.required<std::string>().value_or("");
            if (!practice.area.empty() && !known_areas.count(practice.area))
                area.error("unknown area " + in_quotes(practice.area), suggestion(practice.area, known_areas));
            const TomlValue city = table["city"];
            practice.city = city.required<std::string>().value_or("");
            if (!practice.city.empty() && !known_cities.empty() && !known_cities.count(practice.city))
                city.error("unknown city " + in_quotes(practice.city) + "; expected a city id of the network",
                           suggestion(practice.city, known_cities));
            practice.year =
                table.required<int>("year", {.what = "a year such as 2021", .min = 1990, .max = 2100}).value_or(0);
            practice.link =
                table.optional<std::string>("link", {.what = "an http(s) address", .valid = is_web_address}).value_or("");
            for (const char* field : {"title", "summary"}) {
                auto& texts = std::string_view(field) == "title" ? practice.title : practice.summary;
                const TomlValue by_language = table[field];
                if (!by_language) {
                    by_language.missing("one text per language (" + std::string(field) + ".en, " + field + ".fr, ...)");
                    continue;
                }
                std::optional<TableReader> texts_table = by_language.table();
                if (!texts_table) continue;
                for (const TomlValue& text : texts_table->other_entries())
                    if (auto value = text.required<std::string>()) texts.emplace(text.key(), *value);
                for (const auto& lang : languages)
                    if (!texts.count(lang) && !texts_table->contains(lang))
                        texts_table->error("no text in language '" + lang + "'");
            }
            library.practices.push_back(std::move(practice));
        }
    }
    sink.throw_if_errors();
    std::sort(library.practices.begin(), library.practices.end(),
              [](const Practice& a, const Practice& b) { return a.id < b.id; });
    return library;
}

}  // namespace icc
