#include "intake/import.h"

#include <unicode/unistr.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <initializer_list>
#include <map>
#include <set>

#include "intake/csv.h"
#include "intake/workbook.h"
#include "intake/xlsx_writer.h"
#include "support/atomic_file.h"
#include "support/toml_text.h"
#include "support/wording.h"

namespace icc::intake {

namespace {

namespace fs = std::filesystem;

// Spaces a spreadsheet or a keyboard may leave around a value or inside a number.
bool is_space_at(std::string_view text, std::size_t i, std::size_t& length) {
    static const std::vector<std::string_view> spaces{" ", "\t", "\r", "\n", "\xC2\xA0", "\xE2\x80\xAF", "\xE2\x80\x89"};
    for (std::string_view space : spaces)
        if (text.substr(i, space.size()) == space) {
            length = space.size();
            return true;
        }
    return false;
}

std::string trimmed(std::string_view text) {
    std::size_t length = 0;
    std::size_t begin = 0;
    while (begin < text.size() && is_space_at(text, begin, length)) begin += length;
    std::size_t end = text.size();
    while (end > begin) {
        bool found = false;
        for (std::size_t width = 1; width <= 3 && width <= end - begin; ++width)
            if (is_space_at(text, end - width, length) && length == width) {
                end -= width;
                found = true;
                break;
            }
        if (!found) break;
    }
    return std::string(text.substr(begin, end - begin));
}

// The items of a cell that lists several, trimmed, empty ones left out: the
// text is cut at `separator` and at each of the `also` marks that stand for it
// (the Arabic and ideographic commas and semicolons).
std::vector<std::string> listed_items(std::string text, char separator, std::initializer_list<std::string_view> also) {
    const std::string with(1, separator);
    for (std::string_view mark : also)
        for (std::size_t at; (at = text.find(mark)) != std::string::npos;) text.replace(at, mark.size(), with);
    std::vector<std::string> items;
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t end = std::min(text.find(separator, start), text.size());
        std::string item = trimmed(std::string_view(text).substr(start, end - start));
        start = end + 1;
        if (!item.empty()) items.push_back(std::move(item));
    }
    return items;
}

// Labels compare without case and surrounding spaces: "sí", "SÍ " and "Sí" are one answer.
std::string folded(std::string_view text) {
    std::string out;
    icu::UnicodeString::fromUTF8(trimmed(text)).foldCase().toUTF8String(out);
    return out;
}

// A number as a person writes it: "12.5", "12,5", "84 300", "12.5 %". Returns nullopt if it is not one.
std::optional<double> parse_number(std::string_view text, bool allow_percent_sign) {
    std::string clean;
    std::size_t length = 0;
    for (std::size_t i = 0; i < text.size();) {
        if (is_space_at(text, i, length)) {
            i += length;
            continue;
        }
        clean += text[i++];
    }
    if (allow_percent_sign && !clean.empty() && clean.back() == '%') clean.pop_back();
    if (clean.empty()) return std::nullopt;
    if (std::count(clean.begin(), clean.end(), ',') + std::count(clean.begin(), clean.end(), '.') > 1) return std::nullopt;
    std::replace(clean.begin(), clean.end(), ',', '.');
    if (clean.find_first_not_of("+-0123456789.eE") != std::string::npos) return std::nullopt;
    double value = 0;
    const char* first = clean.data() + (clean.front() == '+' ? 1 : 0);
    const auto [end, error] = std::from_chars(first, clean.data() + clean.size(), value);
    if (error != std::errc() || end != clean.data() + clean.size() || !std::isfinite(value)) return std::nullopt;
    return value;
}

// One answered line of a questionnaire, wherever it came from.
struct AnswerLine {
    std::string id;
    std::string answer;
    bool answer_is_number = false;
    std::string comment;
    std::string comment_language;  // BCP 47, empty when the comment is in the edition's language
    SourceLocation id_where, answer_where, comment_where, comment_language_where;
};

// A question's answers as any language writes them: folded label -> option id.
class Labels {
public:
    Labels(const FormsByLanguage& forms, const std::string& preferred) {
        std::vector<const QuestionnaireForm*> order;
        if (forms.count(preferred)) order.push_back(&forms.at(preferred));
        for (const auto& [lang, form] : forms)
            if (lang != preferred) order.push_back(&form);
        for (std::size_t rank = 0; rank < order.size(); ++rank) {
            const QuestionnaireForm& form = *order[rank];
            none_.insert(folded(form.none_label));
            for (const FormSheet& sheet : form.sheets)
                for (const FormRow& row : sheet.rows)
                    for (const FormOption& option : row.options) {
                        add(row.id, folded(option.id), option.id, 0);
                        add(row.id, folded(option.label), option.id, rank == 0 ? 0 : 1);
                        if (rank == 0) shown_[row.id].push_back(option.label);
                    }
        }
    }

