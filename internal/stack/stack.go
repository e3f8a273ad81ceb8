// Package stack turns sobek's stack traces into V8's shape, which is what
// Node programs (and Node's tests) read: "    at fn (file:line:col)".
//
// sobek formats an error's `stack` itself, lazily and without a hook, as
// "\tat fn (file:line:col(pc))"; every place that shows or hands out a
// stack passes it through V8.
package stack

import (
	"strconv"
	"strings"

	"github.com/grafana/sobek"
)

// V8 rewrites the frame lines of a sobek stack string into V8's format.
// Lines that are not sobek frames pass unchanged, so it is idempotent.
func V8(s string) string {
	if !strings.Contains(s, "\tat ") {
		return s
	}
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		if strings.HasPrefix(l, "\tat ") {
			lines[i] = "    at " + frame(l[len("\tat "):])
		}
	}
	return strings.TrimRight(strings.Join(lines, "\n"), "\n")
}

// frame rewrites one sobek frame body: "fn (file:1:2(3))", "file:1:2(3)",
// "fn (native)" or "native".
func frame(f string) string {
	if f == "native" {
		return "<anonymous>"
	}
	if strings.HasSuffix(f, " (native)") {
		return strings.TrimSuffix(f, "(native)") + "(<anonymous>)"
	}
	if strings.HasSuffix(f, ")") {
		// strip "(pc)" at the end of the location
		body := f
		closing := ""
		if strings.HasSuffix(body, "))") {
			body, closing = body[:len(body)-1], ")"
		}
		if i := strings.LastIndexByte(body, '('); i >= 0 {
			if _, err := strconv.Atoi(body[i+1 : len(body)-1]); err == nil {
				return body[:i] + closing
			}
		}
	}
	return f
}

// Frames formats frames as V8 does, one "    at ..." line each.
func Frames(frames []sobek.StackFrame) string {
	var b strings.Builder
	for i := range frames {
		f := &frames[i]
		b.WriteString("\n    at ")
		pos := f.Position()
		name := f.FuncName()
		if f.SrcName() == "<native>" {
			b.WriteString(name + " (<anonymous>)")
			continue
		}
		loc := pos.Filename
		if loc == "" {
			loc = "<anonymous>"
		}
		loc += ":" + strconv.Itoa(pos.Line) + ":" + strconv.Itoa(pos.Column)
		if name != "<anonymous>" && name != "" {
			b.WriteString(name + " (" + loc + ")")
		} else {
			b.WriteString(loc)
		}
	}
	return b.String()
}
