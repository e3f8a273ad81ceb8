// Package engine holds jsvm's workarounds for sobek bugs, each with a
// pure-sobek reproducer test (engine_test.go) that fails loudly when an
// engine upgrade fixes or changes the bug, so the workaround can go.
//
// Workarounds:
//
//   - A native function (func(sobek.FunctionCall) sobek.Value) that
//     returns Go nil crashes the process when it is used as a promise
//     handler (Promise.resolve().then(clearTimeout)): sobek resolves the
//     derived promise with the nil and dereferences it. JavaScript calls
//     turn nil into undefined, promise jobs do not. jsvm's natives never
//     return nil; TestNoNativeReturnsNil checks every package.
//
//   - Not a bug but non-public behaviour (heldframe.go): held runs put an
//     outermost-call marker on a context runtime's call stack so sobek
//     does not drain its job queue at the end of a run, and read the
//     queue's length (TestHeldFrameLayout).
//
//   - No hook on eval and the Function constructors (parsehook.go): their
//     sources reach sobek's recursive parser unchecked, and a million-deep
//     source exhausts Go's stack (fatal). A parser option reads each
//     source from the parser's state before parsing (TestSourceHookLayout,
//     TestSobekDirectEvalByIdentity).
package engine
