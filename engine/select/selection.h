#pragma once
// PROVISIONAL (lead): the agreed interface of the select stage; the select
// branch replaces this file with its implementation's header.
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace icc {

struct ChosenPractice {
    std::string practice_id;
    std::string area;
    std::string city;
    double score = 0;
    std::vector<std::string> reasons;
};

struct ChosenRecommendation {
    std::string area;
    std::string question;
    std::string text_key;
    std::map<std::string, std::string> text;
    std::string origin;
    std::string reason;
};

struct AreaSelection {
    std::string area;
    std::optional<double> rate;
    std::optional<double> sample_average;
    bool wants_practices = false;
    std::vector<ChosenPractice> practices;
    std::vector<ChosenRecommendation> recommendations;
};

struct Selection {
    std::vector<AreaSelection> areas;
    [[nodiscard]] const AreaSelection* find(std::string_view area) const {
        for (const auto& a : areas)
            if (a.area == area) return &a;
        return nullptr;
    }
};

}  // namespace icc
