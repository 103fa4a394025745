#include "compose/profile.h"

#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cmath>
#include <map>

#include "compose/chart_inputs.h"
#include "compose/city_composer.h"
#include "compose/markup_blocks.h"
#include "compose/section_kinds.h"

namespace icc {

const std::vector<std::string>& profile_figures() {
    static const std::vector<std::string> figures{"areas"};
    return figures;
}

std::vector<const Area*> areas_in_index_order(const Questionnaire& questionnaire) {
    std::vector<const Area*> order;
    for (const Area* indicator : questionnaire.indicators()) {
        order.push_back(indicator);
        for (const Area* field : questionnaire.fields_of(indicator->id)) order.push_back(field);
    }
    return order;
}

std::vector<const ExpertRecommendation*> recommendations_in_order(const VisitNotes& notes,
                                                                  const Questionnaire& questionnaire) {
    std::map<std::string, std::size_t> rank;
    for (const Area* area : areas_in_index_order(questionnaire)) rank.emplace(area->id, rank.size());
    auto area_rank = [&](const std::string& id) {
        auto it = rank.find(id);
        return it == rank.end() ? rank.size() : it->second;
    };
    std::vector<const ExpertRecommendation*> ordered;
    for (const ExpertRecommendation& recommendation : notes.recommendations) ordered.push_back(&recommendation);
    std::stable_sort(ordered.begin(), ordered.end(), [&](const auto* a, const auto* b) {
        return std::make_pair(area_rank(a->area), static_cast<int>(a->priority)) <
               std::make_pair(area_rank(b->area), static_cast<int>(b->priority));
    });
    return ordered;
}

namespace {

// "higher", "lower" or "equal", comparing published figures as the reader sees them.
std::string comparison(const Exact& value, const Exact& average) {
    const Figure a = published(value), b = published(average);
    return a > b ? "higher" : a < b ? "lower" : "equal";
}

std::string priority_name(Priority priority) {
    switch (priority) {
        case Priority::high: return "high";
        case Priority::medium: return "medium";
        case Priority::low: return "low";
    }
    return "medium";
}

// How two days relate, for the date-range patterns of the locale files.
std::string date_span(const Date& first, const Date& last) {
    if (first == last) return "day";
    if (first.year == last.year && first.month == last.month) return "month";
    if (first.year == last.year) return "year";
    return "other";
}

// "09:30-11:00" as typeset: an en dash between the times.
std::string time_range(std::string time) {
    const auto dash = time.find('-');
    if (dash != std::string::npos) time.replace(dash, 1, "\u2013");
    return time;
}

class ProfileComposer : CityComposer {
public:
    ProfileComposer(const ProfileData& data, const ReportTemplate& profile, const Catalog& catalog)
        : CityComposer(data.index, catalog), notes_(data.notes), template_(profile),
          narrative_language_(notes_.language.empty() ? catalog.lang() : notes_.language),
          foreign_narrative_(primary_language(narrative_language_) != primary_language(catalog.lang())) {
        for (const AreaNarrative& narrative : notes_.areas) narratives_.emplace(narrative.area, &narrative);
    }

    // The sections a profile template may name, each with the member that writes it.
    static const SectionKinds<ProfileComposer, 9> sections;

    Document compose() {
        set_info();
        compose_sections(*this, sections, template_.sections);
        return std::move(document_);
    }

private:
    // ---------------------------------------------------------------- helpers
    std::string narrative_language_name() const { return language_name(narrative_language_, catalog_.icu_locale()); }
    MessageArgs visit_dates() const {
        return {{"first", notes_.first_day}, {"last", notes_.last_day},
                {"same", date_span(notes_.first_day, notes_.last_day)}};
    }

    void heading(int level, std::string title, std::string anchor, bool numbered = true, bool in_toc = true) {
        add(HeadingBlock{level, std::move(title), std::move(anchor), numbered, in_toc});
    }

