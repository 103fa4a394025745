#include "load/visit_notes.h"

#include <algorithm>

#include "support/toml_reader.h"
#include "support/wording.h"

namespace icc {

namespace {

constexpr Choice<std::string_view> member_roles[] = {{"expert", "expert"}, {"secretariat", "secretariat"}};
constexpr Choice<Priority> priorities[] = {
    {"high", Priority::high}, {"medium", Priority::medium}, {"low", Priority::low}};

class NotesReader {
public:
    NotesReader(const std::set<std::string>& known_areas, DiagnosticSink& sink)
        : known_areas_(known_areas), sink_(sink) {}

    VisitNotes read(TableReader root) {
        VisitNotes notes;
        notes.source_file = root.file();
        if (std::optional<TableReader> visit = root.required_table("visit")) {
            notes.city = visit->required<std::string>("city").value_or("");
            const TomlValue edition = (*visit)["edition"];
            notes.edition_where = edition.where();
            notes.edition = edition.required<Date>().value_or(Date{});
            read_dates((*visit)["dates"], notes);
            notes.language = visit->required<std::string>("language").value_or("");
        }
        for (TableReader& t : root.optional_tables("team")) {
            VisitMember member;
            member.name = t.required<std::string>("name").value_or("");
            member.role = std::string(t.required("role", member_roles).value_or(""));
            member.organisation = t.optional<std::string>("organisation").value_or("");
            notes.team.push_back(std::move(member));
        }
        for (TableReader& t : root.optional_tables("programme")) {
            ProgrammeItem item;
            item.date = t.required<Date>("date").value_or(Date{});
            item.time = t.required<std::string>("time").value_or("");
            item.stakeholder = t.required<std::string>("stakeholder").value_or("");
            item.topic = t.required<std::string>("topic").value_or("");
            notes.programme.push_back(std::move(item));
        }
        std::stable_sort(notes.programme.begin(), notes.programme.end(), [](const auto& a, const auto& b) {
            return std::tie(a.date, a.time) < std::tie(b.date, b.time);
        });
        for (TableReader& t : root.optional_tables("met")) {
            PersonMet person;
            person.name = t.optional<std::string>("name").value_or("");
            person.organisation = t.optional<std::string>("organisation").value_or("");
            person.role = t.optional<std::string>("role").value_or("");
            if (person.name.empty() && person.organisation.empty()) t.error("expected a name, an organisation or both");
            notes.met.push_back(std::move(person));
        }
        if (std::optional<TableReader> sections = root.required_table("sections")) {
            const TomlValue context = (*sections)["context"];
            if (context) notes.context = markup(context);
            else context.missing("the city's context (a text)");
            if (std::optional<TableReader> areas = sections->optional_table("areas"))
                for (const TomlValue& text : areas->other_entries()) {
                    check_area(text.key(), text);
                    notes.areas.push_back({text.key(), markup(text), text.where()});
                }
        }
        for (TableReader& t : root.optional_tables("recommendation")) {
            ExpertRecommendation recommendation;
            recommendation.where = t.where();
            const TomlValue area = t["area"];
            recommendation.area = area.required<std::string>().value_or("");
            if (area) check_area(recommendation.area, area);
            recommendation.priority = t.required("priority", priorities).value_or(Priority::medium);
            const TomlValue text = t["text"];
            if (text) recommendation.text = markup(text);
            else text.missing("the recommendation (a text)");
            notes.recommendations.push_back(std::move(recommendation));
        }
        return notes;
    }

private:
    void read_dates(const TomlValue& value, VisitNotes& notes) {
        const char* expected = "[first day, last day] as two dates, e.g. [2026-05-12, 2026-05-14]";
        if (!value) {
            value.missing(expected);
            return;
        }
        const toml::array* days = value.node()->as_array();
        if (!days || days->size() != 2 || !(*days)[0].is_date() || !(*days)[1].is_date()) {
            value.error(std::string("expected ") + expected + ", found " + value.found_with_type());
            return;
        }
        const auto to_date = [](const toml::date& d) { return Date{d.year, d.month, d.day}; };
        notes.first_day = to_date(*(*days)[0].value<toml::date>());
        notes.last_day = to_date(*(*days)[1].value<toml::date>());
        if (notes.last_day < notes.first_day) value.error("the last day is before the first day");
    }

    MarkupText markup(const TomlValue& value) {
        const auto text = value.required<std::string>({.what = "text (a string)"});
        if (!text) return {};
        SourceLocation origin = value.where();
        origin.end_line = origin.end_column = 0;
        // A multi-line """ string starts on the line after its opening quotes.
        if (origin.line > 0 && value.node()->source().end.line > value.node()->source().begin.line) {
            origin.line += 1;
            origin.column = 1;
        } else if (origin.column > 0) {
            origin.column += 1;  // past the opening quote
        }
        return parse_light_markup(*text, origin, sink_);
    }

    void check_area(const std::string& area, const TomlValue& value) {
        if (known_areas_.count(area)) return;
        std::vector<std::string> known(known_areas_.begin(), known_areas_.end());
        const std::string closest = closest_match(area, known);
        value.error("unknown area '" + area + "'; expected one of: " + join_alternatives(known, ", "),
                    closest.empty() ? std::vector<DiagnosticNote>{}
                                    : std::vector<DiagnosticNote>{{NoteKind::help, "did you mean '" + closest + "'?"}});
    }

    const std::set<std::string>& known_areas_;
    DiagnosticSink& sink_;
};

}  // namespace

VisitNotes read_visit_notes(const std::filesystem::path& path, const std::set<std::string>& known_areas,
                            DiagnosticSink& sink) {
    if (const auto document = TomlDocument::read(path, sink))
        return NotesReader(known_areas, sink).read(document->root(sink));
    return VisitNotes{};
}

VisitNotes load_visit_notes(const std::filesystem::path& path, const std::set<std::string>& known_areas) {
    DiagnosticSink sink;
    VisitNotes notes = read_visit_notes(path, known_areas, sink);
    sink.throw_if_errors();
    notes.warnings = sink.warnings();
    return notes;
}

}  // namespace icc
