package engine

import "strings"

// sobek's parser and compiler recurse on the Go stack once per level of
// nesting, and Go's stack exhaustion is fatal: every source handed to the
// parser is scanned first (core.CheckNesting for contexts, the sandbox's
// compile, the realm's parser hook for eval and the Function constructors).
//
// Nesting is not only brackets: `a:a:...`, `x=>x=>...`, `!!!...`,
// `new new ...`, `a?b:a?b:...`, `a=a=...`, `if(1)if(1)...`, `else if`,
// `class extends class extends ...` recurse without one, and sobek is
// quadratic or worse in several of them. So the scan is a small tokenizer
// that estimates what V8's parser and bytecode generator need of their
// stack: each construct costs what V8 spends on one level of it (measured
// with node v20: V8's stack gives out after 1,076 nested arrow functions,
// 1,642 parentheses, 12,475 `!` ...; cost = 10^6 / that depth), summed
// over the constructs open at a point. A source that would exhaust V8's
// stack is refused, as V8 refuses it; that also bounds sobek's recursion.
//
// Which constructs are open is read conservatively: a `;`, a `,`, the end
// of a bracket, a word after a complete operand (a new statement) end what
// they end in JavaScript's grammar; an `else` resumes the `if` it belongs
// to. Quoted strings, comments, regex literals and template text are
// skipped.

// V8StackBudget is V8's parser stack in the units of the costs below.
const V8StackBudget = 1_000_000

// Costs of one level of each construct (10^6 / V8's depth for a chain of
// it, node v20, new vm.Script).
const (
	costParen     = 609 // ( ... )
	costCallParen = 512 // f( ... ): with costCall, 1,388 nested calls
	costBracket   = 497 // [ ... ]
	costBrace     = 352 // { ... } block
	costFuncBody  = 609 // function f() { ... }
	costObject    = 720 // { a: ... } object literal
	costTemplate  = 545 // `${ ... }`
	costArrow     = 929 // x => ...
	costArrowBody = 449 // x => { ... }: with costBrace, 1,248 levels
	costUnary     = 80  // ! ~ ++ --
	costSign      = 95  // - +: V8 takes 12,475, but sobek's constant folding is quadratic in them
	costTypeof    = 112 // typeof, void
	costDelete    = 208
	costAwait     = 96
	costNew       = 176
	costCond      = 385 // a ? ...
	costAssign    = 192 // a = ...
	costCompound  = 224 // a += ...
	costYield     = 144
	costYieldStar = 512
	costExp       = 160 // a ** ...
	costRelation  = 160 // a < ..., a == ..., a in ... (V8 does not flatten these)
	costStrictEq  = 256 // a === ..., a !== ...
	costMember    = 144 // a.b, a[b], a?.b
	costCall      = 208 // a(), a``
	costExtends   = 416 // class extends ...
	costIf        = 624
	costWhile     = 240
	costFor       = 609
	costForIn     = 847
	costWith      = 160
	costDo        = 752
	costLabel     = 192
)

// MaxBinaryChain bounds a chain of left-associative binary operators at
// one level (`a+a+...+a`): V8 flattens these and takes millions, but
// sobek's compiler is quadratic in the chain (each level re-walks its left
// operand: 10,000 terms take about a second).
const MaxBinaryChain = 4000

// MaxArrowParamNesting bounds arrow functions nested in the parenthesised
// parameters of arrow functions (`(a = (b = (c) => 1) => 1) => 1`): sobek
// parses such a list as an expression, then again as parameters, so each
// level doubles the work (20 levels take seconds). V8 takes about 1,200.
const MaxArrowParamNesting = 12

// dupLabelChain is the length of a chain of labels from which a repeated
// name is reported by the scan (V8's early SyntaxError; sobek compares
// every label with every enclosing one and reports each pair).
const dupLabelChain = 16

// NestingProblem is what ScanNesting found.
type NestingProblem int

const (
	NestingOK       NestingProblem = iota
	NestingTooDeep                 // V8 runs out of stack: RangeError
	NestingDupLabel                // a label inside a label of the same name: SyntaxError
	NestingCaptures                // a regex literal with more than MaxCaptures groups: SyntaxError
)

// NestingResult is ScanNesting's answer. For NestingDupLabel, Label is the
// name and Offset the byte offset of the second label; for
// NestingCaptures, Label is V8's message and Offset the literal's.
type NestingResult struct {
	Problem NestingProblem
	Label   string
	Offset  int
	// SetOrIndexFlags: a regex literal has the d or v flag (regexplit.go)
	SetOrIndexFlags bool
}

