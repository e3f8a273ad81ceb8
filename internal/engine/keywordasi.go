package engine

import "github.com/jsvm-dev/jsvm/internal/jslex"

// sobek's lexer marks a line end as a statement end (automatic semicolon
// insertion) only after a token that may end a statement, and it takes a
// keyword for one that cannot, even as a property name: `x = o.default`
// or `o.new` at a line's end followed by `const y` on the next is a
// SyntaxError (Unexpected token) in sobek, valid everywhere else. npm code
// is full of it (require('ajv').default, mime-types 3, hono).
//
// KeywordMemberASI finds each such place, a `.keyword` or `?.keyword` whose
// next token, on a later line, cannot continue the expression, and writes
// the semicolon ASI would insert right after the keyword. Nothing else
// moves: every later line keeps its line and column numbers; only a
// function's source text (toString) spanning the place shows the ';'.
// Callers use it when a parse failed, and keep the result only if it
// parses. TestKeywordMemberASIStillNeeded fails once sobek parses these.
func KeywordMemberASI(src string) (string, bool) {
	toks := jslex.Tokens(src)
	var at []int
	for i := 2; i < len(toks); i++ {
		t, kw, dot := toks[i], toks[i-1], toks[i-2]
		if !t.NL || kw.Kind != jslex.Ident || dot.Kind != jslex.Punct {
			continue
		}
		if d := dot.Text(src); d != "." && d != "?." {
			continue
		}
		if !asiKeywords[kw.Text(src)] || !startsStatement(t, src) {
			continue
		}
		at = append(at, kw.End)
	}
	if len(at) == 0 {
		return src, false
	}
	b := make([]byte, 0, len(src)+len(at))
	prev := 0
	for _, p := range at {
		b = append(b, src[prev:p]...)
		b = append(b, ';')
		prev = p
	}
	b = append(b, src[prev:]...)
	return string(b), true
}

// asiKeywords: the words after which sobek inserts no semicolon (found by
// parsing `o.<word>\nvar b`; true, null, this, yield and the like work).
var asiKeywords = map[string]bool{
	"if": true, "in": true, "do": true, "var": true, "for": true, "new": true, "try": true,
	"case": true, "else": true, "enum": true, "void": true, "with": true, "catch": true,
	"class": true, "const": true, "super": true, "while": true, "delete": true, "export": true,
	"import": true, "switch": true, "typeof": true, "default": true, "extends": true,
	"finally": true, "function": true, "instanceof": true, "await": true, "let": true, "static": true,
}

// startsStatement: t cannot continue the expression before it, so ASI
// puts a semicolon before it (an identifier other than in/instanceof, a
// number, a string, or { ! ~). Anything else (. ( [ ` operators) leaves
// the text alone.
func startsStatement(t jslex.Token, src string) bool {
	switch t.Kind {
	case jslex.Ident:
		w := t.Text(src)
		return w != "in" && w != "instanceof"
	case jslex.Number, jslex.String:
		return true
	case jslex.Punct:
		switch t.Text(src) {
		case "{", "!", "~":
			return true
		}
	}
	return false
}
