#include "pdfcheck/content_scan.h"

#include <qpdf/QPDFPageObjectHelper.hh>

#include <algorithm>
#include <cctype>
#include <memory>

namespace icc::pdfcheck::detail {

namespace {

void append_utf8(std::string& out, unsigned code) {
    if (code < 0x80) {
        out += static_cast<char>(code);
    } else if (code < 0x800) {
        out += static_cast<char>(0xC0 | (code >> 6));
        out += static_cast<char>(0x80 | (code & 0x3F));
    } else if (code < 0x10000) {
        out += static_cast<char>(0xE0 | (code >> 12));
        out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (code & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (code >> 18));
        out += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (code & 0x3F));
    }
}

// UTF-16BE bytes (a /ToUnicode destination) as UTF-8.
std::string utf16be_to_utf8(const std::string& bytes) {
    std::string out;
    for (std::size_t i = 0; i + 1 < bytes.size(); i += 2) {
        unsigned unit = (static_cast<unsigned char>(bytes[i]) << 8) | static_cast<unsigned char>(bytes[i + 1]);
        if (unit >= 0xD800 && unit < 0xDC00 && i + 3 < bytes.size()) {
            const unsigned low =
                (static_cast<unsigned char>(bytes[i + 2]) << 8) | static_cast<unsigned char>(bytes[i + 3]);
            unit = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
            i += 2;
        }
        append_utf8(out, unit);
    }
    return out;
}

// The tokens of a CMap that matter here: <hex> strings (decoded to bytes),
// [ and ], and keywords.
struct CMapToken {
    enum Kind { hex, open, close, word } kind;
    std::string value;
};

std::vector<CMapToken> tokenize_cmap(const std::string& text) {
    std::vector<CMapToken> tokens;
    for (std::size_t i = 0; i < text.size();) {
        const char c = text[i];
        if (c == '<' && i + 1 < text.size() && text[i + 1] != '<') {
            const std::size_t end = text.find('>', i);
            if (end == std::string::npos) break;
            std::string digits;
            for (std::size_t j = i + 1; j < end; ++j)
                if (std::isxdigit(static_cast<unsigned char>(text[j]))) digits += text[j];
            if (digits.size() % 2) digits += '0';
            std::string bytes;
            for (std::size_t j = 0; j < digits.size(); j += 2)
                bytes += static_cast<char>(std::stoi(digits.substr(j, 2), nullptr, 16));
            tokens.push_back({CMapToken::hex, bytes});
            i = end + 1;
        } else if (c == '[') {
            tokens.push_back({CMapToken::open, {}});
            ++i;
        } else if (c == ']') {
            tokens.push_back({CMapToken::close, {}});
            ++i;
        } else if (std::isalpha(static_cast<unsigned char>(c))) {
            std::size_t end = i;
            while (end < text.size() && std::isalnum(static_cast<unsigned char>(text[end]))) ++end;
            tokens.push_back({CMapToken::word, text.substr(i, end - i)});
            i = end;
        } else {
            ++i;
        }
    }
    return tokens;
}

unsigned code_of(const std::string& bytes) {
    unsigned code = 0;
    for (char b : bytes) code = (code << 8) | static_cast<unsigned char>(b);
    return code;
}

// Painting operators: what a reader sees. Clipping paths ended by `n` paint nothing.
bool paints_text(const std::string& op) { return op == "Tj" || op == "TJ" || op == "'" || op == "\""; }
bool paints_graphics(const std::string& op) {
    return op == "f" || op == "F" || op == "f*" || op == "B" || op == "B*" || op == "b" || op == "b*" || op == "S" ||
           op == "s" || op == "sh" || op == "EI";
}

enum class Mark { neutral, artifact, tagged };

struct Frame {
    Mark mark = Mark::neutral;
    McidKey mcid;                // when tagged
    bool replaces_text = false;  // an /ActualText span: its text stands for the glyphs inside
};

// The effective marking of a point in a content stream: the innermost
// artifact or tagged sequence around it.
struct Marking {
    Mark mark = Mark::neutral;
    McidKey mcid;
};

class Scanner : public QPDFObjectHandle::ParserCallbacks {
public:
    Scanner(ContentScan& scan, TextDecoder& decoder, QPDFObjGen owner, QPDFObjectHandle resources, int page,
            Marking inherited, int depth, int& untagged_text, int& untagged_graphics, std::string& first_untagged)
        : scan_(scan),
          decoder_(decoder),
          owner_(owner),
          resources_(resources),
          page_(page),
          inherited_(inherited),
          depth_(depth),
          untagged_text_(untagged_text),
          untagged_graphics_(untagged_graphics),
          first_untagged_(first_untagged) {}

