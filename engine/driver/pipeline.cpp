#include "driver/pipeline.h"

#include <cmath>
#include <regex>

#include "compose/index_report.h"
#include "driver/network_cache.h"
#include "compose/report_kinds.h"
#include "load/completeness.h"
#include "load/overrides.h"
#include "layout/paginate.h"
#include "render/pdf.h"
#include "score/scores.h"
#include "support/wording.h"

namespace icc {

namespace fs = std::filesystem;

namespace {

std::set<std::string> area_ids(const Questionnaire& questionnaire) {
    std::set<std::string> ids;
    for (const Area& area : questionnaire.areas()) ids.insert(area.id);
    return ids;
}

}  // namespace

EngineResources EngineResources::load(const DataRoot& data, const std::vector<const Catalog*>& catalogs) {
    Questionnaire questionnaire = Questionnaire::bundled(data);
    ReportTemplate index_template = load_report_template(data, index_report_kind());
    // A practice of a city outside this network is never chosen; `iccreport
    // check` verifies the library against the bundled network.
    // Practices are told in every official language at least.
    LanguageRegistry languages = LanguageRegistry::load(data);
    PracticeLibrary practices = load_practices(data.practices(), area_ids(questionnaire), {},
                                               languages.official_tags());
    RecommendationRules rules = bundled_recommendation_rules(data, questionnaire, catalogs);
    SelectionSettings settings = load_selection_settings(data);
    PageStyle page_style = load_page_style(data.templates() / "style" / "page.toml");
    return EngineResources{data,          std::move(questionnaire), std::move(index_template), std::move(practices),
                           std::move(rules), std::move(settings), std::move(languages), std::move(page_style)};
}

Date parse_date_option(const std::string& text, const std::string& option) {
    static const std::regex iso(R"((\d{4})-(\d{2})-(\d{2}))");
    std::smatch match;
    if (std::regex_match(text, match, iso)) {
        const Date date{std::stoi(match[1]), static_cast<unsigned>(std::stoi(match[2])),
                        static_cast<unsigned>(std::stoi(match[3]))};
        const unsigned days_in_month[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
        const bool leap = (date.year % 4 == 0 && date.year % 100 != 0) || date.year % 400 == 0;
        if (date.month >= 1 && date.month <= 12 && date.day >= 1 &&
            date.day <= (date.month == 2 && !leap ? 28 : days_in_month[date.month - 1]))
            return date;
    }
    throw DiagnosticError(Diagnostic{Severity::error, {option},
                                     "expected a calendar date YYYY-MM-DD (e.g. 2025-12-31), found \"" + text + "\""});
}

LoadedNetwork load_network_for(const DataRoot& data, const Questionnaire& questionnaire, const fs::path& network_dir,
                               const fs::path& edition_file, const std::optional<Date>& as_of,
                               const std::optional<fs::path>& cache_folder) {
    LoadedNetwork loaded;
    std::optional<Edition> edition;
    if (!edition_file.empty()) edition = load_edition(edition_file, questionnaire);
    const fs::path folder = network_dir.empty() ? data.network() : network_dir;
    loaded.network = cache_folder ? cached_scored_network(data, questionnaire, folder, *cache_folder).network
                                  : read_scored_network(folder, questionnaire);
    if (edition) {
        if (as_of && edition->date > *as_of)
            throw DiagnosticError(Diagnostic{Severity::error, edition->date_where,
                                             "edition.date: the edition is dated " + edition->date.iso() +
                                                 ", after the --as-of date " + as_of->iso() +
                                                 "; expected an as-of date on or after the edition"});
        loaded.subject = ReportSubject{edition->city.id, edition->date};
        // With its question scores: the subject's recommendations are chosen from them.
        loaded.network.put(score_for_network(*edition, questionnaire, QuestionScores::keep));
    }
    return loaded;
}

namespace {

// The subject's edition, read again in full from its file (the scored network keeps only its scores).
Edition subject_edition(const ScoredNetwork& network, const ReportSubject& subject, const Questionnaire& questionnaire) {
    const ScoredEdition* scored = network.find(subject.city, subject.date);
    if (!scored)
        throw DiagnosticError(Diagnostic{Severity::error, {network.folder.string()},
                                         "no edition of city '" + subject.city + "' dated " + subject.date.iso()});
    return load_edition(scored->source_file, questionnaire);
}

}  // namespace

PreparedCity::PreparedCity(const EngineResources& resources, const ScoredNetwork& network, const ReportSubject& subject,
                           const std::optional<Date>& as_of)
    : resources_(resources), network_(network), edition_(subject_edition(network, subject, resources.questionnaire)) {
    SampleOptions options;
    options.as_of = as_of;
    options.focus = std::make_pair(subject.city, subject.date);
    sample_ = std::make_shared<const Sample>(build_sample(network, resources.questionnaire, options));
    finish(subject);
}

PreparedCity::PreparedCity(const EngineResources& resources, const ScoredNetwork& network, const ReportSubject& subject,
                           std::shared_ptr<const Sample> sample)
    : resources_(resources),
      network_(network),
      edition_(subject_edition(network, subject, resources.questionnaire)),
      sample_(std::move(sample)) {
    finish(subject);
}

void PreparedCity::finish(const ReportSubject& subject) {
    const SampleCity* in_sample = sample_->find(subject.city);
    if (!in_sample || in_sample->scores.date != subject.date)
        throw DiagnosticError(Diagnostic{Severity::error, {network_.folder.string()},
                                         "no edition of city '" + subject.city + "' dated " + subject.date.iso() +
                                             " in the sample"});
    // The sample's entry with the question scores of the edition (the
    // recommendations and the annex quote them; a scored network has none).
    city_ = *in_sample;
    city_.scores = score_edition(edition_, resources_.questionnaire);
    for (const ScoredEdition* earlier : network_.editions_of(subject.city))
        if (earlier->scores.date < subject.date) earlier_.push_back(earlier->scores);
    // An expert's overrides sit beside the city's edition files.
    const Overrides overrides =
        load_overrides(overrides_path_for(edition_.source_file), resources_.questionnaire);
    selection_ = select_for_city(city_, *sample_, resources_.questionnaire, resources_.practices,
                                 resources_.rules, overrides, resources_.selection_settings);
    // An override that no longer applies would silently drop an expert's correction.
    throw_if_overrides_unapplied(selection_, overrides, network_);
}

CityReportData PreparedCity::report_data() const {
    return CityReportData{resources_.questionnaire, edition_, *sample_, city_, earlier_, selection_,
                          resources_.practices, network_};
}

CitySession::CitySession(DataRoot data_root, const fs::path& edition_file, const fs::path& network_dir,
                         const std::string& lang, const std::string& as_of_text)
    : data(std::move(data_root)),
      as_of(as_of_text.empty() ? std::nullopt : std::optional<Date>(parse_date_option(as_of_text, "--as-of"))),
      catalog(Catalog::load(data, lang)),
      fonts(FontSet::load(data)),
      hyphenation(fonts.hyphenation_folder()),
      questionnaire(Questionnaire::bundled(data)),
      loaded(load_network_for(data, questionnaire, network_dir, edition_file, as_of, user_cache_folder())),
      resources(EngineResources::load(data)) {}

std::optional<Date> CitySession::report_as_of() const {
    return icc::report_as_of(*loaded.network.find(subject().city, subject().date), as_of);
}

void refuse_if_too_few_answers(const EngineResources& resources, const Edition& edition, bool force) {
    const double minimum = resources.index_template.minimum_answered_percent;
    const Completeness completeness = completeness_of(edition, resources.questionnaire);
    if (force || minimum <= 0 || completeness.scored_percent() >= minimum) return;
    throw DiagnosticError(Diagnostic{
        Severity::error,
        {edition.source_file},
        "too few answers for a meaningful report: " + std::to_string(completeness.scored_answered) + " of the " +
            std::to_string(completeness.scored_asked) + " scored questions answered (" +
            number_text(std::floor(completeness.scored_percent() * 10) / 10) + "%); expected at least " +
            number_text(minimum) + "%",
        {{NoteKind::note, "the threshold is [completeness] minimum_answered_percent of " +
                              resources.index_template.source_file},
         {NoteKind::help, "answer the questions `iccreport score " + edition.source_file +
                              "` lists as not answered, or pass --force to make the report anyway"}}});
}

Document compose_city_report(const EngineResources& resources, const PreparedCity& city, const Catalog& catalog) {
    Document document = compose_index_report(city.report_data(), resources.index_template, catalog);
    document.style = resources.page_style;
    return document;
}

int render_document(const Document& document, const FontSet& fonts, const HyphenationDictionaries& hyphenation,
                    const fs::path& output, const RenderOptions& options, ShapedTexts* shaped) {
    const LaidOutDocument pages = paginate(document, fonts, hyphenation, shaped);
    render_pdf(pages, fonts, output, options);
    return static_cast<int>(pages.pages.size());
}

int render_document(const Document& document, const FontSet& fonts, const fs::path& output,
                    const RenderOptions& options) {
    const HyphenationDictionaries hyphenation(fonts.hyphenation_folder());
    return render_document(document, fonts, hyphenation, output, options);
}

}  // namespace icc