// NestingExceeds reports whether src nests deeper than maxParens levels of
// parentheses would (the sandbox's bound), or repeats a label in a chain.
func NestingExceeds(src string, maxParens int) bool {
	return ScanNesting(src, maxParens*costParen).Problem != NestingOK
}

// level is the state of the scan at one bracket level.
type level struct {
	kind     byte // 0 top, '(' '[' '{' (block, body), 'o' (object, class body), '$' (template substitution)
	hk       byte // for '(': 'h' statement head, 'f' for head, 'p' function parameters
	head     int  // for 'h': the cost the head's statement adds when it closes
	base     int  // cost of everything enclosing this level, its own bracket included
	stmt     int  // open statement prefixes (labels, if (...), else, do ...)
	lastStmt int  // stmt before the last `;`: an `else` resumes it
	expr     int  // open expression prefixes (=, =>, ?, yield, extends)
	rel      int  // open relational and equality operators
	operand  int  // open operand prefixes and postfixes (!, new, a.b, a(), **)
	bin      int  // left-associative binary operators in the current chain
	classes  int  // class keywords whose body has not opened yet
	cases    int  // case keywords whose colon has not come yet
	arrows   int  // deepest arrow-parameter nesting inside this level
	sawIn    bool // an `in` or `of` at this level (a for head)
	labels   []string
	labelSet map[string]bool // labels, once the chain is long
	dupLabel string
	dupAt    int
}

func (l *level) total() int { return l.base + l.stmt + l.expr + l.rel + l.operand }

// endStatement is the end of a statement at this level.
func (l *level) endStatement() {
	l.lastStmt = l.stmt
	l.stmt, l.expr, l.rel, l.operand, l.bin = 0, 0, 0, 0, 0
	l.labels, l.labelSet, l.dupLabel = l.labels[:0], nil, ""
}

var identBytes = func() (t [256]bool) {
	for c := 0; c < 256; c++ {
		t[c] = c == '_' || c == '$' || c == '\\' || c >= 0x80 ||
			('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z') || ('0' <= c && c <= '9')
	}
	return t
}()

func isIdentByte(c byte) bool { return identBytes[c] }

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// ScanNesting estimates V8's parser stack for src and reports a source
// that exceeds budget (V8StackBudget is V8's), a binary chain past
// MaxBinaryChain, arrow parameters nested past MaxArrowParamNesting, or a
// chain of labels that repeats a name.
func ScanNesting(src string, budget int) NestingResult {
	s := scanner{src: src, budget: budget}
	return s.run()
}

type scanner struct {
	src    string
	budget int
	stack  []level
	cur    level
	// where the scan is in the grammar
	operandNext bool // an operand may start here: `/` is a regex, `+` unary, `{` an object
	stmtStart   bool // a statement may start here
	nl          bool // a line break since the last token
	prev        byte // last token: 'n' operand, 'k' keyword, 'L' label, 'A' arrow, or the punctuator
	prevWord    string
	// what a keyword announced for the next token
	pendingHead int  // a statement head's cost
	headKind    byte // 'h', or 'f' for `for`: the next `(` opens a statement head
	pendingFunc bool // the next `(` opens function parameters
	bodyNext    bool // the next `{` is a function body
	nameNext    bool // the next word is a name (after `.`, `function`, `class`)
	lastParen   int  // arrow nesting inside the `(...)` just closed
	res         NestingResult
	failed      bool
}

func (s *scanner) fail(p NestingProblem) {
	if s.failed {
		return
	}
	s.failed = true
	if s.cur.dupLabel != "" {
		// V8 reports the repeated label before it runs out of stack
		s.res = NestingResult{Problem: NestingDupLabel, Label: s.cur.dupLabel, Offset: s.cur.dupAt}
		return
	}
	s.res = NestingResult{Problem: p}
}

func (s *scanner) check() {
	if s.cur.total() > s.budget {
		s.fail(NestingTooDeep)
	}
}

func (s *scanner) push(kind byte, cost int) {
	base := s.cur.total() + cost
	s.stack = append(s.stack, s.cur)
	s.cur = level{kind: kind, base: base}
	s.check()
}

