// The scored network cached on disk (driver/network_cache.h) and the stat
// stamps that spare hashing an unchanged file (support/file_digests.h): a hit
// gives the same network and the same PDF as no cache; any change to a
// network file, a corrupted or truncated cache, is never trusted; an invalid
// network file is reported exactly as without a cache.
#include <boost/test/unit_test.hpp>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "driver/network_cache.h"
#include "load/network.h"
#include "score/scored_network.h"
#include "support/atomic_file.h"
#include "support/file_digests.h"
#include "support/hash.h"
#include "test_support.h"

using namespace icc;
namespace fs = std::filesystem;
using testing::TempDir;

namespace {

const DataRoot& data() {
    static const DataRoot root{testing::source_root()};
    return root;
}

const Questionnaire& questionnaire() {
    static const Questionnaire loaded = Questionnaire::bundled(data());
    return loaded;
}

// A network of three sample cities (two with two editions), copied so that it can be edited.
struct SmallNetwork {
    TempDir dir;
    fs::path folder = dir / "network";
    fs::path cache = dir / "cache";
    SmallNetwork() {
        fs::create_directories(folder);
        for (const char* city : {"valmora", "marvege", "castelvarra"})
            fs::copy(testing::source_root() / "samples/network" / city, folder / city, fs::copy_options::recursive);
    }
    [[nodiscard]] CachedNetwork load() const { return cached_scored_network(data(), questionnaire(), folder, cache); }
};

// Every field the cache keeps, as text: two networks print the same exactly when they are the same.
std::string described(const ScoredNetwork& network) {
    std::string out = network.folder.string() + "\n";
    const auto exact = [](const std::optional<Exact>& value) { return value ? exact_text(*value) : std::string("-"); };
    for (const ScoredEdition& edition : network.editions) {
        const CityScores& s = edition.scores;
        out += s.city.id + "|" + s.city.name + "|" + s.city.country + "|" + std::to_string(s.city.population) + "|" +
               std::to_string(s.city.foreign_born_percent) + "|" + s.date.iso() + "|" + s.questionnaire + "|" +
               (s.extended_version ? "x" : "c") + "|" + exact(s.aggregate) + "|" + exact(s.core) + "|" +
               exact(s.extended) + "|" + edition.source_file + "|" + (edition.issued ? edition.issued->iso() : "-");
        for (const std::string& language : s.city.languages) out += "|" + language;
        for (const AreaScore& area : s.areas)
            out += "|" + area.area + "=" + exact(area.rate) + "," + exact_text(area.earned) + "," +
                   exact_text(area.possible);
        out += "\n";
    }
    return out;
}

std::string uncached(const fs::path& folder) { return described(read_scored_network(folder, questionnaire())); }

void replace_in(const fs::path& file, const std::string& from, const std::string& to) {
    std::string text = testing::slurp(file);
    const auto at = text.find(from);
    BOOST_TEST_REQUIRE(at != std::string::npos, from);
    text.replace(at, from.size(), to);
    std::ofstream(file, std::ios::binary | std::ios::trunc) << text;
}

void set_mtime(const fs::path& file, std::int64_t mtime_ns) {
    const timespec times[2] = {{0, UTIME_OMIT}, {mtime_ns / 1'000'000'000, mtime_ns % 1'000'000'000}};
    BOOST_TEST_REQUIRE(::utimensat(AT_FDCWD, file.c_str(), times, 0) == 0);
}

}  // namespace

BOOST_AUTO_TEST_CASE(a_cache_hit_is_the_network_read_and_scored) {
    const SmallNetwork network;
    const CachedNetwork first = network.load();
    BOOST_TEST((first.use == NetworkCacheUse::rebuilt));
    BOOST_TEST(fs::exists(network_cache_file(network.folder, network.cache)));
    const CachedNetwork second = network.load();
    BOOST_TEST((second.use == NetworkCacheUse::hit));
    BOOST_TEST(described(second.network) == uncached(network.folder));
    BOOST_TEST(described(first.network) == described(second.network));
    BOOST_TEST(second.network.editions.size() == 5u);
}

BOOST_AUTO_TEST_CASE(a_changed_network_file_invalidates_the_cache) {
    const SmallNetwork network;
    const std::string before = described(network.load().network);
    // Another answer: the score changes, and so must the cached one.
    replace_in(network.folder / "valmora/2026-03-15.toml", "action_plan = \"no\"", "action_plan = \"yes\"");
    const CachedNetwork changed = network.load();
    BOOST_TEST((changed.use == NetworkCacheUse::rebuilt));
    BOOST_TEST(described(changed.network) != before);
    BOOST_TEST(described(changed.network) == uncached(network.folder));

    // A new edition file, and one taken away: each is a different network.
    fs::copy_file(network.folder / "valmora/2026-03-15.toml", network.folder / "valmora/2026-09-15.toml");
    replace_in(network.folder / "valmora/2026-09-15.toml", "date = 2026-03-15", "date = 2026-09-15");
    BOOST_TEST((network.load().use == NetworkCacheUse::rebuilt));
    BOOST_TEST(network.load().network.editions.size() == 6u);
    fs::remove(network.folder / "valmora/2026-09-15.toml");
    const CachedNetwork removed = network.load();
    BOOST_TEST((removed.use == NetworkCacheUse::rebuilt));
    BOOST_TEST(described(removed.network) == uncached(network.folder));
}