    // The option id a text names for a question, or "" (unknown, or two options of two languages).
    [[nodiscard]] std::string option(const std::string& question, const std::string& text) const {
        const auto it = labels_.find({question, folded(text)});
        return it == labels_.end() || it->second.ambiguous ? "" : it->second.id;
    }
    [[nodiscard]] bool is_none(const std::string& text) const { return none_.count(folded(text)) > 0; }
    // The labels the form's language shows, for messages and "did you mean".
    [[nodiscard]] const std::vector<std::string>& shown(const std::string& question) const {
        static const std::vector<std::string> none;
        const auto it = shown_.find(question);
        return it == shown_.end() ? none : it->second;
    }

private:
    struct Choice {
        std::string id;
        int rank = 0;  // 0: an id or the form's own language; 1: another language
        bool ambiguous = false;
    };
    void add(const std::string& question, const std::string& key, const std::string& id, int rank) {
        auto [it, inserted] = labels_.try_emplace({question, key}, Choice{id, rank, false});
        if (inserted || it->second.id == id) {
            it->second.rank = std::min(it->second.rank, rank);
            return;
        }
        if (rank < it->second.rank) it->second = Choice{id, rank, false};
        else if (rank == it->second.rank) it->second.ambiguous = true;
    }
    std::map<std::pair<std::string, std::string>, Choice> labels_;
    std::map<std::string, std::vector<std::string>> shown_;
    std::set<std::string> none_;
};

class Importer {
public:
    Importer(fs::path file, const Questionnaire& questionnaire, const FormsByLanguage& forms,
             const LanguageRegistry& languages, DiagnosticSink& sink)
        : file_(std::move(file)), name_(file_.string()), questionnaire_(questionnaire), forms_(forms),
          languages_(languages), sink_(sink), source_language_(languages.source().tag), lang_(source_language_) {}

    Edition run() {
        std::string extension = file_.extension().string();
        std::transform(extension.begin(), extension.end(), extension.begin(), [](unsigned char c) { return std::tolower(c); });
        std::vector<AnswerLine> lines;
        if (extension == ".xlsx") {
            lines = xlsx_lines();
        } else if (extension == ".csv") {
            lines = csv_lines();
        } else {
            sink_.error({name_}, "not a spreadsheet: expected the filled questionnaire as .xlsx or .csv, found a file named " +
                                     in_quotes(file_.filename().string()));
        }
        return build(lines);
    }

private:
    // ------------------------------------------------------------- XLSX
    std::vector<AnswerLine> xlsx_lines() {
        Workbook workbook;
        try {
            workbook = read_xlsx(file_);
        } catch (const DiagnosticError& error) {
            sink_.append(error.diagnostics());
            return {};
        }
        const Sheet* record = workbook.find(form_sheet_name);
        if (!record) {
            sink_.error({name_}, std::string("not a questionnaire of the ICC Index: the workbook has no sheet \"") +
                                     form_sheet_name + "\" recording the questionnaire's version",
                        {{NoteKind::help, "write the questionnaire with `iccreport questionnaire --lang LANG` and fill "
                                          "that file in"}});
            return {};
        }
        std::vector<std::pair<std::string, std::string>> sheets;  // area, sheet name
        for (int row = 0; row <= record->last_row(); ++row) {
            const Cell* key = record->find(row, 0);
            const Cell* value = record->find(row, 1);
            if (!key) continue;
            const std::string text = value ? value->text : "";
            const std::string place = cell_place(name_, form_sheet_name, row, 1);
            if (key->text == "layout") {
                if (const auto layout = readable_layout(text)) layout_ = *layout;
                else
                    sink_.error({place}, "questionnaire layout " + in_quotes(text) + "; expected " +
                                             std::to_string(oldest_form_layout_version) + " to " +
                                             std::to_string(form_layout_version) + ", the layouts this iccreport reads");
            } else if (key->text == "questionnaire") {
                version_ = text;
                version_place_ = place;
            } else if (key->text == "language") {
                lang_ = text;
                if (!forms_.count(text))
                    sink_.error({place}, "unknown questionnaire language " + in_quotes(text) +
                                             "; expected " + known_languages());
            } else if (key->text == "edition_language") {
                if (looks_like_language_tag(text)) edition_language_ = text;
                else
                    sink_.error({place}, "edition_language: expected a language tag such as \"fr\", found " +
                                             in_quotes(text));
            } else if (key->text == "sheet") {
                const Cell* name = record->find(row, 2);
                sheets.emplace_back(text, name ? name->text : "");
            }
        }
        if (!check_version()) return {};
        const QuestionnaireForm* form = forms_.count(lang_) ? &forms_.at(lang_) : nullptr;
        if (!form) return {};

        std::vector<AnswerLine> lines;
        for (const FormSheet& form_sheet : form->sheets) {
            const Sheet* sheet = workbook.find(form_sheet.name);
            if (!sheet) {
                sink_.error({name_}, "sheet " + in_quotes(form_sheet.name) + " is missing (the questions of " +
                                         (form_sheet.area == "city" ? std::string("the city's facts")
                                                                    : "area " + in_quotes(form_sheet.area)) +
                                         "); expected every sheet of the questionnaire",
                            {{NoteKind::help, "restore it from the questionnaire as it was sent, or write a new one "
                                              "with `iccreport questionnaire --lang " + lang_ + "`"}});
                continue;
            }
            read_sheet(*sheet, sheet_of_layout(form_sheet), lines);
        }
        return lines;
    }

