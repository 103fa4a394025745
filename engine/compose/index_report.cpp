#include "compose/index_report.h"

#include <algorithm>
#include <cmath>

#include "compose/chart_inputs.h"
#include "compose/city_composer.h"
#include "compose/section_kinds.h"
#include "load/completeness.h"

namespace icc {

const std::vector<std::string>& index_report_figures() {
    static const std::vector<std::string> figures{"areas", "radar", "network", "progress", "one_area", "lens_fields"};
    return figures;
}

namespace {

// "higher", "lower" or "equal", comparing published figures as the reader sees them.
std::string comparison(const Exact& value, const Exact& average) {
    const Figure a = published(value), b = published(average);
    return a > b ? "higher" : a < b ? "lower" : "equal";
}

class IndexReportComposer : CityComposer {
public:
    IndexReportComposer(const CityReportData& data, const ReportTemplate& report, const Catalog& catalog)
        : CityComposer(data, catalog), report_(report) {}

    // The sections an Index Report template may name, each with the member that writes it.
    static const SectionKinds<IndexReportComposer, 9> sections;

    Document compose() {
        set_info();
        compose_sections(*this, sections, report_.sections);
        return std::move(document_);
    }

private:
    // ---------------------------------------------------------------- helpers

    void heading(int level, std::string title, std::string anchor = {}, bool in_toc = true) {
        add(HeadingBlock{level, std::move(title), std::move(anchor), true, in_toc});
    }

    // Points are whole numbers with the bundled questionnaire; a decimal weight
    // gives a published figure (one decimal), as every other number.
    std::string points_text(const Exact& value) const {
        if (boost::multiprecision::denominator(value) == 1)
            return catalog_.integer(boost::multiprecision::numerator(value).convert_to<std::int64_t>());
        return catalog_.number(published(value));
    }

    // ---------------------------------------------------------------- sections
    void set_info() {
        DocumentInfo& info = document_.info;
        set_locale_furniture(info, catalog_);
        const MessageArgs args{{"city", city_name_}};
        info.title = format("report.document_title", args);
        info.author = text("report.author");
        info.subject = text("report.subject");
        info.keywords = text("report.keywords");
        info.date = data_.edition.date;
        info.running_header = format("report.running_header", args);
    }

    void cover() {
        CoverBlock cover;
        cover.kicker = text("report.cover.kicker");
        cover.title = city_name_;
        cover.subtitle = text("report.cover.title");
        cover.details = {catalog_.country(data_.edition.city.country), catalog_.date(data_.edition.date),
                         format("report.cover.sample", {{"count", std::int64_t{data_.sample.size()}}})};
        add(std::move(cover));
    }

    void contents() { add(TableOfContentsBlock{text("report.toc.title"), report_.contents_depth}); }

    void introduction() {
        heading(1, text("report.intro.heading"), "introduction");
        paragraph(text("report.intro.p1"), ParagraphStyle::lead);
        paragraph(text("report.intro.p2"));
        bullets({text("report.intro.principle_equality"), text("report.intro.principle_diversity"),
                 text("report.intro.principle_interaction"), text("report.intro.principle_participation")});
        paragraph(format("report.intro.p3", {{"city", city_name_}, {"date", data_.edition.date}}));
    }

    void method() {
        heading(1, text("report.method.heading"), "method");
        const auto questions = static_cast<std::int64_t>(data_.questionnaire.questions().size());
        const auto indicators = static_cast<std::int64_t>(data_.questionnaire.indicators().size());
        paragraph(format("report.method.questionnaire", {{"questions", questions}, {"indicators", indicators}}));
        paragraph(text("report.method.kinds_intro"));
        bullets({text("report.method.kind_fact"), text("report.method.kind_input"), text("report.method.kind_impact")});
        paragraph(text("report.method.scoring"));
        // How much of the questionnaire this report rests on: unanswered questions earn nothing.
        const Completeness completeness = completeness_of(data_.edition, data_.questionnaire);
        paragraph(format("report.method.answered", {{"city", city_name_},
                                                    {"answered", std::int64_t{completeness.answered}},
                                                    {"asked", std::int64_t{completeness.asked}}}));
        const std::string cutoff = data_.sample.as_of ? catalog_.date(*data_.sample.as_of) : std::string("none");
        paragraph(format("report.method.sample", {{"count", std::int64_t{data_.sample.size()}}, {"cutoff", cutoff}}));
        paragraph(text("report.method.peers"));
        paragraph(text("report.method.quotes"));
    }

