// The build cache key is complete: for each kind of input, a change on a copy
// of the data rebuilds exactly the reports whose bytes change, and every
// report left in the output folder, rebuilt or not, is byte-identical to a
// from-scratch build of the changed data. Inputs that act after the document
// (fonts, hyphenation patterns, the engine, the linked libraries) rebuild
// every report that uses them, since no report can be known unaffected
// without laying it out again.
#include <boost/test/unit_test.hpp>

#include <cairo.h>
#include <hb.h>
#include <pango/pango.h>
#include <qpdf/QPDF.hh>

#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "layout/hyphenation.h"
#include "render/linked_libraries.h"
#include "test_support.h"

using namespace icc;
using testing::run;
namespace fs = std::filesystem;

namespace {

using Names = std::set<std::string>;
using Files = std::map<std::string, std::string>;  // PDF name -> bytes

// A data folder of its own (templates, locales, fonts, hyphenation patterns,
// practices) with a network of three cities: Valmora (one edition), Marvège
// (two editions, expert overrides, visit notes: a profile too) and
// Strandsstad (the source of a practice Valmora's report quotes). Reports in
// English and French: eight PDFs.
struct DataCopy {
    testing::TempDir dir;
    fs::path data = dir / "data";

    DataCopy() {
        const fs::path source = testing::source_root();
        fs::create_directories(data / "samples" / "network");
        for (const char* folder : {"templates", "locales", "fonts"})
            fs::copy(source / folder, data / folder, fs::copy_options::recursive);
        fs::copy(source / "samples" / "practices.toml", data / "samples" / "practices.toml");
        for (const char* city : {"valmora", "marvege", "strandsstad"})
            fs::copy(source / "samples" / "network" / city, data / "samples" / "network" / city,
                     fs::copy_options::recursive);
        fs::remove(data / "samples" / "network" / "valmora" / "visit-2026-06-09.toml");
        // Hyphenation patterns of the data folder's own (links kept, as Debian ships them).
        BOOST_REQUIRE(run("cp -a /usr/share/hyphen '" + (data / "hyphen").string() + "'").exit_code == 0);
        append("fonts/fonts.toml", "\n[hyphenation]\npatterns = \"../hyphen\"\n");
        std::ofstream(data / "iccreport.toml") << "languages = [\"en\", \"fr\"]\n";
    }

    [[nodiscard]] std::string build(const fs::path& out, const std::string& extra = "") const {
        return testing::iccreport() + " --data '" + data.string() + "' build --out '" + out.string() +
               "' --langs en,fr -j2 " + extra;
    }
    void replace(const std::string& file, const std::string& from, const std::string& to) const {
        const fs::path path = data / file;
        std::string text = testing::slurp(path);
        const auto at = text.find(from);
        BOOST_REQUIRE_MESSAGE(at != std::string::npos, "'" + from + "' not in " + file);
        text.replace(at, from.size(), to);
        std::ofstream(path, std::ios::binary | std::ios::trunc) << text;
    }
    void append(const std::string& file, const std::string& text) const {
        std::ofstream(data / file, std::ios::binary | std::ios::app) << text;
    }
};

Files pdfs(const fs::path& out) {
    Files result;
    for (const auto& entry : fs::directory_iterator(out))
        if (entry.path().extension() == ".pdf") result[entry.path().filename().string()] = testing::slurp(entry.path());
    return result;
}

nlohmann::json manifest(const fs::path& out) { return nlohmann::json::parse(testing::slurp(out / "manifest.json")); }

Names with_status(const fs::path& out, const std::string& status) {
    Names names;
    const nlohmann::json parsed = manifest(out);
    for (const auto& report : parsed["reports"])
        if (report["status"] == status) names.insert(report["output"].get<std::string>());
    return names;
}

Names ending_with(const Files& files, const std::string& suffix) {
    Names names;
    for (const auto& [name, bytes] : files)
        if (name.ends_with(suffix)) names.insert(name);
    return names;
}

std::string listed(const Names& names) {
    std::string text;
    for (const std::string& name : names) text += (text.empty() ? "" : ", ") + name;
    return "{" + text + "}";
}

// One change to the data, then an incremental build of `out` and a build
// from scratch. Returns what the incremental build rebuilt; checks that every
// PDF of `out` is the from-scratch one, and (for `exact` inputs) that the
// reports rebuilt are exactly those whose bytes changed.
struct Rebuild {
    Names rebuilt;
    Names changed;  // bytes differ from before the change
    Names all;
};

Rebuild rebuild_after_change(const DataCopy& copy, const fs::path& out, const std::string& what, bool exact) {
    Rebuild result;
    BOOST_TEST_CONTEXT(what) {
        const Files before = pdfs(out);
        const auto incremental = run(copy.build(out));
        BOOST_TEST_REQUIRE(incremental.exit_code == 0, incremental.err);
        const fs::path scratch = copy.dir / ("scratch-" + std::to_string(before.size()) + "-" +
                                             std::to_string(std::hash<std::string>{}(what)));
        const auto fresh = run(copy.build(scratch));
        BOOST_TEST_REQUIRE(fresh.exit_code == 0, fresh.err);
        const Files after = pdfs(out);
        const Files reference = pdfs(scratch);
        result.rebuilt = with_status(out, "built");
        for (const auto& [name, bytes] : reference) {
            result.all.insert(name);
            BOOST_TEST_REQUIRE(after.count(name) == 1u, name);
            BOOST_TEST((after.at(name) == bytes), name << " differs from a from-scratch build");
            const auto old = before.find(name);
            if (old == before.end() || old->second != bytes) result.changed.insert(name);
        }
        BOOST_TEST(after.size() == reference.size());
        if (exact)
            BOOST_TEST((result.rebuilt == result.changed),
                       "rebuilt " << listed(result.rebuilt) << ", bytes changed " << listed(result.changed));
        else
            for (const std::string& name : result.changed)
                BOOST_TEST(result.rebuilt.count(name) == 1u, name << " changed but was not rebuilt");
        fs::remove_all(scratch);
    }
    return result;
}

// What `build --dry-run` says it would rebuild and why, before the build.
std::string dry_run(const DataCopy& copy, const fs::path& out) {
    const auto result = run(copy.build(out, "--dry-run"));
    BOOST_TEST_REQUIRE(result.exit_code == 0, result.err);
    return result.out;
}

}  // namespace

