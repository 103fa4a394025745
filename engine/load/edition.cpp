#include "load/edition.h"

#include <algorithm>
#include <cctype>

#include "load/questionnaire.h"
#include "support/toml_reader.h"
#include "support/wording.h"

namespace icc {

// The shape of a language tag (BCP 47: "it", "pt-BR", "sr-Latn"): letters,
// digits and '-', starting with a letter. Whether a locale exists for it is
// checked against the questionnaire's languages (validate_edition).
bool looks_like_language_tag(const std::string& tag) {
    if (tag.empty() || !std::isalpha(static_cast<unsigned char>(tag.front())) || tag.back() == '-') return false;
    return std::all_of(tag.begin(), tag.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '-'; });
}

namespace {

bool is_city_id(const std::string& id) {
    return !id.empty() && std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    });
}

bool is_country_code(const std::string& code) {
    return code.size() == 2 && std::all_of(code.begin(), code.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

// Reads the file's structure and types; what the answers mean is the
// questionnaire's business (validate_edition).
class EditionReader {
public:
    explicit EditionReader(DiagnosticSink& sink) : sink_(sink) {}

    Edition read(TableReader root) {
        Edition edition;
        edition.source_file = root.file();
        std::optional<TableReader> city = root.required_table("city");
        std::optional<TableReader> meta = root.required_table("edition");
        std::optional<TableReader> answers = root.optional_table("answers");
        if (city) read_city(*city, edition);
        if (meta) read_meta(*meta, edition);
        if (answers) read_answers(*answers, "", edition.answers, &edition.area_where);
        const auto by_question = [](const Answer& a, const Answer& b) { return a.question < b.question; };
        std::stable_sort(edition.facts.begin(), edition.facts.end(), by_question);
        std::stable_sort(edition.answers.begin(), edition.answers.end(), by_question);
        return edition;
    }

private:
    void read_city(TableReader& city, Edition& edition) {
        edition.city_where = city.where();
        edition.city.id =
            city.required<std::string>("id", {.what = "lower-case letters, digits and '-' (e.g. \"valmora\")",
                                              .valid = is_city_id})
                .value_or("");
        edition.city.name = city.required<std::string>("name").value_or("");
        edition.city.country =
            city.required<std::string>("country", {.what = "a two-letter ISO 3166 code in capitals (e.g. \"PT\")",
                                                   .valid = is_country_code})
                .value_or("");
        read_languages(city, edition);
        // Every other key is a fact about the city ("city.population").
        for (const TomlValue& value : city.other_entries())
            if (auto answer = read_answer(value, "city." + value.key(), value.name()))
                edition.facts.push_back(std::move(*answer));
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

    void read_languages(TableReader& city, Edition& edition) {
        const TomlValue languages = city["languages"];
        if (!languages) return;
        const std::vector<TomlValue> items = languages.items();
        if (languages.node()->is_array() && items.empty())
            languages.error("expected at least one language tag (e.g. [\"it\"]), found an empty list; "
                            "leave the key out when the city's languages are not known");
        for (const TomlValue& item : items) {
            const auto tag = item.required<std::string>(
                {.what = "a language tag such as \"it\" or \"fr\"", .valid = looks_like_language_tag});
            if (!tag) continue;
            const auto same = std::find(edition.city.languages.begin(), edition.city.languages.end(), *tag);
            if (same != edition.city.languages.end()) {
                const auto first = edition.languages_where[static_cast<std::size_t>(same - edition.city.languages.begin())];
                item.error("language " + in_quotes(*tag) + " listed twice; expected each language once",
                           {{NoteKind::note, "first listed here", first}});
                continue;
            }
            edition.city.languages.push_back(*tag);
            edition.languages_where.push_back(item.where());
        }
    }

    void read_meta(TableReader& meta, Edition& edition) {
        const TomlValue date = meta["date"];
        edition.date_where = date.where();
        const std::optional<Date> dated = date.required<Date>();
        if (dated) edition.date = *dated;
        const TomlValue questionnaire = meta["questionnaire"];
        edition.questionnaire_where = questionnaire.where();
        edition.questionnaire = questionnaire.required<std::string>().value_or("");
        edition.language =
            meta.optional<std::string>("language", {.what = "a language tag such as \"pt\" or \"fr\" (the language "
                                                            "of the comments)",
                                                    .valid = looks_like_language_tag})
                .value_or("");
        const TomlValue issued = meta["issued"];
        if (issued) {
            edition.issued_where = issued.where();
            edition.issued = issued.required<Date>();
            if (edition.issued && dated && *edition.issued < *dated)
                issued.error("edition.issued: the report is dated " + edition.issued->iso() +
                             ", before the edition's date " + edition.date.iso() +
                             "; expected the date the report was issued, on or after the edition's date");
        }
    }

    std::optional<AnswerValue> read_value(const TomlValue& value, const std::string& name) {
        const toml::node& node = *value.node();
        if (auto s = node.value_exact<std::string>()) return AnswerValue{*s};
        if (auto i = node.value_exact<std::int64_t>()) return AnswerValue{*i};
        if (auto d = node.value_exact<double>()) return AnswerValue{*d};
        if (auto b = node.value_exact<bool>()) return AnswerValue{*b};
        if (node.is_array()) {
            std::vector<std::string> items;
            bool ok = true;
            for (const TomlValue& item : value.items()) {
                if (auto text = item.node()->value_exact<std::string>()) {
                    items.push_back(*text);
                } else {
                    ok = false;
                    sink_.error(item.where(), name + ": expected a list of option names (strings), found " +
                                                  item.found_with_type() + " in the list");
                }
            }
            if (!ok) return std::nullopt;
            return AnswerValue{std::move(items)};
        }
        sink_.error(value.where(),
                    name + ": expected a string, number, boolean or list of strings, found " + value.found_with_type());
        return std::nullopt;
    }

    // A value, or the long form { answer = ..., comment = "..." }.
    std::optional<Answer> read_answer(const TomlValue& value, const std::string& question, const std::string& name) {
        Answer answer;
        answer.question = question;
        answer.where = value.where();
        std::optional<TableReader> detailed = value.node()->is_table() ? value.table() : std::nullopt;
        if (!detailed) {
            auto parsed = read_value(value, name);
            if (!parsed) return std::nullopt;
            answer.value = std::move(*parsed);
            return answer;
        }
        detailed->rename(name);
        const TomlValue given = (*detailed)["answer"];
        answer.comment = detailed->optional<std::string>("comment").value_or("");
        answer.language = detailed
                              ->optional<std::string>("language", {.what = "a language tag such as \"fr\" (the "
                                                                           "comment's language)",
                                                                   .valid = looks_like_language_tag})
                              .value_or("");
        if (!given) {
            given.missing("the answer next to its comment (answer = ...)");
            return std::nullopt;
        }
        auto parsed = read_value(given, name);
        if (!parsed) return std::nullopt;
        answer.value = std::move(*parsed);
        answer.where = given.where();
        return answer;
    }

    // Answers are keyed by question id: either quoted ("commitment.statement" = ...)
    // or grouped by area ([answers.commitment] statement = ...). A table without
    // 'answer' or 'comment' is such a group.
    void read_answers(TableReader& table, const std::string& prefix, std::vector<Answer>& out,
                      std::vector<std::pair<std::string, SourceLocation>>* areas = nullptr) {
        for (const TomlValue& value : table.other_entries()) {
            const std::string question = prefix + value.key();
            if (areas) {
                // "commitment.statement" = ... groups nothing, but still says where the area's answers are.
                const std::string area = question.substr(0, question.find('.'));
                if (std::none_of(areas->begin(), areas->end(), [&](const auto& a) { return a.first == area; }))
                    areas->emplace_back(area, value.where());
            }
            const toml::table* sub = value.node()->as_table();
            if (sub && !sub->contains("answer") && !sub->contains("comment")) {
                if (std::optional<TableReader> group = value.table()) read_answers(*group, question + ".", out);
                continue;
            }
            if (auto answer = read_answer(value, question, "answers." + question)) out.push_back(std::move(*answer));
        }
    }

    DiagnosticSink& sink_;
};

Edition read_into(const TomlDocument& document, DiagnosticSink& sink) {
    return EditionReader(sink).read(document.root(sink));
}

// The translation files beside the edition, into its answers' translations.
// A free-text answer's own text is translatable; a chosen option is not.
void read_edition_translations(const std::filesystem::path& path, Edition& edition, const Questionnaire& questionnaire,
                               DiagnosticSink& sink) {
    std::vector<FreeTextSlot> slots;
    for (std::vector<Answer>* list : {&edition.facts, &edition.answers})
        for (Answer& answer : *list) {
            const std::string where = free_text_path(answer);
            const Question* question = questionnaire.find_question(answer.question);
            const auto* text = std::get_if<std::string>(&answer.value);
            if (text && question && question->type == AnswerType::text && !text->empty())
                slots.push_back({where + ".answer", *text, &answer.answer_translations});
            if (!answer.comment.empty()) slots.push_back({where + ".comment", answer.comment, &answer.comment_translations});
        }
    read_translations(path, slots, sink);
}

}  // namespace

const Answer* Edition::find(std::string_view question) const {
    const auto& list = question.rfind("city.", 0) == 0 ? facts : answers;
    auto it = std::lower_bound(list.begin(), list.end(), question,
                               [](const Answer& a, std::string_view id) { return a.question < id; });
    return it != list.end() && it->question == question ? &*it : nullptr;
}

SourceLocation Edition::place_of(const std::string& question) const {
    const std::string area = question.substr(0, question.find('.'));
    if (area == "city" && !city_where.file.empty()) return city_where;
    for (const auto& [id, where] : area_where)
        if (id == area) return where;
    return SourceLocation{source_file};
}

std::string free_text_path(const Answer& answer) {
    return answer.question.rfind("city.", 0) == 0 ? answer.question : "answers." + answer.question;
}

std::vector<Diagnostic> stale_translations(const Edition& edition) {
    std::vector<Diagnostic> warnings;
    for (const std::vector<Answer>* list : {&edition.facts, &edition.answers})
        for (const Answer& answer : *list) {
            warn_stale(answer.answer_translations, edition.source_file, warnings);
            warn_stale(answer.comment_translations, edition.source_file, warnings);
        }
    return in_line_order(warnings);
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
    DiagnosticSink sink;
    Edition edition;
    if (const auto document = TomlDocument::read(path, sink)) edition = read_into(*document, sink);
    sink.throw_if_errors();
    return edition;
}

Edition load_edition(const std::filesystem::path& path, const Questionnaire& questionnaire) {
    DiagnosticSink sink;
    Edition edition = read_edition(path, questionnaire, sink);
    sink.throw_if_errors();
    return edition;
}

Edition read_edition(const std::filesystem::path& path, const Questionnaire& questionnaire, DiagnosticSink& sink) {
    DiagnosticSink own;
    Edition edition;
    if (const auto document = TomlDocument::read(path, own)) {
        edition = read_into(*document, own);
        validate_edition(edition, questionnaire, own);
        read_edition_translations(path, edition, questionnaire, own);
    }
    sink.append(in_line_order(own.all()));
    return edition;
}

}  // namespace icc
