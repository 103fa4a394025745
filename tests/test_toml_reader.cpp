// The typed TOML reader every loader uses (support/toml_reader.h): values,
// choices, tables, unknown keys, and the ranges and words of its messages.
#include <boost/test/unit_test.hpp>

#include <functional>

#include "support/toml_reader.h"
#include "support/wording.h"
#include "test_support.h"

using namespace icc;
namespace tt = boost::test_tools;
using strings = std::vector<std::string>;

namespace {

enum class Colour { red, green, blue };
constexpr Choice<Colour> colours[] = {{"red", Colour::red}, {"green", Colour::green}, {"blue", Colour::blue}};

// Reads `text` as t.toml with `read`, and returns every diagnostic as printed without excerpts.
strings messages_of(const std::string& text, const std::function<void(TableReader&)>& read) {
    testing::TempDir dir;
    const auto path = dir.write("t.toml", text);
    DiagnosticSink sink;
    if (const auto document = TomlDocument::read(path, sink)) {
        TableReader root = document->root(sink);
        read(root);
    }
    strings out;
    const std::string prefix = path.string() + ":";
    for (const Diagnostic& d : in_line_order(sink.all())) {
        std::string line = d.to_string();
        for (auto at = line.find(prefix); at != std::string::npos; at = line.find(prefix)) line.replace(at, prefix.size(), "");
        out.push_back(line);
    }
    return out;
}

}  // namespace

BOOST_AUTO_TEST_CASE(typed_values_are_read_and_checked_against_their_expectation) {
    std::optional<std::string> name;
    std::optional<int> count;
    std::optional<double> weight, share;
    std::optional<bool> flag;
    std::optional<Date> day;
    const strings problems = messages_of(
        "name = \"Lyra\"\ncount = 7\nweight = 2\nshare = 12.5\nflag = true\nday = 2026-03-15\n", [&](TableReader& t) {
            name = t.required<std::string>("name");
            count = t.required<int>("count", {.min = 0, .max = 20});
            weight = t.required<double>("weight", {.above = 0});  // an integer is a number too
            share = t.optional<double>("share", {.min = 0, .max = 100});
            flag = t.optional<bool>("flag");
            day = t.required<Date>("day");
        });
    BOOST_TEST(problems.empty(), tt::per_element());
    BOOST_TEST(*name == "Lyra");
    BOOST_TEST(*count == 7);
    BOOST_TEST(*weight == 2.0);
    BOOST_TEST(*share == 12.5);
    BOOST_TEST(*flag);
    BOOST_TEST((*day == Date{2026, 3, 15}));
}

BOOST_AUTO_TEST_CASE(every_problem_is_reported_with_what_was_expected_and_found) {
    const strings problems = messages_of(
        "count = 40\nweight = -1\nname = 3\nflag = \"yes\"\nday = \"June\"\ncode = \"France\"\nbig = 99999999999\n"
        "empty = \"  \"\n",
        [](TableReader& t) {
            (void)t.required<int>("count", {.min = 0, .max = 20});
            (void)t.required<double>("weight", {.above = 0});
            (void)t.required<std::string>("name");
            (void)t.required<bool>("flag");
            (void)t.required<Date>("day");
            (void)t.required<std::string>("code", {.what = "a two-letter code",
                                                   .valid = [](const std::string& s) { return s.size() == 2; }});
            (void)t.required<int>("big");
            (void)t.required<std::string>("empty", {.valid = [](const std::string& s) { return s != "  "; }});
            (void)t.required<std::string>("absent");
            (void)t.optional<std::string>("also_absent");
        });
    const strings expected{
        "1:1: error: absent: missing; expected a string",
        "1:9: error: count: expected a whole number from 0 to 20, found 40",
        "2:10: error: weight: expected a positive number, found -1",
        "3:8: error: name: expected a string, found the integer 3",
        "4:8: error: flag: expected true or false, found the string \"yes\"",
        "5:7: error: day: expected a date (e.g. 2026-03-15), found the string \"June\"",
        "6:8: error: code: expected a two-letter code, found \"France\"",
        "7:7: error: big: expected a whole number, found 99999999999",
        "8:9: error: empty: expected a string, found an empty string",
    };
    BOOST_TEST(problems == expected, tt::per_element());
}

