#include "select/selection.h"

#include <algorithm>
#include <charconv>
#include <set>
#include <stdexcept>
#include <tuple>

#include "score/export.h"
#include "support/locale.h"
#include "support/toml_reader.h"

namespace icc {

namespace fs = std::filesystem;

namespace {

// ------------------------------------------------------------------ settings

SelectionSettings read_settings(TableReader root) {
    SelectionSettings settings;
    settings.source_file = root.file();
    const Expect<int> count{.min = 0, .max = 20};
    settings.max_practices_per_area = root.optional<int>("max_practices_per_area", count).value_or(settings.max_practices_per_area);
    settings.max_recommendations_per_area =
        root.optional<int>("max_recommendations_per_area", count).value_or(settings.max_recommendations_per_area);
    settings.threshold = root.optional<double>("threshold", {.what = "a rate from 0 to 100", .min = 0, .max = 100});
    settings.only_stronger_cities = root.optional<bool>("only_stronger_cities").value_or(settings.only_stronger_cities);
    if (std::optional<TableReader> weights = root.optional_table("practice_weights")) {
        PracticeWeights& target = settings.weights;
        const Expect<double> weight{.min = 0, .max = 1000};
        target.rate = weights->optional<double>("rate", weight).value_or(target.rate);
        target.same_population_group =
            weights->optional<double>("same_population_group", weight).value_or(target.same_population_group);
        target.same_diversity_group =
            weights->optional<double>("same_diversity_group", weight).value_or(target.same_diversity_group);
        target.same_country = weights->optional<double>("same_country", weight).value_or(target.same_country);
    }
    return settings;
}

// ---------------------------------------------------------------- helpers

std::string points_text(const Exact& value) { return exact_text(value); }
std::string points_text(double value) { return exact_text(exact_decimal(value)); }

std::string figure_text(const Exact& value) { return published(value).text(); }
std::string optional_figure(const std::optional<Exact>& value) { return icc::figure_text(published(value), "-"); }

std::string where_text(const SourceLocation& where) {
    return where.file + ":" + std::to_string(where.line) + ":" + std::to_string(where.column);
}

std::optional<AnswerOutcome> outcome_of(const QuestionScore& score) {
    if (!score.scored || score.possible <= 0) return std::nullopt;
    switch (score.status) {
        case AnswerStatus::unanswered: return AnswerOutcome::unanswered;
        case AnswerStatus::unknown: return AnswerOutcome::unknown;
        case AnswerStatus::answered:
            if (score.earned >= score.possible) return std::nullopt;
            return score.earned <= 0 ? AnswerOutcome::no_points : AnswerOutcome::some_points;
        case AnswerStatus::not_applicable:
        case AnswerStatus::not_asked: return std::nullopt;
    }
    return std::nullopt;
}

std::string outcome_words(AnswerOutcome outcome) {
    switch (outcome) {
        case AnswerOutcome::unanswered: return "not answered";
        case AnswerOutcome::unknown: return "answered unknown";
        case AnswerOutcome::no_points: return "no points";
        case AnswerOutcome::some_points: return "some points";
    }
    return "";
}

std::string city_name(const Sample& sample, const std::string& id) {
    const SampleCity* city = sample.find(id);
    return city ? city->scores.city.name + " (" + id + ")" : id;
}

// ------------------------------------------------------------- practices

struct Ranked {
    const Practice* practice = nullptr;
    Exact score = 0;
    std::vector<std::string> reasons;
};

void select_practices(AreaSelection& selected, const Area& area, const SampleCity& city, const Sample& sample,
                      const std::vector<const Practice*>& library, const SelectionSettings& settings,
                      std::map<std::string, std::string>& already_chosen) {
    std::vector<Ranked> ranked;
    for (const Practice* practice : library) {
        if (practice->area != area.id && practice->area != area.parent) continue;
        if (practice->city == city.scores.city.id) {
            selected.passed_over.push_back({practice->id, practice->city, std::nullopt, "the city's own practice"});
            continue;
        }
        if (auto it = already_chosen.find(practice->id); it != already_chosen.end()) {
            selected.passed_over.push_back({practice->id, practice->city, std::nullopt, "already chosen for " + it->second});
            continue;
        }
        if (sample.as_of && practice->year > sample.as_of->year) {
            selected.passed_over.push_back({practice->id, practice->city, std::nullopt,
                                            "dated " + std::to_string(practice->year) + ", after the as-of date " +
                                                sample.as_of->iso()});
            continue;
        }
        Ranked entry{practice, 0, {}};
        const SampleCity* source = sample.find(practice->city);
        const std::optional<Exact> rate = source ? source->scores.rate(area.id) : std::nullopt;
        if (settings.only_stronger_cities && (!rate || published(*rate) <= published(*selected.rate))) {
            selected.passed_over.push_back(
                {practice->id, practice->city, std::nullopt,
                 rate ? "its city rates " + figure_text(*rate) + " in " + area.id + ", not above this city's " +
                            figure_text(*selected.rate)
                      : std::string(source ? "its city has no rate in " + area.id : "its city is not in the sample")});
            continue;
        }
        if (rate) {
            const Exact for_rate = exact_decimal(settings.weights.rate) * published(*rate).exact();
            entry.score += for_rate;
            entry.reasons.push_back(city_name(sample, practice->city) + " rates " + figure_text(*rate) + " in " +
                                    area.id + " (this city " + optional_figure(selected.rate) + ", sample average " +
                                    optional_figure(selected.sample_average) + "): +" +
                                    points_text(for_rate));
        } else {
            entry.reasons.push_back(city_name(sample, practice->city) +
                                    (source ? " has no rate in " + area.id : std::string(" is not in the sample")) +
                                    ": +0 for its rate");
        }
        if (source) {
            const std::tuple<const std::string&, const std::string&, double, const char*> traits[] = {
                {source->population_group, city.population_group, settings.weights.same_population_group,
                 "same population group"},
                {source->diversity_group, city.diversity_group, settings.weights.same_diversity_group,
                 "same diversity group"},
                {source->country_group, city.country_group, settings.weights.same_country, "same country"},
            };
            for (const auto& [theirs, ours, bonus, words] : traits)
                if (theirs == ours && bonus > 0) {
                    entry.score += exact_decimal(bonus);
                    entry.reasons.push_back(std::string(words) + " (" + ours + "): +" + points_text(bonus));
                }
        }
        if (practice->area != area.id)
            entry.reasons.push_back("a practice of " + area.parent + " as a whole, offered for its field " + area.id);
        ranked.push_back(std::move(entry));
    }
    std::sort(ranked.begin(), ranked.end(), [](const Ranked& a, const Ranked& b) {
        if (a.score != b.score) return a.score > b.score;
        return a.practice->id < b.practice->id;
    });
    for (std::size_t i = 0; i < ranked.size(); ++i) {
        const Ranked& entry = ranked[i];
        if (static_cast<int>(i) < settings.max_practices_per_area) {
            already_chosen.emplace(entry.practice->id, area.id);
            selected.practices.push_back(
                {entry.practice->id, area.id, entry.practice->city, entry.score, entry.reasons});
        } else {
            selected.passed_over.push_back({entry.practice->id, entry.practice->city, entry.score,
                                            "ranked " + std::to_string(i + 1) + ", after the " +
                                                std::to_string(settings.max_practices_per_area) + " chosen"});
        }
    }
}

// -------------------------------------------------------- recommendations

std::vector<ChosenRecommendation> rule_recommendations(const Area& area, const SampleCity& city,
                                                       const Questionnaire& questionnaire,
                                                       const RecommendationRules& rules) {
    std::vector<ChosenRecommendation> out;
    for (const Question* question : questionnaire.questions_of(area.id)) {
        const QuestionScore* score = city.scores.question(question->id);
        if (!score) continue;
        const auto outcome = outcome_of(*score);
        if (!outcome) continue;
        const OutcomeRule* rule = rules.rule_for(*question, *outcome);
        if (!rule) continue;
        ChosenRecommendation recommendation;
        recommendation.area = area.id;
        recommendation.question = question->id;
        recommendation.text_key = RecommendationRules::question_key(question->id, rule->variant);
        recommendation.origin = "rule";
        recommendation.points_lost = score->possible - score->earned;
        recommendation.reason = question->id + ": " + outcome_words(*outcome) + ", " + points_text(score->earned) +
                                " of " + points_text(score->possible) + " points; " +
                                rule->name + " = \"" + rule->variant + "\"";
        out.push_back(std::move(recommendation));
    }
    // Most points lost first; equal losses keep questionnaire order.
    std::stable_sort(out.begin(), out.end(), [](const ChosenRecommendation& a, const ChosenRecommendation& b) {
        return a.points_lost > b.points_lost;
    });
    return out;
}

std::string attention_words(const AreaSelection& selected, const SelectionSettings& settings) {
    const bool below = selected.rate && selected.sample_average &&
                       published(*selected.rate) < published(*selected.sample_average);
    if (below)
        return "below the sample average (" + figure_text(*selected.rate) + " < " +
               figure_text(*selected.sample_average) + ")";
    return "under the threshold (" + figure_text(*selected.rate) + " < " + setting_text(exact_decimal(*settings.threshold)) + ")";
}

void select_recommendations(AreaSelection& selected, const Area& area, const SampleCity& city,
                            const Questionnaire& questionnaire, const RecommendationRules& rules,
                            const std::vector<const RecommendationOverride*>& overrides,
                            const SelectionSettings& settings, std::vector<Diagnostic>& unapplied) {
    std::vector<ChosenRecommendation> list;
    const std::vector<ChosenRecommendation> from_questions = rule_recommendations(area, city, questionnaire, rules);
    const AreaRuleMode mode = rules.area_mode(area.id);
    if (selected.wants_practices &&
        (mode == AreaRuleMode::always || (mode == AreaRuleMode::fallback && from_questions.empty()))) {
        ChosenRecommendation recommendation;
        recommendation.area = area.id;
        recommendation.text_key = RecommendationRules::area_key(area.id);
        recommendation.origin = "area-rule";
        if (const AreaScore* score = city.scores.area(area.id)) recommendation.points_lost = score->possible - score->earned;
        recommendation.reason = area.id + " is " + attention_words(selected, settings) + "; area rule " +
                                std::string(to_string(mode)) +
                                (mode == AreaRuleMode::fallback ? ": no answer called for a question-level recommendation"
                                                                : "");
        list.push_back(std::move(recommendation));
    }
    list.insert(list.end(), from_questions.begin(), from_questions.end());

    std::vector<bool> kept_by_expert(list.size(), false);
    std::vector<ChosenRecommendation> additions;
    for (const RecommendationOverride* entry : overrides) {
        const std::string at = " (" + where_text(entry->where) + ")";
        if (entry->action == OverrideAction::add) {
            ChosenRecommendation recommendation;
            recommendation.area = area.id;
            recommendation.text = entry->text;
            recommendation.origin = "override";
            recommendation.where = entry->where;
            recommendation.reason = "added by the expert" + at;
            additions.push_back(std::move(recommendation));
            continue;
        }
        const auto match = std::find_if(list.begin(), list.end(), [&](const ChosenRecommendation& r) {
            return entry->question.empty() ? r.question.empty() && r.origin == "area-rule" : r.question == entry->question;
        });
        if (match == list.end()) {
            unapplied.push_back({Severity::error, entry->where,
                                std::string(to_string(entry->action)) + " of the " + entry->target() +
                                    ": the rules give no such recommendation for this edition, so nothing is " +
                                    (entry->action == OverrideAction::remove ? "removed" : "replaced")});
            continue;
        }
        const auto index = static_cast<std::size_t>(match - list.begin());
        if (entry->action == OverrideAction::remove) {
            selected.notes.push_back("removed by the expert" + at + ": " + match->reason);
            list.erase(match);
            kept_by_expert.erase(kept_by_expert.begin() + static_cast<std::ptrdiff_t>(index));
        } else {
            match->text = entry->text;
            match->text_key.clear();
            match->origin = "override";
            match->where = entry->where;
            match->reason += "; text replaced by the expert" + at;
            kept_by_expert[index] = true;
        }
    }

    // The expert's additions come first and, like the texts they replaced, are
    // never cut; the rules' recommendations fill the places left.
    selected.recommendations = additions;
    int places = settings.max_recommendations_per_area - static_cast<int>(additions.size());
    for (std::size_t i = 0; i < list.size(); ++i)
        if (kept_by_expert[i]) --places;
    for (std::size_t i = 0; i < list.size(); ++i) {
        if (kept_by_expert[i] || places > 0) {
            if (!kept_by_expert[i]) --places;
            selected.recommendations.push_back(list[i]);
        } else {
            selected.notes.push_back("cut by the limit of " + std::to_string(settings.max_recommendations_per_area) +
                                     " recommendations per area: " + list[i].reason);
        }
    }
}

}  // namespace

// ------------------------------------------------------------- public API

SelectionSettings load_selection_settings(const fs::path& path) {
    DiagnosticSink sink;
    SelectionSettings settings;
    if (const auto document = TomlDocument::read(path, sink)) settings = read_settings(document->root(sink));
    sink.throw_if_errors();
    return settings;
}

SelectionSettings load_selection_settings(const DataRoot& data) {
    return load_selection_settings(data.templates() / "report" / "selection.toml");
}

std::string recommendation_text(const ChosenRecommendation& recommendation, const Catalog& catalog) {
    if (!recommendation.text_key.empty()) return catalog.format(recommendation.text_key, {});
    const std::string* text = text_for_reader(recommendation.text, catalog.lang());
    if (!text) {
        const std::string lang = catalog.lang(), primary = primary_language(lang);
        throw DiagnosticError(Diagnostic{Severity::error, recommendation.where,
                                         "the expert's recommendation for " + recommendation.area +
                                             " has no text in language '" + lang + "'; expected text." + lang +
                                             " = \"...\"" +
                                             (primary != lang ? " (or text." + primary + ", which it reads too)" : "")});
    }
    return *text;
}

void throw_if_overrides_unapplied(const Selection& selection, const Overrides& overrides, const ScoredNetwork& network) {
    if (selection.overrides_for_another_edition) {
        if (network.find(selection.city, *overrides.edition)) return;  // that edition's overrides
        std::string editions;
        for (const ScoredEdition* edition : network.editions_of(selection.city))
            editions += (editions.empty() ? "" : ", ") + edition->scores.date.iso();
        throw DiagnosticError(Diagnostic{
            Severity::error, overrides.edition_where,
            "edition: these overrides were written for the edition of " + overrides.edition->iso() + ", but " +
                selection.city + " has no edition of that date (its editions: " + editions +
                "), so none of them would apply; set edition to the date of the edition they are for"});
    }
    if (selection.unapplied_overrides.empty()) return;
    std::vector<Diagnostic> errors = selection.unapplied_overrides;
    for (Diagnostic& error : errors) error.severity = Severity::error;
    throw DiagnosticError(std::move(errors));
}

const AreaSelection* Selection::find(std::string_view area) const {
    for (const AreaSelection& selected : areas)
        if (selected.area == area) return &selected;
    return nullptr;
}

Selection select_for_city(const std::string& city_id, const Sample& sample, const Questionnaire& questionnaire,
                          const PracticeLibrary& practices, const RecommendationRules& rules,
                          const Overrides& overrides, const SelectionSettings& settings) {
    const SampleCity* city = sample.find(city_id);
    if (!city) throw std::invalid_argument("city '" + city_id + "' is not in the sample");
    return select_for_city(*city, sample, questionnaire, practices, rules, overrides, settings);
}

Selection select_for_city(const SampleCity& subject, const Sample& sample, const Questionnaire& questionnaire,
                          const PracticeLibrary& practices, const RecommendationRules& rules,
                          const Overrides& overrides, const SelectionSettings& settings) {
    const SampleCity* city = &subject;
    Selection selection;
    selection.city = subject.scores.city.id;
    selection.edition = city->scores.date;

    bool overrides_apply = true;
    if (overrides.edition && *overrides.edition != city->scores.date) {
        overrides_apply = false;
        selection.overrides_for_another_edition = true;
        selection.unapplied_overrides.push_back({Severity::warning, overrides.edition_where,
                                      "edition: these overrides were written for the edition of " +
                                          overrides.edition->iso() + "; the selection is for the edition of " +
                                          city->scores.date.iso() + ", so none of them applies"});
    }

    // Id order, whatever order the library was given in: the ranking's last tie-break.
    std::vector<const Practice*> library;
    for (const Practice& practice : practices.practices) library.push_back(&practice);
    std::sort(library.begin(), library.end(), [](const Practice* a, const Practice* b) { return a->id < b->id; });

    std::map<std::string, std::string> already_chosen;  // practice id -> area
    for (const Area* area : selection_areas(questionnaire)) {
        AreaSelection selected;
        selected.area = area->id;
        selected.rate = city->scores.rate(area->id);
        selected.sample_average = sample.averages.area(area->id).value;
        const bool below = selected.rate && selected.sample_average &&
                           published(*selected.rate) < published(*selected.sample_average);
        const bool under = selected.rate && settings.threshold &&
                           published(*selected.rate).exact() < exact_decimal(*settings.threshold);
        selected.wants_practices = below || under;
        if (selected.wants_practices)
            select_practices(selected, *area, *city, sample, library, settings, already_chosen);

        std::vector<const RecommendationOverride*> area_overrides;
        if (overrides_apply)
            for (const RecommendationOverride& entry : overrides.entries)
                if (entry.area == area->id) area_overrides.push_back(&entry);
        select_recommendations(selected, *area, *city, questionnaire, rules, area_overrides, settings,
                               selection.unapplied_overrides);
        selection.areas.push_back(std::move(selected));
    }
    selection.unapplied_overrides = in_line_order(std::move(selection.unapplied_overrides));
    return selection;
}

SelectionInputs load_selection_inputs(const DataRoot& data, const Questionnaire& questionnaire, const ScoredNetwork& network,
                                      const fs::path& edition_file, const std::vector<const Catalog*>& catalogs,
                                      const fs::path& practices_file) {
    std::vector<std::string> languages;
    for (const Catalog* catalog : catalogs) languages.push_back(catalog->lang());
    std::set<std::string> areas;
    for (const Area& area : questionnaire.areas()) areas.insert(area.id);
    const auto ids = network.city_ids();
    const std::set<std::string> cities(ids.begin(), ids.end());
    return SelectionInputs{
        load_selection_settings(data),
        bundled_recommendation_rules(data, questionnaire, catalogs),
        load_practices(practices_file.empty() ? data.practices() : practices_file, areas, cities,
                       languages),
        load_overrides(overrides_path_for(edition_file), questionnaire, languages),
    };
}

}  // namespace icc
