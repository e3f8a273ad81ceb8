package stack

import (
	"strings"
	"sync"
	"unsafe"

	"github.com/grafana/sobek"
	"github.com/jsvm-dev/jsvm/internal/engine"
)

// EngineWords returns V8's message for an error with message msg that a
// realm's intrinsic error constructor made at site (engine.ErrorSite:
// where the VM stood), or msg. It runs when the error is made, so code
// that catches the error sees V8's words (the stack's head follows: sobek
// formats it on first read). Errors code constructs itself (`new
// TypeError(m)`) keep their message.
func EngineWords(msg string, site func() *engine.ErrorSite) string {
	fixed, isFixed := fixedWords[msg]
	if !isFixed && !maybeEngineWords(msg) {
		return msg
	}
	s := site()
	if msg == "Proxy already revoked" {
		return "Cannot perform '" + revokedTrap(s) + "' on a proxy that has been revoked"
	}
	if s.Native && s.Func == "construct" && !notObjectRe.MatchString(msg) {
		return msg // Reflect.construct(TypeError, [m])
	}
	if isFixed {
		return fixed
	}
	if w := convertWords(msg); w != "" {
		return w
	}
	if w := proxyTrapWords(msg); w != "" {
		return w
	}
	if s.Native {
		return nativeWords(msg, s)
	}
	lineAt := func() (string, int, bool) {
		line, col := s.Position()
		return lineOf(s.Source, line, col)
	}
	if w := opWords(msg, s, lineAt); w != "" {
		return w
	}
	if prop, ok := readProp(msg); ok {
		if w, ok := readWords(prop, s); ok {
			return w
		}
	}
	if msg == "Cannot convert undefined or null to object" {
		if w, ok := setWords(s); ok {
			return w
		}
	}
	if msg == "object is not iterable" || (msg == "Cannot convert undefined or null to object" && strings.HasPrefix(s.Op, "_iterate")) {
		if text, idx, ok := lineAt(); ok {
			if e := iteratedAt(text, idx); e != "" {
				return e + " is not iterable"
			}
		}
		return msg
	}
	if msg == "Value is not object coercible" && s.Op == "_checkObjectCoercible" {
		if text, idx, ok := lineAt(); ok {
			if w := destructureWords(text, idx, s.Operand(0)); w != "" {
				return w
			}
		}
		return msg
	}
	if v, ok := strings.CutPrefix(msg, "Value is not an object: "); ok && s.Op == "_new" {
		if text, idx, ok := lineAt(); ok && CalleeAt(text, idx) == "" && strings.HasPrefix(text[max(idx, 0):], "new ") {
			return valueWords(v) + " is not a constructor"
		}
	}
	return message(msg, lineAt, false)
}

// readProp parses sobek's "Cannot read property 'p' of undefined[ or
// null]" (a regexp costs more than the rest of the rewording).
func readProp(msg string) (string, bool) {
	rest, ok := strings.CutPrefix(msg, "Cannot read property '")
	if !ok {
		return "", false
	}
	if p, ok := strings.CutSuffix(rest, "' of undefined"); ok {
		return p, true
	}
	if p, ok := strings.CutSuffix(rest, "' of undefined or null"); ok {
		return p, true
	}
	return "", false
}

// maybeEngineWords is a cheap filter: the messages EngineWords may change.
func maybeEngineWords(msg string) bool {
	if len(msg) < 8 {
		return false
	}
	switch msg[0] {
	case 'C', 'V', 'O', 'N', 'M', 'R', 'T', 'o', '\'', 'I', 'U', 'P', 'E':
		return true
	}
	return strings.HasSuffix(msg, " is not a method")
}

// valueWords is how V8 names a value in "X is not a function": sobek's
// messages print values with ToString.
func valueWords(v string) string {
	if v == "[object Object]" {
		return "#<Object>"
	}
	return v
}

// callbackNatives are builtins whose callback argument V8 reports as "X
// is not a function".
var callbackNatives = map[string]bool{
	"map": true, "forEach": true, "filter": true, "find": true, "findIndex": true, "findLast": true,
	"findLastIndex": true, "some": true, "every": true, "reduce": true, "reduceRight": true, "from": true,
}

