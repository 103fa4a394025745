#include "compose/document.h"

namespace icc {

void set_locale_furniture(DocumentInfo& info, const Catalog& catalog) {
    info.language = catalog.lang();
    info.icu_locale = catalog.icu_locale();
    info.right_to_left = catalog.right_to_left();
    info.page_of_pages = catalog.text("report.page_of_pages");
    info.figure_label = catalog.text("typesetting.figure_label");
    info.cover_label = catalog.text("typesetting.cover_label");
}

}  // namespace icc
