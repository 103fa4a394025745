// Times the total-fit line breaker against Pango's own wrapping on the body
// paragraphs of the specimen report, both from the same hyphenated text in
// the same font and measure, and prints the time per paragraph of each with
// what each produced (lines, hyphenated lines, longest run of hyphenated
// lines). Usage: bench_linebreak [runs] [measure-in-points]
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "compose/specimen.h"
#include "layout/hyphenation.h"
#include "layout/linebreak_pango.h"
#include "support/data_root.h"
#include "support/fonts.h"
#include "support/locale.h"

using namespace icc;
using Clock = std::chrono::steady_clock;

namespace {

struct Tally {
    double seconds = 0;
    long lines = 0, hyphenated = 0;
    int longest_run = 0;
};

GObjectPtr<PangoLayout> body_layout(PangoContext* context, const FontSet& fonts, const std::string& text,
                                    double measure) {
    GObjectPtr<PangoLayout> layout(pango_layout_new(context));
    FontDescriptionPtr font(pango_font_description_from_string(fonts.families(FontRole::body).c_str()));
    pango_font_description_set_absolute_size(font.get(), 10.5 * PANGO_SCALE);
    pango_layout_set_font_description(layout.get(), font.get());
    pango_layout_set_width(layout.get(), static_cast<int>(measure * PANGO_SCALE));
    pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD_CHAR);
    pango_layout_set_justify(layout.get(), TRUE);
    pango_layout_set_text(layout.get(), text.c_str(), static_cast<int>(text.size()));
    return layout;
}

// Lines of a wrapped Pango layout that end in a hyphen Pango inserted or
// the text's own: Pango marks neither, so look at the character before the break.
void count_pango(PangoLayout* layout, Tally& tally) {
    const char* text = pango_layout_get_text(layout);
    int run = 0;
    const int count = pango_layout_get_line_count(layout);
    for (int l = 0; l < count; ++l) {
        const PangoLayoutLine* line = pango_layout_get_line_readonly(layout, l);
        const int end = line->start_index + line->length;
        bool hyphen = false;
        if (l + 1 < count && end >= 2) {
            const char* last = g_utf8_find_prev_char(text, text + end);
            const gunichar c = last ? g_utf8_get_char(last) : 0;
            hyphen = c == 0x00AD || c == '-';
        }
        run = hyphen ? run + 1 : 0;
        tally.hyphenated += hyphen;
        tally.longest_run = std::max(tally.longest_run, run);
    }
    tally.lines += count;
}

}  // namespace

int main(int argc, char** argv) {
    const int runs = argc > 1 ? std::atoi(argv[1]) : 20;
    const double measure = argc > 2 ? std::atof(argv[2]) : 451.3;
    const DataRoot data = DataRoot::locate();
    const FontSet fonts = FontSet::load(data);
    const Catalog catalog = Catalog::load(data, "en");
    const Document document = compose_specimen(catalog, 3);
    auto hyphenator = Hyphenator::for_language("en_GB");
    if (!hyphenator) {
        std::fprintf(stderr, "bench_linebreak: no English hyphenation patterns installed\n");
        return 1;
    }
    std::vector<std::string> paragraphs;
    for (const Block& block : document.blocks)
        if (const auto* paragraph = std::get_if<ParagraphBlock>(&block)) {
            std::string text;
            for (const TextRun& run : paragraph->text) text += run.text;
            paragraphs.push_back(hyphenator->hyphenate(text));
        }
    const GObjectPtr<PangoContext> context = fonts.create_context();
    pango_context_set_language(context.get(), pango_language_from_string("en"));
    const LineBreakStyle style = default_line_break_style();

    Tally pango, ours;
    long fallbacks = 0;
    for (int run = 0; run < runs; ++run) {
        const bool count = run == 0;
        for (const std::string& text : paragraphs) {
            auto start = Clock::now();
            GObjectPtr<PangoLayout> wrapped = body_layout(context.get(), fonts, text, measure);
            const int lines = pango_layout_get_line_count(wrapped.get());  // forces the layout
            pango.seconds += std::chrono::duration<double>(Clock::now() - start).count();
            if (count) count_pango(wrapped.get(), pango);
            (void)lines;

            start = Clock::now();
            GObjectPtr<PangoLayout> set_layout = body_layout(context.get(), fonts, text, measure);
            const SetParagraph set = set_paragraph(set_layout.get(), measure, true, true, style);
            (void)pango_layout_get_line_count(set_layout.get());
            ours.seconds += std::chrono::duration<double>(Clock::now() - start).count();
            if (!count) continue;
            if (set.fallback != Fallback::none) {
                ++fallbacks;
                count_pango(set_layout.get(), ours);
                continue;
            }
            int hyphen_run = 0;
            for (const SetLine& line : set.lines) {
                hyphen_run = line.hyphenated ? hyphen_run + 1 : 0;
                ours.hyphenated += line.hyphenated;
                ours.longest_run = std::max(ours.longest_run, hyphen_run);
            }
            ours.lines += static_cast<long>(set.lines.size());
        }
    }
    const double per = 1e6 / (static_cast<double>(runs) * static_cast<double>(paragraphs.size()));
    std::printf("bench_linebreak: %zu paragraphs x %d runs, measure %.1f pt, Noto Serif 10.5 pt, justified\n",
                paragraphs.size(), runs, measure);
    std::printf("  %-28s %9s %7s %11s %12s\n", "", "us/para", "lines", "hyphenated", "longest run");
    std::printf("  %-28s %9.1f %7ld %11ld %12d\n", "Pango wrap (justify)", pango.seconds * per, pango.lines,
                pango.hyphenated, pango.longest_run);
    std::printf("  %-28s %9.1f %7ld %11ld %12d\n", "total-fit (linebreak.h)", ours.seconds * per, ours.lines,
                ours.hyphenated, ours.longest_run);
    std::printf("  ratio %.2f x Pango; %ld paragraphs fell back to Pango\n", ours.seconds / pango.seconds, fallbacks);
    return 0;
}
