// Package jslex is a JavaScript tokenizer for source-level passes that
// sobek's parser cannot do: it knows strings, templates, comments and
// regular expression literals (told from division by the token before, as
// node's cjs-module-lexer does), so a pass built on it never matches text
// inside them. It does not build a syntax tree.
package jslex

// Kind is a token's kind.
type Kind uint8

const (
	Ident    Kind = iota // identifier or keyword (also private #names)
	Punct                // punctuator
	String               // '...' or "..."
	Template             // a template chunk: `...`, `...${, }...${ or }...`
	Regex                // /.../flags
	Number               // numeric literal
)

// Token is one token of a source: src[Start:End].
type Token struct {
	Kind       Kind
	Start, End int
	NL         bool // a line terminator comes between the previous token and this one
}

// Text is the token's source text.
func (t Token) Text(src string) string { return src[t.Start:t.End] }

// keywords after which a '/' begins a regular expression
var regexAfterWord = map[string]bool{
	"return": true, "typeof": true, "instanceof": true, "in": true, "of": true,
	"new": true, "delete": true, "void": true, "throw": true, "case": true,
	"do": true, "else": true, "yield": true, "await": true, "extends": true,
}

// Tokens splits src into tokens, skipping white space and comments. An
// unterminated string, template, comment or regex ends at the end of the
// source (the parser reports it).
func Tokens(src string) []Token { return tokens(src, nil) }

// HTMLComments returns the Annex B HTML-like comments of a script (not
// a module), as [start, end) byte ranges: `<!--` anywhere a token may
// begin, and `-->` first on a line (after white space and comments), each
// to the end of its line. Strings, templates, regexps and other comments
// hold none.
func HTMLComments(src string) [][2]int {
	var html [][2]int
	tokens(src, &html)
	return html
}

func tokens(src string, html *[][2]int) []Token {
	var toks []Token
	// braces: for each open '{' or '${', whether it is a template
	// substitution; parens: for each open '(', whether it follows
	// if/while/for/with (then a '/' after its ')' is a regex); braces
	// opened as blocks (a '/' after their '}' is a regex)
	type brace struct{ template, expr bool }
	var braces []brace
	var parens []bool
	lastParenCond := false // the last ')' closed a condition
	lastBraceBlock := false
	nl := false
	n := len(src)
	i := 0
	push := func(k Kind, s, e int) {
		toks = append(toks, Token{Kind: k, Start: s, End: e, NL: nl})
		nl = false
	}
	regexAllowed := func() bool {
		if len(toks) == 0 {
			return true
		}
		t := toks[len(toks)-1]
		switch t.Kind {
		case Ident:
			return regexAfterWord[src[t.Start:t.End]]
		case Number, String, Regex:
			return false
		case Template:
			// after `...` (a complete template or a tail) it is division
			return src[t.End-1] == '{'
		}
		switch src[t.Start:t.End] {
		case ")":
			return lastParenCond
		case "]":
			return false
		case "}":
			return lastBraceBlock
		case "++", "--":
			return false
		}
		return true
	}
	for i < n {
		c := src[i]
		switch {
		case c == '\n' || c == '\r':
			nl = true
			i++
			continue
		case c == ' ' || c == '\t' || c == '\v' || c == '\f':
			i++
			continue
		case c >= 0x80:
			// U+2028/U+2029 are line terminators, NBSP, BOM and other
			// spaces are white space; anything else starts an identifier
			if r, w := decodeRune(src[i:]); r == 0x2028 || r == 0x2029 {
				nl = true
				i += w
				continue
			} else if isUnicodeSpace(r) {
				i += w
				continue
			}
		}
		if c == '/' && i+1 < n && src[i+1] == '/' {
			for i < n && src[i] != '\n' && src[i] != '\r' {
				i++
			}
			continue
		}
		if c == '/' && i+1 < n && src[i+1] == '*' {
			j := indexFrom(src, i+2, "*/")
			if j < 0 {
				j = n
			} else {
				j += 2
			}
			for k := i; k < j; k++ {
				if src[k] == '\n' || src[k] == '\r' {
					nl = true
				}
			}
			i = j
			continue
		}
		if html != nil && (c == '<' && hasAt(src, i, "<!--") || c == '-' && (nl || len(toks) == 0) && hasAt(src, i, "-->")) {
			j := i
			for j < n && src[j] != '\n' && src[j] != '\r' && !(src[j] == 0xE2 && hasAt(src, j, "\u2028") || src[j] == 0xE2 && hasAt(src, j, "\u2029")) {
				j++
			}
			*html = append(*html, [2]int{i, j})
			i = j
			continue
		}
		start := i
		switch {
		case c == '\'' || c == '"':
			i = skipString(src, i)
			push(String, start, i)
		case c == '`':
			i = skipTemplate(src, i+1)
			push(Template, start, i)
			if src[i-1] == '{' && i >= 2 && src[i-2] == '$' {
				braces = append(braces, brace{template: true})
			}
		case c == '/' && regexAllowed():
			i = skipRegex(src, i)
			push(Regex, start, i)
		case isIdentStart(c) || c >= 0x80 || c == '\\' || c == '#':
			i++
			for i < n && (isIdentPart(src[i]) || src[i] >= 0x80 || src[i] == '\\') {
				if src[i] == '\\' {
					i++
				}
				i++
			}
			if i > n {
				i = n
			}
			push(Ident, start, i)
		case c >= '0' && c <= '9' || c == '.' && i+1 < n && src[i+1] >= '0' && src[i+1] <= '9':
			i++
			for i < n && (isIdentPart(src[i]) || src[i] == '.' || (src[i] == '+' || src[i] == '-') && (src[i-1] == 'e' || src[i-1] == 'E') && !isHex(src[start:i])) {
				i++
			}
			push(Number, start, i)
		default:
			switch c {
			case '{':
				expr := false
				if len(toks) > 0 {
					t := toks[len(toks)-1]
					switch t.Kind {
					case Punct:
						switch src[t.Start:t.End] {
						case ")", ";", "}", "{", "=>":
						default:
							expr = true
						}
					case Ident:
						expr = regexAfterWord[src[t.Start:t.End]] && src[t.Start:t.End] != "else" && src[t.Start:t.End] != "do"
					case Template:
						expr = src[t.End-1] == '{'
					}
				}
				braces = append(braces, brace{expr: expr})
				i++
				push(Punct, start, i)
			case '}':
				if len(braces) > 0 && braces[len(braces)-1].template {
					braces = braces[:len(braces)-1]
					i = skipTemplate(src, i+1)
					push(Template, start, i)
					if src[i-1] == '{' && i >= 2 && src[i-2] == '$' {
						braces = append(braces, brace{template: true})
					}
					continue
				}
				lastBraceBlock = true
				if len(braces) > 0 {
					lastBraceBlock = !braces[len(braces)-1].expr
					braces = braces[:len(braces)-1]
				}
				i++
				push(Punct, start, i)
			case '(':
				cond := false
				if len(toks) > 0 && toks[len(toks)-1].Kind == Ident {
					switch src[toks[len(toks)-1].Start:toks[len(toks)-1].End] {
					case "if", "while", "for", "with":
						cond = true
					}
				}
				parens = append(parens, cond)
				i++
				push(Punct, start, i)
			case ')':
				lastParenCond = false
				if len(parens) > 0 {
					lastParenCond = parens[len(parens)-1]
					parens = parens[:len(parens)-1]
				}
				i++
				push(Punct, start, i)
			default:
				i += punctLen(src[i:])
				push(Punct, start, i)
			}
		}
	}
	return toks
}