    std::string fact_text(const std::string& fact) const {
        const Answer* answer = data_.edition.find(fact);
        const Question* question = data_.questionnaire.find_question(fact);
        if (!answer || !question) return text("report.annex.not_answered");
        return answer_text_of(*question, *answer);
    }

    void city_in_figures() {
        heading(1, format("report.figures.heading", city_args()), "city-in-figures");
        paragraph(format("report.figures.intro", city_args()));
        TableBlock table;
        table.columns = {{1.1, Alignment::start}, {1.4, Alignment::start}};
        table.header = {plain_text(text("report.figures.fact")), plain_text(text("report.figures.value"))};
        auto row = [&](std::string label, std::string value) {
            table.rows.push_back({{plain_text(std::move(label)), plain_text(std::move(value))}, false});
        };
        row(text("report.figures.country"), catalog_.country(data_.edition.city.country));
        // A fact's comment (its source, what it counts) is the city's text: a
        // numbered note under the table, in the language the city wrote it in.
        std::vector<ParagraphBlock> notes;
        QuotedLanguages quoted;
        for (const Question& question : data_.questionnaire.questions()) {
            if (question.kind != QuestionKind::fact || !question.area.empty()) continue;
            const Answer* answer = data_.edition.find(question.id);
            if (!answer) continue;
            std::string value = fact_text(question.id);
            if (!answer->comment.empty()) {
                const std::string mark =
                    format("report.figures.note_mark", {{"number", static_cast<std::int64_t>(notes.size() + 1)}});
                value += " " + mark;
                // The comment in the language it is printed in (its own, unless
                // translated); the reader's note on it, if any, in the reader's.
                const QuotedText comment = quoted_comment(*answer);
                notes.push_back(ParagraphBlock{{TextRun::plain(mark + " "), TextRun::plain(comment.text)},
                                               ParagraphStyle::note,
                                               comment.language});
                quoted.remember(comment);
            }
            row(text(question.text_key()), std::move(value));
        }
        row(text("report.figures.edition"), catalog_.date(data_.edition.date));
        row(text("report.figures.questionnaire"), questionnaire_version());
        const auto editions = static_cast<std::int64_t>(data_.earlier.size() + 1);
        const Date first = data_.earlier.empty() ? data_.edition.date : data_.earlier.front().date;
        row(text("report.figures.editions_label"), format("report.figures.editions", {{"count", editions}, {"first", first}}));
        std::vector<std::string> groups;
        for (const PeerGroup* group : data_.sample.peer_groups_of(data_.city.scores.city.id))
            groups.push_back(peer_group_label(*group, catalog_));
        row(text("report.figures.peer_groups"), catalog_.list_of_labels(groups));
        add(std::move(table));
        for (ParagraphBlock& note : notes) add(std::move(note));
        say_how_quoted(quoted);
    }

    // The languages of the city's words quoted as it wrote them (untranslated)
    // or with an out-of-date translation, in the order first quoted: the
    // reader is told once under a list or a table's notes, per language, not
    // after every comment.
    struct QuotedLanguages {
        std::vector<std::string> untranslated, stale;
        void remember(const QuotedText& quoted) {
            std::vector<std::string>* into = quoted.state == QuotedText::State::untranslated ? &untranslated
                                             : quoted.state == QuotedText::State::stale        ? &stale
                                                                                                : nullptr;
            if (into && std::find(into->begin(), into->end(), quoted.language) == into->end())
                into->push_back(quoted.language);
        }
    };