    // Does the profile have a section on this area (its own notes, or notes on one of its fields)?
    bool has_narrative(const std::string& area) const {
        if (narratives_.count(area)) return true;
        for (const Area* field : data_.questionnaire.fields_of(area))
            if (narratives_.count(field->id)) return true;
        return false;
    }
    // Whether the document has a section on the area to link to.
    bool links_to_area(const std::string& area) const { return template_.has("areas") && has_narrative(area); }

    // ---------------------------------------------------------------- front matter
    void set_info() {
        DocumentInfo& info = document_.info;
        set_locale_furniture(info, catalog_);
        info.title = format("profile.document_title", city_args());
        info.author = text("report.author");
        info.subject = format("profile.subject", city_args());
        info.keywords = text("profile.keywords");
        info.date = notes_.last_day;
        info.running_header = format("profile.running_header", city_args());
    }

    void cover() {
        CoverBlock cover;
        cover.kicker = text("profile.cover.kicker");
        cover.title = city_name_;
        cover.subtitle = text("profile.cover.title");
        cover.details = {catalog_.country(data_.edition.city.country), format("profile.cover.visit", visit_dates()),
                         format("profile.cover.index", {{"date", data_.edition.date}})};
        if (foreign_narrative_)
            cover.details.push_back(format("profile.cover.narrative_language", {{"language", narrative_language_name()}}));
        add(std::move(cover));
    }

    void contents() { add(TableOfContentsBlock{text("profile.toc.title"), template_.contents_depth}); }

    void introduction() {
        heading(1, text("profile.intro.heading"), "introduction");
        paragraph(text("profile.intro.about"), ParagraphStyle::lead);
        paragraph(text("profile.intro.builds_on"));
        MessageArgs visit = visit_dates();
        visit.emplace_back("city", city_name_);
        visit.emplace_back("meetings", static_cast<std::int64_t>(notes_.programme.size()));
        visit.emplace_back("met", static_cast<std::int64_t>(notes_.met.size()));
        paragraph(format("profile.intro.visit", visit));
        team();
        std::int64_t covered = 0;
        for (const Area* area : areas_in_index_order(data_.questionnaire)) covered += narratives_.count(area->id);
        paragraph(format("profile.intro.structure", {{"city", city_name_},
                                                     {"date", data_.edition.date},
                                                     {"areas", covered}}));
        if (foreign_narrative_)
            paragraph(format("profile.intro.narrative_language", {{"language", narrative_language_name()}}));
    }

    void team() {
        std::vector<std::string> experts, secretariat;
        for (const VisitMember& member : notes_.team) {
            const std::string who = member.organisation.empty()
                                        ? member.name
                                        : format("profile.intro.member", {{"name", member.name},
                                                                          {"organisation", member.organisation}});
            (member.role == "secretariat" ? secretariat : experts).push_back(who);
        }
        if (experts.empty() && secretariat.empty()) return;
        paragraph(format("profile.intro.team", {{"city", city_name_}}));
        ListBlock list;
        auto item = [&](const std::string& key, const std::vector<std::string>& names) {
            if (names.empty()) return;
            InlineText line{TextRun::strong(format(key, {{"count", static_cast<std::int64_t>(names.size())}})),
                            TextRun::plain(catalog_.list(names))};
            list.items.push_back(std::move(line));
        };
        item("profile.intro.experts", experts);
        item("profile.intro.secretariat", secretariat);
        add(std::move(list));
    }

