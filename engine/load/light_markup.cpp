#include "load/light_markup.h"

namespace icc {

namespace {

struct SourceLine {
    std::string_view text;
    int number = 0;  // 0-based line within the markup text
};

// Where each source line of a joined paragraph starts: (offset in the joined text, location).
using LineStarts = std::vector<std::pair<std::size_t, SourceLocation>>;

class InlineParser {
public:
    InlineParser(std::string_view text, SourceLocation where, DiagnosticSink& warnings)
        : InlineParser(text, LineStarts{{0, std::move(where)}}, warnings) {}
    InlineParser(std::string_view text, LineStarts starts, DiagnosticSink& warnings)
        : text_(text), starts_(std::move(starts)), warnings_(warnings) {}

    MarkupLine parse() {
        std::size_t i = 0;
        while (i < text_.size()) {
            const char c = text_[i];
            if (c == '\\' && i + 1 < text_.size() && is_escapable(text_[i + 1])) {
                buffer_ += text_[i + 1];
                i += 2;
            } else if (text_.substr(i, 2) == "**") {
                i = toggle(i, 2, bold_, "bold");
            } else if (c == '*') {
                i = toggle(i, 1, italic_, "italic");
            } else if (c == '[') {
                i = link(i);
            } else {
                buffer_ += c;
                ++i;
            }
        }
        flush();
        return std::move(spans_);
    }

private:
    static bool is_escapable(char c) { return c == '*' || c == '[' || c == ']' || c == '(' || c == ')' || c == '\\'; }

    void flush(const std::string& link = {}) {
        if (buffer_.empty()) return;
        MarkupSpan span{std::move(buffer_), bold_, italic_, link};
        buffer_.clear();
        // Merge with the previous span when nothing but the text differs.
        if (!spans_.empty() && spans_.back().bold == span.bold && spans_.back().italic == span.italic &&
            spans_.back().link == span.link)
            spans_.back().text += span.text;
        else
            spans_.push_back(std::move(span));
    }

    // Finds the closing delimiter of an emphasis that opens at `from`.
    [[nodiscard]] bool has_closer(std::size_t from, std::size_t width) const {
        for (std::size_t j = from; j < text_.size(); ++j) {
            if (text_[j] == '\\') {
                ++j;
                continue;
            }
            if (width == 2 && text_.substr(j, 2) == "**") return true;
            if (width == 1 && text_[j] == '*') {
                if (text_.substr(j, 2) == "**") {
                    // "***" may close italic then bold: the last star of a run closes italic.
                    std::size_t run = j;
                    while (run < text_.size() && text_[run] == '*') ++run;
                    if ((run - j) % 2 == 1) return true;
                    j = run - 1;
                    continue;
                }
                return true;
            }
        }
        return false;
    }

    std::size_t toggle(std::size_t at, std::size_t width, bool& flag, const char* what) {
        if (flag) {
            flush();
            flag = false;
            return at + width;
        }
        // An opener needs text after it and a closer somewhere later.
        const bool followed_by_text = at + width < text_.size() && text_[at + width] != ' ';
        if (followed_by_text && has_closer(at + width, width)) {
            flush();
            flag = true;
            return at + width;
        }
        warn(at, std::string("unclosed ") + what + " emphasis '" + std::string(text_.substr(at, width)) +
                     "'; printed as written");
        buffer_ += text_.substr(at, width);
        return at + width;
    }

