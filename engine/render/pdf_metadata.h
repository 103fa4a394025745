#pragma once
// Document-level parts of a finished PDF that qpdf adds after cairo: the XMP
// metadata packet (with the PDF/UA and PDF/A identifications the file claims)
// and the PDF/A output intent.
#include <qpdf/QPDF.hh>

#include <string>

#include "layout/page.h"
#include "support/pdf_standards.h"

namespace icc {

// A calendar date at midnight UTC, "2026-03-15T00:00:00Z": the Info
// dictionary's dates (cairo converts it) and the XMP's, the same instant.
std::string iso_midnight_utc(const Date& date);

// The XMP packet: Dublin Core title, creator, description and language, the
// PDF and XMP basic properties (the same values as the Info dictionary, as
// PDF/A asks), `pdfuaid:part` for UA-1, `pdfaid:part`/`conformance` for
// A-2u and, in a file that claims both, the extension schema PDF/A requires
// for pdfuaid (ISO 19005-2, 6.6.2.3).
std::string xmp_packet(const DocumentMetadata& metadata, const std::string& producer, const PdfStandards& standards);

// Sets the catalog's /Metadata to the XMP packet (uncompressed, as PDF/A asks).
void set_xmp_metadata(QPDF& pdf, const DocumentMetadata& metadata, const PdfStandards& standards);

// Adds /OutputIntents [<< /S /GTS_PDFA1 /DestOutputProfile ... >>] to the catalog.
void add_output_intent(QPDF& pdf, const OutputIntent& intent);

// Sets the Print flag (/F 4) on every annotation: PDF/A wants annotations
// printed as they are shown (ISO 19005-2, 6.3.2); cairo 1.16 writes none.
void make_annotations_printable(QPDF& pdf);

}  // namespace icc
