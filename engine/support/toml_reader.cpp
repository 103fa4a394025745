#include "support/toml_reader.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "support/atomic_file.h"
#include "support/toml_source.h"
#include "support/wording.h"

namespace icc {

namespace {

bool is_bare_key(std::string_view key) {
    return !key.empty() && std::all_of(key.begin(), key.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    });
}

std::string prefix(const std::string& name) { return name.empty() ? std::string() : name + ": "; }

bool before_in_file(const toml::source_region& a, const toml::source_region& b) {
    return std::pair(a.begin.line, a.begin.column) < std::pair(b.begin.line, b.begin.column);
}

bool listed(const std::vector<std::string>& keys, std::string_view key) {
    return std::find(keys.begin(), keys.end(), key) != keys.end();
}

// ---- Typed conversion: the node as T, or nullopt when it is of another type.

template <typename T>
std::optional<T> convert(const toml::node& node);

template <>
std::optional<std::string> convert(const toml::node& node) {
    return node.value_exact<std::string>();
}
template <>
std::optional<bool> convert(const toml::node& node) {
    return node.value_exact<bool>();
}
template <>
std::optional<std::int64_t> convert(const toml::node& node) {
    return node.value_exact<std::int64_t>();
}
template <>
std::optional<double> convert(const toml::node& node) {
    if (auto integer = node.value_exact<std::int64_t>()) return static_cast<double>(*integer);
    return node.value_exact<double>();
}
template <>
std::optional<Date> convert(const toml::node& node) {
    if (auto date = node.value_exact<toml::date>()) return Date{date->year, date->month, date->day};
    return std::nullopt;
}

// A whole number too large for an int is a whole number out of range, not of another type.
bool fits(const toml::node& node, int*) {
    const auto value = node.value_exact<std::int64_t>();
    return !value || (*value >= std::numeric_limits<int>::min() && *value <= std::numeric_limits<int>::max());
}
template <typename T>
bool fits(const toml::node&, T*) {
    return true;
}

template <typename T>
std::optional<T> convert_to(const toml::node& node) {
    if constexpr (std::is_same_v<T, int>) {
        const auto value = convert<std::int64_t>(node);
        if (!value || !fits(node, static_cast<int*>(nullptr))) return std::nullopt;
        return static_cast<int>(*value);
    } else {
        return convert<T>(node);
    }
}

// ---- How messages describe what was expected.

template <typename T>
std::string bound_text(const T& value) {
    if constexpr (std::is_same_v<T, Date>) return value.iso();
    else if constexpr (std::is_arithmetic_v<T>) return number_text(static_cast<double>(value));
    else return in_quotes(value);
}

template <typename T>
std::string describe_expected(const Expect<T>& expect) {
    std::string noun;
    if constexpr (std::is_same_v<T, std::string>) noun = "a string";
    else if constexpr (std::is_same_v<T, bool>) noun = "true or false";
    else if constexpr (std::is_same_v<T, Date>) noun = "a date (e.g. 2026-03-15)";
    else if constexpr (std::is_integral_v<T>) noun = "a whole number";
    else noun = "a number";
    if constexpr (std::is_arithmetic_v<T> && !std::is_same_v<T, bool>) {
        if (expect.above && *expect.above == 0 && !expect.max) return std::is_integral_v<T> ? "a positive whole number" : "a positive number";
        if (expect.above) noun += " greater than " + bound_text(*expect.above);
    }
    if (expect.min && expect.max) return noun + " from " + bound_text(*expect.min) + " to " + bound_text(*expect.max);
    if (expect.min) return noun + " of at least " + bound_text(*expect.min);
    if (expect.max) return noun + " of at most " + bound_text(*expect.max);
    return noun;
}

template <typename T>
bool acceptable(const T& value, const Expect<T>& expect) {
    if constexpr (std::is_floating_point_v<T>)
        if (!std::isfinite(value)) return false;
    if (expect.min && value < *expect.min) return false;
    if (expect.max && *expect.max < value) return false;
    if constexpr (std::is_arithmetic_v<T> && !std::is_same_v<T, bool>)
        if (expect.above && !(value > *expect.above)) return false;
    return !expect.valid || expect.valid(value);
}

}  // namespace

std::string toml_path(std::string_view parent, std::string_view key) {
    const std::string shown = is_bare_key(key) ? std::string(key) : in_quotes(key);
    return parent.empty() ? shown : std::string(parent) + "." + shown;
}

// ------------------------------------------------------------------ TomlValue

