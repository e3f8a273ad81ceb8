// Package stack turns sobek's stack traces into V8's shape, which is what
// Node programs (and Node's tests) read: "    at fn (file:line:col)".
//
// sobek formats an error's `stack` itself, lazily and without a hook, as
// "\tat fn (file:line:col(pc))"; every place that shows or hands out a
// stack passes it through V8.
//
// What it does, and where it is used:
//
//   - V8 and Frames: frame lines in V8's shape. Columns move to V8's (a
//     call at its callee's name, not at the paren; a construction's callee
//     at `new`; a failing `return x` at `return`; a write `o.p = v` at
//     the `=`), using the source registry. Frames of the embedder's Go
//     functions, of the membrane, of the host loop and of call/apply are
//     dropped; builtins get V8's receiver names (Array.map); a frame called
//     by `new` reads "new F"; an Error subclass's constructor frames are
//     dropped from the top.
//   - Register (source.go): file name -> source text, filled by node/vm for
//     compiled scripts and by node/host for modules; Line, Column, Callee,
//     SourceAt read it.
//   - Translate, TranslateFromStack, Message (messages.go): V8's words for
//     sobek's engine errors, applied where an error leaves a vm run
//     (node/vm), for the host's uncaught errors and unhandled rejections.
//   - SyntaxError, CaretWidth (syntax.go): V8's words, position and
//     underline for parse errors (node/vm's vm.Script, node/host's
//     modules).
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
	out = dropSuperFrames(out)
	nameTimerFrames(out)
	markConstructors(out)
	return strings.TrimRight(strings.Join(out, "\n"), "\n")
}

// markConstructors names a frame "new F" as V8 does when its caller's
// position is a `new` expression (sobek reports a construction at `new`).
func markConstructors(lines []string) {
	for i := 0; i+1 < len(lines); i++ {
		l := lines[i]
		if !strings.HasPrefix(l, "    at ") || !strings.HasSuffix(l, ")") || !strings.HasPrefix(lines[i+1], "    at ") {
			continue
		}
		body := l[len("    at "):]
		sp := strings.LastIndex(body, " (")
		if sp <= 0 || strings.HasPrefix(body, "new ") || strings.HasSuffix(body, "(<anonymous>)") {
			continue
		}
		file, line, col, ok := location(lines[i+1][len("    at "):])
		if !ok {
			continue
		}
		text, idx, ok := Line(file, line, col)
		if !ok || idx < 0 || idx+3 > len(text) || text[idx:idx+3] != "new" || (idx+3 < len(text) && isIdentByte(text[idx+3])) {
			continue
		}
		lines[i] = "    at new " + body
	}
}

// location parses the position of a V8 frame body ("fn (file:1:2)" or
// "file:1:2").
func location(f string) (file string, line, col int, ok bool) {
	loc := f
	if strings.HasSuffix(f, ")") {
		if i := strings.LastIndex(f, " ("); i >= 0 {
			loc = f[i+2 : len(f)-1]
		}
	}
	c2 := strings.LastIndexByte(loc, ':')
	if c2 < 0 {
		return "", 0, 0, false
	}
	c1 := strings.LastIndexByte(loc[:c2], ':')
	if c1 < 0 {
		return "", 0, 0, false
	}
	line, err1 := strconv.Atoi(loc[c1+1 : c2])
	col, err2 := strconv.Atoi(loc[c2+1:])
	if err1 != nil || err2 != nil {
		return "", 0, 0, false
	}
	return loc[:c1], line, col, true
}

