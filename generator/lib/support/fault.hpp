// Fault injection for crash tests. TANDEM_TEST_FAULT="<point>:<n>:<kill|fail|sleep=MS>" makes
// the n-th pass through FaultPoint("<point>") kill the process (SIGKILL), throw an IoError, or
// sleep MS milliseconds (a page that renders slowly).
// Only tests set it; without it a fault point costs one branch.
#pragma once

namespace tandem {

void FaultPoint(const char* point);

}  // namespace tandem
