#include "support/toml_text.h"

#include <cstdio>

namespace icc {

namespace {

bool continuation_byte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// The byte at 1-based `line` and `column` (in code points), or npos.
std::size_t byte_at(std::string_view text, int line, int column) {
    std::size_t at = 0;
    for (int l = 1; l < line; ++l) {
        at = text.find('\n', at);
        if (at == std::string_view::npos) return at;
        ++at;
    }
    for (int c = 1; c < column; ++c) {
        if (at >= text.size() || text[at] == '\n') return std::string_view::npos;
        ++at;
        while (at < text.size() && continuation_byte(text[at])) ++at;
    }
    return at;
}

}  // namespace

std::optional<TomlStringText> TomlStringText::locate(std::string_view text, const SourceLocation& value) {
    std::size_t at = byte_at(text, value.line, value.column);
    if (at == std::string_view::npos || at >= text.size() || (text[at] != '"' && text[at] != '\'')) return std::nullopt;
    TomlStringText out;
    out.file_ = value.file;
    out.whole_ = value;
    out.begin_ = at;
    const char quote = text[at];
    const bool basic = quote == '"';
    const bool multiline = text.substr(at, 3) == std::string(3, quote);
    int line = value.line, column = value.column;
    auto advance = [&](std::size_t bytes) {  // moves over whole characters, counting lines and columns
        const std::size_t stop = at + bytes;
        while (at < stop && at < text.size()) {
            if (text[at] == '\n') {
                ++line;
                column = 1;
                ++at;
                continue;
            }
            ++at;
            while (at < text.size() && continuation_byte(text[at])) ++at;
            ++column;
        }
    };
    advance(multiline ? 3 : 1);
    if (multiline) {  // a newline right after the opening delimiter is not part of the value
        if (text.substr(at, 2) == "\r\n") advance(2);
        else if (text.substr(at, 1) == "\n") advance(1);
    }
    const std::string closing(multiline ? 3 : 1, quote);
    while (at < text.size()) {
        if (text.substr(at, closing.size()) == closing) {
            // A multi-line string may end with up to two quotes of its own before the delimiter.
            if (multiline && text.substr(at + 3, 1) == std::string(1, quote)) {
                out.places_.push_back({line, column});
                advance(1);
                continue;
            }
            out.places_.push_back({line, column});
            advance(closing.size());
            out.end_ = at;
            return out;
        }
        if (!multiline && text[at] == '\n') return std::nullopt;
        if (basic && text[at] == '\\') {
            const char next = at + 1 < text.size() ? text[at + 1] : '\0';
            if (multiline && (next == '\n' || next == ' ' || next == '\t' || next == '\r')) {
                // A line-ending backslash: it and the white space after it are not characters of the value.
                advance(1);
                while (at < text.size() && (text[at] == ' ' || text[at] == '\t' || text[at] == '\n' || text[at] == '\r'))
                    advance(1);
                continue;
            }
            out.places_.push_back({line, column});
            advance(next == 'u' ? 6 : next == 'U' ? 10 : 2);
            continue;
        }
        out.places_.push_back({line, column});
        advance(1);
    }
    return std::nullopt;
}

SourceLocation TomlStringText::at(int offset, int length) const {
    if (offset < 0 || places_.empty()) return whole_;
    const std::size_t last = places_.size() - 1;
    const auto& [line, column] = places_[std::min<std::size_t>(static_cast<std::size_t>(offset), last)];
    const auto& [end_line, end_column] =
        places_[std::min<std::size_t>(static_cast<std::size_t>(offset + std::max(length, 1)), last)];
    return SourceLocation{file_, line, column, end_line, end_column};
}

std::string toml_basic_string(std::string_view text) {
    std::string out = "\"";
    for (const char c : text) {
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\t': out += "\\t"; break;
            case '\r': out += "\\r"; break;
            default:
                if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) {
                    char escape[8];
                    std::snprintf(escape, sizeof escape, "\\u%04X", static_cast<unsigned>(static_cast<unsigned char>(c)));
                    out += escape;
                } else {
                    out += c;
                }
        }
    }
    return out + "\"";
}

}  // namespace icc