BOOST_AUTO_TEST_CASE(each_input_of_the_document_rebuilds_exactly_the_reports_whose_bytes_change) {
    DataCopy copy;
    const fs::path out = copy.dir / "out";
    const auto first = run(copy.build(out));
    BOOST_TEST_REQUIRE(first.exit_code == 0, first.err);
    const Files all = pdfs(out);
    BOOST_TEST_REQUIRE(all.size() == 8u);
    const Names french = ending_with(all, ".fr.pdf");

    // An answer of one city: its own reports, and every report quoting a sample figure it moves.
    copy.replace("samples/network/valmora/2026-03-15.toml", "languages_taught = 1", "languages_taught = 3");
    Rebuild r = rebuild_after_change(copy, out, "edition answer", true);
    BOOST_TEST(r.rebuilt.count("valmora.en.pdf") == 1u);
    BOOST_TEST(r.rebuilt.count("strandsstad.en.pdf") == 1u);  // the sample average moved

    // A word a chart prints (issue 11: this one never reached the PDFs): the French reports only.
    copy.replace("locales/fr.toml", "[charts.legend]\nsample_average = \"Moyenne de l’échantillon\"",
                 "[charts.legend]\nsample_average = \"Moyenne du réseau\"");
    // The dry run names the key, in the French reports only.
    std::string listing = dry_run(copy, out);
    BOOST_TEST(listing.find("rebuild valmora.fr.pdf\n  the French text of the key charts.legend.sample_average changed\n") !=
                   std::string::npos,
               listing);
    BOOST_TEST(listing.find(".en.pdf") == std::string::npos, listing);
    r = rebuild_after_change(copy, out, "locale string drawn in a chart", true);
    BOOST_TEST(!r.rebuilt.empty());
    for (const std::string& name : r.rebuilt) BOOST_TEST(french.count(name) == 1u, name);

    // A string no report prints (the questionnaire workbook's): nothing.
    copy.replace("locales/fr.toml", "sheet_city = \"Ville\"", "sheet_city = \"Commune\"");
    r = rebuild_after_change(copy, out, "locale string no report prints", true);
    BOOST_TEST(r.rebuilt.empty(), listed(r.rebuilt));

    // The report template: the Index Reports, not the profiles.
    copy.replace("templates/report/index-report.toml", "strengths = 3", "strengths = 2");
    listing = dry_run(copy, out);
    BOOST_TEST(listing.find("rebuild valmora.fr.pdf\n  the questionnaire or the report templates changed (templates/)\n") !=
                   std::string::npos,
               listing);
    r = rebuild_after_change(copy, out, "report template", true);
    BOOST_TEST(r.rebuilt.count("valmora.fr.pdf") == 1u);
    BOOST_TEST(r.rebuilt.count("marvege.profile-2025-09-23.en.pdf") == 0u);

    // The profile template.
    copy.replace("templates/report/profile.toml", "strengths = 3", "strengths = 2");
    r = rebuild_after_change(copy, out, "profile template", true);
    BOOST_TEST(!r.rebuilt.empty());
    BOOST_TEST(r.rebuilt.count("valmora.en.pdf") == 0u);

    // The questionnaire's weights: every score moves.
    copy.replace("templates/index/questionnaire.toml", "id = \"commitment.strategy\"\nkind = \"input\"\ntype = \"yes_partly_no\"\nweight = 2",
                 "id = \"commitment.strategy\"\nkind = \"input\"\ntype = \"yes_partly_no\"\nweight = 3");
    r = rebuild_after_change(copy, out, "questionnaire weights", true);
    BOOST_TEST(r.rebuilt.size() >= 6u);

    // Selection settings and recommendation rules.
    copy.replace("templates/report/selection.toml", "max_practices_per_area = 3", "max_practices_per_area = 1");
    r = rebuild_after_change(copy, out, "selection settings", true);
    copy.replace("templates/recommendations.toml", "[areas]\ndefault = \"always\"", "[areas]\ndefault = \"never\"");
    r = rebuild_after_change(copy, out, "recommendation rules", true);
    BOOST_TEST(!r.rebuilt.empty());

    // A practice's English title: the one English report that quotes it.
    copy.replace("samples/practices.toml", "title.en = \"An intercultural strategy carried by every department\"",
                 "title.en = \"An intercultural strategy that every department carries\"");
    BOOST_TEST(dry_run(copy, out) == "rebuild valmora.en.pdf\n  the library of good practices changed\n");
    r = rebuild_after_change(copy, out, "practice", true);
    BOOST_TEST(listed(r.rebuilt) == "{valmora.en.pdf}");

    // An expert's override: that city's English Index Report.
    copy.replace("samples/network/marvege/overrides.toml", "traineeships for young journalists",
                 "paid traineeships for young journalists");
    // The entry that changed, in the English report only (its French text is as it was).
    listing = dry_run(copy, out);
    BOOST_TEST(listing.find("rebuild marvege.en.pdf\n  the expert's overrides changed: the addition to the area media "
                            "(changed)\n") != std::string::npos,
               listing);
    BOOST_TEST(listing.find(".fr.pdf") == std::string::npos, listing);
    r = rebuild_after_change(copy, out, "override", true);
    BOOST_TEST(r.rebuilt.count("marvege.en.pdf") == 1u);
    for (const std::string& name : r.rebuilt) BOOST_TEST(name.rfind("marvege.", 0) == 0u, name);

    // Nothing changed: nothing rebuilt.
    r = rebuild_after_change(copy, out, "no change", true);
    BOOST_TEST(r.rebuilt.empty(), listed(r.rebuilt));
}

