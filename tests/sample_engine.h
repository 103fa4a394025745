#pragma once
// The bundled sample data with everything a report needs, loaded once per
// test binary: the tests that compose, lay out or render real sample
// reports share this one fixture instead of each loading its own.
#include <optional>
#include <string>

#include "driver/pipeline.h"
#include "layout/paginate.h"
#include "test_support.h"

namespace icc::testing {

// The source tree's data folder and its questionnaire, for tests that need
// no more than that.
inline const DataRoot& source_data() {
    static const DataRoot root{source_root()};
    return root;
}

inline const Questionnaire& bundled_questionnaire() {
    static const Questionnaire questionnaire = Questionnaire::bundled(source_data());
    return questionnaire;
}

struct SampleEngine {
    DataRoot data{source_root()};
    FontSet fonts = FontSet::load(data);
    Questionnaire questionnaire = Questionnaire::bundled(data);
    Network editions = load_network(data.network(), questionnaire);  // every edition in full
    LoadedNetwork network{score_network(editions, questionnaire, QuestionScores::drop), std::nullopt};
    EngineResources resources = EngineResources::load(data);

    // The Index Report of the city's edition of `date`, against the whole sample.
    [[nodiscard]] Document compose(const std::string& city, Date date, const Catalog& catalog) const {
        const PreparedCity prepared(resources, network.network, {city, date}, std::nullopt);
        return compose_city_report(resources, prepared, catalog);
    }
};

inline const SampleEngine& sample_engine() {
    static const SampleEngine instance;
    return instance;
}

}  // namespace icc::testing
