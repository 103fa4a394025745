#include "driver/check.h"

#include "batch/progress.h"

#include <cairo.h>

#include <algorithm>
#include <map>

#include <sstream>

#include "charts/chart_export.h"
#include "compose/printed_questionnaire.h"
#include "compose/specimen.h"
#include "driver/pipeline.h"
#include "driver/profile_pipeline.h"
#include "driver/score_table.h"
#include "driver/standalone_charts.h"
#include "intake/form.h"
#include "intake/skeleton.h"
#include "load/completeness.h"
#include "support/handles.h"
#include "translate/audit.h"
#include "translate/workflow.h"

namespace icc {

namespace fs = std::filesystem;

bool LocaleCheck::ok() const {
    return missing.empty() && identical.empty() &&
           std::none_of(problems.begin(), problems.end(), [](const Diagnostic& d) { return d.severity == Severity::error; });
}

bool CheckResult::ok() const {
    return data_errors.empty() && (!strict || unanswered.empty()) &&
           std::all_of(locales.begin(), locales.end(), [](const LocaleCheck& l) { return l.ok(); });
}

namespace {

std::vector<fs::path> locale_files(const DataRoot& data) {
    std::vector<fs::path> files;
    std::error_code error;
    for (const auto& entry : fs::directory_iterator(data.locales(), error))
        if (entry.path().extension() == ".toml") files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    return files;
}

template <typename Action>
void collect(std::vector<Diagnostic>& errors, Action action) {
    try {
        action();
    } catch (const DiagnosticError& e) {
        for (const auto& d : e.diagnostics())
            if (d.severity == Severity::error) errors.push_back(d);
    }
}

}  // namespace

CheckResult check_everything(const DataRoot& data, const CheckProgress& progress_to, bool strict) {
    CheckResult result;
    result.strict = strict;
    std::optional<FontSet> fonts;
    collect(result.data_errors, [&] { fonts.emplace(FontSet::load(data)); });
    std::optional<Questionnaire> questionnaire;
    collect(result.data_errors, [&] { questionnaire.emplace(Questionnaire::bundled(data)); });

    std::map<std::string, Catalog> catalogs;
    for (const fs::path& file : locale_files(data))
        collect(result.data_errors, [&] {
            const std::string lang = file.stem().string();
            catalogs.emplace(lang, Catalog::load_file(file, lang));
        });
    std::optional<LanguageRegistry> registry;
    collect(result.data_errors, [&] { registry.emplace(LanguageRegistry::load(data)); });
    if (!questionnaire || !fonts || !registry || !catalogs.count(registry->source().tag)) return result;

    std::optional<Network> network;
    collect(result.data_errors, [&] { network.emplace(load_network(data.network(), *questionnaire)); });
    if (!network) return result;
    for (const std::string& city : network->city_ids())
        for (const Edition* edition : network->editions_of(city)) {
            for (Diagnostic& stale : stale_translations(*edition)) result.stale_free_texts.push_back(std::move(stale));
            std::vector<Diagnostic> unanswered = unanswered_diagnostics(
                *edition, *questionnaire, strict ? Severity::error : Severity::warning);
            if (unanswered.empty()) continue;
            ++result.incomplete_editions;
            result.unanswered.insert(result.unanswered.end(), unanswered.begin(), unanswered.end());
        }
    collect(result.data_errors, [&] {
        std::set<std::string> areas, cities;
        for (const Area& area : questionnaire->areas()) areas.insert(area.id);
        for (const std::string& id : network->city_ids()) cities.insert(id);
        (void)load_practices(data.practices(), areas, cities, registry->official_tags());
    });
    std::optional<EngineResources> resources;
    collect(result.data_errors, [&] { resources.emplace(EngineResources::load(data)); });
    if (!resources) return result;
    const ScoredNetwork scored = score_network(*network, *questionnaire, QuestionScores::drop);

    // The reference: every key the reports look up in the source language,
    // over every city of the sample (so that every branch of every sentence is reached).
    Catalog& reference = catalogs.at(registry->source().tag);
    reference.record_keys_into(&result.used_keys);
    // What other commands show: the score tables, the stand-alone charts, the specimens.
    collect(result.data_errors, [&] {
        std::ostringstream ignored;
        const Sample sample = build_sample(*network, *questionnaire);
        print_network_table(ignored, sample, *questionnaire, reference);
        print_city_table(ignored, sample, sample.cities.front(), *questionnaire, reference);
        (void)compose_specimen(reference, 1);
        (void)compose_multilingual_specimen(data, reference);
        // The questionnaire a city fills in (iccreport questionnaire, new, import).
        const intake::QuestionnaireForm form = intake::compose_form(*questionnaire, reference);
        (void)intake::edition_skeleton(form, reference, {"city", "", "", Date{}});
        (void)compose_printed_questionnaire(form, reference);
        // Pre-filled too: its cover names the edition.
        const std::vector<const Edition*> first = network->editions_of(network->city_ids().front());
        if (!first.empty())
            (void)compose_printed_questionnaire(intake::compose_form(*questionnaire, reference, first.back()), reference,
                                                first.back());
    });
    std::vector<std::string> cities = network->city_ids();
    bool single_edition_charted = false;  // a city with one edition draws the "first edition" variants
    const auto visits = visit_notes_by_city(network->folder);
    std::optional<BuildProgress> progress;
    if (progress_to.out) progress.emplace(*progress_to.out, cities.size(), progress_to.terminal);
    for (const std::string& city_id : cities) {
        if (progress) progress->finished(city_id, "checking");
        // Profiles: every visit notes file loads, and its profile's keys count as used.
        if (auto it = visits.find(city_id); it != visits.end())
            for (const fs::path& file : it->second)
                collect(result.data_errors, [&] {
                    const VisitNotes notes = load_visit_notes_for(file, *questionnaire, scored);
                    const PreparedCity visited(*resources, scored, visit_subject(notes), std::nullopt);
                    (void)compose_city_profile(*resources, visited, notes, reference);
                });
        const auto editions = network->editions_of(city_id);
        if (editions.empty()) continue;
        collect(result.data_errors, [&] {
            const PreparedCity city(*resources, scored, {city_id, editions.back()->date}, std::nullopt);
            (void)compose_city_report(*resources, city, reference);
            if (city_id == cities.front() || (editions.size() == 1 && !single_edition_charted)) {
                single_edition_charted = single_edition_charted || editions.size() == 1;
                // Drawn too: a pattern's arguments are checked when the chart formats it.
                const charts::ChartFonts chart_fonts(*fonts);
                for (const StandaloneChart& chart : standalone_charts(city.report_data(), reference))
                    (void)charts::render_chart_svg(chart.chart, chart_fonts, 455, chart.height + 36);
            }
        });
    }
    if (progress) progress->clear_line();
    reference.record_keys_into(nullptr);

    for (const auto& [lang, catalog] : catalogs) {
        LocaleCheck check;
        check.lang = lang;
        check.file = catalog.file().string();
        check.review = std::string(review_status_name(catalog.language().review));
        check.source = lang == reference.lang();
        if (!check.source) {
            translate::LocaleAudit audit = translate::audit_locale(reference, catalog);
            check.problems = std::move(audit.problems);
            check.identical = std::move(audit.identical);
            for (const std::string& key : check.identical) check.identical_at.push_back(catalog.location(key));
            check.with_words = audit.with_words;
            // Stale: translated from another source text than today's (docs/translating.md).
            collect(result.data_errors, [&] {
                for (const auto& [key, digest] : translate::read_source_digests(data, lang)) {
                    if (!reference.has(key) || !catalog.has(key) ||
                        digest == translate::source_digest(reference.text(key)))
                        continue;
                    ++check.stale;
                    check.problems.push_back(
                        {Severity::warning, catalog.location(key),
                         "key '" + key + "': stale: the source text changed after this translation was made",
                         {{NoteKind::help, "review it, then: iccreport translate mark-current --lang " + lang + " " + key, {}}}});
                }
            });
        }
        std::vector<Diagnostic> quotes = translate::audit_quotes(catalog);
        check.problems.insert(check.problems.end(), std::make_move_iterator(quotes.begin()),
                              std::make_move_iterator(quotes.end()));
        const auto keys = catalog.keys();
        const std::set<std::string> own(keys.begin(), keys.end());
        for (const std::string& key : result.used_keys)
            if (!own.count(key)) check.missing.push_back(key);
        for (const std::string& key : keys)
            if (key.rfind("meta.", 0) != 0 && !result.used_keys.count(key)) check.unused.push_back(key);
        result.locales.push_back(std::move(check));
    }
    return result;
}

void print_check(std::ostream& out, const CheckResult& result) {
    out << format_diagnostics(result.data_errors);
    // Unanswered questions are the cities' business, not the data's: listed one
    // by one only when asked (--strict); otherwise counted.
    if (result.strict) out << format_diagnostics(result.unanswered);
    else if (!result.unanswered.empty())
        out << "check: note: " << result.unanswered.size() << " question(s) not answered in "
            << result.incomplete_editions << " edition file(s) of the network; --strict lists each as an error\n";
    // A stale translation is never printed (the report quotes the source), so a warning.
    out << format_diagnostics(result.stale_free_texts);
    for (const LocaleCheck& locale : result.locales) {
        for (const std::string& key : locale.missing)
            out << locale.file << ": error: missing key '" << key << "' (used by the reports)\n";
        for (const std::string& key : locale.unused)
            out << locale.file << ": warning: unused key '" << key << "' (no report looks it up)\n";
        std::vector<Diagnostic> problems = locale.problems;
        if (locale.untranslated()) {
            // A copy of the source: one line says it, rather than hundreds.
            problems.push_back({Severity::error, {locale.file},
                                "untranslated: " + std::to_string(locale.identical.size()) + " of " +
                                    std::to_string(locale.with_words) +
                                    " messages are the source language's text; this is a copy, not a translation",
                                {{NoteKind::help, "translate it (iccreport translate export --lang " + locale.lang +
                                                      ", docs/translating.md)", {}}}});
        } else {
            for (std::size_t i = 0; i < locale.identical.size(); ++i)
                problems.push_back({Severity::error, locale.identical_at[i],
                                    "key '" + locale.identical[i] + "': not translated (the source language's text)",
                                    {{NoteKind::help, "translate it, or list it in meta.same_as_source if the "
                                                      "language rightly says the same", {}}}});
        }
        out << format_diagnostics(in_line_order(std::move(problems)));
    }
    out << "check: " << result.data_errors.size() << " data error(s); ";
    for (std::size_t i = 0; i < result.locales.size(); ++i) {
        const LocaleCheck& l = result.locales[i];
        const std::size_t errors = static_cast<std::size_t>(std::count_if(
            l.problems.begin(), l.problems.end(), [](const Diagnostic& d) { return d.severity == Severity::error; }));
        out << (i ? ", " : "") << l.lang << " (" << (l.source ? "source, " : "") << l.review
            << (l.untranslated() ? ", UNTRANSLATED" : "") << "): " << l.missing.size() << " missing, "
            << l.unused.size() << " unused";
        if (!l.source)
            out << ", " << l.identical.size() << " untranslated, " << errors << " invalid, " << l.stale << " stale";
        else
            out << ", " << errors << " invalid";
    }
    out << "; " << result.stale_free_texts.size() << " stale free-text translation(s); " << result.used_keys.size()
        << " keys used\n";
}

}  // namespace icc