BOOST_AUTO_TEST_CASE(fonts_and_hyphenation_patterns_rebuild_the_reports_set_with_them) {
    DataCopy copy;
    const fs::path out = copy.dir / "out";
    const auto first = run(copy.build(out));
    BOOST_TEST_REQUIRE(first.exit_code == 0, first.err);
    const Names french = ending_with(pdfs(out), ".fr.pdf");

    // French patterns that allow no break at all: the French reports, and any report with French text.
    const auto patterns = Hyphenator::for_language("fr_FR", copy.data / "hyphen");
    BOOST_TEST_REQUIRE(patterns.has_value());
    std::ofstream(patterns->file(), std::ios::binary | std::ios::trunc) << "UTF-8\nLEFTHYPHENMIN 2\nRIGHTHYPHENMIN 3\n";
    Rebuild r = rebuild_after_change(copy, out, "hyphenation patterns", false);
    for (const std::string& name : french) BOOST_TEST(r.changed.count(name) == 1u, name << " kept its hyphens");
    BOOST_TEST(r.rebuilt.count("valmora.en.pdf") == 0u);  // no French in it
    BOOST_TEST(r.rebuilt.count("strandsstad.en.pdf") == 0u);

    // Another body face in fonts.toml: every report.
    copy.replace("fonts/fonts.toml", "body    = [\"Noto Serif\",", "body    = [\"Noto Sans\", \"Noto Serif\",");
    r = rebuild_after_change(copy, out, "fonts.toml", false);
    BOOST_TEST(r.changed == r.all);
    BOOST_TEST(r.rebuilt == r.all);

    // A font file's bytes (a new release of the face): every report.
    fs::copy_file(testing::source_root() / "fonts" / "NotoSans-Bold.ttf", copy.data / "fonts" / "NotoSans-Regular.ttf",
                  fs::copy_options::overwrite_existing);
    r = rebuild_after_change(copy, out, "font file", false);
    BOOST_TEST(r.rebuilt == r.all);
    BOOST_TEST(!r.changed.empty());
}

