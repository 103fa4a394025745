// `iccreport check`: data files and locale completeness.
#include <boost/test/unit_test.hpp>

#include <regex>

#include "driver/check.h"
#include "test_support.h"

using namespace icc;

namespace {
// The shared locale copy, with what these tests do to it.
struct DataCopy : testing::LocaleDataCopy {
    void edit_locale(const std::string& lang, const std::string& pattern, const std::string& replacement) {
        const auto file = dir / "locales" / (lang + ".toml");
        const std::string text = std::regex_replace(testing::slurp(file), std::regex(pattern), replacement);
        std::ofstream(file, std::ios::binary | std::ios::trunc) << text;
    }
};
}  // namespace

BOOST_AUTO_TEST_CASE(shipped_locales_are_complete) {
    const CheckResult result = check_everything({testing::source_root()});
    for (const auto& d : result.data_errors) BOOST_TEST_MESSAGE(d.to_string());
    BOOST_TEST(result.data_errors.empty());
    BOOST_REQUIRE(result.locales.size() >= 2u);
    for (const LocaleCheck& locale : result.locales) {
        BOOST_TEST_CONTEXT(locale.lang) { BOOST_TEST(locale.missing.empty()); }
    }
    BOOST_TEST(result.ok());
    // Keys used while drawing charts count too.
    BOOST_TEST(result.used_keys.count("charts.legend.sample_average") == 1u);
    BOOST_TEST(result.used_keys.count("report.overall.rank") == 1u);
}

BOOST_AUTO_TEST_CASE(a_missing_translation_fails_the_check) {
    DataCopy copy;
    copy.edit_locale("fr", "\nrank = \"[^\n]*\n", "\n");
    const auto result = testing::run(testing::iccreport() + " --data '" + copy.dir.path().string() + "' check");
    BOOST_TEST(result.exit_code == 1);
    BOOST_TEST(result.out.find("fr.toml: error: missing key 'report.overall.rank' (used by the reports)") !=
               std::string::npos);
}

BOOST_AUTO_TEST_CASE(an_unused_key_is_a_warning_only) {
    DataCopy copy;
    copy.edit_locale("fr", "\n\\[meta\\]\n", "\n[obsolete]\nold_title = \"Ancien titre\"\n\n[meta]\n");
    const auto result = testing::run(testing::iccreport() + " --data '" + copy.dir.path().string() + "' check");
    BOOST_TEST(result.exit_code == 0, result.out);
    BOOST_TEST(result.out.find("fr.toml: warning: unused key 'obsolete.old_title'") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_broken_data_file_is_reported_with_its_position) {
    DataCopy copy;
    copy.edit_locale("fr", "\ntitle = \"Sommaire\"\n", "\ntitle = \"Sommaire\n");
    const auto result = testing::run(testing::iccreport() + " --data '" + copy.dir.path().string() + "' check");
    BOOST_TEST(result.exit_code == 1);
    BOOST_TEST(std::regex_search(result.out, std::regex("fr\\.toml:[0-9]+:[0-9]+: error: invalid TOML")));
}
