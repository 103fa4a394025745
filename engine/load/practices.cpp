#include "load/practices.h"

#include <algorithm>

#include "support/toml_source.h"

namespace icc {

const Practice* PracticeLibrary::find(const std::string& id) const {
    auto it = std::lower_bound(practices.begin(), practices.end(), id,
                               [](const Practice& p, const std::string& key) { return p.id < key; });
    return it != practices.end() && it->id == id ? &*it : nullptr;
}

PracticeLibrary load_practices(const std::filesystem::path& path, const std::set<std::string>& known_areas,
                               const std::set<std::string>& known_cities, const std::vector<std::string>& languages) {
    const toml::table root = parse_toml_file(path);
    const std::string file = path.string();
    DiagnosticSink sink;
    PracticeLibrary library;
    library.source_file = file;

    const toml::array* array = root["practice"].as_array();
    if (!array) {
        sink.error({file, 1, 1}, "expected an array of tables [[practice]]");
        sink.throw_if_errors();
    }
    std::set<std::string> ids;
    for (std::size_t i = 0; i < array->size(); ++i) {
        const toml::table* table = array->get(i)->as_table();
        const std::string name = "practice[" + std::to_string(i + 1) + "]";
        if (!table) {
            sink.error(location_of(*array->get(i), file), name + ": expected a table");
            continue;
        }
        Practice practice;
        practice.where = location_of(*table, file);
        auto text = [&](const char* key, bool required) -> std::string {
            const toml::node* node = table->get(key);
            if (!node) {
                if (required) sink.error(practice.where, name + "." + key + ": missing; expected a string");
                return {};
            }
            if (auto value = node->value_exact<std::string>()) return *value;
            sink.error(location_of(*node, file), name + "." + key + ": expected a string, found " + describe_type(*node));
            return {};
        };
        practice.id = text("id", true);
        practice.area = text("area", true);
        practice.city = text("city", true);
        practice.link = text("link", false);
        const std::string label = practice.id.empty() ? name : "practice '" + practice.id + "'";
        if (!practice.id.empty() && !ids.insert(practice.id).second)
            sink.error(location_of(*table->get("id"), file), label + ": the id is used twice");
        if (!practice.area.empty() && !known_areas.count(practice.area))
            sink.error(location_of(*table->get("area"), file), label + ": unknown area '" + practice.area + "'");
        if (!practice.city.empty() && !known_cities.empty() && !known_cities.count(practice.city))
            sink.error(location_of(*table->get("city"), file),
                       label + ": unknown city '" + practice.city + "'; expected a city id of the network");
        if (const toml::node* year = table->get("year")) {
            if (auto value = year->value_exact<std::int64_t>(); value && *value >= 1990 && *value <= 2100)
                practice.year = static_cast<int>(*value);
            else
                sink.error(location_of(*year, file), label + ".year: expected a year such as 2021");
        } else {
            sink.error(practice.where, label + ".year: missing; expected a year such as 2021");
        }
        if (!practice.link.empty() && practice.link.rfind("https://", 0) != 0 && practice.link.rfind("http://", 0) != 0)
            sink.error(location_of(*table->get("link"), file), label + ".link: expected an http(s) address, found '" +
                                                                    practice.link + "'");
        for (const char* field : {"title", "summary"}) {
            auto& target = std::string(field) == "title" ? practice.title : practice.summary;
            const toml::table* by_language = (*table)[field].as_table();
            if (!by_language) {
                sink.error(practice.where, label + "." + field + ": missing; expected one text per language (" +
                                               field + ".en, " + field + ".fr, ...)");
                continue;
            }
            for (const auto& [lang, node] : *by_language) {
                if (auto value = node.value_exact<std::string>()) target.emplace(std::string(lang.str()), *value);
                else sink.error(location_of(node, file), label + "." + field + "." + std::string(lang.str()) +
                                                            ": expected a string");
            }
            for (const auto& lang : languages)
                if (!target.count(lang))
                    sink.error(location_of(*by_language, file),
                               label + "." + field + ": no text in language '" + lang + "'");
        }
        library.practices.push_back(std::move(practice));
    }
    sink.throw_if_errors();
    std::sort(library.practices.begin(), library.practices.end(),
              [](const Practice& a, const Practice& b) { return a.id < b.id; });
    return library;
}

}  // namespace icc