TomlValue::TomlValue(const toml::node* node, std::string key, std::string name, SourceLocation where,
                     SourceLocation key_where, std::shared_ptr<const TomlContext> context)
    : node_(node), key_(std::move(key)), name_(std::move(name)), where_(std::move(where)), key_where_(std::move(key_where)),
      context_(std::move(context)) {}

template <typename T>
std::optional<T> TomlValue::read(const Expect<T>& expect, bool required) const {
    const std::string what = expect.what.empty() ? describe_expected(expect) : std::string(expect.what);
    if (!node_) {
        if (required) missing(what);
        return std::nullopt;
    }
    std::optional<T> value = convert_to<T>(*node_);
    if (!value && !fits(*node_, static_cast<T*>(nullptr))) {
        error("expected " + what + ", found " + found());
        return std::nullopt;
    }
    if (!value) {
        error("expected " + what + ", found " + found_with_type());
        return std::nullopt;
    }
    if (!acceptable(*value, expect)) {
        error("expected " + what + ", found " + found());
        return std::nullopt;
    }
    return value;
}

template std::optional<std::string> TomlValue::read(const Expect<std::string>&, bool) const;
template std::optional<bool> TomlValue::read(const Expect<bool>&, bool) const;
template std::optional<std::int64_t> TomlValue::read(const Expect<std::int64_t>&, bool) const;
template std::optional<int> TomlValue::read(const Expect<int>&, bool) const;
template std::optional<double> TomlValue::read(const Expect<double>&, bool) const;
template std::optional<Date> TomlValue::read(const Expect<Date>&, bool) const;

std::optional<std::size_t> TomlValue::choose_index(const std::vector<std::string_view>& names, bool required) const {
    std::vector<std::string> shown;
    for (std::string_view name : names) shown.push_back(in_quotes(name));
    const std::string what = join_alternatives(shown);
    if (!node_) {
        if (required) missing(what);
        return std::nullopt;
    }
    const auto text = node_->value_exact<std::string>();
    if (!text) {
        error("expected " + what + ", found " + found_with_type());
        return std::nullopt;
    }
    const auto it = std::find(names.begin(), names.end(), *text);
    if (it != names.end()) return static_cast<std::size_t>(it - names.begin());
    const std::string closest = closest_match(*text, std::vector<std::string>(names.begin(), names.end()));
    std::vector<DiagnosticNote> notes;
    if (!closest.empty()) notes.push_back({NoteKind::help, "did you mean " + in_quotes(closest) + "?"});
    error("expected " + what + ", found " + found(), std::move(notes));
    return std::nullopt;
}

std::optional<TableReader> TomlValue::table() const {
    if (!node_) return std::nullopt;
    if (const toml::table* table = node_->as_table()) return TableReader(*table, name_, where_, context_);
    error("expected a table, found " + describe_type(*node_));
    return std::nullopt;
}

std::vector<TomlValue> TomlValue::items() const {
    std::vector<TomlValue> items;
    if (!node_) return items;
    const toml::array* array = node_->as_array();
    if (!array) {
        error("expected an array, found " + found_with_type());
        return items;
    }
    for (std::size_t i = 0; i < array->size(); ++i) {
        const toml::node& item = *array->get(i);
        const SourceLocation where = location_of(item, context_->file);
        items.emplace_back(&item, std::string(), name_ + "[" + std::to_string(i + 1) + "]", where, where, context_);
    }
    return items;
}

std::vector<TableReader> TomlValue::tables() const {
    std::vector<TableReader> tables;
    if (node_ && !node_->is_array()) {
        error("expected an array of tables, found " + describe_type(*node_));
        return tables;
    }
    for (const TomlValue& item : items()) {
        if (const toml::table* table = item.node()->as_table())
            tables.emplace_back(*table, item.name(), item.where(), context_);
        else
            item.error("expected a table, found " + describe_type(*item.node()));
    }
    return tables;
}

std::string TomlValue::found() const {
    if (!node_) return "nothing";
    if (auto text = node_->value_exact<std::string>())
        return text->find_first_not_of(" \t\r\n") == std::string::npos ? "an empty string" : in_quotes(*text);
    if (auto integer = node_->value_exact<std::int64_t>()) return std::to_string(*integer);
    if (auto number = node_->value_exact<double>()) return number_text(*number);
    if (auto flag = node_->value_exact<bool>()) return *flag ? "true" : "false";
    if (auto date = node_->value_exact<toml::date>()) return Date{date->year, date->month, date->day}.iso();
    return describe_type(*node_);
}

