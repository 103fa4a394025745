#pragma once
// The select stage: for one city of the sample, the inspiring practices and
// the recommendations each area of its report shows, and why. The rules are
// in docs/selection.md; `iccreport explain` prints the reasons.
//
// Every result is a function of the data: same sample, library, rules,
// overrides and settings give the same selection, whatever the order the
// library lists its practices in. The clock is never read.
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "load/overrides.h"
#include "load/practices.h"
#include "load/questionnaire.h"
#include "load/recommendation_rules.h"
#include "score/sample.h"
#include "support/data_root.h"
#include "support/diagnostic.h"

namespace icc {

class Catalog;

// How much each trait of a practice's city counts in the practice ranking:
//   score = rate × (city's published rate in the area) + a bonus per peer group shared with the report's city.
struct PracticeWeights {
    double rate = 1;
    double same_population_group = 10;
    double same_diversity_group = 10;
    double same_country = 5;
};

struct SelectionSettings {          // templates/report/selection.toml
    int max_practices_per_area = 3;
    int max_recommendations_per_area = 4;
    std::optional<double> threshold;  // if set, also select for areas under this rate even when above average
    // A practice is suitable only if its city's published rate in the area is
    // above the report city's: an example should come from a city that does better.
    bool only_stronger_cities = true;
    PracticeWeights weights;
    std::string source_file;          // empty for the built-in defaults
};

// Reads selection settings; every key is optional (the defaults above).
// Unknown keys, wrong types and values out of range are FILE:LINE:COL errors.
SelectionSettings load_selection_settings(const std::filesystem::path& path);
// templates/report/selection.toml of the data root.
SelectionSettings load_selection_settings(const DataRoot& data);

struct ChosenPractice {
    std::string practice_id;
    std::string area;   // the area it is shown in (the practice's own area, or a field of it)
    std::string city;   // the practice's city id
    Exact score = 0;    // ranking score (docs/selection.md), exact
    std::vector<std::string> reasons;  // English, one line each, for explain
};

// A practice of the area that was ranked but not chosen, and why.
struct PassedOverPractice {
    std::string practice_id;
    std::string city;
    std::optional<Exact> score;   // empty when excluded before ranking
    std::string why;              // English: "the city's own practice", "already chosen for education", ...
};

struct ChosenRecommendation {
    std::string area;              // area id (indicator or lens field)
    std::string question;          // question id, empty for an area-level recommendation
    std::string text_key;          // locale key of the text, empty when the text comes from an override
    std::map<std::string, std::string> text;  // override text by language, empty otherwise
    std::string origin;            // "rule", "area-rule", "override"
    std::string reason;            // one line, English, for explain
    Exact points_lost = 0;         // possible − earned of the question (of the area, for an area-level one)
    SourceLocation where;          // the override entry, for texts from an override
};

// The text of a recommendation in the catalog's language: the locale text
// (formatted, no arguments) or the override's text in that language. Throws
// DiagnosticError at the override entry when it has no text in that language.
std::string recommendation_text(const ChosenRecommendation& recommendation, const Catalog& catalog);

struct AreaSelection {
    std::string area;
    std::optional<Exact> rate;             // the city's rate, exact (empty: no rate)
    std::optional<Exact> sample_average;   // exact
    bool wants_practices = false;          // published rate below the published average, or under the threshold
    std::vector<ChosenPractice> practices;              // best first
    std::vector<ChosenRecommendation> recommendations;  // in the order to print them
    std::vector<PassedOverPractice> passed_over;        // for explain: candidates not chosen, in ranking order
    std::vector<std::string> notes;                     // for explain: recommendations cut by the cap, ...
};

struct Selection {
    std::string city;           // city id
    Date edition;               // the edition the selection is for
    std::vector<AreaSelection> areas;  // every indicator except the lens composite, and every lens field,
                                       // in report order (each field where the lens stands)
    // Expert overrides that no longer apply (written for another edition, or
    // naming a recommendation the rules do not give for this edition), each
    // at its entry with the reason. `explain` lists them; a report or build
    // refuses to go on (throw_if_overrides_unapplied): an expert's correction
    // must never vanish silently from a published report.
    std::vector<Diagnostic> unapplied_overrides;
    bool overrides_for_another_edition = false;  // the first diagnostic above says so

    [[nodiscard]] const AreaSelection* find(std::string_view area) const;
};

// Throws std::invalid_argument if the city is not in the sample.
Selection select_for_city(const std::string& city_id, const Sample& sample, const Questionnaire& questionnaire,
                          const PracticeLibrary& practices, const RecommendationRules& rules,
                          const Overrides& overrides, const SelectionSettings& settings);
// The same for a city given as its entry in the sample (or a copy of it with
// its question scores, which the recommendations need: PreparedCity).
Selection select_for_city(const SampleCity& city, const Sample& sample, const Questionnaire& questionnaire,
                          const PracticeLibrary& practices, const RecommendationRules& rules,
                          const Overrides& overrides, const SelectionSettings& settings);

// For `report` and `build`: throws one DiagnosticError listing, as errors,
// every override entry that matches nothing in the edition it is written
// for, and overrides written for an edition the city does not have (its
// date was changed: they would otherwise vanish). Overrides written for
// another existing edition of the city are that edition's, not an error.
void throw_if_overrides_unapplied(const Selection& selection, const Overrides& overrides, const ScoredNetwork& network);

// What `iccreport explain` prints: for each area, its rate against the
// average, each practice chosen (and each passed over) with its reasons, each
// recommendation with its reason and text. English, plain text; practice
// titles and recommendation texts in the catalog's language.
std::string explain_selection(const Selection& selection, const Sample& sample, const Questionnaire& questionnaire,
                              const PracticeLibrary& practices, const SelectionSettings& settings,
                              const Catalog& catalog);

// Everything select_for_city needs besides the sample, loaded from the data
// root as `iccreport explain` and the report do: selection settings, the
// recommendation rules (checked against every catalog given), the practice
// library (its cities checked against the network) and the overrides next to
// the edition file (texts required in each language given).
struct SelectionInputs {
    SelectionSettings settings;
    RecommendationRules rules;
    PracticeLibrary practices;
    Overrides overrides;
};

SelectionInputs load_selection_inputs(const DataRoot& data, const Questionnaire& questionnaire, const ScoredNetwork& network,
                                      const std::filesystem::path& edition_file,
                                      const std::vector<const Catalog*>& catalogs,
                                      const std::filesystem::path& practices_file = {});

}  // namespace icc
