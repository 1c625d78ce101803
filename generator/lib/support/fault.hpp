// Fault injection for crash tests. TANDEM_TEST_FAULT="<point>:<n>:<kill|fail>" makes the
// n-th pass through FaultPoint("<point>") kill the process (SIGKILL) or throw an IoError.
// Only tests set it; without it a fault point costs one branch.
#pragma once

namespace tandem {

void FaultPoint(const char* point);

}  // namespace tandem