    void say_how_quoted(const QuotedLanguages& quoted) {
        for (const auto& [state, languages] : {std::pair{"untranslated", &quoted.untranslated}, {"stale", &quoted.stale}}) {
            if (languages->empty()) continue;
            std::vector<std::string> names;
            for (const std::string& language : *languages) names.push_back(language_name(language, catalog_.icu_locale()));
            add(ParagraphBlock{plain_text(format("report.area.quoted_in_list",
                                                 {{"state", state}, {"languages", catalog_.list(names)}})),
                               ParagraphStyle::note, {}});
        }
    }

    void overall_results() {
        heading(1, text("report.overall.heading"), "overall-results");
        const CityScores& scores = data_.city.scores;
        const Exact aggregate = scores.aggregate.value_or(Exact(0));
        // Compared with the same index of the other cities: the extended index
        // with those that have one, the core index with every city.
        const Exact average = data_.sample.averages.index(scores.aggregate_kind()).value.value_or(Exact(0));
        paragraph(format("report.overall.aggregate", {{"city", city_name_},
                                                      {"rate", rate_text(aggregate)},
                                                      {"average", rate_text(average)},
                                                      {"comparison", comparison(aggregate, average)}}),
                  ParagraphStyle::lead);
        if (data_.city.aggregate_rank())
            paragraph(format("report.overall.rank", rank_args(data_.sample, data_.city, city_name_)) +
                      text("charts.sentence_separator") +
                      format("index.indices.rank_basis", rank_basis_args(data_.sample, data_.city, city_name_)));
        if (scores.core && scores.extended)
            paragraph(format("report.overall.core_extended",
                             {{"core", rate_text(*scores.core)}, {"extended", rate_text(*scores.extended)}}));
        else if (scores.core)
            paragraph(format("report.overall.core_only", {{"core", rate_text(*scores.core)}}));

        const auto areas = areas_chart_input(data_, catalog_);
        figure(charts::AreasChart{areas}, report_.figure_height("areas"), format("report.overall.chart_areas", city_args()));
        figure(charts::RadarChart{areas}, report_.figure_height("radar"), format("report.overall.chart_radar", city_args()));
        figure(charts::NetworkChart{network_chart_input(data_)}, report_.figure_height("network"),
               format("report.overall.chart_network",
                      {{"city", city_name_}, {"index", std::string(to_string(scores.aggregate_kind()))}}));

        peer_groups_table();
        progress();
    }

    void peer_groups_table() {
        heading(2, text("report.overall.peers_heading"), "peer-groups");
        const auto groups = data_.sample.peer_groups_of(data_.city.scores.city.id);
        paragraph(format("report.overall.peers_intro",
                         {{"city", city_name_}, {"count", static_cast<std::int64_t>(groups.size())}}));
        TableBlock table;
        table.columns = {{2.6, Alignment::start}, {0.7, Alignment::end}, {1.0, Alignment::end}, {1.0, Alignment::end}};
        table.header = {plain_text(text("report.overall.peer_group")), plain_text(text("report.overall.peer_cities")),
                        plain_text(city_name_), plain_text(text("report.overall.peer_average"))};
        const IndexKind kind = data_.city.scores.aggregate_kind();
        const std::string city_value = rate_text(data_.city.scores.aggregate.value_or(Exact(0)));
        const Average& everyone = data_.sample.averages.index(kind);
        table.rows.push_back({{plain_text(format("report.overall.whole_sample", {{"index", std::string(to_string(kind))}})),
                               plain_text(catalog_.integer(everyone.count)), plain_text(city_value),
                               plain_text(rate_text(everyone.value.value_or(Exact(0))))},
                              false});
        for (const PeerGroup* group : groups) {
            // The group's cities that have the same index as this city's aggregate.
            const Average& average = group->averages.index(kind);
            table.rows.push_back({{plain_text(peer_group_label(*group, catalog_)),
                                   plain_text(catalog_.integer(average.count)), plain_text(city_value),
                                   plain_text(average.value ? rate_text(*average.value) : text("charts.missing_value"))},
                                  false});
        }
        add(std::move(table));
    }

