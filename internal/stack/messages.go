package stack

import (
	"regexp"
	"strings"

	"github.com/grafana/sobek"
)

// Engine error messages: sobek words some of its TypeErrors differently
// from V8, and programs (and Node's tests) match V8's words. Message maps
// the common ones; it is applied where an error leaves a vm run and where
// the host prints an uncaught error, not inside running code.

var (
	proxySetRe  = regexp.MustCompile(`^'set' on proxy: trap returned falsish for property '(.*)'$`)
	noMemberRe  = regexp.MustCompile(`^Object has no member '(.*)'$`)
	notObjectRe = regexp.MustCompile(`^Value is not an object: `)
	readOnlyRe  = regexp.MustCompile(`^Cannot assign to read only property '(.*)'$`)
	readPropRe  = regexp.MustCompile(`^Cannot read property '(.*)' of (undefined or null|undefined|null)$`)
)

// Message returns V8's message for a sobek TypeError message raised at a
// position of filename (1-based, as sobek reports it; line 0 when
// unknown), or msg itself.
func Message(msg, filename string, line, col int) string {
	if m := proxySetRe.FindStringSubmatch(msg); m != nil {
		// a write the contextified global refused: a read-only property
		return "Cannot assign to read only property '" + m[1] + "' of object '[object Object]'"
	}
	if readOnlyRe.MatchString(msg) {
		return msg + " of object '#<Object>'"
	}
	if m := readPropRe.FindStringSubmatch(msg); m != nil {
		of := m[2]
		if of != "null" {
			of = "undefined"
			// sobek says undefined for a null literal too
			if text, idx, ok := Line(filename, line, col); ok && idx <= len(text) && idx >= 0 &&
				strings.HasSuffix(strings.TrimRight(text[:idx], ".?"), "null") {
				of = "null"
			}
		}
		return "Cannot read properties of " + of + " (reading '" + m[1] + "')"
	}
	if m := noMemberRe.FindStringSubmatch(msg); m != nil {
		if callee := Callee(filename, line, col); callee != "" {
			if callee[strings.LastIndexByte(callee, '.')+1:] == m[1] {
				return callee + " is not a function"
			}
		}
		return msg
	}
	if msg == "Cannot convert undefined or null to object" {
		// `a.b.c = v` with a.b undefined: sobek reports it at `b`
		text, idx, ok := Line(filename, line, col)
		if ok {
			if prop := assignedProp(text, idx); prop != "" {
				return "Cannot set properties of undefined (setting '" + prop + "')"
			}
		}
		return msg
	}
	if notObjectRe.MatchString(msg) {
		text, idx, ok := Line(filename, line, col)
		if !ok {
			return msg
		}
		callee := CalleeAt(text, idx)
		if callee == "" {
			return msg
		}
		if idx >= 0 && idx < len(text) && strings.HasPrefix(text[idx:], "new") {
			return callee + " is not a constructor"
		}
		return callee + " is not a function"
	}
	return msg
}

// Translate rewrites the message (and the head of the stack) of an engine
// error thrown at the first located frame of frames to V8's words. It
// leaves anything that is not an Error with an own string message alone.
func Translate(o *sobek.Object, frames []sobek.StackFrame) {
	if o == nil {
		return
	}
	defer func() { _ = recover() }() // a hostile object must not break a throw
	mv := o.Get("message")
	if mv == nil {
		return
	}
	if _, ok := mv.Export().(string); !ok {
		return
	}
	msg := mv.String()
	file, line, col := "", 0, 0
	for _, f := range frames {
		if f.SrcName() == "<native>" {
			continue
		}
		p := f.Position()
		file, line, col = p.Filename, p.Line, p.Column
		break
	}
	nm := Message(msg, file, line, col)
	if nm == msg {
		return
	}
	name := "Error"
	if nv := o.Get("name"); nv != nil && !sobek.IsUndefined(nv) {
		name = nv.String()
	}
	if name != "TypeError" {
		return
	}
	_ = o.Set("message", nm)
	if sv := o.Get("stack"); sv != nil && !sobek.IsUndefined(sv) {
		s := sv.String()
		head := name + ": " + msg
		if i := strings.Index(s, head); i >= 0 && !strings.Contains(s, name+": "+nm) && !strings.Contains(s[:i], "\n    at ") && !strings.Contains(s[:i], "\tat ") {
			_ = o.Set("stack", s[:i]+name+": "+nm+s[i+len(head):])
		}
	}
}

// assignedProp returns "c" when the text at i is the c of `b.c =` (an
// assignment, not a comparison or arrow), else "".
func assignedProp(text string, i int) string {
	if i <= 0 || i >= len(text) || !isIdentByte(text[i]) || text[i-1] != '.' {
		return ""
	}
	e := i
	for e < len(text) && isIdentByte(text[e]) {
		e++
	}
	rest := strings.TrimLeft(text[e:], " \t")
	if strings.HasPrefix(rest, "=") && !strings.HasPrefix(rest, "==") && !strings.HasPrefix(rest, "=>") {
		return text[i:e]
	}
	return ""
}
