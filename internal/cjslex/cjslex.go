// Package cjslex finds the named exports of a CommonJS module as Node's
// cjs-module-lexer does when an ES module imports it: by the shape of the
// source, never by running it. It follows that lexer's frozen detection
// rules (exports.a = ..., exports['a'] = ..., module.exports = { a, b: c,
// 'd': e, ...f }, Object.defineProperty(exports, 'a', { value | getter
// returning an identifier }), module.exports = require('x') and the
// transpilers' star re-export forms) and its failures: a source it cannot
// lex, or one with ESM syntax, has no named exports.
//
// Positions are bytes of the Go string (the lexer's are UTF-16 units);
// only identifiers can contain non-ASCII text, so the rules are the same.
package cjslex

import (
	"errors"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/jsvm-dev/jsvm/internal/jslex"
)

// Result is what the lexer found.
type Result struct {
	Exports   []string // in first-detection order, without unsafe getters
	Reexports []string // specifiers whose exports are re-exported
}

var errLex = errors.New("cjs lexer error")

type lexer struct {
	src      string
	pos, end int

	openDepth         int
	templateDepth     int
	lastTok           int
	lastSlashDivision bool
	templateStack     []int
	openPos           []int  // for each open token depth, the last token before it
	openClass         []bool // whether that brace opened a class body
	nextBraceIsClass  bool
	starExports       map[string]string
	lastStarSpec      string
	lastStarSet       bool

	exports   orderedSet
	unsafe    map[string]bool
	reexports orderedSet
}

type orderedSet struct {
	list []string
	seen map[string]bool
}

func (s *orderedSet) add(v string) {
	if s.seen == nil {
		s.seen = map[string]bool{}
	}
	if !s.seen[v] {
		s.seen[v] = true
		s.list = append(s.list, v)
	}
}

// maxDepth bounds the brace/paren nesting the lexer keeps (its own stack
// is 1024 deep; deeper sources fail there too).
const maxDepth = 1024

// Parse lexes src. An error means the lexer gave up: Node then uses no
// named exports.
func Parse(src string) (res Result, err error) {
	l := &lexer{src: src, templateDepth: -1, lastTok: -1, starExports: map[string]string{}, unsafe: map[string]bool{},
		openPos: make([]int, maxDepth+1), openClass: make([]bool, maxDepth+1)}
	defer func() {
		if r := recover(); r != nil {
			if r != errLex {
				panic(r)
			}
			res, err = Result{}, errLex
		}
	}()
	l.parse()
	for _, e := range l.exports.list {
		if !l.unsafe[e] {
			res.Exports = append(res.Exports, e)
		}
	}
	res.Reexports = append(res.Reexports, l.reexports.list...)
	return res, nil
}

func (l *lexer) fail() { panic(errLex) }

func (l *lexer) at(i int) int {
	if i < 0 || i >= len(l.src) {
		return 0
	}
	return int(l.src[i])
}

func (l *lexer) has(s string, at int) bool {
	return at >= 0 && at <= len(l.src) && strings.HasPrefix(l.src[at:], s)
}

func (l *lexer) push(v int) {
	if l.openDepth >= maxDepth {
		l.fail()
	}
	l.openPos[l.openDepth] = v
	l.openDepth++
}