    // The sheet as the file's layout has it: before layout 3 the facts sheet had no row for the city's languages.
    FormSheet sheet_of_layout(const FormSheet& form_sheet) const {
        FormSheet sheet = form_sheet;
        if (layout_ < languages_row_layout_version)
            std::erase_if(sheet.rows, [](const FormRow& row) { return row.id == city_languages_key; });
        return sheet;
    }

    void read_sheet(const Sheet& sheet, const FormSheet& form_sheet, std::vector<AnswerLine>& lines) {
        const int last = std::max(sheet.last_row(), first_question_row + static_cast<int>(form_sheet.rows.size()) - 1);
        for (int row = first_question_row; row <= last; ++row) {
            const std::size_t index = static_cast<std::size_t>(row - first_question_row);
            const Cell* id = sheet.find(row, id_column);
            const Cell* answer = sheet.find(row, answer_column);
            const Cell* comment = sheet.find(row, comment_column);
            const Cell* comment_language = sheet.find(row, comment_language_column);
            const std::string id_text = id ? trimmed(id->text) : "";
            const std::string id_place = cell_place(name_, sheet.name, row, id_column);
            if (index >= form_sheet.rows.size()) {
                if (!id_text.empty() || (answer && !trimmed(answer->text).empty()))
                    sink_.error({id_place}, "a row the questionnaire does not have; expected the questions of this "
                                            "sheet only, on rows " + std::to_string(first_question_row + 1) + " to " +
                                            std::to_string(first_question_row + form_sheet.rows.size()));
                continue;
            }
            const std::string& expected = form_sheet.rows[index].id;
            if (id_text != expected) {
                std::vector<DiagnosticNote> notes;
                if (!id_text.empty() && !questionnaire_.find_question(id_text))
                    if (const std::string closest = questionnaire_.closest_question(id_text); !closest.empty())
                        notes.push_back({NoteKind::help, "did you mean " + in_quotes(closest) + "?"});
                notes.push_back({NoteKind::note, "question ids are how answers are read back; do not edit them"});
                sink_.error({id_place}, "question id " + std::string(id_text.empty() ? "deleted" : "edited") +
                                            "; expected " + in_quotes(expected) + " in this row, found " +
                                            (id_text.empty() ? std::string("an empty cell") : in_quotes(id_text)),
                            std::move(notes));
                continue;
            }
            AnswerLine line;
            line.id = expected;
            line.id_where = {id_place};
            line.answer_where = {cell_place(name_, sheet.name, row, answer_column)};
            line.comment_where = {cell_place(name_, sheet.name, row, comment_column)};
            line.comment_language_where = {cell_place(name_, sheet.name, row, comment_language_column)};
            if (answer) {
                line.answer = answer->number ? answer->text : trimmed(answer->text);
                line.answer_is_number = answer->number;
            }
            if (comment) line.comment = trimmed(comment->text);
            if (comment_language) line.comment_language = trimmed(comment_language->text);
            lines.push_back(std::move(line));
        }
    }

