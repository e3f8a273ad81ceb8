package sandbox

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Error codes of the sandbox's limits and faults.
const (
	CodeTimeout     = "ERR_SCRIPT_EXECUTION_TIMEOUT"
	CodeInterrupted = "ERR_SCRIPT_EXECUTION_INTERRUPTED"
	CodeMemory      = "ERR_SANDBOX_MEMORY_LIMIT"
	CodeCPU         = "ERR_SANDBOX_CPU_LIMIT"
	CodeStack       = "ERR_SANDBOX_STACK_OVERFLOW"
	CodeDisposed    = "ERR_SANDBOX_DISPOSED"
	CodeBusy        = "ERR_SANDBOX_BUSY"
	CodePending     = "ERR_SANDBOX_PROMISE_PENDING"
	CodeInternal    = "ERR_SANDBOX_INTERNAL"
	CodeSyntax      = "ERR_SANDBOX_SYNTAX"
)

// LimitError ends a run: a limit was reached, the run was cancelled, or the
// sandbox cannot run (disposed, busy). Disposed tells that the sandbox was
// disposed because of it and every later run fails.
type LimitError struct {
	Code     string
	Name     string // the JS class a JS caller sees: "Error", "RangeError"
	Message  string
	Disposed bool
	Cause    error // context.Canceled / DeadlineExceeded for a cancelled run
}

func (e *LimitError) Error() string { return e.Message }
func (e *LimitError) Unwrap() error { return e.Cause }

func limitErr(code, name, format string, args ...any) *LimitError {
	return &LimitError{Code: code, Name: name, Message: fmt.Sprintf(format, args...)}
}

// ThrownError is a value the sandbox's code threw (or a promise rejected
// with), as a copy: Value is in the copy graph (an *Error for thrown
// errors).
type ThrownError struct{ Value any }

func (e *ThrownError) Error() string {
	switch v := e.Value.(type) {
	case *Error:
		return v.Error()
	case string:
		return "Uncaught " + v
	}
	return "Uncaught " + Describe(e.Value)
}

// SyntaxError is code that does not compile.
type SyntaxError struct{ Message string }

func (e *SyntaxError) Error() string { return "SyntaxError: " + e.Message }

// Describe renders a copy-graph value for messages and the console option,
// much like util.inspect does at depth 2.
func Describe(v any) string {
	var b strings.Builder
	describe(&b, v, 0, map[any]bool{})
	return b.String()
}

func describe(b *strings.Builder, v any, depth int, seen map[any]bool) {
	if b.Len() > 4096 {
		b.WriteString("...")
		return
	}
	switch x := v.(type) {
	case nil:
		b.WriteString("null")
		return
	case UndefinedType:
		b.WriteString("undefined")
		return
	case string:
		if depth == 0 {
			b.WriteString(x)
		} else {
			fmt.Fprintf(b, "'%s'", strings.ReplaceAll(x, "'", "\\'"))
		}
		return
	case float64:
		b.WriteString(formatNumber(x))
		return
	case bool:
		fmt.Fprint(b, x)
		return
	}
	if seen[v] {
		b.WriteString("[Circular]")
		return
	}
	seen[v] = true
	defer delete(seen, v)
	if depth > 2 {
		b.WriteString("[Object]")
		return
	}
	switch x := v.(type) {
	case *Object:
		if len(x.Keys) == 0 {
			b.WriteString("{}")
			return
		}
		b.WriteString("{ ")
		for i, k := range x.Keys {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString(k + ": ")
			describe(b, x.Values[i], depth+1, seen)
		}
		b.WriteString(" }")
	case *Array:
		if len(x.Elems) == 0 {
			b.WriteString("[]")
			return
		}
		b.WriteString("[ ")
		for i, e := range x.Elems {
			if i > 0 {
				b.WriteString(", ")
			}
			describe(b, e, depth+1, seen)
		}
		b.WriteString(" ]")
	case *Map:
		fmt.Fprintf(b, "Map(%d) {", len(x.Keys))
		for i := range x.Keys {
			if i > 0 {
				b.WriteString(",")
			}
			b.WriteString(" ")
			describe(b, x.Keys[i], depth+1, seen)
			b.WriteString(" => ")
			describe(b, x.Values[i], depth+1, seen)
		}
		b.WriteString(" }")
	case *Set:
		fmt.Fprintf(b, "Set(%d) {", len(x.Values))
		for i := range x.Values {
			if i > 0 {
				b.WriteString(",")
			}
			b.WriteString(" ")
			describe(b, x.Values[i], depth+1, seen)
		}
		b.WriteString(" }")
	case *Date:
		if x.Valid {
			b.WriteString(x.Time.UTC().Format("2006-01-02T15:04:05.000Z"))
		} else {
			b.WriteString("Invalid Date")
		}
	case *RegExp:
		b.WriteString("/" + x.Source + "/" + x.Flags)
	case *Error:
		b.WriteString(x.Error())
	case *ArrayBuffer:
		fmt.Fprintf(b, "ArrayBuffer { byteLength: %d }", len(x.Data))
	case *TypedArray:
		fmt.Fprintf(b, "%s(%d bytes)", x.Kind, len(x.Bytes()))
	default:
		fmt.Fprint(b, x)
	}
}

func formatNumber(f float64) string {
	switch {
	case f != f:
		return "NaN"
	case math.IsInf(f, 1):
		return "Infinity"
	case math.IsInf(f, -1):
		return "-Infinity"
	case f == float64(int64(f)) && f < 1e21 && f > -1e21:
		return strconv.FormatInt(int64(f), 10)
	}
	return strconv.FormatFloat(f, 'g', -1, 64)
}
