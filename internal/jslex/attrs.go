package jslex

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// sobek's parser knows neither import attributes (`with {type: 'json'}`,
// the older `assert {...}`) nor import()'s second argument. StripImports
// blanks them out, keeping every other byte (and so every position), and
// returns what it took out, for the module loader and for
// moduleRequests.

// Attr is one import attribute.
type Attr struct{ Key, Value string }

// StaticImport is an import declaration or re-export (export ... from)
// with its attributes.
type StaticImport struct {
	Start     int // offset of `import` / `export`
	SpecStart int // offset of the specifier literal
	Spec      string
	Attrs     []Attr // in source order, without duplicates
	Clause    bool   // a with/assert clause was written
	Assert    bool   // it was `assert {...}`
}

// DynamicImport is an import() call whose second argument was taken out.
type DynamicImport struct {
	Start       int    // offset of `import`
	Paren       int    // offset of its '(' (where sobek places the call)
	Spec        string // the specifier, when it is one string literal
	SpecLiteral bool
	Attrs       []Attr // the with (or assert) object of the options
	Options     bool   // a second argument was written
	Assert      bool   // the attributes came from assert (no with)
	// Runtime: the options are no literal; the call's import was renamed
	// ImportPlaceholder, and its attributes are read when it runs
	// (engine.RewriteImportCalls)
	Runtime bool
}

// ImportPlaceholder stands for `import` in an import() call whose options
// are read at run time (as long: every position stays). A source that
// holds it itself is left as it is.
const ImportPlaceholder = "_$jIm$"

// SyntaxError is an error V8 reports in an attributes clause.
type SyntaxError struct {
	Message        string
	Offset, Length int
}

// Stripped is the result of StripImports.
type Stripped struct {
	Code    string
	Static  []StaticImport
	Dynamic []DynamicImport
	Err     *SyntaxError // the first error found, if any
}

// AttrsOf returns the attributes of the static import of spec (the
// first one that names it), or nil.
func (s *Stripped) AttrsOf(spec string) []Attr {
	for _, st := range s.Static {
		if st.Spec == spec {
			return st.Attrs
		}
	}
	return nil
}

// StripImports finds import attributes and import() options in src (a
// module or a script) and blanks out those sobek cannot parse.
func StripImports(src string) Stripped {
	out := Stripped{Code: src}
	if !strings.Contains(src, "import") && !strings.Contains(src, "export") {
		return out
	}
	toks := Tokens(src)
	canRename := !strings.Contains(src, ImportPlaceholder)
	var b []byte
	blank := func(from, to int) {
		if b == nil {
			b = []byte(src)
		}
		for i := from; i < to; i++ {
			if b[i] != '\n' && b[i] != '\r' {
				b[i] = ' '
			}
		}
	}
	text := func(i int) string {
		if i < 0 || i >= len(toks) {
			return ""
		}
		return src[toks[i].Start:toks[i].End]
	}
	depth := 0
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		switch t.Kind {
		case Punct:
			switch text(i) {
			case "{", "(", "[":
				depth++
			case "}", ")", "]":
				depth--
			}
			continue
		case Template:
			if src[t.Start] == '}' {
				depth--
			}
			if strings.HasSuffix(text(i), "${") {
				depth++
			}
			continue
		case Ident:
		default:
			continue
		}
		w := text(i)
		if w != "import" && w != "export" {
			continue
		}
		if p := text(i - 1); p == "." || p == "?." {
			continue // a property named import
		}
		next := text(i + 1)
		if w == "import" && next == "(" {
			d, ok := dynamicImport(src, toks, i, blank, &out)
			if !ok && d.Runtime {
				if canRename {
					blank(t.Start, t.End)
					copy(b[t.Start:t.End], ImportPlaceholder)
					ok = true
				}
			}
			if ok {
				out.Dynamic = append(out.Dynamic, d)
			}
			continue
		}
		if depth != 0 || w == "import" && next == "." {
			continue
		}
		// a static import or re-export: find its specifier
		j := i + 1
		spec := -1
		for ; j < len(toks) && j < i+10000; j++ {
			tj := toks[j]
			if tj.Kind == String {
				if j == i+1 && w == "import" || text(j-1) == "from" && toks[j-1].Kind == Ident && j-1 > i+1 {
					spec = j
				}
				if spec >= 0 {
					break
				}
				continue
			}
			if tj.Kind == Punct {
				if s := text(j); s != "{" && s != "}" && s != "," && s != "*" {
					break
				}
				continue
			}
			if tj.Kind != Ident {
				break
			}
			if s := text(j); j == i+1 && w == "export" && s != "*" {
				break // export const/function/default...
			}
		}
		if spec < 0 {
			continue
		}
		st := StaticImport{Start: t.Start, SpecStart: toks[spec].Start, Spec: StringValue(text(spec))}
		k := spec + 1
		if kw := text(k); (kw == "with" || kw == "assert" && !toks[k].NL) && text(k+1) == "{" {
			attrs, end, err := attrClause(src, toks, k+1)
			if end > 0 {
				st.Clause, st.Assert, st.Attrs = true, kw == "assert", attrs
				blank(toks[k].Start, toks[end].End)
				if err != nil && out.Err == nil {
					out.Err = err
				}
				i = end
			}
		}
		out.Static = append(out.Static, st)
	}
	if b != nil {
		out.Code = string(b)
	}
	return out
}

