#include "score/export.h"

#include <charconv>
#include <map>
#include <cstdio>

namespace icc {

namespace {


// The shortest text that reads back as the same number: "8.4", "120000".
std::string plain_number(double value) {
    char buffer[64];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    return std::string(buffer, result.ptr);
}

std::string json_string(const std::string& text) {
    std::string out = "\"";
    for (char c : text) {
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            default:
                if (static_cast<unsigned char>(c) < 0x20) {
                    char escaped[8];
                    std::snprintf(escaped, sizeof escaped, "\\u%04x", static_cast<unsigned>(static_cast<unsigned char>(c)));
                    out += escaped;
                } else {
                    out += c;
                }
        }
    }
    return out + "\"";
}

std::string name_of(const std::map<std::string, std::string>& names, const std::string& id) {
    const auto it = names.find(id);
    return it == names.end() ? std::string() : it->second;
}

// ", \"name\": \"...\"" when the export has names.
std::string named_field(const ExportOptions& options, const std::map<std::string, std::string>& names,
                        const std::string& id) {
    return options.lang.empty() ? std::string() : ", \"name\": " + json_string(name_of(names, id));
}

std::string json_figure(const std::optional<Figure>& figure) { return figure_text(figure, "null"); }
std::string json_figure(const std::optional<Exact>& value) { return figure_text(published(value), "null"); }

std::string json_average(const Average& average) {
    return "{\"value\": " + json_figure(average.value) + ", \"count\": " + std::to_string(average.count) + "}";
}

std::string json_averages(const Averages& averages, const std::string& indent) {
    std::string out = "{\n";
    out += indent + "  \"core\": " + json_average(averages.core) + ",\n";
    out += indent + "  \"extended\": " + json_average(averages.extended) + ",\n";
    out += indent + "  \"areas\": {";
    for (std::size_t i = 0; i < averages.areas.size(); ++i)
        out += (i ? ", " : "") + json_string(averages.areas[i].first) + ": " + json_average(averages.areas[i].second);
    out += "}\n" + indent + "}";
    return out;
}

std::string json_city(const SampleCity& entry, const Questionnaire& questionnaire) {
    const CityScores& s = entry.scores;
    std::string out = "    {\n";
    out += "      \"id\": " + json_string(s.city.id) + ",\n";
    out += "      \"name\": " + json_string(s.city.name) + ",\n";
    out += "      \"country\": " + json_string(s.city.country) + ",\n";
    out += "      \"population\": " + std::to_string(s.city.population) + ",\n";
    out += "      \"foreign_born_percent\": " + plain_number(s.city.foreign_born_percent) + ",\n";
    out += "      \"edition\": " + json_string(s.date.iso()) + ",\n";
    out += "      \"questionnaire\": " + json_string(s.questionnaire) + ",\n";
    const auto rank = [](const std::optional<int>& r) { return r ? std::to_string(*r) : std::string("null"); };
    out += "      \"core_rank\": " + rank(entry.core_rank) + ",\n";
    out += "      \"extended_rank\": " + rank(entry.extended_rank) + ",\n";
    out += "      \"aggregate\": " + json_figure(s.aggregate) + ",\n";
    out += "      \"aggregate_index\": " + json_string(std::string(to_string(s.aggregate_kind()))) + ",\n";
    out += "      \"core\": " + json_figure(s.core) + ",\n";
    out += "      \"extended\": " + json_figure(s.extended) + ",\n";
    out += "      \"areas\": {";
    for (std::size_t i = 0; i < questionnaire.areas().size(); ++i) {
        const std::string& id = questionnaire.areas()[i].id;
        out += (i ? ", " : "") + json_string(id) + ": " + json_figure(s.rate(id));
    }
    out += "},\n";
    out += "      \"peer_groups\": {\"population\": " + json_string(entry.population_group) +
           ", \"diversity\": " + json_string(entry.diversity_group) +
           ", \"country\": " + json_string(entry.country_group) + "},\n";
    if (!entry.progress) {
        out += "      \"progress\": null\n";
    } else {
        const Progress& p = *entry.progress;
        out += "      \"progress\": {\n";
        out += "        \"previous_edition\": " + json_string(p.previous_date.iso()) + ",\n";
        out += "        \"previous_questionnaire\": " + json_string(p.previous_questionnaire) + ",\n";
        out += "        \"aggregate\": " + json_figure(p.aggregate) + ",\n";
        out += "        \"core\": " + json_figure(p.core) + ",\n";
        out += "        \"extended\": " + json_figure(p.extended) + ",\n";
        out += "        \"areas\": {";
        for (std::size_t i = 0; i < p.areas.size(); ++i)
            out += (i ? ", " : "") + json_string(p.areas[i].first) + ": " + json_figure(p.areas[i].second);
        out += "}\n      }\n";
    }
    out += "    }";
    return out;
}

}  // namespace

