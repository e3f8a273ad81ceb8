package stack

import (
	"regexp"
	"strings"
)

// Syntax errors: sobek's parser words some errors differently from V8
// and reports some at another token; V8 also underlines the whole token
// (or the whole invalid assignment target) under the source line.

var (
	unexpectedTokRe = regexp.MustCompile(`^Unexpected token (.+)$`)
	labelExistsRe   = regexp.MustCompile(`^Label '(.*)' already exists$`)
)

var syntaxWords = map[string]string{
	"Unexpected token ILLEGAL":                                      "Invalid or unexpected token",
	"Octal literals are not allowed in strict mode":                 "Octal literals are not allowed in strict mode.",
	"Assignment to eval or arguments is not allowed in strict mode": "Unexpected eval or arguments in strict mode",
	"Illegal continue statement":                                    "Illegal continue statement: no surrounding iteration statement",
	"export not supported in script":                                "Unexpected token 'export'",
	"import not supported in script":                                "Cannot use import statement outside a module",
	"Already saw a default in switch":                               "More than one default clause in switch statement",
}

// SyntaxError maps a sobek parse error reported at (line, col) (1-based,
// offsets included) of src, compiled with lineOffset and colOffset, to
// V8's message, position and caret width (0: no caret, past the end).
func SyntaxError(msg, src string, lineOffset, colOffset, line, col int) (string, int, int, int) {
	msg = strings.TrimPrefix(msg, "SyntaxError: ")
	lines := strings.Split(src, "\n")
	l := line - lineOffset - 1
	if l < 0 || l >= len(lines) {
		return syntaxWord(msg), line, col, 1
	}
	shift := 0
	if l == 0 {
		shift = colOffset
	}
	off := 0
	for i := 0; i < l; i++ {
		off += len(lines[i]) + 1
	}
	idx := col - 1 - shift
	if idx < 0 {
		idx = 0
	}
	if idx > len(lines[l]) {
		idx = len(lines[l])
	}
	off += idx

	toks, stack := scan(src, off)
	pos := func(o int) (int, int) {
		ln, start := 0, 0
		for i := 0; i < o && i < len(src); i++ {
			if src[i] == '\n' {
				ln++
				start = i + 1
			}
		}
		c := o - start + 1
		if ln == 0 {
			c += colOffset
		}
		return ln + 1 + lineOffset, c
	}
	var prev *token
	if len(toks) > 0 {
		prev = &toks[len(toks)-1]
	}
	width := tokenWidth(src, off)

	if msg == "Unexpected token ILLEGAL" && strings.HasPrefix(src[off:], "..") && !strings.HasPrefix(src[off:], "...") {
		// `a..b`: sobek scans the two dots as a broken `...`; V8 reads a
		// member dot, then fails at the second
		ln, c := pos(off + 1)
		return "Unexpected token '.'", ln, c, 1
	}
	switch {
	case msg == "Unexpected end of input" || strings.HasPrefix(msg, "Unexpected ") && msg != "Unexpected token ILLEGAL":
		if n := len(stack); n > 0 && stack[n-1].call && prev != nil && !strings.HasPrefix(src[off:], ")") &&
			prev.text(src) != "(" && prev.text(src) != "," {
			// inside a call's arguments: V8 reports the last argument token
			ln, c := pos(prev.start)
			return "missing ) after argument list", ln, c, prev.end - prev.start
		}
		if prev != nil && prev.text(src) == "await" && (strings.HasPrefix(msg, "Unexpected number") ||
			strings.HasPrefix(msg, "Unexpected identifier") || strings.HasPrefix(msg, "Unexpected string")) {
			ln, c := pos(prev.start)
			return "await is only valid in async functions and the top level bodies of modules", ln, c, 5
		}
		if msg == "Unexpected token (" || msg == "Unexpected token '('" {
			if prev != nil && prev.text(src) == "function" && (len(toks) < 2 || statementEnd(toks[len(toks)-2].text(src))) {
				ln, c := pos(prev.start)
				return "Function statements require a function name", ln, c, 8
			}
		}
	case msg == "Invalid left-hand side in assignment" && (strings.HasPrefix(src[off:], "++") || strings.HasPrefix(src[off:], "--")):
		// sobek reports a prefix ++/-- of a non-reference as an
		// assignment at the operator; V8 names the prefix operation and
		// underlines the operand
		o := off + 2
		for o < len(src) && (src[o] == ' ' || src[o] == '\t') {
			o++
		}
		e := o
		for e < len(src) && strings.IndexByte("+-!~", src[e]) >= 0 {
			e++
		}
		e += tokenWidth(src, e)
		if strings.HasPrefix(src[e:], "++") || strings.HasPrefix(src[e:], "--") {
			e += 2
		}
		ln, c := pos(o)
		return "Invalid left-hand side expression in prefix operation", ln, c, max(e-o, 1)
	case msg == "Missing catch or finally after try":
		// V8 reports the end of the try block
		if e := closingBrace(src, off); e >= 0 {
			ln, c := pos(e)
			return msg, ln, c, 1
		}
	case strings.HasSuffix(msg, "' has already been declared") && strings.HasPrefix(msg, "Identifier '"):
		// V8 reports the second declaration, sobek sometimes the first
		name := msg[len("Identifier '") : len(msg)-len("' has already been declared")]
		re := regexp.MustCompile(`\b(?:var|let|const|function|class)\s+(` + regexp.QuoteMeta(name) + `)\b`)
		if off+1 < len(src) {
			if m := re.FindStringSubmatchIndex(src[off+1:]); m != nil {
				ln, c := pos(off + 1 + m[2])
				return msg, ln, c, 1
			}
		}
	}
	if msg == "Unexpected identifier" && width > 0 {
		msg = "Unexpected identifier '" + src[off:off+width] + "'"
	}
	w := syntaxWord(msg)
	return w, line, col, max(CaretWidth(w, lines[l], idx), 1)
}

