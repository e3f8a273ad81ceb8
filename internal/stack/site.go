package stack

import (
	"strconv"
	"strings"
)

// Site is one frame of a stack as V8 describes it (its CallSite): what
// the frame's line says is made from it by String, as V8's
// SerializeJSStackFrame does.
type Site struct {
	// Func is the function's name ("" for anonymous code), Type the
	// receiver's constructor name, Method the property the function was
	// found under on the receiver.
	Func, Type, Method string
	// File is the script's name ("" for eval and Function code); Line and
	// Col are 1-based (0: unknown).
	File      string
	Line, Col int
	// Native: a builtin; TopLevel: called with no receiver (or the global
	// object); Construct: called by new; Async: an awaiting async
	// function; Eval: eval or Function code, whose origin (the place the
	// eval was called from, "eval at f (file:1:2)") is EvalOrigin.
	Native, TopLevel, Construct, Async, Eval bool
	EvalOrigin                               string
}

// Location is the frame's position as V8 prints it: "file:1:2",
// "<anonymous>" for a builtin, "eval at f (file:1:2), <anonymous>:1:5"
// for eval code.
func (s *Site) Location() string {
	if s.Native {
		return "<anonymous>"
	}
	var b strings.Builder
	if s.File == "" && s.Eval && s.EvalOrigin != "" {
		b.WriteString(s.EvalOrigin)
		b.WriteString(", ")
	}
	if s.File != "" {
		b.WriteString(s.File)
	} else {
		b.WriteString("<anonymous>")
	}
	if s.Line > 0 {
		b.WriteByte(':')
		b.WriteString(strconv.Itoa(s.Line))
		b.WriteByte(':')
		b.WriteString(strconv.Itoa(s.Col))
	}
	return b.String()
}

// String is the frame as V8 prints it after "    at ".
func (s *Site) String() string {
	var b strings.Builder
	if s.Async {
		b.WriteString("async ")
	}
	switch {
	case !s.TopLevel && !s.Construct:
		s.methodCall(&b)
	case s.Construct:
		b.WriteString("new ")
		if s.Func != "" {
			b.WriteString(s.Func)
		} else {
			b.WriteString("<anonymous>")
		}
	case s.Func != "":
		b.WriteString(s.Func)
	default:
		b.WriteString(s.Location())
		return b.String()
	}
	b.WriteString(" (")
	b.WriteString(s.Location())
	b.WriteByte(')')
	return b.String()
}

// methodCall is V8's AppendMethodCall.
func (s *Site) methodCall(b *strings.Builder) {
	if s.Func != "" {
		if s.Type != "" && !strings.HasPrefix(s.Func, s.Type) {
			b.WriteString(s.Type)
			b.WriteByte('.')
		}
		b.WriteString(s.Func)
		if s.Method != "" && !endsWithMethod(s.Func, s.Method) {
			b.WriteString(" [as ")
			b.WriteString(s.Method)
			b.WriteByte(']')
		}
		return
	}
	if s.Type != "" {
		b.WriteString(s.Type)
		b.WriteByte('.')
	}
	if s.Method != "" {
		b.WriteString(s.Method)
	} else {
		b.WriteString("<anonymous>")
	}
}

// endsWithMethod is V8's StringEndsWithMethodName: name is method or ends
// with "." + method.
func endsWithMethod(name, method string) bool {
	return name == method || strings.HasSuffix(name, "."+method)
}

// HiddenNative reports whether V8 shows no frame for the builtin or Go
// function name: the embedder's Go functions, the membrane's traps, the
// host loop's runner, and Function.prototype.call/apply.
func HiddenNative(name string) bool { return hiddenNative(name) }

// NameTimerFrames names the callback frame of a timer or an immediate as
// V8 does for Node's ("Timeout._onTimeout").
func NameTimerFrames(lines []string) { nameTimerFrames(lines) }

// ColumnOf is the column V8 reports for a frame of the function named fn
// at sobek's line and column of file.
func ColumnOf(file, fn string, line, col int) int { return ColumnHint(file, hintOf(fn), line, col) }

// AtSuper reports whether the position of file is a `super(` call (the
// frame of a derived constructor, which V8 leaves out of the stack of the
// error it makes).
func AtSuper(file string, line, col int) bool {
	text, idx, ok := Line(file, line, col)
	return ok && idx >= 0 && idx < len(text) && strings.HasPrefix(text[idx:], "super") &&
		strings.HasPrefix(strings.TrimLeft(text[idx+5:], " \t"), "(")
}

// AwaitColumn is the column of the await the frame of the async function
// fn waits at (V8's position; sobek's is the awaited expression's, col,
// which it stays when no await is right before it).
func AwaitColumn(file, fn string, line, col int) int {
	text, _, ok := LineHint(file, hintOf(fn), line, 1)
	i := col - 1
	if !ok || i < 0 || i > len(text) {
		return col
	}
	j := len(strings.TrimRight(text[:i], " \t"))
	if j < 5 || text[j-5:j] != "await" || j > 5 && isIdentByte(text[j-6]) {
		return col
	}
	return col - (i - (j - 5))
}
