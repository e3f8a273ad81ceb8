package engine

import (
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// The v flag's character classes (ES2024 UnicodeSets mode): nested
// classes, intersection (&&), subtraction (--), string literals (\q{a|bc})
// and the stricter syntax (reserved punctuators, syntax characters that
// must be escaped). translateUnicodeSets evaluates each class of a
// v-flag pattern to its set of code points and strings and writes it in
// u-flag syntax, which sobek compiles: a class of ranges, or, when the
// set holds strings, (?:longest|...|shortest|[ranges]). Text outside the
// classes is the u-flag syntax already. Not supported: the properties of
// strings (\p{RGI_Emoji} ...), refused as an invalid property name; case
// folding under i follows u's rules.

type charSet struct {
	r [][2]rune       // code points, normalized (sorted, merged)
	s map[string]bool // strings of other than one code point ("" too)
}

func (c *charSet) addRange(lo, hi rune) { c.r = normRanges(append(c.r, [2]rune{lo, hi})) }

func (c *charSet) addString(s string) {
	if utf8.RuneCountInString(s) == 1 {
		r, _ := utf8.DecodeRuneInString(s)
		c.addRange(r, r)
		return
	}
	if c.s == nil {
		c.s = map[string]bool{}
	}
	c.s[s] = true
}

func normRanges(rs [][2]rune) [][2]rune {
	if len(rs) < 2 {
		return rs
	}
	sort.Slice(rs, func(i, j int) bool { return rs[i][0] < rs[j][0] })
	out := rs[:1]
	for _, r := range rs[1:] {
		if n := len(out); r[0] <= out[n-1][1]+1 {
			out[n-1][1] = max(out[n-1][1], r[1])
			continue
		}
		out = append(out, r)
	}
	return out
}

func intersectRanges(a, b [][2]rune) [][2]rune {
	var out [][2]rune
	for i, j := 0, 0; i < len(a) && j < len(b); {
		lo, hi := max(a[i][0], b[j][0]), min(a[i][1], b[j][1])
		if lo <= hi {
			out = append(out, [2]rune{lo, hi})
		}
		if a[i][1] < b[j][1] {
			i++
		} else {
			j++
		}
	}
	return out
}

func (c *charSet) union(o *charSet) {
	c.r = normRanges(append(c.r, o.r...))
	for s := range o.s {
		c.addString(s)
	}
}

func (c *charSet) intersect(o *charSet) {
	c.r = intersectRanges(c.r, o.r)
	for s := range c.s {
		if !o.s[s] {
			delete(c.s, s)
		}
	}
}

func (c *charSet) subtract(o *charSet) {
	c.r = intersectRanges(c.r, complement(o.r))
	for s := range o.s {
		delete(c.s, s)
	}
}

// setParser reads one v-flag pattern.
type setParser struct {
	p   []rune
	i   int
	bad string
	// fold: the i flag; every operand is closed under simple case
	// folding before the set operations, as in V8's v mode
	fold   bool
	dotAll bool // the s flag
	depth  int  // classes open
}

// maxClassNesting is where V8 (Node 20, its default stack) runs out of
// stack in nested classes: a SyntaxError "Maximum call stack size exceeded".
const maxClassNesting = 6253

// closedProps memoizes the case-closed ranges of a property (name, and
// whether \P).
var closedProps sync.Map

// closed is set closed under case folding when sp.fold.
func (sp *setParser) closed(set *charSet) *charSet {
	if !sp.fold || len(set.r) == 0 {
		return set
	}
	var extra [][2]rune
	for _, r := range set.r {
		for c := r[0]; c <= r[1]; c++ {
			for f := unicode.SimpleFold(c); f != c; f = unicode.SimpleFold(f) {
				if f < r[0] || f > r[1] {
					extra = append(extra, [2]rune{f, f})
				}
			}
		}
	}
	if len(extra) > 0 {
		set.r = normRanges(append(set.r, extra...))
	}
	return set
}

func (sp *setParser) fail(reason string) {
	if sp.bad == "" {
		sp.bad = reason
	}
}

func (sp *setParser) peek(k int) rune {
	if sp.i+k < len(sp.p) {
		return sp.p[sp.i+k]
	}
	return -1
}

// translateUnicodeSets rewrites a v-flag pattern as a u-flag one; bad is
// V8's reason when the pattern is invalid.
func translateUnicodeSets(pattern, flags string) (string, string) {
	sp := &setParser{p: []rune(pattern), fold: strings.Contains(flags, "i"), dotAll: strings.Contains(flags, "s")}
	var b strings.Builder
	names := groupNamesOf(pattern)
	atom := false // the last item can take a quantifier
	for sp.i < len(sp.p) && sp.bad == "" {
		c := sp.p[sp.i]
		wasAtom := atom
		atom = true
		switch c {
		case '\\':
			if sp.peek(1) == 'p' || sp.peek(1) == 'P' {
				if name, ok := sp.propertyName(); !ok || isStringProperty(name) {
					sp.fail("Invalid property name")
					continue
				} else if _, ok := propertyRanges(name); !ok {
					sp.fail("Invalid property name")
					continue
				}
				if sp.fold {
					// closed under case folding, as a class's operand
					set, _ := sp.escape()
					b.WriteString(writeSet(set))
					continue
				}
			}
			if sp.peek(1) == 'k' {
				if n, ok := sp.groupRef(); !ok || !names[n] {
					sp.fail("Invalid named capture referenced")
					continue
				}
			}
			// one escape: \p{..}, \k<..>, \u{..} whole
			end := sp.i + 2
			if n := sp.peek(1); n == 'p' || n == 'P' || n == 'u' && sp.peek(2) == '{' || n == 'k' && sp.peek(2) == '<' {
				close := '}'
				if n == 'k' {
					close = '>'
				}
				for end < len(sp.p) && sp.p[end-1] != close {
					end++
				}
			}
			b.WriteString(string(sp.p[sp.i:min(end, len(sp.p))]))
			sp.i = end
		case '[':
			sp.i++
			set := sp.class()
			if sp.bad != "" {
				break
			}
			b.WriteString(writeSet(set))
		case ']', '}':
			sp.fail("Lone quantifier brackets")
		case '{':
			end, ok := sp.quantifier()
			switch {
			case ok && wasAtom:
				b.WriteString(string(sp.p[sp.i:end]))
				sp.i = end
				atom = false
			case ok:
				sp.fail("Nothing to repeat")
			case wasAtom:
				sp.fail("Incomplete quantifier")
			default:
				sp.fail("Lone quantifier brackets")
			}
		case '.':
			// sobek's u-flag dot takes U+2028 and U+2029
			if sp.dotAll {
				b.WriteRune(c)
			} else {
				b.WriteString(`[^\n\r\u2028\u2029]`)
			}
			sp.i++
		default:
			atom = !strings.ContainsRune("(|", c)
			b.WriteRune(c)
			sp.i++
		}
	}
	if sp.bad != "" {
		return pattern, sp.bad
	}
	return b.String(), ""
}

// quantifier reads {n}, {n,} or {n,m} at sp.i: its end.
func (sp *setParser) quantifier() (int, bool) {
	j := sp.i + 1
	digits := func() bool {
		k := j
		for j < len(sp.p) && sp.p[j] >= '0' && sp.p[j] <= '9' {
			j++
		}
		return j > k
	}
	if !digits() {
		return 0, false
	}
	if j < len(sp.p) && sp.p[j] == ',' {
		j++
		digits()
	}
	if j < len(sp.p) && sp.p[j] == '}' {
		return j + 1, true
	}
	return 0, false
}

// groupRef reads the name of \k<name> at sp.i (not consuming it).
func (sp *setParser) groupRef() (string, bool) {
	if sp.peek(2) != '<' {
		return "", false
	}
	for j := sp.i + 3; j < len(sp.p); j++ {
		if sp.p[j] == '>' {
			return string(sp.p[sp.i+3 : j]), true
		}
	}
	return "", false
}

// groupNamesOf lists the group names of a pattern.
func groupNamesOf(p string) map[string]bool {
	names := map[string]bool{}
	for i := 0; i+3 < len(p); i++ {
		if p[i] == '\\' {
			i++
			continue
		}
		if p[i] == '(' && p[i+1] == '?' && p[i+2] == '<' && p[i+3] != '=' && p[i+3] != '!' {
			if end := strings.IndexByte(p[i:], '>'); end > 0 {
				names[p[i+3:i+end]] = true
			}
		}
	}
	return names
}

// propertyName reads the name of \p{name} at sp.i (not consuming it).
func (sp *setParser) propertyName() (string, bool) {
	if sp.peek(2) != '{' {
		return "", false
	}
	for j := sp.i + 3; j < len(sp.p); j++ {
		if sp.p[j] == '}' {
			return string(sp.p[sp.i+3 : j]), true
		}
	}
	return "", false
}

// isStringProperty: the properties of strings V8 knows (ES2024).
func isStringProperty(name string) bool {
	switch name {
	case "Basic_Emoji", "Emoji_Keycap_Sequence", "RGI_Emoji_Modifier_Sequence", "RGI_Emoji_Flag_Sequence",
		"RGI_Emoji_Tag_Sequence", "RGI_Emoji_ZWJ_Sequence", "RGI_Emoji":
		return true
	}
	return false
}

// class reads a class after its '[' up to and including its ']'.
func (sp *setParser) class() *charSet {
	if sp.depth++; sp.depth > maxClassNesting {
		sp.fail("Maximum call stack size exceeded")
		return &charSet{}
	}
	defer func() { sp.depth-- }()
	negated := false
	if sp.peek(0) == '^' {
		negated = true
		sp.i++
	}
	set := sp.contents()
	if sp.bad != "" {
		return set
	}
	if sp.peek(0) != ']' {
		sp.fail("Unterminated character class")
		return set
	}
	sp.i++
	if negated {
		if len(set.s) > 0 {
			sp.fail("Negated character class may contain strings")
			return set
		}
		set.r = complement(set.r)
	}
	return set
}

func (sp *setParser) isOp(op rune) bool { return sp.peek(0) == op && sp.peek(1) == op }

// contents reads a ClassSetExpression up to the closing ']' (not read).
func (sp *setParser) contents() *charSet {
	set := &charSet{}
	if sp.peek(0) == ']' {
		return set
	}
	if sp.isOp('-') {
		sp.fail("Invalid character in character class")
		return set
	}
	if sp.isOp('&') {
		sp.fail("Invalid set operation in character class")
		return set
	}
	first, single := sp.operand()
	if sp.bad != "" {
		return set
	}
	switch {
	case sp.isOp('&') || sp.isOp('-'):
		op := sp.peek(0)
		set = first
		for sp.isOp(op) {
			sp.i += 2
			if sp.peek(0) == op {
				sp.fail("Invalid character in character class")
				return set
			}
			o, _ := sp.operand()
			if sp.bad != "" {
				return set
			}
			if sp.peek(0) == '-' && !sp.isOp('-') {
				sp.fail("Invalid set operation in character class")
				return set
			}
			if op == '&' {
				set.intersect(o)
			} else {
				set.subtract(o)
			}
		}
		if sp.peek(0) != ']' {
			if sp.peek(0) < 0 {
				sp.fail("Unterminated character class")
			} else {
				sp.fail("Invalid set operation in character class")
			}
		}
		return set
	}
	// a union of operands and ranges
	item, itemSingle := first, single
	for {
		if itemSingle >= 0 && sp.peek(0) == '-' && !sp.isOp('-') {
			sp.i++
			hi, hiSingle := sp.operand()
			if sp.bad != "" {
				return set
			}
			_ = hi
			if hiSingle < 0 {
				sp.fail("Invalid character class")
				return set
			}
			if hiSingle < itemSingle {
				sp.fail("Range out of order in character class")
				return set
			}
			set.union(sp.closed(&charSet{r: [][2]rune{{itemSingle, hiSingle}}}))
		} else {
			if sp.peek(0) == '-' && !sp.isOp('-') {
				sp.fail("Invalid character class")
				return set
			}
			set.union(item)
		}
		if sp.peek(0) == ']' || sp.peek(0) < 0 {
			if sp.peek(0) < 0 {
				sp.fail("Unterminated character class")
			}
			return set
		}
		if sp.isOp('&') || sp.isOp('-') {
			sp.fail("Invalid set operation in character class")
			return set
		}
		item, itemSingle = sp.operand()
		if sp.bad != "" {
			return set
		}
	}
}

// operand reads a ClassSetOperand (or the first character of a range):
// its set, and its code point when it is one ClassSetCharacter (else -1).
func (sp *setParser) operand() (*charSet, rune) {
	set := &charSet{}
	c := sp.peek(0)
	switch {
	case c < 0:
		sp.fail("Unterminated character class")
		return set, -1
	case c == '[':
		sp.i++
		return sp.class(), -1
	case c == '\\':
		return sp.escape() // closed under folding already
	case strings.ContainsRune("()[]{}/-|", c):
		sp.fail("Invalid character in character class")
		return set, -1
	case strings.ContainsRune("&!#$%*+,.:;<=>?@^`~", c) && sp.peek(1) == c:
		sp.fail("Invalid set operation in character class")
		return set, -1
	}
	sp.i++
	set.addRange(c, c)
	return sp.closed(set), c
}

// escape reads a class escape at '\'.
func (sp *setParser) escape() (*charSet, rune) {
	set := &charSet{}
	c := sp.peek(1)
	sp.i += 2
	single := func(r rune) (*charSet, rune) { set.addRange(r, r); return sp.closed(set), r }
	switch c {
	case -1:
		sp.fail("\\ at end of pattern")
		return set, -1
	case 'd', 'D', 'w', 'W', 's', 'S':
		var rs [][2]rune
		switch c | 0x20 {
		case 'd':
			rs = [][2]rune{{'0', '9'}}
		case 'w':
			rs = [][2]rune{{'0', '9'}, {'A', 'Z'}, {'_', '_'}, {'a', 'z'}}
		case 's':
			rs = normRanges([][2]rune{{9, 13}, {' ', ' '}, {0xa0, 0xa0}, {0x1680, 0x1680}, {0x2000, 0x200a},
				{0x2028, 0x2029}, {0x202f, 0x202f}, {0x205f, 0x205f}, {0x3000, 0x3000}, {0xfeff, 0xfeff}})
		}
		set.r = rs
		sp.closed(set) // (under i, \w has U+017F and U+212A)
		if c >= 'A' && c <= 'Z' {
			set.r = complement(set.r)
		}
		return set, -1
	case 'p', 'P':
		sp.i -= 2
		name, ok := sp.propertyName()
		if !ok {
			sp.fail("Invalid property name in character class")
			return set, -1
		}
		sp.i += 3 + utf8.RuneCountInString(name) + 1
		key := string(c) + name
		if sp.fold {
			if rs, ok := closedProps.Load(key); ok {
				set.r = append([][2]rune(nil), rs.([][2]rune)...)
				return set, -1
			}
		}
		rs, ok := propertyRanges(name)
		if !ok {
			sp.fail("Invalid property name in character class")
			return set, -1
		}
		set.r = append([][2]rune(nil), rs...)
		sp.closed(set)
		if c == 'P' {
			set.r = complement(set.r)
		}
		if sp.fold {
			closedProps.Store(key, append([][2]rune(nil), set.r...))
		}
		return set, -1
	case 'q':
		if sp.peek(0) != '{' {
			sp.fail("Invalid escape")
			return set, -1
		}
		sp.i++
		var cur strings.Builder
		for {
			r := sp.peek(0)
			switch {
			case r < 0:
				sp.fail("Unterminated character class")
				return set, -1
			case r == '}':
				sp.i++
				set.addString(cur.String())
				return set, -1
			case r == '|':
				sp.i++
				set.addString(cur.String())
				cur.Reset()
			case r == '\\':
				e, single := sp.escape()
				if sp.bad != "" {
					return set, -1
				}
				if single < 0 {
					_ = e
					sp.fail("Invalid escape")
					return set, -1
				}
				cur.WriteRune(single)
			case strings.ContainsRune("()[]{}/-|", r):
				sp.fail("Invalid character in character class")
				return set, -1
			default:
				sp.i++
				cur.WriteRune(r)
			}
		}
	case 'b':
		return single(8)
	case 'f':
		return single('\f')
	case 'n':
		return single('\n')
	case 'r':
		return single('\r')
	case 't':
		return single('\t')
	case 'v':
		return single('\v')
	case 'c':
		if l := sp.peek(0); l >= 'a' && l <= 'z' || l >= 'A' && l <= 'Z' {
			sp.i++
			return single(l % 32)
		}
		sp.fail("Invalid Unicode escape")
		return set, -1
	case '0':
		if d := sp.peek(0); d >= '0' && d <= '9' {
			sp.fail("Invalid class escape")
			return set, -1
		}
		return single(0)
	case 'x':
		if h, ok := sp.hex(2); ok {
			return single(h)
		}
		sp.fail("Invalid escape")
		return set, -1
	case 'u':
		if sp.peek(0) == '{' {
			j := sp.i + 1
			for j < len(sp.p) && sp.p[j] != '}' {
				j++
			}
			v, err := strconv.ParseUint(string(sp.p[sp.i+1:min(j, len(sp.p))]), 16, 32)
			if j >= len(sp.p) || err != nil || v > 0x10FFFF {
				sp.fail("Invalid Unicode escape")
				return set, -1
			}
			sp.i = j + 1
			return single(rune(v))
		}
		h, ok := sp.hex(4)
		if !ok {
			sp.fail("Invalid Unicode escape")
			return set, -1
		}
		if h >= 0xD800 && h <= 0xDBFF && sp.peek(0) == '\\' && sp.peek(1) == 'u' {
			save := sp.i
			sp.i += 2
			if l, ok := sp.hex(4); ok && l >= 0xDC00 && l <= 0xDFFF {
				return single((h-0xD800)<<10 + (l - 0xDC00) + 0x10000)
			}
			sp.i = save
		}
		return single(h)
	}
	if c >= '1' && c <= '9' {
		sp.fail("Invalid class escape")
		return set, -1
	}
	if strings.ContainsRune("^$\\.*+?()[]{}|/", c) || strings.ContainsRune("&-!#%,:;<=>@`~", c) {
		return single(c)
	}
	sp.fail("Invalid escape")
	return set, -1
}

func (sp *setParser) hex(n int) (rune, bool) {
	if sp.i+n > len(sp.p) {
		return 0, false
	}
	v, err := strconv.ParseUint(string(sp.p[sp.i:sp.i+n]), 16, 32)
	if err != nil {
		return 0, false
	}
	sp.i += n
	return rune(v), true
}

// writeSet writes a set in u-flag syntax.
func writeSet(set *charSet) string {
	var cls strings.Builder
	if len(set.r) == 0 {
		cls.WriteString(`[^\u{0}-\u{10ffff}]`)
	} else {
		cls.WriteByte('[')
		for _, r := range set.r {
			cls.WriteString(setRune(r[0]))
			if r[1] != r[0] {
				cls.WriteByte('-')
				cls.WriteString(setRune(r[1]))
			}
		}
		cls.WriteByte(']')
	}
	if len(set.s) == 0 {
		return cls.String()
	}
	strs := make([]string, 0, len(set.s))
	for s := range set.s {
		strs = append(strs, s)
	}
	// the longest strings first, as the specification's matcher tries them
	sort.Slice(strs, func(i, j int) bool {
		if a, b := utf8.RuneCountInString(strs[i]), utf8.RuneCountInString(strs[j]); a != b {
			return a > b
		}
		return strs[i] < strs[j]
	})
	alts := make([]string, 0, len(strs)+1)
	empty := false
	for _, s := range strs {
		if s == "" {
			empty = true
			continue
		}
		var b strings.Builder
		for _, r := range s {
			b.WriteString(setRune(r))
		}
		alts = append(alts, b.String())
	}
	if len(set.r) > 0 {
		alts = append(alts, cls.String())
	}
	if empty {
		alts = append(alts, "")
	}
	return "(?:" + strings.Join(alts, "|") + ")"
}

func setRune(r rune) string { return `\u{` + strconv.FormatInt(int64(r), 16) + `}` }
