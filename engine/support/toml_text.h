#pragma once
// The text of a TOML string value as written in its file: where each of its
// characters is (so that a problem found in a message, "{ville}" at offset
// 12, is reported at its line and column even past escapes and line
// continuations), and the byte range of the whole literal (so that a value
// can be replaced in place, every other byte of the file kept).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "support/diagnostic.h"

namespace icc {

class TomlStringText {
public:
    // `value` is the value's range as the reader gives it (support/toml_reader.h).
    // nullopt when the range does not hold a TOML string.
    static std::optional<TomlStringText> locate(std::string_view file_text, const SourceLocation& value);

    // The literal, quotes included: file_text.substr(begin, end - begin).
    [[nodiscard]] std::size_t begin_byte() const { return begin_; }
    [[nodiscard]] std::size_t end_byte() const { return end_; }
    // The place of the value's `offset`-th character (code points from the
    // start of the value's content), `length` characters long; the whole
    // literal when offset < 0.
    [[nodiscard]] SourceLocation at(int offset, int length = 1) const;

private:
    std::string file_;
    std::size_t begin_ = 0, end_ = 0;
    SourceLocation whole_;
    // Line and column of each character of the content, and one past the last.
    std::vector<std::pair<int, int>> places_;
};

// A TOML basic string ("...") that reads back as `text`: quotes, backslashes
// and control characters escaped; every other character written as itself.
std::string toml_basic_string(std::string_view text);

}  // namespace icc
