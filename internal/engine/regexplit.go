package engine

import (
	"encoding/json"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/grafana/sobek/ast"
	"github.com/grafana/sobek/parser"
)

// Regular expression literals sobek compiles wrongly are rewritten in the
// source before it is compiled, in every realm:
//
//   - character classes of surrogates outside the u flag
//     (/[\uD800-\uDBFF][\uDC00-\uDFFF]/, the classic astral-symbol regexp):
//     regexp2, sobek's backtracking engine, keys its table of sets by a
//     UTF-8 rendering in which every surrogate is U+FFFD, so two such
//     classes of one pattern become the same set (a pure-regexp2
//     reproducer in internal/engine pins it). Each class holding a
//     surrogate gets a private-use character no class of it matches,
//     excluded again by a lookahead, which makes its key unique:
//     [C] -> (?:(?!\uE0nn)[C\uE0nn]);
//   - \p{...} and \P{...} with the u flag, which sobek reads as "p{...}":
//     replaced by the ranges of the property (unicodeprops.go: every
//     property V8 accepts, Go's tables or V8's data recorded from node);
//   - [^] with the u flag (anyForEmptyClass).
//
// Only sources that contain such a pattern pay for the scan (a substring
// check first, a parse to find the literals next). Scripts, modules,
// function bodies, eval and Function code (the parser hook) are
// rewritten, patterns built at run time by the constructor's hook
// (regexpctor.go). The rewritten text shifts later columns of its line;
// source and toString show the original (regexpsource.go).

// regexpRewriteHint reports whether src may hold a literal to rewrite.
func regexpRewriteHint(src string) bool {
	if strings.Contains(src, `\p{`) || strings.Contains(src, `\P{`) || strings.Contains(src, `(?<`) || strings.Contains(src, "[^]") {
		return true
	}
	if MayHaveSetOrIndexFlags(src) {
		return true
	}
	for i := strings.Index(src, `\u`); i >= 0; {
		if j := i + 2; j+1 < len(src) && (src[j] == 'd' || src[j] == 'D') {
			switch src[j+1] {
			case '8', '9', 'a', 'b', 'c', 'd', 'e', 'f', 'A', 'B', 'C', 'D', 'E', 'F':
				return true
			}
		}
		k := strings.Index(src[i+2:], `\u`)
		if k < 0 {
			break
		}
		i += 2 + k
	}
	return false
}

// MayHaveSetOrIndexFlags reports whether src may hold a regexp literal
// with the d or v flag: a '/' followed by flag letters with a d or v, then
// no identifier character, in a regex literal as the nesting scan reads
// them (a false yes costs a parse).
func MayHaveSetOrIndexFlags(src string) bool {
	for i := strings.IndexByte(src, '/'); i >= 0; {
		j := i + 1
		dv := false
		for j < len(src) && strings.IndexByte("dgimsuyv", src[j]) >= 0 {
			dv = dv || src[j] == 'd' || src[j] == 'v'
			j++
		}
		if dv && j > i+1 && (j == len(src) || !isIdentByte(src[j])) {
			// a '/' and d or v in a string or a division too: the
			// nesting scan, which knows regex literals, decides
			return ScanNesting(src, V8StackBudget).SetOrIndexFlags
		}
		k := strings.IndexByte(src[i+1:], '/')
		if k < 0 {
			break
		}
		i += 1 + k
	}
	return false
}

// RewriteRegExps returns src with its regexp literals rewritten (see
// above), or src itself when nothing needs it. module says how to parse.
func RewriteRegExps(src string, module bool) string {
	src = FixCodePointEscapes(src)
	if !module {
		src = BlankHTMLComments(src) // htmlcomments.go
	}
	if !regexpRewriteHint(src) {
		return src
	}
	return rewriteIn(src, module, 0, len(src))
}

// RewriteRegExpsInBody is RewriteRegExps for a function body.
func RewriteRegExpsInBody(body string) string {
	body = FixCodePointEscapes(body)
	body = BlankHTMLComments(body) // htmlcomments.go
	if !regexpRewriteHint(body) {
		return body
	}
	const head, tail = "(function () {\n", "\n})"
	out := rewriteIn(head+body+tail, false, len(head), len(head)+len(body))
	if !strings.HasPrefix(out, head) || !strings.HasSuffix(out, tail) {
		return body
	}
	return out[len(head) : len(out)-len(tail)]
}

