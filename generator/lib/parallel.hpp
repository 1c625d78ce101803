// Runs work over an index range on a fixed number of threads. Results go
// into slots chosen by index, so the output never depends on the thread count.
#pragma once

#include <atomic>
#include <functional>
#include <thread>
#include <vector>

namespace tandem {

unsigned DefaultJobs();

// Calls work(i, worker) for every i in [0, n); worker is in [0, jobs).
void ParallelFor(size_t n, unsigned jobs, const std::function<void(size_t, unsigned)>& work);

}  // namespace tandem