BOOST_AUTO_TEST_CASE(a_choice_not_among_the_options_gets_the_closest_as_a_hint) {
    std::optional<Colour> first, second;
    const strings problems = messages_of("first = \"green\"\nsecond = \"gren\"\nthird = \"purple\"\nfourth = 4\n",
                                         [&](TableReader& t) {
                                             first = t.required("first", colours);
                                             second = t.required("second", colours);
                                             (void)t.optional("third", colours);
                                             (void)t.optional("fourth", colours);
                                             (void)t.required("fifth", colours);
                                         });
    BOOST_TEST((first == Colour::green));
    BOOST_TEST(!second.has_value());
    const strings expected{
        "1:1: error: fifth: missing; expected \"red\", \"green\" or \"blue\"",
        "2:10: error: second: expected \"red\", \"green\" or \"blue\", found \"gren\"\nhelp: did you mean \"green\"?",
        "3:9: error: third: expected \"red\", \"green\" or \"blue\", found \"purple\"",
        "4:10: error: fourth: expected \"red\", \"green\" or \"blue\", found the integer 4",
    };
    BOOST_TEST(problems == expected, tt::per_element());
    BOOST_TEST(name_of(colours, Colour::blue) == "blue");
    BOOST_TEST((parse_choice(colours, "red") == Colour::red));
    BOOST_TEST(!parse_choice(colours, "pink").has_value());
}

BOOST_AUTO_TEST_CASE(keys_nobody_asked_for_are_unknown_with_a_suggestion) {
    const strings problems = messages_of(
        "title = \"x\"\ncolour = \"red\"\n[layout]\nmargin = 2\nmargni = 3\n[[page]]\nsize = 1\n[extra]\n",
        [](TableReader& t) {
            (void)t.optional<std::string>("title");
            (void)t.optional<std::string>("color");
            if (auto layout = t.optional_table("layout")) (void)layout->optional<int>("margin");
            (void)t.optional_tables("page");  // their tables report their own keys
        });
    const strings expected{
        "2:1: error: unknown key 'colour'; expected title, color, [layout] or [[page]]\nhelp: did you mean 'color'?",
        "5:1: error: layout: unknown key 'margni'; expected margin\nhelp: did you mean 'margin'?",
        "7:1: error: page[1]: unknown key 'size'",
        "8:2: error: unknown key 'extra'; expected title, color, [layout] or [[page]]",
    };
    BOOST_TEST(problems == expected, tt::per_element());
}

BOOST_AUTO_TEST_CASE(open_tables_forbidden_keys_and_hints) {
    strings keys;
    const strings problems = messages_of(
        "[texts]\nzz = \"last\"\naa = \"first\"\n\"a.b\" = 1\n[entry]\nid = 1\nold = 2\nno = 3\n[ignored]\nanything = 1\n",
        [&](TableReader& t) {
            if (auto texts = t.optional_table("texts"))
                for (const TomlValue& value : texts->other_entries()) {
                    keys.push_back(value.key() + "=" + value.name());
                    (void)value.required<std::string>();
                }
            if (auto entry = t.optional_table("entry")) {
                (void)entry->required<int>("id");
                entry->forbid("old", "the key was renamed to 'new'");
                entry->hint_for_unknown("no", "write no_points");
            }
            if (auto ignored = t.optional_table("ignored")) ignored->accept_other_keys();
        });
    BOOST_TEST(keys == (strings{"zz=texts.zz", "aa=texts.aa", "a.b=texts.\"a.b\""}), tt::per_element());  // file order
    const strings expected{
        "4:9: error: texts.\"a.b\": expected a string, found the integer 1",
        "7:1: error: entry.old: the key was renamed to 'new'",
        "8:1: error: entry: unknown key 'no'; expected id\nhelp: write no_points",
    };
    BOOST_TEST(problems == expected, tt::per_element());
}

BOOST_AUTO_TEST_CASE(arrays_of_tables_are_named_by_position_until_renamed) {
    strings ids;
    const strings problems = messages_of(
        "[[item]]\nid = \"a\"\n[[item]]\nid = \"b\"\nsize = \"big\"\n[[item]]\nsize = 2\nlist = [1, \"x\"]\n",
        [&](TableReader& t) {
            for (TableReader& item : t.required_tables("item")) {
                if (auto id = item.optional<std::string>("id")) {
                    item.rename("item " + in_quotes(*id));
                    ids.push_back(*id);
                }
                (void)item.optional<int>("size");
                for (const TomlValue& value : item.optional_array("list")) (void)value.required<int>();
            }
            (void)t.required_tables("missing");
            (void)t.required_table("also_missing");
        });
    BOOST_TEST(ids == (strings{"a", "b"}), tt::per_element());
    const strings expected{
        "1:1: error: missing: missing; expected an array of tables [[missing]]",
        "1:1: error: also_missing: missing; expected a table [also_missing]",
        "5:8: error: item \"b\".size: expected a whole number, found the string \"big\"",
        "8:12: error: item[3].list[2]: expected a whole number, found the string \"x\"",
    };
    BOOST_TEST(problems == expected, tt::per_element());
}

