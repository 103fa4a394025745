#pragma once
// What the composers of a city's documents (the Index Report, the
// intercultural profile) share: the city's data, the reader's catalog and
// small builders that append blocks to the document.
#include <string>
#include <vector>

#include "charts/chart_words.h"
#include "compose/document.h"
#include "compose/furniture.h"
#include "compose/report_data.h"
#include "support/locale.h"

namespace icc {

// A language's name in the reader's language, from ICU's locale data
// ("French" in English, "français" in French).
std::string language_name(const std::string& tag, const std::string& icu_locale);

class CityComposer {
protected:
    CityComposer(const CityReportData& data, const Catalog& catalog)
        : data_(data), catalog_(catalog), city_name_(data.edition.city.name) {}

    [[nodiscard]] MessageArgs city_args() const { return {{"city", city_name_}}; }
    [[nodiscard]] std::string text(const std::string& key) const { return catalog_.text(key); }
    [[nodiscard]] std::string format(const std::string& key, const MessageArgs& args) const {
        return catalog_.format(key, args);
    }
    // A published rate (one decimal, rounded once from the exact value) as a
    // percentage in the reader's language.
    [[nodiscard]] std::string rate_text(const Exact& value) const;
    [[nodiscard]] std::string rate_text(const Figure& figure) const;
    [[nodiscard]] std::string area_name(const std::string& id) const;
    [[nodiscard]] Exact sample_average(const std::string& area) const;
    // The text of an answer in the reader's language: option names, lists,
    // numbers and percentages through ICU; free text as the reader should
    // see it (its current translation into the reader's language, else as written).
    [[nodiscard]] std::string answer_text_of(const Question& question, const Answer& answer) const;
    // A comment, or a free-text answer's own text, for this reader: its
    // current translation, else the text in its own language (load/free_text.h).
    [[nodiscard]] QuotedText quoted_comment(const Answer& answer) const;
    [[nodiscard]] QuotedText quoted_answer(const Answer& answer) const;

    void add(Block block) { document_.blocks.push_back(std::move(block)); }
    void add(std::vector<Block> blocks) {
        for (Block& block : blocks) add(std::move(block));
    }
    void paragraph(std::string body, ParagraphStyle style = ParagraphStyle::body);
    // A full-width chart with its words and text alternative from the catalog.
    void figure(charts::ChartData chart, double height, std::string caption);
    void bullets(std::vector<std::string> items);

    const CityReportData& data_;
    const Catalog& catalog_;
    std::string city_name_;
    Document document_;
};

}  // namespace icc
