#pragma once
// The names of the files reports are written to, the same from `report`,
// `profile` and `build`: valmora.en.pdf; valmora.profile-2026-06-09.en.pdf.
#include <filesystem>
#include <string>

namespace icc {

inline std::string index_report_file_name(const std::string& city, const std::string& lang) {
    return city + "." + lang + ".pdf";
}

// `visit_notes` is the notes' file, visit-<first day>.toml.
inline std::string profile_file_name(const std::string& city, const std::filesystem::path& visit_notes,
                                     const std::string& lang) {
    std::string stem = visit_notes.stem().string();  // visit-2026-06-09
    if (stem.rfind("visit-", 0) == 0) stem = stem.substr(6);
    return city + ".profile-" + stem + "." + lang + ".pdf";
}

}  // namespace icc
