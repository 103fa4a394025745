#pragma once
// Digests of files, remembered by their stat stamp so that a file that has
// not changed is not read and hashed again (the no-op build, the network
// cache's key). A remembered digest is trusted only when the file's size,
// modification time, change time, inode and device are all what they were,
// and the modification time was at least `racy_margin` older than the moment
// the digest was taken: a file written in the same timestamp tick as it was
// hashed could change again without its stamp moving (the "racily clean"
// case), so it is hashed again next time. Rewriting a file with the same
// size and then setting its modification time back (touch -d, a restore, a
// copy with -p) still moves its change time, which nobody can set: it is
// hashed again.
#include <cstdint>
#include <filesystem>
#include <map>
#include <mutex>
#include <optional>
#include <string>

namespace icc {

struct FileStamp {
    std::uint64_t size = 0;
    std::int64_t mtime_ns = 0;
    std::int64_t ctime_ns = 0;
    std::uint64_t inode = 0;
    std::uint64_t device = 0;

    bool operator==(const FileStamp&) const = default;
};

// The stamp of a file; none when it cannot be stat'ed.
std::optional<FileStamp> stamp_of(const std::filesystem::path& path);

struct KnownDigest {
    FileStamp stamp;
    std::int64_t hashed_at_ns = 0;  // wall clock (CLOCK_REALTIME, like file times) just before the file was read
    std::string digest;             // SHA-256, hex
};

// Thread-safe: the build's workers share one.
class FileDigests {
public:
    // Coarse file systems (FAT: 2 s) and clocks a little apart: a margin that covers them all.
    static constexpr std::int64_t racy_margin_ns = 2'000'000'000;

    FileDigests() = default;
    // `known`: what an earlier run recorded, by path (as given to of()).
    explicit FileDigests(std::map<std::string, KnownDigest> known) : known_(std::move(known)) {}
    FileDigests(const FileDigests&) = delete;
    FileDigests& operator=(const FileDigests&) = delete;

    // The SHA-256 of the file's bytes: the remembered one when it can be
    // trusted, else read and hashed now. Throws DiagnosticError if unreadable.
    std::string of(const std::filesystem::path& path);

    // Every digest asked for in this run (to be recorded for the next one).
    [[nodiscard]] std::map<std::string, KnownDigest> used() const;
    // How many files of() read and hashed (the others were trusted by stamp).
    [[nodiscard]] int hashed() const;

private:
    mutable std::mutex mutex_;
    std::map<std::string, KnownDigest> known_;
    std::map<std::string, KnownDigest> used_;
    int hashed_ = 0;
};

}  // namespace icc