namespace {

// Writes CSV rows: fields separated by ',' (';' for a spreadsheet whose
// decimal mark is ','), figures with the chosen decimal mark.
class CsvRows {
public:
    explicit CsvRows(const ExportOptions& options)
        : mark_(options.spreadsheet ? options.decimal_mark : "."),
          separator_(options.spreadsheet && mark_ == "," ? ';' : ',') {
        if (options.spreadsheet) out_ = "\xEF\xBB\xBF";  // UTF-8 byte order mark: spreadsheets read UTF-8 then
    }
    CsvRows& text(const std::string& value) {
        next();
        if (value.find_first_of(std::string(1, separator_) + "\"\n\r") == std::string::npos) {
            out_ += value;
        } else {
            out_ += '"';
            for (char c : value) {
                if (c == '"') out_ += '"';
                out_ += c;
            }
            out_ += '"';
        }
        return *this;
    }
    // A figure written with '.', shown with the decimal mark.
    CsvRows& number(const std::string& value) {
        next();
        for (char c : value) {
            if (c == '.') out_ += mark_;
            else out_ += c;
        }
        return *this;
    }
    CsvRows& figure(const std::optional<Figure>& value) { return number(figure_text(value, "")); }
    CsvRows& figure(const std::optional<Exact>& value) { return figure(published(value)); }
    void end_row() {
        out_ += '\n';
        first_ = true;
    }
    [[nodiscard]] const std::string& str() const { return out_; }

private:
    void next() {
        if (!first_) out_ += separator_;
        first_ = false;
    }
    std::string mark_;
    char separator_;
    std::string out_;
    bool first_ = true;
};


const PeerGroup* group_of_kind(const std::vector<const PeerGroup*>& groups, PeerGroupKind kind) {
    for (const PeerGroup* group : groups)
        if (group->kind == kind) return group;
    return nullptr;
}

// The one-city form: a row per index and area, the city beside the sample and its peer groups.
std::string city_csv(const Sample& sample, const SampleCity& city, const Questionnaire& questionnaire,
                     const ExportOptions& options) {
    CsvRows csv(options);
    const bool named = !options.lang.empty();
    const auto groups = sample.peer_groups_of(city.scores.city.id);
    const PeerGroupKind kinds[] = {PeerGroupKind::population, PeerGroupKind::diversity, PeerGroupKind::country};
    csv.text("city").text("edition").text("area");
    if (named) csv.text("name");
    csv.text("kind").text("rate").text("sample_average");
    for (PeerGroupKind kind : kinds) {
        csv.text(std::string(to_string(kind)) + "_group");
        if (named) csv.text(std::string(to_string(kind)) + "_group_name");
        csv.text(std::string(to_string(kind)) + "_group_average");
    }
    csv.text("change");
    csv.end_row();
    auto row = [&](const std::string& id, const std::string& name, const std::string& kind,
                   const std::optional<Exact>& rate, auto average_of, const std::optional<Figure>& change) {
        csv.text(city.scores.city.id).text(city.scores.date.iso()).text(id);
        if (named) csv.text(name);
        csv.text(kind).figure(rate).figure(average_of(sample.averages).value);
        for (PeerGroupKind which : kinds) {
            const PeerGroup* group = group_of_kind(groups, which);
            csv.text(group ? group->id : "");
            if (named) csv.text(group ? name_of(options.group_names, group->id) : "");
            if (group) csv.figure(average_of(group->averages).value);
            else csv.number("");
        }
        csv.figure(change);
        csv.end_row();
    };
    const Progress* progress = city.progress ? &*city.progress : nullptr;
    row("aggregate", name_of(options.area_names, "aggregate"), "index", city.scores.aggregate,
        [&](const Averages& a) -> const Average& { return a.index(city.scores.aggregate_kind()); },
        progress ? progress->aggregate : std::nullopt);
    row("core", name_of(options.area_names, "core"), "index", city.scores.core,
        [](const Averages& a) -> const Average& { return a.core; }, progress ? progress->core : std::nullopt);
    row("extended", name_of(options.area_names, "extended"), "index", city.scores.extended,
        [](const Averages& a) -> const Average& { return a.extended; }, progress ? progress->extended : std::nullopt);
    for (const Area& area : questionnaire.areas())
        row(area.id, name_of(options.area_names, area.id), area.kind == AreaKind::indicator ? "indicator" : "field",
            city.scores.rate(area.id), [&](const Averages& a) -> const Average& { return a.area(area.id); },
            progress ? progress->area(area.id) : std::nullopt);
    return csv.str();
}

}  // namespace