// pop closes the current level when closer matches it and reports whether
// it did (a stray closer is ignored, which can only over-estimate).
func (s *scanner) pop(closer byte) (level, bool) {
	if len(s.stack) == 0 {
		return level{}, false
	}
	k := s.cur.kind
	if (closer == ')' && k != '(') || (closer == ']' && k != '[') || (closer == '}' && k != '{' && k != 'o' && k != '$') {
		return level{}, false
	}
	done := s.cur
	s.cur = s.stack[len(s.stack)-1]
	s.stack = s.stack[:len(s.stack)-1]
	if done.arrows > s.cur.arrows {
		s.cur.arrows = done.arrows
	}
	return done, true
}

// newStatement: a token that cannot continue the expression before it
// starts a new statement (automatic semicolon insertion, or a syntax error).
func (s *scanner) newStatement() {
	s.cur.endStatement()
	s.operandNext, s.stmtStart = true, true
}

func (s *scanner) operandPrefix(cost int) {
	if !s.operandNext {
		s.newStatement()
	}
	s.cur.operand += cost
	s.check()
	s.operandNext, s.stmtStart = true, false
}

func (s *scanner) exprPrefix(cost int) {
	s.cur.operand, s.cur.rel, s.cur.bin = 0, 0, 0
	s.cur.expr += cost
	s.check()
	s.operandNext, s.stmtStart = true, false
}

func (s *scanner) binary() {
	s.cur.operand = 0
	s.cur.bin++
	if s.cur.bin > MaxBinaryChain {
		s.fail(NestingTooDeep)
	}
	s.operandNext, s.stmtStart = true, false
}

// logical is a binary operator of lower precedence than the relations.
func (s *scanner) logical() {
	s.cur.rel = 0
	s.binary()
}

// equality charges ==, ===, != or !== (given the operator's second and
// third bytes) and returns its length, or 0 when it is none of them.
func (s *scanner) equality(b1, b2 byte) int {
	if b1 != '=' {
		return 0
	}
	if b2 == '=' {
		s.relation(costStrictEq)
		return 3
	}
	s.relation(costRelation)
	return 2
}

func (s *scanner) relation(cost int) {
	s.cur.operand = 0
	s.cur.rel += cost
	s.check()
	s.operandNext, s.stmtStart = true, false
}

// operand: a literal or a name was read.
func (s *scanner) operand() {
	if !s.operandNext {
		s.newStatement()
	}
	s.operandNext, s.stmtStart = false, false
	s.prev = 'n'
}

func (s *scanner) run() NestingResult {
	src := s.src
	n := len(src)
	s.operandNext, s.stmtStart = true, true
	i := 0
	if len(src) >= 2 && src[0] == '#' && src[1] == '!' {
		for i < n && src[i] != '\n' {
			i++
		}
	}
	for i < n && !s.failed {
		c := src[i]
		switch {
		case c == '\n' || c == '\r':
			s.nl = true
			i++
			continue
		case c == ' ' || c == '\t' || c == '\f' || c == '\v':
			i++
			continue
		case c == '/' && i+1 < n && src[i+1] == '/':
			for i < n && src[i] != '\n' {
				i++
			}
			continue
		case c == '/' && i+1 < n && src[i+1] == '*':
			for i += 2; i+1 < n && !(src[i] == '*' && src[i+1] == '/'); i++ {
				if src[i] == '\n' {
					s.nl = true
				}
			}
			i += 2
			continue
		}
		start := i
		switch {
		case isIdentByte(c) && !isDigit(c):
			for i < n && isIdentByte(src[i]) {
				if src[i] == '\\' {
					i++ // \uXXXX or \u{...}
					if i+1 < n && src[i] == 'u' && src[i+1] == '{' {
						for i < n && src[i] != '}' {
							i++
						}
					}
				}
				i++
			}
			if i > n {
				i = n
			}
			s.word(src[start:i], i)
		case isDigit(c) || (c == '.' && i+1 < n && isDigit(src[i+1])):
			hex := c == '0' && i+1 < n && (src[i+1]|0x20 == 'x')
			for i < n && (isIdentByte(src[i]) || src[i] == '.') {
				if !hex && src[i]|0x20 == 'e' && i+1 < n && (src[i+1] == '+' || src[i+1] == '-') {
					i++
				}
				i++
			}
			s.operand()
		case c == '"' || c == '\'':
			for i++; i < n && src[i] != c && src[i] != '\n'; i++ {
				if src[i] == '\\' {
					i++
				}
			}
			i++
			s.operand()
		case c == '`':
			if !s.operandNext {
				s.cur.operand += costCall // a tagged template
				s.check()
			}
			i = s.templateText(i + 1)
		case c == '/' && s.operandNext:
			i = skipRegExp(src, i)
			if i-start > 2*MaxCaptures {
				s.captures(start, i)
			}
			s.regexpEarly(start, i)
			if lit := src[start:i]; strings.ContainsAny(lit[strings.LastIndexByte(lit, '/')+1:], "dv") {
				s.res.SetOrIndexFlags = true
			}
			s.operand()
		default:
			i = s.punct(i)
			continue
		}
		s.nl = false
	}
	return s.res
}

