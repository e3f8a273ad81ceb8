package vm_test

import "testing"

// TestLimitsCases: stack overflows, parser nesting, V8's size limits and
// hostile thrown values (issue #9), node-recorded in
// testdata/limits_cases.golden (UPDATE_SNAPSHOTS=1 re-records). Every case
// used to be a Go fatal error, a crash of the host or a hang; a
// regression fails here or kills the test binary.
func TestLimitsCases(t *testing.T) {
	runHostCases(t, "limits_cases.js", "limits_cases.golden", nil)
}
