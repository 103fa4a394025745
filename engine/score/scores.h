#pragma once
// Scoring one edition: points per answer, achievement rate per area, the
// aggregate, core and extended indices. The rules, with a worked example,
// are in docs/scoring.md; this code follows them line by line.
#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "load/edition.h"
#include "load/questionnaire.h"
#include "support/figure.h"

namespace icc {

enum class AnswerStatus {
    answered,        // a value that earns the points of its option or band
    unanswered,      // no answer in the file: 0 points, the question still counts
    unknown,         // "unknown": like unanswered
    not_applicable,  // "not_applicable" (where allowed): left out of the count
    not_asked,       // the edition's questionnaire version does not ask it (extended areas in 2011)
};

std::string_view to_string(AnswerStatus status);
std::ostream& operator<<(std::ostream& out, AnswerStatus status);

struct QuestionScore {
    std::string question;  // question id
    AnswerStatus status = AnswerStatus::unanswered;
    bool scored = false;   // whether the question earns points at all (false for facts and free text)
    Exact points = 0;      // points of the answer, before weight
    Exact earned = 0;      // weight × points
    Exact possible = 0;    // weight × the best answer's points; 0 when the question is left out
};

struct AreaScore {
    std::string area;             // area id
    std::optional<Exact> rate;    // achievement rate 0-100, exact; empty when nothing counts
    Exact earned = 0;             // weighted points of the area's own questions (0 for the lens)
    Exact possible = 0;
};

// The two indices a city can be compared on: the core index (the ten core
// indicators, asked by every questionnaire version) and the extended index
// (all twelve, only for editions of a version that asks them). Ranks and
// averages are always over one of them, never over a mix (docs/scoring.md).
enum class IndexKind { core, extended };
std::string_view to_string(IndexKind kind);

struct CityScores {
    City city;                    // as given by this edition
    Date date;
    std::string questionnaire;    // version
    bool extended_version = false;
    std::vector<AreaScore> areas;           // one per area, in questionnaire order
    std::vector<QuestionScore> questions;   // one per question, in questionnaire order
    // The city's headline ("aggregate") index: its extended index for an
    // edition of a version that asks all twelve indicators, else its core index.
    std::optional<Exact> aggregate;
    std::optional<Exact> core;              // weighted mean of the core indicators
    std::optional<Exact> extended;          // all twelve; only for versions with the extended areas

    // Which index `aggregate` is, hence which cities it is ranked and averaged with.
    [[nodiscard]] IndexKind aggregate_kind() const { return extended_version ? IndexKind::extended : IndexKind::core; }
    [[nodiscard]] const std::optional<Exact>& index(IndexKind kind) const {
        return kind == IndexKind::extended ? extended : core;
    }

    [[nodiscard]] const AreaScore* area(std::string_view id) const;
    [[nodiscard]] std::optional<Exact> rate(std::string_view id) const;
    [[nodiscard]] const QuestionScore* question(std::string_view id) const;
};

// Scores a validated edition (load_edition with the questionnaire). Answers
// that validation would reject earn no points.
CityScores score_edition(const Edition& edition, const Questionnaire& questionnaire);

// Published figures (support/figure.h): one decimal, halves away from zero
// (62.25 -> 62.3), rounded once from the exact value. Ranks and changes are
// computed on published figures so that they agree with what a reader sees.

// The weighted mean of the values present; empty when none is.
std::optional<Exact> weighted_mean(const std::vector<std::pair<std::optional<Exact>, Exact>>& values_and_weights);

}  // namespace icc