    // ---------------------------------------------------------------- the city
    void context() {
        heading(1, format("profile.context.heading", city_args()), "context");
        add(markup_blocks(notes_.context, narrative_language_));

        heading(2, text("profile.context.figures_heading"), "key-figures");
        paragraph(format("profile.context.figures_intro", {{"city", city_name_}, {"date", data_.edition.date}}));
        TableBlock table;
        table.columns = {{1.3, Alignment::start}, {1.2, Alignment::start}};
        table.header = {plain_text(text("profile.context.fact")), plain_text(text("profile.context.value"))};
        auto row = [&](std::string label, std::string value) {
            table.rows.push_back({{plain_text(std::move(label)), plain_text(std::move(value))}, false});
        };
        row(text("profile.context.country"), catalog_.country(data_.edition.city.country));
        for (const Question& question : data_.questionnaire.questions()) {
            if (question.kind != QuestionKind::fact || !question.area.empty()) continue;
            if (const Answer* answer = data_.edition.find(question.id))
                row(text(question.text_key()), answer_text_of(question, *answer));
        }
        std::vector<std::string> groups;
        for (const PeerGroup* group : data_.sample.peer_groups_of(data_.city.scores.city.id))
            groups.push_back(peer_group_label(*group, catalog_));
        if (!groups.empty()) row(text("profile.context.peer_groups"), catalog_.list_of_labels(groups));
        add(std::move(table));
    }

    // ---------------------------------------------------------------- Index results
    struct Ranked {
        const Area* area;
        Figure rate;
    };

    void index_results() {
        heading(1, text("profile.results.heading"), "index-results");
        const CityScores& scores = data_.city.scores;
        const Exact aggregate = scores.aggregate.value_or(Exact(0));
        const Exact average = data_.sample.averages.index(scores.aggregate_kind()).value.value_or(Exact(0));
        std::string opening = format("profile.results.aggregate", {{"city", city_name_},
                                                                   {"date", data_.edition.date},
                                                                   {"rate", rate_text(aggregate)},
                                                                   {"average", rate_text(average)},
                                                                   {"comparison", comparison(aggregate, average)}});
        if (data_.city.aggregate_rank()) {
            opening += text("charts.sentence_separator");
            opening += format("profile.results.rank", rank_args(data_.sample, data_.city, city_name_));
            opening += text("charts.sentence_separator");
            opening += format("index.indices.rank_basis", rank_basis_args(data_.sample, data_.city, city_name_));
        }
        paragraph(std::move(opening), ParagraphStyle::lead);

        figure(charts::AreasChart{areas_chart_input(data_, catalog_)}, template_.figure_height("areas"),
               format("profile.results.chart", {{"city", city_name_}, {"date", data_.edition.date}}));

        std::vector<Ranked> ranked;
        for (const Area* indicator : data_.questionnaire.indicators())
            if (auto rate = scores.rate(indicator->id)) ranked.push_back({indicator, published(*rate)});
        // Stable: equal rates keep the questionnaire's order.
        std::stable_sort(ranked.begin(), ranked.end(), [](const Ranked& a, const Ranked& b) { return a.rate > b.rate; });
        const std::size_t strongest = std::min<std::size_t>(static_cast<std::size_t>(template_.strengths), ranked.size());
        const std::size_t weakest =
            std::min<std::size_t>(static_cast<std::size_t>(template_.priorities), ranked.size() - strongest);
        std::vector<Ranked> best(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(strongest));
        std::vector<Ranked> worst(ranked.rbegin(), ranked.rbegin() + static_cast<std::ptrdiff_t>(weakest));
        ranked_table("profile.results.strongest", best);
        ranked_table("profile.results.weakest", worst);
        paragraph(format("profile.results.reference", {{"city", city_name_},
                                                       {"date", data_.edition.date},
                                                       {"count", std::int64_t{data_.sample.size()}}}),
                  ParagraphStyle::note);
    }

    // Areas with the city's rate and the sample average; a name links to the
    // experts' section on the area when there is one. The header names the
    // list, so that no lead-in line can be left alone at the foot of a page.
    void ranked_table(const std::string& title_key, const std::vector<Ranked>& areas) {
        if (areas.empty()) return;
        TableBlock table;
        table.columns = {{2.6, Alignment::start}, {1.0, Alignment::end}, {1.0, Alignment::end}};
        table.header = {plain_text(format(title_key, {{"count", static_cast<std::int64_t>(areas.size())}})),
                        plain_text(city_name_), plain_text(text("profile.results.sample_average"))};
        for (const Ranked& ranked : areas) {
            const std::string& id = ranked.area->id;
            InlineText name{links_to_area(id) ? TextRun::internal_link(area_name(id), "area-" + id)
                                              : TextRun::plain(area_name(id))};
            table.rows.push_back({{std::move(name), plain_text(rate_text(ranked.rate)),
                                   plain_text(rate_text(sample_average(id)))},
                                  false});
        }
        add(std::move(table));
    }

