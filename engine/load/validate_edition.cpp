// Checks an edition's answers against the questionnaire. Every message names
// the question, what was expected and what was found.
#include <algorithm>
#include <cctype>
#include <cmath>
#include <set>
#include <tuple>

#include "load/edition.h"
#include "load/questionnaire.h"
#include "support/wording.h"

namespace icc {

namespace {

std::string describe_value(const AnswerValue& value) {
    struct Visitor {
        std::string operator()(const std::string& s) const { return "the text " + in_quotes(s); }
        std::string operator()(std::int64_t i) const { return "the integer " + std::to_string(i); }
        std::string operator()(double d) const { return "the number " + number_text(d); }
        std::string operator()(bool b) const { return std::string("the boolean ") + (b ? "true" : "false"); }
        std::string operator()(const std::vector<std::string>& items) const {
            std::string out = "the list [";
            for (std::size_t i = 0; i < items.size(); ++i) out += (i ? ", " : "") + in_quotes(items[i]);
            return out + "]";
        }
    };
    return std::visit(Visitor{}, value);
}

std::string option_list(const Question& question, std::string_view last_joiner) {
    std::string out;
    for (std::size_t i = 0; i < question.options.size(); ++i) {
        if (i > 0) out += i + 1 == question.options.size() ? std::string(last_joiner) : ", ";
        out += in_quotes(question.options[i].id);
    }
    return out;
}

// "did you mean" for an answer that is not an option, when one is close.
// The reserved answers count only where the answer is one word, not a list.
std::vector<DiagnosticNote> option_hint(const Question& question, std::string_view answer, bool with_reserved) {
    std::vector<std::string> ids;
    for (const Option& option : question.options) ids.push_back(option.id);
    if (with_reserved) ids.emplace_back(unknown_answer);
    if (with_reserved && question.allows_not_applicable) ids.emplace_back(not_applicable_answer);
    const std::string closest = closest_match(answer, ids);
    if (closest.empty()) return {};
    return {{NoteKind::help, "did you mean " + in_quotes(closest) + "?"}};
}

std::string reserved_note(const Question& question) {
    return question.allows_not_applicable ? " (or \"unknown\", \"not_applicable\")" : " (or \"unknown\")";
}

std::string expected_of(const Question& question) {
    switch (question.type) {
        case AnswerType::yes_partly_no: return option_list(question, " or ");
        case AnswerType::single_choice: return "one of " + option_list(question, ", ");
        case AnswerType::multiple_choice: return "a list of options from " + option_list(question, ", ");
        case AnswerType::integer:
            if (question.minimum && question.maximum)
                return "a whole number between " + number_text(*question.minimum) + " and " +
                       number_text(*question.maximum);
            if (question.minimum) return "a whole number of at least " + number_text(*question.minimum);
            if (question.maximum) return "a whole number of at most " + number_text(*question.maximum);
            return "a whole number";
        case AnswerType::percentage: return "a percentage between 0 and 100";
        case AnswerType::text: return "a text (a string)";
    }
    return {};
}

// The locale a language tag without one was meant to name: the same tag in
// other case or with '_' ("IT", "pt_PT" -> "pt"), or the language of a
// regional or script variant ("ar-MA" -> "ar"); "" when there is none.
std::string locale_meant(const std::string& tag, const std::vector<std::string>& available) {
    std::string lower = tag;
    for (char& c : lower) c = c == '_' ? '-' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (std::find(available.begin(), available.end(), lower) != available.end()) return lower;
    for (std::string prefix = lower; prefix.find('-') != std::string::npos;) {
        prefix.erase(prefix.rfind('-'));
        if (std::find(available.begin(), available.end(), prefix) != available.end()) return prefix;
    }
    return "";
}

class EditionValidator {
public:
    EditionValidator(const Edition& edition, const Questionnaire& questionnaire, DiagnosticSink& sink)
        : edition_(edition), questionnaire_(questionnaire), sink_(sink) {}

