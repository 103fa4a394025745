#pragma once
// The shared libraries whose code decides a report's bytes, as this process
// has loaded them: cairo and pixman (drawing, PDF), Pango, HarfBuzz,
// FreeType and fontconfig (text), qpdf and zlib (the finished file), ICU
// (numbers, dates, plurals, its CLDR data) and libhyphen. `build` digests
// each one's file into every report's cache key, so a library upgrade (even
// a Debian patch release that keeps the version number) rebuilds them.
#include <string>
#include <vector>

namespace icc {

struct LinkedLibrary {
    std::string name;     // "cairo", "icu-data", ...
    std::string version;  // from the library itself where it says, else from its file name
    std::string file;     // the shared object loaded, symbolic links resolved
};

// In a fixed order; a library not loaded (linked statically) is absent.
std::vector<LinkedLibrary> linked_libraries();

}  // namespace icc
