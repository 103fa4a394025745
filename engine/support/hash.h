#pragma once
// SHA-256 digests (through GLib's GChecksum) for cache keys.
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include <glib.h>

namespace icc {

class Sha256 {
public:
    Sha256();
    // Feeds `text`, prefixed by its length so that ("ab","c") and ("a","bc") differ.
    Sha256& field(std::string_view text);
    Sha256& raw(std::string_view bytes);
    [[nodiscard]] std::string hex() const;

private:
    struct Free {
        void operator()(GChecksum* c) const { g_checksum_free(c); }
    };
    std::unique_ptr<GChecksum, Free> checksum_;
};

std::string sha256_hex(std::string_view bytes);
// Digest of a file's bytes; throws DiagnosticError if it cannot be read.
std::string sha256_file(const std::filesystem::path& path);

}  // namespace icc
