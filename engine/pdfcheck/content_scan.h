#pragma once
// The content-stream half of pdfcheck: walks every page's content (and the
// form XObjects it paints) with qpdf's parser, tracking marked-content
// nesting (BDC/BMC/EMC), and records which MCIDs each stream holds, the text
// inside each (through the fonts' /ToUnicode maps), the fonts used, and
// whatever is painted neither inside tagged content nor as an /Artifact.
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjGen.hh>
#include <qpdf/QPDFObjectHandle.hh>

#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "pdfcheck/pdfcheck.h"

namespace icc::pdfcheck::detail {

// A marked-content sequence with an MCID belongs to the stream it is written
// in: a page, or a form XObject (then referenced by an MCR with /Stm).
using McidKey = std::pair<QPDFObjGen, int>;

struct UsedFont {
    mutable QPDFObjectHandle font;  // qpdf 11 reads through non-const handles
    int first_page = 0;
};

struct ContentScan {
    std::map<McidKey, std::string> text_by_mcid;  // every MCID found, with its text (maybe empty)
    std::map<McidKey, int> page_of_mcid;          // 1-based page where the sequence was painted
    std::map<QPDFObjGen, UsedFont> fonts;         // every font selected by Tf
    std::map<QPDFObjGen, int> form_uses;          // form XObjects with MCIDs: how often painted
    int sequences = 0;                            // marked-content sequences seen
    std::vector<Failure> failures;
};

// Scans one page (1-based number) and the form XObjects it paints.
void scan_page(QPDFObjectHandle page, int page_number, ContentScan& scan);

// Text of a PDF string shown with `font`, through its /ToUnicode CMap (or,
// without one, the codes read as Latin-1). Cached per font.
class TextDecoder {
public:
    std::string decode(QPDFObjectHandle font, const std::string& bytes);

private:
    struct FontMap {
        int code_bytes = 1;
        bool has_map = false;
        std::map<unsigned, std::string> unicode;
    };
    const FontMap& map_for(QPDFObjectHandle font);
    std::map<QPDFObjGen, FontMap> maps_;
};

}  // namespace icc::pdfcheck::detail
