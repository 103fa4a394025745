#include "load/visit_notes.h"

#include <algorithm>

#include "support/toml_source.h"

namespace icc {

namespace {

class NotesReader {
public:
    NotesReader(const toml::table& root, std::string file, const std::set<std::string>& known_areas)
        : root_(root), file_(std::move(file)), known_areas_(known_areas) {}

    VisitNotes read() {
        VisitNotes notes;
        notes.source_file = file_;
        if (const toml::table* visit = table(root_, "visit")) {
            notes.city = string(*visit, "city", "visit", true);
            if (const toml::node* node = visit->get("edition")) notes.edition_where = location_of(*node, file_);
            notes.edition = date(*visit, "edition", "visit");
            notes.language = string(*visit, "language", "visit", true);
            if (const toml::node* node = visit->get("dates")) {
                const toml::array* days = node->as_array();
                if (!days || days->size() != 2 || !(*days)[0].is_date() || !(*days)[1].is_date()) {
                    sink_.error(location_of(*node, file_),
                                "visit.dates: expected [first day, last day] as two dates, e.g. [2026-05-12, 2026-05-14]");
                } else {
                    notes.first_day = to_date(*(*days)[0].value<toml::date>());
                    notes.last_day = to_date(*(*days)[1].value<toml::date>());
                    if (notes.last_day < notes.first_day)
                        sink_.error(location_of(*node, file_), "visit.dates: the last day is before the first day");
                }
            } else {
                sink_.error(location_of(*visit, file_), "visit.dates: missing; expected [first day, last day]");
            }
        }
        for_each_table("team", [&](const toml::table& t, const std::string& name) {
            VisitMember member{string(t, "name", name, true), string(t, "role", name, true),
                               string(t, "organisation", name, false)};
            if (!member.role.empty() && member.role != "expert" && member.role != "secretariat")
                sink_.error(location_of(*t.get("role"), file_),
                            name + ".role: expected \"expert\" or \"secretariat\", found \"" + member.role + "\"");
            notes.team.push_back(std::move(member));
        });
        for_each_table("programme", [&](const toml::table& t, const std::string& name) {
            notes.programme.push_back({date(t, "date", name), string(t, "time", name, true),
                                       string(t, "stakeholder", name, true), string(t, "topic", name, true)});
        });
        std::stable_sort(notes.programme.begin(), notes.programme.end(), [](const auto& a, const auto& b) {
            return std::tie(a.date, a.time) < std::tie(b.date, b.time);
        });
        for_each_table("met", [&](const toml::table& t, const std::string& name) {
            PersonMet person{string(t, "name", name, false), string(t, "organisation", name, false),
                             string(t, "role", name, false)};
            if (person.name.empty() && person.organisation.empty())
                sink_.error(location_of(t, file_), name + ": expected a name, an organisation or both");
            notes.met.push_back(std::move(person));
        });
        if (const toml::table* sections = table(root_, "sections")) {
            if (const toml::node* context = sections->get("context"))
                notes.context = markup(*context, "sections.context");
            else
                sink_.error(location_of(*sections, file_), "sections.context: missing; expected the city's context");
            if (const toml::node* areas = sections->get("areas")) {
                if (const toml::table* t = areas->as_table()) {
                    for (const auto& [key, node] : *t) {
                        const std::string area(key.str());
                        const std::string name = "sections.areas." + area;
                        check_area(area, node, name);
                        notes.areas.push_back({area, markup(node, name), location_of(node, file_)});
                    }
                } else {
                    sink_.error(location_of(*areas, file_), "sections.areas: expected a table of texts keyed by area id");
                }
            }
        }
        for_each_table("recommendation", [&](const toml::table& t, const std::string& name) {
            ExpertRecommendation recommendation;
            recommendation.where = location_of(t, file_);
            recommendation.area = string(t, "area", name, true);
            if (const toml::node* area = t.get("area")) check_area(recommendation.area, *area, name + ".area");
            const std::string priority = string(t, "priority", name, true);
            if (priority == "high") recommendation.priority = Priority::high;
            else if (priority == "medium") recommendation.priority = Priority::medium;
            else if (priority == "low") recommendation.priority = Priority::low;
            else if (!priority.empty())
                sink_.error(location_of(*t.get("priority"), file_),
                            name + ".priority: expected \"high\", \"medium\" or \"low\", found \"" + priority + "\"");
            if (const toml::node* text = t.get("text")) recommendation.text = markup(*text, name + ".text");
            else sink_.error(location_of(t, file_), name + ".text: missing; expected the recommendation");
            notes.recommendations.push_back(std::move(recommendation));
        });
        sink_.throw_if_errors();
        notes.warnings = sink_.all();
        return notes;
    }

private:
    static Date to_date(const toml::date& d) { return Date{d.year, d.month, d.day}; }

