#pragma once
// A report kind's sections, listed once. Each composer of a report kind (the
// Index Report, the profile) keeps one table that pairs the name a report
// template uses for a section (templates/report/*.toml, `sections = [...]`)
// with the composer's member that writes it. The same table gives the names
// the template loader accepts and dispatches the template's sections, so a
// new section is one member and one row, never a second hand-kept list.
#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "support/diagnostic.h"

namespace icc {

template <class Composer>
struct SectionKind {
    std::string_view name;       // as report templates name it: "overall_results"
    void (Composer::*compose)();  // appends the section's blocks to the document
};

template <class Composer, std::size_t N>
using SectionKinds = std::array<SectionKind<Composer>, N>;

// The names of the sections, in the table's order (for the template loader).
template <class Composer, std::size_t N>
std::vector<std::string> section_names(const SectionKinds<Composer, N>& kinds) {
    std::vector<std::string> names;
    names.reserve(N);
    for (const SectionKind<Composer>& kind : kinds) names.emplace_back(kind.name);
    return names;
}

// Writes the template's sections in the template's order. The template loader
// accepted only names of this table, so a name missing here is an engine bug.
template <class Composer, std::size_t N>
void compose_sections(Composer& composer, const SectionKinds<Composer, N>& kinds,
                      const std::vector<std::string>& sections) {
    for (const std::string& section : sections) {
        const SectionKind<Composer>* found = nullptr;
        for (const SectionKind<Composer>& kind : kinds)
            if (kind.name == section) found = &kind;
        if (!found) throw InternalError("the report template names the section \"" + section +
                                        "\", which its composer does not know");
        (composer.*(found->compose))();
    }
}

}  // namespace icc
