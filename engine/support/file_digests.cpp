#include "support/file_digests.h"

#include <sys/stat.h>

#include <ctime>

#include "support/hash.h"

namespace icc {

namespace {

std::int64_t nanoseconds(const timespec& time) {
    return static_cast<std::int64_t>(time.tv_sec) * 1'000'000'000 + time.tv_nsec;
}

std::int64_t now_ns() {
    timespec now{};
    clock_gettime(CLOCK_REALTIME, &now);
    return nanoseconds(now);
}

}  // namespace

std::optional<FileStamp> stamp_of(const std::filesystem::path& path) {
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0) return std::nullopt;
    return FileStamp{static_cast<std::uint64_t>(info.st_size), nanoseconds(info.st_mtim), nanoseconds(info.st_ctim),
                     static_cast<std::uint64_t>(info.st_ino), static_cast<std::uint64_t>(info.st_dev)};
}

std::string FileDigests::of(const std::filesystem::path& path) {
    const std::string name = path.string();
    const std::optional<FileStamp> stamp = stamp_of(path);
    const auto trusted = [&](const std::map<std::string, KnownDigest>& table) -> const KnownDigest* {
        const auto it = table.find(name);
        if (it == table.end() || !stamp || it->second.stamp != *stamp) return nullptr;
        return it->second.stamp.mtime_ns + racy_margin_ns < it->second.hashed_at_ns ? &it->second : nullptr;
    };
    {
        std::lock_guard lock(mutex_);
        if (const KnownDigest* known = trusted(used_)) return known->digest;
        if (const KnownDigest* known = trusted(known_)) {
            used_[name] = *known;
            return known->digest;
        }
    }
    // Hashed now: the stamp taken before reading, so that a write during the
    // read leaves a stamp that no longer matches next time.
    const std::int64_t hashed_at = now_ns();
    std::string digest = sha256_file(path);  // throws, naming the file, if unreadable
    std::lock_guard lock(mutex_);
    ++hashed_;
    if (stamp) used_[name] = KnownDigest{*stamp, hashed_at, digest};
    return digest;
}

std::map<std::string, KnownDigest> FileDigests::used() const {
    std::lock_guard lock(mutex_);
    return used_;
}

int FileDigests::hashed() const {
    std::lock_guard lock(mutex_);
    return hashed_;
}

}  // namespace icc