func (l *lexer) parse() {
	src := l.src
	l.end = len(src) - 1
	l.pos = -1
	if l.at(0) == '#' && l.at(1) == '!' {
		if len(src) == 2 {
			return
		}
		l.pos += 2
		for l.pos++; l.pos < l.end+1; l.pos++ {
			if c := src[l.pos]; c == '\n' || c == '\r' {
				break
			}
		}
	}
	for l.pos++; l.pos <= l.end; l.pos++ {
		ch := l.at(l.pos)
		if ch == ' ' || ch < 14 && ch > 8 {
			continue
		}
		if l.openDepth == 0 {
			switch ch {
			case 'i':
				if l.has("mport", l.pos+1) && l.keywordStart(l.pos) {
					l.throwIfImportStatement()
				}
				l.lastTok = l.pos
				continue
			case 'r':
				start := l.pos
				if l.tryParseRequire(reqImport) && l.keywordStart(start) {
					l.backtrackStarExportBinding(start - 1)
				}
				l.lastTok = l.pos
				continue
			case '_':
				if l.has("interopRequireWildcard", l.pos+1) && (l.keywordStart(l.pos) || l.at(l.pos-1) == '.') {
					start := l.pos
					l.pos += 23
					if l.at(l.pos) == '(' {
						l.pos++
						l.push(l.lastTok)
						if l.tryParseRequire(reqImport) && l.keywordStart(start) {
							l.backtrackStarExportBinding(start - 1)
						}
					}
				} else if l.has("_export", l.pos+1) && (l.keywordStart(l.pos) || l.at(l.pos-1) == '.') {
					l.pos += 8
					if l.has("Star", l.pos) {
						l.pos += 4
					}
					if l.at(l.pos) == '(' {
						l.push(l.lastTok)
						l.pos++
						if l.at(l.pos) == 'r' {
							l.tryParseRequire(reqExportStar)
						}
					}
				}
				l.lastTok = l.pos
				continue
			}
		}
		switch ch {
		case 'e':
			if l.has("xport", l.pos+1) && l.keywordStart(l.pos) {
				if l.at(l.pos+6) == 's' {
					l.tryParseExportsDotAssign(false)
				} else if l.openDepth == 0 {
					l.throwIfExportStatement()
				}
			}
		case 'c':
			if l.keywordStart(l.pos) && l.has("lass", l.pos+1) && isBrOrWs(l.at(l.pos+5)) {
				l.nextBraceIsClass = true
			}
		case 'm':
			if l.has("odule", l.pos+1) && l.keywordStart(l.pos) {
				l.tryParseModuleExportsDotAssign()
			}
		case 'O':
			if l.has("bject", l.pos+1) && l.keywordStart(l.pos) {
				l.tryParseObjectDefineOrKeys(l.openDepth == 0)
			}
		case '(':
			l.push(l.lastTok)
		case ')':
			if l.openDepth == 0 {
				l.fail()
			}
			l.openDepth--
		case '{':
			if l.openDepth >= maxDepth {
				l.fail()
			}
			l.openClass[l.openDepth] = l.nextBraceIsClass
			l.nextBraceIsClass = false
			l.push(l.lastTok)
		case '}':
			if l.openDepth == 0 {
				l.fail()
			}
			l.openDepth--
			if l.openDepth+1 == l.templateDepth {
				l.templateDepth = l.templateStack[len(l.templateStack)-1]
				l.templateStack = l.templateStack[:len(l.templateStack)-1]
				l.templateString()
			} else if l.templateDepth != -1 && l.openDepth < l.templateDepth {
				l.fail()
			}
		case '\'', '"':
			l.stringLiteral(ch)
		case '/':
			next := l.at(l.pos + 1)
			if next == '/' {
				l.lineComment()
				continue
			}
			if next == '*' {
				l.blockComment()
				continue
			}
			last := l.at(l.lastTok)
			if isExpressionPunctuator(last) &&
				!(last == '.' && l.at(l.lastTok-1) >= '0' && l.at(l.lastTok-1) <= '9') &&
				!(last == '+' && l.at(l.lastTok-1) == '+') && !(last == '-' && l.at(l.lastTok-1) == '-') ||
				last == ')' && l.isParenKeyword(l.openPos[l.openDepth]) ||
				last == '}' && (l.isExpressionTerminator(l.openPos[l.openDepth]) || l.openClass[l.openDepth]) ||
				last == '/' && l.lastSlashDivision ||
				l.isExpressionKeyword(l.lastTok) ||
				last == 0 {
				l.regularExpression()
				l.lastSlashDivision = false
			} else {
				l.lastSlashDivision = true
			}
		case '`':
			l.templateString()
		}
		l.lastTok = l.pos
	}
	if l.templateDepth != -1 || l.openDepth != 0 {
		l.fail()
	}
}

func (l *lexer) backtrackStarExportBinding(b int) {
	for b >= 0 && l.at(b) == ' ' {
		b--
	}
	if l.at(b) != '=' {
		return
	}
	b--
	for b >= 0 && l.at(b) == ' ' {
		b--
	}
	idEnd := b
	identStart := false
	for b >= 0 {
		r, w := utf8.DecodeLastRuneInString(l.src[:b+1])
		if r == '\\' {
			return
		}
		if !isIdentChar(r) {
			break
		}
		identStart = isIdentStart(r)
		b -= w
	}
	if !identStart || l.at(b) != ' ' {
		return
	}
	id := l.src[b+1 : idEnd+1]
	for b >= 0 && l.at(b) == ' ' {
		b--
	}
	switch l.at(b) {
	case 'r':
		if !l.has("va", b-2) {
			return
		}
	case 't':
		if !l.has("le", b-2) && !l.has("cons", b-4) {
			return
		}
	default:
		return
	}
	if l.lastStarSet {
		l.starExports[id] = l.lastStarSpec
	} else {
		delete(l.starExports, id)
	}
}

