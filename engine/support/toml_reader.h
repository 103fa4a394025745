#pragma once
// The one way every input file is read: a small typed reader over TOML++.
//
//   DiagnosticSink sink;
//   if (std::optional<TomlDocument> document = TomlDocument::read(path, sink)) {
//       TableReader root = document->root(sink);
//       auto id = root.required<std::string>("id");                 // id: missing; expected a string
//       auto weight = root.optional<double>("weight", {.above = 0});  // weight: expected a positive number, found -1
//       auto kind = root.required("kind", area_kinds);              // kind: expected "indicator" or "field",
//                                                                   //   found "feild"  + help: did you mean "field"?
//       for (TableReader& question : root.required_tables("questions")) { ... }
//   }   // <- every key of every table that nobody asked for is reported here, with did-you-mean
//   sink.throw_if_errors();
//
// Every problem goes to the sink, with the full source range of the key or
// value at fault, what was expected and what was found; reading never stops
// at the first problem, so the caller goes on with std::nullopt (or the
// default it chooses) and the user sees every mistake of the file at once.
//
// A TableReader remembers the keys it was asked for, present or not. When it
// goes out of scope, every other key of its table is an "unknown key" error
// that lists the keys it was asked for and suggests the closest one. Open
// tables (keys chosen by the writer: answers, languages) are read with
// other_entries(), which takes every key not asked for yet.
//
// Names in messages are TOML paths as the user writes them: "city.population",
// "questions.\"policy.plan\"", and "add[2]" for the second [[add]] table.
#include <toml++/toml.h>

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "support/diagnostic.h"
#include "support/locale.h"

namespace icc {

// One allowed name of a string value, and what it stands for.
template <typename E>
struct Choice {
    std::string_view name;
    E value;
};

// The name of a value in its table of choices ("" if it has none).
template <typename E, std::size_t N>
constexpr std::string_view name_of(const Choice<E> (&choices)[N], E value) {
    for (const Choice<E>& choice : choices)
        if (choice.value == value) return choice.name;
    return {};
}

template <typename E, std::size_t N>
constexpr std::optional<E> parse_choice(const Choice<E> (&choices)[N], std::string_view name) {
    for (const Choice<E>& choice : choices)
        if (choice.name == name) return choice.value;
    return std::nullopt;
}

// What a value must be. T is one of std::string, bool, std::int64_t, int,
// double (an integer is accepted too) and Date (a TOML local date).
template <typename T>
struct Expect {
    // How messages describe a good value ("a year such as 2021"); made from
    // the type and the bounds when empty ("a whole number from 0 to 20").
    std::string_view what = {};
    std::optional<T> min = {};  // numbers and dates: smallest allowed
    std::optional<T> max = {};  // largest allowed
    std::optional<T> above = {};  // numbers: must be greater than this ({.above = 0}: positive)
    // Any other rule a good value follows; `what` should say what it is.
    bool (*valid)(const T&) = nullptr;
};

class TableReader;

// What every reader of one file shares: the file's name and where problems go.
struct TomlContext {
    std::string file;
    DiagnosticSink* sink = nullptr;
};

// One value of a table or an array, present or not, with its name and place.
class TomlValue {
public:
    TomlValue(const toml::node* node, std::string key, std::string name, SourceLocation where,
              SourceLocation key_where, std::shared_ptr<const TomlContext> context);

    [[nodiscard]] explicit operator bool() const { return node_ != nullptr; }
    [[nodiscard]] const toml::node* node() const { return node_; }
    // The key as written in its table ("population"); empty for an array item.
    [[nodiscard]] const std::string& key() const { return key_; }
    // "city.population", "add[2]".
    [[nodiscard]] const std::string& name() const { return name_; }
    // The value's range; for a value that is absent, its table's.
    [[nodiscard]] const SourceLocation& where() const { return where_; }
    // The key's range (for an array item, the item's).
    [[nodiscard]] const SourceLocation& key_where() const { return key_where_; }

