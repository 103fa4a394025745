#include "driver/network_cache.h"

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <stdexcept>
#include <string_view>

#include "support/atomic_file.h"
#include "support/file_digests.h"
#include "support/hash.h"

namespace icc {

namespace fs = std::filesystem;
using boost::multiprecision::cpp_int;

namespace {

constexpr std::string_view magic = "ICCNET\n";  // 8 bytes with the terminating zero written out
constexpr std::uint32_t format_version = 1;
constexpr std::size_t checksum_size = 64;  // SHA-256, hex

// A cache file that cannot be what the writer wrote: ignored, rebuilt.
struct Unreadable : std::runtime_error {
    using std::runtime_error::runtime_error;
};

class Writer {
public:
    void u8(std::uint8_t value) { out_.push_back(static_cast<char>(value)); }
    void u32(std::uint32_t value) { bytes(&value, sizeof value); }
    void u64(std::uint64_t value) { bytes(&value, sizeof value); }
    void i64(std::int64_t value) { bytes(&value, sizeof value); }
    void text(std::string_view value) {
        u32(static_cast<std::uint32_t>(value.size()));
        out_.append(value);
    }
    void date(const Date& value) {
        i64(value.year);
        u8(static_cast<std::uint8_t>(value.month));
        u8(static_cast<std::uint8_t>(value.day));
    }
    void exact(const Exact& value) {
        const cpp_int numerator = boost::multiprecision::numerator(value);
        const cpp_int denominator = boost::multiprecision::denominator(value);
        constexpr auto low = std::numeric_limits<std::int64_t>::min(), high = std::numeric_limits<std::int64_t>::max();
        if (numerator >= low && numerator <= high && denominator <= high) {
            u8(0);
            i64(numerator.convert_to<std::int64_t>());
            i64(denominator.convert_to<std::int64_t>());
        } else {
            u8(1);
            text(numerator.str());
            text(denominator.str());
        }
    }
    void optional_exact(const std::optional<Exact>& value) {
        u8(value ? 1 : 0);
        if (value) exact(*value);
    }
    [[nodiscard]] const std::string& bytes() const { return out_; }

private:
    void bytes(const void* data, std::size_t size) { out_.append(static_cast<const char*>(data), size); }
    std::string out_;
};

class Reader {
public:
    explicit Reader(std::string_view in) : in_(in) {}
    std::uint8_t u8() { return static_cast<std::uint8_t>(take(1)[0]); }
    std::uint32_t u32() { return value<std::uint32_t>(); }
    std::uint64_t u64() { return value<std::uint64_t>(); }
    std::int64_t i64() { return value<std::int64_t>(); }
    std::string text() {
        const std::uint32_t size = u32();
        return std::string(take(size));
    }
    Date date() {
        Date value;
        value.year = static_cast<int>(i64());
        value.month = u8();
        value.day = u8();
        return value;
    }
    Exact exact() {
        if (u8() == 0) {
            const std::int64_t numerator = i64(), denominator = i64();
            if (denominator <= 0) throw Unreadable("bad denominator");
            return Exact(cpp_int(numerator), cpp_int(denominator));
        }
        const std::string numerator = text(), denominator = text();
        try {
            return Exact(cpp_int(numerator), cpp_int(denominator));
        } catch (const std::exception&) {
            throw Unreadable("bad number");
        }
    }
    std::optional<Exact> optional_exact() {
        if (u8() == 0) return std::nullopt;
        return exact();
    }
    // A count of items of at least `least` bytes each, checked against what is left.
    std::uint32_t count(std::size_t least) {
        const std::uint32_t n = u32();
        if (static_cast<std::uint64_t>(n) * least > in_.size() - at_) throw Unreadable("count past the end");
        return n;
    }
    [[nodiscard]] bool done() const { return at_ == in_.size(); }

private:
    template <typename T>
    T value() {
        T result;
        std::memcpy(&result, take(sizeof result).data(), sizeof result);
        return result;
    }
    std::string_view take(std::size_t size) {
        if (size > in_.size() - at_) throw Unreadable("truncated");
        const std::string_view part = in_.substr(at_, size);
        at_ += size;
        return part;
    }
    std::string_view in_;
    std::size_t at_ = 0;
};

void write_stamps(Writer& out, const std::map<std::string, KnownDigest>& stamps) {
    out.u32(static_cast<std::uint32_t>(stamps.size()));
    for (const auto& [path, known] : stamps) {
        out.text(path);
        out.u64(known.stamp.size);
        out.i64(known.stamp.mtime_ns);
        out.i64(known.stamp.ctime_ns);
        out.u64(known.stamp.inode);
        out.u64(known.stamp.device);
        out.i64(known.hashed_at_ns);
        out.text(known.digest);
    }
}

std::map<std::string, KnownDigest> read_stamps(Reader& in) {
    std::map<std::string, KnownDigest> stamps;
    for (std::uint32_t n = in.count(56); n > 0; --n) {
        std::string path = in.text();
        KnownDigest known;
        known.stamp.size = in.u64();
        known.stamp.mtime_ns = in.i64();
        known.stamp.ctime_ns = in.i64();
        known.stamp.inode = in.u64();
        known.stamp.device = in.u64();
        known.hashed_at_ns = in.i64();
        known.digest = in.text();
        stamps.emplace(std::move(path), std::move(known));
    }
    return stamps;
}

void write_edition(Writer& out, const ScoredEdition& edition) {
    const CityScores& s = edition.scores;
    out.text(s.city.id);
    out.text(s.city.name);
    out.text(s.city.country);
    out.i64(s.city.population);
    std::uint64_t foreign_born = 0;
    static_assert(sizeof foreign_born == sizeof s.city.foreign_born_percent);
    std::memcpy(&foreign_born, &s.city.foreign_born_percent, sizeof foreign_born);
    out.u64(foreign_born);
    out.u32(static_cast<std::uint32_t>(s.city.languages.size()));
    for (const std::string& language : s.city.languages) out.text(language);
    out.date(s.date);
    out.text(s.questionnaire);
    out.u8(s.extended_version ? 1 : 0);
    out.u32(static_cast<std::uint32_t>(s.areas.size()));
    for (const AreaScore& area : s.areas) {
        out.text(area.area);
        out.optional_exact(area.rate);
        out.exact(area.earned);
        out.exact(area.possible);
    }
    out.optional_exact(s.aggregate);
    out.optional_exact(s.core);
    out.optional_exact(s.extended);
    out.text(edition.source_file);
    out.u8(edition.issued ? 1 : 0);
    if (edition.issued) out.date(*edition.issued);
}

ScoredEdition read_edition_scores(Reader& in) {
    ScoredEdition edition;
    CityScores& s = edition.scores;
    s.city.id = in.text();
    s.city.name = in.text();
    s.city.country = in.text();
    s.city.population = in.i64();
    const std::uint64_t foreign_born = in.u64();
    std::memcpy(&s.city.foreign_born_percent, &foreign_born, sizeof foreign_born);
    for (std::uint32_t n = in.count(4); n > 0; --n) s.city.languages.push_back(in.text());
    s.date = in.date();
    s.questionnaire = in.text();
    s.extended_version = in.u8() != 0;
    for (std::uint32_t n = in.count(7); n > 0; --n) {
        AreaScore area;
        area.area = in.text();
        area.rate = in.optional_exact();
        area.earned = in.exact();
        area.possible = in.exact();
        s.areas.push_back(std::move(area));
    }
    s.aggregate = in.optional_exact();
    s.core = in.optional_exact();
    s.extended = in.optional_exact();
    edition.source_file = in.text();
    if (in.u8() != 0) edition.issued = in.date();
    return edition;
}

// The key: every input the scored network is made of (network_cache.h).
std::string network_key(const DataRoot& data, const Questionnaire& questionnaire, const fs::path& folder,
                        FileDigests& digests) {
    Sha256 key;
    key.field("iccreport scored network").field(std::to_string(format_version)).field(ICC_ENGINE_VERSION);
    std::error_code error;
    const fs::path self = fs::read_symlink("/proc/self/exe", error);
    if (error) throw std::runtime_error("cannot tell which binary runs: " + error.message());
    key.field(digests.of(self));
    key.field(digests.of(data.templates() / "index" / "questionnaire.toml"));
    for (const std::string& language : questionnaire.languages()) key.field(language);
    key.field("network").field(folder.string());
    for (const fs::path& file : network_files(folder))
        key.field(file.lexically_relative(folder).generic_string()).field(digests.of(file));
    return key.hex();
}

std::string file_contents(const std::map<std::string, KnownDigest>& stamps, const std::string& key,
                          const ScoredNetwork& network) {
    Writer body;
    write_stamps(body, stamps);
    body.text(key);
    body.u32(static_cast<std::uint32_t>(network.editions.size()));
    for (const ScoredEdition& edition : network.editions) write_edition(body, edition);
    Writer head;
    std::string file(magic);
    file.push_back('\0');
    head.u32(format_version);
    head.u64(body.bytes().size());
    file += head.bytes();
    file += sha256_hex(body.bytes());
    file += body.bytes();
    return file;
}

// The body of a cache file whose header and checksum are right; Unreadable otherwise.
std::string_view checked_body(std::string_view file) {
    const std::size_t header = magic.size() + 1 + 4 + 8;
    if (file.size() < header + checksum_size || file.substr(0, magic.size()) != magic || file[magic.size()] != '\0')
        throw Unreadable("not a network cache");
    Reader head(file.substr(magic.size() + 1, 12));
    if (head.u32() != format_version) throw Unreadable("another format version");
    const std::uint64_t size = head.u64();
    const std::string_view checksum = file.substr(header, checksum_size);
    const std::string_view body = file.substr(header + checksum_size);
    if (body.size() != size || sha256_hex(body) != checksum) throw Unreadable("checksum mismatch");
    return body;
}

}  // namespace

std::optional<fs::path> user_cache_folder() {
    if (const char* own = std::getenv("ICCREPORT_CACHE_DIR")) {
        if (*own == '\0') return std::nullopt;
        return fs::path(own);
    }
    if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg == '/') return fs::path(xdg) / "iccreport";
    if (const char* home = std::getenv("HOME"); home && *home == '/') return fs::path(home) / ".cache" / "iccreport";
    return std::nullopt;
}