    void handleObject(QPDFObjectHandle object, size_t, size_t) override {
        if (!object.isOperator()) {
            operands_.push_back(object);
            return;
        }
        operator_(object.getOperatorValue());
        operands_.clear();
    }

    void handleEOF() override {
        if (!stack_.empty())
            add(RuleSource::pdf, "14.6", "a content stream ends inside " + std::to_string(stack_.size()) +
                                             " marked-content sequence(s) never closed by EMC");
    }

private:
    void add(RuleSource source, std::string rule, std::string message) {
        scan_.failures.push_back(
            Failure{source, std::move(rule), Severity::error, page_, owner_.getObj(), owner_.getGen(), std::move(message)});
    }

    [[nodiscard]] Marking current() const {
        for (auto frame = stack_.rbegin(); frame != stack_.rend(); ++frame)
            if (frame->mark != Mark::neutral) return {frame->mark, frame->mcid};
        return inherited_;
    }

    QPDFObjectHandle properties(QPDFObjectHandle operand) {
        if (operand.isDictionary()) return operand;
        if (operand.isName() && resources_.isDictionary()) {
            QPDFObjectHandle named = resources_.getKey("/Properties");
            if (named.isDictionary()) return named.getKey(operand.getName());
        }
        return QPDFObjectHandle::newNull();
    }

    void begin_marked(const std::string& tag, QPDFObjectHandle props) {
        ++scan_.sequences;
        const Marking outer = current();
        Frame frame;
        if (tag == "/Artifact") {
            frame.mark = Mark::artifact;
            if (outer.mark == Mark::tagged)
                add(RuleSource::matterhorn, "01-003",
                    "an /Artifact sequence is inside tagged content (MCID " + std::to_string(outer.mcid.second) + ")");
        } else if (props.isDictionary() && props.getKey("/MCID").isInteger()) {
            frame.mark = Mark::tagged;
            frame.mcid = {owner_, static_cast<int>(props.getKey("/MCID").getIntValue())};
            if (outer.mark == Mark::artifact)
                add(RuleSource::matterhorn, "01-004",
                    "tagged content (" + tag + " MCID " + std::to_string(frame.mcid.second) + ") is inside an /Artifact");
            else if (outer.mark == Mark::tagged)
                add(RuleSource::pdf, "14.7.4.2",
                    "marked content with MCID " + std::to_string(frame.mcid.second) +
                        " is nested inside the sequence with MCID " + std::to_string(outer.mcid.second));
            if (depth_ == 0 && scan_.text_by_mcid.count(frame.mcid))  // a form painted twice: 30-002
                add(RuleSource::pdf, "14.7.4.2", "MCID " + std::to_string(frame.mcid.second) + " is used twice");
            scan_.text_by_mcid[frame.mcid];
            scan_.page_of_mcid.emplace(frame.mcid, page_);
        }
        // /ActualText replaces the text of what the sequence paints (ISO 32000-1 14.9.4),
        // as a reader extracts it: Pango marks ligatures and soft hyphens so.
        if (props.isDictionary() && props.getKey("/ActualText").isString()) {
            const Marking marking = frame.mark == Mark::tagged ? Marking{frame.mark, frame.mcid} : outer;
            if (marking.mark == Mark::tagged && !inside_actual_text())
                scan_.text_by_mcid[marking.mcid] += props.getKey("/ActualText").getUTF8Value();
            frame.replaces_text = true;
        }
        stack_.push_back(frame);
    }

    [[nodiscard]] bool inside_actual_text() const {
        return inherited_actual_text_ ||
               std::any_of(stack_.begin(), stack_.end(), [](const Frame& f) { return f.replaces_text; });
    }

    void show_text(const std::string& op) {
        std::string text;
        if (op == "TJ" && !operands_.empty() && operands_.back().isArray()) {
            for (auto& item : operands_.back().getArrayAsVector())
                if (item.isString()) text += decoder_.decode(font_, item.getStringValue());
        } else if (!operands_.empty() && operands_.back().isString()) {
            text = decoder_.decode(font_, operands_.back().getStringValue());
        }
        const Marking marking = current();
        if (marking.mark == Mark::tagged) {
            if (!inside_actual_text()) scan_.text_by_mcid[marking.mcid] += text;
        } else if (marking.mark == Mark::neutral) {
            if (untagged_text_++ == 0 && first_untagged_.empty()) first_untagged_ = text;
        }
    }

