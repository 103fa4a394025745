#include "pdfcheck/pdfcheck.h"

#include <qpdf/QPDF.hh>
#include <qpdf/QPDFNumberTreeObjectHelper.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <unicode/locid.h>

#include <algorithm>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <pugixml.hpp>
#include <set>
#include <sstream>

#include "pdfcheck/content_scan.h"

namespace icc::pdfcheck {

namespace {

using detail::ContentScan;
using detail::McidKey;

// The standard structure types of ISO 32000-1, 14.8.4.
const std::set<std::string>& standard_types() {
    static const std::set<std::string> types{
        "Document", "Part",  "Art",    "Sect",   "Div",  "BlockQuote", "Caption", "TOC",     "TOCI",  "Index",
        "NonStruct", "Private", "P",   "H",      "H1",   "H2",         "H3",      "H4",      "H5",    "H6",
        "L",        "LI",    "Lbl",    "LBody",  "Table", "TR",        "TH",      "TD",      "THead", "TBody",
        "TFoot",    "Span",  "Quote",  "Note",   "Reference", "BibEntry", "Code", "Link",    "Annot", "Ruby",
        "RB",       "RT",    "RP",     "Warichu", "WT",  "WP",         "Figure",  "Formula", "Form"};
    return types;
}

bool is_grouping(const std::string& t) {
    static const std::set<std::string> types{"Document", "Part",  "Art",  "Sect",  "Div",       "BlockQuote",
                                             "Caption",  "TOC",   "TOCI", "Index", "NonStruct", "Private"};
    return types.count(t) > 0;
}
bool is_paragraph_like(const std::string& t) {
    return t == "P" || t == "H" || (t.size() == 2 && t[0] == 'H' && t[1] >= '1' && t[1] <= '6');
}
bool is_list_part(const std::string& t) { return t == "L" || t == "LI" || t == "LBody"; }
bool is_table_part(const std::string& t) {
    return t == "Table" || t == "TR" || t == "TH" || t == "TD" || t == "THead" || t == "TBody" || t == "TFoot";
}
// Block-level content a paragraph or an inline element may not hold.
bool is_block(const std::string& t) {
    return is_grouping(t) || is_paragraph_like(t) || is_list_part(t) || is_table_part(t) || t == "Lbl";
}
int heading_level(const std::string& t) {
    return t.size() == 2 && t[0] == 'H' && t[1] >= '1' && t[1] <= '6' ? t[1] - '0' : 0;
}

std::string name_of(QPDFObjectHandle object) { return object.isName() ? object.getName().substr(1) : std::string(); }

std::string text_of(QPDFObjectHandle object) {
    return object.isString() ? object.getUTF8Value() : std::string();
}

// The attribute dictionaries of an element (/A: a dictionary, a stream, or an
// array of them with revision numbers between).
std::vector<QPDFObjectHandle> attribute_dicts(QPDFObjectHandle element) {
    std::vector<QPDFObjectHandle> result;
    QPDFObjectHandle a = element.getKey("/A");
    auto add = [&](QPDFObjectHandle item) {
        if (item.isStream()) item = item.getDict();
        if (item.isDictionary()) result.push_back(item);
    };
    if (a.isArray()) {
        for (auto& item : a.getArrayAsVector()) add(item);
    } else {
        add(a);
    }
    return result;
}

QPDFObjectHandle attribute(QPDFObjectHandle element, const std::string& owner, const std::string& key) {
    for (auto& dict : attribute_dicts(element))
        if (name_of(dict.getKey("/O")) == owner && dict.hasKey(key)) return dict.getKey(key);
    return QPDFObjectHandle::newNull();
}

// A language tag as BCP 47 defines it (ICU parses strictly and fails on
// ill-formed tags); an empty string means "unknown" in PDF, which is not a language.
bool well_formed_language(const std::string& tag) {
    if (tag.empty()) return false;
    UErrorCode status = U_ZERO_ERROR;
    const icu::Locale locale = icu::Locale::forLanguageTag(tag, status);
    return U_SUCCESS(status) && !locale.isBogus() && std::string(locale.getLanguage()).size() >= 2;
}

struct Element {
    mutable QPDFObjectHandle object;  // qpdf 11 reads through non-const handles
    std::string written_type;  // /S as written
    std::string type;          // the standard type it is or maps to; empty when it maps to none
    int parent = -1;           // -1: a child of the StructTreeRoot
    std::vector<int> children;
    int page = 0;              // from /Pg, inherited from ancestors
    std::vector<McidKey> mcids;
    std::vector<QPDFObjGen> objects;  // /OBJR targets
};

struct StructureTree {
    std::vector<Element> elements;
    std::vector<int> roots;
    std::map<McidKey, int> element_of_mcid;
    std::map<QPDFObjGen, int> element_of_object;
    std::map<QPDFObjGen, int> element_index;  // by the element's own object
};

class Checker {
public:
    Checker(const std::filesystem::path& file, const Profiles& profiles) : file_(file), profiles_(profiles) {}

    CheckResult run() {
        try {
            pdf_.processFile(file_.string().c_str());
        } catch (const std::exception& e) {
            throw DiagnosticError(Diagnostic{Severity::error, {file_.string()}, std::string("cannot read PDF: ") + e.what()});
        }
        result_.file = file_.string();
        result_.profiles = profiles_;
        catalog_ = pdf_.getRoot();
        const auto& pages = pdf_.getAllPages();
        result_.pages = static_cast<int>(pages.size());
        for (std::size_t i = 0; i < pages.size(); ++i) page_number_[pages[i].getObjGen()] = static_cast<int>(i) + 1;

        read_metadata();
        if (profiles_.ua1) check_ua_document();
        if (profiles_.a2u) check_a_document();
        for (std::size_t i = 0; i < pages.size(); ++i) detail::scan_page(pages[i], static_cast<int>(i) + 1, scan_);
        result_.marked_content_sequences = scan_.sequences;
        if (profiles_.ua1) {
            read_structure();
            check_structure();
            check_parent_tree(pages);
            check_annotations(pages);
            for (auto& failure : scan_.failures) result_.failures.push_back(failure);
            check_forms_painted_once();
        }
        check_fonts();
        if (profiles_.a2u) check_a_objects();
        return std::move(result_);
    }

    StructureTree& tree() { return tree_; }
    ContentScan& scan() { return scan_; }
    QPDF& pdf() { return pdf_; }

    void read_for_text() {
        pdf_.processFile(file_.string().c_str());
        catalog_ = pdf_.getRoot();
        const auto& pages = pdf_.getAllPages();
        for (std::size_t i = 0; i < pages.size(); ++i) {
            page_number_[pages[i].getObjGen()] = static_cast<int>(i) + 1;
            detail::scan_page(pages[i], static_cast<int>(i) + 1, scan_);
        }
        read_structure();
    }

private:
    void fail(RuleSource source, std::string rule, std::string message, int page = 0,
              QPDFObjectHandle object = QPDFObjectHandle::newNull(), Severity severity = Severity::error) {
        Failure failure{source, std::move(rule), severity, page, 0, 0, std::move(message)};
        if (object.isIndirect()) {
            failure.object = object.getObjectID();
            failure.generation = object.getGeneration();
        }
        result_.failures.push_back(std::move(failure));
    }

    // ---- metadata -------------------------------------------------------

    struct Xmp {
        bool present = false;
        bool well_formed = false;
        std::map<std::string, std::string> values;  // "namespace-uri|local" -> text (first rdf:li of a container)
        std::set<std::string> described;  // namespaces an extension schema describes (pdfaSchema:namespaceURI)
        [[nodiscard]] const std::string* find(const std::string& ns, const std::string& local) const {
            auto found = values.find(ns + "|" + local);
            return found == values.end() ? nullptr : &found->second;
        }
    };