    const toml::table* table(const toml::table& parent, const char* key) {
        const toml::node* node = parent.get(key);
        if (!node) {
            sink_.error({file_, 1, 1}, std::string("missing table [") + key + "]");
            return nullptr;
        }
        if (!node->is_table()) {
            sink_.error(location_of(*node, file_), std::string(key) + ": expected a table, found " + describe_type(*node));
            return nullptr;
        }
        return node->as_table();
    }

    std::string string(const toml::table& t, const char* key, const std::string& prefix, bool required) {
        const toml::node* node = t.get(key);
        if (!node) {
            if (required) sink_.error(location_of(t, file_), prefix + "." + key + ": missing; expected a string");
            return {};
        }
        if (auto value = node->value_exact<std::string>()) return *value;
        sink_.error(location_of(*node, file_), prefix + "." + key + ": expected a string, found " + describe_type(*node));
        return {};
    }

    Date date(const toml::table& t, const char* key, const std::string& prefix) {
        const toml::node* node = t.get(key);
        if (!node) {
            sink_.error(location_of(t, file_), prefix + "." + key + ": missing; expected a date (e.g. 2026-05-12)");
            return {};
        }
        if (auto value = node->value<toml::date>()) return to_date(*value);
        sink_.error(location_of(*node, file_),
                    prefix + "." + key + ": expected a date (e.g. 2026-05-12), found " + describe_type(*node));
        return {};
    }

    template <typename Visit>
    void for_each_table(const char* key, Visit visit) {
        const toml::node* node = root_.get(key);
        if (!node) return;
        const toml::array* array = node->as_array();
        if (!array) {
            sink_.error(location_of(*node, file_), std::string(key) + ": expected an array of tables [[" + key + "]]");
            return;
        }
        for (std::size_t i = 0; i < array->size(); ++i) {
            const toml::node& item = *array->get(i);
            const std::string name = std::string(key) + "[" + std::to_string(i + 1) + "]";
            if (const toml::table* t = item.as_table()) visit(*t, name);
            else sink_.error(location_of(item, file_), name + ": expected a table, found " + describe_type(item));
        }
    }

    MarkupText markup(const toml::node& node, const std::string& name) {
        auto text = node.value_exact<std::string>();
        if (!text) {
            sink_.error(location_of(node, file_), name + ": expected text (a string), found " + describe_type(node));
            return {};
        }
        SourceLocation origin = location_of(node, file_);
        // A multi-line """ string starts on the line after its opening quotes.
        if (origin.line > 0 && node.source().end.line > node.source().begin.line) {
            origin.line += 1;
            origin.column = 1;
        } else if (origin.column > 0) {
            origin.column += 1;  // past the opening quote
        }
        return parse_light_markup(*text, origin, sink_);
    }

    void check_area(const std::string& area, const toml::node& node, const std::string& name) {
        if (known_areas_.count(area) == 0) {
            std::string known;
            for (const auto& id : known_areas_) known += (known.empty() ? "" : ", ") + id;
            sink_.error(location_of(node, file_), name + ": unknown area '" + area + "'; expected one of: " + known);
        }
    }

    const toml::table& root_;
    std::string file_;
    const std::set<std::string>& known_areas_;
    DiagnosticSink sink_;
};

}  // namespace

VisitNotes load_visit_notes(const std::filesystem::path& path, const std::set<std::string>& known_areas) {
    toml::table root = parse_toml_file(path);
    return NotesReader(root, path.string(), known_areas).read();
}

}  // namespace icc