const (
	reqImport = iota
	reqExportAssign
	reqExportStar
)

func (l *lexer) tryParseRequire(kind int) bool {
	revert := l.pos
	if !l.has("equire", l.pos+1) {
		return false
	}
	l.pos += 7
	ch := l.ws()
	if ch == '(' {
		l.pos++
		ch = l.ws()
		start := l.pos
		if ch == '\'' || ch == '"' {
			l.stringLiteral(ch)
			l.pos++
			end := l.pos
			ch = l.ws()
			if ch == ')' {
				spec, ok := decode(l.src[start:end])
				switch kind {
				case reqExportAssign, reqExportStar:
					if ok {
						l.reexports.add(spec)
					}
				default:
					l.lastStarSpec, l.lastStarSet = spec, ok
				}
				return true
			}
		}
	}
	l.pos = revert
	return false
}

func (l *lexer) tryParseModuleExportsDotAssign() {
	l.pos += 6
	revert := l.pos - 1
	ch := l.ws()
	if ch == '.' {
		l.pos++
		ch = l.ws()
		if ch == 'e' && l.has("xports", l.pos+1) {
			l.tryParseExportsDotAssign(true)
			return
		}
	}
	l.pos = revert
}

func (l *lexer) addExport(lit string) {
	if v, ok := decode(lit); ok {
		l.exports.add(v)
	}
}

func (l *lexer) tryParseExportsDotAssign(assign bool) {
	l.pos += 7
	revert := l.pos - 1
	ch := l.ws()
	switch ch {
	case '.':
		l.pos++
		l.ws()
		start := l.pos
		if l.identifier() {
			end := l.pos
			if l.ws() == '=' {
				l.addExport(l.src[start:end])
				return
			}
		}
	case '[':
		l.pos++
		ch = l.ws()
		if ch == '\'' || ch == '"' {
			start := l.pos
			l.stringLiteral(ch)
			l.pos++
			end := l.pos
			if l.ws() != ']' {
				break
			}
			l.pos++
			if l.ws() != '=' {
				break
			}
			l.addExport(l.src[start:end])
		}
	case '=':
		if assign {
			// a new module.exports: earlier re-exports no longer count
			l.reexports = orderedSet{}
			l.pos++
			ch = l.ws()
			if ch == '{' {
				l.tryParseLiteralExports()
				return
			}
			if ch == 'r' {
				l.tryParseRequire(reqExportAssign)
			}
		}
	}
	l.pos = revert
}

func (l *lexer) tryParseLiteralExports() {
	revert := l.pos - 1
	for l.pos++; l.pos <= l.end; l.pos++ {
		ch := l.ws()
		start := l.pos
		switch {
		case l.identifier():
			end := l.pos
			ch = l.ws()
			if ch == ':' {
				l.pos++
				l.ws()
				if !l.identifier() {
					l.pos = revert
					return
				}
				ch = l.at(l.pos)
			}
			l.addExport(l.src[start:end])
		case ch == '.' && l.has("..", l.pos+1):
			l.pos += 3
			if l.at(l.pos) == 'r' && l.tryParseRequire(reqExportAssign) {
				l.pos++
			} else if !l.identifier() {
				l.pos = revert
				return
			}
			ch = l.ws()
		case ch == '\'' || ch == '"':
			l.stringLiteral(ch)
			l.pos++
			end := l.pos
			ch = l.ws()
			if ch == ':' {
				l.pos++
				l.ws()
				if !l.identifier() {
					l.pos = revert
					return
				}
				ch = l.at(l.pos)
				l.addExport(l.src[start:end])
			}
		default:
			l.pos = revert
			return
		}
		if ch == '}' {
			return
		}
		if ch != ',' {
			l.pos = revert
			return
		}
	}
}

