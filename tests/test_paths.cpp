// The paths of this build that the tests need, compiled here only (see
// tests/CMakeLists.txt): the iccreport binary, the source tree and tests/data.
#include <filesystem>
#include <string>

#ifndef ICC_TEST_BINARY
#error "ICC_TEST_BINARY, ICC_TEST_DATA and ICC_SOURCE_ROOT must be defined by the build"
#endif

namespace icc::testing {

std::string iccreport() { return ICC_TEST_BINARY; }
std::filesystem::path source_root() { return ICC_SOURCE_ROOT; }
std::filesystem::path test_data() { return ICC_TEST_DATA; }

}  // namespace icc::testing
