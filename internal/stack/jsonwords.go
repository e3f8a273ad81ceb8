package stack

import (
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// JSONWords returns V8's message for JSON.parse of text, which sobek
// refused (its words are Go's encoding/json's), by scanning text as V8's
// JsonParser does; ok is false when that scan finds no error (then sobek
// refused valid JSON, and its words stay).
func JSONWords(text string) (msg string, ok bool) {
	p := &jsonScan{s: text}
	p.value()
	if p.err == "" {
		p.ws()
		if p.i < len(p.s) {
			p.fail(tokenAt(p.s[p.i]), "Unexpected non-whitespace character after JSON")
			p.err = strings.Replace(p.err, " after JSON in JSON ", " after JSON ", 1)
		}
	}
	return p.err, p.err != ""
}

type jsonScan struct {
	s   string
	i   int
	err string
}

type jsonToken int

const (
	tokIllegal jsonToken = iota
	tokEOS
	tokString
	tokNumber
	tokOther
)

func tokenAt(c byte) jsonToken {
	switch {
	case c == '"':
		return tokString
	case c == '-' || c >= '0' && c <= '9':
		return tokNumber
	}
	return tokOther
}

// pos is the UTF-16 offset of byte index i.
func (p *jsonScan) pos(i int) int {
	n := 0
	for _, r := range p.s[:i] {
		n++
		if r >= 0x10000 {
			n++
		}
	}
	return n
}

// fail records V8's message for an error at p.i: with words, the message
// template with a position; without, the one for the unexpected token.
func (p *jsonScan) fail(tok jsonToken, words string) {
	if p.err != "" {
		return
	}
	if words != "" {
		p.err = words + " in JSON at position " + strconv.Itoa(p.pos(p.i))
		return
	}
	if p.i >= len(p.s) {
		tok = tokEOS
	}
	switch tok {
	case tokEOS:
		p.err = "Unexpected end of JSON input"
		return
	case tokNumber:
		p.err = "Unexpected number in JSON at position " + strconv.Itoa(p.pos(p.i))
		return
	case tokString:
		p.err = "Unexpected string in JSON at position " + strconv.Itoa(p.pos(p.i))
		return
	}
	switch p.s {
	case "[object Object]", "undefined", "Infinity", "NaN":
		p.err = `"` + p.s + `" is not valid JSON`
		return
	}
	// the unexpected UTF-16 unit, and up to 10 units of context either side
	u := utf16.Encode([]rune(p.s))
	at := p.pos(p.i)
	ch := string(rune(u[at]))
	if utf16.IsSurrogate(rune(u[at])) {
		ch = "\uFFFD"
	}
	const ctx = 10
	if len(u) <= 2*ctx+1 {
		p.err = "Unexpected token '" + ch + "', \"" + p.s + "\" is not valid JSON"
		return
	}
	sub := func(a, b int) string { return string(utf16.Decode(u[a:b])) }
	switch {
	case at < ctx:
		p.err = "Unexpected token '" + ch + "', \"" + sub(0, at+ctx) + "\"... is not valid JSON"
	case at < len(u)-ctx:
		p.err = "Unexpected token '" + ch + "', ...\"" + sub(at-ctx, at+ctx) + "\"... is not valid JSON"
	default:
		p.err = "Unexpected token '" + ch + "', ...\"" + sub(at-ctx, len(u)) + "\" is not valid JSON"
	}
}

func (p *jsonScan) ws() {
	for p.i < len(p.s) {
		switch p.s[p.i] {
		case ' ', '\t', '\n', '\r':
			p.i++
		default:
			return
		}
	}
}

// unexpected fails on the character at p.i (V8's ReportUnexpectedCharacter).
func (p *jsonScan) unexpected() {
	if p.i >= len(p.s) {
		p.fail(tokEOS, "")
		return
	}
	p.fail(tokenAt(p.s[p.i]), "")
}

// expect consumes c after whitespace, or fails with words.
func (p *jsonScan) expect(c byte, words string) bool {
	p.ws()
	if p.i < len(p.s) && p.s[p.i] == c {
		p.i++
		return true
	}
	if p.i < len(p.s) {
		p.fail(tokenAt(p.s[p.i]), words)
	} else {
		p.fail(tokEOS, words)
	}
	return false
}

// value scans one JSON value; nesting is kept on an explicit stack (V8's
// parser is iterative too: no depth limit).
func (p *jsonScan) value() {
	type frame struct{ object bool }
	var stack []frame
	for p.err == "" {
		// produce a value
		p.ws()
		if p.i >= len(p.s) {
			p.unexpected()
			return
		}
		switch c := p.s[p.i]; {
		case c == '"':
			p.i++
			p.str()
		case c == '-' || c >= '0' && c <= '9':
			p.number()
		case c == '{':
			p.i++
			p.ws()
			if p.i < len(p.s) && p.s[p.i] == '}' {
				p.i++
				break
			}
			stack = append(stack, frame{object: true})
			if !p.expect('"', "Expected property name or '}'") {
				return
			}
			p.str()
			if p.err != "" || !p.expect(':', "Expected ':' after property name") {
				return
			}
			continue
		case c == '[':
			p.i++
			p.ws()
			if p.i < len(p.s) && p.s[p.i] == ']' {
				p.i++
				break
			}
			stack = append(stack, frame{})
			continue
		case c == 't':
			p.literal("true")
		case c == 'f':
			p.literal("false")
		case c == 'n':
			p.literal("null")
		default:
			p.unexpected()
			return
		}
		// consume it into the enclosing containers
		for p.err == "" {
			if len(stack) == 0 {
				return
			}
			top := stack[len(stack)-1]
			p.ws()
			if p.i < len(p.s) && p.s[p.i] == ',' {
				p.i++
				if top.object {
					if !p.expect('"', "Expected double-quoted property name") {
						return
					}
					p.str()
					if p.err != "" || !p.expect(':', "") { // V8 names no ':' after a later key
						return
					}
				}
				break
			}
			if top.object {
				if !p.expect('}', "Expected ',' or '}' after property value") {
					return
				}
			} else if !p.expect(']', "Expected ',' or ']' after array element") {
				return
			}
			stack = stack[:len(stack)-1]
		}
	}
}

func (p *jsonScan) literal(word string) {
	rest := p.s[p.i:]
	if len(rest) >= len(word) && rest[:len(word)] == word {
		p.i += len(word)
		return
	}
	p.i++
	for k := 1; k < len(word); k++ {
		if p.i >= len(p.s) {
			p.fail(tokEOS, "")
			return
		}
		if p.s[p.i] != word[k] {
			p.unexpected()
			return
		}
		p.i++
	}
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func (p *jsonScan) at() byte {
	if p.i < len(p.s) {
		return p.s[p.i]
	}
	return 0
}

func (p *jsonScan) number() {
	if p.at() == '-' {
		p.i++
	}
	if p.at() == '0' {
		p.i++
		if isDigit(p.at()) {
			p.fail(tokNumber, "")
			return
		}
	} else {
		if !isDigit(p.at()) {
			p.fail(tokIllegal, "No number after minus sign")
			return
		}
		for isDigit(p.at()) {
			p.i++
		}
	}
	if p.at() == '.' {
		p.i++
		if !isDigit(p.at()) {
			p.fail(tokIllegal, "Unterminated fractional number")
			return
		}
		for isDigit(p.at()) {
			p.i++
		}
	}
	if c := p.at(); c == 'e' || c == 'E' {
		p.i++
		if c := p.at(); c == '-' || c == '+' {
			p.i++
		}
		if !isDigit(p.at()) {
			p.fail(tokIllegal, "Exponent part is missing a number")
			return
		}
		for isDigit(p.at()) {
			p.i++
		}
	}
}

// str scans a string's rest after its opening quote.
func (p *jsonScan) str() {
	for {
		if p.i >= len(p.s) {
			p.fail(tokIllegal, "Unterminated string")
			return
		}
		c := p.s[p.i]
		switch {
		case c == '"':
			p.i++
			return
		case c < 0x20:
			p.fail(tokIllegal, "Bad control character in string literal")
			return
		case c != '\\':
			p.i++
			continue
		}
		p.i++
		if p.i >= len(p.s) {
			p.fail(tokEOS, "")
			return
		}
		e := p.s[p.i]
		if e >= 0x80 {
			if r, _ := utf8.DecodeRuneInString(p.s[p.i:]); r > 0xff {
				p.fail(tokOther, "") // beyond Latin-1: the character itself
				return
			}
			p.fail(tokIllegal, "Bad escaped character")
			return
		}
		switch e {
		case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
			p.i++
		case 'u':
			for k := 0; k < 4; k++ {
				p.i++
				if !isHex(p.at()) {
					p.fail(tokIllegal, "Bad Unicode escape")
					return
				}
			}
			p.i++
		default:
			p.fail(tokIllegal, "Bad escaped character")
			return
		}
	}
}

func isHex(c byte) bool {
	return isDigit(c) || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}
