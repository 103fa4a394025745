#pragma once
// Build progress on stderr: a single self-updating line (done / total, the
// city just done, time left) on a terminal; one plain line per report otherwise.
#include <chrono>
#include <cstddef>
#include <mutex>
#include <ostream>
#include <string>

namespace icc {

class BuildProgress {
public:
    BuildProgress(std::ostream& out, std::size_t total, bool terminal);
    // status: "built", "up-to-date" or "failed".
    void finished(const std::string& label, const std::string& status);
    // Clears the live line (terminal) before a summary or an error is printed.
    void clear_line();

private:
    void draw_live_line();
    std::ostream& out_;
    std::size_t total_;
    bool terminal_;
    std::size_t done_ = 0;
    std::size_t rendered_ = 0;  // reports actually rendered: the basis of the time estimate
    std::string current_;
    std::chrono::steady_clock::time_point start_;
    std::mutex mutex_;
};

}  // namespace icc