std::string sample_csv(const Sample& sample, const Questionnaire& questionnaire, const ExportOptions& options) {
    if (options.city)
        if (const SampleCity* city = sample.find(*options.city)) return city_csv(sample, *city, questionnaire, options);
    const bool named = !options.lang.empty();
    CsvRows csv(options);
    for (const char* column : {"core_rank", "extended_rank", "city", "name", "country", "population", "foreign_born_percent",
                               "population_group", "diversity_group"})
        csv.text(column);
    if (named) csv.text("population_group_name").text("diversity_group_name");
    for (const char* column : {"edition", "questionnaire", "aggregate", "core", "extended"}) csv.text(column);
    for (const Area& area : questionnaire.areas()) csv.text(area.id);
    for (const char* column : {"previous_edition", "aggregate_change", "core_change", "extended_change"})
        csv.text(column);
    csv.end_row();
    for (const SampleCity& entry : sample.cities) {
        const CityScores& s = entry.scores;
        csv.number(entry.core_rank ? std::to_string(*entry.core_rank) : std::string());
        csv.number(entry.extended_rank ? std::to_string(*entry.extended_rank) : std::string());
        csv.text(s.city.id).text(s.city.name).text(s.city.country);
        csv.number(std::to_string(s.city.population)).number(plain_number(s.city.foreign_born_percent));
        csv.text(entry.population_group).text(entry.diversity_group);
        if (named)
            csv.text(name_of(options.group_names, entry.population_group))
                .text(name_of(options.group_names, entry.diversity_group));
        csv.text(s.date.iso()).text(s.questionnaire);
        csv.figure(s.aggregate).figure(s.core).figure(s.extended);
        for (const Area& area : questionnaire.areas()) csv.figure(s.rate(area.id));
        if (entry.progress) {
            csv.text(entry.progress->previous_date.iso())
                .figure(entry.progress->aggregate)
                .figure(entry.progress->core)
                .figure(entry.progress->extended);
        } else {
            csv.text("").text("").text("").text("");
        }
        csv.end_row();
    }
    return csv.str();
}

std::string sample_json(const Sample& sample, const Questionnaire& questionnaire, const ExportOptions& options) {
    std::string out = "{\n";
    if (!options.lang.empty()) out += "  \"lang\": " + json_string(options.lang) + ",\n";
    const SampleCity* focus = options.city ? sample.find(*options.city) : nullptr;
    if (focus) out += "  \"city\": " + json_string(focus->scores.city.id) + ",\n";
    out += "  \"questionnaire\": " + json_string(questionnaire.current_version()) + ",\n";
    out += "  \"as_of\": " + (sample.as_of ? json_string(sample.as_of->iso()) : std::string("null")) + ",\n";
    out += "  \"sample_size\": " + std::to_string(sample.size()) + ",\n";
    out += "  \"areas\": [\n";
    for (std::size_t i = 0; i < questionnaire.areas().size(); ++i) {
        const Area& area = questionnaire.areas()[i];
        out += "    {\"id\": " + json_string(area.id) + named_field(options, options.area_names, area.id) + ", \"kind\": " +
               json_string(area.kind == AreaKind::indicator ? "indicator" : "field") +
               ", \"parent\": " + (area.parent.empty() ? std::string("null") : json_string(area.parent)) +
               ", \"weight\": " + plain_number(area.weight) + ", \"core\": " + (area.core ? "true" : "false") + "}" +
               (i + 1 < questionnaire.areas().size() ? ",\n" : "\n");
    }
    out += "  ],\n";
    out += "  \"averages\": " + json_averages(sample.averages, "  ") + ",\n";
    out += "  \"peer_groups\": [\n";
    // The one-city form keeps the city's own peer groups and the city itself.
    std::vector<const PeerGroup*> groups;
    if (focus) groups = sample.peer_groups_of(focus->scores.city.id);
    else
        for (const PeerGroup& group : sample.peer_groups) groups.push_back(&group);
    for (std::size_t i = 0; i < groups.size(); ++i) {
        const PeerGroup& group = *groups[i];
        out += "    {\n";
        out += "      \"id\": " + json_string(group.id) + ",\n";
        if (!options.lang.empty())
            out += "      \"name\": " + json_string(name_of(options.group_names, group.id)) + ",\n";
        out += "      \"kind\": " + json_string(std::string(to_string(group.kind))) + ",\n";
        out += "      \"lower\": " + (group.lower ? plain_number(*group.lower) : std::string("null")) + ",\n";
        out += "      \"upper\": " + (group.upper ? plain_number(*group.upper) : std::string("null")) + ",\n";
        out += "      \"country\": " + (group.country.empty() ? std::string("null") : json_string(group.country)) + ",\n";
        out += "      \"size\": " + std::to_string(group.size()) + ",\n";
        out += "      \"members\": [";
        for (std::size_t m = 0; m < group.members.size(); ++m) out += (m ? ", " : "") + json_string(group.members[m]);
        out += "],\n";
        out += "      \"averages\": " + json_averages(group.averages, "      ") + "\n";
        out += std::string("    }") + (i + 1 < groups.size() ? ",\n" : "\n");
    }
    out += "  ],\n";
    out += "  \"cities\": [\n";
    if (focus) {
        out += json_city(*focus, questionnaire) + "\n";
    } else {
        for (std::size_t i = 0; i < sample.cities.size(); ++i)
            out += json_city(sample.cities[i], questionnaire) + (i + 1 < sample.cities.size() ? ",\n" : "\n");
    }
    out += "  ]\n}\n";
    return out;
}

}  // namespace icc
