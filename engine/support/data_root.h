#pragma once
// Where the engine's data lives: fonts/, templates/, locales/, samples/.
#include <filesystem>

namespace icc {

struct DataRoot {
    std::filesystem::path root;

    [[nodiscard]] std::filesystem::path fonts() const { return root / "fonts"; }
    [[nodiscard]] std::filesystem::path templates() const { return root / "templates"; }
    [[nodiscard]] std::filesystem::path locales() const { return root / "locales"; }
    [[nodiscard]] std::filesystem::path samples() const { return root / "samples"; }

    // $ICCREPORT_DATA if set, otherwise the source tree the engine was built from.
    static DataRoot locate();
};

}  // namespace icc
