#pragma once
// Wires the stages together for one city: load → score → select → compose →
// layout → render. The commands (report, charts, explain, build) all go
// through here, so a report made alone and one made in a batch are the same.
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "compose/document.h"
#include "compose/report_data.h"
#include "layout/hyphenation.h"
#include "layout/paginate.h"
#include "load/network.h"
#include "load/page_style.h"
#include "load/practices.h"
#include "load/recommendation_rules.h"
#include "load/questionnaire.h"
#include "load/report_template.h"
#include "score/sample.h"
#include "select/selection.h"
#include "support/data_root.h"
#include "render/pdf.h"
#include "support/fonts.h"
#include "support/locale.h"

namespace icc {

// The read-only data every report needs, loaded once and shared by workers.
struct EngineResources {
    DataRoot data;
    Questionnaire questionnaire;
    ReportTemplate index_template;
    PracticeLibrary practices;
    RecommendationRules rules;
    SelectionSettings selection_settings;
    LanguageRegistry languages;  // every locale's [meta]
    PageStyle page_style;        // templates/style/page.toml: every document is set in it

    // Throws DiagnosticError naming the file at fault. Recommendation rules
    // are checked against the catalogs given (every text they can call for).
    static EngineResources load(const DataRoot& data, const std::vector<const Catalog*>& catalogs = {});
};

// "YYYY-MM-DD" from a command-line option; DiagnosticError naming the option otherwise.
Date parse_date_option(const std::string& text, const std::string& option);

// The network a command works on: `network_dir` (default samples/network),
// plus `edition_file` when given (it may be a new edition not yet in the
// folder). Returns the edition's city and date as the subject.
struct ReportSubject {
    std::string city;
    Date date;
};
// The network comes scored (score/scored_network.h), from the network cache
// in `cache_folder` when it holds this very network (driver/network_cache.h);
// none: read and scored now. The edition file is read in full either way,
// and its edition in the network keeps its question scores.
struct LoadedNetwork {
    ScoredNetwork network;
    std::optional<ReportSubject> subject;
};
LoadedNetwork load_network_for(const DataRoot& data, const Questionnaire& questionnaire,
                               const std::filesystem::path& network_dir, const std::filesystem::path& edition_file,
                               const std::optional<Date>& as_of,
                               const std::optional<std::filesystem::path>& cache_folder = std::nullopt);

// Everything the reports of one city edition quote, computed once for all
// languages: the edition itself (read again from its file, in full), the
// sample with this edition as its focus, earlier editions' scores, the
// selection of practices and recommendations.
class PreparedCity {
public:
    // Builds the sample with this edition as its focus.
    PreparedCity(const EngineResources& resources, const ScoredNetwork& network, const ReportSubject& subject,
                 const std::optional<Date>& as_of);
    // Uses a sample built once for many cities; the subject must be the
    // city's edition in it (its latest up to the sample's as-of date).
    PreparedCity(const EngineResources& resources, const ScoredNetwork& network, const ReportSubject& subject,
                 std::shared_ptr<const Sample> sample);
    PreparedCity(const PreparedCity&) = delete;
    PreparedCity& operator=(const PreparedCity&) = delete;

    [[nodiscard]] CityReportData report_data() const;
    [[nodiscard]] const Sample& sample() const { return *sample_; }
    // The city's entry in the sample, with its edition's question scores.
    [[nodiscard]] const SampleCity& city() const { return city_; }
    [[nodiscard]] const Edition& edition() const { return edition_; }
    [[nodiscard]] const Selection& selection() const { return selection_; }
    [[nodiscard]] const EngineResources& resources() const { return resources_; }

private:
    void finish(const ReportSubject& subject);
    const EngineResources& resources_;
    const ScoredNetwork& network_;
    Edition edition_;
    std::shared_ptr<const Sample> sample_;
    SampleCity city_;
    std::vector<CityScores> earlier_;
    Selection selection_;
};

// What a command about one city edition loads: the catalog of its language,
// the fonts, the network with the edition in it, and the shared resources.
class CitySession {
public:
    // `as_of` is the text of --as-of (empty: no cut-off); `network_dir` empty:
    // the data folder's network. Throws DiagnosticError.
    CitySession(DataRoot data, const std::filesystem::path& edition_file, const std::filesystem::path& network_dir,
                const std::string& lang, const std::string& as_of);
    const DataRoot data;
    const std::optional<Date> as_of;
    const Catalog catalog;
    const FontSet fonts;
    const HyphenationDictionaries hyphenation;  // of fonts' folder, each loaded on first use
    const Questionnaire questionnaire;
    const LoadedNetwork loaded;
    const EngineResources resources;
    [[nodiscard]] const ReportSubject& subject() const { return *loaded.subject; }
    // The cut-off of the subject's report: its issue date when it has one
    // (the sample as it stood then), else --as-of (report_as_of).
    [[nodiscard]] std::optional<Date> report_as_of() const;
};

// A report of an edition that answers fewer of the scored questions than the
// template's [completeness] minimum_answered_percent would rank the city on
// what it did not say: throws DiagnosticError at the edition file, naming the
// counts, the threshold and its file, unless `force`.
void refuse_if_too_few_answers(const EngineResources& resources, const Edition& edition, bool force);

// Composes, lays out and renders the Index Report; returns the page count.
// The file appears atomically at `output`.
Document compose_city_report(const EngineResources& resources, const PreparedCity& city, const Catalog& catalog);
// `hyphenation`: the process's loaded patterns, reused by every document it renders;
// `shaped`, when given, the texts it shaped for earlier documents (layout/paginate.h).
int render_document(const Document& document, const FontSet& fonts, const HyphenationDictionaries& hyphenation,
                    const std::filesystem::path& output, const RenderOptions& options = {},
                    ShapedTexts* shaped = nullptr);
// One document alone (its patterns loaded for it).
int render_document(const Document& document, const FontSet& fonts, const std::filesystem::path& output,
                    const RenderOptions& options = {});

}  // namespace icc
