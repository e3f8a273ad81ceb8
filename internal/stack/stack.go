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
	out := lines[:0]
	for _, l := range lines {
		if strings.HasPrefix(l, "\tat ") {
			body := l[len("\tat "):]
			if hostNative(body) {
				continue
			}
			l = "    at " + fixLocation(frame(body))
		}
		out = append(out, l)
	}
	return strings.TrimRight(strings.Join(out, "\n"), "\n")
}

// hostNative reports whether a sobek frame body is a Go function of the
// host ("github.com/x/y.(*T).m-fm (native)"): V8 shows no frames for the
// embedder's native callbacks.
func hostNative(body string) bool {
	name, ok := strings.CutSuffix(body, " (native)")
	return ok && goSymbol(name)
}

func goSymbol(name string) bool {
	return strings.Contains(name, "/") || strings.Contains(name, ".(*") || strings.HasSuffix(name, "-fm") ||
		strings.HasPrefix(name, "main.") || strings.Contains(name, ".func")
}

// fixLocation moves the column of a V8-shaped frame body
// ("fn (file:1:2)" or "file:1:2") to V8's column for that source.
func fixLocation(f string) string {
	loc, pre, post := f, "", ""
	if strings.HasSuffix(f, ")") {
		if i := strings.LastIndex(f, " ("); i >= 0 {
			loc, pre, post = f[i+2:len(f)-1], f[:i+2], ")"
		}
	}
	c2 := strings.LastIndexByte(loc, ':')
	if c2 < 0 {
		return f
	}
	c1 := strings.LastIndexByte(loc[:c2], ':')
	if c1 < 0 {
		return f
	}
	line, err1 := strconv.Atoi(loc[c1+1 : c2])
	col, err2 := strconv.Atoi(loc[c2+1:])
	if err1 != nil || err2 != nil {
		return f
	}
	file := loc[:c1]
	if nc := Column(file, line, col); nc != col {
		return pre + file + ":" + strconv.Itoa(line) + ":" + strconv.Itoa(nc) + post
	}
	return f
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
		pos := f.Position()
		name := f.FuncName()
		if f.SrcName() == "<native>" {
			if goSymbol(name) {
				continue
			}
			b.WriteString("\n    at " + name + " (<anonymous>)")
			continue
		}
		loc := pos.Filename
		if loc == "" {
			loc = "<anonymous>"
		}
		loc += ":" + strconv.Itoa(pos.Line) + ":" + strconv.Itoa(Column(pos.Filename, pos.Line, pos.Column))
		if name != "<anonymous>" && name != "" {
			b.WriteString("\n    at " + name + " (" + loc + ")")
		} else {
			b.WriteString("\n    at " + loc)
		}
	}
	return b.String()
}
