// Fault injection for crash tests. TANDEM_TEST_FAULT="<point>:<n>:<kill|fail|sleep=MS>" makes
// the n-th pass through FaultPoint("<point>") kill the process (SIGKILL), throw an IoError, or
// sleep MS milliseconds (a page that renders slowly).
// TANDEM_TEST_FAULT_TRACE=<file> lists in that file every point a build passes.
// Only tests set them; without them a fault point costs two branches.
#pragma once

namespace tandem {

void FaultPoint(const char* point);

}  // namespace tandem
