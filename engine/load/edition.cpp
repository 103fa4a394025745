#include "load/edition.h"

#include <algorithm>

#include "support/toml_source.h"

namespace icc {

namespace {

class EditionReader {
public:
    EditionReader(const toml::table& root, std::string file) : root_(root), file_(std::move(file)) {}

    Edition read() {
        Edition edition;
        edition.source_file = file_;
        const toml::table* city = require_table(root_, "city", "");
        const toml::table* meta = require_table(root_, "edition", "");
        if (city) {
            edition.city.id = require<std::string>(*city, "id", "city", "a string");
            edition.city.name = require<std::string>(*city, "name", "city", "a string");
            edition.city.country = require<std::string>(*city, "country", "city", "an ISO 3166 country code");
            if (!edition.city.country.empty() &&
                (edition.city.country.size() != 2 ||
                 !std::all_of(edition.city.country.begin(), edition.city.country.end(),
                              [](char c) { return c >= 'A' && c <= 'Z'; })))
                sink_.error(location_of(*city->get("country"), file_),
                            "city.country: expected a two-letter ISO 3166 code in capitals (e.g. \"PT\"), found \"" +
                                edition.city.country + "\"");
            edition.city.population = require<std::int64_t>(*city, "population", "city", "an integer");
            if (const toml::node* node = city->get("population"); node && edition.city.population < 0)
                sink_.error(location_of(*node, file_), "city.population: expected a positive integer, found " +
                                                           std::to_string(edition.city.population));
            edition.city.foreign_born_percent = require_number(*city, "foreign_born_percent", "city");
            if (const toml::node* node = city->get("foreign_born_percent");
                node && (edition.city.foreign_born_percent < 0 || edition.city.foreign_born_percent > 100))
                sink_.error(location_of(*node, file_),
                            "city.foreign_born_percent: expected a percentage between 0 and 100, found " +
                                std::to_string(edition.city.foreign_born_percent));
        }
        if (meta) {
            if (const toml::node* node = meta->get("date")) {
                if (auto date = node->value<toml::date>())
                    edition.date = Date{date->year, date->month, date->day};
                else
                    sink_.error(location_of(*node, file_),
                                "edition.date: expected a date (e.g. 2026-03-15), found " + describe_type(*node));
            } else {
                sink_.error(location_of(*meta, file_), "edition.date: missing; expected a date (e.g. 2026-03-15)");
            }
            edition.questionnaire = require<std::string>(*meta, "questionnaire", "edition", "a string");
        }
        if (const toml::node* answers = root_.get("answers")) {
            if (const toml::table* table = answers->as_table())
                read_answers(*table, edition);
            else
                sink_.error(location_of(*answers, file_), "answers: expected a table, found " + describe_type(*answers));
        }
        std::sort(edition.answers.begin(), edition.answers.end(),
                  [](const Answer& a, const Answer& b) { return a.question < b.question; });
        sink_.throw_if_errors();
        return edition;
    }

private:
    const toml::table* require_table(const toml::table& parent, const char* key, const std::string& prefix) {
        const toml::node* node = parent.get(key);
        std::string name = prefix.empty() ? key : prefix + "." + key;
        if (!node) {
            sink_.error({file_, 1, 1}, "missing table [" + name + "]");
            return nullptr;
        }
        if (!node->is_table()) {
            sink_.error(location_of(*node, file_), name + ": expected a table, found " + describe_type(*node));
            return nullptr;
        }
        return node->as_table();
    }

    template <typename T>
    T require(const toml::table& table, const char* key, const std::string& prefix, const char* expected) {
        const toml::node* node = table.get(key);
        std::string name = prefix + "." + key;
        if (!node) {
            sink_.error(location_of(table, file_), name + ": missing; expected " + expected);
            return T{};
        }
        if (auto value = node->value_exact<T>()) return *value;
        sink_.error(location_of(*node, file_), name + ": expected " + expected + ", found " + describe_type(*node));
        return T{};
    }

