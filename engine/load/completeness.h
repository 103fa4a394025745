#pragma once
// Which questions an edition leaves unanswered. An unanswered question earns
// no points (docs/scoring.md), so a report of a half-empty edition ranks the
// city low without saying why; `score`, `report` and `build` warn about each
// one, `check --strict` makes them errors, and a report of an edition below
// the template's threshold is refused unless forced (docs/intake.md).
#include <optional>
#include <string>
#include <vector>

#include "load/edition.h"
#include "load/questionnaire.h"
#include "support/diagnostic.h"

namespace icc {

struct Completeness {
    int asked = 0;     // questions the edition's questionnaire version asks (facts included)
    int answered = 0;  // of those, the ones the edition answers ("unknown" is an answer)
    int scored_asked = 0;     // the scored ones among them (what the threshold counts)
    int scored_answered = 0;
    std::vector<const Question*> unanswered;  // in questionnaire order

    // Percentage of the scored questions answered, exactly: 100 × answered / asked (100 when none is asked).
    [[nodiscard]] double scored_percent() const {
        return scored_asked == 0 ? 100.0 : 100.0 * scored_answered / scored_asked;
    }
};

// A question the edition's version does not ask (an extended area in a
// "2011" edition) is neither asked nor unanswered.
Completeness completeness_of(const Edition& edition, const Questionnaire& questionnaire);

// One diagnostic per unanswered question, at the place its answer belongs
// (the area's [answers.<area>] table, [city] for facts; the file when the
// edition has no such table), with the question's id and what to write.
std::vector<Diagnostic> unanswered_diagnostics(const Edition& edition, const Questionnaire& questionnaire,
                                               Severity severity = Severity::warning);

// All of an edition's unanswered questions as one warning, each id with its
// place: for commands about many editions (`build`, `score` of a network),
// whose logs would drown in one line per question. Nullopt when complete.
std::optional<Diagnostic> unanswered_summary(const Edition& edition, const Questionnaire& questionnaire);

}  // namespace icc
