#include "support/data_root.h"

#include <cstdlib>

#ifndef ICC_DEFAULT_DATA_ROOT
#error "ICC_DEFAULT_DATA_ROOT must be defined by the build"
#endif

namespace icc {

DataRoot DataRoot::locate() {
    if (const char* env = std::getenv("ICCREPORT_DATA"); env && *env) return {std::filesystem::path(env)};
    return {std::filesystem::path(ICC_DEFAULT_DATA_ROOT)};
}

}  // namespace icc
