#include "driver/rebuild_reasons.h"

#include <algorithm>

#include "support/figure.h"
#include "support/hash.h"
#include "support/wording.h"

namespace icc {

namespace {

// At most this many editions named one by one; the rest are counted.
constexpr std::size_t editions_named = 5;

std::string figure(const std::optional<Exact>& value) { return figure_text(published(value), "none"); }

std::string rank(const std::optional<int>& rank, int ranked) {
    return rank ? std::to_string(*rank) + " of " + std::to_string(ranked) : "none";
}

std::string name_of(const std::map<std::string, std::string>& names, const std::string& id) {
    const auto it = names.find(id);
    return it == names.end() ? id : it->second;
}

// "valmora 2026-03-15" -> "the edition of Valmora dated 2026-03-15"
std::string edition_words(const std::string& key, const std::map<std::string, std::string>& names) {
    const auto space = key.rfind(' ');
    return "the edition of " + name_of(names, key.substr(0, space)) + " dated " + key.substr(space + 1);
}

// One sentence per edition added, changed, removed or found invalid since the report was built.
std::vector<std::string> network_changes(const NetworkState& before, const NetworkState& now,
                                         const std::map<std::string, std::string>& names) {
    std::vector<std::string> changes;
    for (const auto& [key, digest] : now) {
        const auto old = before.find(key);
        if (digest == "invalid") {
            if (old == before.end() || old->second != "invalid")
                changes.push_back(edition_words(key, names) + " is invalid: left out of the sample");
        } else if (old == before.end()) {
            changes.push_back("a new edition: " + edition_words(key, names));
        } else if (old->second != digest) {
            changes.push_back(edition_words(key, names) + (old->second == "invalid" ? " is valid again" : " changed"));
        }
    }
    for (const auto& [key, digest] : before)
        if (!now.count(key)) changes.push_back(edition_words(key, names) + " is no longer in the network");
    if (changes.size() > editions_named) {
        const std::size_t more = changes.size() - editions_named;
        changes.resize(editions_named);
        changes.push_back("and " + std::to_string(more) + " more " + (more == 1 ? "edition" : "editions"));
    }
    return changes;
}

std::string listed(const std::vector<std::string>& items) { return join_alternatives(items, " and "); }

}  // namespace

std::vector<std::pair<std::string, std::string>> published_figures(const PreparedCity& city,
                                                                    const Questionnaire& questionnaire,
                                                                    const Catalog& english) {
    const Sample& sample = city.sample();
    const SampleCity& subject = city.city();
    const CityScores& scores = subject.scores;
    std::vector<std::pair<std::string, std::string>> figures{
        {"core index", figure(scores.core)},
        {"extended index", figure(scores.extended)},
        {"rank on the core index", rank(subject.core_rank, sample.ranked_on(IndexKind::core))},
        {"rank on the extended index", rank(subject.extended_rank, sample.ranked_on(IndexKind::extended))},
    };
    // Every area: the indicators, then the intercultural lens's fields.
    for (const Area& area : questionnaire.areas())
        figures.emplace_back(english.text(area.name_key()) + " rate", figure(scores.rate(area.id)));
    figures.emplace_back("cities in the sample", std::to_string(sample.size()));
    figures.emplace_back("sample average of the core index", figure(sample.averages.core.value));
    figures.emplace_back("sample average of the extended index", figure(sample.averages.extended.value));
    for (const Area& area : questionnaire.areas())
        figures.emplace_back("sample average of " + english.text(area.name_key()),
                             figure(sample.averages.area(area.id).value));
    return figures;
}

std::map<std::string, std::string> override_entries(const Overrides& overrides, const std::string& lang) {
    std::map<std::string, std::string> entries;
    if (overrides.edition) entries["the edition they are written for"] = overrides.edition->iso();
    for (const RecommendationOverride& entry : overrides.entries) {
        const std::string what = entry.action == OverrideAction::add       ? "the addition to the "
                                 : entry.action == OverrideAction::replace ? "the replacement of the "
                                                                           : "the removal of the ";
        std::string label = what + entry.target();
        // Two additions to one area: "the addition to the area welcome (2)".
        for (int n = 2; entries.count(label); ++n) label = what + entry.target() + " (" + std::to_string(n) + ")";
        Sha256 sha;
        sha.field(entry.area).field(entry.question);
        if (const std::string* text = text_for_reader(entry.text, lang)) sha.field(*text);
        entries[label] = sha.hex().substr(0, 16);
    }
    return entries;
}

std::map<std::string, std::string> locale_strings(const Catalog& catalog) {
    std::map<std::string, std::string> strings;
    for (const std::string& key : catalog.keys()) strings[key] = sha256_hex(catalog.text(key)).substr(0, 16);
    return strings;
}

std::string network_digest(const NetworkState& state) {
    Sha256 sha;
    for (const auto& [edition, digest] : state) sha.field(edition).field(digest);
    return sha.hex();
}

std::vector<std::string> rebuild_reasons(const ManifestEntry* before, const ManifestEntry& now,
                                         const RebuildContext& context, const std::set<std::string>& keys_read,
                                         const std::map<std::string, std::string>& locale_now) {
    if (!before) return {"not built yet"};
    if (before->status == "failed") return {"it failed last time"};
    std::vector<std::string> reasons;
    const auto input = [](const ManifestEntry& entry, const std::string& name) {
        const auto it = entry.inputs.find(name);
        return it == entry.inputs.end() ? std::string() : it->second;
    };
    const auto changed = [&](const std::string& name) { return input(*before, name) != input(now, name); };

    // The network: whose edition changed.
    if (changed("network")) {
        const auto old = context.previous.networks.find(input(*before, "network"));
        if (old != context.previous.networks.end())
            for (std::string& change : network_changes(old->second, context.network_now, context.city_names))
                reasons.push_back(std::move(change));
        else
            reasons.push_back("the network's editions changed");
    } else if (changed("edition")) {
        // The city's files, but no edition of the network: a profile's visit notes.
        reasons.push_back(now.kind == "profile" ? "the visit notes changed" : "the city's edition files changed");
    }

    // The locale: the keys this report reads whose text changed.
    if (changed("locale")) {
        const std::string language = name_of(context.language_names, now.lang);
        const auto old = context.previous.locales.find(input(*before, "locale"));
        if (old == context.previous.locales.end()) {
            reasons.push_back("the " + language + " locale file changed");
        } else {
            std::vector<std::string> keys;
            for (const std::string& key : keys_read) {
                const auto was = old->second.find(key);
                const auto is = locale_now.find(key);
                if (is != locale_now.end() && (was == old->second.end() || was->second != is->second))
                    keys.push_back(key);
            }
            if (!keys.empty())
                reasons.push_back("the " + language + " text of " + (keys.size() == 1 ? "the key " : "the keys ") +
                                  listed(keys) + " changed");
        }
    }

    // The expert's overrides, entry by entry.
    if (before->overrides != now.overrides) {
        std::vector<std::string> entries;
        for (const auto& [label, digest] : now.overrides) {
            const auto was = before->overrides.find(label);
            if (was == before->overrides.end()) entries.push_back(label + " (new)");
            else if (was->second != digest) entries.push_back(label + " (changed)");
        }
        for (const auto& [label, digest] : before->overrides)
            if (!now.overrides.count(label)) entries.push_back(label + " (removed)");
        reasons.push_back("the expert's overrides changed: " + listed(entries));
    }

    // The data folder and the machinery: the files they are, in a reader's words.
    if (changed("templates")) reasons.push_back("the questionnaire or the report templates changed (templates/)");
    if (changed("practices")) reasons.push_back("the library of good practices changed");
    if (changed("fonts")) reasons.push_back("the fonts changed");
    if (changed("hyphenation")) reasons.push_back("the hyphenation patterns changed");
    if (changed("engine")) reasons.push_back("another version of iccreport");
    if (changed("libraries")) {
        std::vector<std::string> versions;
        for (const auto& [library, version] : context.libraries_now) {
            const auto was = context.previous.libraries.find(library);
            if (was != context.previous.libraries.end() && was->second != version)
                versions.push_back(library + " " + was->second + " -> " + version);
        }
        reasons.push_back("the libraries it is rendered with changed" +
                          (versions.empty() ? std::string() : ": " + listed(versions)));
    }
    if (changed("render")) reasons.push_back("now " + input(now, "render") + ", was " + input(*before, "render"));

    // Its figures, old -> new.
    for (const auto& [label, value] : now.figures) {
        const auto was = std::find_if(before->figures.begin(), before->figures.end(),
                                      [&](const auto& figure) { return figure.first == label; });
        if (was != before->figures.end() && was->second != value)
            reasons.push_back(label + ": " + was->second + " -> " + value);
    }
    if (reasons.empty()) reasons.push_back("what it prints changed");
    return reasons;
}

}  // namespace icc
