#include "layout/hyphenation.h"

#include <algorithm>
#include <vector>

#include "support/handles.h"

namespace icc {

namespace fs = std::filesystem;

namespace {

constexpr std::size_t shortest_hyphenated_word = 5;  // letters
constexpr int min_left = 2;   // letters kept before a break
constexpr int min_right = 3;  // letters carried to the next line

bool is_letter(gunichar c) { return g_unichar_isalpha(c) || g_unichar_ismark(c); }

// A whitespace-delimited token that is a number, a URL or an address is kept
// whole: breaking "www.example.org" or "1 250,5" at a hyphen would change it.
bool token_is_breakable(std::string_view token) {
    for (const char* p = token.data(); p < token.data() + token.size(); p = g_utf8_next_char(p)) {
        const gunichar c = g_utf8_get_char(p);
        if (g_unichar_isdigit(c) || c == '@' || c == '/' || c == ':' || c == '_' || c == '\\') return false;
        if (c == '.' && p + 1 < token.data() + token.size() && is_letter(g_utf8_get_char(p + 1))) return false;
    }
    return true;
}

}  // namespace

std::vector<fs::path> Hyphenator::candidate_files(std::string_view language, const fs::path& folder) {
    std::string tag(language);
    std::replace(tag.begin(), tag.end(), '-', '_');
    const std::string bare = tag.substr(0, tag.find('_'));
    std::vector<fs::path> candidates{folder / ("hyph_" + tag + ".dic"), folder / ("hyph_" + bare + ".dic")};
    std::vector<fs::path> regional;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(folder, ec)) {
        const std::string name = entry.path().filename().string();
        if (name.rfind("hyph_" + bare + "_", 0) == 0 && name.ends_with(".dic")) regional.push_back(entry.path());
    }
    std::sort(regional.begin(), regional.end());
    candidates.insert(candidates.end(), regional.begin(), regional.end());
    return candidates;
}

std::shared_ptr<const HyphenationPatterns> HyphenationPatterns::load(const fs::path& file) {
    std::error_code ec;
    if (!fs::is_regular_file(file, ec)) return nullptr;
    auto patterns = std::make_shared<HyphenationPatterns>();
    patterns->dictionary_.reset(hnj_hyphen_load(file.c_str()));
    if (!patterns->dictionary_) return nullptr;
    patterns->file_ = file;
    return patterns;
}

std::optional<Hyphenator> Hyphenator::on(std::shared_ptr<const HyphenationPatterns> patterns) {
    if (!patterns) return std::nullopt;
    Hyphenator hyphenator;
    if (!patterns->utf8()) {
        GIConv converter = g_iconv_open(patterns->charset(), "UTF-8");
        if (converter == reinterpret_cast<GIConv>(-1)) return std::nullopt;
        hyphenator.to_dictionary_charset_.reset(converter);
    }
    hyphenator.patterns_ = std::move(patterns);
    return hyphenator;
}

std::optional<Hyphenator> Hyphenator::for_language(std::string_view language, const fs::path& folder) {
    if (language.empty()) return std::nullopt;
    for (const fs::path& file : candidate_files(language, folder))
        if (auto hyphenator = on(HyphenationPatterns::load(file))) return hyphenator;
    return std::nullopt;
}

std::optional<Hyphenator> HyphenationDictionaries::hyphenator(std::string_view language) const {
    if (language.empty()) return std::nullopt;
    std::shared_ptr<const HyphenationPatterns> patterns;
    {
        std::lock_guard lock(mutex_);
        auto known = by_language_.find(language);
        if (known == by_language_.end()) {
            // The same choice as Hyphenator::for_language: the first candidate
            // that loads and whose charset converts.
            std::shared_ptr<const HyphenationPatterns> chosen;
            for (const fs::path& file : Hyphenator::candidate_files(language, folder_)) {
                auto loaded = by_file_.find(file);
                if (loaded == by_file_.end()) loaded = by_file_.emplace(file, HyphenationPatterns::load(file)).first;
                if (loaded->second && Hyphenator::on(loaded->second)) {
                    chosen = loaded->second;
                    break;
                }
            }
            known = by_language_.emplace(std::string(language), std::move(chosen)).first;
        }
        patterns = known->second;
    }
    return Hyphenator::on(std::move(patterns));
}

