#include "layout/paginate.h"

#include <algorithm>
#include <numeric>

namespace icc {

namespace {

constexpr Color ink{0.12, 0.13, 0.16};
constexpr Color muted{0.38, 0.40, 0.45};
constexpr Color accent{0.05, 0.27, 0.49};     // Council of Europe blue
constexpr Color accent_light{0.90, 0.93, 0.97};
constexpr Color rule{0.80, 0.82, 0.86};
constexpr Color white{1, 1, 1};

struct TextStyle {
    FontRole role = FontRole::body;
    double size = 10.5;
    PangoWeight weight = PANGO_WEIGHT_NORMAL;
    double line_spacing = 1.25;
    bool justify = false;
};

class Paginator {
public:
    Paginator(const Document& document, const FontSet& fonts)
        : document_(document), fonts_(fonts), context_(fonts.create_context()) {
        pango_context_set_language(context_.get(), pango_language_from_string(document.info.language.c_str()));
        pango_context_set_base_dir(context_.get(),
                                   document.info.right_to_left ? PANGO_DIRECTION_RTL : PANGO_DIRECTION_LTR);
    }

    LaidOutDocument run() {
        for (const Block& block : document_.blocks) std::visit([this](const auto& b) { place(b); }, block);
        while (result_.pages.size() > 1 && page_is_empty()) result_.pages.pop_back();
        add_page_furniture();
        return std::move(result_);
    }

private:
    GObjectPtr<PangoLayout> make_text(const std::string& text, const TextStyle& style, double width) {
        GObjectPtr<PangoLayout> layout(pango_layout_new(context_.get()));
        FontDescriptionPtr font(pango_font_description_from_string(fonts_.families(style.role).c_str()));
        pango_font_description_set_absolute_size(font.get(), style.size * PANGO_SCALE);
        pango_font_description_set_weight(font.get(), style.weight);
        pango_layout_set_font_description(layout.get(), font.get());
        pango_layout_set_width(layout.get(), static_cast<int>(width * PANGO_SCALE));
        pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD_CHAR);
        pango_layout_set_line_spacing(layout.get(), static_cast<float>(style.line_spacing));
        pango_layout_set_justify(layout.get(), style.justify);
        pango_layout_set_auto_dir(layout.get(), TRUE);
        // Plain text: whatever the data holds is shown literally, never parsed as markup.
        pango_layout_set_text(layout.get(), text.c_str(), -1);
        return layout;
    }

    static double height_of(PangoLayout* layout) {
        PangoRectangle logical;
        pango_layout_get_extents(layout, nullptr, &logical);
        return static_cast<double>(logical.height) / PANGO_SCALE;
    }

    LaidOutPage& page() {
        if (result_.pages.empty()) new_page();
        return result_.pages.back();
    }

    void new_page() {
        result_.pages.emplace_back();
        cursor_ = content().y;
    }

    [[nodiscard]] Rect content() const { return result_.geometry.content(); }
    [[nodiscard]] double space_left() const { return content().bottom() - cursor_; }
    [[nodiscard]] bool page_is_empty() const {
        return result_.pages.empty() || (result_.pages.back().texts.empty() && result_.pages.back().fills.empty());
    }

    void add_text(GObjectPtr<PangoLayout> layout, double x, double y, double width, Color color) {
        double height = height_of(layout.get());
        page().texts.push_back(TextBox{{x, y, width, height}, std::move(layout), color});
    }

    void place(const CoverBlock& cover) {
        if (!page_is_empty()) new_page();
        page().cover = true;
        const PageGeometry& g = result_.geometry;
        const double band_height = g.height * 0.46;
        page().fills.push_back({{0, 0, g.width, band_height}, accent});
        page().fills.push_back({{g.margin_inner, band_height - 48, 64, 4}, white});
        const double width = g.width - g.margin_inner - g.margin_outer;

        auto kicker = make_text(cover.kicker, {FontRole::heading, 11, PANGO_WEIGHT_BOLD}, width);
        add_text(std::move(kicker), g.margin_inner, 96, width, accent_light);
        auto title = make_text(cover.title, {FontRole::heading, 40, PANGO_WEIGHT_BOLD, 1.05}, width);
        double title_y = band_height - 72 - height_of(title.get());
        auto subtitle = make_text(cover.subtitle, {FontRole::heading, 16, PANGO_WEIGHT_NORMAL}, width);
        double subtitle_height = height_of(subtitle.get());
        title_y -= subtitle_height + 8;
        add_text(std::move(title), g.margin_inner, title_y, width, white);
        add_text(std::move(subtitle), g.margin_inner, band_height - 64 - subtitle_height, width, white);

        double y = band_height + 48;
        for (const std::string& line : cover.details) {
            auto detail = make_text(line, {FontRole::heading, 12, PANGO_WEIGHT_NORMAL}, width);
            double h = height_of(detail.get());
            add_text(std::move(detail), g.margin_inner, y, width, ink);
            y += h + 6;
        }
        // Nothing else shares the cover.
        new_page();
    }

    void place(const PageBreakBlock&) {
        if (!page_is_empty()) new_page();
    }

