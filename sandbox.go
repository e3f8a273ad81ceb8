package jsvm

import (
	"context"
	"io"
	"time"

	"github.com/jsvm-dev/jsvm/internal/sandbox"
)

// Sandbox is a security boundary for untrusted JavaScript: its own runtime
// (no object of the host or of another sandbox is reachable in it), whose
// intrinsics are frozen after set-up; values cross only as copies
// (structured clone); host functions exist in it only when exported; and
// each run is bounded by a timeout, a context, a CPU budget, a memory
// budget and a recursion depth. See RATIONALE.md for what it promises and
// what it does not.
//
// A Sandbox is safe for use by several goroutines; runs are serialised.
type Sandbox struct{ s sandbox.Instance }

// SandboxOptions configure a sandbox. The zero value: no limits but the
// default recursion depth and the size caps, no console.
type SandboxOptions struct {
	// MemoryLimit bounds, in bytes, what one run may allocate (estimated
	// from the heap's growth, RATIONALE.md) and the size of any one
	// string, array or buffer. Exceeding it is a *SandboxLimitError with
	// Code ERR_SANDBOX_MEMORY_LIMIT, and the sandbox is disposed.
	MemoryLimit int64
	// Timeout is each run's wall-clock limit: an *InterruptedError with
	// Code ERR_SCRIPT_EXECUTION_TIMEOUT.
	Timeout time.Duration
	// CPULimit is each run's CPU-time budget: ERR_SANDBOX_CPU_LIMIT.
	CPULimit time.Duration
	// MaxCallDepth bounds the call stack (0: 10000 frames):
	// ERR_SANDBOX_STACK_OVERFLOW.
	MaxCallDepth int
	// Console, when set, gives the sandbox a console whose methods write
	// a line of their (copied) arguments to it.
	Console io.Writer
	// Process runs the sandbox in a worker process: this program
	// re-executed, which must call RunWorkerIfRequested at the start of
	// main. The worker has rlimits on its address space (4 x MemoryLimit
	// + 1 GiB past what the Go runtime maps at start, or 2 GiB) and,
	// per run, on its CPU time (CPULimit + about a second), so that what
	// is fatal to a Go process (out of memory, stack exhaustion) ends the
	// worker, not the host. Values cross the pipe with the same copy
	// semantics; exported functions are called back over it. A worker
	// that dies, or does not answer within the run's limit plus a grace
	// period (it is then killed), ends that run with a *SandboxLimitError
	// of Code ERR_SANDBOX_WORKER_EXITED (or the limit's code) and the
	// sandbox is disposed. Unix only (elsewhere NewSandbox returns an
	// error).
	Process bool
}

// RunWorkerIfRequested makes this process a sandbox worker, and exits,
// when it was started as one by a sandbox with SandboxOptions.Process;
// otherwise it returns at once. Call it first thing in main (before
// flags, files or goroutines): the worker is the program re-executed. In
// tests, call it from TestMain.
func RunWorkerIfRequested() { sandbox.RunWorkerIfRequested() }

// WarmSandboxWorkers sets how many started worker processes are kept
// ready for Process sandboxes (default 1, started when the first process
// sandbox is created) and starts them, so that NewSandbox does not wait
// for a process to start.
func WarmSandboxWorkers(n int) { sandbox.WarmWorkers(n) }

// The values that cross a sandbox's boundary. Going in, Set, exported
// functions' results and ExportAsync accept nil, booleans, every Go number
// kind, strings, *big.Int, []byte (a Uint8Array), time.Time, errors,
// slices, maps with string keys and the types below; structs, functions,
// channels and other pointers are refused. Coming out, objects are
// map[string]any, arrays []any, numbers float64, dates time.Time, null nil,
// undefined Undefined, BigInts *big.Int; the other kinds are the types below.
type (
	UndefinedType     = sandbox.UndefinedType
	JSMap             = sandbox.Map
	JSSet             = sandbox.Set
	JSRegExp          = sandbox.RegExp
	JSArrayBuffer     = sandbox.ArrayBuffer
	JSTypedArray      = sandbox.TypedArray
	CopiedError       = sandbox.Error          // an error copied across
	DataCloneError    = sandbox.DataCloneError // a value that cannot be copied
	SandboxLimitError = sandbox.LimitError     // a limit, or a disposed or busy sandbox
)

// Undefined is JavaScript's undefined as a Go value.
var Undefined = sandbox.Undefined

// ThrownError is a value the sandbox's code threw, or a promise's
// rejection, as a copy (Value converted as results are; an *CopiedError
// for thrown errors).
type ThrownError struct {
	Value any
	msg   string
}

func (e *ThrownError) Error() string { return e.msg }

// SandboxScript is code compiled once that runs in any sandbox.
type SandboxScript struct{ s *sandbox.Script }

// CompileSandboxScript compiles code (a classic script named filename).
// A compile error is a *SyntaxError.
func CompileSandboxScript(filename, code string) (*SandboxScript, error) {
	s, err := sandbox.Compile(filename, code)
	if err != nil {
		if se, ok := err.(*sandbox.SyntaxError); ok {
			return nil, &SyntaxError{Message: se.Message, Filename: filename}
		}
		return nil, err
	}
	return &SandboxScript{s: s}, nil
}

