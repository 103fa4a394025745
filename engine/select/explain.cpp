// explain_selection: the selection in words, for `iccreport explain`.
#include <charconv>
#include <sstream>

#include "score/export.h"
#include "select/selection.h"
#include "support/locale.h"

namespace icc {

namespace {

std::string number_text(double value) { return exact_text(exact_decimal(value)); }
std::string number_text(const Exact& value) { return exact_text(value); }

std::string figure(const std::optional<Exact>& value) { return figure_text(published(value), "-"); }

// In the reader's language, else the language it falls back to, else any.
std::string title_of(const Practice& practice, const Language& language) {
    if (auto it = practice.title.find(language.tag); it != practice.title.end()) return it->second;
    if (auto it = practice.title.find(language.fallback); it != practice.title.end()) return it->second;
    return practice.title.empty() ? std::string() : practice.title.begin()->second;
}

std::string city_label(const Sample& sample, const std::string& id) {
    const SampleCity* city = sample.find(id);
    return city ? city->scores.city.name + " (" + id + ")" : id;
}

std::string area_heading(const Area& area, const Catalog& catalog) {
    return catalog.has(area.name_key()) ? area.id + " (" + catalog.text(area.name_key()) + ")" : area.id;
}

std::string area_verdict(const AreaSelection& selected, const SelectionSettings& settings) {
    if (!selected.rate) return "no rate (no question of the area counts for this edition): no practices";
    if (!selected.sample_average) return "no sample average: no practices";
    const Figure rate = published(*selected.rate);
    const Figure average = published(*selected.sample_average);
    if (rate < average) return "below the sample average: practices wanted";
    if (selected.wants_practices) return "not below the sample average, but under the threshold of " +
                                         setting_text(exact_decimal(*settings.threshold)) + ": practices wanted";
    return std::string(rate == average ? "at" : "above") + " the sample average" +
           (settings.threshold ? " and not under the threshold of " + setting_text(exact_decimal(*settings.threshold)) : "") +
           ": no practices";
}

}  // namespace

std::string explain_selection(const Selection& selection, const Sample& sample, const Questionnaire& questionnaire,
                              const PracticeLibrary& practices, const SelectionSettings& settings,
                              const Catalog& catalog) {
    std::ostringstream out;
    const SampleCity* city = sample.find(selection.city);
    out << "Selection for " << city_label(sample, selection.city) << ", edition of " << selection.edition.iso() << "\n";
    out << "Sample: " << sample.size() << " cities"
        << (sample.as_of ? ", latest editions dated on or before " + sample.as_of->iso() : std::string(" (no cut-off date)"))
        << "\n";
    if (city)
        out << "Peer groups: " << city->population_group << ", " << city->diversity_group << ", " << city->country_group
            << "\n";
    const PracticeWeights& w = settings.weights;
    out << "Settings" << (settings.source_file.empty() ? std::string(" (defaults)") : " (" + settings.source_file + ")")
        << ":\n"
        << "  practices: up to " << settings.max_practices_per_area
        << " per area where the city's published rate is below the published sample average"
        << (settings.threshold ? " or under " + setting_text(exact_decimal(*settings.threshold)) : std::string()) << "\n"
        << "  practice score = " << number_text(w.rate) << " x the practice city's published rate in the area + "
        << number_text(w.same_population_group) << " same population group + " << number_text(w.same_diversity_group)
        << " same diversity group + " << number_text(w.same_country)
        << " same country; ties by practice id; never the city's own, never twice"
        << (settings.only_stronger_cities ? "; only from cities rated above this city in the area" : "") << "\n"
        << "  recommendations: up to " << settings.max_recommendations_per_area
        << " per area, most points lost first (the expert's additions first and never cut)\n";

    for (const AreaSelection& selected : selection.areas) {
        const Area* area = questionnaire.find_area(selected.area);
        out << "\n== " << (area ? area_heading(*area, catalog) : selected.area) << ": city " << figure(selected.rate)
            << ", sample average " << figure(selected.sample_average) << ": " << area_verdict(selected, settings) << "\n";

        if (selected.wants_practices) {
            out << "Practices:";
            if (selected.practices.empty()) out << " none suitable in the library";
            out << "\n";
            for (std::size_t i = 0; i < selected.practices.size(); ++i) {
                const ChosenPractice& chosen = selected.practices[i];
                const Practice* practice = practices.find(chosen.practice_id);
                out << "  " << i + 1 << ". " << chosen.practice_id << ", " << city_label(sample, chosen.city)
                    << ", score " << number_text(chosen.score);
                if (practice) out << ": \"" << title_of(*practice, catalog.language()) << "\"";
                out << "\n";
                for (const std::string& reason : chosen.reasons) out << "     - " << reason << "\n";
            }
            for (const PassedOverPractice& passed : selected.passed_over)
                out << "  passed over: " << passed.practice_id << ", " << city_label(sample, passed.city)
                    << (passed.score ? ", score " + number_text(*passed.score) : std::string()) << ": " << passed.why
                    << "\n";
        }

        out << "Recommendations:";
        if (selected.recommendations.empty()) out << " none";
        out << "\n";
        for (std::size_t i = 0; i < selected.recommendations.size(); ++i) {
            const ChosenRecommendation& recommendation = selected.recommendations[i];
            out << "  " << i + 1 << ". [" << recommendation.origin << "] " << recommendation.reason << "\n";
            out << "     " << (recommendation.text_key.empty() ? "" : recommendation.text_key + ": ") << "\""
                << recommendation_text(recommendation, catalog) << "\"\n";
        }
        for (const std::string& note : selected.notes) out << "  note: " << note << "\n";
    }

    if (!selection.unapplied_overrides.empty()) {
        out << "\nOverrides not applied:\n";
        for (const Diagnostic& error : selection.unapplied_overrides) out << "  " << error.to_string() << "\n";
    }
    return out.str();
}

}  // namespace icc
