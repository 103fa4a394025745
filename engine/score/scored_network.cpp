#include "score/scored_network.h"

#include <algorithm>
#include <tuple>

namespace icc {

namespace {
bool scored_order(const ScoredEdition& a, const ScoredEdition& b) {
    return std::tie(a.scores.city.id, a.scores.date) < std::tie(b.scores.city.id, b.scores.date);
}
}  // namespace

ScoredEdition score_for_network(const Edition& edition, const Questionnaire& questionnaire, QuestionScores questions) {
    ScoredEdition scored{score_edition(edition, questionnaire), edition.source_file, edition.issued};
    if (questions == QuestionScores::drop) {
        scored.scores.questions.clear();
        scored.scores.questions.shrink_to_fit();
    }
    return scored;
}

std::vector<std::string> ScoredNetwork::city_ids() const {
    std::vector<std::string> ids;
    for (const ScoredEdition& edition : editions)
        if (ids.empty() || ids.back() != edition.scores.city.id) ids.push_back(edition.scores.city.id);
    return ids;
}

std::vector<const ScoredEdition*> ScoredNetwork::editions_of(std::string_view city) const {
    std::vector<const ScoredEdition*> result;
    auto it = std::lower_bound(editions.begin(), editions.end(), city,
                               [](const ScoredEdition& e, std::string_view id) { return e.scores.city.id < id; });
    for (; it != editions.end() && it->scores.city.id == city; ++it) result.push_back(&*it);
    return result;
}

const ScoredEdition* ScoredNetwork::find(std::string_view city, const Date& date) const {
    for (const ScoredEdition* edition : editions_of(city))
        if (edition->scores.date == date) return edition;
    return nullptr;
}

void ScoredNetwork::put(ScoredEdition edition) {
    auto it = std::lower_bound(editions.begin(), editions.end(), edition, scored_order);
    if (it != editions.end() && it->scores.city.id == edition.scores.city.id && it->scores.date == edition.scores.date)
        *it = std::move(edition);
    else
        editions.insert(it, std::move(edition));
}

ScoredNetwork score_network(const Network& network, const Questionnaire& questionnaire, QuestionScores questions) {
    ScoredNetwork scored;
    scored.folder = network.folder;
    scored.editions.reserve(network.editions.size());
    for (const Edition& edition : network.editions)
        scored.editions.push_back(score_for_network(edition, questionnaire, questions));
    return scored;
}

ScoredNetwork read_scored_network(const std::filesystem::path& folder, const Questionnaire& questionnaire,
                                  const std::function<void(const Edition&)>& also) {
    ScoredNetwork scored;
    scored.folder = folder;
    read_network(folder, questionnaire, [&](Edition&& edition) {
        if (also) also(edition);
        scored.editions.push_back(score_for_network(edition, questionnaire, QuestionScores::drop));
    });
    std::sort(scored.editions.begin(), scored.editions.end(), scored_order);
    return scored;
}

}  // namespace icc
