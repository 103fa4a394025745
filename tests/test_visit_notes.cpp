#include <boost/test/unit_test.hpp>

#include "load/visit_notes.h"
#include "test_support.h"

using namespace icc;

namespace {
const std::set<std::string> areas{"commitment", "welcome", "education", "lens"};

const char* notes = R"(
[visit]
city = "lyra"
edition = 2026-03-15
dates = [2026-05-12, 2026-05-13]
language = "en"

[[team]]
name = "A. Expert"
role = "expert"

[[programme]]
date = 2026-05-13
time = "09:00"
stakeholder = "Schools"
topic = "Mixing"

[[programme]]
date = 2026-05-12
time = "14:00"
stakeholder = "Mayor"
topic = "Strategy"

[[met]]
organisation = "Welcome centre"

[sections]
context = """
Lyra grew with **three** waves of arrival.

- dockers
- students"""

[sections.areas]
welcome = "The *one-stop shop* works well."

[[recommendation]]
area = "commitment"
priority = "high"
text = "Adopt the action plan with a budget."
)";
}  // namespace

BOOST_AUTO_TEST_CASE(visit_notes_load_in_programme_order) {
    testing::TempDir dir;
    VisitNotes v = load_visit_notes(dir.write("visit.toml", notes), areas);
    BOOST_TEST(v.city == "lyra");
    BOOST_TEST((v.edition == Date{2026, 3, 15}));
    BOOST_TEST((v.first_day == Date{2026, 5, 12}));
    BOOST_REQUIRE(v.programme.size() == 2u);
    BOOST_TEST(v.programme[0].stakeholder == "Mayor");  // sorted by date and time
    BOOST_REQUIRE(v.context.blocks.size() == 2u);
    BOOST_TEST(std::get<MarkupList>(v.context.blocks[1]).items.size() == 2u);
    BOOST_REQUIRE(v.areas.size() == 1u);
    BOOST_TEST(v.areas[0].area == "welcome");
    BOOST_TEST((v.recommendations.at(0).priority == Priority::high));
    BOOST_TEST(v.warnings.empty());
}

BOOST_AUTO_TEST_CASE(visit_notes_reject_unknown_areas_with_positions) {
    testing::TempDir dir;
    std::string text = notes;
    text.replace(text.find("welcome = \"The"), 7, "welcomeing");
    text.replace(text.find("area = \"commitment\""), 19, "area = \"commitement\"");
    try {
        load_visit_notes(dir.write("visit.toml", text), areas);
        BOOST_FAIL("expected DiagnosticError");
    } catch (const DiagnosticError& e) {
        BOOST_REQUIRE(e.diagnostics().size() == 2u);
        BOOST_TEST(e.diagnostics()[0].message.find("sections.areas.welcomeing: unknown area 'welcomeing'") == 0u);
        BOOST_TEST(e.diagnostics()[1].message.find("recommendation[1].area: unknown area 'commitement'") == 0u);
        BOOST_TEST(e.diagnostics()[1].where.line > 0);
    }
}

BOOST_AUTO_TEST_CASE(malformed_markup_in_notes_is_a_warning_not_an_error) {
    testing::TempDir dir;
    std::string text = notes;
    text.replace(text.find("*one-stop shop*"), 15, "*one-stop shop");
    VisitNotes v = load_visit_notes(dir.write("visit.toml", text), areas);
    BOOST_REQUIRE(v.warnings.size() == 1u);
    BOOST_TEST((v.warnings[0].severity == Severity::warning));
    BOOST_TEST(v.warnings[0].where.line == 35);
    BOOST_TEST(v.warnings[0].where.column == 16);  // the star, past `welcome = "The `
}
