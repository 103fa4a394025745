#include "compose/answers_report.h"

namespace icc {

Document compose_answers_report(const Edition& edition, const Catalog& catalog) {
    Document document;
    const std::string country = catalog.country(edition.city.country);
    const MessageArgs city_args{{"city", edition.city.name}, {"country", country}, {"date", edition.date}};

    DocumentInfo& info = document.info;
    info.title = catalog.format("report.document_title", city_args);
    info.author = catalog.text("report.author");
    info.subject = catalog.text("report.subject");
    info.keywords = catalog.text("report.keywords");
    set_locale_furniture(info, catalog);
    info.date = edition.date;
    info.running_header = catalog.format("report.running_header", city_args);

    CoverBlock cover;
    cover.kicker = catalog.text("report.cover.kicker");
    cover.title = edition.city.name;
    cover.subtitle = catalog.text("report.cover.title");
    cover.details = {country, catalog.date(edition.date),
                     catalog.format("report.cover.questionnaire", {{"version", edition.questionnaire}})};
    document.blocks.emplace_back(std::move(cover));
    document.blocks.emplace_back(PageBreakBlock{});

    document.blocks.emplace_back(HeadingBlock{1, catalog.text("report.answers.heading")});
    document.blocks.emplace_back(ParagraphBlock{plain_text(catalog.format(
        "report.answers.intro", {{"city", edition.city.name}, {"count", static_cast<std::int64_t>(edition.answers.size())}}))});

    TableBlock table;
    table.columns = {{0.32}, {0.2}, {0.48}};
    table.header = {plain_text(catalog.text("report.answers.question")), plain_text(catalog.text("report.answers.answer")),
                    plain_text(catalog.text("report.answers.comment"))};
    for (const Answer& answer : edition.answers)
        table.rows.push_back({{plain_text(answer.question), plain_text(answer_text(answer.value)), plain_text(answer.comment)}});
    document.blocks.emplace_back(std::move(table));
    return document;
}

}  // namespace icc
