#include "support/fault.hpp"

#include <unistd.h>

#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <set>
#include <string>
#include <thread>

#include "support/files.hpp"

namespace tandem {

namespace {

struct Plan {
  std::string point;
  long at = 0;
  bool kill = true;
  long sleep_ms = 0;
  long seen = 0;
  std::mutex mutex;
};

Plan* ReadPlan() {
  const char* spec = std::getenv("TANDEM_TEST_FAULT");
  if (!spec || !*spec) return nullptr;
  std::string s = spec;
  size_t a = s.find(':'), b = s.find(':', a + 1);
  if (a == std::string::npos || b == std::string::npos) return nullptr;
  auto* plan = new Plan;
  plan->point = s.substr(0, a);
  plan->at = std::atol(s.substr(a + 1, b - a - 1).c_str());
  std::string action = s.substr(b + 1);
  plan->kill = action == "kill";
  if (action.rfind("sleep=", 0) == 0) plan->sleep_ms = std::atol(action.c_str() + 6);
  return plan;
}

// TANDEM_TEST_FAULT_TRACE=<file>: each point's name is appended to the file the first time a
// build passes it, so that the crash tests can find a point they do not try.
void Trace(const char* point) {
  static const char* path = std::getenv("TANDEM_TEST_FAULT_TRACE");
  if (!path || !*path) return;
  static std::mutex mutex;
  static std::set<std::string> seen;
  std::lock_guard lock(mutex);
  if (!seen.insert(point).second) return;
  if (FILE* f = std::fopen(path, "a")) {
    std::fprintf(f, "%s\n", point);
    std::fclose(f);
  }
}

}  // namespace

void FaultPoint(const char* point) {
  Trace(point);
  static Plan* plan = ReadPlan();
  if (!plan || plan->point != point) return;
  {
    std::lock_guard lock(plan->mutex);
    if (++plan->seen != plan->at) return;
  }
  if (plan->sleep_ms > 0) {
    std::this_thread::sleep_for(std::chrono::milliseconds(plan->sleep_ms));
    return;
  }
  if (plan->kill) {
    raise(SIGKILL);
    _exit(137);
  }
  throw IoError(std::string("fault point ") + point, "injected failure (TANDEM_TEST_FAULT)");
}

}  // namespace tandem
