#pragma once
// Experts' light markup (load/light_markup.h) as blocks of the document
// model. Emphasis and links become fields of text runs; nothing is ever
// handed to the typesetter as markup, so "<b>" or "&" in notes print as
// written.
#include <string>
#include <vector>

#include "compose/document.h"
#include "load/light_markup.h"

namespace icc {

// The runs of one line of markup: bold, italic and links kept, text as written.
InlineText inline_text(const MarkupLine& line);

// Paragraphs and bulleted lists, in order. Paragraphs carry `language` (a
// BCP 47 tag, empty for the document's) so that they are hyphenated with the
// patterns of the language the experts wrote in.
std::vector<Block> markup_blocks(const MarkupText& text, const std::string& language,
                                 ParagraphStyle style = ParagraphStyle::body);

// The same content for the inside of a call-out.
std::vector<CalloutContent> markup_callout_content(const MarkupText& text, const std::string& language);

// The whole text in one run sequence, for a table cell: paragraphs on lines of
// their own, list items as "• item" lines.
InlineText markup_inline(const MarkupText& text);

// The text without formatting: paragraphs and items separated by a space.
std::string markup_plain_text(const MarkupText& text);

}  // namespace icc
