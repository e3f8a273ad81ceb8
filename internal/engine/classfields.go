package engine

import "github.com/jsvm-dev/jsvm/internal/jslex"

// sobek's class parser takes `get`, `set` and `async` at the start of a
// class element for a getter, setter or async method unless a ';' or '('
// follows, so a field of that name with an initializer or at the body's
// end is a SyntaxError: `class C { set = (k, v) => {...} }` (hono's
// Context), `static get = 1`, `class C { get }`.
//
// ClassFieldNames quotes such a name, `"set" = ...`, a field of the same
// name. The line's later columns move by two; other lines do not.
// Callers use it when a parse failed (see ParseFixups).
// TestClassFieldNamesStillNeeded fails once sobek parses these.
func ClassFieldNames(src string) (string, bool) {
	toks := jslex.Tokens(src)
	type brace struct{ class bool }
	var braces []brace
	depth := 0    // ( and [ open
	classAt := -1 // depth at a `class` keyword whose body is still to open
	var at []int  // offsets of names to quote
	for i, t := range toks {
		text := t.Text(src)
		if t.Kind == jslex.Ident && text == "class" && (i == 0 || (toks[i-1].Text(src) != "." && toks[i-1].Text(src) != "?.")) &&
			i+1 < len(toks) && (toks[i+1].Kind == jslex.Ident || toks[i+1].Text(src) == "{") {
			// a class (not a property named class: { class: 1 }, o.class)
			classAt = depth
			continue
		}
		if t.Kind == jslex.Punct {
			switch text {
			case "(", "[":
				depth++
			case ")", "]":
				depth--
			case "{":
				isClass := classAt >= 0 && classAt == depth
				if isClass {
					classAt = -1
				}
				braces = append(braces, brace{class: isClass})
			case "}":
				if len(braces) > 0 {
					braces = braces[:len(braces)-1]
				}
			}
			continue
		}
		if t.Kind == jslex.Template {
			// `}...` ends a substitution, `...${` opens one
			if len(braces) > 0 && text[0] == '}' {
				braces = braces[:len(braces)-1]
			}
			if len(text) >= 2 && text[len(text)-2:] == "${" {
				braces = append(braces, brace{})
			}
			continue
		}
		if t.Kind != jslex.Ident || (text != "get" && text != "set" && text != "async") {
			continue
		}
		if len(braces) == 0 || !braces[len(braces)-1].class || i+1 >= len(toks) || i == 0 {
			continue
		}
		next := toks[i+1].Text(src)
		if toks[i+1].Kind != jslex.Punct || (next != "=" && next != "}") {
			continue
		}
		prev := toks[i-1]
		switch p := prev.Text(src); {
		case prev.Kind == jslex.Punct && (p == "{" || p == ";" || p == "}"):
		case prev.Kind == jslex.Ident && p == "static":
		case t.NL && (prev.Kind == jslex.Ident || prev.Kind == jslex.Number || prev.Kind == jslex.String || p == ")" || p == "]"):
		default:
			continue
		}
		at = append(at, i)
	}
	if len(at) == 0 {
		return src, false
	}
	b := make([]byte, 0, len(src)+2*len(at))
	prev := 0
	for _, i := range at {
		t := toks[i]
		b = append(b, src[prev:t.Start]...)
		b = append(b, '"')
		b = append(b, src[t.Start:t.End]...)
		b = append(b, '"')
		prev = t.End
	}
	b = append(b, src[prev:]...)
	return string(b), true
}

// ParseFixups applies the source workarounds for sobek's parser
// (KeywordMemberASI, ClassFieldNames) to a source that failed to parse;
// ok reports whether anything changed. The result is to be parsed again:
// its error, if any, is then the true one.
func ParseFixups(src string) (string, bool) {
	a, ok1 := KeywordMemberASI(src)
	b, ok2 := ClassFieldNames(a)
	return b, ok1 || ok2
}
