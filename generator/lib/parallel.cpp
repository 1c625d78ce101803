#include "parallel.hpp"

#include <exception>
#include <mutex>

namespace tandem {

unsigned DefaultJobs() {
  unsigned n = std::thread::hardware_concurrency();
  return n == 0 ? 1 : n;
}

void ParallelFor(size_t n, unsigned jobs, const std::function<void(size_t, unsigned)>& work) {
  if (jobs <= 1 || n < 2) {
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
  for (unsigned w = 1; w < jobs; ++w) threads.emplace_back(run, w);
  run(0);
  for (std::thread& t : threads) t.join();
  if (failure) std::rethrow_exception(failure);
}

}  // namespace tandem