// A regional variant's reports read two locale files (locales/ar-MA.toml
// extends ar.toml): a change to either rebuilds them, as a from-scratch
// build makes them, and a change to the base reaches the variant's PDF.
BOOST_AUTO_TEST_CASE(a_regional_variants_reports_are_keyed_by_its_base_locale_too) {
    DataCopy copy;
    const fs::path out = copy.dir / "out";
    const auto build = [&](const fs::path& folder) {
        return testing::iccreport() + " --data '" + copy.data.string() + "' build --out '" + folder.string() +
               "' --langs ar-MA --only valmora,strandsstad -j2";  // Marvège's expert wrote in en and fr only
    };
    const auto first = run(build(out));
    BOOST_TEST_REQUIRE(first.exit_code == 0, first.err);
    const Names moroccan = ending_with(pdfs(out), ".ar-MA.pdf");
    BOOST_TEST_REQUIRE(moroccan.size() == 2u, listed(moroccan));
    const auto rebuilt_as_from_scratch = [&](const std::string& what) {
        Names rebuilt;
        BOOST_TEST_CONTEXT(what) {
            const Files before = pdfs(out);
            const auto again = run(build(out));
            BOOST_TEST_REQUIRE(again.exit_code == 0, again.err);
            rebuilt = with_status(out, "built");
            const fs::path scratch = copy.dir / ("scratch-" + std::to_string(std::hash<std::string>{}(what)));
            BOOST_TEST_REQUIRE(run(build(scratch)).exit_code == 0);
            const Files after = pdfs(out), reference = pdfs(scratch);
            Names changed;
            for (const auto& [name, bytes] : reference) {
                BOOST_TEST((after.at(name) == bytes), name << " differs from a from-scratch build");
                if (before.at(name) != bytes) changed.insert(name);
            }
            BOOST_TEST((rebuilt == changed), "rebuilt " << listed(rebuilt) << ", bytes changed " << listed(changed));
        }
        return rebuilt;
    };
    // The base's words (the cover's title, in every report): every ar-MA report.
    copy.replace("locales/ar.toml", "title = \"نتائج مؤشر المدن المتعددة الثقافات\"",
                 "title = \"نتائج مؤشر المدن المتعددة الثقافات لعام\"");
    const Names index_reports{"strandsstad.ar-MA.pdf", "valmora.ar-MA.pdf"};
    Names rebuilt = rebuilt_as_from_scratch("ar.toml");
    for (const std::string& name : index_reports) BOOST_TEST(rebuilt.count(name) == 1u, name);
    // The variant's own file: a message it now writes its own way.
    copy.append("locales/ar-MA.toml", "\n[report.cover]\ntitle = \"نتائج مؤشر المدن المتعددة الثقافات في المغرب\"\n");
    rebuilt = rebuilt_as_from_scratch("ar-MA.toml");
    for (const std::string& name : index_reports) BOOST_TEST(rebuilt.count(name) == 1u, name);
    // Nothing changed: nothing rebuilt.
    const auto noop = run(build(out));
    BOOST_TEST_REQUIRE(noop.exit_code == 0, noop.err);
    BOOST_TEST(with_status(out, "built").empty());
}