    static std::string namespace_of(pugi::xml_node node, const std::string& prefix) {
        const std::string attribute = prefix.empty() ? "xmlns" : "xmlns:" + prefix;
        for (; node; node = node.parent())
            if (auto a = node.attribute(attribute.c_str())) return a.value();
        return {};
    }

    static std::pair<std::string, std::string> split_name(const std::string& name) {
        const auto colon = name.find(':');
        return colon == std::string::npos ? std::pair{std::string(), name}
                                          : std::pair{name.substr(0, colon), name.substr(colon + 1)};
    }

    // The text of a property element: its own text, or that of the x-default
    // (else the first) rdf:li of an Alt, Seq or Bag.
    static std::string property_text(pugi::xml_node property) {
        std::string fallback;
        for (pugi::xml_node container : property.children()) {
            for (pugi::xml_node item : container.children()) {
                if (std::string(item.name()).find(":li") == std::string::npos) continue;
                const std::string value = item.text().get();
                if (std::string(item.attribute("xml:lang").value()) == "x-default") return value;
                if (fallback.empty()) fallback = value;
            }
        }
        return fallback.empty() ? std::string(property.text().get()) : fallback;
    }

    void read_metadata() {
        QPDFObjectHandle stream = catalog_.getKey("/Metadata");
        if (!stream.isStream()) return;
        xmp_.present = true;
        std::string bytes;
        try {
            auto buffer = stream.getStreamData(qpdf_dl_generalized);
            bytes.assign(reinterpret_cast<const char*>(buffer->getBuffer()), buffer->getSize());
        } catch (const std::exception&) {
            return;
        }
        pugi::xml_document document;
        if (!document.load_buffer(bytes.data(), bytes.size())) return;
        xmp_.well_formed = true;
        std::function<void(pugi::xml_node)> visit = [&](pugi::xml_node node) {
            for (pugi::xml_node child : node.children()) {
                if (child.type() != pugi::node_element) continue;
                const auto [prefix, local] = split_name(child.name());
                if (local == "Description") {
                    for (pugi::xml_attribute a : child.attributes()) {
                        const auto [aprefix, alocal] = split_name(a.name());
                        if (aprefix.empty() || aprefix == "xmlns" || aprefix == "rdf") continue;
                        xmp_.values.emplace(namespace_of(child, aprefix) + "|" + alocal, a.value());
                    }
                    for (pugi::xml_node property : child.children()) {
                        if (property.type() != pugi::node_element) continue;
                        const auto [pprefix, plocal] = split_name(property.name());
                        xmp_.values.emplace(namespace_of(property, pprefix) + "|" + plocal, property_text(property));
                    }
                }
                if (local == "namespaceURI" && namespace_of(child, prefix) == pdfa_schema)
                    xmp_.described.insert(child.text().get());
                visit(child);
            }
        };
        visit(document);
    }

    static constexpr const char* dc = "http://purl.org/dc/elements/1.1/";
    static constexpr const char* pdfuaid = "http://www.aiim.org/pdfua/ns/id/";
    static constexpr const char* pdfaid = "http://www.aiim.org/pdfa/ns/id/";
    static constexpr const char* adobe_pdf = "http://ns.adobe.com/pdf/1.3/";
    static constexpr const char* xmp_basic = "http://ns.adobe.com/xap/1.0/";
    static constexpr const char* pdfa_schema = "http://www.aiim.org/pdfa/ns/schema#";

    // The schemas PDF/A-2 accepts in XMP without an extension schema: those
    // of XMP 2005 and PDF/A's own (ISO 19005-2, 6.6.2.3.1).
    static bool predefined_in_pdf_a(const std::string& ns) {
        static const std::set<std::string> predefined{
            "http://purl.org/dc/elements/1.1/",          "http://ns.adobe.com/xap/1.0/",
            "http://ns.adobe.com/xap/1.0/rights/",       "http://ns.adobe.com/xap/1.0/mm/",
            "http://ns.adobe.com/xap/1.0/bj/",           "http://ns.adobe.com/xap/1.0/t/pg/",
            "http://ns.adobe.com/xmp/1.0/DynamicMedia/", "http://ns.adobe.com/pdf/1.3/",
            "http://ns.adobe.com/photoshop/1.0/",        "http://ns.adobe.com/camera-raw-settings/1.0/",
            "http://ns.adobe.com/exif/1.0/",             "http://ns.adobe.com/exif/1.0/aux/",
            "http://ns.adobe.com/tiff/1.0/",             "http://ns.adobe.com/xmp/Identifier/qual/1.0/",
            "http://www.aiim.org/pdfa/ns/id/",           "http://www.aiim.org/pdfa/ns/extension/"};
        return predefined.count(ns) > 0;
    }

    // ---- PDF/UA-1, the document as a whole --------------------------------

    void check_ua_document() {
        QPDFObjectHandle mark_info = catalog_.getKey("/MarkInfo");
        if (!mark_info.isDictionary() || !mark_info.getKey("/Marked").isBool() ||
            !mark_info.getKey("/Marked").getBoolValue())
            fail(RuleSource::pdf_ua, "7.1",
                 "the catalog has no /MarkInfo << /Marked true >>: the file does not declare itself a tagged PDF");
        else if (mark_info.getKey("/Suspects").isBool() && mark_info.getKey("/Suspects").getBoolValue())
            fail(RuleSource::matterhorn, "01-007", "/MarkInfo /Suspects is true");

        if (!xmp_.present)
            fail(RuleSource::matterhorn, "06-001", "the catalog has no XMP /Metadata stream");
        else if (!xmp_.well_formed)
            fail(RuleSource::matterhorn, "06-001", "the XMP /Metadata stream is not well-formed XML",
                 0, catalog_.getKey("/Metadata"));
        if (xmp_.well_formed) {
            const std::string* part = xmp_.find(pdfuaid, "part");
            if (!part)
                fail(RuleSource::matterhorn, "06-002", "the XMP metadata has no PDF/UA identification (pdfuaid:part)",
                     0, catalog_.getKey("/Metadata"));
            else if (*part != "1")
                fail(RuleSource::matterhorn, "06-002", "pdfuaid:part is \"" + *part + "\", expected 1", 0,
                     catalog_.getKey("/Metadata"));
            const std::string* title = xmp_.find(dc, "title");
            if (!title || title->empty())
                fail(RuleSource::matterhorn, "06-003", "the XMP metadata has no dc:title", 0,
                     catalog_.getKey("/Metadata"));
        }

        QPDFObjectHandle preferences = catalog_.getKey("/ViewerPreferences");
        QPDFObjectHandle display = preferences.isDictionary() ? preferences.getKey("/DisplayDocTitle")
                                                              : QPDFObjectHandle::newNull();
        if (!display.isBool())
            fail(RuleSource::matterhorn, "07-001", "/ViewerPreferences has no /DisplayDocTitle");
        else if (!display.getBoolValue())
            fail(RuleSource::matterhorn, "07-002", "/ViewerPreferences /DisplayDocTitle is false");

        QPDFObjectHandle lang = catalog_.getKey("/Lang");
        if (!lang.isString()) {
            fail(RuleSource::matterhorn, "11-001",
                 "the catalog has no /Lang: the natural language of the text cannot be determined");
        } else if (!well_formed_language(text_of(lang))) {
            fail(RuleSource::matterhorn, "11-001",
                 "the catalog's /Lang \"" + text_of(lang) + "\" is not a well-formed BCP 47 language tag");
        } else {
            document_language_ = true;
        }
        if (!document_language_ && catalog_.getKey("/Outlines").isDictionary() &&
            catalog_.getKey("/Outlines").hasKey("/First"))
            fail(RuleSource::matterhorn, "11-003",
                 "without a catalog /Lang the language of the outline entries cannot be determined");

        int R = 0, P = 0;
        if (pdf_.isEncrypted(R, P) && !pdf_.allowAccessibility())
            fail(RuleSource::matterhorn, "26-002",
                 "the file is encrypted and its permissions (/P bit 10) forbid assistive technology to extract text");

        QPDFObjectHandle tree_root = catalog_.getKey("/StructTreeRoot");
        if (!tree_root.isDictionary()) {
            fail(RuleSource::pdf_ua, "7.1",
                 "the catalog has no /StructTreeRoot: the document has no structure tree (it is not tagged)");
        } else if (!tree_root.getKey("/ParentTree").isDictionary()) {
            fail(RuleSource::pdf, "14.7.4.4", "the /StructTreeRoot has no /ParentTree", 0, tree_root);
        }
    }