// attrClause reads `{ key: 'value', ... }` from toks[open] ('{'); it
// returns the attributes, the index of the closing '}' (0: not such a
// clause) and a duplicate key's error.
func attrClause(src string, toks []Token, open int) ([]Attr, int, *SyntaxError) {
	var attrs []Attr
	var err *SyntaxError
	seen := map[string]bool{}
	j := open + 1
	for j < len(toks) {
		if toks[j].Kind == Punct && toks[j].Text(src) == "}" {
			return attrs, j, err
		}
		key := toks[j]
		if key.Kind != Ident && key.Kind != String || j+2 >= len(toks) || toks[j+1].Text(src) != ":" || toks[j+2].Kind != String {
			return nil, 0, nil
		}
		k := key.Text(src)
		if key.Kind == String {
			k = StringValue(k)
		}
		v := StringValue(toks[j+2].Text(src))
		if seen[k] {
			if err == nil {
				err = &SyntaxError{Message: "Import assertion has duplicate key '" + k + "'", Offset: key.Start, Length: toks[j+2].End - key.Start}
			}
		} else {
			seen[k] = true
			attrs = append(attrs, Attr{k, v})
		}
		j += 3
		if j < len(toks) && toks[j].Text(src) == "," {
			j++
		}
	}
	return nil, 0, nil
}

// dynamicImport handles the import( at toks[i]: its arguments are split
// at top-level commas; a second argument that is an object literal of
// string-valued with/assert attributes is blanked out (with a trailing
// comma), and so is a trailing comma after the specifier.
func dynamicImport(src string, toks []Token, i int, blank func(int, int), out *Stripped) (DynamicImport, bool) {
	d := DynamicImport{Start: toks[i].Start, Paren: toks[i+1].Start}
	depth := 0
	var commas []int
	end := -1
scan:
	for j := i + 1; j < len(toks); j++ {
		t := toks[j]
		switch t.Kind {
		case Punct:
			switch t.Text(src) {
			case "(", "[", "{":
				depth++
			case ")", "]", "}":
				depth--
				if depth == 0 {
					end = j
					break scan
				}
			case ",":
				if depth == 1 {
					commas = append(commas, j)
				}
			}
		case Template:
			if src[t.Start] == '}' {
				depth--
			}
			if strings.HasSuffix(t.Text(src), "${") {
				depth++
			}
		}
	}
	if end < 0 || len(commas) == 0 {
		return d, false
	}
	if commas[0] == i+3 && toks[i+2].Kind == String {
		d.Spec, d.SpecLiteral = StringValue(toks[i+2].Text(src)), true
	}
	if len(commas) == 1 && commas[0] == end-1 {
		blank(toks[commas[0]].Start, toks[commas[0]].End) // import('x',)
		return d, false
	}
	if len(commas) > 2 || len(commas) == 2 && commas[1] != end-1 {
		return d, false // three arguments: V8's SyntaxError stays
	}
	// from here on, options that are not such a literal are read when
	// the call runs (d.Runtime: the caller renames the call)
	d.Options, d.Runtime = true, true
	// the options: { with: {...} } or { assert: {...} } (either order,
	// both, trailing commas), literal strings only
	o := commas[0] + 1
	if toks[o].Text(src) != "{" {
		return d, false
	}
	j := o + 1
	var with, assert []Attr
	haveWith, haveAssert := false, false
	for {
		if j >= end {
			return d, false
		}
		if toks[j].Text(src) == "}" {
			break
		}
		key := toks[j]
		k := key.Text(src)
		if key.Kind == String {
			k = StringValue(k)
		} else if key.Kind != Ident {
			return d, false
		}
		if k != "with" && k != "assert" || toks[j+1].Text(src) != ":" || toks[j+2].Text(src) != "{" {
			return d, false
		}
		attrs, close, err := attrClause(src, toks, j+2)
		if close == 0 {
			return d, false // not such a literal: sobek's SyntaxError
		}
		if err != nil {
			// an object literal keeps the last of duplicate keys
			attrs = lastOfDuplicates(src, toks, j+2)
		}
		if k == "with" {
			with, haveWith = attrs, true
		} else {
			assert, haveAssert = attrs, true
		}
		j = close + 1
		if toks[j].Text(src) == "," {
			j++
		}
	}
	closeObj := j
	if closeObj+1 != end && !(closeObj+2 == end && toks[closeObj+1].Text(src) == ",") {
		return d, false
	}
	d.Runtime = false
	switch {
	case haveWith:
		d.Attrs = with
	case haveAssert:
		d.Attrs, d.Assert = assert, true
	}
	if d.Attrs == nil {
		d.Attrs = []Attr{}
	}
	blank(toks[commas[0]].Start, toks[end-1].End)
	return d, true
}

