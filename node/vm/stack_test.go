package vm_test

import "testing"

// TestStackCasesMatchNode: error stacks, Error.stackTraceLimit,
// Error.captureStackTrace and Error.prepareStackTrace inside contexts
// (testdata/stack_cases.js, recorded with node; UPDATE_SNAPSHOTS=1
// re-records).
func TestStackCasesMatchNode(t *testing.T) {
	runHostCases(t, "stack_cases.js", "stack_cases.golden", stackDifferences)
}

// stackDifferences are the cases jsvm does not print as node yet, by
// line, with the reason.
var stackDifferences = map[int]string{
	9:   "the column of a call to a private method (this.#p()) is the receiver's, V8's the name's",
	20:  "the eval origin of Function code is the call's position, V8's the Function call's start",
	28:  "an eval's SyntaxError lists the eval's caller frame twice",
	33:  "an unread stack is an own accessor (V8: an own data property that formats itself when read)",
	61:  "Error.captureStackTrace's stack is an own accessor until read (V8: data)",
	67:  "getMethodName of a plain call is null (V8: the name the global object has the function under)",
	68:  "CallSite getThis/getFunction are undefined for sloppy code too",
	70:  "CallSite getFunction is undefined",
	71:  "CallSite getThis is undefined",
	72:  "getFunctionName of eval code is null (V8: 'eval')",
	88:  "sobek's words for a Promise combinator called on a primitive, and no frame for the combinator",
	95:  "no frame for a builtin whose receiver check throws (sobek throws before its frame is pushed)",
	121: "an awaiting async function's frame is at its call, V8's at the await",
	122: "no frame for the Promise constructor around its executor",
}
