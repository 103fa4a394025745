#pragma once
// Finishes a tagged PDF that cairo drew leaf by leaf (render/structure.h):
// the grouping elements of the structure tree, the attributes cairo 1.16
// cannot write (/Lang, /Alt, /ActualText, TH /Scope, Figure /BBox), parts of
// one element drawn on two pages joined into one, links moved into the
// element whose text links, link annotations' /Contents, /Tabs /S, what
// cairo drew outside every tag marked as /Artifact, and /MarkInfo. The XMP
// metadata is render/pdf_metadata.h's. docs/accessibility.md describes the result.
#include <qpdf/QPDF.hh>

#include <vector>

#include "layout/page.h"
#include "render/structure.h"

namespace icc {

// Throws InternalError when the file cairo wrote does not match the plan.
void finish_tagged_pdf(QPDF& pdf, const LaidOutDocument& document, const std::vector<structure::Leaf>& leaves);

}  // namespace icc