    // ------------------------------------------------------------- CSV
    std::vector<AnswerLine> csv_lines() {
        std::vector<CsvRecord> records;
        try {
            records = read_csv(file_);
        } catch (const DiagnosticError& error) {
            sink_.append(error.diagnostics());
            return {};
        }
        if (records.empty() || records.front().fields.size() < 2 || folded(records.front().fields[0].text) != "question" ||
            folded(records.front().fields[1].text) != "answer") {
            sink_.error({name_, 1, 1}, "not a questionnaire CSV: expected the header line \"question,answer,comment\" "
                                       "(or \"question,answer,comment,language\")");
            return {};
        }
        lang_ = source_language_;  // the CSV layout's words are the source language's
        std::vector<AnswerLine> lines;
        bool version_given = false;
        for (std::size_t i = 1; i < records.size(); ++i) {
            const CsvRecord& record = records[i];
            const auto field = [&](std::size_t n) { return n < record.fields.size() ? trimmed(record.fields[n].text) : ""; };
            const auto where = [&](std::size_t n) {
                const int column = n < record.fields.size() ? record.fields[n].column : record.fields.back().column;
                return SourceLocation{name_, record.line, column};
            };
            const std::string id = field(0);
            if (id.empty() && field(1).empty() && field(2).empty() && field(3).empty()) continue;
            if (record.fields.size() > 4)
                sink_.error(where(4), "a fifth column; expected at most four: question, answer, comment, language "
                                      "(the comment's)");
            if (id == "questionnaire") {
                version_ = field(1);
                version_place_ = "";
                version_where_ = where(1);
                version_given = true;
                continue;
            }
            if (id == "language") {
                lang_ = field(1);
                if (!forms_.count(lang_))
                    sink_.error(where(1), "unknown questionnaire language " + in_quotes(lang_) +
                                              "; expected " + known_languages());
                continue;
            }
            const bool known = questionnaire_.find_question(id) || id == city_languages_key ||
                               std::find(identity_keys().begin(), identity_keys().end(), id) != identity_keys().end();
            if (!known) {
                const std::string closest = questionnaire_.closest_question(id);
                sink_.error(where(0), "unknown question id " + in_quotes(id) + " in questionnaire " +
                                          questionnaire_.current_version(),
                            closest.empty() ? std::vector<DiagnosticNote>{}
                                            : std::vector<DiagnosticNote>{{NoteKind::help, "did you mean " +
                                                                                               in_quotes(closest) + "?"}});
                continue;
            }
            lines.push_back({id, field(1), false, field(2), field(3), where(0), where(1), where(2), where(3)});
        }
        if (!version_given)
            sink_.error({name_, 1, 1}, "the line giving the questionnaire version is missing; expected a line "
                                       "\"questionnaire," + questionnaire_.current_version() + "\"");
        else
            check_version();
        return lines;
    }

    bool check_version() {
        if (version_ == questionnaire_.current_version()) return true;
        const SourceLocation where = version_place_.empty() ? version_where_ : SourceLocation{version_place_};
        sink_.error(where, "questionnaire version " + in_quotes(version_) + "; expected " +
                               in_quotes(questionnaire_.current_version()) +
                               ", the version this iccreport hands out and reads back",
                    {{NoteKind::help, "answer the current questionnaire: `iccreport questionnaire --lang LANG` (with "
                                      "--city CITY to start from the city's previous answers)"}});
        return false;
    }

