#include "load/completeness.h"

#include <optional>

#include "support/wording.h"

namespace icc {

namespace {

bool asked_by(const Question& question, const QuestionnaireVersion* version) {
    // An unknown version is validate_edition's error; count every question then.
    return question.core || !version || version->extended;
}

std::string place_text(const SourceLocation& where) {
    std::string text = where.file;
    if (where.line > 0) text += ":" + std::to_string(where.line);
    if (where.line > 0 && where.column > 0) text += ":" + std::to_string(where.column);
    return text;
}

// "answers.commitment.budget", or "city.population" for a fact: the name the edition file uses.
std::string key_name(const Question& question) {
    return question.area.empty() ? question.id : "answers." + question.id;
}

}  // namespace

Completeness completeness_of(const Edition& edition, const Questionnaire& questionnaire) {
    Completeness result;
    const QuestionnaireVersion* version = questionnaire.find_version(edition.questionnaire);
    for (const Question& question : questionnaire.questions()) {
        if (!asked_by(question, version)) continue;
        const bool given = edition.find(question.id) != nullptr;
        ++result.asked;
        result.answered += given ? 1 : 0;
        if (question.scored()) {
            ++result.scored_asked;
            result.scored_answered += given ? 1 : 0;
        }
        if (!given) result.unanswered.push_back(&question);
    }
    return result;
}

std::vector<Diagnostic> unanswered_diagnostics(const Edition& edition, const Questionnaire& questionnaire,
                                               Severity severity) {
    std::vector<Diagnostic> out;
    for (const Question* question : completeness_of(edition, questionnaire).unanswered) {
        const bool fact = question->area.empty();
        const std::string table = fact ? "[city]" : "[answers." + question->area + "]";
        const std::string key = fact ? question->city_key() : question->id.substr(question->id.find('.') + 1);
        Diagnostic d{severity, edition.place_of(question->id),
                     key_name(*question) + ": not answered" +
                         std::string(question->scored() ? " (it earns no points)" : "") +
                         "; expected an answer, or \"unknown\" when the city does not know",
                     {{NoteKind::help, "answer it with " + key + " = ... in " + table}}};
        out.push_back(std::move(d));
    }
    return in_line_order(std::move(out));
}

std::optional<Diagnostic> unanswered_summary(const Edition& edition, const Questionnaire& questionnaire) {
    const Completeness completeness = completeness_of(edition, questionnaire);
    if (completeness.unanswered.empty()) return std::nullopt;
    std::string list;
    for (const Question* question : completeness.unanswered)
        list += (list.empty() ? "" : ", ") + question->id + " (" + place_text(edition.place_of(question->id)) + ")";
    const auto count = completeness.unanswered.size();
    return Diagnostic{Severity::warning,
                      {edition.source_file},
                      std::to_string(count) + " of " + std::to_string(completeness.asked) + " question" +
                          (completeness.asked == 1 ? "" : "s") + " not answered: " + list,
                      {}};
}

}  // namespace icc
