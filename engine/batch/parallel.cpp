#include "batch/parallel.h"

#include <algorithm>
#include <thread>
#include <vector>

namespace icc {

void run_parallel(std::size_t workers, std::size_t jobs,
                  const std::function<void(std::size_t, std::size_t)>& work, const std::atomic<bool>& stop) {
    workers = std::max<std::size_t>(1, std::min(workers, jobs));
    std::atomic<std::size_t> next{0};
    auto loop = [&](std::size_t worker) {
        while (!stop.load()) {
            const std::size_t job = next.fetch_add(1);
            if (job >= jobs) break;
            work(worker, job);
        }
    };
    if (workers == 1) {
        loop(0);
        return;
    }
    std::vector<std::jthread> threads;
    threads.reserve(workers);
    for (std::size_t w = 0; w < workers; ++w) threads.emplace_back(loop, w);
}

}  // namespace icc