// rewriteIn rewrites the literals of src that lie in [from, to).
func rewriteIn(src string, module bool, from, to int) string {
	opts := []parser.Option{parser.WithDisableSourceMaps}
	if module {
		opts = append(opts, parser.IsModule)
	}
	prog, err := parser.ParseFile(nil, "", src, 0, opts...)
	if err != nil {
		return src
	}
	var lits []*ast.RegExpLiteral
	collectRegExps(reflect.ValueOf(prog), &lits, map[uintptr]bool{})
	sort.Slice(lits, func(i, j int) bool { return lits[i].Idx < lits[j].Idx })
	var b strings.Builder
	last := 0
	for _, l := range lits {
		// (sobek's Literal may run past the literal's last flag)
		lit := "/" + l.Pattern + "/" + l.Flags
		start := int(l.Idx) - 1
		end := start + len(lit)
		if start < last || start < from || end > to || src[start:end] != lit {
			continue
		}
		if strings.ContainsAny(l.Flags, "dv") && validFlags(l.Flags) && !(strings.Contains(l.Flags, "u") && strings.Contains(l.Flags, "v")) && validSets(l.Pattern, l.Flags) {
			// sobek refuses d and v: the literal becomes a construction,
			// whose hook converts them (regexpflags.go); the realm's
			// RegExp is reached through a regexp's prototype, not a global
			b.WriteString(src[last:start])
			pj, _ := json.Marshal(l.Pattern)
			fj, _ := json.Marshal(l.Flags)
			b.WriteString("(new (/(?:)/).constructor(" + string(pj) + ", " + string(fj) + "))")
			last = end
			continue
		}
		p := rewritePattern(l.Pattern, l.Flags)
		stripped, names, named := stripGroupNames(p)
		if p == l.Pattern && !named {
			continue
		}
		b.WriteString(src[last:start])
		if named {
			nj, _ := json.Marshal(names)
			sj, _ := json.Marshal(l.Pattern)
			b.WriteString("(" + namedGroupsHelper + "(/" + stripped + "/" + l.Flags + ", " + string(nj) + ", " + string(sj) + "))")
		} else {
			registerRewrite(p, l.Pattern)
			b.WriteString("/" + p + "/" + l.Flags)
		}
		last = end
	}
	if last == 0 {
		return src
	}
	b.WriteString(src[last:])
	return b.String()
}

var regexpLitType = reflect.TypeOf(&ast.RegExpLiteral{})

func collectRegExps(v reflect.Value, out *[]*ast.RegExpLiteral, seen map[uintptr]bool) {
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() || seen[v.Pointer()] {
			return
		}
		seen[v.Pointer()] = true
		if v.Type() == regexpLitType {
			*out = append(*out, v.Interface().(*ast.RegExpLiteral))
			return
		}
		collectRegExps(v.Elem(), out, seen)
	case reflect.Interface:
		if !v.IsNil() {
			collectRegExps(v.Elem(), out, seen)
		}
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			if f := v.Field(i); f.Kind() == reflect.Pointer || f.Kind() == reflect.Interface || f.Kind() == reflect.Slice || f.Kind() == reflect.Struct {
				collectRegExps(f, out, seen)
			}
		}
	case reflect.Slice:
		for i := 0; i < v.Len(); i++ {
			collectRegExps(v.Index(i), out, seen)
		}
	}
}

// rewritePattern rewrites one pattern body (between the slashes).
func rewritePattern(p, flags string) string {
	out, _ := rewritePatternChecked(p, flags)
	return out
}

// rewritePatternChecked is rewritePattern with V8's reason for a pattern
// it refuses ("" when none).
func rewritePatternChecked(p, flags string) (string, string) {
	if strings.Contains(flags, "u") || strings.Contains(flags, "v") {
		out, bad := p, ""
		if strings.Contains(p, `\p`) || strings.Contains(p, `\P`) {
			out, bad = expandProperties(p)
		}
		if bad == "" && strings.Contains(out, "[^]") {
			out = anyForEmptyClass(out)
		}
		return out, bad
	}
	return markSurrogateClasses(p), ""
}

