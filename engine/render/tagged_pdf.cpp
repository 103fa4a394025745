#include "render/tagged_pdf.h"

#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>

#include <cstdio>
#include <map>
#include <set>

#include "support/diagnostic.h"

namespace icc {

namespace {

using Handle = QPDFObjectHandle;

[[noreturn]] void fail(const std::string& what) {
    throw InternalError(Diagnostic{Severity::error, {}, "tagged PDF: " + what});
}

Handle name(const std::string& value) { return Handle::newName(value); }

std::vector<Handle> items_of(Handle k) {
    std::vector<Handle> items;
    if (k.isArray())
        for (int i = 0; i < k.getArrayNItems(); ++i) items.push_back(k.getArrayItem(i));
    else if (!k.isNull())
        items.push_back(k);
    return items;
}

// An element's kids as an array in which every marked-content reference
// names its page, so kids from another page can join it.
Handle explicit_kids(Handle element) {
    Handle page = element.getKey("/Pg");
    Handle kids = Handle::newArray();
    for (Handle item : items_of(element.getKey("/K"))) {
        if (item.isInteger()) {
            Handle reference = Handle::newDictionary();
            reference.replaceKey("/Type", name("/MCR"));
            reference.replaceKey("/Pg", page);
            reference.replaceKey("/MCID", item);
            kids.appendItem(reference);
        } else {
            kids.appendItem(item);
        }
    }
    return kids;
}

// Per page, the MCIDs whose sequences hold /ActualText spans.
using Spanned = std::map<QPDFObjGen, std::set<int>>;

class TreeBuilder {
public:
    TreeBuilder(QPDF& pdf, const LaidOutDocument& document, const std::vector<structure::Leaf>& leaves,
                const Spanned& spanned)
        : pdf_(pdf), document_(document), leaves_(leaves), spanned_(spanned) {}

    void run() {
        Handle tree = pdf_.getRoot().getKey("/StructTreeRoot");
        if (!tree.isDictionary()) fail("cairo wrote no structure tree");
        std::vector<Handle> flat = items_of(tree.getKey("/K"));
        if (flat.size() != leaves_.size())
            fail("cairo wrote " + std::to_string(flat.size()) + " structure elements where " +
                 std::to_string(leaves_.size()) + " were drawn");
        Handle document_element = element("Document", tree);
        tree.replaceKey("/K", Handle::newArray({document_element}));

        for (std::size_t i = 0; i < flat.size(); ++i) {
            const structure::Leaf& leaf = leaves_[i];
            Handle e = flat[i];
            if (e.getKey("/S").getName() != "/" + leaf.type)
                fail("element " + std::to_string(i) + " is " + e.getKey("/S").getName() + ", planned " + leaf.type);
            if (!leaf.owner.empty()) {
                attach_link(e, leaf);
                continue;
            }
            // A figure reads as its /Alt: its chart's words need no /ActualText.
            const bool spans = leaf.type != "Figure" && holds_spans(e);
            std::size_t depth = 0;
            while (depth < open_.size() && depth < leaf.path.size() && open_[depth].first == leaf.path[depth].key) ++depth;
            open_.resize(depth);
            Handle parent = depth == 0 ? document_element : open_[depth - 1].second;
            for (std::size_t j = depth; j < leaf.path.size(); ++j) {
                parent = element(leaf.path[j].type, parent);
                open_.emplace_back(leaf.path[j].key, parent);
            }
            auto continued = by_key_.find(leaf.key);
            if (continued != by_key_.end()) {
                join(continued->second, e);
                text_[leaf.key] += leaf.text;
                needs_actual_text_[leaf.key] = needs_actual_text_[leaf.key] || leaf.needs_actual_text || spans;
                continue;
            }
            parent.getKey("/K").appendItem(e);
            e.replaceKey("/P", parent);
            by_key_.emplace(leaf.key, e);
            text_[leaf.key] = leaf.text;
            needs_actual_text_[leaf.key] = leaf.needs_actual_text || spans;
            set_attributes(e, leaf);
        }
        for (const auto& [key, e] : by_key_)
            if (needs_actual_text_[key] && !text_[key].empty()) {
                Handle element = e;
                element.replaceKey("/ActualText", Handle::newUnicodeString(text_[key]));
            }
        redirect_parent_tree(tree.getKey("/ParentTree"));
    }

private:
    Handle element(const std::string& type, Handle parent) {
        Handle dictionary = Handle::newDictionary();
        dictionary.replaceKey("/Type", name("/StructElem"));
        dictionary.replaceKey("/S", name("/" + type));
        dictionary.replaceKey("/P", parent);
        dictionary.replaceKey("/K", Handle::newArray());
        Handle made = pdf_.makeIndirectObject(dictionary);
        if (parent.getKey("/Type").isName() && parent.getKey("/Type").getName() == "/StructElem")
            parent.getKey("/K").appendItem(made);
        return made;
    }