func isHex(s string) bool { return len(s) > 1 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X') }

func indexFrom(s string, from int, sub string) int {
	for j := from; j+len(sub) <= len(s); j++ {
		if s[j:j+len(sub)] == sub {
			return j
		}
	}
	return -1
}

func skipString(src string, i int) int {
	q := src[i]
	i++
	for i < len(src) {
		switch src[i] {
		case q:
			return i + 1
		case '\\':
			i += 2
			continue
		case '\n', '\r':
			return i // unterminated
		}
		i++
	}
	return len(src)
}

// skipTemplate scans a template chunk from i (just after ` or }) to just
// after its closing ` or ${.
func skipTemplate(src string, i int) int {
	for i < len(src) {
		switch src[i] {
		case '`':
			return i + 1
		case '\\':
			i += 2
			continue
		case '$':
			if i+1 < len(src) && src[i+1] == '{' {
				return i + 2
			}
		}
		i++
	}
	return len(src)
}

func skipRegex(src string, i int) int {
	i++
	class := false
	for i < len(src) {
		switch src[i] {
		case '\\':
			i += 2
			continue
		case '[':
			class = true
		case ']':
			class = false
		case '/':
			if !class {
				i++
				for i < len(src) && isIdentPart(src[i]) {
					i++
				}
				return i
			}
		case '\n', '\r':
			return i
		}
		i++
	}
	return len(src)
}

var puncts = []string{">>>=", "...", "===", "!==", "**=", "<<=", ">>=", ">>>", "&&=", "||=", "??=",
	"=>", "==", "!=", "<=", ">=", "&&", "||", "??", "?.", "++", "--", "+=", "-=", "*=", "/=", "%=",
	"&=", "|=", "^=", "<<", ">>", "**"}

func punctLen(s string) int {
	for _, p := range puncts {
		if len(s) >= len(p) && s[:len(p)] == p {
			if p == "?." && len(s) > 2 && s[2] >= '0' && s[2] <= '9' {
				continue // a ? .5 : b
			}
			return len(p)
		}
	}
	return 1
}

func isIdentStart(c byte) bool {
	return c == '_' || c == '$' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

func isIdentPart(c byte) bool { return isIdentStart(c) || c >= '0' && c <= '9' }

func decodeRune(s string) (rune, int) {
	for _, r := range s {
		w := len(string(r))
		return r, w
	}
	return 0, 1
}

func isUnicodeSpace(r rune) bool {
	switch r {
	case 0xA0, 0xFEFF, 0x1680, 0x202F, 0x205F, 0x3000:
		return true
	}
	return r >= 0x2000 && r <= 0x200A
}

func hasAt(s string, i int, sub string) bool { return len(s)-i >= len(sub) && s[i:i+len(sub)] == sub }
