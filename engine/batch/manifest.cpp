#include "batch/manifest.h"

#include <algorithm>
#include <iostream>
#include <nlohmann/json.hpp>

#include "support/atomic_file.h"
#include "support/diagnostic.h"

namespace icc {

Manifest Manifest::load(const std::filesystem::path& file) {
    Manifest manifest;
    std::error_code ec;
    if (!std::filesystem::exists(file, ec)) return manifest;
    try {
        const nlohmann::json json = nlohmann::json::parse(read_file(file));
        manifest.libraries = json.value("libraries", std::map<std::string, std::string>{});
        using Table = std::map<std::string, std::map<std::string, std::string>>;
        manifest.networks = json.value("networks", Table{});
        manifest.locales = json.value("locales", Table{});
        for (const auto& item : json.at("reports")) {
            ManifestEntry entry;
            entry.output = item.at("output").get<std::string>();
            entry.kind = item.value("kind", "");
            entry.city = item.value("city", "");
            entry.lang = item.value("lang", "");
            entry.key = item.value("key", "");
            entry.inputs = item.value("inputs", std::map<std::string, std::string>{});
            entry.pages = item.value("pages", 0);
            entry.status = item.value("status", "");
            entry.error = item.value("error", "");
            entry.stale_output = item.value("stale_output", "");
            if (item.contains("figures"))
                for (const auto& figure : item.at("figures"))
                    entry.figures.emplace_back(figure.at(0).get<std::string>(), figure.at(1).get<std::string>());
            entry.overrides = item.value("overrides", std::map<std::string, std::string>{});
            manifest.entries.emplace(entry.output, std::move(entry));
        }
    } catch (const std::exception& e) {
        std::cerr << file.string() << ": warning: ignoring unreadable manifest (" << e.what()
                  << "); every report will be rebuilt\n";
        manifest.entries.clear();
    }
    return manifest;
}

void Manifest::save(const std::filesystem::path& file) const {
    nlohmann::ordered_json reports = nlohmann::ordered_json::array();
    for (const auto& [output, entry] : entries) {
        nlohmann::ordered_json item;
        item["output"] = entry.output;
        item["kind"] = entry.kind;
        item["city"] = entry.city;
        item["lang"] = entry.lang;
        item["key"] = entry.key;
        item["inputs"] = entry.inputs;
        item["pages"] = entry.pages;
        item["status"] = entry.status;
        if (!entry.error.empty()) item["error"] = entry.error;
        if (!entry.stale_output.empty()) item["stale_output"] = entry.stale_output;
        if (!entry.figures.empty()) {
            nlohmann::ordered_json figures = nlohmann::ordered_json::array();
            for (const auto& [label, value] : entry.figures) figures.push_back({label, value});
            item["figures"] = std::move(figures);
        }
        if (!entry.overrides.empty()) item["overrides"] = entry.overrides;
        reports.push_back(std::move(item));
    }
    // Only the network states and locales some report was built from.
    const auto referenced = [&](const std::map<std::string, std::map<std::string, std::string>>& table,
                                const std::string& input) {
        nlohmann::ordered_json kept = nlohmann::ordered_json::object();
        for (const auto& [digest, contents] : table)
            if (std::any_of(entries.begin(), entries.end(), [&](const auto& e) {
                    const auto it = e.second.inputs.find(input);
                    return it != e.second.inputs.end() && it->second == digest;
                }))
                kept[digest] = contents;
        return kept;
    };
    nlohmann::ordered_json root;
    root["generator"] = "iccreport";
    root["libraries"] = libraries;
    root["reports"] = std::move(reports);
    root["networks"] = referenced(networks, "network");
    root["locales"] = referenced(locales, "locale");
    write_file_atomically(file, root.dump(2) + "\n");
}

std::map<std::string, KnownDigest> load_file_digests(const std::filesystem::path& file) {
    std::map<std::string, KnownDigest> digests;
    std::error_code ec;
    if (!std::filesystem::exists(file, ec)) return digests;
    try {
        const nlohmann::json json = nlohmann::json::parse(read_file(file));  // kept alive: the loop reads from it
        for (const auto& [path, item] : json.items()) {
            KnownDigest known;
            known.stamp.size = item.at("size").get<std::uint64_t>();
            known.stamp.mtime_ns = item.at("mtime_ns").get<std::int64_t>();
            known.stamp.ctime_ns = item.at("ctime_ns").get<std::int64_t>();
            known.stamp.inode = item.at("inode").get<std::uint64_t>();
            known.stamp.device = item.at("device").get<std::uint64_t>();
            known.hashed_at_ns = item.at("hashed_at_ns").get<std::int64_t>();
            known.digest = item.at("sha256").get<std::string>();
            digests.emplace(path, std::move(known));
        }
    } catch (const std::exception&) {
        digests.clear();  // a help, never a requirement: every input is hashed again
    }
    return digests;
}

void save_file_digests(const std::filesystem::path& file, const std::map<std::string, KnownDigest>& digests) {
    nlohmann::ordered_json json = nlohmann::ordered_json::object();
    for (const auto& [path, known] : digests)
        json[path] = {{"size", known.stamp.size},         {"mtime_ns", known.stamp.mtime_ns},
                      {"ctime_ns", known.stamp.ctime_ns}, {"inode", known.stamp.inode},
                      {"device", known.stamp.device},     {"hashed_at_ns", known.hashed_at_ns},
                      {"sha256", known.digest}};
    write_file_atomically(file, json.dump(1) + "\n");
}

}  // namespace icc
