#pragma once
// Runs independent jobs on a fixed number of worker threads. Each worker is
// identified by its index so that it can use state of its own (Pango and
// cairo objects are not shared between threads).
#include <atomic>
#include <cstddef>
#include <functional>

namespace icc {

// Calls work(worker, job) for every job in [0, jobs), on `workers` threads.
// Jobs are taken in order; once `stop` becomes true no new job starts.
// Exceptions escaping `work` are the caller's bug: catch them inside.
void run_parallel(std::size_t workers, std::size_t jobs,
                  const std::function<void(std::size_t worker, std::size_t job)>& work,
                  const std::atomic<bool>& stop);

}  // namespace icc
