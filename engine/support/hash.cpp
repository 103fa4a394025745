#include "support/hash.h"

#include "support/atomic_file.h"

namespace icc {

Sha256::Sha256() : checksum_(g_checksum_new(G_CHECKSUM_SHA256)) {}

Sha256& Sha256::raw(std::string_view bytes) {
    g_checksum_update(checksum_.get(), reinterpret_cast<const guchar*>(bytes.data()),
                      static_cast<gssize>(bytes.size()));
    return *this;
}

Sha256& Sha256::field(std::string_view text) {
    const std::string length = std::to_string(text.size()) + ":";
    raw(length);
    return raw(text);
}

std::string Sha256::hex() const {
    // g_checksum_get_string closes the checksum; digest a copy so this stays usable.
    std::unique_ptr<GChecksum, Free> copy(g_checksum_copy(checksum_.get()));
    return g_checksum_get_string(copy.get());
}

std::string sha256_hex(std::string_view bytes) { return Sha256().raw(bytes).hex(); }

std::string sha256_file(const std::filesystem::path& path) { return sha256_hex(read_file(path)); }

}  // namespace icc
