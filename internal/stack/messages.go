package stack

import (
	"regexp"
	"strings"
	"sync"

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
	return message(msg, registryLine(filename, line, col), false)
}

// lineLookup returns the source line an error was raised in and the
// 0-based index of its position there (ok false: unknown).
type lineLookup func() (text string, idx int, ok bool)

// registryLine looks a position of filename up in the source registry.
func registryLine(filename string, line, col int) lineLookup {
	return func() (string, int, bool) { return Line(filename, line, col) }
}

// fixedWords are sobek messages whose V8 words need no context.
var fixedWords = map[string]string{
	"No initial value": "Reduce of empty array with no initial value",
	"Malformed URI":    "URI malformed",
	"toFixed() precision must be between 0 and 100":                        "toFixed() digits argument must be between 0 and 100",
	"toPrecision() precision must be between 1 and 100":                    "toPrecision() argument must be between 1 and 100",
	"Unexpected end of JSON input (EOF)":                                   "Unexpected end of JSON input",
	"[object Object] is not extensible":                                    "#<Object> is not extensible",
	"Method Symbol.prototype.toString is called on incompatible receiver":  "Symbol.prototype.toString requires that 'this' be a Symbol",
	"Must call super constructor in derived class before accessing 'this'": "Must call super constructor in derived class before accessing 'this' or returning from derived constructor",
}

