#include "compose/printed_questionnaire.h"

#include <set>

#include "compose/furniture.h"
#include "support/bidi.h"

namespace icc {

namespace {

// A box to tick and one ticked, from the geometric shapes every font set has
// (the CJK face covers them for every script).
constexpr const char* empty_box = "\u25A1";
constexpr const char* ticked_box = "\u25A0";
// Box and label never part at a line end; options on one line are an em space apart.
constexpr const char* box_gap = "\u00A0";
constexpr const char* option_gap = "\u2003";
// A line to write on: underscores, which every face has.
const std::string writing_line(44, '_');

class PrintedQuestionnaireComposer {
public:
    PrintedQuestionnaireComposer(const intake::QuestionnaireForm& form, const Catalog& catalog, const Edition* previous)
        : form_(form), catalog_(catalog), previous_(previous) {}

    Document compose() {
        DocumentInfo& info = document_.info;
        set_locale_furniture(info, catalog_);
        info.title = form_.title;
        info.author = catalog_.text("report.author");
        info.subject = form_.title;
        info.keywords = catalog_.text("report.keywords");
        // The form's date is the pre-filling edition's, or 1 January of the version (as the XLSX's).
        info.date = previous_ ? previous_->date : Date{version_year(), 1, 1};
        info.running_header = form_.title;

        CoverBlock cover;
        cover.kicker = catalog_.text("report.cover.kicker");
        cover.title = form_.title;
        if (previous_) {
            cover.subtitle = catalog_.format("intake.print.prefilled",
                                             {{"city", previous_->city.name}, {"date", previous_->date}});
            cover.details = {previous_->city.name, catalog_.country(previous_->city.country)};
        }
        document_.blocks.emplace_back(std::move(cover));
        document_.blocks.emplace_back(TableOfContentsBlock{catalog_.text("report.toc.title"), 1});

        heading(form_.instructions_sheet, "instructions");
        const MessageArgs names{{"unknown", catalog_.text("index.answers.unknown")},
                                {"answer", form_.columns[3]},
                                {"comment", form_.columns[4]}};
        for (const char* key : {"intake.print.p1", "intake.print.p2", "intake.print.p3"})
            paragraph({TextRun::plain(catalog_.format(key, names))});

        for (const intake::FormSheet& sheet : form_.sheets) {
            heading(sheet.title, "area-" + sheet.area);
            for (const intake::FormRow& row : sheet.rows) question(row);
        }
        return std::move(document_);
    }

private:
    int version_year() const {
        try {
            return std::stoi(form_.questionnaire_version);
        } catch (const std::exception&) {
            return 1970;
        }
    }

    void heading(std::string title, std::string anchor) {
        document_.blocks.emplace_back(HeadingBlock{1, std::move(title), std::move(anchor), true, true});
    }

    void paragraph(InlineText text, ParagraphStyle style = ParagraphStyle::body, std::string language = {}) {
        document_.blocks.emplace_back(ParagraphBlock{std::move(text), style, std::move(language)});
    }

    // The language the edition's texts are written in, when it says and it is not the form's.
    std::string answers_language() const {
        return previous_ && previous_->language != form_.lang ? previous_->language : std::string();
    }

    // A line that opens with the form's label ("التعليق:") and goes on with the
    // city's words in `language`: the words isolated, so that a French comment
    // keeps its order and full stop in an Arabic line; the line in the words'
    // language (hyphenation, CJK forms) unless that runs the other way, which
    // would put the form's label at the wrong end.
    void labelled_city_text(const std::string& label, const std::string& words, const std::string& language,
                            ParagraphStyle style) {
        const bool same_direction = language.empty() || language_is_right_to_left(language) == form_right_to_left();
        paragraph({TextRun::plain(field(label)), TextRun::emphasis(isolated(words))}, style,
                  same_direction ? language : std::string());
    }

    bool form_right_to_left() const { return document_.info.right_to_left; }

