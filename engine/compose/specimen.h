#pragma once
// Specimen documents of the typesetter: every block type in a long report,
// and a page of many languages and scripts. They exercise layout and render
// for tests, the benchmark and anyone who wants to look at the pages
// (`iccreport specimen`). Their text lives in templates/specimen/.
#include <filesystem>

#include "compose/document.h"
#include "support/data_root.h"
#include "support/locale.h"

namespace icc {

// A long report with every block type: cover, contents, numbered headings of
// three levels, paragraphs with emphasis and links, lists, tables (one over
// several pages), figures, call-outs, notes and page breaks. `chapters`
// scales its length (about four pages a chapter, plus the annex table).
Document compose_specimen(const Catalog& catalog, int chapters = 6);

// English, French, German, Ukrainian, Greek, Arabic, Japanese and Korean
// paragraphs, and a paragraph of markup-like characters that must print
// literally. Reads templates/specimen/multilingual.toml.
Document compose_multilingual_specimen(const DataRoot& data, const Catalog& catalog);

// An Arabic document, right to left, with every block type and its page
// furniture mirrored. Reads templates/specimen/multilingual.toml.
Document compose_arabic_specimen(const DataRoot& data);

}  // namespace icc