// captures fails a regex literal src[start:end] with too many groups
// (regexpcaptures.go).
func (s *scanner) captures(start, end int) {
	lit := s.src[start:end]
	j := strings.LastIndexByte(lit, '/')
	if j <= 0 || !TooManyCaptures(lit[1:j]) || s.failed {
		return
	}
	s.failed = true
	s.res = NestingResult{Problem: NestingCaptures, Label: TooManyCapturesMessage(lit[1:j], lit[j+1:]), Offset: start}
}

// regexpEarly fails a regex literal src[start:end] whose pattern V8
// refuses when it parses the script (an early SyntaxError, where sobek
// would throw when the literal is evaluated, or never): a v-flag pattern
// (regexpsets.go), a u-flag pattern with an unknown \p{..}.
func (s *scanner) regexpEarly(start, end int) {
	if s.failed || end-start < 3 {
		return
	}
	lit := s.src[start:end]
	j := strings.LastIndexByte(lit, '/')
	if j <= 0 {
		return
	}
	p, flags := lit[1:j], lit[j+1:]
	if !validFlags(flags) || strings.Contains(flags, "u") && strings.Contains(flags, "v") {
		s.failed = true
		s.res = NestingResult{Problem: NestingCaptures, Label: "Invalid regular expression flags", Offset: start}
		return
	}
	if !strings.ContainsAny(flags, "uv") {
		return
	}
	var bad string
	if strings.Contains(flags, "v") {
		_, bad = translateUnicodeSets(p, flags)
	} else if strings.Contains(p, `\p`) || strings.Contains(p, `\P`) {
		_, bad = expandProperties(p)
	}
	if bad == "" {
		return
	}
	s.failed = true
	s.res = NestingResult{Problem: NestingCaptures, Label: "Invalid regular expression: " + lit + ": " + bad, Offset: start}
}

// RegExpLiteralAt returns the regex literal (/pattern/flags) of src that
// starts at offset i, or false.
// terminated is false when the literal runs to the end of its line with
// no closing '/' (V8: "Invalid regular expression: missing /").
func RegExpLiteralAt(src string, i int) (pattern, flags string, terminated, ok bool) {
	if i < 0 || i >= len(src) || src[i] != '/' {
		return "", "", false, false
	}
	inClass := false
	for k := i + 1; k < len(src) && src[k] != '\n' && src[k] != '\r'; k++ {
		switch src[k] {
		case '\\':
			k++
		case '[':
			inClass = true
		case ']':
			inClass = false
		case '/':
			if !inClass {
				e := k + 1
				for e < len(src) && isIdentByte(src[e]) {
					e++
				}
				return src[i+1 : k], src[k+1 : e], true, true
			}
		}
	}
	return "", "", false, true
}

// skipRegExp returns the end of the regex literal that starts at i.
func skipRegExp(src string, i int) int {
	n := len(src)
	inClass := false
	for i++; i < n && src[i] != '\n'; i++ {
		switch src[i] {
		case '\\':
			i++
		case '[':
			inClass = true
		case ']':
			inClass = false
		case '/':
			if !inClass {
				for i++; i < n && isIdentByte(src[i]); i++ {
				}
				return i
			}
		}
	}
	return i
}

// templateText scans template text from i to its end or to a
// substitution, which opens a level; it returns where the scan goes on.
func (s *scanner) templateText(i int) int {
	src := s.src
	n := len(src)
	for ; i < n; i++ {
		switch src[i] {
		case '\\':
			i++
		case '`':
			s.operandNext, s.stmtStart = false, false
			s.prev = 'n'
			return i + 1
		case '$':
			if i+1 < n && src[i+1] == '{' {
				s.push('$', costTemplate)
				s.operandNext, s.stmtStart = true, false
				s.prev = '{'
				return i + 2
			}
		}
	}
	s.operandNext, s.stmtStart = false, false
	return n
}

