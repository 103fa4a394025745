// Tables: measured rows, headers repeated on continuation pages, rows taller than a page split.
// Part of the paginator (paginator.h).
#include "layout/paginator.h"

namespace icc::pagination {

std::vector<double> Paginator::column_widths(const TableBlock& table) const {
    double total = 0;
    for (const TableColumn& column : table.columns) total += column.weight;
    std::vector<double> widths;
    for (const TableColumn& column : table.columns) widths.push_back(content().width * column.weight / total);
    return widths;
}

Paginator::MeasuredRow Paginator::measure_row(const std::vector<InlineText>& cells, const std::vector<double>& widths,
                                              const TextStyle& style, const TableBlock* table, bool emphasised) {
    MeasuredRow row;
    TextStyle cell = style;
    if (emphasised) cell.weight = PANGO_WEIGHT_BOLD;
    for (std::size_t i = 0; i < widths.size(); ++i) {
        static const InlineText empty;
        const InlineText& text = i < cells.size() ? cells[i] : empty;
        const Alignment align = table && i < table->columns.size() ? table->columns[i].alignment : Alignment::start;
        PreparedText prepared = prepare(text, cell, widths[i] - 2 * cell_padding_x, align);
        row.height = std::max(row.height, prepared.height());
        row.lead_height = std::max(row.lead_height, prepared.span(0, std::min(prepared.line_count(), min_lines)));
        row.cells.push_back(std::move(prepared));
    }
    row.height += 2 * cell_padding_y;
    row.lead_height += 2 * cell_padding_y;
    return row;
}

double Paginator::table_start_height(const TableBlock& table, const std::vector<double>& widths) {
    double height = table.header.empty() ? 0 : measure_row(table.header, widths, header_cell_style, &table).height;
    const std::size_t rows = std::min<std::size_t>(table.rows.size(), 2);
    for (std::size_t r = 0; r < rows; ++r) {
        const MeasuredRow row = measure_row(table.rows[r].cells, widths, cell_style, &table, table.rows[r].emphasised);
        if (row.height > content().height / 2) return height + (r == 0 ? row.lead_height : 0);
        height += row.height;
    }
    return std::min(height, content().height);
}

void Paginator::draw_row_band(const MeasuredRow& row, const std::vector<int>& from, const std::vector<int>& to,
                              const std::vector<double>& widths, bool header, bool emphasised, bool last_band,
                              int row_index, bool repeated) {
    const Rect area = content();
    double band = 0;
    for (std::size_t i = 0; i < row.cells.size(); ++i) band = std::max(band, row.cells[i].span(from[i], to[i]));
    band += 2 * cell_padding_y;
    if (header) page().fills.push_back({{area.x, cursor_, area.width, band}, accent, false, artifact(Role::background)});
    else if (emphasised)
        page().fills.push_back({{area.x, cursor_, area.width, band}, emphasis_tint, false, artifact(Role::background)});
    if (!header && last_band)
        page().fills.push_back({{area.x, cursor_ + band - style_.row_rule, area.width, style_.row_rule}, rule, false,
                                artifact(Role::rule)});
    double offset = 0;
    for (std::size_t i = 0; i < row.cells.size(); ++i) {
        const double x = mirrored(area.x, area.width, offset + cell_padding_x, widths[i] - 2 * cell_padding_x);
        if (from[i] < to[i])
            add_lines(row.cells[i], from[i], to[i], x, cursor_ + cell_padding_y, header ? white : ink,
                      tag(repeated ? Role::repeated_header : header ? Role::header_cell : Role::data_cell,
                          row_index, static_cast<int>(i)));
        offset += widths[i];
    }
    cursor_ += band;
}

void Paginator::draw_whole_row(const MeasuredRow& row, const std::vector<double>& widths, bool header, bool emphasised,
                               int row_index, bool repeated) {
    std::vector<int> from(row.cells.size(), 0), to;
    for (const PreparedText& cell : row.cells) to.push_back(cell.line_count());
    draw_row_band(row, from, to, widths, header, emphasised, true, row_index, repeated);
}

void Paginator::place(std::size_t, const TableBlock& table) {
    if (table.columns.empty()) return;
    const auto widths = column_widths(table);
    const MeasuredRow header = measure_row(table.header, widths, header_cell_style, &table);
    const bool has_header = !table.header.empty();
    const double header_height = has_header ? header.height : 0;
    skip(block_gap);

    std::optional<MeasuredRow> next;
    if (!table.rows.empty())
        next = measure_row(table.rows.front().cells, widths, cell_style, &table, table.rows.front().emphasised);
    // A header alone at the foot of a page helps no one: it needs a row below it.
    if (!at_top() && table_start_height(table, widths) > space_left()) new_page();

    double top = cursor_;
    int header_rows = 0, body_rows = 0;
    auto start_page = [&](bool continuation) {
        if (continuation) {
            record(BlockKind::table, top, cursor_, true, header_rows, body_rows);
            new_page();
            top = cursor_;
            header_rows = body_rows = 0;
        }
        if (has_header) {
            draw_whole_row(header, widths, true, false, -1, continuation);
            header_rows = 1;
        }
    };
    start_page(false);
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
        MeasuredRow row = std::move(*next);
        next.reset();
        if (r + 1 < table.rows.size())
            next = measure_row(table.rows[r + 1].cells, widths, cell_style, &table, table.rows[r + 1].emphasised);
        const bool emphasised = table.rows[r].emphasised;
        // Nor is a last row alone at the head of a page: two rows go over together.
        const bool last_would_be_alone = r + 2 == table.rows.size() && next && body_rows >= 2 &&
                                         row.height <= space_left() && row.height + next->height > space_left();
        if (last_would_be_alone) start_page(true);
        if (row.height <= space_left()) {
            draw_whole_row(row, widths, false, emphasised, static_cast<int>(r));
            ++body_rows;
            continue;
        }
        if (row.height <= content().height - header_height) {
            start_page(true);
            draw_whole_row(row, widths, false, emphasised, static_cast<int>(r));
            ++body_rows;
            continue;
        }
        // A row taller than a page: split it by lines, cell by cell.
        std::vector<int> from(row.cells.size(), 0);
        while (true) {
            std::vector<int> to(from);
            const double available = space_left() - 2 * cell_padding_y;
            bool done = true;
            for (std::size_t i = 0; i < row.cells.size(); ++i) {
                const PreparedText& cell = row.cells[i];
                while (to[i] < cell.line_count() && cell.span(from[i], to[i] + 1) <= available) ++to[i];
                if (to[i] < cell.line_count()) done = false;
            }
            if (to == from && body_rows == 0) {
                // Not one more line fits below the header: take a line of each cell regardless.
                for (std::size_t i = 0; i < row.cells.size(); ++i)
                    if (to[i] < row.cells[i].line_count()) ++to[i];
                done = true;
                for (std::size_t i = 0; i < row.cells.size(); ++i)
                    if (to[i] < row.cells[i].line_count()) done = false;
            }
            const bool progress = to != from;
            if (progress) {
                draw_row_band(row, from, to, widths, false, emphasised, done, static_cast<int>(r), false);
                ++body_rows;
            }
            from = to;
            if (done) break;
            start_page(true);
        }
    }
    record(BlockKind::table, top, cursor_, false, header_rows, body_rows);
    gap_after(block_gap);
}

}  // namespace icc::pagination