    // ------------------------------------------------------------- answers
    Edition build(const std::vector<AnswerLine>& lines) {
        Edition edition;
        edition.source_file = name_;
        edition.questionnaire = questionnaire_.current_version();
        edition.city_where = {name_};
        const Labels labels(forms_, lang_);
        std::set<std::string> given;
        std::map<std::string, SourceLocation> first_where;
        for (const AnswerLine& line : lines) {
            if (auto [it, fresh] = first_where.try_emplace(line.id, line.id_where); !fresh) {
                sink_.error(line.id_where, line.id + ": answered twice; expected one line per question",
                            {{NoteKind::note, "first answered here", it->second}});
                continue;
            }
            if (line.answer.empty()) {
                if (!line.comment.empty())
                    sink_.error(line.answer_where, line.id + ": a comment without an answer; expected the answer "
                                                             "beside its comment",
                                {{NoteKind::help, "if the city does not know the answer, choose " +
                                                      in_quotes(labels.shown(line.id).empty()
                                                                    ? std::string(unknown_answer)
                                                                    : labels.shown(line.id).back()) +
                                                      " or write \"unknown\""}});
                continue;
            }
            if (identity(line, edition)) continue;
            const Question* question = questionnaire_.find_question(line.id);
            if (!question) continue;  // reported where the line was read
            if (auto value = value_of(line, *question, labels)) {
                Answer answer{line.id, std::move(*value), line.comment, line.answer_where, comment_language(line)};
                (question->area.empty() ? edition.facts : edition.answers).push_back(std::move(answer));
                given.insert(line.id);
            }
        }
        for (const std::string& key : identity_keys())
            if (!given_identity_.count(key)) {
                const auto it = first_where.find(key);
                sink_.error(it == first_where.end() ? SourceLocation{name_} : answer_place(lines, key),
                            key + ": missing; expected " + identity_expected(key));
            }
        for (const Question& question : questionnaire_.questions())
            if (question.required && question.area.empty() && !given.count(question.id)) {
                required_reported_ = true;
                sink_.error(first_where.count(question.id) ? answer_place(lines, question.id) : SourceLocation{name_},
                            question.id + ": missing required fact; expected an answer");
            }
        settle_languages(edition);
        const auto by_id = [](const Answer& a, const Answer& b) { return a.question < b.question; };
        std::sort(edition.facts.begin(), edition.facts.end(), by_id);
        std::sort(edition.answers.begin(), edition.answers.end(), by_id);
        for (const Answer& fact : edition.facts) {
            if (fact.question == "city.population")
                if (const auto* value = std::get_if<std::int64_t>(&fact.value)) edition.city.population = *value;
            if (fact.question == "city.foreign_born_percent")
                if (const auto* value = std::get_if<double>(&fact.value)) edition.city.foreign_born_percent = *value;
        }
        // The same checks as a hand-written edition's, at the cells: ranges, percentages over 100.
        DiagnosticSink checks;
        validate_edition(edition, questionnaire_, checks);
        for (const Diagnostic& diagnostic : checks.all())
            if (!(required_reported_ && diagnostic.message.find("missing required fact") != std::string::npos))
                sink_.report(diagnostic);
        return edition;
    }

    // The edition's free texts are in the language of the edition the form was prefilled from (recorded in
    // the form), else in the form's: the city wrote them filling it in. Each comment's language is its
    // cell's, else the form's, and an answer states it only where it differs from the edition's; so a round
    // trip through a form in another language gives the same file.
    void settle_languages(Edition& edition) const {
        edition.language = edition_language_.empty() ? lang_ : edition_language_;
        for (auto* answers : {&edition.facts, &edition.answers})
            for (Answer& answer : *answers) {
                if (answer.comment.empty()) continue;
                if (answer.language.empty()) answer.language = lang_;
                if (answer.language == edition.language) answer.language.clear();
            }
    }

    static std::optional<int> readable_layout(const std::string& text) {
        for (int layout = oldest_form_layout_version; layout <= form_layout_version; ++layout)
            if (text == std::to_string(layout)) return layout;
        return std::nullopt;
    }

    // The comment's language as written beside it: a BCP 47 tag, and only with a comment.
    std::string comment_language(const AnswerLine& line) {
        if (line.comment_language.empty()) return {};
        if (line.comment.empty()) {
            sink_.error(line.comment_language_where, line.id + ": a comment language without a comment; expected "
                                                               "the language beside the comment it names");
            return {};
        }
        if (!looks_like_language_tag(line.comment_language)) {
            sink_.error(line.comment_language_where,
                        line.id + ": expected a language tag such as \"fr\" or \"pt-BR\" (the comment's language), "
                                  "found " + in_quotes(line.comment_language));
            return {};
        }
        return line.comment_language;
    }

