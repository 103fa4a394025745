#pragma once
// Turns a document into pages. Text is shaped with Pango on the engine's own
// fonts and hyphenated with the patterns of its language. The page builder
// keeps headings with what follows them, leaves at least two lines of a
// paragraph at the foot and head of a page, never splits figures or
// call-outs, repeats table headers on continuation pages, fills in the table
// of contents with the pages the headings landed on, and adds the running
// header, the footer and the page labels.
#include "compose/document.h"
#include "layout/hyphenation.h"
#include "layout/page.h"
#include "support/fonts.h"

#include <cstddef>
#include <memory>

namespace icc {

namespace pagination {
class Paginator;
struct ShapedStore;
}  // namespace pagination

// The texts a process has shaped, kept for the next document it lays out in
// the same setting (language, locale, direction, page design): watch's
// re-render after a one-word change shapes only the paragraph that changed.
// What the last document of a setting used is kept, the rest dropped, for
// the four settings used last. For one font set (which must outlive it) and
// one thread; owned by whoever lays documents out, like HyphenationDictionaries.
class ShapedTexts {
public:
    explicit ShapedTexts(const FontSet& fonts);
    ~ShapedTexts();
    ShapedTexts(const ShapedTexts&) = delete;
    ShapedTexts& operator=(const ShapedTexts&) = delete;

    [[nodiscard]] const FontSet& fonts() const { return fonts_; }
    // How many shaped texts are kept, over every setting.
    [[nodiscard]] std::size_t size() const;

private:
    friend class pagination::Paginator;
    const FontSet& fonts_;
    std::unique_ptr<pagination::ShapedStore> store_;
};

// `hyphenation` is the process's set of loaded patterns (of
// fonts.hyphenation_folder()): what a document loads stays loaded for the next.
// `earlier`, when given: the texts shaped for earlier documents, reused and
// kept up to date (it must be of `fonts`).
LaidOutDocument paginate(const Document& document, const FontSet& fonts, const HyphenationDictionaries& hyphenation,
                         ShapedTexts* earlier = nullptr);
// One document alone: its patterns are loaded for it and dropped after.
LaidOutDocument paginate(const Document& document, const FontSet& fonts);

}  // namespace icc