fs::path network_cache_file(const fs::path& folder, const fs::path& cache_folder) {
    std::error_code error;
    fs::path absolute = fs::absolute(folder, error).lexically_normal();
    if (error) absolute = folder;
    return cache_folder / "networks" / (sha256_hex(absolute.string()).substr(0, 32) + ".bin");
}

CachedNetwork cached_scored_network(const DataRoot& data, const Questionnaire& questionnaire, const fs::path& folder,
                                    const fs::path& cache_folder) {
    const fs::path file = network_cache_file(folder, cache_folder);
    std::string contents;
    std::string_view body;
    std::map<std::string, KnownDigest> stamps;
    std::optional<Reader> rest;
    std::error_code error;
    if (fs::is_regular_file(file, error)) {
        try {
            contents = read_file(file);
            body = checked_body(contents);
            rest.emplace(body);
            stamps = read_stamps(*rest);
        } catch (const std::exception&) {  // Unreadable, or the file vanished: rebuilt below
            rest.reset();
            stamps.clear();
        }
    }
    FileDigests digests(std::move(stamps));
    std::string key;
    try {
        key = network_key(data, questionnaire, folder, digests);
    } catch (const std::exception&) {
        // An unreadable folder or file: read_scored_network reports it as it always has.
        return CachedNetwork{read_scored_network(folder, questionnaire), NetworkCacheUse::unused};
    }
    if (rest) {
        try {
            if (rest->text() == key) {
                CachedNetwork cached;
                cached.use = NetworkCacheUse::hit;
                cached.network.folder = folder;
                const std::uint32_t count = rest->count(40);
                cached.network.editions.reserve(count);
                for (std::uint32_t i = 0; i < count; ++i) cached.network.editions.push_back(read_edition_scores(*rest));
                if (rest->done()) {
                    // Files hashed again (written just before the last run): their
                    // stamps recorded now, so that the next run need not.
                    if (digests.hashed() > 0) {
                        try {
                            write_file_atomically(file, file_contents(digests.used(), key, cached.network));
                        } catch (const std::exception&) {
                        }
                    }
                    return cached;
                }
            }
        } catch (const Unreadable&) {
        }
    }
    CachedNetwork built{read_scored_network(folder, questionnaire), NetworkCacheUse::rebuilt};
    try {
        fs::create_directories(file.parent_path());
        write_file_atomically(file, file_contents(digests.used(), key, built.network));
    } catch (const std::exception&) {
        built.use = NetworkCacheUse::unused;  // a cache is a help, never a requirement
    }
    return built;
}

}  // namespace icc
