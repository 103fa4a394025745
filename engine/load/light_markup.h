#pragma once
// The small light markup experts use for long text in visit notes:
//
//   blank line         new paragraph
//   "- " or "* "       a bulleted list item, at the start of a line
//   **bold**  *italic* emphasis (may nest: **bold *and italic***)
//   [text](https://…)  a link (http, https or mailto)
//   \*  \[  \\          the character itself
//
// It is parsed into plain values, never handed to Pango as markup. Anything
// malformed (an unclosed emphasis, a broken link) is kept as literal text and
// reported as a warning, so a typo never stops a build.
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "support/diagnostic.h"

namespace icc {

struct MarkupSpan {
    std::string text;
    bool bold = false;
    bool italic = false;
    std::string link;  // empty unless the span is a link
    bool operator==(const MarkupSpan&) const = default;
};

using MarkupLine = std::vector<MarkupSpan>;

struct MarkupParagraph {
    MarkupLine spans;
};

struct MarkupList {
    std::vector<MarkupLine> items;
};

using MarkupBlock = std::variant<MarkupParagraph, MarkupList>;

struct MarkupText {
    std::vector<MarkupBlock> blocks;
};

// `origin` is where the text starts in its file (line and column of its
// first character), so warnings point at the right place.
MarkupText parse_light_markup(std::string_view text, const SourceLocation& origin, DiagnosticSink& warnings);

// The text of a line without any formatting (for tests and text alternatives).
std::string plain_text(const MarkupLine& line);

}  // namespace icc
