// Package jsvm is Node.js's vm module for Go: JavaScript run in isolated
// contexts whose globals are an object of yours, scripts compiled once and
// run in any context, in pure Go on the sobek engine.
//
// The shapes follow Node's vm, in Go's idioms:
//
//	iso := jsvm.NewIsolate(jsvm.IsolateOptions{})       // a V8-like isolate
//	c, _ := iso.NewContext(map[string]any{"x": 2}, jsvm.ContextOptions{}) // vm.createContext
//	s, _ := jsvm.Compile("x += 40; var y = 17", jsvm.ScriptOptions{})     // new vm.Script
//	_, err := s.RunInContext(ctx, c, jsvm.RunOptions{})                   // script.runInContext
//
// An Isolate groups contexts that may share objects: a value of one
// context handed to another keeps its identity, and functions, errors and
// promises work across. Each context has its own builtins
// (`runInNewContext('[]') instanceof Array` is false outside). An isolate
// runs on one goroutine at a time; separate isolates run in parallel.
//
// Runs stop when their context.Context is cancelled or their Timeout
// expires, with an *InterruptedError carrying Node's code. A value thrown
// by JavaScript comes back as an *Error holding the value and its stack;
// code that does not compile as a *SyntaxError with its position.
//
// The jsvm command (cmd/jsvm) is a Node-like host on this package in which
// require('vm') behaves as in Node.
package jsvm