    void progress() {
        heading(2, text("report.overall.progress_heading"), "progress");
        if (data_.earlier.empty() || !data_.city.progress) {
            paragraph(format("report.overall.progress_first", city_args()));
            return;
        }
        const Progress& change = *data_.city.progress;
        const CityScores& previous = data_.earlier.back();
        if (change.aggregate && previous.aggregate && data_.city.scores.aggregate) {
            const Figure delta = *change.aggregate;
            paragraph(format("report.overall.progress",
                             {{"city", city_name_},
                              {"date", change.previous_date},
                              {"direction", std::string(delta.tenths() > 0 ? "up" : delta.tenths() < 0 ? "down" : "same")},
                              {"delta", catalog_.number(delta.magnitude())},
                              {"before", rate_text(*previous.aggregate)},
                              {"after", rate_text(*data_.city.scores.aggregate)}}));
        } else if (change.core) {
            const Figure delta = *change.core;
            paragraph(format("report.overall.progress_core",
                             {{"city", city_name_},
                              {"date", change.previous_date},
                              {"direction", std::string(delta.tenths() > 0 ? "up" : delta.tenths() < 0 ? "down" : "same")},
                              {"delta", catalog_.number(delta.magnitude())}}));
        }
        figure(charts::ProgressChart{progress_chart_input(data_, catalog_)}, report_.figure_height("progress"),
               format("report.overall.chart_progress", city_args()));
    }

    // ---------------------------------------------------------------- areas
    void areas() {
        for (const Area* indicator : data_.questionnaire.indicators()) {
            const auto fields = data_.questionnaire.fields_of(indicator->id);
            area_section(*indicator, 1, fields.empty());
            if (!fields.empty()) {
                figure(charts::AreasChart{areas_chart_input(data_, catalog_, indicator->id)},
                       report_.figure_height("lens_fields"),
                       format("report.area.chart_fields", {{"area", area_name(indicator->id)}, {"city", city_name_}}));
                for (const Area* field : fields) area_section(*field, 2, true);
            }
        }
    }

    void area_section(const Area& area, int level, bool with_details) {
        heading(level, text(area.name_key()), "area-" + area.id);
        paragraph(text("report.areas." + area.id + ".ideal"));
        const auto rate = data_.city.scores.rate(area.id);
        const Exact average = sample_average(area.id);
        if (rate)
            paragraph(format("report.area.rate", {{"city", city_name_},
                                                  {"rate", rate_text(*rate)},
                                                  {"average", rate_text(average)},
                                                  {"comparison", comparison(*rate, average)}}));
        else
            paragraph(format("report.area.no_answers", city_args()));
        figure(charts::OneAreaChart{one_area_chart_input(data_, catalog_, area.id)}, report_.figure_height("one_area"),
               format("report.area.chart", {{"area", text(area.name_key())}, {"city", city_name_}}));
        if (!with_details) return;
        reported(area, level + 1);
        recommendations(area, level + 1);
        practices(area);
    }

    // "2019" in the reader's digits (٢٠١٩ in Arabic), like every other number; a
    // version that is not a year is printed as written.
    [[nodiscard]] std::string questionnaire_version() const {
        const std::string& version = data_.edition.questionnaire;
        if (version.empty() || version.size() > 9 ||
            !std::all_of(version.begin(), version.end(), [](char c) { return c >= '0' && c <= '9'; }))
            return version;
        return ungrouped_number(std::stoll(version), catalog_.icu_locale());
    }

