#pragma once
// The document model: what a report says, in reading order, with no notion of
// pages or positions. Compose builds it from data and locale strings; layout
// turns it into pages. Every string here is plain text, never markup.
#include <string>
#include <variant>
#include <vector>

#include "support/locale.h"

namespace icc {

struct DocumentInfo {
    std::string title;
    std::string author;
    std::string subject;
    std::string keywords;
    std::string language;        // BCP 47 tag, e.g. "fr"
    std::string icu_locale;      // for numbers in page furniture, e.g. "fr_FR"
    bool right_to_left = false;
    Date date;                   // document date, from the data (never the clock)
    std::string running_header;  // printed at the top of each page after the cover
    std::string page_of_pages;   // ICU pattern with {page} and {pages}
};

struct CoverBlock {
    std::string kicker;     // small line above the title
    std::string title;
    std::string subtitle;
    std::vector<std::string> details;  // lines at the foot of the cover
};

struct HeadingBlock {
    int level = 1;
    std::string text;
};

struct ParagraphBlock {
    std::string text;
};

struct TableBlock {
    std::vector<double> column_weights;  // relative widths
    std::vector<std::string> header;     // repeated on continuation pages
    std::vector<std::vector<std::string>> rows;
};

struct PageBreakBlock {};

using Block = std::variant<CoverBlock, HeadingBlock, ParagraphBlock, TableBlock, PageBreakBlock>;

struct Document {
    DocumentInfo info;
    std::vector<Block> blocks;
};

}  // namespace icc