// readExportsOrModuleDotExports reads `exports` or `module.exports`.
func (l *lexer) readExports(ch int) bool {
	revert := l.pos
	if ch == 'm' && l.has("odule", l.pos+1) {
		l.pos += 6
		ch = l.ws()
		if ch != '.' {
			l.pos = revert
			return false
		}
		l.pos++
		ch = l.ws()
	}
	if ch == 'e' && l.has("xports", l.pos+1) {
		l.pos += 7
		return true
	}
	l.pos = revert
	return false
}

// word reads the literal text s at the position (after white space and
// comments), reporting whether it was there.
func (l *lexer) word(s string) bool {
	l.ws()
	if !l.has(s, l.pos) {
		return false
	}
	l.pos += len(s)
	return true
}

// optional reads s if it is next.
func (l *lexer) optional(s string) {
	if l.ws(); l.has(s, l.pos) {
		l.pos += len(s)
	}
}

func (l *lexer) tryParseObjectDefineOrKeys(keys bool) {
	l.pos += 6
	revert := l.pos - 1
	ch := l.ws()
	if ch != '.' {
		l.pos = revert
		return
	}
	l.pos++
	ch = l.ws()
	if ch == 'd' && l.has("efineProperty", l.pos+1) {
		expt, haveExpt := "", false
		func() {
			l.pos += 14
			revert = l.pos - 1
			if !l.word("(") {
				return
			}
			if !l.readExports(l.ws()) {
				return
			}
			if !l.word(",") {
				return
			}
			ch = l.ws()
			if ch != '\'' && ch != '"' {
				return
			}
			start := l.pos
			l.stringLiteral(ch)
			l.pos++
			expt, haveExpt = l.src[start:l.pos], true
			if !l.word(",") || !l.word("{") {
				return
			}
			ch = l.ws()
			if ch == 'e' {
				if !l.word("enumerable") || !l.word(":") || !l.word("true") || !l.word(",") {
					return
				}
				ch = l.ws()
			}
			if ch == 'v' {
				if !l.word("value") || !l.word(":") {
					return
				}
				l.addExport(expt)
				haveExpt = false
				l.pos = revert
				return
			}
			if ch != 'g' || !l.word("get") {
				return
			}
			if ch = l.ws(); ch == ':' {
				l.pos++
				if !l.word("function") {
					return
				}
				last := l.pos
				ch = l.ws()
				if ch != '(' && (last == l.pos || !l.identifier()) {
					return
				}
			}
			if !l.word("(") || !l.word(")") || !l.word("{") || !l.word("return") {
				return
			}
			l.ws()
			if !l.identifier() {
				return
			}
			ch = l.ws()
			if ch == '.' {
				l.pos++
				l.ws()
				if !l.identifier() {
					return
				}
			} else if ch == '[' {
				l.pos++
				ch = l.ws()
				if ch != '\'' && ch != '"' {
					return
				}
				l.stringLiteral(ch)
				l.pos++
				if !l.word("]") {
					return
				}
			}
			l.optional(";")
			if !l.word("}") {
				return
			}
			l.optional(",")
			if !l.word("}") {
				return
			}
			if l.ws() != ')' {
				return
			}
			l.addExport(expt)
			haveExpt = false
		}()
		if haveExpt {
			if v, ok := decode(expt); ok {
				l.unsafe[v] = true
			}
		}
		l.pos = revert
		return
	}
	if keys && ch == 'k' && l.has("eys", l.pos+1) {
		l.tryParseKeysForEach(&revert)
	}
	l.pos = revert
}