    // ---------------------------------------------------------------- the experts' review
    void areas() {
        heading(1, text("profile.areas.heading"), "areas");
        paragraph(text("profile.areas.intro"));
        std::vector<std::string> skipped;
        for (const Area* indicator : data_.questionnaire.indicators())
            if (!has_narrative(indicator->id)) skipped.push_back(area_name(indicator->id));
        if (!skipped.empty())
            paragraph(format("profile.areas.skipped", {{"count", static_cast<std::int64_t>(skipped.size())},
                                                       {"names", catalog_.list(skipped)}}));
        if (foreign_narrative_)
            paragraph(format("profile.areas.language_note", {{"language", narrative_language_name()}}),
                      ParagraphStyle::note);
        for (const Area* indicator : data_.questionnaire.indicators()) {
            if (!has_narrative(indicator->id)) continue;
            area_section(*indicator, 2);
            for (const Area* field : data_.questionnaire.fields_of(indicator->id))
                if (narratives_.count(field->id)) area_section(*field, 3);
        }
    }

    void area_section(const Area& area, int level) {
        heading(level, area_name(area.id), "area-" + area.id);
        // The rate line, and a link to the experts' recommendations on the area:
        // kept with the heading, never left alone at the head of a page.
        const auto rate = data_.city.scores.rate(area.id);
        InlineText line{TextRun::plain(format("profile.areas.rate", {{"rated", std::string(rate ? "yes" : "no")},
                                                                     {"rate", rate ? rate_text(*rate) : std::string()},
                                                                     {"average", rate_text(sample_average(area.id))},
                                                                     {"city", city_name_}}))};
        const auto count = std::count_if(notes_.recommendations.begin(), notes_.recommendations.end(),
                                         [&](const ExpertRecommendation& r) { return r.area == area.id; });
        if (count > 0 && template_.has("recommendations")) {
            line.push_back(TextRun::plain(text("profile.areas.separator")));
            line.push_back(TextRun::internal_link(
                format("profile.areas.see_recommendations", {{"count", static_cast<std::int64_t>(count)}}),
                "recommendations"));
        }
        add(ParagraphBlock{std::move(line), ParagraphStyle::note, {}});
        if (auto it = narratives_.find(area.id); it != narratives_.end())
            add(markup_blocks(it->second->text, narrative_language_));
    }

    // ---------------------------------------------------------------- recommendations
    void recommendations() {
        heading(1, text("profile.recommendations.heading"), "recommendations");
        const auto ordered = recommendations_in_order(notes_, data_.questionnaire);
        std::map<Priority, std::int64_t> counts;
        for (const auto* recommendation : ordered) ++counts[recommendation->priority];
        paragraph(format("profile.recommendations.intro", {{"city", city_name_},
                                                           {"count", static_cast<std::int64_t>(ordered.size())},
                                                           {"high", counts[Priority::high]},
                                                           {"medium", counts[Priority::medium]},
                                                           {"low", counts[Priority::low]}}));
        if (ordered.empty()) return;
        TableBlock table;
        table.columns = {{1.15, Alignment::start}, {0.75, Alignment::start}, {3.6, Alignment::start}};
        table.header = {plain_text(text("profile.recommendations.area")),
                        plain_text(text("profile.recommendations.priority")),
                        plain_text(text("profile.recommendations.recommendation"))};
        std::string previous_area;
        for (const auto* recommendation : ordered) {
            InlineText area_cell;
            if (recommendation->area != previous_area) {
                const std::string name = area_name(recommendation->area);
                area_cell.push_back(links_to_area(recommendation->area)
                                        ? TextRun::internal_link(name, "area-" + recommendation->area)
                                        : TextRun::plain(name));
                previous_area = recommendation->area;
            }
            InlineText priority_cell{TextRun::strong(
                format("profile.recommendations.priority_label", {{"priority", priority_name(recommendation->priority)}}))};
            table.rows.push_back({{std::move(area_cell), std::move(priority_cell), markup_inline(recommendation->text)},
                                  false});
        }
        add(std::move(table));
        paragraph(text("profile.recommendations.priorities_note"), ParagraphStyle::note);
    }

