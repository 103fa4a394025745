#include "load/edition.h"

#include <algorithm>

#include "support/toml_source.h"

namespace icc {

namespace {

const std::vector<std::string_view> identity_keys{"id", "name", "country"};

class EditionReader {
public:
    EditionReader(const toml::table& root, std::string file, DiagnosticSink& sink)
        : root_(root), file_(std::move(file)), sink_(sink) {}

    Edition read() {
        Edition edition;
        edition.source_file = file_;
        for (const auto& [key, node] : root_)
            if (key.str() != "city" && key.str() != "edition" && key.str() != "answers")
                sink_.error(location_of(node, file_), "unknown key '" + std::string(key.str()) +
                                                          "'; an edition has the tables [city], [edition] and [answers]");
        const toml::table* city = require_table(root_, "city");
        const toml::table* meta = require_table(root_, "edition");
        if (city) read_city(*city, edition);
        if (meta) read_meta(*meta, edition);
        if (const toml::node* answers = root_.get("answers")) {
            if (const toml::table* table = answers->as_table())
                read_answers(*table, "", edition.answers);
            else
                sink_.error(location_of(*answers, file_), "answers: expected a table, found " + describe_type(*answers));
        }
        const auto by_question = [](const Answer& a, const Answer& b) { return a.question < b.question; };
        std::stable_sort(edition.facts.begin(), edition.facts.end(), by_question);
        std::stable_sort(edition.answers.begin(), edition.answers.end(), by_question);
        return edition;
    }

private:
    const toml::table* require_table(const toml::table& parent, const char* key) {
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

    void read_city(const toml::table& city, Edition& edition) {
        edition.city_where = location_of(city, file_);
        edition.city.id = require<std::string>(city, "id", "city", "a string");
        if (const toml::node* node = city.get("id"); node && node->is_string()) {
            const std::string& id = edition.city.id;
            const bool slug = !id.empty() && std::all_of(id.begin(), id.end(), [](char c) {
                return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
            });
            if (!slug)
                sink_.error(location_of(*node, file_),
                            "city.id: expected lower-case letters, digits and '-' (e.g. \"valmora\"), found \"" + id + "\"");
        }
        edition.city.name = require<std::string>(city, "name", "city", "a string");
        edition.city.country = require<std::string>(city, "country", "city", "an ISO 3166 country code");
        if (!edition.city.country.empty() &&
            (edition.city.country.size() != 2 ||
             !std::all_of(edition.city.country.begin(), edition.city.country.end(),
                          [](char c) { return c >= 'A' && c <= 'Z'; })))
            sink_.error(location_of(*city.get("country"), file_),
                        "city.country: expected a two-letter ISO 3166 code in capitals (e.g. \"PT\"), found \"" +
                            edition.city.country + "\"");
        for (const auto& [key, node] : city) {
            const std::string name(key.str());
            if (std::find(identity_keys.begin(), identity_keys.end(), name) != identity_keys.end()) continue;
            if (auto answer = read_answer(node, "city." + name)) edition.facts.push_back(std::move(*answer));
        }
        // The two facts that place a city in its peer groups, typed for every stage.
        // Their presence and range are the questionnaire's business (validate_edition).
        for (const Answer& fact : edition.facts) {
            if (fact.question == "city.population") {
                if (const auto* value = std::get_if<std::int64_t>(&fact.value)) edition.city.population = *value;
            } else if (fact.question == "city.foreign_born_percent") {
                if (const auto* value = std::get_if<double>(&fact.value)) edition.city.foreign_born_percent = *value;
                if (const auto* value = std::get_if<std::int64_t>(&fact.value))
                    edition.city.foreign_born_percent = static_cast<double>(*value);
            }
        }
    }

    void read_meta(const toml::table& meta, Edition& edition) {
        for (const auto& [key, node] : meta)
            if (key.str() != "date" && key.str() != "questionnaire")
                sink_.error(location_of(node, file_), "edition: unknown key '" + std::string(key.str()) +
                                                          "'; expected 'date' and 'questionnaire'");
        if (const toml::node* node = meta.get("date")) {
            edition.date_where = location_of(*node, file_);
            if (auto date = node->value<toml::date>())
                edition.date = Date{date->year, date->month, date->day};
            else
                sink_.error(location_of(*node, file_),
                            "edition.date: expected a date (e.g. 2026-03-15), found " + describe_type(*node));
        } else {
            edition.date_where = location_of(meta, file_);
            sink_.error(location_of(meta, file_), "edition.date: missing; expected a date (e.g. 2026-03-15)");
        }
        edition.questionnaire_where = meta.get("questionnaire") ? location_of(*meta.get("questionnaire"), file_)
                                                                : location_of(meta, file_);
        edition.questionnaire = require<std::string>(meta, "questionnaire", "edition", "a string");
    }

    std::optional<AnswerValue> read_value(const toml::node& node, const std::string& name) {
        if (auto s = node.value_exact<std::string>()) return AnswerValue{*s};
        if (auto i = node.value_exact<std::int64_t>()) return AnswerValue{*i};
        if (auto d = node.value_exact<double>()) return AnswerValue{*d};
        if (auto b = node.value_exact<bool>()) return AnswerValue{*b};
        if (const auto* array = node.as_array()) {
            std::vector<std::string> items;
            bool ok = true;
            for (const auto& item : *array) {
                if (auto s = item.value_exact<std::string>()) {
                    items.push_back(*s);
                } else {
                    ok = false;
                    sink_.error(location_of(item, file_), name + ": expected a list of option names (strings), found " +
                                                              describe_type(item) + " in the list");
                }
            }
            if (!ok) return std::nullopt;
            return AnswerValue{std::move(items)};
        }
        sink_.error(location_of(node, file_),
                    name + ": expected a string, number, boolean or list of strings, found " + describe_type(node));
        return std::nullopt;
    }

    // A value, or the long form { answer = ..., comment = "..." }.
    std::optional<Answer> read_answer(const toml::node& node, const std::string& question) {
        const std::string name = question.rfind("city.", 0) == 0 ? question : "answers." + question;
        Answer answer;
        answer.question = question;
        answer.where = location_of(node, file_);
        const toml::table* detailed = node.as_table();
        if (!detailed) {
            auto parsed = read_value(node, name);
            if (!parsed) return std::nullopt;
            answer.value = std::move(*parsed);
            return answer;
        }
        bool ok = true;
        for (const auto& [extra, extra_node] : *detailed)
            if (extra.str() != "answer" && extra.str() != "comment") {
                ok = false;
                sink_.error(location_of(extra_node, file_), name + ": unknown key '" + std::string(extra.str()) +
                                                                "'; expected 'answer' or 'comment'");
            }
        if (const toml::node* comment = detailed->get("comment")) {
            if (auto text = comment->value_exact<std::string>())
                answer.comment = *text;
            else
                sink_.error(location_of(*comment, file_),
                            name + ".comment: expected a string, found " + describe_type(*comment));
        }
        const toml::node* value = detailed->get("answer");
        if (!value) {
            sink_.error(location_of(node, file_), name + ": expected a key 'answer' in this table");
            return std::nullopt;
        }
        auto parsed = read_value(*value, name);
        if (!parsed || !ok) return std::nullopt;
        answer.value = std::move(*parsed);
        answer.where = location_of(*value, file_);
        return answer;
    }

    // Answers are keyed by question id: either quoted ("commitment.statement" = ...)
    // or grouped by area ([answers.commitment] statement = ...). A table without
    // 'answer' or 'comment' is such a group.
    void read_answers(const toml::table& table, const std::string& prefix, std::vector<Answer>& out) {
        for (const auto& [key, node] : table) {
            const std::string question = prefix + std::string(key.str());
            const toml::table* sub = node.as_table();
            if (sub && !sub->contains("answer") && !sub->contains("comment")) {
                read_answers(*sub, question + ".", out);
                continue;
            }
            if (auto answer = read_answer(node, question)) out.push_back(std::move(*answer));
        }
    }

    const toml::table& root_;
    std::string file_;
    DiagnosticSink& sink_;
};

// Diagnostics in reading order, so the first line printed is the first line to fix.
void throw_sorted(const DiagnosticSink& sink) {
    if (!sink.has_errors()) return;
    std::vector<Diagnostic> all = sink.all();
    std::stable_sort(all.begin(), all.end(), [](const Diagnostic& a, const Diagnostic& b) {
        return std::tie(a.where.line, a.where.column) < std::tie(b.where.line, b.where.column);
    });
    throw DiagnosticError(std::move(all));
}

}  // namespace

const Answer* Edition::find(std::string_view question) const {
    const auto& list = question.rfind("city.", 0) == 0 ? facts : answers;
    auto it = std::lower_bound(list.begin(), list.end(), question,
                               [](const Answer& a, std::string_view id) { return a.question < id; });
    return it != list.end() && it->question == question ? &*it : nullptr;
}

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
    const toml::table root = parse_toml_file(path);
    DiagnosticSink sink;
    Edition edition = EditionReader(root, path.string(), sink).read();
    throw_sorted(sink);
    return edition;
}

Edition load_edition(const std::filesystem::path& path, const Questionnaire& questionnaire) {
    DiagnosticSink sink;
    Edition edition = read_edition(path, questionnaire, sink);
    throw_sorted(sink);
    return edition;
}

Edition read_edition(const std::filesystem::path& path, const Questionnaire& questionnaire, DiagnosticSink& sink) {
    toml::table root;
    try {
        root = parse_toml_file(path);
    } catch (const DiagnosticError& error) {
        for (const Diagnostic& diagnostic : error.diagnostics()) sink.error(diagnostic.where, diagnostic.message);
        return Edition{};
    }
    DiagnosticSink own;
    Edition edition = EditionReader(root, path.string(), own).read();
    validate_edition(edition, questionnaire, own);
    std::vector<Diagnostic> all = own.all();
    std::stable_sort(all.begin(), all.end(), [](const Diagnostic& a, const Diagnostic& b) {
        return std::tie(a.where.line, a.where.column) < std::tie(b.where.line, b.where.column);
    });
    for (Diagnostic& diagnostic : all) sink.error(std::move(diagnostic.where), std::move(diagnostic.message));
    return edition;
}

}  // namespace icc