    void place(const HeadingBlock& heading) {
        const double size = heading.level == 1 ? 20 : heading.level == 2 ? 14 : 12;
        auto layout = make_text(heading.text, {FontRole::heading, size, PANGO_WEIGHT_BOLD, 1.1}, content().width);
        const double h = height_of(layout.get());
        const double before = page_is_empty() || cursor_ == content().y ? 0 : size;
        // Keep the heading with at least three lines of what follows.
        if (space_left() < before + h + 10 + 3 * 14) new_page();
        else cursor_ += before;
        add_text(std::move(layout), content().x, cursor_, content().width, accent);
        cursor_ += h + size * 0.6;
    }

    void place(const ParagraphBlock& paragraph) {
        auto layout = make_text(paragraph.text, {FontRole::body, 10.5, PANGO_WEIGHT_NORMAL, 1.3, true}, content().width);
        const double h = height_of(layout.get());
        if (h > space_left()) new_page();
        add_text(std::move(layout), content().x, cursor_, content().width, ink);
        cursor_ += h + 8;
    }

    struct MeasuredRow {
        std::vector<GObjectPtr<PangoLayout>> cells;
        double height = 0;
    };

    MeasuredRow measure_row(const std::vector<std::string>& cells, const std::vector<double>& widths,
                            const TextStyle& style) {
        MeasuredRow row;
        for (std::size_t i = 0; i < widths.size(); ++i) {
            const std::string& text = i < cells.size() ? cells[i] : std::string();
            auto layout = make_text(text, style, widths[i] - 2 * cell_padding_);
            row.height = std::max(row.height, height_of(layout.get()));
            row.cells.push_back(std::move(layout));
        }
        row.height += 2 * cell_padding_;
        return row;
    }

    void draw_row(MeasuredRow row, const std::vector<double>& widths, bool header) {
        const Rect area = content();
        if (header) page().fills.push_back({{area.x, cursor_, area.width, row.height}, accent});
        else page().fills.push_back({{area.x, cursor_ + row.height - 0.5, area.width, 0.5}, rule});
        // Columns run from the reading direction's start edge.
        double x = document_.info.right_to_left ? area.right() : area.x;
        for (std::size_t i = 0; i < widths.size(); ++i) {
            if (document_.info.right_to_left) x -= widths[i];
            add_text(std::move(row.cells[i]), x + cell_padding_, cursor_ + cell_padding_, widths[i] - 2 * cell_padding_,
                     header ? white : ink);
            if (!document_.info.right_to_left) x += widths[i];
        }
        cursor_ += row.height;
    }

    void place(const TableBlock& table) {
        const double total = std::accumulate(table.column_weights.begin(), table.column_weights.end(), 0.0);
        std::vector<double> widths;
        for (double weight : table.column_weights) widths.push_back(content().width * weight / total);
        const TextStyle header_style{FontRole::heading, 9, PANGO_WEIGHT_BOLD, 1.15};
        const TextStyle cell_style{FontRole::heading, 9, PANGO_WEIGHT_NORMAL, 1.2};

        auto header_height = measure_row(table.header, widths, header_style).height;
        auto start_page_with_header = [&] {
            draw_row(measure_row(table.header, widths, header_style), widths, true);
        };
        // A header alone at the foot of a page helps no one: it needs one row below it.
        if (!table.rows.empty()) {
            MeasuredRow first = measure_row(table.rows.front(), widths, cell_style);
            if (space_left() < header_height + first.height) new_page();
        }
        start_page_with_header();
        for (const auto& cells : table.rows) {
            MeasuredRow row = measure_row(cells, widths, cell_style);
            if (row.height > space_left()) {
                new_page();
                start_page_with_header();
            }
            draw_row(std::move(row), widths, false);
        }
        cursor_ += 12;
    }

    void add_page_furniture() {
        const PageGeometry& g = result_.geometry;
        const Rect area = content();
        const auto pages = static_cast<std::int64_t>(result_.pages.size());
        const TextStyle style{FontRole::heading, 8, PANGO_WEIGHT_NORMAL, 1.0};
        for (std::int64_t i = 0; i < pages; ++i) {
            LaidOutPage& p = result_.pages[static_cast<std::size_t>(i)];
            if (p.cover) continue;
            auto header = make_text(document_.info.running_header, style, area.width);
            p.texts.push_back(TextBox{{area.x, g.margin_top - 36, area.width, height_of(header.get())},
                                      std::move(header), muted, true});
            p.fills.push_back({{area.x, g.margin_top - 22, area.width, 0.5}, rule});
            std::string folio = format_message(document_.info.page_of_pages, document_.info.icu_locale,
                                               {{"page", i + 1}, {"pages", pages}});
            auto footer = make_text(folio, style, area.width);
            pango_layout_set_alignment(footer.get(), document_.info.right_to_left ? PANGO_ALIGN_LEFT : PANGO_ALIGN_RIGHT);
            p.texts.push_back(TextBox{{area.x, g.height - g.margin_bottom + 24, area.width, height_of(footer.get())},
                                      std::move(footer), muted, true});
        }
    }

    const Document& document_;
    const FontSet& fonts_;
    GObjectPtr<PangoContext> context_;
    LaidOutDocument result_;
    double cursor_ = 0;
    const double cell_padding_ = 5;
};

}  // namespace

LaidOutDocument paginate(const Document& document, const FontSet& fonts) {
    return Paginator(document, fonts).run();
}

}  // namespace icc