std::size_t HyphenationDictionaries::loaded() const {
    std::lock_guard lock(mutex_);
    return static_cast<std::size_t>(
        std::count_if(by_file_.begin(), by_file_.end(), [](const auto& entry) { return entry.second != nullptr; }));
}

std::string Hyphenator::hyphenate_word(std::string_view word) {
    const auto letters = static_cast<std::size_t>(g_utf8_strlen(word.data(), static_cast<gssize>(word.size())));
    if (letters < shortest_hyphenated_word) return std::string(word);
    // Words in capitals are acronyms or names set for emphasis: never broken.
    bool has_lowercase = false;
    for (const char* p = word.data(); p < word.data() + word.size(); p = g_utf8_next_char(p))
        has_lowercase = has_lowercase || g_unichar_islower(g_utf8_get_char(p));
    if (!has_lowercase) return std::string(word);

    if (auto known = memo_.find(std::string(word)); known != memo_.end()) return known->second;

    GCharPtr lower(g_utf8_strdown(word.data(), static_cast<gssize>(word.size())));
    std::string pattern_input = lower.get();
    if (g_utf8_strlen(pattern_input.c_str(), -1) != static_cast<glong>(letters)) return std::string(word);
    if (to_dictionary_charset_) {
        gsize written = 0;
        GCharPtr converted(g_convert_with_iconv(pattern_input.data(), static_cast<gssize>(pattern_input.size()),
                                                to_dictionary_charset_.get(), nullptr, &written, nullptr));
        // A letter outside the patterns' charset: this word is not theirs to break.
        if (!converted || written != letters) return std::string(word);
        pattern_input.assign(converted.get(), written);
    }

    std::vector<char> hyphens(pattern_input.size() + 5, '0');
    char** replacements = nullptr;
    int* positions = nullptr;
    int* cuts = nullptr;
    const int failed = hnj_hyphen_hyphenate3(patterns_->dictionary(), pattern_input.data(),
                                             static_cast<int>(pattern_input.size()), hyphens.data(), nullptr,
                                             &replacements, &positions, &cuts, min_left, min_right, min_left,
                                             min_right);
    if (replacements) {
        for (std::size_t i = 0; i < pattern_input.size(); ++i) std::free(replacements[i]);
        std::free(replacements);
        std::free(positions);
        std::free(cuts);
    }
    std::string result;
    result.reserve(word.size() + 8);
    std::size_t index = 0;
    for (const char* p = word.data(); p < word.data() + word.size(); ++index) {
        const char* next = g_utf8_next_char(p);
        result.append(p, next);
        // hyphens[i] odd: a break is allowed after letter i (libhyphen counts
        // characters, not bytes, for UTF-8 patterns).
        if (!failed && index + 1 < letters && (hyphens[index] & 1)) result += soft_hyphen;
        p = next;
    }
    memo_.emplace(std::string(word), result);
    return result;
}

std::string Hyphenator::hyphenate(std::string_view text) {
    std::string result;
    result.reserve(text.size() + text.size() / 8);
    const char* const end = text.data() + text.size();
    const char* p = text.data();
    while (p < end) {
        // Copy whitespace as is, then take one token.
        const char* token_start = p;
        while (p < end && !g_unichar_isspace(g_utf8_get_char(p))) p = g_utf8_next_char(p);
        const std::string_view token(token_start, static_cast<std::size_t>(p - token_start));
        if (token.empty()) {
            const char* next = g_utf8_next_char(p);
            result.append(p, next);
            p = next;
            continue;
        }
        if (!token_is_breakable(token)) {
            result += token;
            continue;
        }
        // Within a token, hyphenate each run of letters ("well-being" is two words).
        const char* q = token.data();
        const char* token_end = token.data() + token.size();
        while (q < token_end) {
            const char* word_start = q;
            while (q < token_end && is_letter(g_utf8_get_char(q))) q = g_utf8_next_char(q);
            if (q > word_start) {
                result += hyphenate_word(std::string_view(word_start, static_cast<std::size_t>(q - word_start)));
            } else {
                const char* next = g_utf8_next_char(q);
                result.append(q, next);
                q = next;
            }
        }
    }
    return result;
}

}  // namespace icc
