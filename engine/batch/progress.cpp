#include "batch/progress.h"

#include <cstdio>

namespace icc {

BuildProgress::BuildProgress(std::ostream& out, std::size_t total, bool terminal)
    : out_(out), total_(total), terminal_(terminal), start_(std::chrono::steady_clock::now()) {}

void BuildProgress::finished(const std::string& label, const std::string& status) {
    std::lock_guard lock(mutex_);
    ++done_;
    current_ = label;
    if (status != "up-to-date") ++rendered_;
    if (terminal_) {
        if (status == "failed") {
            out_ << "\r\033[K" << "failed: " << label << '\n';
        }
        draw_live_line();
    } else {
        out_ << '[' << done_ << '/' << total_ << "] " << status << ' ' << label << '\n';
    }
}

void BuildProgress::clear_line() {
    std::lock_guard lock(mutex_);
    if (terminal_) out_ << "\r\033[K" << std::flush;
}

void BuildProgress::draw_live_line() {
    using namespace std::chrono;
    const double elapsed = duration<double>(steady_clock::now() - start_).count();
    std::string left = "";
    if (rendered_ > 0 && done_ < total_) {
        const double per_report = elapsed / static_cast<double>(done_);
        const double seconds = per_report * static_cast<double>(total_ - done_);
        char buffer[32];
        std::snprintf(buffer, sizeof buffer, ", about %.0f s left", seconds);
        left = buffer;
    }
    out_ << "\r\033[K" << '[' << done_ << '/' << total_ << "] " << current_ << left << std::flush;
}

}  // namespace icc
