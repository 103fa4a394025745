#pragma once
// Small pieces of the engine's messages, written one way everywhere: quoted
// values, numbers as a reader wrote them, lists of alternatives, and the
// "did you mean" suggestion for a misspelt name.
#include <string>
#include <string_view>
#include <vector>

namespace icc {

// "\"text\"".
std::string in_quotes(std::string_view text);

// The shortest text that reads back as `value`: 4, 4.5, 112.5, -3.
std::string number_text(double value);

// "a", "a or b", "a, b or c" (with `last` " and " for "a, b and c").
std::string join_alternatives(const std::vector<std::string>& items, std::string_view last = " or ");

// Edit distance counting a swap of two neighbouring characters as one edit
// (optimal string alignment): "plna" is one edit from "plan".
std::size_t edit_distance(std::string_view a, std::string_view b);

// The candidate closest to a misspelt word, or "" when none is close enough
// to be what the writer meant (about a third of the word's letters differ).
std::string closest_match(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace icc