    double require_number(const toml::table& table, const char* key, const std::string& prefix) {
        const toml::node* node = table.get(key);
        std::string name = prefix + "." + key;
        if (!node) {
            sink_.error(location_of(table, file_), name + ": missing; expected a number");
            return 0;
        }
        if (node->is_number()) return *node->value<double>();
        sink_.error(location_of(*node, file_), name + ": expected a number, found " + describe_type(*node));
        return 0;
    }

    std::optional<AnswerValue> read_value(const toml::node& node, const std::string& question) {
        if (auto s = node.value_exact<std::string>()) return AnswerValue{*s};
        if (auto i = node.value_exact<std::int64_t>()) return AnswerValue{*i};
        if (auto d = node.value_exact<double>()) return AnswerValue{*d};
        if (auto b = node.value_exact<bool>()) return AnswerValue{*b};
        if (const auto* array = node.as_array()) {
            std::vector<std::string> items;
            for (const auto& item : *array) {
                if (auto s = item.value_exact<std::string>())
                    items.push_back(*s);
                else
                    sink_.error(location_of(item, file_), "answers." + question +
                                                              ": expected a list of option names (strings), found " +
                                                              describe_type(item) + " in the list");
            }
            return AnswerValue{std::move(items)};
        }
        sink_.error(location_of(node, file_),
                    "answers." + question +
                        ": expected a string, number, boolean or list of strings, found " + describe_type(node));
        return std::nullopt;
    }

    void read_answers(const toml::table& table, Edition& edition) {
        for (const auto& [key, node] : table) {
            std::string question(key.str());
            Answer answer;
            answer.question = question;
            answer.where = location_of(node, file_);
            if (const toml::table* detailed = node.as_table()) {
                // The long form: { answer = ..., comment = "..." }.
                const toml::node* value = detailed->get("answer");
                if (!value) {
                    sink_.error(location_of(node, file_),
                                "answers." + question + ": expected a key 'answer' in this table");
                    continue;
                }
                auto parsed = read_value(*value, question);
                if (!parsed) continue;
                answer.value = std::move(*parsed);
                answer.where = location_of(*value, file_);
                if (const toml::node* comment = detailed->get("comment")) {
                    if (auto text = comment->value_exact<std::string>())
                        answer.comment = *text;
                    else
                        sink_.error(location_of(*comment, file_), "answers." + question +
                                                                      ".comment: expected a string, found " +
                                                                      describe_type(*comment));
                }
                for (const auto& [extra, extra_node] : *detailed)
                    if (extra.str() != "answer" && extra.str() != "comment")
                        sink_.error(location_of(extra_node, file_), "answers." + question + ": unknown key '" +
                                                                        std::string(extra.str()) +
                                                                        "'; expected 'answer' or 'comment'");
            } else {
                auto parsed = read_value(node, question);
                if (!parsed) continue;
                answer.value = std::move(*parsed);
            }
            edition.answers.push_back(std::move(answer));
        }
    }

    const toml::table& root_;
    std::string file_;
    DiagnosticSink sink_;
};

}  // namespace

std::string answer_text(const AnswerValue& value) {
    struct Visitor {
        std::string operator()(const std::string& s) const { return s; }
        std::string operator()(std::int64_t i) const { return std::to_string(i); }
        std::string operator()(double d) const {
            std::string s = std::to_string(d);
            s.erase(s.find_last_not_of('0') + 1);
            if (!s.empty() && s.back() == '.') s.pop_back();
            return s;
        }
        std::string operator()(bool b) const { return b ? "true" : "false"; }
        std::string operator()(const std::vector<std::string>& items) const {
            std::string out;
            for (const auto& item : items) out += (out.empty() ? "" : ", ") + item;
            return out;
        }
    };
    return std::visit(Visitor{}, value);
}

Edition load_edition(const std::filesystem::path& path) {
    toml::table root = parse_toml_file(path);
    return EditionReader(root, path.string()).read();
}

}  // namespace icc
