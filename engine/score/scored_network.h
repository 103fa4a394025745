#pragma once
// Every edition of the network, scored: what the sample, a report's earlier
// editions and the cities of its practices need of the editions other than
// the report's own. Small (no answers, comments or source locations), so
// that a network of 5,000 cities fits in memory many times over, and what the
// network cache keeps on disk (driver/network_cache.h).
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "load/network.h"
#include "load/questionnaire.h"
#include "score/scores.h"

namespace icc {

struct ScoredEdition {
    // `questions` is empty unless the network was scored with
    // QuestionScores::keep: a report takes its own edition's question scores
    // from the edition itself (PreparedCity), never from here.
    CityScores scores;
    std::string source_file;
    std::optional<Date> issued;  // edition.issued
};

enum class QuestionScores { keep, drop };

ScoredEdition score_for_network(const Edition& edition, const Questionnaire& questionnaire, QuestionScores questions);

struct ScoredNetwork {
    std::filesystem::path folder;
    std::vector<ScoredEdition> editions;  // sorted by city id, then date (oldest first)

    [[nodiscard]] std::vector<std::string> city_ids() const;
    // A city's editions, oldest first (empty for an unknown city).
    [[nodiscard]] std::vector<const ScoredEdition*> editions_of(std::string_view city) const;
    [[nodiscard]] const ScoredEdition* find(std::string_view city, const Date& date) const;
    // Adds an edition, or replaces the one of the same city and date.
    void put(ScoredEdition edition);
};

ScoredNetwork score_network(const Network& network, const Questionnaire& questionnaire,
                            QuestionScores questions = QuestionScores::keep);

// Reads, checks and scores every edition file below `folder` one at a time
// (no more than one edition's answers in memory). Errors exactly as
// load_network: one DiagnosticError with every problem of every file.
// `also` sees each valid edition before it is dropped.
ScoredNetwork read_scored_network(const std::filesystem::path& folder, const Questionnaire& questionnaire,
                                  const std::function<void(const Edition&)>& also = {});

}  // namespace icc
