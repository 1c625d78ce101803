// How the process asks the kernel for memory.
#pragma once

namespace tandem {

// On Linux virtual machines, such as CI runners, a page fault costs ~10 µs, and a build of
// 20,000 pages takes ~100,000 of them: a fifth of its time. glibc's malloc can ask for
// transparent huge pages and keep freed memory for reuse, but reads those settings only from
// GLIBC_TUNABLES when the process starts. So tandem sets them and starts itself again, once,
// with the same arguments. When GLIBC_TUNABLES already names glibc.malloc.hugetlb (the user's
// own choice, or the restarted process), or the restart fails, this returns and the
// process goes on as it is.
void RestartWithHugePageMalloc(char** argv);

}  // namespace tandem