// message is Message; inNative says the error was raised inside a builtin
// (the position is then the builtin's call site, not the failing
// expression, so no words are taken from the source there).
func message(msg string, lineAt lineLookup, inNative bool) string {
	if w, ok := fixedWords[msg]; ok {
		return w
	}
	if w := convertWords(msg); w != "" {
		return w
	}
	if m := proxySetRe.FindStringSubmatch(msg); m != nil {
		// a write the contextified global refused: a read-only property
		if w, ok := refusedWords(m[1]); ok {
			return w
		}
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
			if text, _, ok := lineAt(); ok &&
				(strings.Contains(text, "null."+m[1]) || strings.Contains(text, "null?."+m[1])) {
				of = "null"
			}
		}
		return "Cannot read properties of " + of + " (reading '" + m[1] + "')"
	}
	if inNative {
		return msg
	}
	if strings.HasPrefix(msg, "Expecting a function in instanceof check, but got ") {
		return "Right-hand side of 'instanceof' is not callable"
	}
	if msg == "Value is not a constructor" || strings.HasPrefix(msg, "Value is not an object: ") {
		// new X, X no constructor: sobek reports it at the new
		if text, idx, ok := lineAt(); ok {
			if callee := newCalleeAt(text, idx); callee != "" && !builtinCtors[callee] {
				return callee + " is not a constructor"
			}
		}
	}
	switch msg {
	case "Class constructor cannot be invoked without 'new'":
		if callee := calleeAt(lineAt); callee != "" {
			return "Class constructor " + callee[strings.LastIndexByte(callee, '.')+1:] + " cannot be invoked without 'new'"
		}
		return msg
	case "Cannot access a variable before initialization":
		if text, idx, ok := lineAt(); ok && idx >= 0 && idx < len(text) && isIdentByte(text[idx]) {
			return "Cannot access '" + text[idx:idx+tokenWidth(text, idx)] + "' before initialization"
		}
		return msg
	case "Value is not a constructor":
		if callee := calleeAt(lineAt); callee != "" && keywordAt(callee, 0) == "" {
			return callee + " is not a constructor"
		}
		return msg
	}
	if m := noMemberRe.FindStringSubmatch(msg); m != nil {
		if callee := calleeAt(lineAt); callee != "" {
			if callee[strings.LastIndexByte(callee, '.')+1:] == m[1] {
				return callee + " is not a function"
			}
		}
		return msg
	}
	if msg == "Cannot convert undefined or null to object" {
		// `a.b.c = v` with a.b undefined: sobek reports it at `b`
		text, idx, ok := lineAt()
		if ok {
			if prop := assignedProp(text, idx); prop != "" {
				return "Cannot set properties of undefined (setting '" + prop + "')"
			}
		}
		return msg
	}
	if notObjectRe.MatchString(msg) {
		text, idx, ok := lineAt()
		if !ok {
			return msg
		}
		callee := CalleeAt(text, idx)
		if callee == "" {
			return msg
		}
		if idx >= 0 && idx < len(text) && strings.HasPrefix(text[idx:], "new") {
			if builtinCtors[callee] {
				// the builtin's own argument check failed, not the new
				if callee == "Promise" {
					return "Promise resolver " + strings.TrimPrefix(msg, "Value is not an object: ") + " is not a function"
				}
				return msg
			}
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
	if o.ClassName() != "Error" {
		return // not the engine's: its getters are not ours to run
	}
	mv := o.Get("message")
	if mv == nil {
		return
	}
	if _, ok := mv.Export().(string); !ok {
		return
	}
	msg := mv.String()
	file, line, col := "", 0, 0
	inNative := len(frames) > 0 && frames[0].SrcName() == "<native>"
	for _, f := range frames {
		if f.SrcName() == "<native>" {
			continue
		}
		p := f.Position()
		file, line, col = p.Filename, p.Line, p.Column
		break
	}
	retell(o, msg, message(msg, registryLine(file, line, col), inNative))
}

// TranslateFromStack is Translate for an error known only as a value (a
// rejection reason): the position comes from its own stack.
func TranslateFromStack(o *sobek.Object) {
	if o == nil {
		return
	}
	defer func() { _ = recover() }()
	if o.ClassName() != "Error" {
		return
	}
	mv, sv := o.Get("message"), o.Get("stack")
	if mv == nil || sv == nil {
		return
	}
	msg, ok := mv.Export().(string)
	st, ok2 := sv.Export().(string)
	if !ok || !ok2 {
		return
	}
	for _, l := range strings.Split(st, "\n")[1:] {
		body, isFrame := strings.CutPrefix(l, "\tat ")
		if !isFrame {
			body, isFrame = strings.CutPrefix(l, "    at ")
		}
		if !isFrame {
			continue
		}
		if strings.HasSuffix(body, "(native)") || strings.HasSuffix(body, "(<anonymous>)") {
			return // raised inside a builtin
		}
		file, line, col, ok := location(frame(body))
		if !ok {
			return
		}
		retell(o, msg, message(msg, registryLine(file, line, col), false))
		return
	}
}

// calleeAt is Callee on the line lineAt finds.
func calleeAt(lineAt lineLookup) string {
	text, idx, ok := lineAt()
	if !ok {
		return ""
	}
	return CalleeAt(text, idx)
}

// retell sets an error's message to nm (V8's words for msg) and rewrites
// the head of its stack.
func retell(o *sobek.Object, msg, nm string) {
	if nm == msg {
		return
	}
	name := "Error"
	if nv := o.Get("name"); nv != nil && !sobek.IsUndefined(nv) {
		name = nv.String()
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

// builtinCtors are global constructors whose own argument checks sobek
// words as "Value is not an object".
var builtinCtors = map[string]bool{
	"Promise": true, "Proxy": true, "Map": true, "Set": true, "WeakMap": true, "WeakSet": true,
	"WeakRef": true, "FinalizationRegistry": true, "Object": true, "Function": true, "Array": true,
	"Date": true, "RegExp": true, "Error": true, "ArrayBuffer": true, "DataView": true,
	"SharedArrayBuffer": true, "Uint8Array": true, "Int8Array": true, "Uint16Array": true,
	"Int16Array": true, "Uint32Array": true, "Int32Array": true, "Float32Array": true,
	"Float64Array": true, "BigInt64Array": true, "BigUint64Array": true, "Uint8ClampedArray": true,
}

// refused holds V8's words for the last writes a contextified global
// refused, by property: the global's set trap knows why it refused (a
// read-only property of the sandbox alone reads "Cannot redefine
// property", Node's quirk), but sobek makes the TypeError, in strict code
// only, after the trap returned.
var refused struct {
	sync.Mutex
	words map[string]string
	order []string
}

const maxRefused = 64

// NoteRefusedWrite records words as V8's message for a refused write of
// prop ("" forgets it: the default words apply).
func NoteRefusedWrite(prop, words string) {
	refused.Lock()
	defer refused.Unlock()
	if refused.words == nil {
		refused.words = make(map[string]string)
	}
	if words == "" {
		delete(refused.words, prop)
		return
	}
	if _, ok := refused.words[prop]; !ok {
		refused.order = append(refused.order, prop)
	}
	refused.words[prop] = words
	for len(refused.order) > maxRefused {
		delete(refused.words, refused.order[0])
		refused.order = refused.order[1:]
	}
}

func refusedWords(prop string) (string, bool) {
	refused.Lock()
	defer refused.Unlock()
	w, ok := refused.words[prop]
	return w, ok
}
