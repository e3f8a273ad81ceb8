package vm_test

import (
	"os"
	"strings"
	"testing"
)

// TestStackCasesMatchNode: error stacks, Error.stackTraceLimit,
// Error.captureStackTrace and Error.prepareStackTrace inside contexts,
// and the realm of compile errors (testdata/stack_cases.js, recorded with
// node; UPDATE_SNAPSHOTS=1 re-records).
func TestStackCasesMatchNode(t *testing.T) {
	golden, err := os.ReadFile("testdata/stack_cases.golden")
	if err != nil {
		t.Fatal(err)
	}
	known := map[int]string{}
	for i, l := range strings.Split(strings.TrimSpace(string(golden)), "\n") {
		name, _, _ := strings.Cut(l, " || ")
		if reason, ok := stackDifferences[name]; ok {
			known[i] = reason
		}
	}
	runHostCases(t, "stack_cases.js", "stack_cases.golden", known)
}

// stackDifferences are the cases jsvm does not print as node yet, by
// case name, with the reason.
var stackDifferences = map[string]string{
	"private":               "the column of a call to a private method (this.#p()) is the receiver's, V8's the name's",
	"Function":              "the eval origin of Function code is the call's position, V8's the Function call's start",
	"stack is own":          "an unread stack is an own accessor (V8: an own data property that formats itself when read)",
	"capture descriptor":    "Error.captureStackTrace's stack is an own accessor until read (V8: data)",
	"Promise.all frame":     "sobek's words for a Promise combinator called on a primitive, and no frame for the combinator",
	"Symbol toString frame": "no frame for a builtin whose receiver check throws (sobek throws before its frame is pushed)",
	"new Promise":           "no frame for the Promise constructor around its executor",
}
