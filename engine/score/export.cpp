#include "score/export.h"

#include <charconv>
#include <cstdio>

namespace icc {

namespace {

std::string optional_figure(const std::optional<Figure>& figure) { return figure_text(figure, ""); }
std::string optional_figure(const std::optional<Exact>& value) { return figure_text(published(value), ""); }

// The shortest text that reads back as the same number: "8.4", "120000".
std::string plain_number(double value) {
    char buffer[64];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    return std::string(buffer, result.ptr);
}

std::string csv_field(const std::string& text) {
    if (text.find_first_of(",\"\n\r") == std::string::npos) return text;
    std::string out = "\"";
    for (char c : text) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
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

std::string json_figure(const std::optional<Figure>& figure) { return figure_text(figure, "null"); }
std::string json_figure(const std::optional<Exact>& value) { return figure_text(published(value), "null"); }

std::string json_average(const Average& average) {
    return "{\"value\": " + json_figure(average.value) + ", \"count\": " + std::to_string(average.count) + "}";
}

std::string json_averages(const Averages& averages, const std::string& indent) {
    std::string out = "{\n";
    out += indent + "  \"aggregate\": " + json_average(averages.aggregate) + ",\n";
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
    out += "      \"rank\": " + (entry.rank ? std::to_string(*entry.rank) : std::string("null")) + ",\n";
    out += "      \"aggregate\": " + json_figure(s.aggregate) + ",\n";
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

std::string sample_csv(const Sample& sample, const Questionnaire& questionnaire) {
    std::string out = "rank,city,name,country,population,foreign_born_percent,population_group,diversity_group,"
                      "edition,questionnaire,aggregate,core,extended";
    for (const Area& area : questionnaire.areas()) out += "," + area.id;
    out += ",previous_edition,aggregate_change,core_change,extended_change\n";
    for (const SampleCity& entry : sample.cities) {
        const CityScores& s = entry.scores;
        out += (entry.rank ? std::to_string(*entry.rank) : std::string()) + ",";
        out += csv_field(s.city.id) + "," + csv_field(s.city.name) + "," + csv_field(s.city.country) + ",";
        out += std::to_string(s.city.population) + "," + plain_number(s.city.foreign_born_percent) + ",";
        out += entry.population_group + "," + entry.diversity_group + ",";
        out += s.date.iso() + "," + csv_field(s.questionnaire) + ",";
        out += optional_figure(s.aggregate) + "," + optional_figure(s.core) + "," + optional_figure(s.extended);
        for (const Area& area : questionnaire.areas()) out += "," + optional_figure(s.rate(area.id));
        if (entry.progress) {
            out += "," + entry.progress->previous_date.iso() + "," + optional_figure(entry.progress->aggregate) + "," +
                   optional_figure(entry.progress->core) + "," + optional_figure(entry.progress->extended);
        } else {
            out += ",,,,";
        }
        out += "\n";
    }
    return out;
}

std::string sample_json(const Sample& sample, const Questionnaire& questionnaire) {
    std::string out = "{\n";
    out += "  \"questionnaire\": " + json_string(questionnaire.current_version()) + ",\n";
    out += "  \"as_of\": " + (sample.as_of ? json_string(sample.as_of->iso()) : std::string("null")) + ",\n";
    out += "  \"sample_size\": " + std::to_string(sample.size()) + ",\n";
    out += "  \"areas\": [\n";
    for (std::size_t i = 0; i < questionnaire.areas().size(); ++i) {
        const Area& area = questionnaire.areas()[i];
        out += "    {\"id\": " + json_string(area.id) + ", \"kind\": " +
               json_string(area.kind == AreaKind::indicator ? "indicator" : "field") +
               ", \"parent\": " + (area.parent.empty() ? std::string("null") : json_string(area.parent)) +
               ", \"weight\": " + plain_number(area.weight) + ", \"core\": " + (area.core ? "true" : "false") + "}" +
               (i + 1 < questionnaire.areas().size() ? ",\n" : "\n");
    }
    out += "  ],\n";
    out += "  \"averages\": " + json_averages(sample.averages, "  ") + ",\n";
    out += "  \"peer_groups\": [\n";
    for (std::size_t i = 0; i < sample.peer_groups.size(); ++i) {
        const PeerGroup& group = sample.peer_groups[i];
        out += "    {\n";
        out += "      \"id\": " + json_string(group.id) + ",\n";
        out += "      \"kind\": " + json_string(std::string(to_string(group.kind))) + ",\n";
        out += "      \"lower\": " + (group.lower ? plain_number(*group.lower) : std::string("null")) + ",\n";
        out += "      \"upper\": " + (group.upper ? plain_number(*group.upper) : std::string("null")) + ",\n";
        out += "      \"country\": " + (group.country.empty() ? std::string("null") : json_string(group.country)) + ",\n";
        out += "      \"size\": " + std::to_string(group.size()) + ",\n";
        out += "      \"members\": [";
        for (std::size_t m = 0; m < group.members.size(); ++m) out += (m ? ", " : "") + json_string(group.members[m]);
        out += "],\n";
        out += "      \"averages\": " + json_averages(group.averages, "      ") + "\n";
        out += std::string("    }") + (i + 1 < sample.peer_groups.size() ? ",\n" : "\n");
    }
    out += "  ],\n";
    out += "  \"cities\": [\n";
    for (std::size_t i = 0; i < sample.cities.size(); ++i)
        out += json_city(sample.cities[i], questionnaire) + (i + 1 < sample.cities.size() ? ",\n" : "\n");
    out += "  ]\n}\n";
    return out;
}

}  // namespace icc