// classAtom reads one class atom at p[i] (i after any '-'): its code
// point, or -1 for a class escape (\d, \w, ...), and the index after it.
func classAtom(p string, i int) (rune, int) {
	if p[i] != '\\' {
		r, size := decodeRune(p[i:])
		return r, i + size
	}
	if i+1 >= len(p) {
		return '\\', i + 1
	}
	c := p[i+1]
	switch c {
	case 'd', 'D', 'w', 'W', 's', 'S':
		return -1, i + 2
	case 'b':
		return 8, i + 2
	case 'f':
		return '\f', i + 2
	case 'n':
		return '\n', i + 2
	case 'r':
		return '\r', i + 2
	case 't':
		return '\t', i + 2
	case 'v':
		return '\v', i + 2
	case 'c':
		if i+2 < len(p) && (p[i+2]|0x20) >= 'a' && (p[i+2]|0x20) <= 'z' {
			return rune(p[i+2] % 32), i + 3
		}
		return '\\', i + 1
	case 'x':
		if i+4 <= len(p) {
			if v, err := strconv.ParseUint(p[i+2:i+4], 16, 32); err == nil {
				return rune(v), i + 4
			}
		}
		return 'x', i + 2
	case 'u':
		if i+6 <= len(p) {
			if v, err := strconv.ParseUint(p[i+2:i+6], 16, 32); err == nil {
				return rune(v), i + 6
			}
		}
		return 'u', i + 2
	}
	if c >= '0' && c <= '7' {
		j, v := i+1, 0
		for j < len(p) && j < i+4 && p[j] >= '0' && p[j] <= '7' && v*8+int(p[j]-'0') <= 0377 {
			v = v*8 + int(p[j]-'0')
			j++
		}
		return rune(v), j
	}
	r, size := decodeRune(p[i+1:])
	return r, i + 1 + size
}

func decodeRune(s string) (rune, int) {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return 0, 1
	}
	return r, n
}

const markBase = 0xE000 // private use area: the markers

// markSurrogateClasses gives every positive class holding a surrogate a
// private-use marker (see the comment at the top).
func markSurrogateClasses(p string) string {
	var b strings.Builder
	last, marks := 0, 0
	for i := 0; i < len(p); i++ {
		switch p[i] {
		case '\\':
			i++
			continue
		case '[':
		default:
			continue
		}
		// a class: find its end and what it holds
		j := i + 1
		negated := j < len(p) && p[j] == '^'
		if negated {
			j++
		}
		surrogate, usable := false, true
		var prev rune = -2
		for j < len(p) && p[j] != ']' {
			if p[j] == '-' && prev >= 0 && j+1 < len(p) && p[j+1] != ']' {
				hi, k := classAtom(p, j+1)
				if hi < 0 || hi < prev {
					usable = false
				} else {
					surrogate = surrogate || prev <= 0xDFFF && hi >= 0xD800
					usable = usable && (hi < markBase || prev > 0xF8FF)
				}
				prev, j = -2, k
				continue
			}
			r, k := classAtom(p, j)
			if r >= 0 {
				surrogate = surrogate || r >= 0xD800 && r <= 0xDFFF
				usable = usable && (r < markBase || r > 0xF8FF)
			} else if c := p[j+1]; c == 'D' || c == 'W' || c == 'S' {
				usable = false
			}
			prev, j = r, k
		}
		if j >= len(p) {
			break
		}
		if surrogate && usable && !negated && marks < 0x100 {
			m := `\u` + strconv.FormatInt(int64(markBase+marks), 16)
			marks++
			b.WriteString(p[last:i])
			b.WriteString(`(?:(?!` + m + `)` + p[i:j] + m + `])`)
			last = j + 1
		}
		i = j
	}
	if last == 0 || marks < 2 {
		// one set alone cannot collide; keep sobek's RE2 fast path
		return p
	}
	b.WriteString(p[last:])
	return b.String()
}

