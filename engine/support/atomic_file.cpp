#include "support/atomic_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "support/diagnostic.h"

namespace icc {

namespace fs = std::filesystem;

namespace {
[[noreturn]] void fail(const fs::path& path, const std::string& what) {
    throw DiagnosticError(Diagnostic{Severity::error, {path.string(), 0, 0}, what});
}
}  // namespace

AtomicFile::AtomicFile(fs::path target) : target_(std::move(target)) {
    fs::path folder = target_.parent_path();
    if (folder.empty()) folder = ".";
    std::error_code ec;
    if (!fs::is_directory(folder, ec))
        fail(target_, "cannot write output: folder '" + folder.string() + "' does not exist");
    // mkstemp gives a unique name, so parallel writers never share a temporary.
    std::string pattern = (folder / ("." + target_.filename().string() + ".tmp-XXXXXX")).string();
    int fd = ::mkstemp(pattern.data());
    if (fd < 0)
        fail(target_, "cannot write output: " + std::string(std::strerror(errno)));
    ::fchmod(fd, 0644);
    ::close(fd);
    temp_ = pattern;
}

AtomicFile::~AtomicFile() {
    if (!committed_) {
        std::error_code ec;
        fs::remove(temp_, ec);
    }
}

void AtomicFile::commit() {
    int fd = ::open(temp_.c_str(), O_RDONLY);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
    if (std::rename(temp_.c_str(), target_.c_str()) != 0)
        fail(target_, "cannot write output: " + std::string(std::strerror(errno)));
    committed_ = true;
}

void write_file_atomically(const fs::path& target, std::string_view content) {
    AtomicFile file(target);
    {
        std::ofstream out(file.temp_path(), std::ios::binary | std::ios::trunc);
        out.write(content.data(), static_cast<std::streamsize>(content.size()));
        out.flush();
        if (!out) fail(target, "cannot write output: write failed");
    }
    file.commit();
}

std::string read_file(const fs::path& path) {
    std::error_code ec;
    if (!fs::exists(path, ec)) fail(path, "no such file");
    if (fs::is_directory(path, ec)) fail(path, "expected a file, found a folder");
    std::ifstream in(path, std::ios::binary);
    if (!in) fail(path, "cannot read file: " + std::string(std::strerror(errno)));
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

}  // namespace icc
