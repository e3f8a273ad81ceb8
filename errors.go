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
// context.Context or by SIGINT (RunOptions.BreakOnSigint). Code is Node's:
// ERR_SCRIPT_EXECUTION_TIMEOUT or ERR_SCRIPT_EXECUTION_INTERRUPTED. It
// unwraps to context.DeadlineExceeded or context.Canceled, and to nothing
// for SIGINT.
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

// thrown converts a sobek error from a run in c into a Go error.
func (iso *Isolate) thrown(err error, c *core.Context) error {
	switch e := err.(type) {
	case *sobek.Exception:
		v := Value{v: e.Value(), c: c, iso: iso}
		je := &Error{Value: v}
		if o, ok := e.Value().(*sobek.Object); ok {
			je.Name = safeString(o, "name")
			je.Message = safeString(o, "message")
			je.Stack = stack.V8(safeString(o, "stack"))
		}
		return je
	case *sobek.InterruptedError:
		if i, ok := e.Value().(*interrupt); ok {
			return i.toError()
		}
		return &InterruptedError{Code: "ERR_SCRIPT_EXECUTION_INTERRUPTED", Msg: "Script execution was interrupted", cause: context.Canceled}
	case *core.SyntaxError:
		return &SyntaxError{Message: e.Message, Filename: e.Filename, Line: e.Line, Column: e.Column}
	}
	return err
}

func safeString(o *sobek.Object, key string) (s string) {
	defer func() {
		if recover() != nil {
			s = ""
		}
	}()
	v := o.Get(key)
	if v == nil || sobek.IsUndefined(v) {
		return ""
	}
	return v.String()
}