// tryParseKeysForEach reads the star re-export loop transpilers write:
// Object.keys(m).forEach(function (k) { if (k === 'default' || ...) return;
// ... exports[k] = m[k] or Object.defineProperty(exports, k, {...}) }).
func (l *lexer) tryParseKeysForEach(revert *int) {
	l.pos += 4
	*revert = l.pos - 1
	if !l.word("(") {
		return
	}
	l.ws()
	idStart := l.pos
	if !l.identifier() {
		return
	}
	id := l.src[idStart:l.pos]
	if l.ws() != ')' {
		return
	}
	*revert = l.pos
	l.pos++
	if !l.word(".") || !l.word("forEach") {
		return
	}
	l.ws()
	*revert = l.pos - 1
	if !l.word("(") || !l.word("function") || !l.word("(") {
		return
	}
	l.ws()
	itStart := l.pos
	if !l.identifier() {
		return
	}
	it := l.src[itStart:l.pos]
	if !l.word(")") || !l.word("{") || !l.word("if") || !l.word("(") || !l.word(it) {
		return
	}
	ch := l.ws()
	switch ch {
	case '=':
		if !l.word("===") || !l.quoted("default") || !l.word("||") || !l.word(it) || !l.word("===") || !l.quoted("__esModule") || !l.word(")") || !l.word("return") {
			return
		}
		l.optional(";")
		if l.ws() == 'i' && l.at(l.pos+1) == 'f' {
			inIf := true
			l.pos += 2
			if !l.word("(") {
				return
			}
			inner := l.pos
			if l.tryParseObjectHasOwnProperty(it) {
				if !l.word(")") || !l.word("return") {
					return
				}
				l.optional(";")
				if l.ws() == 'i' && l.at(l.pos+1) == 'f' {
					l.pos += 2
					if !l.word("(") {
						return
					}
				} else {
					inIf = false
				}
			} else {
				l.pos = inner
			}
			if inIf {
				if !l.word(it) || !l.word("in") {
					return
				}
				if l.at(l.pos) != ' ' {
					return // the lexer reads `in `
				}
				if !l.readExports(l.ws()) || !l.word("&&") || !l.readExports(l.ws()) || !l.word("[") || !l.word(it) || !l.word("]") ||
					!l.word("===") || !l.word(id) || !l.word("[") || !l.word(it) || !l.word("]") || !l.word(")") || !l.word("return") {
					return
				}
				l.optional(";")
			}
		}
	case '!':
		if !l.word("!==") || !l.quoted("default") {
			return
		}
		if l.ws() == '&' {
			if !l.word("&&") || !l.word("!") {
				return
			}
			ch = l.ws()
			if ch == 'O' && l.has("bject", l.pos+1) && l.at(l.pos+6) == '.' {
				if !l.tryParseObjectHasOwnProperty(it) {
					return
				}
			} else if l.identifier() {
				if !l.word(".") || !l.word("hasOwnProperty") || !l.word("(") || !l.word(it) || !l.word(")") {
					return
				}
			} else {
				return
			}
		}
		if !l.word(")") {
			return
		}
	default:
		return
	}
	ch = l.ws()
	if l.readExports(ch) {
		if !l.word("[") || !l.word(it) || !l.word("]") || !l.word("=") || !l.word(id) || !l.word("[") || !l.word(it) || !l.word("]") {
			return
		}
		l.optional(";")
	} else if ch == 'O' {
		if !l.word("Object") || !l.word(".") || !l.word("defineProperty") || !l.word("(") || !l.readExports(l.ws()) || !l.word(",") || !l.word(it) ||
			!l.word(",") || !l.word("{") || !l.word("enumerable") || !l.word(":") || !l.word("true") || !l.word(",") || !l.word("get") {
			return
		}
		if l.ws() == ':' {
			l.pos++
			if !l.word("function") {
				return
			}
			last := l.pos
			ch = l.ws()
			if ch != '(' && (last == l.pos || !l.identifier()) {
				return
			}
		}
		if !l.word("(") || !l.word(")") || !l.word("{") || !l.word("return") || !l.word(id) || !l.word("[") || !l.word(it) || !l.word("]") {
			return
		}
		l.optional(";")
		if !l.word("}") {
			return
		}
		l.optional(",")
		if !l.word("}") || !l.word(")") {
			return
		}
		l.optional(";")
	} else {
		return
	}
	if !l.word("}") || l.ws() != ')' {
		return
	}
	if spec, ok := l.starExports[id]; ok {
		l.reexports.add(spec)
	}
}

// quoted reads 'word' or "word".
func (l *lexer) quoted(word string) bool {
	q := l.ws()
	if q != '"' && q != '\'' || !l.has(word, l.pos+1) || l.at(l.pos+1+len(word)) != q {
		return false
	}
	l.pos += len(word) + 2
	return true
}

// tryParseObjectHasOwnProperty reads Object(.prototype)?.hasOwnProperty.call(x, it).
func (l *lexer) tryParseObjectHasOwnProperty(it string) bool {
	if !l.word("Object") || !l.word(".") {
		return false
	}
	if l.ws() == 'p' {
		if !l.word("prototype") || !l.word(".") {
			return false
		}
	}
	if !l.word("hasOwnProperty") || !l.word(".") || !l.word("call") || !l.word("(") {
		return false
	}
	l.ws()
	if !l.identifier() || !l.word(",") || !l.word(it) || !l.word(")") {
		return false
	}
	return true
}