    // ---- PDF/A-2u, the document as a whole ---------------------------------

    void check_a_document() {
        QPDFObjectHandle trailer = pdf_.getTrailer();
        if (trailer.hasKey("/Encrypt") || pdf_.isEncrypted())
            fail(RuleSource::pdf_a, "6.1.3", "the file is encrypted (/Encrypt in the trailer)");
        if (!trailer.getKey("/ID").isArray())
            fail(RuleSource::pdf_a, "6.1.3", "the trailer has no /ID");

        if (!xmp_.present) {
            fail(RuleSource::pdf_a, "6.6.2.1", "the catalog has no XMP /Metadata stream");
        } else if (!xmp_.well_formed) {
            fail(RuleSource::pdf_a, "6.6.2.1", "the XMP /Metadata stream is not well-formed XML", 0,
                 catalog_.getKey("/Metadata"));
        } else {
            const std::string* part = xmp_.find(pdfaid, "part");
            const std::string* conformance = xmp_.find(pdfaid, "conformance");
            if (!part || *part != "2")
                fail(RuleSource::pdf_a, "6.6.4",
                     part ? "pdfaid:part is \"" + *part + "\", expected 2" : "the XMP metadata has no pdfaid:part", 0,
                     catalog_.getKey("/Metadata"));
            // Level A includes level U (ISO 19005-2, 2.2): both identify a file with Unicode text.
            if (!conformance || (*conformance != "U" && *conformance != "A"))
                fail(RuleSource::pdf_a, "6.6.4",
                     conformance ? "pdfaid:conformance is \"" + *conformance + "\", expected U"
                                 : "the XMP metadata has no pdfaid:conformance",
                     0, catalog_.getKey("/Metadata"));
            check_info_matches_xmp();
            std::set<std::string> undescribed;
            for (const auto& [key, value] : xmp_.values) {
                const std::string ns = key.substr(0, key.find('|'));
                if (!predefined_in_pdf_a(ns) && !xmp_.described.count(ns)) undescribed.insert(ns);
            }
            for (const std::string& ns : undescribed)
                fail(RuleSource::pdf_a, "6.6.2.3.1",
                     "the XMP metadata uses the schema " + ns +
                         ", which PDF/A-2 does not predefine, without describing it in pdfaExtension:schemas",
                     0, catalog_.getKey("/Metadata"));
        }

        QPDFObjectHandle intents = catalog_.getKey("/OutputIntents");
        QPDFObjectHandle profile = QPDFObjectHandle::newNull();
        bool found = false;
        if (intents.isArray()) {
            for (auto& intent : intents.getArrayAsVector()) {
                if (!intent.isDictionary() || name_of(intent.getKey("/S")) != "GTS_PDFA1") continue;
                QPDFObjectHandle destination = intent.getKey("/DestOutputProfile");
                if (found && destination.getObjGen() != profile.getObjGen())
                    fail(RuleSource::pdf_a, "6.2.2",
                         "two GTS_PDFA1 output intents have different destination profiles", 0, intent);
                found = true;
                profile = destination;
            }
        }
        if (!found) {
            fail(RuleSource::pdf_a, "6.2.2", "the catalog has no /OutputIntents entry with /S /GTS_PDFA1");
        } else if (!profile.isStream()) {
            fail(RuleSource::pdf_a, "6.2.2", "the GTS_PDFA1 output intent has no embedded ICC profile (/DestOutputProfile)");
        } else {
            check_icc_profile(profile);
        }
        has_output_intent_ = found;
    }

    void check_icc_profile(QPDFObjectHandle profile) {
        std::string bytes;
        try {
            auto buffer = profile.getStreamData(qpdf_dl_generalized);
            bytes.assign(reinterpret_cast<const char*>(buffer->getBuffer()), buffer->getSize());
        } catch (const std::exception&) {
        }
        if (!is_icc_profile(bytes)) {
            fail(RuleSource::pdf_a, "6.2.2", "the output intent's /DestOutputProfile is not an ICC profile", 0, profile);
            return;
        }
        const std::string space(icc_colour_space(bytes));
        const int components = icc_components(space);
        QPDFObjectHandle n = profile.getDict().getKey("/N");
        if (components == 0)
            fail(RuleSource::pdf_a, "6.2.2", "the output profile's colour space \"" + space + "\" is not RGB, grey or CMYK",
                 0, profile);
        else if (!n.isInteger() || n.getIntValue() != components)
            fail(RuleSource::pdf_a, "6.2.2",
                 "the output profile has " + std::to_string(components) + " components but /N says otherwise", 0,
                 profile);
        // The profile's version: PDF/A-2 allows ICC versions up to 4.
        if (static_cast<unsigned char>(bytes[8]) > 4)
            fail(RuleSource::pdf_a, "6.2.2", "the output profile's ICC version is later than 4", 0, profile);
    }

    void check_info_matches_xmp() {
        QPDFObjectHandle info = pdf_.getTrailer().getKey("/Info");
        if (!info.isDictionary()) return;
        const std::pair<const char*, std::pair<const char*, const char*>> pairs[] = {
            {"/Title", {dc, "title"}},          {"/Author", {dc, "creator"}},
            {"/Subject", {dc, "description"}},  {"/Keywords", {adobe_pdf, "Keywords"}},
            {"/Creator", {xmp_basic, "CreatorTool"}}, {"/Producer", {adobe_pdf, "Producer"}}};
        for (const auto& [key, property] : pairs) {
            QPDFObjectHandle value = info.getKey(key);
            if (!value.isString()) continue;
            const std::string* xmp = xmp_.find(property.first, property.second);
            const std::string prefix = property.first == std::string(dc) ? "dc:" :
                                       property.first == std::string(adobe_pdf) ? "pdf:" : "xmp:";
            if (!xmp)
                fail(RuleSource::pdf_a, "6.6.3",
                     std::string("the Info dictionary has ") + key + " but the XMP metadata has no " + prefix +
                         property.second, 0, info);
            else if (*xmp != text_of(value))
                fail(RuleSource::pdf_a, "6.6.3",
                     std::string("Info ") + key + " \"" + text_of(value) + "\" differs from XMP " + prefix +
                         property.second + " \"" + *xmp + "\"", 0, info);
        }
    }

    // ---- the structure tree -----------------------------------------------

    std::string resolve_role(const std::string& written, QPDFObjectHandle element) {
        if (standard_types().count(written)) return written;
        auto cached = role_cache_.find(written);
        if (cached != role_cache_.end()) return cached->second;
        QPDFObjectHandle role_map = catalog_.getKey("/StructTreeRoot").getKey("/RoleMap");
        std::string type = written;
        std::set<std::string> seen{written};
        std::string resolved;
        while (true) {
            QPDFObjectHandle next = role_map.isDictionary() ? role_map.getKey("/" + type) : QPDFObjectHandle::newNull();
            if (!next.isName()) {
                fail(RuleSource::matterhorn, "02-001",
                     "the structure type /" + written + " is not standard and its role mapping does not end in a "
                     "standard type", page_of(element), element);
                break;
            }
            type = name_of(next);
            if (standard_types().count(type)) {
                resolved = type;
                break;
            }
            if (!seen.insert(type).second) {
                fail(RuleSource::matterhorn, "02-002", "the role mapping of /" + written + " is circular",
                     page_of(element), element);
                break;
            }
        }
        role_cache_[written] = resolved;
        return resolved;
    }

