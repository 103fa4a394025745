#include <boost/test/unit_test.hpp>

#include <mutex>
#include <set>
#include <sstream>

#include "batch/manifest.h"
#include "batch/parallel.h"
#include "batch/progress.h"
#include "support/hash.h"
#include "test_support.h"

using namespace icc;

BOOST_AUTO_TEST_CASE(sha256_matches_the_standard_test_vector) {
    BOOST_TEST(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    // Fields are length-prefixed: moving a boundary changes the digest.
    BOOST_TEST(Sha256().field("ab").field("c").hex() != Sha256().field("a").field("bc").hex());
    Sha256 running;
    running.field("x");
    BOOST_TEST(running.hex() == running.hex());  // reading the digest does not consume it
}

BOOST_AUTO_TEST_CASE(manifest_round_trips_and_survives_corruption) {
    testing::TempDir dir;
    Manifest manifest;
    ManifestEntry entry{"lyra.en.pdf", "index-report", "lyra", "en", "k1", {{"edition", "e1"}, {"locale", "l1"}}, 41,
                        "built", ""};
    manifest.entries.emplace(entry.output, entry);
    manifest.save(dir / "manifest.json");
    Manifest loaded = Manifest::load(dir / "manifest.json");
    BOOST_REQUIRE(loaded.entries.size() == 1u);
    const ManifestEntry& back = loaded.entries.at("lyra.en.pdf");
    BOOST_TEST(back.key == "k1");
    BOOST_TEST(back.pages == 41);
    BOOST_TEST(back.inputs.at("locale") == "l1");

    // The stat stamps of the inputs, for the next build (support/file_digests.h).
    save_file_digests(dir / "digests.json", {{"network/lyra/2026-01-01.toml",
                                              KnownDigest{{1234, -5, 1'700'000'000'123'456'789, 42, 7},
                                                          1'700'000'009'000'000'000, "d1"}}});
    const KnownDigest known = load_file_digests(dir / "digests.json").at("network/lyra/2026-01-01.toml");
    BOOST_TEST((known.stamp == FileStamp{1234, -5, 1'700'000'000'123'456'789, 42, 7}));
    BOOST_TEST(known.hashed_at_ns == 1'700'000'009'000'000'000);
    BOOST_TEST(known.digest == "d1");

    dir.write("digests.json", "{\"a\": {\"size\": ");
    BOOST_TEST(load_file_digests(dir / "digests.json").empty());

    dir.write("manifest.json", "{\"reports\": [ {\"output\": ");
    BOOST_TEST(Manifest::load(dir / "manifest.json").entries.empty());
    BOOST_TEST(Manifest::load(dir / "absent.json").entries.empty());
}

BOOST_AUTO_TEST_CASE(parallel_runs_every_job_exactly_once) {
    for (std::size_t workers : {1u, 2u, 4u, 16u}) {
        std::mutex mutex;
        std::multiset<std::size_t> seen;
        std::set<std::size_t> worker_ids;
        std::atomic<bool> stop{false};
        run_parallel(workers, 50, [&](std::size_t worker, std::size_t job) {
            std::lock_guard lock(mutex);
            seen.insert(job);
            worker_ids.insert(worker);
        }, stop);
        BOOST_TEST(seen.size() == 50u);
        BOOST_TEST(std::set<std::size_t>(seen.begin(), seen.end()).size() == 50u);
        BOOST_TEST(*worker_ids.rbegin() < workers);
    }
}

BOOST_AUTO_TEST_CASE(parallel_stops_taking_jobs_when_asked) {
    std::atomic<bool> stop{false};
    std::atomic<int> ran{0};
    run_parallel(1, 100, [&](std::size_t, std::size_t job) {
        ++ran;
        if (job == 9) stop = true;
    }, stop);
    BOOST_TEST(ran.load() == 10);
}

BOOST_AUTO_TEST_CASE(progress_prints_plain_lines_when_not_a_terminal) {
    std::ostringstream out;
    BuildProgress progress(out, 2, false);
    progress.finished("lyra (en)", "built");
    progress.finished("lyra (fr)", "up-to-date");
    BOOST_TEST(out.str() == "[1/2] built lyra (en)\n[2/2] up-to-date lyra (fr)\n");
}