// CaretWidth is how many characters V8 underlines under a source line
// for a SyntaxError with V8's message msg reported at index idx of text
// (0: none, the position is past the end).
func CaretWidth(msg, text string, idx int) int {
	if idx < 0 || idx >= len(text) || msg == "Unexpected end of input" {
		return 0
	}
	switch {
	case strings.HasPrefix(msg, "Identifier '") && strings.HasSuffix(msg, "' has already been declared"):
		return 1
	case msg == "Invalid left-hand side in assignment":
		rest := text[idx:]
		if e := strings.IndexByte(rest, '='); e > 0 {
			return len(strings.TrimRight(rest[:e], " \t"))
		}
		return 1
	case msg == "Invalid or unexpected token":
		if c := text[idx]; c != '\'' && c != '"' {
			return 1
		}
	case strings.HasPrefix(msg, "Import assertion has duplicate key '"):
		// the whole key: 'value' pair
		rest := text[idx:]
		if c := strings.IndexByte(rest, ':'); c > 0 {
			v := strings.TrimLeft(rest[c+1:], " \t")
			if len(v) > 0 && (v[0] == '\'' || v[0] == '"') {
				if e := strings.IndexByte(v[1:], v[0]); e >= 0 {
					return len([]rune(rest[:len(rest)-len(v)+e+2]))
				}
			}
		}
	}
	return max(tokenWidth(text, idx), 1)
}

func statementEnd(t string) bool { return t == ";" || t == "}" || t == "{" }

// SyntaxWord is V8's wording of a sobek parser or compiler message, for
// errors that come without a position.
func SyntaxWord(msg string) string { return syntaxWord(strings.TrimPrefix(msg, "SyntaxError: ")) }

// syntaxWord is V8's wording of a sobek parser message.
func syntaxWord(msg string) string {
	if w, ok := syntaxWords[msg]; ok {
		return w
	}
	if name, ok := strings.CutPrefix(msg, "Duplicate export name "); ok {
		if name == "default" {
			return "Identifier '.default' has already been declared"
		}
		return "Duplicate export of '" + name + "'"
	}
	if m := labelExistsRe.FindStringSubmatch(msg); m != nil {
		return "Label '" + m[1] + "' has already been declared"
	}
	if m := unexpectedTokRe.FindStringSubmatch(msg); m != nil {
		switch tok := m[1]; {
		case tok == "EOF":
			return "Unexpected end of input"
		case strings.HasPrefix(tok, "'"):
			return msg
		default:
			return "Unexpected token '" + tok + "'"
		}
	}
	return msg
}

