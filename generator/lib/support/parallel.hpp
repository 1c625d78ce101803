// Runs work over an index range on a fixed number of threads. Results go
// into slots chosen by index, so the output never depends on the thread count.
#pragma once

#include <cstddef>
#include <functional>

namespace tandem {

// One per core.
unsigned DefaultJobs();
// The most threads --jobs accepts.
constexpr unsigned kMaxJobs = 256;

// Calls work(i, worker) for every i in [0, n); worker is in [0, jobs). Never starts more
// threads than there is work; if the system refuses a thread, the ones it gave do the work.
// An exception thrown by `work` stops the others and is rethrown here.
void ParallelFor(size_t n, unsigned jobs, const std::function<void(size_t, unsigned)>& work);

}  // namespace tandem
