#pragma once
// Helpers shared by the tests: running commands and temporary folders.
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>

namespace icc::testing {

struct CommandResult {
    int exit_code = -1;
    std::string out;  // stdout and stderr, in that order
    std::string err;
};

// The [meta] table every locale file opens with (support/language.h), for a
// test's own locale: a draft, not official, falling back to `fallback`.
inline std::string locale_meta(const std::string& icu_locale, const std::string& fallback = "en") {
    return "[meta]\nname = \"Test\"\nenglish_name = \"Test\"\nicu_locale = \"" + icu_locale +
           "\"\ndirection = \"ltr\"\nscript = \"Latn\"\nfallback = \"" + fallback +
           "\"\nofficial = false\nreview = \"draft\"\n";
}

// Page text (pdftotext) with the Latin ligature characters U+FB00..U+FB04
// spelt out. In a tagged PDF the words of a ligature come back through
// their element's /ActualText, which structure-aware readers use; poppler's
// page text shows the ligature glyph's own character (docs/accessibility.md,
// "Ligatures in page text").
inline std::string fold_ligatures(std::string text) {
    static const std::pair<const char*, const char*> ligatures[] = {
        {"\uFB00", "ff"}, {"\uFB01", "fi"}, {"\uFB02", "fl"}, {"\uFB03", "ffi"}, {"\uFB04", "ffl"}};
    for (const auto& [ligature, letters] : ligatures)
        for (auto at = text.find(ligature); at != std::string::npos; at = text.find(ligature, at))
            text.replace(at, 3, letters);
    return text;
}

inline std::string slurp(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

// Runs a shell command; stdout and stderr are captured separately.
inline CommandResult run(const std::string& command) {
    static int counter = 0;
    const auto base = std::filesystem::temp_directory_path() /
                      ("icc-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    const std::string out_file = base.string() + ".out";
    const std::string err_file = base.string() + ".err";
    const int status = std::system((command + " >" + out_file + " 2>" + err_file).c_str());
    CommandResult result;
    result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    result.out = slurp(out_file);
    result.err = slurp(err_file);
    std::filesystem::remove(out_file);
    std::filesystem::remove(err_file);
    return result;
}

// Paths of this build (tests/test_paths.cpp).
std::string iccreport();
std::filesystem::path source_root();
std::filesystem::path test_data();

// A fresh folder under /tmp, removed when the object goes out of scope.
class TempDir {
public:
    TempDir() {
        std::random_device device;
        path_ = std::filesystem::temp_directory_path() / ("icc-test-" + std::to_string(device()));
        std::filesystem::create_directories(path_);
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(path_, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    [[nodiscard]] const std::filesystem::path& path() const { return path_; }
    [[nodiscard]] std::filesystem::path operator/(const std::string& name) const { return path_ / name; }
    std::filesystem::path write(const std::string& name, const std::string& content) const {
        std::ofstream(path_ / name, std::ios::binary) << content;
        return path_ / name;
    }

private:
    std::filesystem::path path_;
};

// A data root sharing the shipped fonts, templates and samples (links), with
// its own copies of the en and fr locales to edit.
struct LocaleDataCopy {
    TempDir dir;
    LocaleDataCopy() {
        for (const char* folder : {"fonts", "templates", "samples"})
            std::filesystem::create_directory_symlink(source_root() / folder, dir / folder);
        std::filesystem::create_directories(dir / "locales");
        for (const char* lang : {"en", "fr"})
            std::filesystem::copy_file(source_root() / "locales" / (std::string(lang) + ".toml"),
                                       dir / "locales" / (std::string(lang) + ".toml"));
    }
};

// The PDF's document catalog as qpdf prints it, e.g. "<< /Lang (en) /Pages 2 0 R ... >>".
inline std::string pdf_catalog(const std::filesystem::path& pdf) {
    const std::string trailer = run("qpdf --show-object=trailer '" + pdf.string() + "'").out;
    const auto at = trailer.find("/Root ");
    if (at == std::string::npos) return {};
    const std::string object = trailer.substr(at + 6, trailer.find(' ', at + 6) - at - 6);
    return run("qpdf --show-object=" + object + " '" + pdf.string() + "'").out;
}

inline int count_lines(const std::string& text) {
    int lines = 0;
    for (char c : text) lines += c == '\n';
    return lines;
}

}  // namespace icc::testing
