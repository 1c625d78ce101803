#include "support/parallel.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <system_error>
#include <thread>
#include <vector>

namespace tandem {

unsigned DefaultJobs() {
  unsigned n = std::thread::hardware_concurrency();
  return std::clamp(n, 1u, kMaxJobs);
}

void ParallelFor(size_t n, unsigned jobs, const std::function<void(size_t, unsigned)>& work) {
  jobs = static_cast<unsigned>(std::min<size_t>({jobs, n, kMaxJobs}));
  if (jobs <= 1) {
    for (size_t i = 0; i < n; ++i) work(i, 0);
    return;
  }
  std::atomic<size_t> next{0};
  std::exception_ptr failure;
  std::mutex failure_mutex;
  auto run = [&](unsigned worker) {
    try {
      for (size_t i; (i = next.fetch_add(1)) < n;) work(i, worker);
    } catch (...) {
      std::lock_guard lock(failure_mutex);
      if (!failure) failure = std::current_exception();
      next = n;
    }
  };
  std::vector<std::thread> threads;
  for (unsigned w = 1; w < jobs; ++w) {
    try {
      threads.emplace_back(run, w);
    } catch (const std::system_error&) {
      break;  // out of threads: the ones already started, and this one, share the work
    }
  }
  run(0);
  for (std::thread& t : threads) t.join();
  if (failure) std::rethrow_exception(failure);
}

}  // namespace tandem