    int page_of(QPDFObjectHandle element) {
        QPDFObjectHandle pg = element.isDictionary() ? element.getKey("/Pg") : QPDFObjectHandle::newNull();
        auto found = page_number_.find(pg.getObjGen());
        return found == page_number_.end() ? 0 : found->second;
    }

    void read_structure() {
        QPDFObjectHandle root = catalog_.getKey("/StructTreeRoot");
        if (!root.isDictionary()) return;
        QPDFObjectHandle role_map = root.getKey("/RoleMap");
        if (role_map.isDictionary() && profiles_.ua1)
            for (const std::string& key : role_map.getKeys())
                if (standard_types().count(key.substr(1)))
                    fail(RuleSource::matterhorn, "02-003",
                         "the standard structure type " + key + " is remapped to " + role_map.getKey(key).unparse(), 0,
                         role_map);
        std::set<QPDFObjGen> visited;
        std::function<void(QPDFObjectHandle, int, QPDFObjectHandle)> visit_kids;
        auto visit_element = [&](QPDFObjectHandle node, int parent, QPDFObjectHandle page) {
            if (node.isIndirect() && !visited.insert(node.getObjGen()).second) {
                fail(RuleSource::pdf, "14.7.2", "a structure element is reached twice in the structure tree",
                     page_of(node), node);
                return;
            }
            Element element;
            element.object = node;
            element.written_type = name_of(node.getKey("/S"));
            element.parent = parent;
            if (node.getKey("/Pg").isDictionary()) page = node.getKey("/Pg");
            auto found = page_number_.find(page.getObjGen());
            element.page = found == page_number_.end() ? 0 : found->second;
            if (element.written_type.empty())
                fail(RuleSource::pdf, "14.7.2", "a structure element has no /S", element.page, node);
            else
                element.type = resolve_role(element.written_type, node);
            const int index = static_cast<int>(tree_.elements.size());
            tree_.elements.push_back(std::move(element));
            if (node.isIndirect()) tree_.element_index[node.getObjGen()] = index;
            if (parent < 0)
                tree_.roots.push_back(index);
            else
                tree_.elements[parent].children.push_back(index);
            visit_kids(node.getKey("/K"), index, page);
        };
        visit_kids = [&](QPDFObjectHandle kids, int parent, QPDFObjectHandle page) {
            if (kids.isArray()) {
                for (auto& kid : kids.getArrayAsVector()) visit_kids(kid, parent, page);
                return;
            }
            if (kids.isInteger()) {
                if (parent < 0) return;
                if (!page.isDictionary()) {
                    fail(RuleSource::pdf, "14.7.2", "a marked-content reference has no page (/Pg)",
                         0, tree_.elements[parent].object);
                    return;
                }
                const McidKey key{page.getObjGen(), static_cast<int>(kids.getIntValue())};
                tree_.elements[parent].mcids.push_back(key);
                tree_.element_of_mcid.emplace(key, parent);
                return;
            }
            if (!kids.isDictionary()) return;
            const std::string type = name_of(kids.getKey("/Type"));
            if (type == "MCR") {
                QPDFObjectHandle pg = kids.getKey("/Pg").isDictionary() ? kids.getKey("/Pg") : page;
                QPDFObjectHandle stream = kids.getKey("/Stm");
                const QPDFObjGen owner = stream.isStream() ? stream.getObjGen() : pg.getObjGen();
                if (parent >= 0 && kids.getKey("/MCID").isInteger()) {
                    const McidKey key{owner, static_cast<int>(kids.getKey("/MCID").getIntValue())};
                    tree_.elements[parent].mcids.push_back(key);
                    tree_.element_of_mcid.emplace(key, parent);
                }
            } else if (type == "OBJR") {
                if (parent >= 0 && kids.getKey("/Obj").isIndirect()) {
                    tree_.elements[parent].objects.push_back(kids.getKey("/Obj").getObjGen());
                    tree_.element_of_object.emplace(kids.getKey("/Obj").getObjGen(), parent);
                }
            } else {
                visit_element(kids, parent, page);
            }
        };
        visit_kids(root.getKey("/K"), -1, QPDFObjectHandle::newNull());
        result_.structure_elements = static_cast<int>(tree_.elements.size());
    }

    void element_fail(const Element& e, RuleSource source, std::string rule, std::string message,
                      Severity severity = Severity::error) {
        fail(source, std::move(rule), std::move(message), e.page, e.object, severity);
    }

    std::string label(const Element& e) const {
        return e.written_type == e.type || e.type.empty() ? e.written_type : e.written_type + " (" + e.type + ")";
    }

    void check_structure() {
        if (!catalog_.getKey("/StructTreeRoot").isDictionary()) return;
        if (tree_.elements.empty())
            fail(RuleSource::pdf_ua, "7.1", "the structure tree is empty", 0, catalog_.getKey("/StructTreeRoot"));
        std::vector<int> headings;
        bool uses_h = false;
        std::map<std::string, int> note_ids;
        std::function<void(int, bool)> visit = [&](int index, bool language_known) {
            const Element& e = tree_.elements[index];
            const std::string parent_type = e.parent < 0 ? "" : tree_.elements[e.parent].type;
            check_nesting(e, parent_type);
            if (heading_level(e.type)) headings.push_back(index);
            if (e.type == "H") uses_h = true;
            int h_children = 0;
            for (int child : e.children) h_children += tree_.elements[child].type == "H";
            if (h_children > 1)
                element_fail(e, RuleSource::matterhorn, "14-006",
                             label(e) + " holds " + std::to_string(h_children) + " H elements");

            QPDFObjectHandle lang = e.object.getKey("/Lang");
            if (lang.isString()) {
                if (well_formed_language(text_of(lang)))
                    language_known = true;
                else
                    element_fail(e, RuleSource::matterhorn, "11-001",
                                 label(e) + " has /Lang \"" + text_of(lang) + "\", not a well-formed BCP 47 tag");
            }
            const bool alt = e.object.getKey("/Alt").isString();
            const bool actual = e.object.getKey("/ActualText").isString();
            if ((alt || actual || e.object.getKey("/E").isString()) && !language_known)
                element_fail(e, RuleSource::matterhorn, "11-002",
                             "the language of " + label(e) + "'s /Alt, /ActualText or /E cannot be determined");
            if (e.type == "Figure") {
                if (!alt && !actual)
                    element_fail(e, RuleSource::matterhorn, "13-004", "Figure has neither /Alt nor /ActualText");
                if (!attribute(e.object, "Layout", "/BBox").isArray())
                    element_fail(e, RuleSource::pdf, "14.8.5.4.3",
                                 "Figure has no /BBox in its Layout attributes (Tagged PDF asks for one; PDF/UA does not)",
                                 Severity::warning);
            }
            if (e.type == "Formula" && !alt)
                element_fail(e, RuleSource::matterhorn, "17-002", "Formula has no /Alt");
            if (e.type == "Note") {
                QPDFObjectHandle id = e.object.getKey("/ID");
                if (!id.isString())
                    element_fail(e, RuleSource::matterhorn, "19-003", "Note has no /ID");
                else if (++note_ids[id.getStringValue()] == 2)
                    element_fail(e, RuleSource::matterhorn, "19-004", "Note /ID \"" + text_of(id) + "\" is not unique");
            }
            if (e.type == "Link" && e.objects.empty())
                element_fail(e, RuleSource::pdf_ua, "7.18.5", "Link element has no /OBJR to its link annotation");
            if (e.type == "Table") check_table_headers(e);
            for (int child : e.children) visit(child, language_known);
        };
        for (int root : tree_.roots) visit(root, document_language_);

        int previous = 0;
        for (std::size_t i = 0; i < headings.size(); ++i) {
            const Element& e = tree_.elements[headings[i]];
            const int level = heading_level(e.type);
            if (i == 0 && level != 1)
                element_fail(e, RuleSource::matterhorn, "14-002",
                             "the first numbered heading is " + label(e) + ", not H1");
            else if (i > 0 && level > previous + 1)
                element_fail(e, RuleSource::matterhorn, "14-003",
                             label(e) + " follows H" + std::to_string(previous) + ": a heading level is skipped");
            previous = level;
        }
        if (uses_h && !headings.empty())
            fail(RuleSource::matterhorn, "14-007", "the document uses both H and numbered H1-H6 headings");
    }