    static SourceLocation answer_place(const std::vector<AnswerLine>& lines, const std::string& id) {
        for (const AnswerLine& line : lines)
            if (line.id == id) return line.answer_where;
        return {};
    }

    static std::string identity_expected(const std::string& key) {
        if (key == "city.id") return "the city's identifier: lower-case letters, digits and '-' (e.g. \"valmora\")";
        if (key == "city.name") return "the city's name";
        if (key == "city.country") return "a two-letter ISO 3166 code in capitals (e.g. \"PT\")";
        return "the edition's date, YYYY-MM-DD";
    }

    // The language a city names in its languages cell: a tag of the language registry in any case ("pt",
    // "PT"), or a language's own or English name ("Português", "Portuguese"); nullptr when it is none.
    const Language* named_language(const std::string& text) const {
        if (const Language* exact = languages_.find(text)) return exact;
        const std::string wanted = folded(text);
        for (const Language& language : languages_.languages())
            if (wanted == folded(language.tag) || wanted == folded(language.name) ||
                wanted == folded(language.english_name))
                return &language;
        return nullptr;
    }

    // The languages cell: "pt", "ar, fr" (commas or semicolons, the Arabic and ideographic ones too), each a
    // language of locales/ once; an unknown one is refused at the cell with the closest tag.
    void read_languages(const AnswerLine& line, Edition& edition) {
        const std::vector<std::string> tags = languages_.tags();
        for (const std::string& item :
             listed_items(line.answer, ',', {"\xD8\x8C", "\xD8\x9B", "\xE3\x80\x81", "\xEF\xBC\x8C", "\xEF\xBC\x9B", ";"})) {
            const Language* language = named_language(item);
            if (!language) {
                std::string lower = item;
                for (char& c : lower) c = c == '_' ? '-' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
                // A regional variant ("pt-BR") means its language; else the closest tag.
                std::string meant = closest_match(lower, tags);
                if (const auto dash = lower.find('-'); dash != std::string::npos && languages_.find(lower.substr(0, dash)))
                    meant = lower.substr(0, dash);
                std::vector<DiagnosticNote> notes;
                if (!meant.empty()) notes.push_back({NoteKind::help, "did you mean " + in_quotes(meant) + "?"});
                std::string list;
                for (const std::string& tag : tags) list += (list.empty() ? "" : ", ") + tag;
                sink_.error(line.answer_where, std::string(city_languages_key) + ": unknown language " + in_quotes(item) +
                                                   "; expected language codes separated by commas, each one of: " + list,
                            std::move(notes));
                continue;
            }
            auto& chosen = edition.city.languages;
            if (std::find(chosen.begin(), chosen.end(), language->tag) != chosen.end()) {
                sink_.error(line.answer_where, std::string(city_languages_key) + ": language " +
                                                   in_quotes(language->tag) + " listed twice; expected each language once");
                continue;
            }
            chosen.push_back(language->tag);
            edition.languages_where.push_back(line.answer_where);
        }
    }

    bool identity(const AnswerLine& line, Edition& edition) {
        if (line.id == city_languages_key) {
            read_languages(line, edition);
            return true;
        }
        const auto is = [&](const char* key) { return line.id == key; };
        if (!is("city.id") && !is("city.name") && !is("city.country") && !is("edition.date")) return false;
        const auto wrong = [&] {
            sink_.error(line.answer_where, line.id + ": expected " + identity_expected(line.id) + ", found " +
                                               in_quotes(line.answer));
        };
        if (is("city.id")) {
            const bool valid = std::all_of(line.answer.begin(), line.answer.end(), [](char c) {
                return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
            });
            valid ? void(edition.city.id = line.answer) : wrong();
        } else if (is("city.name")) {
            edition.city.name = line.answer;
        } else if (is("city.country")) {
            const bool valid = line.answer.size() == 2 && std::isupper(static_cast<unsigned char>(line.answer[0])) &&
                               std::isupper(static_cast<unsigned char>(line.answer[1]));
            valid ? void(edition.city.country = line.answer) : wrong();
        } else if (auto date = parse_date(line)) {
            edition.date = *date;
            edition.date_where = line.answer_where;
        } else {
            wrong();
        }
        given_identity_.insert(line.id);
        return true;
    }