    void paint_xobject() {
        if (operands_.empty() || !operands_.back().isName() || !resources_.isDictionary()) return;
        QPDFObjectHandle xobjects = resources_.getKey("/XObject");
        if (!xobjects.isDictionary()) return;
        QPDFObjectHandle xobject = xobjects.getKey(operands_.back().getName());
        if (!xobject.isStream()) return;
        QPDFObjectHandle dict = xobject.getDict();
        const std::string subtype = dict.getKey("/Subtype").isName() ? dict.getKey("/Subtype").getName() : "";
        if (subtype != "/Form") {
            if (current().mark == Mark::neutral) ++untagged_graphics_;
            return;
        }
        if (dict.hasKey("/Ref"))
            add(RuleSource::matterhorn, "30-001", "a reference XObject is painted");
        if (depth_ > 12 || visiting_.count(xobject.getObjGen())) return;  // a loop of forms: painted once
        QPDFObjectHandle form_resources = dict.getKey("/Resources");
        if (!form_resources.isDictionary()) form_resources = resources_;
        const std::size_t mcids_before = scan_.text_by_mcid.size();
        Scanner inner(scan_, decoder_, xobject.getObjGen(), form_resources, page_, current(), depth_ + 1,
                      untagged_text_, untagged_graphics_, first_untagged_);
        inner.visiting_ = visiting_;
        inner.visiting_.insert(xobject.getObjGen());
        inner.font_ = font_;
        inner.inherited_actual_text_ = inside_actual_text();
        xobject.parseAsContents(&inner);
        bool has_mcids = scan_.text_by_mcid.size() > mcids_before;
        if (!has_mcids)
            for (const auto& [key, text] : scan_.text_by_mcid)
                if (key.first == xobject.getObjGen()) has_mcids = true;
        if (has_mcids) ++scan_.form_uses[xobject.getObjGen()];
    }

    void operator_(const std::string& op) {
        if (op == "BMC") {
            begin_marked(!operands_.empty() && operands_[0].isName() ? operands_[0].getName() : "",
                         QPDFObjectHandle::newNull());
        } else if (op == "BDC") {
            begin_marked(operands_.size() >= 1 && operands_[0].isName() ? operands_[0].getName() : "",
                         operands_.size() >= 2 ? properties(operands_[1]) : QPDFObjectHandle::newNull());
        } else if (op == "EMC") {
            if (stack_.empty())
                add(RuleSource::pdf, "14.6", "EMC without a marked-content sequence to close");
            else
                stack_.pop_back();
        } else if (op == "Tf") {
            if (!operands_.empty() && operands_[0].isName() && resources_.isDictionary()) {
                QPDFObjectHandle fonts = resources_.getKey("/Font");
                if (fonts.isDictionary()) {
                    font_ = fonts.getKey(operands_[0].getName());
                    if (font_.isDictionary()) scan_.fonts.emplace(font_.getObjGen(), UsedFont{font_, page_});
                }
            }
        } else if (paints_text(op)) {
            show_text(op);
        } else if (paints_graphics(op)) {
            if (current().mark == Mark::neutral) ++untagged_graphics_;
        } else if (op == "Do") {
            paint_xobject();
        }
    }

    ContentScan& scan_;
    TextDecoder& decoder_;
    QPDFObjGen owner_;
    QPDFObjectHandle resources_;
    QPDFObjectHandle font_ = QPDFObjectHandle::newNull();
    int page_;
    Marking inherited_;
    int depth_;
    int& untagged_text_;
    int& untagged_graphics_;
    std::string& first_untagged_;
    std::vector<QPDFObjectHandle> operands_;
    std::vector<Frame> stack_;
    std::set<QPDFObjGen> visiting_;
    bool inherited_actual_text_ = false;
};

}  // namespace

