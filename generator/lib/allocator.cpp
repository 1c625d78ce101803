#include "allocator.hpp"

#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <string>

namespace tandem {

void RestartWithHugePageMalloc(char** argv) {
  const char* current = std::getenv("GLIBC_TUNABLES");
  if (current && std::strstr(current, "glibc.malloc.hugetlb")) return;
  // Huge pages for the heap; keep 64 MiB of headroom, and give memory back only above 1 GiB free.
  std::string tunables =
      "glibc.malloc.hugetlb=1:glibc.malloc.top_pad=67108864:glibc.malloc.trim_threshold=1073741824";
  if (current && *current) tunables = std::string(current) + ":" + tunables;
  if (setenv("GLIBC_TUNABLES", tunables.c_str(), 1) != 0) return;
  execv("/proc/self/exe", argv);
}

}  // namespace tandem
