package jsvm

import "time"

// IsolateOptions configures an isolate. The zero value is Node's default.
type IsolateOptions struct {
	// DefaultTimeout applies to every run that sets no Timeout of its own.
	// Zero means no limit.
	DefaultTimeout time.Duration
}

// ContextOptions are the options of vm.createContext. The zero value is
// Node's default.
type ContextOptions struct {
	// Name is shown by inspectors; default "VM Context N".
	Name string
	// Origin is the context's origin, e.g. "https://example.com".
	Origin string
	// DisallowStrings makes every way of compiling a string in the context
	// (eval, direct or indirect; Function, with or without new; the
	// GeneratorFunction and AsyncFunction constructors) throw the context's
	// EvalError "Code generation from strings disallowed for this context"
	// (Node's codeGeneration: {strings: false}). Function.prototype.constructor
	// and instanceof Function keep working as in Node.
	DisallowStrings bool
	// DisallowWasm records codeGeneration: {wasm: false}. The engine has no
	// WebAssembly, so it changes nothing.
	DisallowWasm bool
	// MicrotaskMode is "" (the isolate's queue) or "afterEvaluate".
	MicrotaskMode string
}

// ScriptOptions are the compile options of vm.Script. The zero value is
// Node's default.
type ScriptOptions struct {
	// Filename is used in stack traces; default "evalmachine.<anonymous>".
	Filename string
	// LineOffset and ColumnOffset shift the positions reported for the
	// script (ColumnOffset applies to its first line).
	LineOffset   int
	ColumnOffset int
}

// RunOptions are the options of script.runInContext. The zero value is
// Node's default.
type RunOptions struct {
	// Timeout stops the run after this long with an error whose Code is
	// ERR_SCRIPT_EXECUTION_TIMEOUT. Zero means the isolate's default.
	Timeout time.Duration
	// BreakOnSigint stops the run when the process receives SIGINT, with
	// an *InterruptedError whose Code is ERR_SCRIPT_EXECUTION_INTERRUPTED
	// (Node's breakOnSigint). During the run the signal is caught through
	// os/signal, so it does not end the process; other os/signal.Notify
	// channels for SIGINT still receive it.
	BreakOnSigint bool
}
