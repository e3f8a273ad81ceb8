package jsvm

import (
	"context"
	"fmt"
	"time"

	"github.com/grafana/sobek"
	"github.com/jsvm-dev/jsvm/internal/core"
	"github.com/jsvm-dev/jsvm/internal/stack"
)

// Error is a JavaScript value thrown out of a run. Value is what was thrown
// (usually an Error object of the context that threw it).
type Error struct {
	Value Value
	// Name and Message are read from the thrown object ("" for primitives).
	Name, Message string
	// Stack is the thrown error's stack in V8's format.
	Stack string

	panic *PanicError
}

func (e *Error) Error() string {
	if e.Stack != "" {
		return e.Stack
	}
	if e.Name != "" {
		return e.Name + ": " + e.Message
	}
	return "Uncaught " + e.Value.String()
}

// SyntaxError is code that does not compile.
type SyntaxError struct {
	Message  string
	Filename string
	Line     int // 1-based, lineOffset applied
	Column   int // 1-based, columnOffset applied
}

func (e *SyntaxError) Error() string {
	return fmt.Sprintf("%s:%d:%d: SyntaxError: %s", e.Filename, e.Line, e.Column, e.Message)
}

// InterruptedError is a run stopped from outside: by its timeout, by its
// context.Context, by SIGINT (RunOptions.BreakOnSigint) or by the heap
// watchdog (IsolateOptions.MemoryLimit). Code is Node's:
// ERR_SCRIPT_EXECUTION_TIMEOUT or ERR_SCRIPT_EXECUTION_INTERRUPTED, or
// jsvm's ERR_JSVM_MEMORY_LIMIT. It unwraps to context.DeadlineExceeded or
// context.Canceled, to nothing for SIGINT, and to an error naming the
// limit for memory.
type InterruptedError struct {
	Code  string
	Msg   string
	cause error
}

func (e *InterruptedError) Error() string { return e.Msg }
func (e *InterruptedError) Unwrap() error { return e.cause }

// ErrIsolateBusy is returned when a goroutine uses an isolate that another
// goroutine is using. An isolate runs one goroutine at a time.
var ErrIsolateBusy = fmt.Errorf("jsvm: isolate is in use by another goroutine")

// interrupt is what a stopped run's InterruptedError carries inside sobek.
type interrupt struct {
	timeout time.Duration // > 0 for a timeout
	cause   error
	sigint  bool // BreakOnSigint
}

func (i *interrupt) toError() error {
	if i.sigint {
		return &InterruptedError{Code: "ERR_SCRIPT_EXECUTION_INTERRUPTED", Msg: "Script execution was interrupted by `SIGINT`"}
	}
	if i.timeout > 0 {
		return &InterruptedError{
			Code:  "ERR_SCRIPT_EXECUTION_TIMEOUT",
			Msg:   fmt.Sprintf("Script execution timed out after %dms", i.timeout.Milliseconds()),
			cause: context.DeadlineExceeded,
		}
	}
	msg := "Script execution was interrupted"
	if i.cause == context.DeadlineExceeded {
		return &InterruptedError{Code: "ERR_SCRIPT_EXECUTION_TIMEOUT", Msg: "Script execution timed out (context deadline)", cause: i.cause}
	}
	return &InterruptedError{Code: "ERR_SCRIPT_EXECUTION_INTERRUPTED", Msg: msg, cause: i.cause}
}

// PanicError is a Go panic in a Go function (or callback) that JavaScript
// called. Where JavaScript called it, the panic is thrown as an Error
// whose message names it, so try/catch sees it; uncaught, it comes out of
// the run as an *Error that unwraps to the *PanicError.
type PanicError struct {
	Value any    // what was passed to panic
	Stack string // the goroutine's stack at the panic
}

func (e *PanicError) Error() string { return fmt.Sprintf("Go panic: %v", e.Value) }

// Unwrap returns the *PanicError behind an Error thrown for a Go panic.
func (e *Error) Unwrap() error {
	if e.panic != nil {
		return e.panic
	}
	return nil
}

// thrown converts a sobek error from a run in c into a Go error.
func (iso *Isolate) thrown(err error, c *core.Context) error {
	switch e := err.(type) {
	case nil:
		return nil
	case *sobek.Exception:
		return iso.errorOf(e.Value(), e, c)
	case *sobek.InterruptedError:
		if i, ok := e.Value().(*interrupt); ok {
			return i.toError()
		}
		if m := core.MemoryLimitOf(e); m != nil {
			return &InterruptedError{Code: m.Code(), Msg: m.Error(), cause: m}
		}
		return &InterruptedError{Code: "ERR_SCRIPT_EXECUTION_INTERRUPTED", Msg: "Script execution was interrupted", cause: context.Canceled}
	case *sobek.StackOverflowError:
		return &Error{Name: "RangeError", Message: "Maximum call stack size exceeded", Stack: "RangeError: Maximum call stack size exceeded"}
	case *core.SyntaxError:
		return &SyntaxError{Message: e.Message, Filename: e.Filename, Line: e.Line, Column: e.Column}
	case *core.GoPanic:
		return &PanicError{Value: e.Value, Stack: e.Stack}
	}
	return err
}

// errorOf makes the *Error for a thrown value v of c; engine errors get
// V8's words (the translation the jsvm command applies).
func (iso *Isolate) errorOf(v sobek.Value, ex *sobek.Exception, c *core.Context) *Error {
	je := &Error{Value: Value{v: v, c: c, iso: iso}}
	if o, ok := v.(*sobek.Object); ok {
		if ex != nil {
			c.Guard(func() { stack.Translate(o, ex.Stack()) })
		}
		je.Name = safeString(c, o, "name")
		je.Message = safeString(c, o, "message")
		je.Stack = stack.V8(safeString(c, o, "stack"))
		if je.Stack == "" {
			// not read yet: the frames as V8 formats them, no code run
			je.Stack, _ = iso.core.PendingStack(o)
		}
		if p := iso.core.PanicOf(o); p != nil {
			je.panic = &PanicError{Value: p.Value, Stack: p.Stack}
		}
	}
	return je
}

// safeString reads o[key] as a string if it is a plain string data
// property: a getter is not run (it could loop after the run's watchdog
// stopped).
func safeString(c *core.Context, o *sobek.Object, key string) (s string) {
	_ = c.Guard(func() {
		if d := c.DataProperty(o, key); d != nil && sobek.IsString(d) {
			s = d.String()
		}
	})
	return s
}
