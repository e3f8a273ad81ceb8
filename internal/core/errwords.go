package core

import (
	"strings"

	"github.com/grafana/sobek"
	"github.com/jsvm-dev/jsvm/internal/engine"
	"github.com/jsvm-dev/jsvm/internal/stack"
)

// Engine errors in V8's words where code catches them. sobek makes its
// own errors (`null.x`, calling undefined, a TDZ read, an eval's
// SyntaxError) through the realm's intrinsic error constructors, in its
// own words; code that catches one reads e.message before any vm
// boundary could translate it. So each realm's intrinsic TypeError,
// ReferenceError, RangeError and SyntaxError are hooked
// (engine.HookErrorConstructors) and the message is reworded as the error
// is made, from where the VM stands (stack.EngineWords). The stack's head
// follows (sobek formats it on first read).
//
// Hooking materialises the constructors (see hookErrorWords), so a context
// does it at its first run of code that can catch an error (its source
// says `catch` or `then`, or the code is an eval/Function body, a module,
// a function body, a call from another realm): a context that only runs
// `x + 1` keeps the memory. The main realm hooks at creation.

// hookIntrinsics hooks c's error constructors and RegExp (regexpctor.go),
// where code of unknown source may run.
func (c *Context) hookIntrinsics() {
	c.hookErrorWords()
	c.hookMoreWords()
	c.hookRegExp()
	c.hookErrorStacks() // all of them: code of unknown source may make any
}

// hookErrorWords hooks c's intrinsic TypeError and ReferenceError, once:
// the first costs ~4 KB of a context that had not made an error yet (the
// Error constructor and prototypes come with it), each more ~1.5 KB. So
// RangeError, SyntaxError and URIError (whose engine errors come from
// eval, Function, JSON.parse, number formatting, URI decoding) are hooked
// where code of unknown source runs and where a script can catch
// (hookMoreWords).
func (c *Context) hookErrorWords() {
	if c.errWordsHooked {
		return
	}
	c.errWordsHooked = true
	engine.HookErrorConstructors(c.rt, []string{"TypeError", "ReferenceError"}, c.intrinsic, c.fixErrorWords)
	c.hookErrorStacks("Error", "TypeError", "ReferenceError") // errorstacks.go
}

// hookMoreWords hooks c's intrinsic RangeError, SyntaxError and URIError,
// once.
func (c *Context) hookMoreWords() {
	if c.moreWordsHooked {
		return
	}
	c.moreWordsHooked = true
	engine.HookErrorConstructors(c.rt, []string{"RangeError", "SyntaxError", "URIError"}, c.intrinsic, c.fixErrorWords)
	c.hookErrorStacks("RangeError", "SyntaxError", "URIError")
}

func (c *Context) intrinsic(name string) *sobek.Object { return engine.Intrinsic(c.rt, name) }

// fixErrorWords rewords an error a hooked constructor made.
func (c *Context) fixErrorWords(o *sobek.Object, args []sobek.Value, site func() *engine.ErrorSite) {
	if len(args) == 0 || o == nil {
		return
	}
	ms, ok := args[0].(sobek.String)
	if !ok {
		return
	}
	msg := ms.String()
	var nm string
	if strings.HasPrefix(msg, "SyntaxError: ") {
		nm = c.evalSyntaxWords(msg)
	} else if w := c.jsonWords(); w != "" {
		nm = w
	} else {
		nm = stack.EngineWords(msg, site)
	}
	if nm != msg {
		_ = o.DefineDataProperty("message", c.rt.ToValue(nm), sobek.FLAG_TRUE, sobek.FLAG_TRUE, sobek.FLAG_FALSE)
	}
}

// evalSyntaxWords is V8's message for sobek's SyntaxError of an eval or
// Function source (the last source parsed in the realm, checkParse):
// "SyntaxError: <eval>: Line 3:2 Unexpected token ILLEGAL (and 1 more
// errors)" or "SyntaxError: msg at <eval>:1:5".
func (c *Context) evalSyntaxWords(msg string) string {
	src := c.lastParsed
	c.lastParsed = ""
	body := strings.TrimPrefix(msg, "SyntaxError: ")
	line, col := 0, 0
	if i := strings.Index(body, ": Line "); i >= 0 {
		rest := body[i+len(": Line "):]
		sp := strings.IndexByte(rest, ' ')
		if sp < 0 {
			return msg
		}
		if !parseLineCol(rest[:sp], &line, &col) {
			return msg
		}
		body = rest[sp+1:]
		if j := strings.LastIndex(body, " (and "); j >= 0 && strings.HasSuffix(body, " more errors)") {
			body = body[:j]
		}
	} else if i := strings.LastIndex(body, " at "); i >= 0 {
		loc := body[i+4:]
		if k := strings.LastIndexByte(loc, ':'); k >= 0 {
			if j := strings.LastIndexByte(loc[:k], ':'); j >= 0 && parseLineCol(loc[j+1:], &line, &col) {
				body = body[:i]
			}
		}
	}
	if src == "" || line == 0 {
		return stack.SyntaxWord(body)
	}
	if se := regexpLiteralWords(src, &SyntaxError{Message: body, Line: line, Column: col}); se.Message != body {
		return se.Message // a regular expression literal's (script.go)
	}
	w, _, _, _ := stack.SyntaxError(body, src, 0, 0, line, col)
	return w
}

// parseLineCol parses "L:C".
func parseLineCol(s string, line, col *int) bool {
	l, c, ok := strings.Cut(s, ":")
	if !ok {
		return false
	}
	var err1, err2 bool
	*line, err1 = atoiOK(l)
	*col, err2 = atoiOK(c)
	return err1 && err2 && *line > 0
}

func atoiOK(s string) (int, bool) {
	if s == "" || len(s) > 9 {
		return 0, false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
		n = n*10 + int(s[i]-'0')
	}
	return n, true
}