func nativeWords(msg string, s *engine.ErrorSite) string {
	if m := readPropRe.FindStringSubmatch(msg); m != nil {
		return message(msg, func() (string, int, bool) { return "", 0, false }, true)
	}
	v, isNotObject := strings.CutPrefix(msg, "Value is not an object: ")
	if !isNotObject {
		v, isNotObject = strings.CutPrefix(msg, "Value is not callable: ")
	}
	if isNotObject {
		switch {
		case callbackNatives[s.Func]:
			return valueWords(v) + " is not a function"
		case s.Func == "flatMap":
			return "flatMap mapper function is not callable"
		case s.Func == "Promise":
			return "Promise resolver " + valueWords(v) + " is not a function"
		case s.Func == "construct":
			return valueWords(v) + " is not a constructor"
		}
		if fn := engine.SobekCaller(promiseStaticFuncs...); fn == "(*Runtime).newPromiseCapability" {
			return "Promise resolve or reject function is not callable"
		} else if fn != "" && strings.HasPrefix(msg, "Value is not an object: ") {
			return promiseStatics[fn] + " called on non-object"
		}
		return msg
	}
	if strings.HasSuffix(msg, " called on incompatible receiver [object Object]") {
		return strings.TrimSuffix(msg, "[object Object]") + "#<Object>"
	}
	if strings.HasSuffix(msg, "[object Object] is not extensible") && msg == "[object Object] is not extensible" {
		return "#<Object> is not extensible"
	}
	return msg
}

// readOps are the instructions that read a property, and the stack slot
// (below the top) of the value read from and of the key (-1: in the op).
var readOps = map[string][2]int{
	"getProp": {0, -1}, "getPropRecv": {0, -1}, "getPropCallee": {0, -1}, "getPropRecvCallee": {0, -1},
	"_getElem": {1, 0}, "_getKey": {1, 0}, "_getElemCallee": {1, 0}, "_getElemRecv": {0, 1}, "_getElemRecvCallee": {1, 0},
}

// readWords is V8's message for a read of prop from null or undefined.
func readWords(prop string, s *engine.ErrorSite) (string, bool) {
	slots, ok := readOps[s.Op]
	if !ok {
		return "", false
	}
	of := "undefined"
	if sobek.IsNull(s.Operand(slots[0])) {
		of = "null"
	}
	if slots[1] >= 0 {
		if sym, ok := s.Operand(slots[1]).(*sobek.Symbol); ok {
			if sym == sobek.SymIterator {
				if of == "null" {
					return "object null is not iterable (cannot read property Symbol(Symbol.iterator))", true
				}
				return "undefined is not iterable (cannot read property Symbol(Symbol.iterator))", true
			}
			prop = symbolWords(sym)
		}
	}
	return "Cannot read properties of " + of + " (reading '" + prop + "')", true
}

// symbolWords is V8's rendering of a symbol in a message: Symbol(desc).
func symbolWords(sym *sobek.Symbol) string {
	return "Symbol(" + sym.String() + ")"
}

// setOps are the instructions that write a property, and the stack slot
// of the object written to and of the key (-1: in the op).
var setOps = map[string][2]int{
	"setProp": {1, -1}, "setPropP": {1, -1}, "setPropStrict": {1, -1}, "setPropStrictP": {1, -1},
	"_setElem": {2, 1}, "_setElemP": {2, 1}, "_setElemStrict": {2, 1}, "_setElemStrictP": {2, 1},
}

func setWords(s *engine.ErrorSite) (string, bool) {
	slots, ok := setOps[s.Op]
	if !ok {
		return "", false
	}
	of := "undefined"
	if sobek.IsNull(s.Operand(slots[0])) {
		of = "null"
	}
	key := s.OpString
	if slots[1] >= 0 {
		k := s.Operand(slots[1])
		if k == nil {
			return "", false
		}
		if sym, ok := k.(*sobek.Symbol); ok {
			key = symbolWords(sym)
		} else {
			key = k.String()
		}
	}
	return "Cannot set properties of " + of + " (setting '" + key + "')", true
}

// iteratedAt returns the source text V8 names in "X is not iterable" for
// an iteration reported at index i of text: the member chain or empty
// literal there, or after the `of` of a for-of / the `=` of a
// destructuring declaration reported at its start.
func iteratedAt(text string, i int) string {
	if i < 0 || i >= len(text) {
		return ""
	}
	if kw := keywordOrDecl(text, i); kw != "" {
		rest := text[i+len(kw):]
		var after string
		if kw == "for" {
			j := strings.Index(rest, " of ")
			if j < 0 {
				return ""
			}
			after = rest[j+4:]
			if k := strings.IndexByte(after, ')'); k >= 0 {
				after = after[:k]
			}
		} else {
			j := strings.IndexByte(rest, '=')
			if j < 0 {
				return ""
			}
			after = rest[j+1:]
			if k := strings.IndexAny(after, ";,"); k >= 0 {
				after = after[:k]
			}
		}
		after = strings.TrimSpace(after)
		if after == "" || strings.ContainsAny(after, "()") {
			return ""
		}
		return after
	}
	for _, lit := range []string{"{}", "[]"} {
		if strings.HasPrefix(text[i:], lit) {
			return lit
		}
	}
	if !isIdentByte(text[i]) {
		return ""
	}
	end := i
	for end < len(text) && (isIdentByte(text[end]) || text[end] == '.') {
		end++
	}
	return strings.TrimRight(text[i:end], ".")
}