    // The value as T. Absent: an error "missing" (required) or nullopt
    // (optional). Of another type or against `expect`: an error, nullopt.
    template <typename T>
    std::optional<T> required(const Expect<T>& expect = {}) const { return read(expect, true); }
    template <typename T>
    std::optional<T> optional(const Expect<T>& expect = {}) const { return read(expect, false); }

    // A string that must be one of the choices' names; a misspelt one gets "did you mean".
    template <typename E, std::size_t N>
    std::optional<E> required(const Choice<E> (&choices)[N]) const { return choose(choices, true); }
    template <typename E, std::size_t N>
    std::optional<E> optional(const Choice<E> (&choices)[N]) const { return choose(choices, false); }

    // A table; nullopt (and an error if present) when it is not one.
    [[nodiscard]] std::optional<TableReader> table() const;
    // An array's items, named "name[1]", "name[2]"...; empty (and an error if present) when it is not one.
    [[nodiscard]] std::vector<TomlValue> items() const;
    // An array of tables ([[name]] or [{...}, {...}]): its tables, each checked to be one.
    [[nodiscard]] std::vector<TableReader> tables() const;

    // What the value is, for "found ...": "\"feild\"", "4.5", "an empty string", "an array".
    [[nodiscard]] std::string found() const;
    // The same with its type, for a value of the wrong type: "the string \"June\"", "the integer 2".
    [[nodiscard]] std::string found_with_type() const;

    // "NAME: message" at the value.
    void error(const std::string& message, std::vector<DiagnosticNote> notes = {}) const;
    void warning(const std::string& message, std::vector<DiagnosticNote> notes = {}) const;
    // "NAME: missing; expected ..." at its table, for a value that is absent and needed.
    void missing(const std::string& expected) const;

private:
    template <typename T>
    std::optional<T> read(const Expect<T>& expect, bool required) const;
    template <typename E, std::size_t N>
    std::optional<E> choose(const Choice<E> (&choices)[N], bool required) const {
        std::vector<std::string_view> names;
        for (const Choice<E>& choice : choices) names.push_back(choice.name);
        const auto index = choose_index(names, required);
        return index ? std::optional<E>(choices[*index].value) : std::nullopt;
    }
    [[nodiscard]] std::optional<std::size_t> choose_index(const std::vector<std::string_view>& names,
                                                          bool required) const;

    const toml::node* node_;
    std::string key_;
    std::string name_;
    SourceLocation where_;
    SourceLocation key_where_;
    std::shared_ptr<const TomlContext> context_;
};

// A table being read (see the top of this file).
class TableReader {
public:
    // The top-level table of a file; problems go to `sink`, which must outlive the reader.
    TableReader(const toml::table& table, std::string file, DiagnosticSink& sink);
    TableReader(const toml::table& table, std::string name, SourceLocation where,
                std::shared_ptr<const TomlContext> context);
    TableReader(TableReader&& other) noexcept;
    TableReader& operator=(TableReader&& other) noexcept;
    TableReader(const TableReader&) = delete;
    TableReader& operator=(const TableReader&) = delete;
    // Reports every key nobody asked for.
    ~TableReader();

    [[nodiscard]] const toml::table& table() const { return *table_; }
    [[nodiscard]] const std::string& name() const { return name_; }
    // Names the table in messages from now on ("questions.alpha.one" rather than "questions[3]").
    void rename(std::string name) { name_ = std::move(name); }
    // The table's header ([city]), its inline braces, or 1:1 for a file's top level.
    [[nodiscard]] const SourceLocation& where() const { return where_; }
    [[nodiscard]] const std::string& file() const;

    // Asks for a key: it is known from now on, whether the table has it or not.
    TomlValue operator[](std::string_view key);
    // Whether the table has the key (without asking for it).
    [[nodiscard]] bool contains(std::string_view key) const { return table_->contains(key); }