    void check_nesting(const Element& e, const std::string& parent) {
        const std::string& t = e.type;
        if (t.empty()) return;
        auto wrong = [&](RuleSource source, const char* rule, const std::string& why) {
            element_fail(e, source, rule, label(e) + (parent.empty() ? " at the top of the tree" : " inside " + parent) +
                                              ": " + why);
        };
        // Where an element may stand, by its own type (ISO 32000-1, Tables 333-337).
        if (t == "TR" && parent != "Table" && parent != "THead" && parent != "TBody" && parent != "TFoot")
            wrong(RuleSource::matterhorn, "09-004", "a TR belongs in a Table, THead, TBody or TFoot");
        else if ((t == "TH" || t == "TD") && parent != "TR")
            wrong(RuleSource::matterhorn, "09-004", "table cells belong in a TR");
        else if ((t == "THead" || t == "TBody" || t == "TFoot") && parent != "Table")
            wrong(RuleSource::matterhorn, "09-004", "row groups belong in a Table");
        else if (t == "LI" && parent != "L")
            wrong(RuleSource::matterhorn, "09-005", "an LI belongs in an L");
        else if (t == "LBody" && parent != "LI")
            wrong(RuleSource::matterhorn, "09-005", "an LBody belongs in an LI");
        else if (t == "Lbl" && parent != "LI" && parent != "TOCI" && parent != "Note" && parent != "BibEntry")
            wrong(RuleSource::matterhorn, "09-005", "an Lbl belongs in an LI (or a TOCI, Note or BibEntry)");
        else if (t == "TOCI" && parent != "TOC")
            wrong(RuleSource::matterhorn, "09-006", "a TOCI belongs in a TOC");
        else if (t == "Document" && !parent.empty())
            wrong(RuleSource::pdf, "14.8.4.2", "Document is the root of the tree, never inside another element");
        // What a container may hold.
        else if (!parent.empty() && (is_paragraph_like(parent) ||
                                     (!is_grouping(parent) && !is_paragraph_like(parent) && !is_list_part(parent) &&
                                      !is_table_part(parent) && parent != "Note" && parent != "Figure" &&
                                      parent != "Form" && parent != "Formula" && parent != "Lbl")) &&
                 is_block(t))
            wrong(RuleSource::pdf, "14.8.4.3", "a paragraph, heading or inline element holds only inline content");

        const auto kinds = [&](const Element& parent_element) {
            std::vector<std::string> types;
            for (int child : parent_element.children)  // an unmapped type (02-001) says nothing of nesting
                if (!tree_.elements[child].type.empty()) types.push_back(tree_.elements[child].type);
            return types;
        };
        if (t == "Table") {
            std::vector<std::string> types = kinds(e);
            if (!types.empty() && types.front() == "Caption") types.erase(types.begin());
            else if (!types.empty() && types.back() == "Caption") types.pop_back();
            const bool rows = !types.empty() && std::all_of(types.begin(), types.end(), [](auto& k) { return k == "TR"; });
            bool groups = !types.empty();
            std::size_t i = 0;
            if (i < types.size() && types[i] == "THead") ++i;
            const std::size_t bodies = i;
            while (i < types.size() && types[i] == "TBody") ++i;
            if (i == bodies) groups = false;
            if (i < types.size() && types[i] == "TFoot") ++i;
            if (i != types.size()) groups = false;
            if (!rows && !groups)
                element_fail(e, RuleSource::matterhorn, "09-004",
                             "Table holds neither TR rows only nor THead? TBody+ TFoot? (with an optional Caption)");
        } else if (t == "THead" || t == "TBody" || t == "TFoot") {
            for (auto& k : kinds(e))
                if (k != "TR") element_fail(e, RuleSource::matterhorn, "09-004", t + " holds a " + k + ", not a TR");
        } else if (t == "TR") {
            if (e.children.empty()) element_fail(e, RuleSource::matterhorn, "09-004", "TR holds no TH or TD");
            for (auto& k : kinds(e))
                if (k != "TH" && k != "TD")
                    element_fail(e, RuleSource::matterhorn, "09-004", "TR holds a " + k + ", not a TH or TD");
        } else if (t == "L") {
            std::vector<std::string> types = kinds(e);
            if (!types.empty() && types.front() == "Caption") types.erase(types.begin());
            if (types.empty()) element_fail(e, RuleSource::matterhorn, "09-005", "L holds no LI");
            for (auto& k : types)
                if (k != "LI") element_fail(e, RuleSource::matterhorn, "09-005", "L holds a " + k + ", not an LI");
        } else if (t == "LI") {
            if (e.children.empty()) element_fail(e, RuleSource::matterhorn, "09-005", "LI holds neither Lbl nor LBody");
            for (auto& k : kinds(e))
                if (k != "Lbl" && k != "LBody")
                    element_fail(e, RuleSource::matterhorn, "09-005", "LI holds a " + k + ", not an Lbl or LBody");
        } else if (t == "TOC") {
            for (auto& k : kinds(e))
                if (k != "TOC" && k != "TOCI" && k != "Caption")
                    element_fail(e, RuleSource::matterhorn, "09-006", "TOC holds a " + k + ", not a TOCI or TOC");
        } else if (t == "TOCI") {
            for (auto& k : kinds(e))
                if (k != "Lbl" && k != "Reference" && k != "P" && k != "NonStruct" && k != "TOC")
                    element_fail(e, RuleSource::matterhorn, "09-006",
                                 "TOCI holds a " + k + ", not an Lbl, Reference, P, NonStruct or TOC");
        }
    }

    // TH cells need /Scope unless the table is organised with /Headers and /ID (15-003);
    // in such a table every TD names its headers (15-005).
    void check_table_headers(const Element& table) {
        std::vector<int> cells;
        std::function<void(int)> collect = [&](int index) {
            for (int child : tree_.elements[index].children) {
                const std::string& t = tree_.elements[child].type;
                if (t == "Table") continue;  // a nested table is checked on its own
                if (t == "TH" || t == "TD") cells.push_back(child);
                collect(child);
            }
        };
        collect(static_cast<int>(&table - tree_.elements.data()));
        bool by_headers = false;
        for (int cell : cells)
            if (attribute(tree_.elements[cell].object, "Table", "/Headers").isArray()) by_headers = true;
        for (int cell : cells) {
            const Element& c = tree_.elements[cell];
            if (!by_headers && c.type == "TH" && !attribute(c.object, "Table", "/Scope").isName())
                element_fail(c, RuleSource::matterhorn, "15-003",
                             "TH has no /Scope and the table does not use /Headers and /ID");
            if (by_headers && c.type == "TD" && !attribute(c.object, "Table", "/Headers").isArray())
                element_fail(c, RuleSource::matterhorn, "15-005",
                             "TD names no /Headers in a table organised by /Headers: its header cannot be determined");
        }
    }

    // ---- the parent tree and the content ------------------------------------