std::string TomlValue::found_with_type() const {
    if (!node_ || !node_->is_value()) return found();
    const std::string value = found();
    if (value == "an empty string") return value;
    switch (node_->type()) {
        case toml::node_type::string: return "the string " + value;
        case toml::node_type::integer: return "the integer " + value;
        case toml::node_type::floating_point: return "the number " + value;
        case toml::node_type::boolean: return "the boolean " + value;
        case toml::node_type::date: return "the date " + value;
        default: return describe_type(*node_);
    }
}

void TomlValue::error(const std::string& message, std::vector<DiagnosticNote> notes) const {
    context_->sink->error(where_, prefix(name_) + message, std::move(notes));
}

void TomlValue::warning(const std::string& message, std::vector<DiagnosticNote> notes) const {
    context_->sink->warning(where_, prefix(name_) + message, std::move(notes));
}

void TomlValue::missing(const std::string& expected) const {
    context_->sink->error(where_, prefix(name_) + "missing; expected " + expected);
}

TomlValue value_at_path(const toml::table& root, std::string_view path, const std::string& file,
                        DiagnosticSink& sink) {
    auto context = std::make_shared<const TomlContext>(TomlContext{file, &sink});
    const toml::node* node = root.at_path(path).node();
    const SourceLocation where = node ? location_of(*node, file) : SourceLocation{file, 1, 1};
    return TomlValue(node, std::string(path.substr(path.find_last_of('.') + 1)), std::string(path), where, where,
                     std::move(context));
}

// ---------------------------------------------------------------- TableReader

TableReader::TableReader(const toml::table& table, std::string file, DiagnosticSink& sink)
    : table_(&table), where_{file, 1, 1}, context_(std::make_shared<const TomlContext>(TomlContext{file, &sink})) {}

TableReader::TableReader(const toml::table& table, std::string name, SourceLocation where,
                         std::shared_ptr<const TomlContext> context)
    : table_(&table), name_(std::move(name)), where_(std::move(where)), context_(std::move(context)) {}

TableReader::TableReader(TableReader&& other) noexcept
    : table_(std::exchange(other.table_, nullptr)), name_(std::move(other.name_)), where_(std::move(other.where_)),
      context_(std::move(other.context_)), expected_(std::move(other.expected_)), shown_(std::move(other.shown_)),
      handled_(std::move(other.handled_)), hints_(std::move(other.hints_)),
      accept_other_keys_(other.accept_other_keys_) {}

TableReader& TableReader::operator=(TableReader&& other) noexcept {
    if (this == &other) return *this;
    report_unknown_keys();
    table_ = std::exchange(other.table_, nullptr);
    name_ = std::move(other.name_);
    where_ = std::move(other.where_);
    context_ = std::move(other.context_);
    expected_ = std::move(other.expected_);
    shown_ = std::move(other.shown_);
    handled_ = std::move(other.handled_);
    hints_ = std::move(other.hints_);
    accept_other_keys_ = other.accept_other_keys_;
    return *this;
}

TableReader::~TableReader() { report_unknown_keys(); }

const std::string& TableReader::file() const { return context_->file; }

void TableReader::ask(std::string_view key, std::string shown) {
    if (!listed(handled_, key)) handled_.emplace_back(key);
    if (listed(expected_, key)) return;
    expected_.emplace_back(key);
    shown_.push_back(std::move(shown));
}

TomlValue TableReader::lookup(std::string_view key) const {
    const auto it = table_->find(key);
    if (it == table_->end())
        return TomlValue(nullptr, std::string(key), toml_path(name_, key), where_, where_, context_);
    return TomlValue(&it->second, std::string(key), toml_path(name_, key), location_of(it->second, context_->file),
                     location_of(it->first, context_->file), context_);
}

TomlValue TableReader::operator[](std::string_view key) {
    ask(key, is_bare_key(key) ? std::string(key) : in_quotes(key));
    return lookup(key);
}

void TableReader::missing(std::string_view key, const std::string& expected) const {
    context_->sink->error(where_, toml_path(name_, key) + ": missing; expected " + expected);
}

// At the top level, "expected ..." lists tables as their headers: [city], [[questions]].
TomlValue TableReader::ask_for_table(std::string_view key, bool array_of_tables, bool required) {
    const std::string header = array_of_tables ? "[[" + std::string(key) + "]]" : "[" + std::string(key) + "]";
    ask(key, name_.empty() ? header : std::string(key));
    TomlValue value = lookup(key);
    if (!value && required)
        missing(key, std::string(array_of_tables ? "an array of tables" : "a table") +
                         (name_.empty() ? " " + header : std::string()));
    return value;
}