    template <typename T>
    std::optional<T> required(std::string_view key, const Expect<T>& expect = {}) {
        return (*this)[key].template required<T>(expect);
    }
    template <typename T>
    std::optional<T> optional(std::string_view key, const Expect<T>& expect = {}) {
        return (*this)[key].template optional<T>(expect);
    }
    template <typename E, std::size_t N>
    std::optional<E> required(std::string_view key, const Choice<E> (&choices)[N]) {
        return (*this)[key].required(choices);
    }
    template <typename E, std::size_t N>
    std::optional<E> optional(std::string_view key, const Choice<E> (&choices)[N]) {
        return (*this)[key].optional(choices);
    }

    // Sub-tables and arrays; `required_*` report a missing key.
    std::optional<TableReader> required_table(std::string_view key);
    std::optional<TableReader> optional_table(std::string_view key);
    std::vector<TableReader> required_tables(std::string_view key);
    std::vector<TableReader> optional_tables(std::string_view key);
    // An array of at least one table; `each` says what one is: "option { id = ..., points = ... }".
    std::vector<TableReader> required_tables(std::string_view key, std::string_view each);
    std::vector<TomlValue> required_array(std::string_view key);
    std::vector<TomlValue> optional_array(std::string_view key);

    // Every key not asked for yet, in file order; they count as asked from now on.
    std::vector<TomlValue> other_entries();

    // A key this table must not have here: "NAME.key: why" at the key.
    void forbid(std::string_view key, std::string_view why);
    // A help line for a key that, if the table has it, is unknown: a common mistake explained.
    void hint_for_unknown(std::string key, std::string hint);
    // Keys nobody asked for are not reported: the table was rejected as a whole.
    void accept_other_keys() { accept_other_keys_ = true; }

    // "NAME: message" at the table.
    void error(const std::string& message, std::vector<DiagnosticNote> notes = {}) const;

private:
    // Records that `key` was asked for; `shown` is how "expected ..." lists it.
    void ask(std::string_view key, std::string shown);
    [[nodiscard]] TomlValue lookup(std::string_view key) const;
    TomlValue ask_for_table(std::string_view key, bool array_of_tables, bool required);
    void missing(std::string_view key, const std::string& expected) const;
    void report_unknown_keys();

    const toml::table* table_;
    std::string name_;
    SourceLocation where_;
    std::shared_ptr<const TomlContext> context_;
    std::vector<std::string> expected_;  // keys asked for, in the order asked
    std::vector<std::string> shown_;     // the same keys as "expected ..." lists them: "id", "[city]", "[[add]]"
    std::vector<std::string> handled_;   // keys asked for, forbidden or taken as other entries
    std::map<std::string, std::string, std::less<>> hints_;
    bool accept_other_keys_ = false;
};

// A parsed input file.
class TomlDocument {
public:
    // Reads and parses a file. A file that cannot be read or a syntax error is
    // recorded in `sink` (at the place toml++ stopped) and gives nullopt.
    static std::optional<TomlDocument> read(const std::filesystem::path& path, DiagnosticSink& sink);
    // The same for text already read from `file` (positions are the text's).
    static std::optional<TomlDocument> parse(const std::string& text, const std::string& file, DiagnosticSink& sink);

    // The top-level table, reporting to `sink`.
    [[nodiscard]] TableReader root(DiagnosticSink& sink) const { return TableReader(table_, file_, sink); }
    [[nodiscard]] const toml::table& table() const { return table_; }
    [[nodiscard]] const std::string& file() const { return file_; }

private:
    TomlDocument(toml::table table, std::string file) : table_(std::move(table)), file_(std::move(file)) {}
    toml::table table_;
    std::string file_;
};

// The value at a TOML++ path ("arabic.headings", "paragraph[0].text") of a
// file's top-level table, named by the path, for files read by path rather
// than table by table; absent values are located at the top of the file.
TomlValue value_at_path(const toml::table& root, std::string_view path, const std::string& file,
                        DiagnosticSink& sink);

// How the reader's messages name a key inside `parent`: `key`, or "key" in
// quotes when it is not a bare TOML key.
std::string toml_path(std::string_view parent, std::string_view key);

}  // namespace icc