    std::size_t link(std::size_t at) {
        const std::size_t close = text_.find("](", at + 1);
        const std::size_t end = close == std::string_view::npos ? close : text_.find(')', close + 2);
        if (close != std::string_view::npos && end != std::string_view::npos &&
            text_.substr(at + 1, close - at - 1).find('[') == std::string_view::npos) {
            const std::string_view label = text_.substr(at + 1, close - at - 1);
            const std::string_view target = text_.substr(close + 2, end - close - 2);
            const bool scheme_ok = target.rfind("https://", 0) == 0 || target.rfind("http://", 0) == 0 ||
                                   target.rfind("mailto:", 0) == 0;
            const bool no_space = target.find(' ') == std::string_view::npos;
            if (!label.empty() && scheme_ok && no_space && target.size() > 8) {
                flush();
                buffer_ = std::string(label);
                flush(std::string(target));
                return end + 1;
            }
            warn(at, "broken link '" + std::string(text_.substr(at, end - at + 1)) +
                         "': expected [text](https://address); printed as written");
            buffer_ += text_.substr(at, end - at + 1);
            return end + 1;
        }
        if (close != std::string_view::npos || text_.find(']', at + 1) != std::string_view::npos)
            warn(at, "broken link: expected [text](https://address); printed as written");
        buffer_ += '[';
        return at + 1;
    }

    void warn(std::size_t offset, std::string message) {
        auto line = starts_.begin();
        for (auto it = starts_.begin(); it != starts_.end() && it->first <= offset; ++it) line = it;
        SourceLocation where = line->second;
        if (where.column > 0) where.column += static_cast<int>(offset - line->first);
        warnings_.warning(std::move(where), std::move(message));
    }

    std::string_view text_;
    LineStarts starts_;
    DiagnosticSink& warnings_;
    MarkupLine spans_;
    std::string buffer_;
    bool bold_ = false;
    bool italic_ = false;
};

std::vector<SourceLine> split_lines(std::string_view text) {
    std::vector<SourceLine> lines;
    int number = 0;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        std::string_view line = text.substr(start, end - start);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        lines.push_back({line, number++});
        if (end == text.size()) break;
        start = end + 1;
    }
    return lines;
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

bool is_item(std::string_view trimmed) { return trimmed.rfind("- ", 0) == 0 || trimmed.rfind("* ", 0) == 0; }

}  // namespace

MarkupText parse_light_markup(std::string_view text, const SourceLocation& origin, DiagnosticSink& warnings) {
    MarkupText result;
    auto location_of_line = [&](int number, std::size_t indent) {
        SourceLocation where = origin;
        if (where.line > 0) {
            where.line += number;
            where.column = (number == 0 ? origin.column : 1) + static_cast<int>(indent);
        }
        return where;
    };

    std::string paragraph;
    LineStarts paragraph_starts;
    MarkupList list;
    auto end_paragraph = [&] {
        if (!paragraph.empty())
            result.blocks.emplace_back(MarkupParagraph{InlineParser(paragraph, paragraph_starts, warnings).parse()});
        paragraph.clear();
        paragraph_starts.clear();
    };
    auto end_list = [&] {
        if (!list.items.empty()) result.blocks.emplace_back(std::move(list));
        list = MarkupList{};
    };

    for (const SourceLine& line : split_lines(text)) {
        const std::string_view trimmed = trim(line.text);
        const std::size_t indent = static_cast<std::size_t>(trimmed.data() - line.text.data());
        if (trimmed.empty()) {
            end_paragraph();
            end_list();
        } else if (is_item(trimmed)) {
            end_paragraph();
            std::string_view item = trimmed.substr(2);
            list.items.push_back(InlineParser(item, location_of_line(line.number, indent + 2), warnings).parse());
        } else if (!list.items.empty() && indent > 0) {
            // An indented line continues the previous list item.
            MarkupLine more = InlineParser(trimmed, location_of_line(line.number, indent), warnings).parse();
            MarkupLine& last = list.items.back();
            if (!last.empty()) last.back().text += ' ';
            for (auto& span : more) last.push_back(std::move(span));
        } else {
            end_list();
            if (!paragraph.empty()) paragraph += ' ';
            paragraph_starts.emplace_back(paragraph.size(), location_of_line(line.number, indent));
            paragraph += trimmed;
        }
    }
    end_paragraph();
    end_list();
    return result;
}

std::string plain_text(const MarkupLine& line) {
    std::string text;
    for (const auto& span : line) text += span.text;
    return text;
}

}  // namespace icc
