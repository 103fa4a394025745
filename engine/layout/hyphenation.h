#pragma once
// Hyphenation with libhyphen and the TeX-derived patterns Debian ships in
// /usr/share/hyphen (hyph_<lang>[_<REGION>].dic). Hyphenation points become
// U+00AD soft hyphens in the text handed to Pango, which breaks there and
// shows a hyphen only at the end of a line.
#include <glib.h>
#include <hyphen.h>

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace icc {

inline constexpr std::string_view soft_hyphen = "\u00AD";

class Hyphenator {
public:
    // The patterns for a BCP 47 tag or ICU locale ("fr", "en-GB", "de_AT"):
    // the exact region if shipped, else the bare language, else the first
    // regional variant in name order. nullopt when no patterns are installed.
    static std::optional<Hyphenator> for_language(std::string_view language,
                                                  const std::filesystem::path& folder = "/usr/share/hyphen");

    // `text` with soft hyphens at the permitted breaks of every word of five
    // letters or more. Words holding digits, URLs, e-mail addresses and words
    // in capitals are left whole.
    // The files for_language tries, in order (whether or not they exist):
    // hyph_<tag>.dic, hyph_<language>.dic, then hyph_<language>_*.dic by name.
    static std::vector<std::filesystem::path> candidate_files(std::string_view language,
                                                              const std::filesystem::path& folder);

    [[nodiscard]] std::string hyphenate(std::string_view text);

    [[nodiscard]] const std::filesystem::path& file() const { return file_; }

private:
    struct DictionaryFree {
        void operator()(HyphenDict* dict) const { if (dict) hnj_hyphen_free(dict); }
    };
    struct IconvClose {
        void operator()(GIConv converter) const { if (converter) g_iconv_close(converter); }
    };
    using ConverterPtr = std::unique_ptr<std::remove_pointer_t<GIConv>, IconvClose>;

    Hyphenator() = default;
    // The word (lowercase letters only, UTF-8) with soft hyphens inserted.
    std::string hyphenate_word(std::string_view word);

    std::filesystem::path file_;
    std::unique_ptr<HyphenDict, DictionaryFree> dictionary_;
    ConverterPtr to_dictionary_charset_;  // null when the patterns are UTF-8
    std::unordered_map<std::string, std::string> memo_;
};

}  // namespace icc