    // "2026-03-15" as text, or a date a spreadsheet stored as a day number (1900 date system).
    static std::optional<Date> parse_date(const AnswerLine& line) {
        if (line.answer_is_number) {
            const auto serial = parse_number(line.answer, false);
            if (!serial || *serial < 61 || *serial != std::floor(*serial)) return std::nullopt;
            // Day 25569 is 1970-01-01 (Excel counts a 29 February 1900 that never was).
            const auto days = std::chrono::sys_days{} + std::chrono::days(static_cast<long>(*serial) - 25569);
            const std::chrono::year_month_day ymd{days};
            return Date{static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day())};
        }
        const std::string& text = line.answer;
        if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
        int year = 0;
        unsigned month = 0, day = 0;
        if (std::from_chars(text.data(), text.data() + 4, year).ec != std::errc() ||
            std::from_chars(text.data() + 5, text.data() + 7, month).ec != std::errc() ||
            std::from_chars(text.data() + 8, text.data() + 10, day).ec != std::errc())
            return std::nullopt;
        const std::chrono::year_month_day ymd{std::chrono::year(year), std::chrono::month(month), std::chrono::day(day)};
        if (!ymd.ok()) return std::nullopt;
        return Date{year, month, day};
    }

    std::string expected_choices(const Question& question, const Labels& labels) const {
        std::vector<std::string> ids;
        for (const Option& option : question.options) ids.push_back(option.id);
        std::string text;
        for (std::size_t i = 0; i < ids.size(); ++i) text += (i ? ", " : "") + ids[i];
        (void)labels;
        return text;
    }

    std::vector<DiagnosticNote> suggestion(const Question& question, const Labels& labels, const std::string& found) const {
        std::vector<std::string> candidates = labels.shown(question.id);
        for (const Option& option : question.options) candidates.push_back(option.id);
        const std::string closest = closest_match(found, candidates);
        std::vector<DiagnosticNote> notes;
        if (!closest.empty()) notes.push_back({NoteKind::help, "did you mean " + in_quotes(closest) + "?"});
        if (lang_ != source_language_ && !labels.shown(question.id).empty())
            notes.push_back({NoteKind::note, "in this questionnaire's language: " + join_alternatives([&] {
                                 std::vector<std::string> quoted;
                                 for (const std::string& label : labels.shown(question.id)) quoted.push_back(in_quotes(label));
                                 return quoted;
                             }())});
        return notes;
    }

    std::optional<AnswerValue> value_of(const AnswerLine& line, const Question& question, const Labels& labels) {
        const std::string reserved = line.answer_is_number ? "" : labels.option(question.id, line.answer);
        if (reserved == unknown_answer || reserved == not_applicable_answer) return AnswerValue{reserved};
        const auto refuse = [&](const std::string& expected, std::vector<DiagnosticNote> notes = {}) {
            sink_.error(line.answer_where, "expected " + expected + "; found " + in_quotes(line.answer), std::move(notes));
            return std::nullopt;
        };
        switch (question.type) {
            case AnswerType::yes_partly_no:
            case AnswerType::single_choice: {
                if (!reserved.empty()) return AnswerValue{reserved};
                return refuse("one of " + expected_choices(question, labels), suggestion(question, labels, line.answer));
            }
            case AnswerType::multiple_choice: {
                if (labels.is_none(line.answer)) return AnswerValue{std::vector<std::string>{}};
                std::vector<std::string> chosen;
                bool ok = true;
                // Items are separated by semicolons (Arabic writes its own, U+061B).
                for (const std::string& item : listed_items(line.answer, ';', {"\xD8\x9B"})) {
                    const std::string id = labels.option(question.id, item);
                    if (id.empty() || id == unknown_answer || id == not_applicable_answer) {
                        sink_.error(line.answer_where, "expected options from " + expected_choices(question, labels) +
                                                           ", separated by semicolons; found " + in_quotes(item),
                                    suggestion(question, labels, item));
                        ok = false;
                    } else {
                        chosen.push_back(id);
                    }
                }
                if (!ok) return std::nullopt;
                return AnswerValue{std::move(chosen)};
            }
            case AnswerType::integer: {
                const auto number = parse_number(line.answer, false);
                const std::string expected = question.maximum
                                                 ? "a whole number between " + number_text(question.minimum.value_or(0)) +
                                                       " and " + number_text(*question.maximum)
                                                 : "a whole number of at least " + number_text(question.minimum.value_or(0));
                if (!number || *number != std::floor(*number) || std::fabs(*number) > 9e15) return refuse(expected);
                return AnswerValue{static_cast<std::int64_t>(*number)};
            }
            case AnswerType::percentage: {
                const auto number = parse_number(line.answer, true);
                if (!number) return refuse("a percentage between 0 and 100 (a number, without the % sign)");
                return AnswerValue{*number};
            }
            case AnswerType::text: return AnswerValue{line.answer};
        }
        return std::nullopt;
    }