// hostNative reports whether a sobek frame body is a Go function of the
// host ("github.com/x/y.(*T).m-fm (native)"): V8 shows no frames for the
// embedder's native callbacks.
func hostNative(body string) bool {
	name, ok := strings.CutSuffix(body, " (native)")
	return ok && hiddenNative(name)
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
	if nc := ColumnHint(file, hintOf(pre), line, col); nc != col {
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
	if name, ok := strings.CutSuffix(f, " (native)"); ok {
		return builtinName(name) + " (<anonymous>)"
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
	var lines []string
	for i := range frames {
		f := &frames[i]
		pos := f.Position()
		name := f.FuncName()
		if f.SrcName() == "<native>" {
			if hiddenNative(name) {
				continue
			}
			lines = append(lines, "    at "+builtinName(name)+" (<anonymous>)")
			continue
		}
		loc := pos.Filename
		if loc == "" {
			loc = "<anonymous>"
		}
		loc += ":" + strconv.Itoa(pos.Line) + ":" + strconv.Itoa(ColumnHint(pos.Filename, hintOf(name), pos.Line, pos.Column))
		if name != "<anonymous>" && name != "" {
			lines = append(lines, "    at "+name+" ("+loc+")")
		} else {
			lines = append(lines, "    at "+loc)
		}
	}
	if len(lines) == 0 {
		return ""
	}
	nameTimerFrames(lines)
	markConstructors(lines)
	return "\n" + strings.Join(lines, "\n")
}

// dropSuperFrames removes the frames of Error subclass constructors at
// the top of an error's stack (sobek records them at their super(...)
// call; V8 starts the stack at the code that ran new).
func dropSuperFrames(lines []string) []string {
	for i := 0; i < len(lines); i++ {
		if !strings.HasPrefix(lines[i], "    at ") {
			continue
		}
		// i is the first frame
		for i < len(lines) && strings.HasPrefix(lines[i], "    at ") {
			file, line, col, ok := location(lines[i][len("    at "):])
			if !ok {
				break
			}
			text, idx, ok := Line(file, line, col)
			if !ok || idx < 0 || idx >= len(text) || !strings.HasPrefix(text[idx:], "super") ||
				!strings.HasPrefix(strings.TrimLeft(text[idx+5:], " \t"), "(") {
				break
			}
			lines = append(lines[:i], lines[i+1:]...)
		}
		break
	}
	return lines
}

// hiddenNative reports whether V8 would show no frame for a native
// function: the embedder's Go functions, the membrane's traps, the host
// loop's runner, and Function.prototype.call/apply (which V8 leaves out).
func hiddenNative(name string) bool {
	switch name {
	case "proxy", "runMicrotasks", "call", "apply":
		return true
	}
	return goSymbol(name)
}

// builtinFrames are V8's names for the frames of common builtins (V8
// names them by receiver; sobek by the bare function name). Names shared
// by several types take the most common receiver.
var builtinFrames = map[string]string{
	"forEach": "Array.forEach", "map": "Array.map", "filter": "Array.filter", "reduce": "Array.reduce",
	"reduceRight": "Array.reduceRight", "some": "Array.some", "every": "Array.every", "find": "Array.find",
	"findIndex": "Array.findIndex", "findLast": "Array.findLast", "findLastIndex": "Array.findLastIndex",
	"sort": "Array.sort", "flatMap": "Array.flatMap", "from": "Function.from",
	"parse": "JSON.parse", "stringify": "JSON.stringify", "replace": "String.replace",
	"replaceAll": "String.replaceAll", "Promise": "new Promise",
}

func builtinName(name string) string {
	if n, ok := builtinFrames[name]; ok {
		return n
	}
	return name
}

// hintOf is the function name of a frame ("fn (", "new F (", "Object.m (")
// to pick among texts compiled under one file name; "" for anonymous code.
func hintOf(name string) string {
	name = strings.TrimSuffix(strings.TrimSpace(strings.TrimSuffix(name, "(")), " ")
	name = strings.TrimPrefix(name, "new ")
	if i := strings.LastIndexByte(name, '.'); i >= 0 {
		name = name[i+1:]
	}
	if name == "" || strings.ContainsAny(name, "<> []") {
		return ""
	}
	return name
}

// nameTimerFrames names the callback frame of a timer or an immediate as
// V8 does for Node's (a method call on the Timeout or Immediate object):
// "Timeout._onTimeout", "Timeout.tick [as _onTimeout]".
func nameTimerFrames(lines []string) {
	for i := 0; i+1 < len(lines); i++ {
		next := lines[i+1]
		var typ, prop string
		switch {
		case strings.HasPrefix(next, "    at listOnTimeout (node:internal/timers:"):
			typ, prop = "Timeout", "_onTimeout"
		case strings.HasPrefix(next, "    at processImmediate (node:internal/timers:"):
			typ, prop = "Immediate", "_onImmediate"
		default:
			continue
		}
		body, ok := strings.CutPrefix(lines[i], "    at ")
		if !ok {
			continue
		}
		if sp := strings.LastIndex(body, " ("); sp > 0 && strings.HasSuffix(body, ")") {
			name := body[:sp]
			if name == prop || strings.HasPrefix(name, typ+".") {
				continue
			}
			lines[i] = "    at " + typ + "." + name + " [as " + prop + "]" + body[sp:]
		} else {
			lines[i] = "    at " + typ + "." + prop + " (" + body + ")"
		}
	}
}
