package stack

import (
	"strings"

	"github.com/grafana/sobek"
	"github.com/jsvm-dev/jsvm/internal/engine"
)

// V8's words for the errors of operators and of a few builtins whose
// words depend on the operands (where sobek says "Value is not an object:
// 5"): `in`, `instanceof`, `new X`, a Proxy trap's result, the Promise
// combinators' receiver.

// opWords returns V8's message for sobek's msg made at s by an `in`,
// `instanceof` or `new` instruction, or "".
func opWords(msg string, s *engine.ErrorSite, lineAt lineLookup) string {
	switch s.Op {
	case "_op_in":
		if strings.HasPrefix(msg, "Value is not an object: ") {
			return "Cannot use 'in' operator to search for '" + sideFree(s.Operand(1)) + "' in " + sideFree(s.Operand(0))
		}
	case "_op_instanceof":
		if strings.HasPrefix(msg, "Value is not an object: ") {
			return "Right-hand side of 'instanceof' is not an object"
		}
		if strings.HasPrefix(msg, "Expecting a function in instanceof check, but got ") {
			return "Right-hand side of 'instanceof' is not callable"
		}
	case "_new":
		if msg != "Value is not a constructor" && !strings.HasPrefix(msg, "Value is not an object: ") {
			return ""
		}
		if callee, ok := s.Operand(s.OpInt).(*sobek.Object); ok && s.OpInt >= 0 {
			if _, isCtor := sobek.AssertConstructor(callee); isCtor {
				return "" // the constructor's own check failed (new Promise(1))
			}
		}
		text, idx, ok := lineAt()
		if !ok {
			return ""
		}
		if callee := newCalleeAt(text, idx); callee != "" {
			return callee + " is not a constructor"
		}
	}
	return ""
}

// convertWords is V8's message for sobek's failed ToPrimitive, whose
// words print Go's view of the object ("Could not convert &{Object ...}
// (*sobek.baseObject) to primitive"), or "".
func convertWords(msg string) string {
	if strings.HasPrefix(msg, "Could not convert ") && strings.HasSuffix(msg, " to primitive") {
		return "Cannot convert object to primitive value"
	}
	return ""
}

// sideFree renders v as V8's messages do (NoSideEffectsToString), without
// running code: primitives as their strings, symbols as Symbol(desc), a
// function as its source, an array as [object Array], an object as
// #<its constructor's name>.
func sideFree(v sobek.Value) (s string) {
	if v == nil {
		return "undefined"
	}
	defer func() {
		if recover() != nil {
			s = "#<Object>"
		}
	}()
	switch x := v.(type) {
	case *sobek.Symbol:
		return symbolWords(x)
	case *sobek.Object:
		if _, isFn := sobek.AssertFunction(x); isFn {
			if x.ClassName() == "Function" {
				return x.String() // a function's own toString is Function.prototype's
			}
			return "function () { [native code] }"
		}
		if x.ClassName() == "Array" {
			return "[object Array]"
		}
		proto := x.Prototype()
		if proto == nil {
			return "[object Object]"
		}
		if ctor, ok := engine.OwnData(proto, "constructor").(*sobek.Object); ok {
			if n, ok := engine.OwnData(ctor, "name").(sobek.String); ok && n.String() != "" {
				return "#<" + n.String() + ">"
			}
		}
		return "#<Object>"
	}
	return v.String()
}

// newCalleeAt returns the constructor expression of the `new` at index i
// of text as V8 names it in "X is not a constructor" (`new a.b` → a.b,
// `new a["b"]` → a.b, `new a[0]` → a[0], `new (f())` → f(...), `new "s"`
// → "s"), or "".
func newCalleeAt(text string, i int) string {
	if i < 0 || !strings.HasPrefix(text[i:], "new") || (i+3 < len(text) && isIdentByte(text[i+3])) {
		return ""
	}
	j := i + 3
	for j < len(text) && (text[j] == ' ' || text[j] == '\t') {
		j++
	}
	if j >= len(text) {
		return ""
	}
	switch c := text[j]; {
	case c == '"' || c == '\'':
		k := strings.IndexByte(text[j+1:], c)
		if k < 0 || strings.IndexByte(text[j+1:j+1+k], '\\') >= 0 {
			return ""
		}
		return `"` + text[j+1:j+1+k] + `"`
	case c == '(':
		// new (f()) / new (a.b(...))
		inner, _, ok := memberChain(text, j+1)
		if !ok || inner == "" {
			return ""
		}
		k := j + 1 + len(inner)
		if k < len(text) && text[k] == '(' {
			if end := closing(text, k); end > 0 && end+1 < len(text) && text[end+1] == ')' {
				return rendered(inner) + "(...)"
			}
		}
		return ""
	case c >= '0' && c <= '9', keywordAt(text, j) != "":
		return ""
	}
	chain, _, ok := memberChain(text, j)
	if !ok || chain == "" {
		return ""
	}
	return rendered(chain)
}