// tokenWidth is the length of the token starting at off: a name, number
// or string literal (an unterminated string runs to the end of its
// line); 1 for anything else.
func tokenWidth(src string, off int) int {
	if off >= len(src) {
		return 0
	}
	c := src[off]
	switch {
	case isIdentByte(c):
		e := off
		for e < len(src) && (isIdentByte(src[e]) || src[e] == '.' && c >= '0' && c <= '9') {
			e++
		}
		return e - off
	case c == '\'' || c == '"':
		e := off + 1
		for e < len(src) && src[e] != c && src[e] != '\n' {
			if src[e] == '\\' {
				e++
			}
			e++
		}
		if e < len(src) && src[e] == c {
			e++
		}
		return min(e, len(src)) - off
	}
	return 1
}

type token struct{ start, end int }

func (t token) text(src string) string { return src[t.start:t.end] }

type bracket struct {
	ch   byte
	call bool // a call's argument list
}

// scan tokenizes src up to off (roughly: names, numbers, strings,
// templates, comments, regular expressions after an operator) and returns
// the tokens and the brackets still open there.
func scan(src string, off int) ([]token, []bracket) {
	var toks []token
	var stack []bracket
	last := func() string {
		if len(toks) == 0 {
			return ""
		}
		return toks[len(toks)-1].text(src)
	}
	i := 0
	for i < off && i < len(src) {
		c := src[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			i++
		case c == '/' && i+1 < len(src) && src[i+1] == '/':
			for i < len(src) && src[i] != '\n' {
				i++
			}
		case c == '/' && i+1 < len(src) && src[i+1] == '*':
			e := strings.Index(src[i+2:], "*/")
			if e < 0 {
				i = len(src)
			} else {
				i += e + 4
			}
		case isIdentByte(c):
			s := i
			for i < len(src) && isIdentByte(src[i]) {
				i++
			}
			toks = append(toks, token{s, i})
		case c == '\'' || c == '"' || c == '`':
			s := i
			i++
			for i < len(src) && src[i] != c && (c == '`' || src[i] != '\n') {
				if src[i] == '\\' {
					i++
				}
				i++
			}
			if i < len(src) && src[i] == c {
				i++
			}
			toks = append(toks, token{s, min(i, len(src))})
		case c == '/' && regexAllowed(last()):
			s := i
			i++
			inClass := false
			for i < len(src) && src[i] != '\n' && (inClass || src[i] != '/') {
				switch src[i] {
				case '\\':
					i++
				case '[':
					inClass = true
				case ']':
					inClass = false
				}
				i++
			}
			i++
			for i < len(src) && isIdentByte(src[i]) {
				i++
			}
			toks = append(toks, token{s, min(i, len(src))})
		default:
			switch c {
			case '(':
				p := last()
				call := p != "" && (isIdentByte(p[0]) && !isKeyword(p) || p == ")" || p == "]" || p[0] == '`')
				if call && len(toks) >= 2 && toks[len(toks)-2].text(src) == "function" {
					call = false
				}
				stack = append(stack, bracket{'(', call})
			case '[', '{':
				stack = append(stack, bracket{c, false})
			case ')', ']', '}':
				if len(stack) > 0 {
					stack = stack[:len(stack)-1]
				}
			}
			toks = append(toks, token{i, i + 1})
			i++
		}
	}
	return toks, stack
}

func isKeyword(w string) bool {
	switch w {
	case "if", "while", "for", "switch", "catch", "with", "function", "return", "typeof", "void",
		"delete", "new", "in", "of", "instanceof", "do", "else", "case", "throw", "yield", "await":
		return true
	}
	return false
}

func regexAllowed(prev string) bool {
	if prev == "" {
		return true
	}
	if prev == ")" || prev == "]" || prev == "}" {
		return false
	}
	if isIdentByte(prev[0]) {
		return isKeyword(prev)
	}
	return prev[0] != '\'' && prev[0] != '"' && prev[0] != '`' && prev[0] != '/'
}

// closingBrace returns the offset of the brace closing the first block
// that opens at or after off, or -1 (strings and comments are not
// special: a best effort for short blocks).
func closingBrace(src string, off int) int {
	depth := 0
	for i := off; i < len(src); i++ {
		switch src[i] {
		case '{':
			depth++
		case '}':
			depth--
			if depth == 0 {
				return i
			}
		}
	}
	return -1
}
