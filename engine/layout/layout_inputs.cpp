#include "layout/layout_inputs.h"

#include <algorithm>

#include "layout/hyphenation.h"

namespace icc {

std::string hyphenation_tag(const std::string& language, const DocumentInfo& info) {
    if (language == info.language && info.icu_locale.rfind(language + "_", 0) == 0) return info.icu_locale;
    return language;
}

std::vector<std::string> hyphenation_tags(const Document& document) {
    std::vector<std::string> tags;
    const auto add = [&](const std::string& language) {
        const std::string tag = hyphenation_tag(language.empty() ? document.info.language : language, document.info);
        if (!tag.empty() && std::find(tags.begin(), tags.end(), tag) == tags.end()) tags.push_back(tag);
    };
    add(document.info.language);
    for (const Block& block : document.blocks) {
        if (const auto* paragraph = std::get_if<ParagraphBlock>(&block)) add(paragraph->language);
        else if (const auto* list = std::get_if<ListBlock>(&block)) add(list->language);
        else if (const auto* callout = std::get_if<CalloutBlock>(&block))
            for (const CalloutContent& content : callout->blocks)
                std::visit([&](const auto& inner) { add(inner.language); }, content);
    }
    return tags;
}

std::vector<std::filesystem::path> hyphenation_pattern_files(const std::string& tag,
                                                             const std::filesystem::path& folder) {
    std::vector<std::filesystem::path> files;
    for (const std::filesystem::path& file : Hyphenator::candidate_files(tag, folder)) {
        std::error_code error;
        if (std::filesystem::is_regular_file(file, error) &&
            std::find(files.begin(), files.end(), file) == files.end())
            files.push_back(file);
    }
    return files;
}

}  // namespace icc
