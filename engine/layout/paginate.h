#pragma once
// Turns a document into pages: measures text with Pango (on the engine's own
// fonts), breaks tables across pages with their header repeated, and adds the
// running header and footer.
#include "compose/document.h"
#include "layout/page.h"
#include "support/fonts.h"

namespace icc {

LaidOutDocument paginate(const Document& document, const FontSet& fonts);

}  // namespace icc