    void check_parent_tree(std::vector<QPDFObjectHandle> pages) {
        QPDFObjectHandle root = catalog_.getKey("/StructTreeRoot");
        QPDFObjectHandle parent_tree = root.isDictionary() ? root.getKey("/ParentTree") : QPDFObjectHandle::newNull();
        // Without a tree or a parent tree (reported once already), only the unclaimed MCIDs are worth saying.
        const bool map_checks = parent_tree.isDictionary();
        std::shared_ptr<QPDFNumberTreeObjectHelper> numbers;
        if (parent_tree.isDictionary()) numbers = std::make_shared<QPDFNumberTreeObjectHelper>(parent_tree, pdf_);
        auto lookup = [numbers](long long key) {
            QPDFObjectHandle value = QPDFObjectHandle::newNull();
            if (numbers) {
                try {
                    numbers->findObject(key, value);
                } catch (const std::exception&) {
                }
            }
            return value;
        };

        // Every MCID in a page's content: claimed by an element, and mapped by the ParentTree.
        std::map<QPDFObjGen, QPDFObjectHandle> owners;  // page or form object by id
        for (auto page : pages) owners[page.getObjGen()] = page;
        std::map<QPDFObjGen, std::vector<int>> mcids_of_owner;
        for (const auto& [key, text] : scan_.text_by_mcid) mcids_of_owner[key.first].push_back(key.second);
        for (const auto& [owner, mcids] : mcids_of_owner) {
            QPDFObjectHandle object = owners.count(owner) ? owners[owner] : pdf_.getObject(owner);
            QPDFObjectHandle dict = object.isStream() ? object.getDict() : object;
            const int page = page_number_.count(owner) ? page_number_[owner] : scan_.page_of_mcid[{owner, mcids[0]}];
            int unclaimed = 0;
            std::string unclaimed_list;
            for (int mcid : mcids) {
                if (tree_.element_of_mcid.count({owner, mcid})) continue;
                if (unclaimed++ < 8) unclaimed_list += (unclaimed > 1 ? ", " : "") + std::to_string(mcid);
            }
            if (unclaimed)
                fail(RuleSource::matterhorn, "01-005",
                     std::to_string(unclaimed) + " marked-content sequence(s) with an MCID (" + unclaimed_list +
                         (unclaimed > 8 ? ", ..." : "") + ") belong to no structure element",
                     page, object);
            if (!map_checks) continue;
            QPDFObjectHandle struct_parents = dict.getKey("/StructParents");
            if (!struct_parents.isInteger()) {
                fail(RuleSource::pdf, "14.7.4.4",
                     std::string(object.isStream() ? "a form XObject" : "the page") +
                         " has marked content with MCIDs but no /StructParents", page, object);
                continue;
            }
            QPDFObjectHandle array = lookup(struct_parents.getIntValue());
            if (!array.isArray()) {
                fail(RuleSource::pdf, "14.7.4.4",
                     "the ParentTree has no array for /StructParents " + std::to_string(struct_parents.getIntValue()),
                     page, object);
                continue;
            }
            for (int mcid : mcids) {
                QPDFObjectHandle parent = mcid < array.getArrayNItems() ? array.getArrayItem(mcid)
                                                                         : QPDFObjectHandle::newNull();
                auto claimed = tree_.element_of_mcid.find({owner, mcid});
                if (!parent.isDictionary()) {
                    fail(RuleSource::pdf, "14.7.4.4",
                         "the ParentTree maps MCID " + std::to_string(mcid) + " to no structure element", page, object);
                } else if (claimed != tree_.element_of_mcid.end() &&
                           parent.getObjGen() != tree_.elements[claimed->second].object.getObjGen()) {
                    fail(RuleSource::pdf, "14.7.4.4",
                         "the ParentTree maps MCID " + std::to_string(mcid) + " to object " +
                             std::to_string(parent.getObjectID()) + ", but it is a kid of object " +
                             std::to_string(tree_.elements[claimed->second].object.getObjectID()),
                         page, object);
                }
            }
        }
        // Every marked-content reference of the tree: present in the content.
        for (const auto& [key, index] : tree_.element_of_mcid) {
            if (scan_.text_by_mcid.count(key)) continue;
            const Element& e = tree_.elements[index];
            element_fail(e, RuleSource::pdf, "14.7.4.2",
                         label(e) + " refers to MCID " + std::to_string(key.second) +
                             ", which the content stream does not have");
        }
        parent_lookup_ = lookup;
    }

    void check_forms_painted_once() {
        for (const auto& [form, uses] : scan_.form_uses)
            if (uses > 1)
                fail(RuleSource::matterhorn, "30-002",
                     "a form XObject with MCIDs is painted " + std::to_string(uses) + " times", 0, pdf_.getObject(form));
    }

    void check_annotations(std::vector<QPDFObjectHandle> pages) {
        for (std::size_t p = 0; p < pages.size(); ++p) {
            const int page = static_cast<int>(p) + 1;
            QPDFObjectHandle annots = pages[p].getKey("/Annots");
            if (!annots.isArray() || annots.getArrayNItems() == 0) continue;
            QPDFObjectHandle tabs = pages[p].getKey("/Tabs");
            if (!tabs.isName())
                fail(RuleSource::matterhorn, "28-008", "the page has annotations but no /Tabs", page, pages[p]);
            else if (tabs.getName() != "/S")
                fail(RuleSource::matterhorn, "28-009", "the page has annotations and /Tabs " + tabs.getName() +
                                                           ", not /S (the structure order)", page, pages[p]);
            for (auto& annot : annots.getArrayAsVector()) {
                if (!annot.isDictionary()) continue;
                const std::string subtype = name_of(annot.getKey("/Subtype"));
                if (subtype == "Popup" || subtype == "PrinterMark") continue;
                if (subtype == "TrapNet") {
                    fail(RuleSource::matterhorn, "28-007", "a TrapNet annotation is present", page, annot);
                    continue;
                }
                const bool hidden = annot.getKey("/F").isInteger() && (annot.getKey("/F").getIntValue() & 2);
                int element = -1;
                auto claimed = tree_.element_of_object.find(annot.getObjGen());
                QPDFObjectHandle struct_parent = annot.getKey("/StructParent");
                QPDFObjectHandle mapped =
                    struct_parent.isInteger() && parent_lookup_ ? parent_lookup_(struct_parent.getIntValue())
                                                                : QPDFObjectHandle::newNull();
                if (claimed != tree_.element_of_object.end()) element = claimed->second;
                if (struct_parent.isInteger() && claimed != tree_.element_of_object.end() &&
                    mapped.getObjGen() != tree_.elements[element].object.getObjGen())
                    fail(RuleSource::pdf, "14.7.4.4",
                         "the annotation's /StructParent " + std::to_string(struct_parent.getIntValue()) +
                             " does not lead to the element that holds its /OBJR",
                         page, annot);
                if (struct_parent.isInteger() && claimed == tree_.element_of_object.end() && mapped.isDictionary())
                    fail(RuleSource::pdf, "14.7.4.4",
                         "the annotation's /StructParent " + std::to_string(struct_parent.getIntValue()) +
                             " leads to an element that holds no /OBJR to it",
                         page, annot);
                if (element >= 0 && !struct_parent.isInteger())
                    fail(RuleSource::pdf, "14.7.4.4", "the annotation is in the structure tree but has no /StructParent",
                         page, annot);
                const std::string type = element >= 0 ? tree_.elements[element].type : "";
                const bool contents = annot.getKey("/Contents").isString() && !text_of(annot.getKey("/Contents")).empty();
                if (contents && !document_language_)
                    fail(RuleSource::matterhorn, "11-004",
                         "without a catalog /Lang the language of the annotation's /Contents cannot be determined", page,
                         annot);
                if (subtype == "Link") {
                    if (type != "Link")
                        fail(RuleSource::matterhorn, "28-011",
                             element < 0 ? "the link annotation is not in the structure tree (no Link element holds "
                                           "an /OBJR to it)"
                                         : "the link annotation is in a " + type + " element, not a Link",
                             page, annot);
                    if (!contents)
                        fail(RuleSource::matterhorn, "28-012",
                             "the link annotation has no /Contents describing where it leads", page, annot);
                } else if (subtype == "Widget") {
                    if (type != "Form")
                        fail(RuleSource::matterhorn, "28-010", "the widget annotation is not in a Form element", page,
                             annot);
                } else {
                    if (type != "Annot")
                        fail(RuleSource::matterhorn, "28-002",
                             "the " + subtype + " annotation is not a direct child of an Annot element", page, annot);
                    const bool alt = element >= 0 && tree_.elements[element].object.getKey("/Alt").isString();
                    if (!hidden && !contents && !alt)
                        fail(RuleSource::matterhorn, "28-004",
                             "the " + subtype + " annotation has neither /Contents nor an /Alt on its element", page,
                             annot);
                }
            }
        }
    }