    void reported(const Area& area, int level) {
        heading(level, format("report.area.reported", city_args()), "reported-" + area.id, false);
        ListBlock list;
        QuotedLanguages quoted;  // said once, under the list
        for (const Question* question : data_.questionnaire.questions_of(area.id)) {
            const Answer* answer = data_.edition.find(question->id);
            if (!answer) continue;
            InlineText item{TextRun::plain(format("report.area.question_answer", {{"question", text(question->text_key())}})),
                            TextRun::strong(answer_text_of(*question, *answer))};
            if (question->type == AnswerType::text) quoted.remember(quoted_answer(*answer));
            if (!answer->comment.empty()) {
                const QuotedText comment = quoted_comment(*answer);
                item.push_back(TextRun::emphasis(format("report.area.comment", {{"comment", comment.text}})));
                quoted.remember(comment);
            }
            list.items.push_back(std::move(item));
        }
        if (list.items.empty()) {
            paragraph(format("report.area.reported_none", city_args()));
            return;
        }
        add(std::move(list));
        say_how_quoted(quoted);
    }

    void recommendations(const Area& area, int level) {
        const AreaSelection* selection = data_.selection.find(area.id);
        if (!selection || selection->recommendations.empty()) return;
        heading(level, text("report.area.recommendations"), "recommendations-" + area.id, false);
        ListBlock list;
        for (const ChosenRecommendation& recommendation : selection->recommendations)
            list.items.push_back(plain_text(recommendation_text(recommendation, catalog_)));
        if (!list.items.empty()) add(std::move(list));
    }

    void practices(const Area& area) {
        const AreaSelection* selection = data_.selection.find(area.id);
        if (!selection) return;
        for (const ChosenPractice& chosen : selection->practices) {
            const Practice* practice = data_.practices.find(chosen.practice_id);
            if (!practice) continue;
            // The reader's language, else the one it falls back to, else any: the language and the text.
            auto pick_in = [&](const std::map<std::string, std::string>& texts) -> std::pair<std::string, std::string> {
                auto it = texts.find(catalog_.lang());
                if (it == texts.end()) it = texts.find(catalog_.language().fallback);
                if (it == texts.end()) it = texts.begin();
                if (it == texts.end()) return {};
                return {it->first, it->second};
            };
            auto pick = [&](const std::map<std::string, std::string>& texts) { return pick_in(texts).second; };
            std::string city = practice->city, country;
            if (const auto editions = data_.network.editions_of(practice->city); !editions.empty()) {
                city = editions.back()->scores.city.name;
                country = catalog_.country(editions.back()->scores.city.country);
            }
            CalloutBlock callout;
            callout.title = format("report.area.practice_title", {{"title", pick(practice->title)}});
            // An English summary in a Hebrew report is an English paragraph: left to right, English hyphenation.
            auto [summary_language, summary] = pick_in(practice->summary);
            if (summary_language == catalog_.lang()) summary_language.clear();
            callout.blocks.emplace_back(
                ParagraphBlock{plain_text(std::move(summary)), ParagraphStyle::body, std::move(summary_language)});
            InlineText source{TextRun::plain(format("report.area.practice_source", {{"city", city},
                                                                                    {"country", country},
                                                                                    {"year", std::to_string(practice->year)}}))};
            if (!practice->link.empty()) {
                source.push_back(TextRun::plain(" · "));
                source.push_back(TextRun::web_link(practice->link, practice->link));
            }
            callout.blocks.emplace_back(ParagraphBlock{std::move(source), ParagraphStyle::note, {}});
            add(std::move(callout));
        }
    }