// memberChain returns the member expression (a, a.b, a["b"], a[0]) that
// starts at i of text, as written.
func memberChain(text string, i int) (string, int, bool) {
	j := i
	for j < len(text) && isIdentByte(text[j]) {
		j++
	}
	if j == i || text[i] >= '0' && text[i] <= '9' {
		return "", i, false
	}
	for j < len(text) {
		switch text[j] {
		case '.':
			k := j + 1
			for k < len(text) && isIdentByte(text[k]) {
				k++
			}
			if k == j+1 {
				return "", i, false
			}
			j = k
			continue
		case '[':
			k := strings.IndexByte(text[j:], ']')
			if k < 0 {
				return "", i, false
			}
			lit := text[j+1 : j+k]
			if !isIndex(lit) && !isQuotedName(lit) {
				return "", i, false
			}
			j += k + 1
			continue
		}
		break
	}
	return text[i:j], j, true
}

// rendered is a member chain as V8 prints it: a["b"] as a.b.
func rendered(chain string) string {
	var b strings.Builder
	for len(chain) > 0 {
		k := strings.IndexByte(chain, '[')
		if k < 0 {
			b.WriteString(chain)
			break
		}
		b.WriteString(chain[:k])
		e := strings.IndexByte(chain[k:], ']') + k
		lit := chain[k+1 : e]
		if isQuotedName(lit) {
			b.WriteString("." + lit[1:len(lit)-1])
		} else {
			b.WriteString(chain[k : e+1])
		}
		chain = chain[e+1:]
	}
	return b.String()
}

func isIndex(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

func isQuotedName(s string) bool {
	return len(s) >= 2 && (s[0] == '"' || s[0] == '\'') && s[len(s)-1] == s[0] && isName(s[1:len(s)-1])
}

// closing returns the index of the parenthesis closing the one at i (no
// strings or comments in between), or -1.
func closing(text string, i int) int {
	depth := 0
	for k := i; k < len(text); k++ {
		switch text[k] {
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				return k
			}
		case '"', '\'', '`':
			return -1
		}
	}
	return -1
}

// proxyTrapWords returns V8's message for sobek's msg made inside a
// builtin while a Proxy's trap result is checked, or "": the trap is
// found on the Go stack (engine.SobekCaller).
func proxyTrapWords(msg string) string {
	if strings.HasPrefix(msg, "Value is not an object: ") {
		switch engine.SobekCaller("(*proxyObject).proto", "(*jsProxyHandler).ownKeys") {
		case "(*proxyObject).proto":
			return "'getPrototypeOf' on proxy: trap returned neither object nor null"
		case "(*jsProxyHandler).ownKeys":
			return "CreateListFromArrayLike called on non-object"
		}
		return ""
	}
	if v, ok := strings.CutSuffix(msg, " is not a method"); ok {
		fn := engine.SobekCallerFunc(func(fn string) bool {
			m, ok := strings.CutPrefix(fn, "(*jsProxyHandler).")
			return ok && m != "proxyCall" && m != "boolProxyCall" && m != "toObject"
		})
		if fn == "" {
			return ""
		}
		trap := strings.TrimPrefix(fn, "(*jsProxyHandler).")
		for _, suf := range []string{"Str", "Idx", "Sym"} {
			trap = strings.TrimSuffix(trap, suf)
		}
		switch trap {
		case "delete":
			trap = "deleteProperty"
		case "apply":
			return "" // V8 names the callee ("p is not a function")
		}
		// the handler is taken to be a plain object: sobek's message has
		// only the trap's value, as a string
		return "'" + valueWords(v) + "' returned for property '" + trap + "' of object '#<Object>' is not a function"
	}
	return ""
}

// promiseStatics are the Promise functions V8 reports "called on
// non-object" for (by sobek's function: Promise.all.call(5) runs with no
// frame of its own), and their names in V8's message.
var promiseStatics = map[string]string{
	"(*Runtime).promise_all": "Promise.all", "(*Runtime).promise_allSettled": "Promise.allSettled",
	"(*Runtime).promise_any": "Promise.any", "(*Runtime).promise_race": "Promise.race",
	"(*Runtime).promise_reject": "PromiseReject",
}

var promiseStaticFuncs = func() []string {
	fns := []string{"(*Runtime).newPromiseCapability"} // a capability's resolve or reject is not callable
	for fn := range promiseStatics {
		fns = append(fns, fn)
	}
	return fns
}()