    // "a language of locales/: \"ar\", \"de\", ... or \"uk\"", from the forms there are.
    std::string known_languages() const {
        std::vector<std::string> quoted;
        for (const auto& entry : forms_) quoted.push_back(in_quotes(entry.first));
        return "a language of locales/: " + join_alternatives(quoted);
    }

    fs::path file_;
    std::string name_;
    const Questionnaire& questionnaire_;
    const FormsByLanguage& forms_;
    const LanguageRegistry& languages_;
    DiagnosticSink& sink_;
    std::string source_language_;  // of the CSV layout, and of a workbook that names no language
    std::string lang_;
    int layout_ = form_layout_version;
    std::string version_;
    std::string version_place_;
    SourceLocation version_where_;
    std::string edition_language_;  // recorded by a prefilled form (edition_language), else empty
    std::set<std::string> given_identity_;
    bool required_reported_ = false;
};

std::string toml_value(const AnswerValue& value) {
    struct Visitor {
        std::string operator()(const std::string& s) const { return toml_basic_string(s); }
        std::string operator()(std::int64_t i) const { return std::to_string(i); }
        std::string operator()(double d) const { return number_text(d); }
        std::string operator()(bool b) const { return b ? "true" : "false"; }
        std::string operator()(const std::vector<std::string>& items) const {
            std::string out = "[";
            for (std::size_t i = 0; i < items.size(); ++i) out += (i ? ", " : "") + toml_basic_string(items[i]);
            return out + "]";
        }
    };
    return std::visit(Visitor{}, value);
}

std::string entry(const std::string& key, const Answer& answer) {
    if (answer.comment.empty()) return key + " = " + toml_value(answer.value) + "\n";
    std::string out = key + " = { answer = " + toml_value(answer.value) + ", comment = " + toml_basic_string(answer.comment);
    if (!answer.language.empty()) out += ", language = " + toml_basic_string(answer.language);
    return out + " }\n";
}

}  // namespace

Edition import_answers(const fs::path& file, const Questionnaire& questionnaire, const FormsByLanguage& forms,
                       const LanguageRegistry& languages, DiagnosticSink& sink) {
    return Importer(file, questionnaire, forms, languages, sink).run();
}

std::string edition_toml(const Edition& edition, const Questionnaire& questionnaire) {
    std::string out = "# " + edition.city.name + ": answers to the " + edition.questionnaire +
                      " questionnaire of the ICC Index, edition of " + edition.date.iso() +
                      ".\n# Written by `iccreport import` (format: docs/response-format.md).\n";
    out += "[city]\nid = " + toml_basic_string(edition.city.id) + "\nname = " + toml_basic_string(edition.city.name) +
           "\ncountry = " + toml_basic_string(edition.city.country) + "\n";
    if (!edition.city.languages.empty()) out += "languages = " + toml_value(AnswerValue{edition.city.languages}) + "\n";
    for (const Question& question : questionnaire.questions())
        if (question.area.empty())
            if (const Answer* fact = edition.find(question.id)) out += entry(question.city_key(), *fact);
    out += "\n[edition]\ndate = " + edition.date.iso() + "\nquestionnaire = " + toml_basic_string(edition.questionnaire) + "\n";
    if (!edition.language.empty()) out += "language = " + toml_basic_string(edition.language) + "\n";
    const auto write_area = [&](const Area& area) {
        std::string group;
        for (const Question* question : questionnaire.questions_of(area.id))
            if (const Answer* answer = edition.find(question->id))
                group += entry(question->id.substr(area.id.size() + 1), *answer);
        if (!group.empty()) out += "\n[answers." + area.id + "]\n" + group;
    };
    for (const Area* indicator : questionnaire.indicators()) {
        write_area(*indicator);
        for (const Area* field : questionnaire.fields_of(indicator->id)) write_area(*field);
    }
    return out;
}

}  // namespace icc::intake