    void run() {
        version_ = questionnaire_.find_version(edition_.questionnaire);
        if (!version_ && !edition_.questionnaire.empty()) {
            std::vector<std::string> known;
            for (const auto& v : questionnaire_.versions()) known.push_back(in_quotes(v.id));
            sink_.error(edition_.questionnaire_where, "edition.questionnaire: unknown questionnaire version " +
                                                          in_quotes(edition_.questionnaire) + "; expected " +
                                                          join_alternatives(known));
        }
        check_languages();
        for (const Answer& fact : edition_.facts) check_fact(fact);
        for (const Answer& answer : edition_.answers) check_answer(answer);
        // "commitment.statement" = ... and [answers.commitment] statement = ... are
        // different TOML keys for the same question.
        for (std::size_t i = 1; i < edition_.answers.size(); ++i) {
            const Answer* first = &edition_.answers[i - 1];
            const Answer* again = &edition_.answers[i];
            if (first->question != again->question) continue;
            if (std::tie(again->where.line, again->where.column) < std::tie(first->where.line, first->where.column))
                std::swap(first, again);
            sink_.error(again->where, "answers." + again->question + ": answered twice; expected one answer per question",
                        {{NoteKind::note, "first answered here", first->where}});
        }
        for (const Question& question : questionnaire_.questions())
            if (question.required && question.area.empty() && !edition_.find(question.id))
                sink_.error(edition_.city_where, "city." + question.city_key() + ": missing required fact (question " +
                                                     in_quotes(question.id) + "); expected " + expected_of(question));
    }

private:
    // Each language the city states must be one reports can be made in.
    void check_languages() {
        const std::vector<std::string>& available = questionnaire_.languages();
        if (available.empty()) return;
        for (std::size_t i = 0; i < edition_.city.languages.size(); ++i) {
            const std::string& tag = edition_.city.languages[i];
            if (std::find(available.begin(), available.end(), tag) != available.end()) continue;
            std::string list;
            for (const std::string& known : available) list += (list.empty() ? "" : ", ") + known;
            const std::string message = "city.languages: no locale for the language " + in_quotes(tag) + " (locales/" +
                                        tag + ".toml); expected one of: " + list;
            // Another spelling of a locale there is: a mistake. Otherwise a
            // language this data folder does not translate (a project with
            // fewer locales, or a misspelt code): the city's reports are made
            // in the others.
            if (const std::string meant = locale_meant(tag, available); !meant.empty()) {
                sink_.error(edition_.languages_where[i], message, {{NoteKind::help, "did you mean " + in_quotes(meant) + "?"}});
                continue;
            }
            std::vector<DiagnosticNote> notes;
            // Two letters are an ISO 639-1 code of their own, not a misspelling of another.
            if (const std::string close = tag.size() > 2 ? closest_match(tag, available) : ""; !close.empty())
                notes.push_back({NoteKind::help, "did you mean " + in_quotes(close) + "?"});
            sink_.warning(edition_.languages_where[i], message + "; no report is made in it", std::move(notes));
        }
    }

    void check_fact(const Answer& fact) {
        const Question* question = questionnaire_.find_question(fact.question);
        if (!question || !question->area.empty()) {
            std::vector<std::string> known{"id", "name", "country"};
            for (const Question& q : questionnaire_.questions())
                if (q.area.empty()) known.push_back(q.city_key());
            const std::string key = fact.question.substr(5);
            std::vector<DiagnosticNote> notes;
            if (const std::string closest = closest_match(key, known); !closest.empty())
                notes.push_back({NoteKind::help, "did you mean '" + closest + "'?"});
            sink_.error(fact.where, fact.question + ": unknown fact " + in_quotes(key) + " in [city]; expected one of " +
                                        join_alternatives(known),
                        std::move(notes));
            return;
        }
        check_value(fact.question, *question, fact);
    }

    void check_answer(const Answer& answer) {
        const std::string name = "answers." + answer.question;
        const Question* question = questionnaire_.find_question(answer.question);
        if (question && question->area.empty()) {
            sink_.error(answer.where, name + ": " + in_quotes(answer.question) +
                                          " is a fact about the city; give it in the [city] table as " +
                                          question->city_key() + " = ...");
            return;
        }
        if (!question) {
            const std::string closest = questionnaire_.closest_question(answer.question);
            sink_.error(answer.where,
                        name + ": unknown question " + in_quotes(answer.question) + " in questionnaire " +
                            (version_ ? version_->id : questionnaire_.current_version()) +
                            (closest.empty() ? "; expected a question id such as \"commitment.statement\"" : ""),
                        closest.empty() ? std::vector<DiagnosticNote>{}
                                        : std::vector<DiagnosticNote>{{NoteKind::help, "did you mean " +
                                                                                           in_quotes(closest) + "?"}});
            return;
        }
        if (version_ && !version_->extended && !question->core) {
            sink_.error(answer.where, name + ": question " + in_quotes(question->id) +
                                          " is not part of questionnaire version " + in_quotes(version_->id) +
                                          ", which has only the core index; expected no answer to it");
            return;
        }
        check_value(name, *question, answer);
    }