    // Whether one of the element's own sequences holds an /ActualText span.
    bool holds_spans(Handle e) const {
        Handle page_object = e.getKey("/Pg");
        auto page = spanned_.find(page_object.getObjGen());
        if (page == spanned_.end()) return false;
        for (Handle item : items_of(e.getKey("/K")))
            if (item.isInteger() && page->second.count(item.getIntValueAsInt())) return true;
        return false;
    }

    // The part of an element drawn on a later page joins the element.
    void join(Handle kept, Handle part) {
        if (!joined_.count(kept.getObjGen())) {
            kept.replaceKey("/K", explicit_kids(kept));
            joined_.insert(kept.getObjGen());
        }
        Handle kids = kept.getKey("/K");
        for (Handle item : items_of(explicit_kids(part))) kids.appendItem(item);
        replaced_.emplace(part.getObjGen(), kept);
    }

    void attach_link(Handle link, const structure::Leaf& leaf) {
        auto owner = by_key_.find(leaf.owner);
        if (owner == by_key_.end()) fail("a link's text " + leaf.owner + " has no element");
        Handle parent = owner->second;
        if (!joined_.count(parent.getObjGen())) {
            parent.replaceKey("/K", explicit_kids(parent));
            joined_.insert(parent.getObjGen());
        }
        // cairo gives the link an empty marked-content sequence besides its
        // annotation: keep only the annotation, the text is its parent's.
        parent.getKey("/K").appendItem(link);
        link.replaceKey("/P", parent);
        set_link_contents(link, leaf);
    }

    static void set_link_contents(Handle link, const structure::Leaf& leaf) {
        for (Handle item : items_of(link.getKey("/K")))
            if (item.isDictionary() && item.getKey("/Type").isName() && item.getKey("/Type").getName() == "/OBJR") {
                Handle annotation = item.getKey("/Obj");
                annotation.replaceKey("/Contents", Handle::newUnicodeString(leaf.link_contents));
            }
    }

    void set_attributes(Handle e, const structure::Leaf& leaf) {
        if (!leaf.language.empty()) e.replaceKey("/Lang", Handle::newUnicodeString(leaf.language));
        if (leaf.type == "Figure") {
            if (!leaf.alt.empty()) e.replaceKey("/Alt", Handle::newUnicodeString(leaf.alt));
            const double height = document_.geometry.height;
            Handle layout = Handle::newDictionary();
            layout.replaceKey("/O", name("/Layout"));
            layout.replaceKey("/BBox", Handle::newArray({Handle::newReal(leaf.bbox.x, 2),
                                                         Handle::newReal(height - leaf.bbox.bottom(), 2),
                                                         Handle::newReal(leaf.bbox.right(), 2),
                                                         Handle::newReal(height - leaf.bbox.y, 2)}));
            layout.replaceKey("/Placement", name("/Block"));
            e.replaceKey("/A", layout);
        }
        if (leaf.column_header) {
            Handle table = Handle::newDictionary();
            table.replaceKey("/O", name("/Table"));
            table.replaceKey("/Scope", name("/Column"));
            e.replaceKey("/A", table);
        }
        if (leaf.type == "Link") set_link_contents(e, leaf);
    }

    // The parent tree maps each marked-content sequence to its element: the
    // parts joined to an element now map to it.
    void redirect_parent_tree(Handle node) {
        if (!node.isDictionary()) return;
        Handle nums = node.getKey("/Nums");
        if (nums.isArray())
            for (int i = 1; i < nums.getArrayNItems(); i += 2) {
                Handle value = nums.getArrayItem(i);
                if (value.isArray()) {
                    for (int j = 0; j < value.getArrayNItems(); ++j) {
                        auto found = replaced_.find(value.getArrayItem(j).getObjGen());
                        if (found != replaced_.end()) value.setArrayItem(j, found->second);
                    }
                } else {
                    auto found = replaced_.find(value.getObjGen());
                    if (found != replaced_.end()) nums.setArrayItem(i, found->second);
                }
            }
        for (Handle kid : items_of(node.getKey("/Kids"))) redirect_parent_tree(kid);
    }