// expandProperties replaces \p{..} and \P{..} of a u-flag pattern by
// their ranges (unicodeprops.go); bad is V8's reason when a name is not
// one it accepts (the pattern is then returned as it is).
func expandProperties(p string) (out, bad string) {
	var b strings.Builder
	last := 0
	inClass := false
	for i := 0; i < len(p); i++ {
		switch p[i] {
		case '[':
			inClass = true
			continue
		case ']':
			inClass = false
			continue
		case '\\':
		default:
			continue
		}
		if i+1 < len(p) && (p[i+1] == 'p' || p[i+1] == 'P') {
			end := strings.IndexByte(p[i:], '}')
			var ranges [][2]rune
			ok := i+2 < len(p) && p[i+2] == '{' && end > 0
			if ok {
				ranges, ok = propertyRanges(p[i+3 : i+end])
			}
			if !ok {
				if inClass {
					return p, "Invalid property name in character class"
				}
				return p, "Invalid property name"
			}
			if p[i+1] == 'P' {
				ranges = complement(ranges)
			}
			b.WriteString(p[last:i])
			if !inClass {
				b.WriteByte('[')
			}
			for _, r := range ranges {
				b.WriteString(escapeRune(r[0]))
				if r[1] != r[0] {
					b.WriteByte('-')
					b.WriteString(escapeRune(r[1]))
				}
			}
			if !inClass {
				b.WriteByte(']')
			}
			last = i + end + 1
			i += end
			continue
		}
		i++
	}
	if last == 0 {
		return p, ""
	}
	b.WriteString(p[last:])
	return b.String(), ""
}

// anyForEmptyClass replaces each [^] (any code point) of a u-flag pattern
// by its range: sobek's [^] with the u flag matches no code point past
// U+2A6DF (TestSobekEmptyNegatedClass).
func anyForEmptyClass(p string) string {
	var b strings.Builder
	for i := 0; i < len(p); i++ {
		switch {
		case p[i] == '\\' && i+1 < len(p):
			b.WriteString(p[i : i+2])
			i++
		case p[i] == '[':
			if strings.HasPrefix(p[i:], "[^]") {
				b.WriteString(`[\u{0}-\u{10ffff}]`)
				i += 2
				continue
			}
			// copy the class as it is
			j := i + 1
			for ; j < len(p) && p[j] != ']'; j++ {
				if p[j] == '\\' {
					j++
				}
			}
			b.WriteString(p[i:min(j+1, len(p))])
			i = j
		default:
			b.WriteByte(p[i])
		}
	}
	return b.String()
}

func escapeRune(r rune) string {
	return `\u{` + strconv.FormatInt(int64(r), 16) + `}`
}

var generalCategoryAliases = map[string]string{
	"Letter": "L", "Cased_Letter": "LC", "Uppercase_Letter": "Lu", "Lowercase_Letter": "Ll", "Titlecase_Letter": "Lt",
	"Modifier_Letter": "Lm", "Other_Letter": "Lo", "Mark": "M", "Combining_Mark": "M", "Nonspacing_Mark": "Mn",
	"Spacing_Mark": "Mc", "Enclosing_Mark": "Me", "Number": "N", "Decimal_Number": "Nd", "digit": "Nd",
	"Letter_Number": "Nl", "Other_Number": "No", "Punctuation": "P", "punct": "P", "Connector_Punctuation": "Pc",
	"Dash_Punctuation": "Pd", "Open_Punctuation": "Ps", "Close_Punctuation": "Pe", "Initial_Punctuation": "Pi",
	"Final_Punctuation": "Pf", "Other_Punctuation": "Po", "Symbol": "S", "Math_Symbol": "Sm", "Currency_Symbol": "Sc",
	"Modifier_Symbol": "Sk", "Other_Symbol": "So", "Separator": "Z", "Space_Separator": "Zs", "Line_Separator": "Zl",
	"Paragraph_Separator": "Zp", "Other": "C", "Control": "Cc", "cntrl": "Cc", "Format": "Cf", "Surrogate": "Cs",
	"Private_Use": "Co",
}

