#pragma once
// What a layout reads besides its Document and its FontSet: the hyphenation
// patterns of each language the document is written in. `build` digests
// these files into a report's cache key, so new patterns rebuild exactly the
// reports in their language.
#include <filesystem>
#include <string>
#include <vector>

#include "compose/document.h"

namespace icc {

// The tag whose patterns hyphenate text in `language`: the document's own
// language takes its region from the document's ICU locale ("en" in an
// "en_GB" document hyphenates as en_GB).
std::string hyphenation_tag(const std::string& language, const DocumentInfo& info);

// Every language tag the document's text is hyphenated in: the document's,
// then those of its paragraphs and lists in another language, each once.
std::vector<std::string> hyphenation_tags(const Document& document);

// The pattern files libhyphen may read for `tag` in `folder`, in the order
// Hyphenator::for_language tries them (those that exist).
std::vector<std::filesystem::path> hyphenation_pattern_files(const std::string& tag,
                                                             const std::filesystem::path& folder);

}  // namespace icc