BOOST_AUTO_TEST_CASE(values_and_keys_carry_their_full_source_range) {
    testing::TempDir dir;
    const auto path = dir.write("t.toml", "[city]\nname = \"Valmora é\"\nlist = [1,\n  2]\n");
    DiagnosticSink sink;
    const auto document = TomlDocument::read(path, sink);
    BOOST_TEST_REQUIRE(document.has_value());
    TableReader root = document->root(sink);
    std::optional<TableReader> city = root.required_table("city");
    BOOST_TEST_REQUIRE(city.has_value());
    BOOST_TEST((city->where().line == 1 && city->where().column == 1 && city->where().end_column == 7));
    const TomlValue name = (*city)["name"];
    // Columns count characters, not bytes: "Valmora é" in quotes is 11 characters.
    BOOST_TEST((name.where().line == 2 && name.where().column == 8 && name.where().end_line == 2 &&
                name.where().end_column == 19));
    BOOST_TEST((name.key_where().column == 1 && name.key_where().end_column == 5));
    const TomlValue list = (*city)["list"];
    BOOST_TEST((list.where().line == 3 && list.where().end_line == 4));
    BOOST_TEST(sink.all().empty());
}

BOOST_AUTO_TEST_CASE(a_syntax_error_is_recorded_where_toml_stopped) {
    testing::TempDir dir;
    DiagnosticSink sink;
    BOOST_TEST(!TomlDocument::read(dir.write("t.toml", "a = 1\nb = = 2\n"), sink).has_value());
    BOOST_TEST(!TomlDocument::read(dir / "missing.toml", sink).has_value());
    BOOST_REQUIRE(sink.all().size() == 2u);
    BOOST_TEST(sink.all()[0].where.line == 2);
    BOOST_TEST(sink.all()[0].message.find("invalid TOML: ") == 0u);
    BOOST_TEST(sink.all()[1].where.file == (dir / "missing.toml").string());
}

BOOST_AUTO_TEST_CASE(values_by_path_for_files_read_by_path) {
    testing::TempDir dir;
    const auto path = dir.write("t.toml", "[[p]]\ntext = \"a\"\n[[p]]\ntext = 2\n");
    DiagnosticSink sink;
    const auto document = TomlDocument::read(path, sink);
    BOOST_TEST(*value_at_path(document->table(), "p[0].text", path.string(), sink).required<std::string>() == "a");
    BOOST_TEST(!value_at_path(document->table(), "p[1].text", path.string(), sink).required<std::string>());
    BOOST_TEST(!value_at_path(document->table(), "q.text", path.string(), sink).required<std::string>());
    BOOST_REQUIRE(sink.all().size() == 2u);
    BOOST_TEST(sink.all()[0].to_string() == path.string() + ":4:8: error: p[1].text: expected a string, found the integer 2");
    BOOST_TEST(sink.all()[1].to_string() == path.string() + ":1:1: error: q.text: missing; expected a string");
}

BOOST_AUTO_TEST_CASE(did_you_mean_suggests_only_close_names) {
    BOOST_TEST(edit_distance("plna", "plan") == 1u);  // a swap is one edit
    BOOST_TEST(edit_distance("kitten", "sitting") == 3u);
    BOOST_TEST(edit_distance("", "abc") == 3u);
    const strings outcomes{"unanswered", "unknown", "no_points", "some_points"};
    BOOST_TEST(closest_match("no_point", outcomes) == "no_points");
    BOOST_TEST(closest_match("unknwon", outcomes) == "unknown");
    BOOST_TEST(closest_match("full_points", outcomes).empty());
    BOOST_TEST(closest_match("no", outcomes).empty());
    BOOST_TEST(closest_match("commitment.stratgy", {"commitment.strategy", "commitment.statement"}) ==
               "commitment.strategy");
    BOOST_TEST(join_alternatives({"a"}) == "a");
    BOOST_TEST(join_alternatives({"a", "b", "c"}) == "a, b or c");
    BOOST_TEST(join_alternatives({"a", "b"}, " and ") == "a and b");
    BOOST_TEST(number_text(120) == "120");
    BOOST_TEST(number_text(112.5) == "112.5");
    BOOST_TEST(toml_path("", "plain_key") == "plain_key");
    BOOST_TEST(toml_path("questions", "policy.plan") == "questions.\"policy.plan\"");
}

BOOST_AUTO_TEST_CASE(an_array_of_tables_can_be_required_to_have_one) {
    const strings problems = messages_of("options = []\n[q]\n", [](TableReader& t) {
        (void)t.required_tables("options", "option { id = ..., points = ... }");
        if (auto q = t.required_table("q")) (void)q->required_tables("bands", "band { from = ..., points = ... }");
    });
    const strings expected{
        "1:11: error: options: expected at least one option { id = ..., points = ... }, found an empty array",
        "2:1: error: q.bands: missing; expected at least one band { from = ..., points = ... }",
    };
    BOOST_TEST(problems == expected, tt::per_element());
}