BOOST_AUTO_TEST_CASE(the_engine_and_the_linked_libraries_are_part_of_every_key) {
    DataCopy copy;
    const fs::path out = copy.dir / "out";
    const auto first = run(copy.build(out));
    BOOST_TEST_REQUIRE(first.exit_code == 0, first.err);

    // The manifest names the libraries the reports were rendered with, as they say themselves.
    nlohmann::json recorded = manifest(out);
    const auto libraries = recorded["libraries"];
    BOOST_TEST(libraries["cairo"] == cairo_version_string());
    BOOST_TEST(libraries["pango"] == pango_version_string());
    BOOST_TEST(libraries["harfbuzz"] == hb_version_string());
    BOOST_TEST(libraries["qpdf"] == QPDF::QPDFVersion());
    for (const char* name : {"freetype", "fontconfig", "icu-uc", "icu-i18n", "icu-data", "hyphen", "zlib"})
        BOOST_TEST(!libraries.value(name, std::string()).empty(), name);
    for (const LinkedLibrary& library : linked_libraries()) BOOST_TEST(libraries[library.name] == library.version);
    for (const auto& report : recorded["reports"]) {
        BOOST_TEST(report["inputs"].contains("engine"));
        BOOST_TEST(report["inputs"].contains("libraries"));
        BOOST_TEST(report["inputs"].contains("hyphenation"));
    }

    // A report built by another engine (as if it were built before an upgrade): that one.
    const Files before = pdfs(out);
    for (auto& report : recorded["reports"])
        if (report["output"] == "marvege.fr.pdf") report["inputs"]["engine"] = "another engine";
    std::ofstream(out / "manifest.json", std::ios::trunc) << recorded.dump(2);
    auto dry = run(copy.build(out, "--dry-run"));
    BOOST_TEST(dry.out == "rebuild marvege.fr.pdf\n  another version of iccreport\n");
    BOOST_TEST_REQUIRE(run(copy.build(out)).exit_code == 0);
    BOOST_TEST(listed(with_status(out, "built")) == "{marvege.fr.pdf}");
    BOOST_TEST((pdfs(out) == before));

    // Reports rendered with other library files: every one.
    recorded = manifest(out);
    for (auto& report : recorded["reports"]) report["inputs"]["libraries"] = "cairo 1.14.0 ...";
    std::ofstream(out / "manifest.json", std::ios::trunc) << recorded.dump(2);
    dry = run(copy.build(out, "--dry-run"));
    BOOST_TEST(dry.out.find("rebuild valmora.en.pdf\n  the libraries it is rendered with changed\n") != std::string::npos,
               dry.out);
    BOOST_TEST_REQUIRE(run(copy.build(out)).exit_code == 0);
    BOOST_TEST(with_status(out, "built").size() == 8u);
    BOOST_TEST((pdfs(out) == before));
}

BOOST_AUTO_TEST_CASE(tagging_the_pdf_standards_and_the_output_profile_are_part_of_every_key) {
    DataCopy copy;
    const fs::path out = copy.dir / "out";
    BOOST_TEST_REQUIRE(run(copy.build(out)).exit_code == 0);
    const std::string archival = "--pdf-standard ua-1,a-2u";
    auto result = run(copy.build(out, archival));
    BOOST_TEST_REQUIRE(result.exit_code == 0, result.err);
    BOOST_TEST(with_status(out, "built").size() == 8u);  // PDF/A: every report, once
    BOOST_TEST_REQUIRE(run(copy.build(out, archival)).exit_code == 0);
    BOOST_TEST(with_status(out, "built").empty());

    // Another output profile (one byte of its tag data changed): every PDF/A report again.
    std::string profile = testing::slurp("/usr/share/color/icc/sRGB.icc");
    BOOST_REQUIRE(profile.size() > 200);
    profile[200] = static_cast<char>(profile[200] ^ 1);
    const fs::path other = copy.data / "other-srgb.icc";
    std::ofstream(other, std::ios::binary) << profile;
    copy.replace("templates/style/pdf.toml", "/usr/share/color/icc/sRGB.icc", other.string());
    result = run(copy.build(out, archival));
    BOOST_TEST_REQUIRE(result.exit_code == 0, result.err);
    BOOST_TEST(with_status(out, "built").size() == 8u);
    BOOST_TEST(testing::pdf_catalog(out / "valmora.en.pdf").find("/OutputIntents") != std::string::npos);

    // Untagged (--no-tags): every report again, and no longer tagged.
    result = run(copy.build(out, "--no-tags"));
    BOOST_TEST_REQUIRE(result.exit_code == 0, result.err);
    BOOST_TEST(with_status(out, "built").size() == 8u);
    BOOST_TEST(testing::pdf_catalog(out / "valmora.en.pdf").find("/MarkInfo") == std::string::npos);
}