    // ---------------------------------------------------------------- conclusions and annex
    void conclusions() {
        heading(1, text("report.conclusions.heading"), "conclusions");
        struct Ranked {
            const Area* area;
            Figure rate;
        };
        std::vector<Ranked> ranked;
        for (const Area* indicator : data_.questionnaire.indicators())
            if (auto rate = data_.city.scores.rate(indicator->id)) ranked.push_back({indicator, published(*rate)});
        // Stable: equal rates keep the questionnaire's order.
        std::stable_sort(ranked.begin(), ranked.end(), [](const Ranked& a, const Ranked& b) { return a.rate > b.rate; });
        const std::size_t strengths = std::min<std::size_t>(static_cast<std::size_t>(report_.strengths), ranked.size());
        const std::size_t priorities =
            std::min<std::size_t>(static_cast<std::size_t>(report_.priorities), ranked.size() - strengths);
        auto line = [&](const Ranked& r) {
            InlineText item{TextRun::internal_link(area_name(r.area->id), "area-" + r.area->id),
                            TextRun::plain(format("report.conclusions.area_rate",
                                                  {{"rate", rate_text(r.rate)},
                                                   {"average", rate_text(sample_average(r.area->id))}}))};
            return item;
        };
        heading(2, text("report.conclusions.strengths_heading"), "strengths");
        paragraph(format("report.conclusions.strengths",
                         {{"city", city_name_}, {"count", static_cast<std::int64_t>(strengths)}}));
        ListBlock best;
        for (std::size_t i = 0; i < strengths; ++i) best.items.push_back(line(ranked[i]));
        add(std::move(best));
        heading(2, text("report.conclusions.priorities_heading"), "priorities");
        paragraph(format("report.conclusions.priorities",
                         {{"city", city_name_}, {"count", static_cast<std::int64_t>(priorities)}}));
        ListBlock weakest;
        for (std::size_t i = 0; i < priorities; ++i) weakest.items.push_back(line(ranked[ranked.size() - 1 - i]));
        add(std::move(weakest));
    }

    void annex() {
        heading(1, text("report.annex.heading"), "annex");
        paragraph(format("report.annex.intro", city_args()));
        // In the order of the report: each indicator, then its fields.
        std::vector<const Area*> order;
        for (const Area* indicator : data_.questionnaire.indicators()) {
            order.push_back(indicator);
            for (const Area* field : data_.questionnaire.fields_of(indicator->id)) order.push_back(field);
        }
        for (const Area* area_pointer : order) {
            const Area& area = *area_pointer;
            const auto questions = data_.questionnaire.questions_of(area.id);
            if (questions.empty()) continue;
            heading(2, text(area.name_key()), "annex-" + area.id, false);
            TableBlock table;
            table.columns = {{3.2, Alignment::start}, {1.6, Alignment::start}, {0.8, Alignment::end}};
            table.header = {plain_text(text("report.annex.question")), plain_text(text("report.annex.answer")),
                            plain_text(text("report.annex.points"))};
            for (const Question* question : questions) {
                const QuestionScore* score = data_.city.scores.question(question->id);
                const Answer* answer = data_.edition.find(question->id);
                std::string answer_cell = answer ? answer_text_of(*question, *answer) : text("report.annex.not_answered");
                std::string points_cell = text("charts.missing_value");
                if (score && score->scored && score->status != AnswerStatus::not_applicable &&
                    score->status != AnswerStatus::not_asked)
                    points_cell = format("report.annex.points_value",
                                         {{"earned", points_text(score->earned)}, {"possible", points_text(score->possible)}});
                table.rows.push_back({{plain_text(text(question->text_key())), plain_text(std::move(answer_cell)),
                                       plain_text(std::move(points_cell))},
                                      false});
            }
            add(std::move(table));
        }
    }

    const ReportTemplate& report_;
};

const SectionKinds<IndexReportComposer, 9> IndexReportComposer::sections{{
    {"cover", &IndexReportComposer::cover},
    {"contents", &IndexReportComposer::contents},
    {"introduction", &IndexReportComposer::introduction},
    {"method", &IndexReportComposer::method},
    {"city_in_figures", &IndexReportComposer::city_in_figures},
    {"overall_results", &IndexReportComposer::overall_results},
    {"areas", &IndexReportComposer::areas},
    {"conclusions", &IndexReportComposer::conclusions},
    {"annex", &IndexReportComposer::annex},
}};

}  // namespace

const std::vector<std::string>& index_report_sections() {
    static const std::vector<std::string> names = section_names(IndexReportComposer::sections);
    return names;
}

Document compose_index_report(const CityReportData& data, const ReportTemplate& report, const Catalog& catalog) {
    return IndexReportComposer(data, report, catalog).compose();
}

}  // namespace icc
