#pragma once
// Mixed-direction text (UAX #9). Every value with letters a message
// interpolates (a city's name, a quoted answer, a date) is wrapped in a FIRST
// STRONG ISOLATE ... POP DIRECTIONAL ISOLATE pair when the message is
// formatted (CompiledMessage, support/locale.h),
// so an Arabic name inside an English sentence, or a Latin name inside a
// Hebrew one, keeps its own order and leaves the sentence's alone. A
// paragraph's base direction is its language's (language_is_right_to_left), never
// its first strong letter's. Pango sets isolates as it should and draws nothing
// for them; text leaving the typeset page (PDF metadata, the terminal, TOML
// comments, comparisons in tests) goes through without_isolates.
#include <string>
#include <string_view>

namespace icc {

inline constexpr std::string_view first_strong_isolate = "\u2068";      // FSI
inline constexpr std::string_view pop_directional_isolate = "\u2069";   // PDI
inline constexpr std::string_view left_to_right_mark = "\u200E";        // LRM
inline constexpr std::string_view right_to_left_mark = "\u200F";        // RLM

// FSI value PDI: the value set in the direction of its first strong letter,
// as one neutral unit of the text around it.
std::string isolated(std::string_view value);

// The text without the directional isolates (U+2066..U+2069: LRI, RLI, FSI, PDI).
std::string without_isolates(std::string_view text);

// The text for a place that knows no isolates (a PDF viewer's title bar and
// bookmarks): without them, and with a LEFT-TO-RIGHT or RIGHT-TO-LEFT MARK
// first when its first strong letter is of the other direction than the
// document's, so that "باب نوارة in figures" still reads as English.
std::string plain_directional_text(std::string_view text, bool right_to_left);

// Whether a language (a BCP 47 tag: "ar", "he-IL", "fa", "ur-Arab") is written
// right to left: ICU's likely script for it.
bool language_is_right_to_left(std::string_view tag);
// The script a language is written in, from the tag or CLDR's likely
// subtags: "Arab" for "ar" and "ar-MA", "Latn" for "fr"; "" when unknown.
std::string likely_script(std::string_view tag);

}  // namespace icc