func (l *lexer) throwIfImportStatement() {
	start := l.pos
	l.pos += 6
	ch := l.ws()
	switch ch {
	case '(':
		l.push(start)
		return
	case '.':
		l.fail() // import.meta
	case '"', '\'', '{', '*':
	default:
		if l.pos == start+6 {
			return // no space after import: no keyword
		}
	}
	if l.openDepth != 0 {
		l.pos--
		return
	}
	l.fail() // an import statement
}

func (l *lexer) throwIfExportStatement() {
	l.pos += 6
	cur := l.pos
	ch := l.ws()
	if l.pos == cur && !isPunctuator(ch) {
		return
	}
	l.fail()
}

// ws skips white space and comments, returning the next character.
func (l *lexer) ws() int {
	var ch int
	for ; l.pos <= l.end; l.pos++ {
		ch = l.at(l.pos)
		if ch == '/' {
			switch l.at(l.pos + 1) {
			case '/':
				l.lineComment()
				continue
			case '*':
				l.blockComment()
				continue
			}
			return ch
		}
		if !isBrOrWsAt(l.src, l.pos) {
			return ch
		}
		if l.src[l.pos] == 0xC2 { // NBSP is two bytes
			l.pos++
		}
	}
	return ch
}

func (l *lexer) templateString() {
	for l.pos++; l.pos <= l.end; l.pos++ {
		switch l.src[l.pos] {
		case '$':
			if l.at(l.pos+1) == '{' {
				l.pos++
				l.templateStack = append(l.templateStack, l.templateDepth)
				l.push(0)
				l.templateDepth = l.openDepth
				return
			}
		case '`':
			return
		case '\\':
			l.pos++
		}
	}
	l.fail()
}

func (l *lexer) blockComment() {
	l.pos++
	for l.pos++; l.pos <= l.end; l.pos++ {
		if l.src[l.pos] == '*' && l.at(l.pos+1) == '/' {
			l.pos++
			return
		}
	}
}

func (l *lexer) lineComment() {
	for l.pos++; l.pos <= l.end; l.pos++ {
		if c := l.src[l.pos]; c == '\n' || c == '\r' {
			return
		}
	}
}

func (l *lexer) stringLiteral(q int) {
	for l.pos++; l.pos <= l.end; l.pos++ {
		ch := int(l.src[l.pos])
		if ch == q {
			return
		}
		if ch == '\\' {
			l.pos++
			if l.at(l.pos) == '\r' && l.at(l.pos+1) == '\n' {
				l.pos++
			}
		} else if ch == '\n' || ch == '\r' {
			break
		}
	}
	l.fail()
}

func (l *lexer) regexClass() {
	for l.pos++; l.pos <= l.end; l.pos++ {
		switch l.src[l.pos] {
		case ']':
			return
		case '\\':
			l.pos++
		case '\n', '\r':
			l.fail()
		}
	}
	l.fail()
}

func (l *lexer) regularExpression() {
	for l.pos++; l.pos <= l.end; l.pos++ {
		switch l.src[l.pos] {
		case '/':
			return
		case '[':
			l.regexClass()
		case '\\':
			l.pos++
		case '\n', '\r':
			l.fail()
		}
	}
	l.fail()
}

// identifier reads an identifier (no escapes) at the position.
func (l *lexer) identifier() bool {
	if l.pos > l.end {
		return false
	}
	r, w := utf8.DecodeRuneInString(l.src[l.pos:])
	if !isIdentStart(r) {
		return false
	}
	l.pos += w
	for l.pos <= l.end {
		r, w = utf8.DecodeRuneInString(l.src[l.pos:])
		if isIdentChar(r) {
			l.pos += w
			continue
		}
		if r == '\\' {
			return false
		}
		break
	}
	return true
}

func isIdentStart(r rune) bool {
	if r < 0x80 {
		return r == '$' || r == '_' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'
	}
	return unicode.IsLetter(r) || unicode.Is(unicode.Nl, r) || unicode.Is(unicode.Other_ID_Start, r)
}

func isIdentChar(r rune) bool {
	if r < 0x80 {
		return isIdentStart(r) || r >= '0' && r <= '9'
	}
	return isIdentStart(r) || unicode.In(r, unicode.Mn, unicode.Mc, unicode.Nd, unicode.Pc) || r == 0x200C || r == 0x200D || unicode.Is(unicode.Other_ID_Continue, r)
}