    // ---- fonts --------------------------------------------------------------

    static QPDFObjectHandle descriptor_of(QPDFObjectHandle font) {
        if (name_of(font.getKey("/Subtype")) == "Type0") {
            QPDFObjectHandle descendants = font.getKey("/DescendantFonts");
            if (descendants.isArray() && descendants.getArrayNItems() > 0)
                return descendants.getArrayItem(0).getKey("/FontDescriptor");
            return QPDFObjectHandle::newNull();
        }
        return font.getKey("/FontDescriptor");
    }

    // ISO 14289-1 7.21.7 and ISO 19005-2 6.2.11.7.2: text maps to Unicode
    // through /ToUnicode, or through a standard encoding, a standard CID
    // collection, or as a non-symbolic TrueType font.
    static bool maps_to_unicode(QPDFObjectHandle font) {
        if (font.getKey("/ToUnicode").isStream()) return true;
        const std::string subtype = name_of(font.getKey("/Subtype"));
        QPDFObjectHandle encoding = font.getKey("/Encoding");
        const std::string encoding_name = encoding.isDictionary() ? name_of(encoding.getKey("/BaseEncoding"))
                                                                  : name_of(encoding);
        const bool standard_encoding = encoding_name == "WinAnsiEncoding" || encoding_name == "MacRomanEncoding" ||
                                       encoding_name == "MacExpertEncoding";
        if (subtype == "Type0") {
            QPDFObjectHandle descendants = font.getKey("/DescendantFonts");
            if (!descendants.isArray() || descendants.getArrayNItems() == 0) return false;
            QPDFObjectHandle info = descendants.getArrayItem(0).getKey("/CIDSystemInfo");
            const std::string ordering = info.isDictionary() ? text_of(info.getKey("/Ordering")) : "";
            return text_of(info.getKey("/Registry")) == "Adobe" &&
                   (ordering == "GB1" || ordering == "CNS1" || ordering == "Japan1" || ordering == "Korea1");
        }
        if (standard_encoding && !(encoding.isDictionary() && encoding.hasKey("/Differences"))) return true;
        QPDFObjectHandle descriptor = font.getKey("/FontDescriptor");
        if (subtype == "TrueType" && descriptor.isDictionary() && descriptor.getKey("/Flags").isInteger()) {
            const long long flags = descriptor.getKey("/Flags").getIntValue();
            return (flags & 32) && !(flags & 4);  // nonsymbolic, not symbolic
        }
        return false;
    }

    void check_fonts() {
        for (const auto& [id, used] : scan_.fonts) {
            QPDFObjectHandle font = used.font;
            const std::string subtype = name_of(font.getKey("/Subtype"));
            const std::string base = name_of(font.getKey("/BaseFont"));
            const std::string what = "the font " + (base.empty() ? subtype : base);
            if (subtype != "Type3") {
                QPDFObjectHandle descriptor = descriptor_of(font);
                const bool embedded = descriptor.isDictionary() &&
                                      (descriptor.getKey("/FontFile").isStream() ||
                                       descriptor.getKey("/FontFile2").isStream() ||
                                       descriptor.getKey("/FontFile3").isStream());
                if (!embedded) {
                    if (profiles_.ua1)
                        fail(RuleSource::matterhorn, "31-009", what + " is not embedded", used.first_page, font);
                    if (profiles_.a2u)
                        fail(RuleSource::pdf_a, "6.2.11.4.1", what + " is not embedded", used.first_page, font);
                }
            }
            if (!maps_to_unicode(font)) {
                if (profiles_.ua1)
                    fail(RuleSource::matterhorn, "31-027",
                         what + " has no /ToUnicode CMap and no encoding that maps its codes to Unicode",
                         used.first_page, font);
                if (profiles_.a2u)
                    fail(RuleSource::pdf_a, "6.2.11.7.2", what + " has no /ToUnicode CMap", used.first_page, font);
            }
        }
    }

    // ---- PDF/A-2u, every object ---------------------------------------------

    void check_a_objects() {
        static const std::set<std::string> forbidden_actions{"Launch", "Sound",       "Movie",      "ResetForm",
                                                             "ImportData", "Hide",    "SetOCGState", "Rendition",
                                                             "Trans",  "GoTo3DView", "JavaScript"};
        static const std::set<std::string> blend_modes{
            "Normal",    "Compatible", "Multiply",  "Screen",    "Overlay",    "Darken",    "Lighten",
            "ColorDodge", "ColorBurn", "HardLight", "SoftLight", "Difference", "Exclusion", "Hue",
            "Saturation", "Color",     "Luminosity"};
        QPDFObjectHandle names = catalog_.getKey("/Names");
        if (names.isDictionary() && names.hasKey("/JavaScript"))
            fail(RuleSource::pdf_a, "6.5.1", "the name dictionary has a /JavaScript entry", 0, names);
        if (catalog_.hasKey("/AA")) fail(RuleSource::pdf_a, "6.5.2", "the catalog has additional actions (/AA)");
        for (auto page : pdf_.getAllPages())
            if (page.hasKey("/AA"))
                fail(RuleSource::pdf_a, "6.5.2", "the page has additional actions (/AA)", page_number_[page.getObjGen()],
                     page);
        // Every dictionary of the file, indirect or direct (an /OpenAction
        // is often a direct dictionary inside the catalog).
        std::vector<std::pair<QPDFObjectHandle, QPDFObjectHandle>> dicts;  // (dictionary, indirect object holding it)
        std::function<void(QPDFObjectHandle, QPDFObjectHandle, int)> collect = [&](QPDFObjectHandle node,
                                                                                QPDFObjectHandle holder, int depth) {
            if (depth > 32) return;
            if (node.isStream()) node = node.getDict();
            if (node.isDictionary()) {
                dicts.emplace_back(node, holder);
                for (const std::string& key : node.getKeys()) {
                    QPDFObjectHandle value = node.getKey(key);
                    if (!value.isIndirect() && (value.isDictionary() || value.isArray())) collect(value, holder, depth + 1);
                }
            } else if (node.isArray()) {
                for (auto& item : node.getArrayAsVector())
                    if (!item.isIndirect() && (item.isDictionary() || item.isArray())) collect(item, holder, depth + 1);
            }
        };
        for (QPDFObjectHandle object : pdf_.getAllObjects()) collect(object, object, 0);
        collect(pdf_.getTrailer(), QPDFObjectHandle::newNull(), 0);
        for (auto& [dict, object] : dicts) {
            const std::string type = name_of(dict.getKey("/Type"));
            const std::string s = name_of(dict.getKey("/S"));
            // Structure elements carry /S too, with /K or /P; an action never does.
            if ((type == "Action" || type.empty()) && forbidden_actions.count(s) && !dict.hasKey("/K") &&
                !dict.hasKey("/P"))
                fail(RuleSource::pdf_a, "6.5.1", "a " + s + " action is present", 0, object);
            if (s == "Named") {
                const std::string n = name_of(dict.getKey("/N"));
                if (n != "NextPage" && n != "PrevPage" && n != "FirstPage" && n != "LastPage")
                    fail(RuleSource::pdf_a, "6.5.1", "the named action /" + n + " is not allowed", 0, object);
            }
            if (type == "ExtGState") {
                QPDFObjectHandle bm = dict.getKey("/BM");
                std::vector<QPDFObjectHandle> modes = bm.isArray() ? bm.getArrayAsVector() : std::vector{bm};
                for (auto& mode : modes)
                    if (mode.isName() && !blend_modes.count(name_of(mode)))
                        fail(RuleSource::pdf_a, "6.2.10", "the blend mode " + mode.getName() + " is not allowed", 0,
                             object);
            }
            if (s == "Transparency" && !has_output_intent_ && !dict.hasKey("/CS"))
                fail(RuleSource::pdf_a, "6.2.10", "a transparency group has no /CS and the file has no output intent",
                     0, object);
            if (type == "Annot") {
                const std::string subtype = name_of(dict.getKey("/Subtype"));
                if (subtype == "Popup") continue;
                const long long flags = dict.getKey("/F").isInteger() ? dict.getKey("/F").getIntValue() : 0;
                if (!(flags & 4) || (flags & (1 | 2 | 32)))
                    fail(RuleSource::pdf_a, "6.3.2",
                         "the " + subtype + " annotation's /F must set Print and not Invisible, Hidden or NoView", 0,
                         object);
            }
        }
    }

