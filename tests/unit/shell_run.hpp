// Runs a shell command line and captures what it prints, for tests of commands a user or CI
// types (the deploy guide's workflow steps, the crawl of a deployed folder).
#pragma once

#include <sys/wait.h>

#include <cstdio>
#include <string>

namespace tandem::testing {

struct ShellResult {
  int status = -1;     // exit status; -1 when it did not exit
  std::string output;  // standard output and error together
};

inline ShellResult ShellRun(const std::string& command) {
  ShellResult run;
  FILE* pipe = popen((command + " 2>&1").c_str(), "r");
  if (!pipe) return run;
  char buffer[4096];
  for (size_t n; (n = fread(buffer, 1, sizeof buffer, pipe)) > 0;) run.output.append(buffer, n);
  int status = pclose(pipe);
  run.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return run;
}

}  // namespace tandem::testing
