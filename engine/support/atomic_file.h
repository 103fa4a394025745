#pragma once
// Writes a file so that readers only ever see the old file or the complete new
// one: the content goes to a temporary file beside the target, which is renamed
// over the target on commit(). If commit() is never reached (an exception, a
// crash) the temporary is removed and the target is untouched.
#include <filesystem>
#include <string>
#include <string_view>

namespace icc {

class AtomicFile {
public:
    // Throws DiagnosticError naming the path if the folder is not writable.
    explicit AtomicFile(std::filesystem::path target);
    ~AtomicFile();
    AtomicFile(const AtomicFile&) = delete;
    AtomicFile& operator=(const AtomicFile&) = delete;

    // Where to write the content before commit().
    [[nodiscard]] const std::filesystem::path& temp_path() const { return temp_; }
    [[nodiscard]] const std::filesystem::path& target() const { return target_; }

    // fsyncs the temporary and renames it over the target.
    void commit();

private:
    std::filesystem::path target_;
    std::filesystem::path temp_;
    bool committed_ = false;
};

// Convenience: atomically replaces `target` with `content`.
void write_file_atomically(const std::filesystem::path& target, std::string_view content);

// Reads a whole file; throws DiagnosticError "FILE: error: cannot read ..." on failure.
std::string read_file(const std::filesystem::path& path);

}  // namespace icc