    std::filesystem::path file_;
    Profiles profiles_;
    QPDF pdf_;
    QPDFObjectHandle catalog_;
    CheckResult result_;
    Xmp xmp_;
    bool document_language_ = false;
    bool has_output_intent_ = false;
    std::map<QPDFObjGen, int> page_number_;
    std::map<std::string, std::string> role_cache_;
    StructureTree tree_;
    ContentScan scan_;
    std::function<QPDFObjectHandle(long long)> parent_lookup_;
};

}  // namespace

Profiles parse_profiles(const std::string& text) { return parse_pdf_standards(text, "--profile"); }

std::string Failure::rule_label() const {
    switch (source) {
        case RuleSource::matterhorn: return "Matterhorn " + rule;
        case RuleSource::pdf_ua: return "PDF/UA-1 " + rule;
        case RuleSource::pdf_a: return "PDF/A-2 " + rule;
        case RuleSource::pdf: return "ISO 32000-1 " + rule;
    }
    return rule;
}

int CheckResult::errors() const {
    return static_cast<int>(std::count_if(failures.begin(), failures.end(),
                                          [](const Failure& f) { return f.severity == Severity::error; }));
}
int CheckResult::warnings() const { return static_cast<int>(failures.size()) - errors(); }

CheckResult check_pdf(const std::filesystem::path& file, const Profiles& profiles) {
    return Checker(file, profiles).run();
}

std::vector<Diagnostic> to_diagnostics(const CheckResult& result) {
    std::vector<Diagnostic> diagnostics;
    for (const Failure& f : result.failures) {
        std::string where;
        if (f.page > 0) where = "page " + std::to_string(f.page);
        if (f.object > 0)
            where += (where.empty() ? "" : ", ") + std::string("object ") + std::to_string(f.object) + " " +
                     std::to_string(f.generation);
        diagnostics.push_back(Diagnostic{f.severity, {result.file},
                                         (where.empty() ? "" : where + ": ") + f.message + " [" + f.rule_label() + "]"});
    }
    return diagnostics;
}

std::string to_json(const std::vector<CheckResult>& results) {
    nlohmann::json files = nlohmann::json::array();
    for (const CheckResult& r : results) {
        nlohmann::json failures = nlohmann::json::array();
        for (const Failure& f : r.failures) {
            nlohmann::json item{{"rule", f.rule_label()},
                                {"severity", f.severity == Severity::error ? "error" : "warning"},
                                {"message", f.message}};
            if (f.source == RuleSource::matterhorn) item["matterhorn"] = f.rule;
            if (f.page > 0) item["page"] = f.page;
            if (f.object > 0) item["object"] = std::to_string(f.object) + " " + std::to_string(f.generation);
            failures.push_back(std::move(item));
        }
        nlohmann::json profiles = nlohmann::json::array();
        if (r.profiles.ua1) profiles.push_back("ua-1");
        if (r.profiles.a2u) profiles.push_back("a-2u");
        files.push_back({{"file", r.file},
                         {"profiles", profiles},
                         {"pages", r.pages},
                         {"structure_elements", r.structure_elements},
                         {"marked_content_sequences", r.marked_content_sequences},
                         {"errors", r.errors()},
                         {"warnings", r.warnings()},
                         {"failures", failures}});
    }
    return nlohmann::json{{"files", files}}.dump(2) + "\n";
}

std::vector<StructureText> text_in_structure_order(const std::filesystem::path& file) {
    Checker checker(file, Profiles{});
    try {
        checker.read_for_text();
    } catch (const std::exception& e) {
        throw DiagnosticError(Diagnostic{Severity::error, {file.string()}, std::string("cannot read PDF: ") + e.what()});
    }
    const StructureTree& tree = checker.tree();
    const ContentScan& scan = checker.scan();
    std::vector<StructureText> lines;
    // Kids in /K order: MCIDs and child elements interleaved, as written.
    std::function<void(int)> visit;
    std::function<void(QPDFObjectHandle, int, QPDFObjGen)> kids = [&](QPDFObjectHandle k, int index, QPDFObjGen page) {
        if (k.isArray()) {
            for (auto& item : k.getArrayAsVector()) kids(item, index, page);
        } else if (k.isInteger() || (k.isDictionary() && name_of(k.getKey("/Type")) == "MCR")) {
            QPDFObjGen owner = page;
            int mcid = 0;
            if (k.isInteger()) {
                mcid = static_cast<int>(k.getIntValue());
            } else {
                if (k.getKey("/Pg").isDictionary()) owner = k.getKey("/Pg").getObjGen();
                if (k.getKey("/Stm").isStream()) owner = k.getKey("/Stm").getObjGen();
                mcid = static_cast<int>(k.getKey("/MCID").getIntValue());
            }
            auto found = scan.text_by_mcid.find({owner, mcid});
            if (found != scan.text_by_mcid.end() && !found->second.empty()) {
                lines.push_back({tree.elements[index].written_type, found->second});
            }
        } else if (k.isDictionary() && name_of(k.getKey("/Type")) != "OBJR") {
            auto found = tree.element_index.find(k.getObjGen());
            if (found != tree.element_index.end()) visit(found->second);
        }
    };
    visit = [&](int index) {
        const Element& e = tree.elements[index];
        // An element's /ActualText stands for everything inside it (ISO 32000-1 14.9.4), as a reader reads it.
        QPDFObjectHandle actual = e.object.getKey("/ActualText");
        if (actual.isString()) {
            if (!actual.getUTF8Value().empty()) lines.push_back({e.written_type, actual.getUTF8Value()});
            return;
        }
        QPDFObjectHandle pg = e.object.getKey("/Pg");
        QPDFObjGen page = pg.isDictionary() ? pg.getObjGen() : QPDFObjGen();
        if (!pg.isDictionary())
            for (int p = e.parent; p >= 0 && page.getObj() == 0; p = tree.elements[p].parent)
                if (tree.elements[p].object.getKey("/Pg").isDictionary())
                    page = tree.elements[p].object.getKey("/Pg").getObjGen();
        kids(e.object.getKey("/K"), index, page);
    };
    for (int root : tree.roots) visit(root);
    return lines;
}

}  // namespace icc::pdfcheck