    QPDF& pdf_;
    const LaidOutDocument& document_;
    const std::vector<structure::Leaf>& leaves_;
    std::vector<std::pair<std::string, Handle>> open_;
    std::map<std::string, Handle> by_key_;
    std::map<std::string, std::string> text_;
    std::map<std::string, bool> needs_actual_text_;
    const Spanned& spanned_;
    std::map<QPDFObjGen, Handle> replaced_;
    std::set<QPDFObjGen> joined_;
};

// ---- Artifacts --------------------------------------------------------------

struct Operation {
    std::string op;
    std::size_t start = 0;  // first operand, or the operator when it has none
    std::size_t end = 0;    // after the operator
    std::vector<Handle> operands;
};

class Operations : public Handle::ParserCallbacks {
public:
    std::vector<Operation> list;
    void handleObject(Handle object, std::size_t offset, std::size_t length) override {
        if (pending_.operands.empty() && !object.isOperator()) pending_.start = offset;
        if (object.isOperator() || object.isInlineImage()) {
            if (object.isInlineImage()) {  // BI ... ID data EI: one painting operation from BI
                pending_.operands.push_back(object);
                return;
            }
            if (pending_.operands.empty()) pending_.start = offset;
            pending_.op = object.getOperatorValue();
            pending_.end = offset + length;
            if (pending_.op == "BI") {
                inline_image_start_ = pending_.start;
                pending_ = {};
                return;
            }
            if (pending_.op == "EI") pending_.start = inline_image_start_;
            list.push_back(std::move(pending_));
            pending_ = {};
            return;
        }
        pending_.operands.push_back(object);
    }
    void handleEOF() override {}

private:
    Operation pending_;
    std::size_t inline_image_start_ = 0;
};

bool is_path_construction(const std::string& op) {
    return op == "m" || op == "l" || op == "c" || op == "v" || op == "y" || op == "h" || op == "re";
}
bool is_path_painting(const std::string& op) {
    return op == "S" || op == "s" || op == "f" || op == "F" || op == "f*" || op == "B" || op == "B*" || op == "b" ||
           op == "b*";
}
bool is_text_showing(const std::string& op) { return op == "Tj" || op == "TJ" || op == "'" || op == "\""; }

// An empty /Span << /ActualText (soft hyphen) >>: cairo's trace of a soft
// hyphen where no line breaks. It paints nothing; read, it would put a soft
// hyphen inside a word.
bool is_soft_hyphen_span(const Operation& operation) {
    if (operation.op != "BDC" || operation.operands.size() != 2) return false;
    Handle properties = operation.operands[1];
    return properties.isDictionary() && properties.getKey("/ActualText").isString() &&
           properties.getKey("/ActualText").getUTF8Value() == "\u00AD" && !properties.hasKey("/MCID");
}

// Marks everything painted outside a tagged sequence as /Artifact, keeping
// marked content and text objects properly nested. Inside a tagged sequence,
// cairo's /Span << /ActualText >> sequences (a ligature, the space where a
// line breaks, a soft hyphen) are taken out, their glyphs kept: poppler
// 22.12 ends a tagged sequence's text at the first such span's EMC, and the
// element gets the whole text as its own /ActualText instead (`spanned`
// receives the MCIDs that held spans).
std::string mark_artifacts(const std::string& data, const std::vector<Operation>& operations, std::set<int>& spanned) {
    std::vector<int> mcids;  // of the open sequences, -1 for those without
    std::vector<std::pair<std::size_t, std::string>> inserts;
    std::vector<std::pair<std::size_t, std::size_t>> removals;
    std::vector<bool> sequences;  // open marked-content sequences: tagged (with an MCID) or not
    std::vector<bool> taken_out;  // of the open sequences: a span inside tagged content, removed
    int tagged = 0;
    bool in_text = false;
    bool artifact = false;
    std::size_t artifact_level = 0;
    bool artifact_in_text = false;
    std::size_t path_start = std::string::npos;
    auto close_artifact = [&](std::size_t at) {
        inserts.emplace_back(at, "EMC\n");
        artifact = false;
    };
    auto open_artifact = [&](std::size_t at) {
        inserts.emplace_back(at, "/Artifact BMC\n");
        artifact = true;
        artifact_level = sequences.size();
        artifact_in_text = in_text;
    };
    for (std::size_t i = 0; i < operations.size(); ++i) {
        const Operation& o = operations[i];
        if (is_soft_hyphen_span(o) && i + 1 < operations.size() && operations[i + 1].op == "EMC") {
            removals.emplace_back(o.start, operations[i + 1].end);
            ++i;
            continue;
        }
        if (o.op == "BDC" || o.op == "BMC") {
            Handle properties = o.operands.size() == 2 ? o.operands[1] : Handle::newNull();
            const bool with_mcid = o.op == "BDC" && properties.isDictionary() && properties.hasKey("/MCID");
            if (with_mcid && artifact) {
                if (artifact_in_text != in_text) fail("a tagged sequence begins inside a text object of an artifact");
                close_artifact(o.start);
            }
            bool remove = false;
            if (!with_mcid && properties.isDictionary() && properties.hasKey("/ActualText"))
                for (auto mcid = mcids.rbegin(); mcid != mcids.rend(); ++mcid)
                    if (*mcid >= 0) {
                        spanned.insert(*mcid);
                        remove = true;
                        break;
                    }
            if (remove) removals.emplace_back(o.start, o.end);
            taken_out.push_back(remove);
            sequences.push_back(with_mcid);
            mcids.push_back(with_mcid ? properties.getKey("/MCID").getIntValueAsInt() : -1);
            tagged += with_mcid ? 1 : 0;
        } else if (o.op == "EMC") {
            if (artifact && sequences.size() == artifact_level) close_artifact(o.start);
            if (!sequences.empty()) {
                if (taken_out.back()) removals.emplace_back(o.start, o.end);
                tagged -= sequences.back() ? 1 : 0;
                sequences.pop_back();
                mcids.pop_back();
                taken_out.pop_back();
            }
        } else if (o.op == "BT") {
            in_text = true;
        } else if (o.op == "ET") {
            if (artifact && artifact_in_text) close_artifact(o.start);
            in_text = false;
        } else if (is_path_construction(o.op)) {
            if (path_start == std::string::npos) path_start = o.start;
        } else if (o.op == "n") {
            path_start = std::string::npos;  // a clipping path: nothing painted
        } else if (is_path_painting(o.op) || is_text_showing(o.op) || o.op == "sh" || o.op == "Do" || o.op == "EI") {
            if (tagged == 0 && !artifact)
                open_artifact(is_path_painting(o.op) && path_start != std::string::npos ? path_start : o.start);
            path_start = std::string::npos;
        }
    }
    if (artifact) inserts.emplace_back(data.size(), "\nEMC\n");
    std::string out;
    std::size_t cursor = 0, insert = 0, removal = 0;
    // Inserts and removals are in stream order, and never overlap.
    while (cursor <= data.size()) {
        const std::size_t next_insert = insert < inserts.size() ? inserts[insert].first : std::string::npos;
        const std::size_t next_removal = removal < removals.size() ? removals[removal].first : std::string::npos;
        const std::size_t next = std::min({next_insert, next_removal, data.size()});
        out.append(data, cursor, next - cursor);
        cursor = next;
        if (next == next_insert) {
            out += inserts[insert++].second;
        } else if (next == next_removal) {
            cursor = removals[removal++].second;
        } else {
            break;
        }
    }
    return out;
}

std::set<int> mark_page_artifacts(QPDFPageObjectHelper page) {
    page.coalesceContentStreams();
    Handle contents = page.getObjectHandle().getKey("/Contents");
    if (contents.isArray() && contents.getArrayNItems() == 1) contents = contents.getArrayItem(0);
    std::set<int> spanned;
    if (!contents.isStream()) return spanned;
    const auto buffer = contents.getStreamData();
    const std::string data(reinterpret_cast<const char*>(buffer->getBuffer()), buffer->getSize());
    Operations operations;
    Handle::parseContentStream(contents, &operations);
    contents.replaceStreamData(mark_artifacts(data, operations.list, spanned), Handle::newNull(), Handle::newNull());
    return spanned;
}

}  // namespace

void finish_tagged_pdf(QPDF& pdf, const LaidOutDocument& document, const std::vector<structure::Leaf>& leaves) {
    Handle root = pdf.getRoot();
    Spanned spanned;
    for (QPDFPageObjectHelper& page : QPDFPageDocumentHelper(pdf).getAllPages()) {
        spanned[page.getObjectHandle().getObjGen()] = mark_page_artifacts(page);
        Handle dictionary = page.getObjectHandle();
        if (dictionary.getKey("/Annots").isArray() && dictionary.getKey("/Annots").getArrayNItems() > 0)
            dictionary.replaceKey("/Tabs", name("/S"));
    }
    if (!leaves.empty()) TreeBuilder(pdf, document, leaves, spanned).run();
    Handle mark_info = Handle::newDictionary();
    mark_info.replaceKey("/Marked", Handle::newBool(true));
    root.replaceKey("/MarkInfo", mark_info);
}

}  // namespace icc