// NewSandbox creates a sandbox.
func NewSandbox(opts SandboxOptions) (*Sandbox, error) {
	o := sandbox.Options{
		Timeout: opts.Timeout, CPULimit: opts.CPULimit, MemoryLimit: opts.MemoryLimit,
		MaxCallDepth: opts.MaxCallDepth, Console: opts.Console,
	}
	if opts.Process {
		r, err := sandbox.NewRemote(o)
		if err != nil {
			return nil, err
		}
		return &Sandbox{s: r}, nil
	}
	s, err := sandbox.New(o)
	if err != nil {
		return nil, err
	}
	return &Sandbox{s: s}, nil
}

// Set copies v into the sandbox as the global name.
func (sb *Sandbox) Set(name string, v any) error {
	g, err := sandbox.FromGo(v)
	if err != nil {
		return err
	}
	return convertSandboxErr(sb.s.Set(name, g))
}

// Export makes fn callable in the sandbox as the global function name.
// Its arguments arrive as copies, its result is copied in; an error it
// returns is thrown in the sandbox as a fresh Error with its message (a
// *CopiedError keeps its name), a panic as an Error that says the
// function failed. fn runs on the goroutine of the run that called it.
func (sb *Sandbox) Export(name string, fn func(args []any) (any, error)) error {
	return convertSandboxErr(sb.s.Export(name, func(args []any) (any, error) {
		v, err := fn(goArgs(args))
		if err != nil {
			return nil, err
		}
		return sandbox.FromGo(v)
	}))
}

// ExportAsync makes fn callable in the sandbox as the global function
// name, returning a promise of the sandbox; fn runs on its own goroutine
// and ctx is cancelled when the sandbox is closed. The promise settles
// while a RunAsync of the sandbox is waiting.
func (sb *Sandbox) ExportAsync(name string, fn func(ctx context.Context, args []any) (any, error)) error {
	return convertSandboxErr(sb.s.ExportAsync(name, func(ctx context.Context, args []any) (any, error) {
		v, err := fn(ctx, goArgs(args))
		if err != nil {
			return nil, err
		}
		return sandbox.FromGo(v)
	}))
}

func goArgs(args []any) []any {
	out := make([]any, len(args))
	for i, a := range args {
		out[i] = sandbox.ToGo(a)
	}
	return out
}

// Run compiles and runs code and returns its completion value as a copy.
// Errors: *ThrownError, *InterruptedError (timeout, ctx), *SandboxLimitError,
// *DataCloneError (the result cannot be copied), *SyntaxError.
// Code is compiled where it runs: for a Process sandbox, in the worker.
func (sb *Sandbox) Run(ctx context.Context, code string) (any, error) {
	return sb.RunScript(ctx, &SandboxScript{s: sandbox.Source("sandbox.js", code)})
}

// RunAsync is Run for code whose value may be a promise: it waits, within
// the limits, for the promise to settle and returns its value, or a
// *ThrownError with its rejection.
func (sb *Sandbox) RunAsync(ctx context.Context, code string) (any, error) {
	return sb.RunScriptAsync(ctx, &SandboxScript{s: sandbox.Source("sandbox.js", code)})
}

// Compile compiles code (a classic script named filename) as a script
// that runs in any sandbox. For a Process sandbox it is parsed in the
// worker, so that untrusted source never reaches the host's parser
// (CompileSandboxScript parses in this process). A compile error is a
// *SyntaxError.
func (sb *Sandbox) Compile(filename, code string) (*SandboxScript, error) {
	s, err := sb.s.Compile(filename, code)
	if err != nil {
		if se, ok := err.(*sandbox.SyntaxError); ok {
			return nil, &SyntaxError{Message: se.Message, Filename: filename}
		}
		return nil, convertSandboxErr(err)
	}
	return &SandboxScript{s: s}, nil
}

// RunScript runs a compiled script in the sandbox.
func (sb *Sandbox) RunScript(ctx context.Context, s *SandboxScript) (any, error) {
	v, err := sb.s.Run(ctx, s.s)
	return sandbox.ToGo(v), convertSandboxErr(err)
}

// RunScriptAsync runs a compiled script and waits for its promise.
func (sb *Sandbox) RunScriptAsync(ctx context.Context, s *SandboxScript) (any, error) {
	v, err := sb.s.RunAsync(ctx, s.s)
	return sandbox.ToGo(v), convertSandboxErr(err)
}

// MemoryUsage estimates the sandbox's retained memory in bytes.
func (sb *Sandbox) MemoryUsage() (int64, error) {
	n, err := sb.s.MemoryUsage()
	return n, convertSandboxErr(err)
}

// Disposed reports whether the sandbox can no longer run (closed, or a
// limit it could not continue after).
func (sb *Sandbox) Disposed() bool { return sb.s.Disposed() }

// Close disposes the sandbox.
func (sb *Sandbox) Close() error {
	sb.s.Close()
	return nil
}

func convertSandboxErr(err error) error {
	switch e := err.(type) {
	case nil:
		return nil
	case *sandbox.ThrownError:
		return &ThrownError{Value: sandbox.ToGo(e.Value), msg: e.Error()}
	case *sandbox.SyntaxError:
		return &SyntaxError{Message: e.Message, Filename: "sandbox.js"}
	case *sandbox.LimitError:
		if e.Code == sandbox.CodeTimeout || e.Code == sandbox.CodeInterrupted {
			cause := e.Cause
			if cause == nil && e.Code == sandbox.CodeTimeout {
				cause = context.DeadlineExceeded
			}
			return &InterruptedError{Code: e.Code, Msg: e.Message, cause: cause}
		}
	}
	return err
}
