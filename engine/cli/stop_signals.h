#pragma once
// SIGINT and SIGTERM as a flag: `build` stops between reports, `watch` stops
// watching.
#include <pthread.h>
#include <signal.h>

#include <atomic>
#include <thread>

namespace icc::cli {

// SIGINT and SIGTERM set stop(): they are blocked
// in every thread and received by a watcher with sigtimedwait, so no signal
// handler and no global flag are needed. Outputs are atomic, so even SIGKILL
// leaves no partial PDF; the next build finishes the job.
class StopOnSignals {
public:
    StopOnSignals() {
        sigemptyset(&signals_);
        sigaddset(&signals_, SIGINT);
        sigaddset(&signals_, SIGTERM);
        pthread_sigmask(SIG_BLOCK, &signals_, &previous_);
        watcher_ = std::thread([this] {
            const timespec tick{0, 100'000'000};
            while (!done_.load()) {
                const int signal = sigtimedwait(&signals_, nullptr, &tick);
                if (signal == SIGINT || signal == SIGTERM) {
                    stop_ = true;
                    received_ = signal;
                }
            }
        });
    }
    ~StopOnSignals() {
        done_ = true;
        watcher_.join();
        pthread_sigmask(SIG_SETMASK, &previous_, nullptr);
    }
    StopOnSignals(const StopOnSignals&) = delete;
    StopOnSignals& operator=(const StopOnSignals&) = delete;
    [[nodiscard]] const std::atomic<bool>& stop() const { return stop_; }

private:
    sigset_t signals_{};
    sigset_t previous_{};
    std::atomic<bool> stop_{false};
    std::atomic<bool> done_{false};
    std::atomic<int> received_{0};
    std::thread watcher_;
};

}  // namespace icc::cli