// lineOf returns line (1-based) of src and the 0-based index of column
// col in it. The line starts of the last source asked for are kept: a
// loop of errors in one big file scans it once.
func lineOf(src string, line, col int) (string, int, bool) {
	if src == "" || line < 1 {
		return "", 0, false
	}
	starts := lineStarts(src)
	if line > len(starts) {
		return "", 0, false
	}
	b := starts[line-1]
	e := len(src)
	if line < len(starts) {
		e = starts[line] - 1
	}
	return strings.TrimSuffix(src[b:e], "\r"), col - 1, true
}

var lastLines struct {
	sync.Mutex
	data   unsafe.Pointer
	n      int
	starts []int
}

func lineStarts(src string) []int {
	lastLines.Lock()
	defer lastLines.Unlock()
	p := unsafe.Pointer(unsafe.StringData(src))
	if lastLines.data == p && lastLines.n == len(src) {
		return lastLines.starts
	}
	starts := []int{0}
	for i := 0; i < len(src); {
		j := strings.IndexByte(src[i:], '\n')
		if j < 0 {
			break
		}
		i += j + 1
		starts = append(starts, i)
	}
	lastLines.data, lastLines.n, lastLines.starts = p, len(src), starts
	return starts
}

// keywordOrDecl returns the for / var / let / const keyword at i, or "".
func keywordOrDecl(text string, i int) string {
	for _, kw := range []string{"for", "var", "let", "const"} {
		if strings.HasPrefix(text[i:], kw) && (i+len(kw) == len(text) || !isIdentByte(text[i+len(kw)])) {
			return kw
		}
	}
	return ""
}

// destructureWords is V8's message for destructuring null or undefined
// (v) with an object pattern reported at index i of text: "Cannot
// destructure property 'a' of 'x' as it is undefined."
func destructureWords(text string, i int, v sobek.Value) string {
	what := "undefined"
	if sobek.IsNull(v) {
		what = "null"
	}
	if i < 0 || i >= len(text) {
		return ""
	}
	open := strings.IndexByte(text[i:], '{')
	if open < 0 {
		return ""
	}
	rest := text[i+open+1:]
	rest = strings.TrimLeft(rest, " \t")
	e := 0
	for e < len(rest) && isIdentByte(rest[e]) {
		e++
	}
	if e == 0 {
		return "Cannot destructure '" + what + "' as it is " + what + "."
	}
	prop := rest[:e]
	of := what
	if kw := keywordOrDecl(text, i); kw != "" && kw != "for" {
		if close := strings.IndexByte(rest, '}'); close >= 0 {
			after := strings.TrimLeft(rest[close+1:], " \t")
			if strings.HasPrefix(after, "=") {
				after = strings.TrimSpace(after[1:])
				if k := strings.IndexAny(after, ";,"); k >= 0 {
					after = strings.TrimSpace(after[:k])
				}
				if after != "" && !strings.ContainsAny(after, "()") {
					of = after
				}
			}
		}
	}
	return "Cannot destructure property '" + prop + "' of '" + of + "' as it is " + what + "."
}

// revokedTrap names the operation V8 reports on a revoked Proxy: the trap
// the instruction or builtin at site would have called.
func revokedTrap(s *engine.ErrorSite) string {
	if s.Native {
		switch s.Func {
		case "isArray":
			return "IsArray"
		case "keys", "values", "entries", "getOwnPropertyNames", "getOwnPropertySymbols", "ownKeys", "assign":
			return "ownKeys"
		case "getOwnPropertyDescriptor", "getOwnPropertyDescriptors", "defineProperty", "defineProperties",
			"getPrototypeOf", "setPrototypeOf", "isExtensible", "preventExtensions", "deleteProperty", "has",
			"set", "apply", "construct":
			if s.Func == "defineProperties" {
				return "defineProperty"
			}
			if s.Func == "getOwnPropertyDescriptors" {
				return "ownKeys"
			}
			return s.Func
		case "freeze", "seal", "isFrozen", "isSealed":
			return "preventExtensions"
		case "proxy": // sobek's frame for calling a Proxy
			return "apply"
		}
		return "get"
	}
	switch {
	case strings.HasPrefix(s.Op, "setProp") || strings.HasPrefix(s.Op, "_setElem"):
		return "set"
	case s.Op == "_op_in":
		return "has"
	case strings.HasPrefix(s.Op, "deleteProp") || strings.HasPrefix(s.Op, "_deleteElem") || strings.HasPrefix(s.Op, "deleteElem"):
		return "deleteProperty"
	case s.Op == "call" || s.Op == "_callVariadic":
		return "apply"
	case s.Op == "_new" || s.Op == "_newVariadic":
		return "construct"
	case s.Op == "_copySpread" || s.Op == "_copyRest":
		return "ownKeys"
	case s.Op == "_op_instanceof":
		return "getPrototypeOf"
	}
	return "get"
}
