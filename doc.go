// Package jsvm is Node.js's vm module for Go: JavaScript run in isolated
// contexts whose globals are an object of yours, scripts compiled once and
// run in any context, in pure Go on the sobek engine.
//
// The shapes follow Node's vm, in Go's idioms:
//
//	iso := jsvm.NewIsolate(jsvm.IsolateOptions{})       // a V8-like isolate
//	c, _ := iso.NewContext(map[string]any{"x": 2}, jsvm.ContextOptions{}) // vm.createContext
//	v, err := c.Run(ctx, "x * 21", jsvm.RunOptions{Timeout: time.Second}) // vm.runInContext
//	s, _ := jsvm.Compile("x += 40; var y = 17", jsvm.ScriptOptions{})     // new vm.Script
//	_, err = s.RunInContext(ctx, c, jsvm.RunOptions{})                    // script.runInContext
//
// An Isolate groups contexts that may share objects: a value of one
// context handed to another keeps its identity, and functions, errors and
// promises work across. Each context has its own builtins
// (`runInNewContext('[]') instanceof Array` is false outside). An isolate
// runs on one goroutine at a time: another goroutine gets ErrIsolateBusy,
// or waits with Isolate.Lock; a Pool shares a few isolates among many
// goroutines. Separate isolates run in parallel.
//
// Runs stop when their context.Context is cancelled or their Timeout
// expires, with an *InterruptedError carrying Node's code. A value thrown
// by JavaScript comes back as an *Error holding the value and its stack,
// with engine messages in V8's words ("Cannot read properties of
// undefined (reading 'x')"); code that does not compile as a *SyntaxError
// with its position. A Go function called from JavaScript that panics
// throws an Error there ("Go panic: ..."), which try/catch sees; uncaught,
// it unwraps to a *PanicError. The isolate stays usable after any of them.
//
// A run from Go ends as a task of Node's event loop does: promise jobs it
// queued have run, and so have the cleanup callbacks of
// FinalizationRegistry registrations whose targets the Go collector freed
// by then (under the run's timeout; IsolateOptions.FinalizationError gets
// what they throw). Isolate.RunFinalizers runs them without running code.
//
// # Go values in JavaScript
//
// Context.Set, Value.Set, Value.Call's arguments, Context.NewArray and
// the results of Go functions convert Go values as follows:
//
//   - nil is null; bool, the integer and float types and string are
//     booleans, numbers and strings; *big.Int is a BigInt.
//   - time.Time is a Date; []byte is a Uint8Array over the same bytes;
//     json.RawMessage is what JSON.parse makes of it; an error is an Error
//     with its text (an *Error is the JavaScript value it holds).
//   - A func is a function. Its arguments are converted to the parameter
//     types by the rules of Value.ExportTo below, strictly: a missing
//     argument, a string for a number, a fraction for an int, 300 for an
//     int8, a property no struct field takes, all throw a TypeError naming
//     the function and the argument. Extra arguments are ignored, as
//     JavaScript functions do. A variadic func takes the rest. Its results:
//     none is undefined, one is that value, several an array; a non-nil
//     last error result is thrown. A parameter of type Value receives the
//     JavaScript value as it is. IsolateOptions.LooseArguments coerces as
//     JavaScript would instead.
//   - A pointer to a struct is a live object: its exported fields are
//     properties (named by IsolateOptions.FieldNames; reads and writes
//     reach the Go struct, a write of the wrong type throws a TypeError),
//     its methods are functions; properties JavaScript adds are kept on
//     the object (so a struct sandbox takes new globals). Unexported
//     fields are invisible. A struct by value is copied into one.
//   - A map is a live object whose keys are its string keys (integer,
//     float and bool keys are written in decimal; other key types are
//     read-only by their printed form). A nil map is null.
//   - A slice is a live array of fixed length; a pointer to a slice is one
//     that grows (push, writes past the end). Writing past the end of a
//     fixed slice, or of an array behind a pointer, throws a TypeError.
//   - Pointers are followed (a nil pointer is null). The same Go pointer
//     is the same JavaScript object, so cyclic Go data is cyclic there.
//   - Channels, complex numbers and other values are opaque objects that
//     give the Go value back.
//
// # JavaScript values in Go
//
// Value.Export gives plain Go values: undefined and null are nil; booleans
// bool; numbers int64 when integral, else float64; strings string; BigInt
// *big.Int; a Symbol its description string; arrays []any; Map and Set
// *JSMap and *JSSet (entries in order, as the Sandbox API gives them); Date
// time.Time; Uint8Array and ArrayBuffer a copy as []byte; other typed
// arrays the Go slice of their element type; functions func(...any) (any,
// error); promises *Promise; Error objects *Error; other objects (and
// Proxies, whose traps run) map[string]any of their own enumerable
// properties. A view of Go data gives the Go value back. Cycles are kept.
// Value.ExportTo converts into a typed Go value instead (see there). No
// engine type ever reaches Go.
//
// The jsvm command (cmd/jsvm) is a Node-like host on this package in which
// require('vm') behaves as in Node.
package jsvm