    void question(const intake::FormRow& row) {
        // The id is what ties this page to the workbook's row: first, in bold.
        // A Latin id leaves an Arabic paragraph right to left: layout takes a
        // paragraph's direction from its language.
        paragraph({TextRun::strong(row.id), TextRun::plain(option_gap), TextRun::plain(row.wording)});
        const Question* question = row.question;
        const bool choice = question && (question->type == AnswerType::yes_partly_no ||
                                         question->type == AnswerType::single_choice ||
                                         question->type == AnswerType::multiple_choice);
        if (choice) {
            const bool several = question->type == AnswerType::multiple_choice;
            std::string how = catalog_.text(several ? "intake.print.tick_any" : "intake.print.tick_one");
            if (row.required) how += " " + catalog_.text("intake.help_required");
            paragraph({TextRun::plain(how)}, ParagraphStyle::note);
            paragraph(option_boxes(row));
        } else {
            paragraph({TextRun::plain(row.help)}, ParagraphStyle::note);
            // A free-text answer is the city's words, in the language it wrote them in.
            const bool city_text = question && question->type == AnswerType::text && !row.answer.empty();
            if (row.answer.empty())
                paragraph({TextRun::plain(field(form_.columns[3])), TextRun::plain(writing_line)});
            else
                labelled_city_text(form_.columns[3], answer_shown(row), city_text ? answers_language() : std::string(),
                                   ParagraphStyle::body);
        }
        if (!row.question) return;  // the identifying keys take no comment
        if (row.comment.empty())
            paragraph({TextRun::plain(field(form_.columns[4])), TextRun::plain(writing_line)}, ParagraphStyle::note);
        else
            labelled_city_text(form_.columns[4], row.comment,
                               row.comment_language.empty() ? answers_language() : row.comment_language,
                               ParagraphStyle::note);
    }

    // "Answer: ", "Réponse : ", "回答：": the label before a line, punctuated as the language does.
    std::string field(const std::string& label) const {
        return catalog_.format("intake.print.field", {{"label", label}});
    }

    // A pre-filled number as the reader writes numbers ("84 300", "8,4"); other answers as the form has them.
    std::string answer_shown(const intake::FormRow& row) const {
        if (!row.answer_number) return row.answer;
        const double value = *row.answer_number;
        if (value == static_cast<double>(static_cast<std::int64_t>(value)) && row.answer.find('.') == std::string::npos)
            return catalog_.integer(static_cast<std::int64_t>(value));
        const auto point = row.answer.find('.');
        const int decimals = point == std::string::npos ? 0 : static_cast<int>(row.answer.size() - point - 1);
        return catalog_.number(value, decimals);
    }

    // "□ Yes  □ Partly  ■ No  □ Unknown", the pre-filled answers ticked.
    InlineText option_boxes(const intake::FormRow& row) const {
        std::set<std::string> chosen;
        if (!row.answer.empty() && row.answer != form_.none_label) {
            // The form shows a pre-filled choice as its label, several joined by "; ".
            std::string rest = row.answer;
            for (std::size_t at; !rest.empty();) {
                at = rest.find("; ");
                chosen.insert(rest.substr(0, at));
                rest = at == std::string::npos ? std::string() : rest.substr(at + 2);
            }
        }
        // Yes / partly / no fit on one line; longer lists take a line per option, as printed forms do.
        const bool one_line = row.question && row.question->type == AnswerType::yes_partly_no;
        InlineText boxes;
        const auto add = [&](const std::string& label, bool ticked) {
            if (!boxes.empty()) boxes.push_back(TextRun::plain(one_line ? option_gap : "\n"));
            boxes.push_back(TextRun::plain(std::string(ticked ? ticked_box : empty_box) + box_gap));
            boxes.push_back(ticked ? TextRun::strong(label) : TextRun::plain(label));
        };
        for (const intake::FormOption& option : row.options) add(option.label, chosen.count(option.label) > 0);
        if (row.question && row.question->type == AnswerType::multiple_choice)
            add(form_.none_label, row.answer == form_.none_label);
        return boxes;
    }

    const intake::QuestionnaireForm& form_;
    const Catalog& catalog_;
    const Edition* previous_;
    Document document_;
};

}  // namespace

Document compose_printed_questionnaire(const intake::QuestionnaireForm& form, const Catalog& catalog,
                                       const Edition* previous) {
    return PrintedQuestionnaireComposer(form, catalog, previous).compose();
}

}  // namespace icc