const TextDecoder::FontMap& TextDecoder::map_for(QPDFObjectHandle font) {
    const QPDFObjGen id = font.getObjGen();
    auto found = maps_.find(id);
    if (found != maps_.end()) return found->second;
    FontMap map;
    if (font.isDictionary()) {
        if (font.getKey("/Subtype").isName() && font.getKey("/Subtype").getName() == "/Type0") map.code_bytes = 2;
        QPDFObjectHandle cmap = font.getKey("/ToUnicode");
        if (cmap.isStream()) {
            std::string text;
            try {
                auto buffer = cmap.getStreamData(qpdf_dl_generalized);
                text.assign(reinterpret_cast<const char*>(buffer->getBuffer()), buffer->getSize());
            } catch (const std::exception&) {
            }
            const std::vector<CMapToken> tokens = tokenize_cmap(text);
            enum { none, codespace, bfchar, bfrange } section = none;
            for (std::size_t i = 0; i < tokens.size(); ++i) {
                const CMapToken& token = tokens[i];
                if (token.kind == CMapToken::word) {
                    if (token.value == "begincodespacerange") section = codespace;
                    else if (token.value == "beginbfchar") section = bfchar;
                    else if (token.value == "beginbfrange") section = bfrange;
                    else if (token.value.rfind("end", 0) == 0) section = none;
                    continue;
                }
                if (section == codespace && token.kind == CMapToken::hex) {
                    map.code_bytes = static_cast<int>(std::max<std::size_t>(1, token.value.size()));
                    ++i;  // the range's upper bound
                } else if (section == bfchar && token.kind == CMapToken::hex && i + 1 < tokens.size() &&
                           tokens[i + 1].kind == CMapToken::hex) {
                    map.unicode[code_of(token.value)] = utf16be_to_utf8(tokens[i + 1].value);
                    map.has_map = true;
                    ++i;
                } else if (section == bfrange && token.kind == CMapToken::hex && i + 2 < tokens.size() &&
                           tokens[i + 1].kind == CMapToken::hex) {
                    const unsigned low = code_of(token.value);
                    const unsigned high = code_of(tokens[i + 1].value);
                    if (tokens[i + 2].kind == CMapToken::hex) {
                        std::string destination = tokens[i + 2].value;
                        for (unsigned code = low; code <= high && code - low < 65536; ++code) {
                            map.unicode[code] = utf16be_to_utf8(destination);
                            if (!destination.empty()) {  // next destination: last byte + 1
                                std::size_t last = destination.size() - 1;
                                destination[last] = static_cast<char>(static_cast<unsigned char>(destination[last]) + 1);
                            }
                        }
                        i += 2;
                    } else if (tokens[i + 2].kind == CMapToken::open) {
                        std::size_t j = i + 3;
                        for (unsigned code = low; j < tokens.size() && tokens[j].kind == CMapToken::hex; ++code, ++j)
                            if (code <= high) map.unicode[code] = utf16be_to_utf8(tokens[j].value);
                        i = j;
                    }
                    map.has_map = true;
                }
            }
        }
    }
    return maps_.emplace(id, std::move(map)).first->second;
}

std::string TextDecoder::decode(QPDFObjectHandle font, const std::string& bytes) {
    const FontMap& map = map_for(font);
    std::string out;
    const std::size_t width = static_cast<std::size_t>(map.code_bytes);
    for (std::size_t i = 0; i + width <= bytes.size(); i += width) {
        const unsigned code = code_of(bytes.substr(i, width));
        if (map.has_map) {
            auto found = map.unicode.find(code);
            if (found != map.unicode.end()) out += found->second;
        } else {
            append_utf8(out, code);
        }
    }
    return out;
}

void scan_page(QPDFObjectHandle page, int page_number, ContentScan& scan) {
    TextDecoder decoder;
    QPDFPageObjectHelper helper(page);
    QPDFObjectHandle resources = helper.getAttribute("/Resources", false);
    int untagged_text = 0;
    int untagged_graphics = 0;
    std::string first_untagged;
    Scanner scanner(scan, decoder, page.getObjGen(), resources, page_number, Marking{}, 0, untagged_text,
                    untagged_graphics, first_untagged);
    try {
        helper.parseContents(&scanner);
    } catch (const std::exception& e) {
        scan.failures.push_back(Failure{RuleSource::pdf, "7.8.2", Severity::error, page_number, page.getObjectID(),
                                        page.getGeneration(), std::string("the content stream cannot be parsed: ") + e.what()});
    }
    if (untagged_text > 0) {
        std::string sample = first_untagged.substr(0, 60);
        scan.failures.push_back(Failure{
            RuleSource::matterhorn, "01-005", Severity::error, page_number, page.getObjectID(), page.getGeneration(),
            std::to_string(untagged_text) + " text-showing operator(s) are neither tagged content nor an /Artifact" +
                (sample.empty() ? std::string() : " (the first shows \"" + sample + "\")")});
    }
    if (untagged_graphics > 0)
        scan.failures.push_back(Failure{RuleSource::matterhorn, "01-005", Severity::error, page_number, page.getObjectID(),
                                        page.getGeneration(),
                                        std::to_string(untagged_graphics) +
                                            " painting operator(s) (paths, shadings, images) are neither tagged "
                                            "content nor an /Artifact"});
}

}  // namespace icc::pdfcheck::detail