// nextToken returns the first byte of the next token after i on this line
// and, if it is a word, the word.
func nextToken(src string, i int) (byte, string) {
	for ; i < len(src); i++ {
		if c := src[i]; c != ' ' && c != '\t' {
			j := i
			for j < len(src) && isIdentByte(src[j]) {
				j++
			}
			return c, src[i:j]
		}
	}
	return 0, ""
}

func (s *scanner) word(w string, end int) {
	l := &s.cur
	prev, prevWord := s.prev, s.prevWord
	s.prevWord = ""
	if s.nameNext {
		// a property name after `.`, or the name of a function or class
		s.nameNext = false
		s.operandNext, s.stmtStart = s.pendingFunc, false // `function f(`: parameters follow
		s.prev = 'n'
		return
	}
	s.prev, s.prevWord = 'k', w
	next, nextWord := nextToken(s.src, end)
	if s.headKind != 0 && w == "await" {
		return // for await (
	}
	s.pendingHead, s.headKind, s.pendingFunc = 0, 0, false
	switch w {
	case "in", "instanceof", "of":
		if !s.operandNext {
			if w != "instanceof" {
				l.sawIn = true
			}
			if w == "of" {
				s.logical()
			} else {
				s.relation(costRelation)
			}
			return
		}
	case "extends":
		if l.classes > 0 {
			s.exprPrefix(costExtends)
			return
		}
	case "else":
		if prev == ';' && prevWord == "" {
			l.stmt = l.lastStmt
		}
		s.operandNext, s.stmtStart = true, true
		return
	case "catch", "finally":
		s.operandNext, s.stmtStart = true, true
		if w == "catch" && next == '(' {
			s.headKind = 'h'
		}
		return
	}
	if !s.operandNext {
		s.newStatement()
	}
	switch w {
	case "if", "while", "for", "with", "switch":
		if next != '(' && !(w == "for" && nextWord == "await") {
			break
		}
		s.pendingHead, s.headKind = 0, 'h'
		switch w {
		case "if":
			s.pendingHead = costIf
		case "while":
			s.pendingHead = costWhile
		case "with":
			s.pendingHead = costWith
		case "for":
			s.headKind = 'f'
		}
		s.operandNext, s.stmtStart = true, false
		return
	case "do":
		l.stmt += costDo
		s.check()
		s.operandNext, s.stmtStart = true, true
		return
	case "try":
		s.operandNext, s.stmtStart = true, true
		return
	case "function":
		s.pendingFunc = true
		s.nameNext = next != '(' && next != '*'
		s.operandNext, s.stmtStart = true, false
		return
	case "class":
		l.classes++
		s.nameNext = next != '{' && nextWord != "extends"
		s.operandNext, s.stmtStart = true, false
		return
	case "typeof", "void":
		s.operandPrefix(costTypeof)
		return
	case "delete":
		s.operandPrefix(costDelete)
		return
	case "await":
		s.operandPrefix(costAwait)
		return
	case "new":
		if next == '.' {
			break // new.target
		}
		s.operandPrefix(costNew)
		return
	case "yield":
		if next == '*' {
			s.exprPrefix(costYieldStar)
		} else {
			s.exprPrefix(costYield)
		}
		return
	case "return", "throw", "var", "const", "export", "break", "continue", "debugger":
		s.operandNext, s.stmtStart = true, false
		return
	case "import":
		if next == '(' || next == '.' {
			break
		}
		s.operandNext, s.stmtStart = true, false
		return
	case "let":
		if next == '[' || next == '{' || (nextWord != "" && !isDigit(next)) {
			s.operandNext, s.stmtStart = true, false
			return
		}
	case "case":
		l.cases++
		s.operandNext, s.stmtStart = true, false
		return
	case "default":
		if next == ':' {
			l.cases++
		}
		s.operandNext, s.stmtStart = true, false
		return
	case "async":
		if next == '(' || (nextWord != "" && !isDigit(next)) {
			s.operandNext, s.stmtStart = true, false // async x =>, async (...) =>, async function
			return
		}
	}
	// a name (or this, null, true, super ...); a label when a colon follows
	// at the start of a statement
	if s.stmtStart && next == ':' {
		if l.dupLabel == "" {
			seen := l.labelSet[w]
			if l.labelSet == nil {
				for _, name := range l.labels {
					seen = seen || name == w
				}
				if len(l.labels) >= 32 {
					l.labelSet = make(map[string]bool, 2*len(l.labels))
					for _, name := range l.labels {
						l.labelSet[name] = true
					}
				}
			}
			if seen {
				l.dupLabel, l.dupAt = w, end-len(w)
			}
		}
		if l.labelSet != nil {
			l.labelSet[w] = true
		} else {
			l.labels = append(l.labels, w)
		}
		if l.dupLabel != "" && len(l.labels) >= dupLabelChain {
			s.fail(NestingDupLabel)
		}
		l.stmt += costLabel
		s.check()
		s.prev = 'L'
		s.operandNext, s.stmtStart = false, false
		return
	}
	s.operandNext, s.stmtStart = false, false
	s.prev = 'n'
}

