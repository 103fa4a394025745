#pragma once
// What a city's reports quote, gathered once from the earlier stages: the
// city's edition and scores, its place in the sample, its earlier editions,
// and the practices and recommendations chosen for it. Compose reads only
// this; it never loads or scores anything itself.
#include <string>
#include <vector>

#include "load/edition.h"
#include "load/network.h"
#include "load/practices.h"
#include "load/questionnaire.h"
#include "score/sample.h"
#include "score/scored_network.h"
#include "score/scores.h"
#include "select/selection.h"

namespace icc {

struct CityReportData {
    const Questionnaire& questionnaire;
    const Edition& edition;                 // the edition the report is about
    const Sample& sample;                   // built with this edition as its focus
    const SampleCity& city;                 // the city's entry in the sample
    std::vector<CityScores> earlier;        // the city's earlier editions, oldest first
    const Selection& selection;
    const PracticeLibrary& practices;
    const ScoredNetwork& network;           // names and countries of other cities
};

}  // namespace icc