    void check_value(const std::string& name, const Question& question, const Answer& answer) {
        const auto wrong = [&](const std::string& expected) {
            sink_.error(answer.where, name + ": expected " + expected + ", found " + describe_value(answer.value));
        };
        if (const auto* text = std::get_if<std::string>(&answer.value)) {
            if (*text == unknown_answer) return;
            if (*text == not_applicable_answer) {
                if (!question.allows_not_applicable)
                    sink_.error(answer.where, name + ": \"not_applicable\" is not accepted for this question; expected " +
                                                  expected_of(question) + " (or \"unknown\")");
                return;
            }
        }
        switch (question.type) {
            case AnswerType::yes_partly_no:
            case AnswerType::single_choice: {
                const auto* text = std::get_if<std::string>(&answer.value);
                if (!text)
                    wrong(expected_of(question) + reserved_note(question));
                else if (!question.find_option(*text))
                    sink_.error(answer.where,
                                name + ": " + in_quotes(*text) + " is not an option of this question; expected " +
                                    expected_of(question) + reserved_note(question),
                                option_hint(question, *text, true));
                return;
            }
            case AnswerType::multiple_choice: {
                const auto* items = std::get_if<std::vector<std::string>>(&answer.value);
                if (!items) {
                    wrong(expected_of(question) + " (e.g. [\"" + question.options.front().id + "\"])" +
                          reserved_note(question));
                    return;
                }
                std::set<std::string_view> seen;
                for (const std::string& item : *items) {
                    if (!question.find_option(item))
                        sink_.error(answer.where,
                                    name + ": " + in_quotes(item) +
                                        " is not an option of this question; expected options from " +
                                        option_list(question, ", "),
                                    option_hint(question, item, false));
                    else if (!seen.insert(item).second)
                        sink_.error(answer.where, name + ": option " + in_quotes(item) + " is listed twice");
                }
                return;
            }
            case AnswerType::integer: {
                const auto* value = std::get_if<std::int64_t>(&answer.value);
                if (!value) {
                    wrong(expected_of(question) + reserved_note(question));
                    return;
                }
                const double number = static_cast<double>(*value);
                if ((question.minimum && number < *question.minimum) || (question.maximum && number > *question.maximum))
                    sink_.error(answer.where, name + ": number out of range; expected " + expected_of(question) +
                                                  ", found " + std::to_string(*value));
                return;
            }
            case AnswerType::percentage: {
                std::optional<double> number;
                if (const auto* i = std::get_if<std::int64_t>(&answer.value)) number = static_cast<double>(*i);
                if (const auto* d = std::get_if<double>(&answer.value)) number = *d;
                if (!number || !std::isfinite(*number)) {
                    wrong(expected_of(question) + reserved_note(question));
                    return;
                }
                if (*number > 100)
                    sink_.error(answer.where, name + ": percentage over 100; expected " + expected_of(question) +
                                                  ", found " + number_text(*number));
                else if (*number < 0)
                    sink_.error(answer.where, name + ": negative percentage; expected " + expected_of(question) +
                                                  ", found " + number_text(*number));
                return;
            }
            case AnswerType::text:
                if (!std::holds_alternative<std::string>(answer.value)) wrong(expected_of(question));
                return;
        }
    }

    const Edition& edition_;
    const Questionnaire& questionnaire_;
    DiagnosticSink& sink_;
    const QuestionnaireVersion* version_ = nullptr;
};

}  // namespace

void validate_edition(const Edition& edition, const Questionnaire& questionnaire, DiagnosticSink& sink) {
    EditionValidator(edition, questionnaire, sink).run();
}

}  // namespace icc
