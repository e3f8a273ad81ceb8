package vm_test

import "testing"

// TestNestingCases: sources nested without brackets (labels, arrow chains,
// unary operators, conditional and assignment chains, statement nesting,
// template and class nesting ...) through every parsing entry point,
// node-recorded in testdata/nesting_cases.golden (UPDATE_SNAPSHOTS=1
// re-records). Each deep one used to be Go's fatal stack overflow or a
// parse of minutes.
func TestNestingCases(t *testing.T) {
	runHostCases(t, "nesting_cases.js", "nesting_cases.golden", nil)
}
