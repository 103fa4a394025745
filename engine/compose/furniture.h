#pragma once
// The page furniture's words from the reader's catalog.
#include "compose/document.h"
#include "support/locale.h"

namespace icc {

// Fills the language, direction and page-furniture strings of `info` from a
// locale catalog (title, author and the like stay the composer's business).
void set_locale_furniture(DocumentInfo& info, const Catalog& catalog);

}  // namespace icc