// rangesOf merges tables into sorted, disjoint [lo, hi] ranges.
func rangesOf(tabs []*unicode.RangeTable) [][2]rune {
	var rs [][2]rune
	add := func(lo, hi, stride rune) {
		if stride == 1 {
			rs = append(rs, [2]rune{lo, hi})
			return
		}
		for r := lo; r <= hi; r += stride {
			rs = append(rs, [2]rune{r, r})
		}
	}
	for _, t := range tabs {
		for _, r := range t.R16 {
			add(rune(r.Lo), rune(r.Hi), rune(r.Stride))
		}
		for _, r := range t.R32 {
			add(rune(r.Lo), rune(r.Hi), rune(r.Stride))
		}
	}
	sort.Slice(rs, func(i, j int) bool { return rs[i][0] < rs[j][0] })
	var out [][2]rune
	for _, r := range rs {
		if n := len(out); n > 0 && r[0] <= out[n-1][1]+1 {
			out[n-1][1] = max(out[n-1][1], r[1])
			continue
		}
		out = append(out, r)
	}
	return out
}

func complement(rs [][2]rune) [][2]rune {
	var out [][2]rune
	next := rune(0)
	for _, r := range rs {
		if r[0] > next {
			out = append(out, [2]rune{next, r[0] - 1})
		}
		next = r[1] + 1
	}
	if next <= unicode.MaxRune {
		out = append(out, [2]rune{next, unicode.MaxRune})
	}
	return out
}

// Named groups: regexp2 numbers named groups after the unnamed ones (.NET's
// rule) and sobek gives matches no .groups and replace no $<name>. A
// literal with named groups is compiled without the names (groups keep
// JavaScript's numbering; \k<name> becomes the group's number) and handed
// to namedGroupsHelper, which gives that regexp a prototype of its own
// (inheriting the realm's RegExp.prototype) whose exec adds .groups, whose
// @@replace knows $<name> and gives a replacer function the groups, and
// whose source is the original pattern. Code can see the extra prototype
// (Object.getPrototypeOf(re) !== RegExp.prototype).