// punct handles the punctuator at i and returns the index after it.
func (s *scanner) punct(i int) int {
	src := s.src
	n := len(src)
	c := src[i]
	at := func(k int) byte {
		if i+k < n {
			return src[i+k]
		}
		return 0
	}
	l := &s.cur
	prev, prevWord := s.prev, s.prevWord
	s.prev, s.prevWord = c, ""
	nl := s.nl
	s.nl = false
	if c != '(' {
		// a keyword's announcement holds for the very next token only
		s.pendingHead, s.headKind = 0, 0
		if c != '*' {
			s.pendingFunc = false
		}
	}
	if c != '{' {
		s.bodyNext = false
	}
	switch c {
	case '(':
		switch {
		case s.headKind != 0:
			cost, kind := s.pendingHead, s.headKind
			s.pendingHead, s.headKind = 0, 0
			s.push('(', costParen)
			s.cur.head, s.cur.hk = cost, kind
		case s.pendingFunc:
			s.pendingFunc = false
			s.push('(', costParen)
			s.cur.hk = 'p'
		case !s.operandNext:
			l.operand += costCall
			s.push('(', costCallParen)
		default:
			s.push('(', costParen)
		}
		s.operandNext, s.stmtStart = true, false
		return i + 1
	case ')':
		done, ok := s.pop(')')
		s.lastParen = done.arrows
		s.operandNext, s.stmtStart = false, false
		if ok {
			switch done.hk {
			case 'p':
				s.bodyNext = true
				s.operandNext, s.stmtStart = true, true
			case 'f', 'h':
				cost := done.head
				if done.hk == 'f' {
					cost = costFor
					if done.sawIn {
						cost = costForIn
					}
				}
				s.cur.stmt += cost
				s.check()
				s.operandNext, s.stmtStart = true, true
			}
		}
		return i + 1
	case '[':
		if !s.operandNext {
			l.operand += costMember
		}
		s.push('[', costBracket)
		s.operandNext, s.stmtStart = true, false
		return i + 1
	case ']':
		s.pop(']')
		s.operandNext, s.stmtStart = false, false
		return i + 1
	case '{':
		switch {
		case l.classes > 0 && (!s.operandNext || prev == 'k'):
			l.classes--
			s.push('o', costBrace)
			s.operandNext, s.stmtStart = true, false
		case s.bodyNext || prev == 'A' || s.stmtStart:
			cost := costBrace
			if s.bodyNext {
				cost = costFuncBody
			}
			if prev == 'A' {
				l.expr -= costArrow - costArrowBody
			}
			s.bodyNext = false
			s.push('{', cost)
			s.operandNext, s.stmtStart = true, true
		case s.operandNext:
			s.push('o', costObject)
			s.operandNext, s.stmtStart = true, false
		default:
			// after an operand: the block of a new statement, or a method body
			s.newStatement()
			s.push('{', costBrace)
			s.operandNext, s.stmtStart = true, true
		}
		return i + 1
	case '}':
		done, ok := s.pop('}')
		if ok && done.kind == '$' {
			return s.templateText(i + 1)
		}
		s.operandNext, s.stmtStart = false, false
		s.prev = 'n'
		return i + 1
	case ';':
		l.endStatement()
		s.operandNext, s.stmtStart = true, true
		return i + 1
	case ',':
		l.expr, l.rel, l.operand, l.bin = 0, 0, 0, 0
		s.operandNext, s.stmtStart = true, false
		return i + 1
	case ':':
		switch {
		case prev == 'L':
			s.operandNext, s.stmtStart = true, true
		case l.cases > 0:
			l.cases--
			l.endStatement()
			s.operandNext, s.stmtStart = true, true
		default:
			l.rel, l.operand, l.bin = 0, 0, 0
			s.operandNext, s.stmtStart = true, false
		}
		return i + 1
	case '?':
		if at(1) == '.' && !isDigit(at(2)) {
			l.operand += costMember // a?.b
			s.check()
			s.nameNext = isIdentByte(at(2))
			s.operandNext, s.stmtStart = false, false
			return i + 2
		}
		if at(1) == '?' {
			if at(2) == '=' {
				s.exprPrefix(costCompound)
				return i + 3
			}
			s.logical()
			return i + 2
		}
		s.exprPrefix(costCond)
		return i + 1
	case '=':
		if at(1) == '>' {
			s.prev = 'A'
			arrows := 0
			if prev == ')' {
				arrows = s.lastParen + 1
			}
			if arrows > l.arrows {
				l.arrows = arrows
			}
			if arrows > MaxArrowParamNesting {
				s.fail(NestingTooDeep)
			}
			s.exprPrefix(costArrow)
			return i + 2
		}
		if n := s.equality(at(1), at(2)); n > 0 {
			return i + n
		}
		s.exprPrefix(costAssign)
		return i + 1
	case '!':
		if n := s.equality(at(1), at(2)); n > 0 {
			return i + n
		}
		s.operandPrefix(costUnary)
		return i + 1
	case '~':
		s.operandPrefix(costUnary)
		return i + 1
	case '+', '-':
		if at(1) == c { // ++ --: postfix after an operand on the same line
			if s.operandNext || nl {
				s.operandPrefix(costUnary)
			} else {
				s.prev = 'n'
			}
			return i + 2
		}
		if at(1) == '=' {
			s.exprPrefix(costCompound)
			return i + 2
		}
		if s.operandNext {
			s.operandPrefix(costSign)
		} else {
			s.binary()
		}
		return i + 1
	case '*':
		if s.pendingFunc || (prev == 'k' && prevWord == "yield") {
			// function*, yield*
			s.prev, s.prevWord = prev, prevWord
			if s.pendingFunc {
				s.nameNext = nextByte(src, i+1) != '('
			}
			return i + 1
		}
		if at(1) == '*' {
			if at(2) == '=' {
				s.exprPrefix(costCompound)
				return i + 3
			}
			l.operand += costExp
			s.check()
			s.operandNext, s.stmtStart = true, false
			return i + 2
		}
		if at(1) == '=' {
			s.exprPrefix(costCompound)
			return i + 2
		}
		s.binary()
		return i + 1
	case '/', '%':
		if at(1) == '=' {
			s.exprPrefix(costCompound)
			return i + 2
		}
		s.binary()
		return i + 1
	case '&', '|', '^':
		if at(1) == c && c != '^' {
			if at(2) == '=' {
				s.exprPrefix(costCompound)
				return i + 3
			}
			s.logical()
			return i + 2
		}
		if at(1) == '=' {
			s.exprPrefix(costCompound)
			return i + 2
		}
		s.logical()
		return i + 1
	case '<', '>':
		j := i + 1
		for j < n && src[j] == c && j-i < 3 {
			j++
		}
		if j-i >= 2 { // << >> >>>
			if j < n && src[j] == '=' {
				s.exprPrefix(costCompound)
				return j + 1
			}
			s.binary()
			return j
		}
		if at(1) == '=' {
			s.relation(costRelation)
			return i + 2
		}
		s.relation(costRelation)
		return i + 1
	case '.':
		if at(1) == '.' && at(2) == '.' {
			s.operandNext, s.stmtStart = true, false // spread, rest
			return i + 3
		}
		l.operand += costMember
		s.check()
		s.nameNext = true
		s.operandNext, s.stmtStart = false, false
		return i + 1
	case '#':
		j := i + 1
		for j < n && isIdentByte(src[j]) {
			j++
		}
		if s.nameNext {
			s.nameNext = false
			s.operandNext, s.stmtStart = false, false
			s.prev = 'n'
		} else {
			s.operand()
		}
		return j
	}
	// anything else (@, stray bytes): skipped
	return i + 1
}

func nextByte(src string, i int) byte {
	c, _ := nextToken(src, i)
	return c
}
