#include "compose/city_composer.h"

namespace icc {

std::string CityComposer::rate_text(double value) const { return catalog_.percent(published(value), 1); }

std::string CityComposer::area_name(const std::string& id) const {
    return text(data_.questionnaire.area(id).name_key());
}

double CityComposer::sample_average(const std::string& area) const {
    return data_.sample.averages.area(area).value.value_or(0);
}

void CityComposer::paragraph(std::string body, ParagraphStyle style) {
    add(ParagraphBlock{plain_text(std::move(body)), style, {}});
}

void CityComposer::bullets(std::vector<std::string> items) {
    ListBlock list;
    for (auto& item : items) list.items.push_back(plain_text(std::move(item)));
    add(std::move(list));
}

}  // namespace icc