// stripGroupNames returns p without group names and the name of each
// capturing group ("" when unnamed), or false when p has no names.
func stripGroupNames(p string) (string, []string, bool) {
	var names []string
	named := false
	// first pass: the groups
	for i := 0; i < len(p); i++ {
		switch p[i] {
		case '\\':
			i++
		case '[':
			for i++; i < len(p) && p[i] != ']'; i++ {
				if p[i] == '\\' {
					i++
				}
			}
		case '(':
			if i+1 < len(p) && p[i+1] == '?' {
				if i+2 < len(p) && p[i+2] == '<' && i+3 < len(p) && p[i+3] != '=' && p[i+3] != '!' {
					end := strings.IndexByte(p[i:], '>')
					if end < 0 {
						return p, nil, false
					}
					names = append(names, p[i+3:i+end])
					named = true
				}
			} else {
				names = append(names, "")
			}
		}
	}
	if !named {
		return p, nil, false
	}
	index := map[string]int{}
	for i, n := range names {
		if n != "" {
			index[n] = i + 1
		}
	}
	var b strings.Builder
	for i := 0; i < len(p); i++ {
		switch p[i] {
		case '\\':
			if i+2 < len(p) && p[i+1] == 'k' && p[i+2] == '<' {
				if end := strings.IndexByte(p[i:], '>'); end > 0 {
					if n, ok := index[p[i+3:i+end]]; ok {
						b.WriteString(`(?:\` + strconv.Itoa(n) + `)`)
						i += end
						continue
					}
				}
			}
			b.WriteByte(p[i])
			if i+1 < len(p) {
				i++
				b.WriteByte(p[i])
			}
		case '[':
			j := i + 1
			for ; j < len(p) && p[j] != ']'; j++ {
				if p[j] == '\\' {
					j++
				}
			}
			if j >= len(p) {
				j = len(p) - 1
			}
			b.WriteString(p[i : j+1])
			i = j
		case '(':
			if i+3 < len(p) && p[i+1] == '?' && p[i+2] == '<' && p[i+3] != '=' && p[i+3] != '!' {
				end := strings.IndexByte(p[i:], '>')
				b.WriteByte('(')
				i += end
				continue
			}
			b.WriteByte('(')
		default:
			b.WriteByte(p[i])
		}
	}
	return b.String(), names, true
}

// namedGroupsHelper is called with the regexp compiled without names, the
// names by group, and the original source.
const namedGroupsHelper = `(function (r, names, source) {
  var P = Object.getPrototypeOf(r), origExec = P.exec, proto = Object.create(P);
  var def = function (k, v) { Object.defineProperty(proto, k, { value: v, writable: true, configurable: true }); };
  var withGroups = function (m) {
    if (m === null) return m;
    var g = Object.create(null);
    for (var i = 0; i < names.length; i++) if (names[i]) g[names[i]] = m[i + 1];
    m.groups = g;
    return m;
  };
  def('exec', function exec(s) { return withGroups(origExec.call(this, s)); });
  var sd = Object.getOwnPropertyDescriptor(P, 'source'), srcGet = sd && sd.get;
  Object.defineProperty(proto, 'source', { get: function () {
    if (this === proto) return P.source;
    if (srcGet) srcGet.call(this); // its TypeError for a receiver that is no RegExp
    return source;
  }, configurable: true });
  var subst = function (m, str, pos, caps, groups, rep) {
    var out = '';
    for (var i = 0; i < rep.length; i++) {
      var c = rep[i];
      if (c !== '$' || i + 1 >= rep.length) { out += c; continue; }
      var d = rep[i + 1];
      if (d === '$') { out += '$'; i++; }
      else if (d === '&') { out += m; i++; }
      else if (d === '\x60') { out += str.slice(0, pos); i++; }
      else if (d === "'") { out += str.slice(pos + m.length); i++; }
      else if (d >= '0' && d <= '9') {
        var two = rep.slice(i + 1, i + 3), n = +two;
        if (two.length === 2 && two[1] >= '0' && two[1] <= '9' && n >= 1 && n <= caps.length) { out += caps[n - 1] === undefined ? '' : caps[n - 1]; i += 2; }
        else if (+d >= 1 && +d <= caps.length) { out += caps[+d - 1] === undefined ? '' : caps[+d - 1]; i++; }
        else out += '$';
      } else if (d === '<' && groups !== undefined) {
        var end = rep.indexOf('>', i);
        if (end < 0) { out += '$'; continue; }
        var v = groups[rep.slice(i + 2, end)];
        out += v === undefined ? '' : String(v);
        i = end;
      } else out += '$';
    }
    return out;
  };
  def(Symbol.replace, function (str, rep) {
    str = String(str);
    var fn = typeof rep === 'function';
    if (!fn) rep = String(rep);
    var global = this.global, results = [];
    if (global) this.lastIndex = 0;
    for (;;) {
      var m = this.exec(str);
      if (m === null) break;
      results.push(m);
      if (!global) break;
      if (String(m[0]) === '') this.lastIndex = this.lastIndex + 1;
    }
    var out = '', next = 0;
    for (var k = 0; k < results.length; k++) {
      var mm = results[k], matched = String(mm[0]), pos = Math.max(Math.min(mm.index, str.length), 0), caps = [];
      for (var j = 1; j < mm.length; j++) caps.push(mm[j] === undefined ? undefined : String(mm[j]));
      var rv = fn ? String(rep.apply(undefined, [matched].concat(caps, [pos, str], mm.groups === undefined ? [] : [mm.groups]))) : subst(matched, str, pos, caps, mm.groups, rep);
      if (pos >= next) { out += str.slice(next, pos) + rv; next = pos + matched.length; }
    }
    return out + str.slice(next);
  });
  def(Symbol.matchAll, function (str) {
    str = String(str);
    var c = new P.constructor(this, this.flags);
    Object.setPrototypeOf(c, proto);
    c.lastIndex = this.lastIndex;
    var global = c.global, done = false;
    var it = {
      next: function () {
        if (done) return { value: undefined, done: true };
        var m = c.exec(str);
        if (m === null) { done = true; return { value: undefined, done: true }; }
        if (!global) done = true;
        else if (String(m[0]) === '') c.lastIndex = c.lastIndex + 1;
        return { value: m, done: false };
      }
    };
    it[Symbol.iterator] = function () { return this; };
    return it;
  });
  Object.setPrototypeOf(r, proto);
  return r;
})`

// validSets reports whether a literal's pattern is valid for its v flag
// (an invalid one stays a literal: the nesting scan reports it early).
func validSets(p, flags string) bool {
	if !strings.Contains(flags, "v") {
		return true
	}
	_, bad := translateUnicodeSets(p, flags)
	return bad == ""
}
