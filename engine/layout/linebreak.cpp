#include "layout/linebreak.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <map>
#include <tuple>

namespace icc::linebreak {

namespace {

// Fitness classes of TeX: 0 very loose, 1 loose, 2 decent, 3 tight.
constexpr int decent = 2;

int fitness_of(double ratio) {
    if (ratio > 1) return 0;
    if (ratio > 0.5) return 1;
    if (ratio >= -0.5) return 2;
    return 3;
}

// Running totals before each item, so that any line's natural width,
// stretch and shrink are two subtractions.
struct Totals {
    std::vector<double> width, stretch, shrink;
    std::vector<int> fills;
    double widest_protrusion = 0;

    explicit Totals(const std::vector<Item>& items)
        : width(items.size() + 1), stretch(items.size() + 1), shrink(items.size() + 1), fills(items.size() + 1) {
        for (std::size_t i = 0; i < items.size(); ++i) {
            const Item& item = items[i];
            const bool glue = item.kind == Item::Kind::glue;
            const bool counted = item.kind != Item::Kind::penalty;
            width[i + 1] = width[i] + (counted ? item.width : 0);
            stretch[i + 1] = stretch[i] + (glue ? item.stretch : 0);
            shrink[i + 1] = shrink[i] + (glue ? item.shrink : 0);
            fills[i + 1] = fills[i] + (glue && item.fill ? 1 : 0);
            widest_protrusion = std::max(widest_protrusion, item.protrusion);
        }
    }
};

bool is_forced(const Item& item) { return item.kind == Item::Kind::penalty && item.penalty <= -infinite_penalty; }

// The first item of the line after a break at `index`: glue and penalties
// after a break are discarded up to the next box (or forced break).
std::size_t line_start_after(const std::vector<Item>& items, std::size_t index) {
    std::size_t start = index + 1;
    while (start < items.size() && items[start].kind != Item::Kind::box && !is_forced(items[start])) ++start;
    return start;
}

Line measure(const std::vector<Item>& items, const Totals& totals, const std::vector<double>& widths,
             const Parameters& parameters, const Pass& pass, std::size_t start, std::size_t end,
             std::size_t line_index) {
    Line line;
    line.start = start;
    line.end = end;
    const Item& at = items[end];
    line.natural = totals.width[end] - totals.width[start] + (at.kind == Item::Kind::penalty ? at.width : 0);
    line.stretch = totals.stretch[end] - totals.stretch[start] + pass.extra_stretch + parameters.line_end_stretch;
    line.shrink = totals.shrink[end] - totals.shrink[start];
    line.fill = totals.fills[end] > totals.fills[start];
    line.target = line_width(widths, line_index) + at.protrusion;
    line.hyphenated = at.kind == Item::Kind::penalty && at.flagged;
    const double shortfall = line.target - line.natural;
    if (shortfall > 0) {
        if (line.fill) {
            line.ratio = 0;
            line.badness = 0;
        } else if (line.stretch > 0) {
            line.ratio = shortfall / line.stretch;
            line.badness = std::min(infinite_badness, 100 * line.ratio * line.ratio * line.ratio);
        } else {
            line.ratio = 0;  // cannot stretch: set at natural width, and as bad as a line can be
            line.badness = infinite_badness;
        }
    } else if (shortfall < 0) {
        line.ratio = line.shrink > 0 ? shortfall / line.shrink : -HUGE_VAL;
        line.badness = line.ratio < -1 ? HUGE_VAL : 100 * -line.ratio * -line.ratio * -line.ratio;
    }
    return line;
}

bool feasible(const Line& line, const Pass& pass) { return line.ratio >= -1 && line.badness <= pass.tolerance; }

// Demerits of a line ending at `end`, after a line of fitness `previous_fitness`
// whose own end was hyphenated when `previous_hyphenated`.
double line_demerits(const std::vector<Item>& items, const std::vector<double>& widths, const Parameters& parameters,
                     const Line& line, std::size_t line_index, int previous_fitness, bool previous_hyphenated) {
    const Item& at = items[line.end];
    const double base = parameters.line_penalty + line.badness;
    double demerits = base * base;
    if (at.kind == Item::Kind::penalty) {
        if (at.penalty >= 0) demerits += at.penalty * at.penalty;
        else if (at.penalty > -infinite_penalty) demerits -= at.penalty * at.penalty;
    }
    const bool last = line.end + 1 == items.size();
    if (line.hyphenated && previous_hyphenated) demerits += parameters.double_hyphen_demerits;
    if (last && previous_hyphenated) demerits += parameters.final_hyphen_demerits;
    if (std::abs(fitness_of(line.ratio) - previous_fitness) > 1) demerits += parameters.adjacent_demerits;
    if (last && line.natural < parameters.last_line_min_fraction * line_width(widths, line_index))
        demerits += parameters.short_last_line_demerits;
    return demerits;
}

struct Node {
    std::size_t position = 0;  // the break (items.size() for none: the paragraph's start)
    std::size_t next_start = 0;
    int lines = 0;             // lines before this break, this one's included
    int fitness = decent;
    int hyphen_run = 0;        // consecutive hyphenated lines ending here
    double total = 0;
    int previous = -1;         // index in the arena
    Line line;                 // the line that ends here
};

std::optional<Result> run_pass(const std::vector<Item>& items, const Totals& totals, const std::vector<double>& widths,
                               const Parameters& parameters, const Pass& pass) {
    std::vector<Node> arena;
    arena.push_back(Node{items.size(), 0, 0, decent, 0, 0, -1, {}});
    std::vector<int> active{0};
    const std::size_t width_classes = widths.empty() ? 1 : widths.size();
    for (std::size_t b = 0; b < items.size(); ++b) {
        if (!is_legal_break(items, b, pass)) continue;
        // Best candidate per (fitness, hyphen run, line class): the states
        // that decide what later lines may cost.
        std::map<std::tuple<int, int, int>, Node> best;
        std::vector<int> still_active;
        for (int a : active) {
            const Node& node = arena[static_cast<std::size_t>(a)];
            const std::size_t start = node.next_start;
            const auto line_index = static_cast<std::size_t>(node.lines);
            // Material only grows (every glue shrinks less than its width):
            // once even the widest protrusion cannot save it, no later break can.
            const double rigid = (totals.width[b] - totals.width[start]) - (totals.shrink[b] - totals.shrink[start]);
            const bool overfull_for_good =
                start <= b && rigid > line_width(widths, line_index) + totals.widest_protrusion + 1e-9;
            if (!overfull_for_good && !is_forced(items[b])) still_active.push_back(a);
            if (start > b) continue;  // nothing on the line yet
            const Line line = measure(items, totals, widths, parameters, pass, start, b, line_index);
            if (!feasible(line, pass)) continue;
            if (line.hyphenated && node.hyphen_run >= parameters.max_consecutive_hyphens) continue;
            const double total = node.total + line_demerits(items, widths, parameters, line, line_index, node.fitness,
                                                            node.hyphen_run > 0);
            const int fitness = fitness_of(line.ratio);
            const int run = line.hyphenated ? node.hyphen_run + 1 : 0;
            const int line_class = parameters.looseness != 0
                                       ? node.lines + 1
                                       : static_cast<int>(std::min<std::size_t>(line_index + 1, width_classes - 1));
            auto key = std::make_tuple(fitness, run, line_class);
            auto found = best.find(key);
            if (found == best.end() || total < found->second.total) {
                Node candidate{b, line_start_after(items, b), node.lines + 1, fitness, run, total, a, line};
                best.insert_or_assign(key, candidate);
            }
        }
        active = std::move(still_active);
        for (auto& [key, candidate] : best) {
            arena.push_back(candidate);
            active.push_back(static_cast<int>(arena.size() - 1));
        }
        if (active.empty()) return std::nullopt;
    }
    // The nodes at the final break.
    int chosen = -1;
    for (int a : active) {
        const Node& node = arena[static_cast<std::size_t>(a)];
        if (node.position + 1 != items.size()) continue;
        if (chosen < 0 || node.total < arena[static_cast<std::size_t>(chosen)].total) chosen = a;
    }
    if (chosen < 0) return std::nullopt;
    if (parameters.looseness != 0) {
        const int wanted = arena[static_cast<std::size_t>(chosen)].lines + parameters.looseness;
        for (int a : active) {
            const Node& node = arena[static_cast<std::size_t>(a)];
            if (node.position + 1 != items.size()) continue;
            const Node& current = arena[static_cast<std::size_t>(chosen)];
            const int distance = std::abs(node.lines - wanted);
            const int current_distance = std::abs(current.lines - wanted);
            if (distance < current_distance || (distance == current_distance && node.total < current.total)) chosen = a;
        }
    }
    Result result;
    result.pass = pass;
    result.demerits = arena[static_cast<std::size_t>(chosen)].total;
    for (int a = chosen; a > 0; a = arena[static_cast<std::size_t>(a)].previous)
        result.lines.push_back(arena[static_cast<std::size_t>(a)].line);
    std::reverse(result.lines.begin(), result.lines.end());
    return result;
}

}  // namespace

double line_width(const std::vector<double>& widths, std::size_t index) {
    if (widths.empty()) return 0;
    return widths[std::min(index, widths.size() - 1)];
}

bool is_legal_break(const std::vector<Item>& items, std::size_t index, const Pass& pass) {
    const Item& item = items[index];
    switch (item.kind) {
    case Item::Kind::box: return false;
    case Item::Kind::glue: return index > 0 && items[index - 1].kind == Item::Kind::box;
    case Item::Kind::penalty:
        return item.penalty < infinite_penalty && (pass.hyphenate || !item.hyphenation_point || is_forced(item));
    }
    return false;
}

std::optional<Result> break_lines(const std::vector<Item>& items, const std::vector<double>& widths,
                                  const Parameters& parameters) {
    if (items.empty() || !is_forced(items.back()) || widths.empty()) return std::nullopt;
    const Totals totals(items);
    std::vector<Pass> passes;
    if (parameters.pretolerance >= 0) passes.push_back({parameters.pretolerance, false, 0});
    passes.push_back({parameters.tolerance, true, 0});
    if (parameters.emergency_stretch > 0) passes.push_back({parameters.tolerance, true, parameters.emergency_stretch});
    if (parameters.rescue_pass) passes.push_back({HUGE_VAL, true, parameters.emergency_stretch});
    for (const Pass& pass : passes) {
        if (auto result = run_pass(items, totals, widths, parameters, pass)) {
            result->pass_number = !pass.hyphenate ? 1 : pass.tolerance == HUGE_VAL ? 4 : pass.extra_stretch > 0 ? 3 : 2;
            return result;
        }
    }
    return std::nullopt;
}

std::optional<double> demerits_of(const std::vector<Item>& items, const std::vector<double>& widths,
                                  const Parameters& parameters, const Pass& pass,
                                  const std::vector<std::size_t>& breaks) {
    if (items.empty() || breaks.empty() || breaks.back() + 1 != items.size()) return std::nullopt;
    const Totals totals(items);
    std::size_t start = 0;
    int fitness = decent, run = 0;
    double total = 0;
    std::size_t previous_break = 0;
    for (std::size_t index = 0; index < breaks.size(); ++index) {
        const std::size_t b = breaks[index];
        if ((index > 0 && b <= previous_break) || !is_legal_break(items, b, pass) || start > b) return std::nullopt;
        // A forced break cannot be skipped over.
        for (std::size_t i = index > 0 ? previous_break + 1 : 0; i < b; ++i)
            if (is_forced(items[i])) return std::nullopt;
        const Line line = measure(items, totals, widths, parameters, pass, start, b, index);
        if (!feasible(line, pass)) return std::nullopt;
        if (line.hyphenated && run >= parameters.max_consecutive_hyphens) return std::nullopt;
        total += line_demerits(items, widths, parameters, line, index, fitness, run > 0);
        fitness = fitness_of(line.ratio);
        run = line.hyphenated ? run + 1 : 0;
        start = line_start_after(items, b);
        previous_break = b;
    }
    return total;
}

}  // namespace icc::linebreak
