#include "support/bidi.h"

#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

namespace icc {

std::string isolated(std::string_view value) {
    std::string out;
    out.reserve(value.size() + first_strong_isolate.size() + pop_directional_isolate.size());
    out += first_strong_isolate;
    out += value;
    out += pop_directional_isolate;
    return out;
}

namespace {

// U+2066..U+2069 are E2 81 A6..A9 in UTF-8.
bool isolate_at(std::string_view text, std::size_t i) {
    return i + 2 < text.size() && static_cast<unsigned char>(text[i]) == 0xE2 &&
           static_cast<unsigned char>(text[i + 1]) == 0x81 && static_cast<unsigned char>(text[i + 2]) >= 0xA6 &&
           static_cast<unsigned char>(text[i + 2]) <= 0xA9;
}

}  // namespace

std::string without_isolates(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        if (isolate_at(text, i)) {
            i += 3;
            continue;
        }
        out += text[i++];
    }
    return out;
}

std::string plain_directional_text(std::string_view text, bool right_to_left) {
    std::string plain = without_isolates(text);
    const auto* bytes = reinterpret_cast<const uint8_t*>(plain.data());
    const auto length = static_cast<int32_t>(plain.size());
    for (int32_t i = 0; i < length;) {
        UChar32 c = 0;
        U8_NEXT(bytes, i, length, c);
        if (c < 0) continue;
        const UCharDirection direction = u_charDirection(c);
        const bool strong_rtl = direction == U_RIGHT_TO_LEFT || direction == U_RIGHT_TO_LEFT_ARABIC;
        if (direction != U_LEFT_TO_RIGHT && !strong_rtl) continue;
        if (strong_rtl != right_to_left)
            plain.insert(0, right_to_left ? right_to_left_mark : left_to_right_mark);
        break;
    }
    return plain;
}

bool language_is_right_to_left(std::string_view tag) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Locale locale = icu::Locale::forLanguageTag(icu::StringPiece(tag.data(), tag.size()), status);
    return U_SUCCESS(status) && locale.isRightToLeft();
}

std::string likely_script(std::string_view tag) {
    UErrorCode status = U_ZERO_ERROR;
    icu::Locale locale = icu::Locale::forLanguageTag(icu::StringPiece(tag.data(), tag.size()), status);
    if (U_FAILURE(status)) return {};
    locale.addLikelySubtags(status);
    return U_SUCCESS(status) ? std::string(locale.getScript()) : std::string();
}

}  // namespace icc