// lastOfDuplicates rereads an attributes object literal at toks[open]
// that attrClause accepted, keeping the last value of a repeated key in
// the first key's place.
func lastOfDuplicates(src string, toks []Token, open int) []Attr {
	var attrs []Attr
	idx := map[string]int{}
	j := open + 1
	for j+2 < len(toks) {
		if toks[j].Text(src) == "}" {
			return attrs
		}
		k := toks[j].Text(src)
		if toks[j].Kind == String {
			k = StringValue(k)
		}
		v := StringValue(toks[j+2].Text(src))
		if n, ok := idx[k]; ok {
			attrs[n].Value = v
		} else {
			idx[k] = len(attrs)
			attrs = append(attrs, Attr{k, v})
		}
		j += 3
		if toks[j].Text(src) == "," {
			j++
		}
	}
	return nil
}

// StringValue is the value of a string literal token ('...' or "...").
func StringValue(lit string) string {
	if len(lit) < 2 {
		return ""
	}
	body := lit[1 : len(lit)-1]
	if !strings.Contains(body, "\\") {
		return body
	}
	var b strings.Builder
	for i := 0; i < len(body); i++ {
		c := body[i]
		if c != '\\' || i+1 >= len(body) {
			b.WriteByte(c)
			continue
		}
		i++
		switch e := body[i]; e {
		case 'n':
			b.WriteByte('\n')
		case 't':
			b.WriteByte('\t')
		case 'r':
			b.WriteByte('\r')
		case 'b':
			b.WriteByte('\b')
		case 'f':
			b.WriteByte('\f')
		case 'v':
			b.WriteByte('\v')
		case '0':
			b.WriteByte(0)
		case '\r':
			if i+1 < len(body) && body[i+1] == '\n' {
				i++
			}
		case '\n':
		case 'x':
			if i+2 < len(body) {
				if n, err := strconv.ParseUint(body[i+1:i+3], 16, 8); err == nil {
					b.WriteRune(rune(n))
					i += 2
					continue
				}
			}
			b.WriteByte(e)
		case 'u':
			var hex string
			if i+1 < len(body) && body[i+1] == '{' {
				if k := strings.IndexByte(body[i:], '}'); k > 0 {
					hex = body[i+2 : i+k]
					i += k
				}
			} else if i+4 < len(body) {
				hex = body[i+1 : i+5]
				i += 4
			}
			if n, err := strconv.ParseUint(hex, 16, 32); err == nil && n <= utf8.MaxRune {
				if n >= 0xD800 && n < 0xDC00 && i+6 < len(body) && body[i+1] == '\\' && body[i+2] == 'u' {
					if lo, err := strconv.ParseUint(body[i+3:i+7], 16, 32); err == nil && lo >= 0xDC00 && lo < 0xE000 {
						n = 0x10000 + (n-0xD800)<<10 + (lo - 0xDC00)
						i += 6
					}
				}
				b.WriteRune(rune(n))
			}
		default:
			b.WriteByte(e)
		}
	}
	return b.String()
}