func isBrOrWs(c int) bool { return c > 8 && c < 14 || c == 32 }

// isBrOrWsAt: also NBSP (U+00A0, which the lexer counts as white space).
func isBrOrWsAt(s string, i int) bool {
	c := s[i]
	return isBrOrWs(int(c)) || c == 0xC2 && i+1 < len(s) && s[i+1] == 0xA0
}

func isPunctuator(ch int) bool {
	return ch == '!' || ch == '%' || ch == '&' || ch > 39 && ch < 48 || ch > 57 && ch < 64 ||
		ch == '[' || ch == ']' || ch == '^' || ch > 122 && ch < 127
}

func isExpressionPunctuator(ch int) bool {
	return ch == '!' || ch == '%' || ch == '&' || ch > 39 && ch < 47 && ch != 41 || ch > 57 && ch < 64 ||
		ch == '[' || ch == '^' || ch > 122 && ch < 127 && ch != '}'
}

func (l *lexer) keywordStart(p int) bool {
	if p == 0 {
		return true
	}
	c := l.at(p - 1)
	if c == 0xA0 && p >= 2 && l.at(p-2) == 0xC2 {
		return true
	}
	return isBrOrWs(c) || isPunctuator(c) && c != '.'
}

// precededBy: the word ending at p is w, as a whole word. As in the
// lexer, a word at the very start of the source counts only for in, do,
// new, else and case (the others' boundary test reads before the start).
func (l *lexer) precededBy(p int, w string) bool {
	start := p - len(w) + 1
	if start < 0 || !l.has(w, start) {
		return false
	}
	if start == 0 {
		switch w {
		case "in", "do", "new", "else", "case":
			return true
		}
		return false
	}
	return l.keywordStart(start)
}

func (l *lexer) isExpressionKeyword(p int) bool {
	for _, w := range expressionKeywords {
		if l.precededBy(p, w) {
			return true
		}
	}
	return false
}

var expressionKeywords = []string{"case", "debugger", "delete", "do", "else", "in", "instanceof", "new", "return", "throw", "typeof", "void", "yield", "await"}

func (l *lexer) isParenKeyword(p int) bool {
	return l.at(p) == 'e' && l.has("whil", p-4) || l.at(p) == 'r' && l.has("fo", p-2) || l.at(p-1) == 'i' && l.at(p) == 'f'
}

func (l *lexer) isExpressionTerminator(p int) bool {
	switch l.at(p) {
	case '>':
		return l.at(p-1) == '='
	case ';', ')':
		return true
	case 'h':
		return l.has("catc", p-4)
	case 'y':
		return l.has("finall", p-6)
	case 'e':
		return l.has("els", p-3)
	}
	return false
}

// decode is the value of an export name: an identifier as written, or a
// string literal's value (false for one with unpaired surrogates).
func decode(s string) (string, bool) {
	if s == "" || s[0] != '"' && s[0] != '\'' {
		return s, true
	}
	if hasLoneSurrogate(s) {
		return "", false
	}
	return jslex.StringValue(s), true
}

// hasLoneSurrogate reports a \uD800-\uDFFF escape not part of a pair.
func hasLoneSurrogate(s string) bool {
	for i := 0; i+5 < len(s); i++ {
		if s[i] != '\\' {
			continue
		}
		if s[i+1] != 'u' {
			i++
			continue
		}
		hi := hex4(s[i+2:])
		if hi < 0xD800 || hi > 0xDFFF {
			continue
		}
		if hi >= 0xDC00 {
			return true
		}
		if i+11 < len(s) && s[i+6] == '\\' && s[i+7] == 'u' {
			if lo := hex4(s[i+8:]); lo >= 0xDC00 && lo <= 0xDFFF {
				i += 11
				continue
			}
		}
		return true
	}
	return false
}

func hex4(s string) int {
	if len(s) < 4 {
		return -1
	}
	n := 0
	for _, c := range s[:4] {
		switch {
		case c >= '0' && c <= '9':
			n = n*16 + int(c-'0')
		case c >= 'a' && c <= 'f':
			n = n*16 + int(c-'a'+10)
		case c >= 'A' && c <= 'F':
			n = n*16 + int(c-'A'+10)
		default:
			return -1
		}
	}
	return n
}
