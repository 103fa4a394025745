#include "compose/markup_blocks.h"

namespace icc {

namespace {

constexpr const char* bullet = "\u2022\u00A0";  // "• " held to its item

void append(InlineText& runs, const MarkupLine& line) {
    for (const MarkupSpan& span : line) {
        if (span.text.empty()) continue;
        runs.push_back(TextRun{span.text, span.bold, span.italic, span.link, {}});
    }
}

}  // namespace

InlineText inline_text(const MarkupLine& line) {
    InlineText runs;
    append(runs, line);
    return runs;
}

std::vector<Block> markup_blocks(const MarkupText& text, const std::string& language, ParagraphStyle style) {
    std::vector<Block> blocks;
    for (const MarkupBlock& block : text.blocks) {
        if (const auto* paragraph = std::get_if<MarkupParagraph>(&block)) {
            InlineText runs = inline_text(paragraph->spans);
            if (!runs.empty()) blocks.emplace_back(ParagraphBlock{std::move(runs), style, language});
        } else {
            ListBlock list;
            list.language = language;
            for (const MarkupLine& item : std::get<MarkupList>(block).items) {
                InlineText runs = inline_text(item);
                if (!runs.empty()) list.items.push_back(std::move(runs));
            }
            if (!list.items.empty()) blocks.emplace_back(std::move(list));
        }
    }
    return blocks;
}

std::vector<CalloutContent> markup_callout_content(const MarkupText& text, const std::string& language) {
    std::vector<CalloutContent> content;
    for (Block& block : markup_blocks(text, language)) {
        if (auto* paragraph = std::get_if<ParagraphBlock>(&block)) content.emplace_back(std::move(*paragraph));
        else if (auto* list = std::get_if<ListBlock>(&block)) content.emplace_back(std::move(*list));
    }
    return content;
}

InlineText markup_inline(const MarkupText& text) {
    InlineText runs;
    auto new_line = [&] {
        if (!runs.empty()) runs.push_back(TextRun::plain("\n"));
    };
    for (const MarkupBlock& block : text.blocks) {
        if (const auto* paragraph = std::get_if<MarkupParagraph>(&block)) {
            new_line();
            append(runs, paragraph->spans);
        } else {
            for (const MarkupLine& item : std::get<MarkupList>(block).items) {
                new_line();
                runs.push_back(TextRun::plain(bullet));
                append(runs, item);
            }
        }
    }
    return runs;
}

std::string markup_plain_text(const MarkupText& text) {
    std::string plain;
    auto add = [&](const MarkupLine& line) {
        const std::string part = plain_text(line);
        if (part.empty()) return;
        if (!plain.empty()) plain += ' ';
        plain += part;
    };
    for (const MarkupBlock& block : text.blocks) {
        if (const auto* paragraph = std::get_if<MarkupParagraph>(&block)) add(paragraph->spans);
        else
            for (const MarkupLine& item : std::get<MarkupList>(block).items) add(item);
    }
    return plain;
}

}  // namespace icc