    // ---------------------------------------------------------------- annexes
    // Annexes are numbered in the order they appear; one with nothing to list is left out.
    void annex_heading(const std::string& key, const std::string& anchor) {
        add(PageBreakBlock{});
        heading(1, format(key, {{"number", ++annexes_}}), anchor, false);
    }

    void programme() {
        if (notes_.programme.empty()) return;
        annex_heading("profile.annex.programme_heading", "annex-programme");
        std::vector<Date> days;
        for (const ProgrammeItem& item : notes_.programme)
            if (days.empty() || days.back() != item.date) days.push_back(item.date);
        paragraph(format("profile.annex.programme_intro", {{"city", city_name_},
                                                           {"meetings", static_cast<std::int64_t>(notes_.programme.size())},
                                                           {"days", static_cast<std::int64_t>(days.size())}}));
        std::int64_t day_number = 0;
        for (const Date& day : days) {
            heading(2, format("profile.annex.day", {{"number", ++day_number}, {"date", day}}),
                    "annex-programme-" + day.iso(), false, false);
            TableBlock table;
            table.columns = {{0.85, Alignment::start}, {2.3, Alignment::start}, {2.3, Alignment::start}};
            // The header, repeated on a continuation page, names the day.
            table.header = {plain_text(format("profile.annex.time", {{"date", day}})),
                            plain_text(text("profile.annex.stakeholder")),
                            plain_text(text("profile.annex.topic"))};
            for (const ProgrammeItem& item : notes_.programme)
                if (item.date == day)
                    table.rows.push_back({{plain_text(time_range(item.time)), plain_text(item.stakeholder),
                                           plain_text(item.topic)},
                                          false});
            add(std::move(table));
        }
    }

    void people_met() {
        if (notes_.met.empty()) return;
        annex_heading("profile.annex.people_heading", "annex-people");
        paragraph(format("profile.annex.people_intro", {{"city", city_name_},
                                                        {"count", static_cast<std::int64_t>(notes_.met.size())}}));
        TableBlock table;
        table.columns = {{1.6, Alignment::start}, {1.6, Alignment::start}, {2.0, Alignment::start}};
        table.header = {plain_text(text("profile.annex.organisation")), plain_text(text("profile.annex.name")),
                        plain_text(text("profile.annex.role"))};
        for (const PersonMet& person : notes_.met)
            table.rows.push_back(
                {{plain_text(person.organisation), plain_text(person.name), plain_text(person.role)}, false});
        add(std::move(table));
    }

    const VisitNotes& notes_;
    const ReportTemplate& template_;
    std::string narrative_language_;
    bool foreign_narrative_;
    std::map<std::string, const AreaNarrative*> narratives_;
    std::int64_t annexes_ = 0;
};

const SectionKinds<ProfileComposer, 9> ProfileComposer::sections{{
    {"cover", &ProfileComposer::cover},
    {"contents", &ProfileComposer::contents},
    {"introduction", &ProfileComposer::introduction},
    {"context", &ProfileComposer::context},
    {"index_results", &ProfileComposer::index_results},
    {"areas", &ProfileComposer::areas},
    {"recommendations", &ProfileComposer::recommendations},
    {"programme", &ProfileComposer::programme},
    {"people_met", &ProfileComposer::people_met},
}};

}  // namespace

const std::vector<std::string>& profile_sections() {
    static const std::vector<std::string> names = section_names(ProfileComposer::sections);
    return names;
}

Document compose_profile(const ProfileData& data, const ReportTemplate& profile, const Catalog& catalog) {
    return ProfileComposer(data, profile, catalog).compose();
}

}  // namespace icc