BOOST_AUTO_TEST_CASE(a_corrupted_or_truncated_cache_is_rebuilt_silently) {
    const SmallNetwork network;
    const std::string expected = uncached(network.folder);
    (void)network.load();
    const fs::path file = network_cache_file(network.folder, network.cache);
    const std::string good = testing::slurp(file);
    BOOST_TEST_REQUIRE(good.size() > 200u);
    std::string flipped = good;
    flipped[good.size() - 20] = static_cast<char>(flipped[good.size() - 20] ^ 0x01);  // a score's byte
    for (const std::string& bad : {flipped, good.substr(0, good.size() / 2), std::string(), std::string("ICCNET\n")}) {
        write_file_atomically(file, bad);
        const CachedNetwork loaded = network.load();
        BOOST_TEST((loaded.use == NetworkCacheUse::rebuilt));
        BOOST_TEST(described(loaded.network) == expected);
        BOOST_TEST((network.load().use == NetworkCacheUse::hit));  // and written again, whole
    }
}

BOOST_AUTO_TEST_CASE(an_invalid_network_file_is_reported_as_without_a_cache) {
    const SmallNetwork network;
    (void)network.load();  // a valid network in the cache
    // Same size, so that only its bytes tell it apart; mtime set back as it was.
    const fs::path file = network.folder / "marvege/2025-05-20.toml";
    const std::int64_t mtime = stamp_of(file)->mtime_ns;
    replace_in(file, "[edition]", "[edition");
    replace_in(file, "[answers.commitment]", "[answers.commitment]]");
    set_mtime(file, mtime);
    std::string without_cache;
    try {
        (void)read_scored_network(network.folder, questionnaire());
        BOOST_FAIL("the invalid file was accepted");
    } catch (const DiagnosticError& error) {
        without_cache = error.what();
    }
    BOOST_TEST(without_cache.find(file.string() + ":") != std::string::npos, without_cache);
    for (int run = 0; run < 2; ++run) {  // and never cached: the next run reports it again
        try {
            (void)network.load();
            BOOST_FAIL("the cache hid an invalid network file");
        } catch (const DiagnosticError& error) {
            BOOST_TEST(std::string(error.what()) == without_cache);
        }
    }
}

BOOST_AUTO_TEST_CASE(a_report_from_the_cache_is_the_same_pdf_as_without_one) {
    const SmallNetwork network;
    const std::string edition = (network.folder / "marvege/2025-05-20.toml").string();
    const auto report = [&](const std::string& cache, const std::string& pdf) {
        const auto result = testing::run("ICCREPORT_CACHE_DIR=" + cache + " " + testing::iccreport() + " report " +
                                         edition + " --network " + network.folder.string() + " --lang fr --out " +
                                         (network.dir / pdf).string());
        BOOST_TEST_REQUIRE(result.exit_code == 0, result.err);
    };
    report("''", "none.pdf");                         // no cache at all
    report(network.cache.string(), "cold.pdf");       // the cache written
    report(network.cache.string(), "warm.pdf");       // read from it
    BOOST_TEST(fs::exists(network_cache_file(network.folder, network.cache)));
    const std::string none = testing::slurp(network.dir / "none.pdf");
    BOOST_TEST(none.size() > 10000u);
    BOOST_TEST((testing::slurp(network.dir / "cold.pdf") == none));
    BOOST_TEST((testing::slurp(network.dir / "warm.pdf") == none));
}

BOOST_AUTO_TEST_CASE(a_digest_is_trusted_by_stamp_only_when_nothing_could_have_changed) {
    TempDir dir;
    const fs::path file = dir.write("a.toml", "answer = \"yes\"\n");
    const std::string yes = sha256_hex("answer = \"yes\"\n");
    const std::string nay = sha256_hex("answer = \"nay\"\n");
    // Recorded long after the file was written: trusted without reading it.
    const std::int64_t mtime = stamp_of(file)->mtime_ns;
    const auto known_at = [&](std::int64_t hashed_at, const std::string& digest) {
        return std::map<std::string, KnownDigest>{{file.string(), KnownDigest{*stamp_of(file), hashed_at, digest}}};
    };
    {
        FileDigests digests(known_at(mtime + 10'000'000'000, "recorded"));
        BOOST_TEST(digests.of(file) == "recorded");  // the record, not the bytes: it was not read
        BOOST_TEST(digests.hashed() == 0);
    }
    // Hashed in the same tick as it was written: it could change again unseen, so it is read again.
    {
        FileDigests digests(known_at(mtime + 1'000'000, "recorded"));
        BOOST_TEST(digests.of(file) == yes);
        BOOST_TEST(digests.hashed() == 1);
    }
    // The same size and the modification time set back: its change time moved, so it is read again.
    FileDigests first;
    BOOST_TEST(first.of(file) == yes);
    std::map<std::string, KnownDigest> recorded = first.used();
    recorded.at(file.string()).hashed_at_ns = mtime + 10'000'000'000;  // as if hashed long after writing
    ::usleep(20'000);  // a later change time, whatever the clock's tick
    std::ofstream(file, std::ios::binary | std::ios::trunc) << "answer = \"nay\"\n";
    set_mtime(file, mtime);
    BOOST_TEST(stamp_of(file)->size == recorded.at(file.string()).stamp.size);
    BOOST_TEST(stamp_of(file)->mtime_ns == mtime);
    FileDigests second(recorded);
    BOOST_TEST(second.of(file) == nay);
    BOOST_TEST(second.hashed() == 1);
    // A file that is gone is an error naming it, whatever was recorded.
    fs::remove(file);
    FileDigests third(recorded);
    BOOST_CHECK_THROW((void)third.of(file), DiagnosticError);
}
