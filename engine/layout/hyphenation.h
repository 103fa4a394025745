#pragma once
// Hyphenation with libhyphen and the TeX-derived patterns Debian ships in
// /usr/share/hyphen (hyph_<lang>[_<REGION>].dic). Hyphenation points become
// U+00AD soft hyphens in the text handed to Pango, which breaks there and
// shows a hyphen only at the end of a line.
#include <glib.h>
#include <hyphen.h>

#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace icc {

inline constexpr std::string_view soft_hyphen = "\u00AD";

// One pattern file as libhyphen loaded it. libhyphen only reads a loaded
// dictionary while it hyphenates, so one copy serves every hyphenator of a
// process, on any thread.
class HyphenationPatterns {
public:
    // nullptr when the file cannot be read as patterns (or their charset is unknown to iconv).
    static std::shared_ptr<const HyphenationPatterns> load(const std::filesystem::path& file);

    [[nodiscard]] const std::filesystem::path& file() const { return file_; }
    [[nodiscard]] HyphenDict* dictionary() const { return dictionary_.get(); }
    [[nodiscard]] bool utf8() const { return dictionary_->utf8 != 0; }
    [[nodiscard]] const char* charset() const { return dictionary_->cset; }

private:
    struct DictionaryFree {
        void operator()(HyphenDict* dict) const { if (dict) hnj_hyphen_free(dict); }
    };
    std::filesystem::path file_;
    std::unique_ptr<HyphenDict, DictionaryFree> dictionary_;
};

class Hyphenator;

// The hyphenation patterns of one folder, each file loaded the first time a
// document needs its language and kept, read-only, for every later document
// of the process (a build's worker, watch). Owned by whoever lays documents
// out (CitySession, a build's render worker, watch) and passed to layout; not
// global state. Safe to share between threads.
class HyphenationDictionaries {
public:
    explicit HyphenationDictionaries(std::filesystem::path folder = "/usr/share/hyphen")
        : folder_(std::move(folder)) {}
    HyphenationDictionaries(const HyphenationDictionaries&) = delete;
    HyphenationDictionaries& operator=(const HyphenationDictionaries&) = delete;

    // A hyphenator on the patterns Hyphenator::for_language would load for
    // `language`, loaded on the first call only; nullopt when none is installed.
    [[nodiscard]] std::optional<Hyphenator> hyphenator(std::string_view language) const;
    [[nodiscard]] const std::filesystem::path& folder() const { return folder_; }
    // How many pattern files have been loaded so far (each at most once).
    [[nodiscard]] std::size_t loaded() const;

private:
    std::filesystem::path folder_;
    mutable std::mutex mutex_;
    // By language as asked; nullptr: no patterns for it.
    mutable std::map<std::string, std::shared_ptr<const HyphenationPatterns>, std::less<>> by_language_;
    mutable std::map<std::filesystem::path, std::shared_ptr<const HyphenationPatterns>> by_file_;
};

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

    [[nodiscard]] const std::filesystem::path& file() const { return patterns_->file(); }
    // The patterns this hyphenator reads (shared with every hyphenator made from them).
    [[nodiscard]] const HyphenationPatterns& patterns() const { return *patterns_; }

    // A hyphenator on patterns already loaded; nullopt when their charset cannot be converted to.
    static std::optional<Hyphenator> on(std::shared_ptr<const HyphenationPatterns> patterns);

private:
    struct IconvClose {
        void operator()(GIConv converter) const { if (converter) g_iconv_close(converter); }
    };
    using ConverterPtr = std::unique_ptr<std::remove_pointer_t<GIConv>, IconvClose>;

    Hyphenator() = default;
    // The word (lowercase letters only, UTF-8) with soft hyphens inserted.
    std::string hyphenate_word(std::string_view word);

    std::shared_ptr<const HyphenationPatterns> patterns_;
    ConverterPtr to_dictionary_charset_;  // null when the patterns are UTF-8
    std::unordered_map<std::string, std::string> memo_;
};

}  // namespace icc