std::optional<TableReader> TableReader::required_table(std::string_view key) {
    return ask_for_table(key, false, true).table();
}

std::optional<TableReader> TableReader::optional_table(std::string_view key) {
    return ask_for_table(key, false, false).table();
}

std::vector<TableReader> TableReader::required_tables(std::string_view key) {
    return ask_for_table(key, true, true).tables();
}

std::vector<TableReader> TableReader::optional_tables(std::string_view key) {
    return ask_for_table(key, true, false).tables();
}

std::vector<TableReader> TableReader::required_tables(std::string_view key, std::string_view each) {
    const TomlValue value = ask_for_table(key, true, false);
    const std::string expected = "at least one " + std::string(each);
    if (!value) value.missing(expected);
    std::vector<TableReader> tables = value.tables();
    if (value && tables.empty() && value.node()->is_array()) value.error("expected " + expected + ", found an empty array");
    return tables;
}

std::vector<TomlValue> TableReader::required_array(std::string_view key) {
    TomlValue value = (*this)[key];
    if (!value) missing(key, "an array");
    return value.items();
}

std::vector<TomlValue> TableReader::optional_array(std::string_view key) { return (*this)[key].items(); }

std::vector<TomlValue> TableReader::other_entries() {
    std::vector<std::pair<const toml::key*, const toml::node*>> entries;
    for (const auto& [key, node] : *table_)
        if (!listed(handled_, key.str())) entries.emplace_back(&key, &node);
    std::stable_sort(entries.begin(), entries.end(),
                     [](const auto& a, const auto& b) { return before_in_file(a.first->source(), b.first->source()); });
    std::vector<TomlValue> values;
    for (const auto& [key, node] : entries) {
        handled_.emplace_back(key->str());
        values.emplace_back(node, std::string(key->str()), toml_path(name_, key->str()), location_of(*node, context_->file),
                            location_of(*key, context_->file), context_);
    }
    return values;
}

void TableReader::forbid(std::string_view key, std::string_view why) {
    if (!listed(handled_, key)) handled_.emplace_back(key);
    const auto it = table_->find(key);
    if (it != table_->end())
        context_->sink->error(location_of(it->first, context_->file), toml_path(name_, key) + ": " + std::string(why));
}

void TableReader::hint_for_unknown(std::string key, std::string hint) { hints_[std::move(key)] = std::move(hint); }

void TableReader::error(const std::string& message, std::vector<DiagnosticNote> notes) const {
    context_->sink->error(where_, prefix(name_) + message, std::move(notes));
}

void TableReader::report_unknown_keys() {
    if (!table_ || accept_other_keys_) return;
    std::vector<const toml::key*> unknown;
    for (const auto& [key, node] : *table_)
        if (!listed(handled_, key.str())) unknown.push_back(&key);
    std::stable_sort(unknown.begin(), unknown.end(),
                     [](const toml::key* a, const toml::key* b) { return before_in_file(a->source(), b->source()); });
    for (const toml::key* key : unknown) {
        std::vector<DiagnosticNote> notes;
        if (auto hint = hints_.find(key->str()); hint != hints_.end()) {
            notes.push_back({NoteKind::help, hint->second});
        } else if (const std::string closest = closest_match(key->str(), expected_); !closest.empty()) {
            notes.push_back({NoteKind::help, "did you mean '" + closest + "'?"});
        }
        context_->sink->error(location_of(*key, context_->file),
                              prefix(name_) + "unknown key '" + std::string(key->str()) + "'" +
                                  (shown_.empty() ? std::string() : "; expected " + join_alternatives(shown_)),
                              std::move(notes));
    }
    handled_.clear();
    table_ = nullptr;
}

// --------------------------------------------------------------- TomlDocument

std::optional<TomlDocument> TomlDocument::read(const std::filesystem::path& path, DiagnosticSink& sink) {
    try {
        return TomlDocument(parse_toml_file(path), path.string());
    } catch (const DiagnosticError& error) {
        sink.append(error.diagnostics());
        return std::nullopt;
    }
}

std::optional<TomlDocument> TomlDocument::parse(const std::string& text, const std::string& file, DiagnosticSink& sink) {
    try {
        return TomlDocument(toml::parse(text, file), file);
    } catch (const toml::parse_error& e) {
        sink.error(location_of(e.source(), file), "invalid TOML: " + std::string(e.description()));
        return std::nullopt;
    }
}

}  // namespace icc
