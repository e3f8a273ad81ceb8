package stack

import (
	"strings"
	"sync"
)

// The source registry maps a file name to the text compiled under it, so
// that positions reported by sobek can be moved to where V8 reports them
// (sobek points at the `(` of a call, V8 at the callee's name) and so that
// messages can name the expression that failed ("o.f is not a function").
//
// It is process-wide and bounded: the oldest names go first once it
// holds more than maxBytes of source. A name compiled with several texts
// (vm scripts default to "evalmachine.<anonymous>") keeps its last
// maxPerName texts; lookups take the latest, or the latest holding a hint
// (the name of the function of a frame); a position that does not fit the
// text is left alone.

const (
	maxBytes   = 64 << 20
	maxPerName = 8
)

type source struct {
	text       string
	lines      []string
	lineOffset int
	colOffset  int
}

var registry struct {
	sync.Mutex
	files map[string][]*source // oldest first
	order []string
	bytes int
}

// Register records src as the text compiled under filename, whose first
// line and column were shifted by lineOffset and colOffset (vm.Script's
// options; 0 for files).
func Register(filename, src string, lineOffset, colOffset int) {
	if filename == "" {
		return
	}
	registry.Lock()
	defer registry.Unlock()
	if registry.files == nil {
		registry.files = make(map[string][]*source)
	}
	list, known := registry.files[filename]
	for i, old := range list {
		if old.text == src && old.lineOffset == lineOffset && old.colOffset == colOffset {
			// known text: make it the latest
			list = append(append(list[:i:i], list[i+1:]...), old)
			registry.files[filename] = list
			return
		}
	}
	if !known {
		registry.order = append(registry.order, filename)
	}
	list = append(list, &source{text: src, lines: strings.Split(src, "\n"), lineOffset: lineOffset, colOffset: colOffset})
	registry.bytes += len(src)
	if len(list) > maxPerName {
		registry.bytes -= len(list[0].text)
		list = list[1:]
	}
	registry.files[filename] = list
	for registry.bytes > maxBytes && len(registry.order) > 1 {
		name := registry.order[0]
		registry.order = registry.order[1:]
		for _, old := range registry.files[name] {
			registry.bytes -= len(old.text)
		}
		delete(registry.files, name)
	}
}

// lookupHint returns the latest text of filename, preferring the latest
// that contains hint.
func lookupHint(filename, hint string) *source {
	registry.Lock()
	defer registry.Unlock()
	list := registry.files[filename]
	if len(list) == 0 {
		return nil
	}
	if hint != "" && len(list) > 1 {
		for i := len(list) - 1; i >= 0; i-- {
			if strings.Contains(list[i].text, hint) {
				return list[i]
			}
		}
	}
	return list[len(list)-1]
}

// Source returns the text compiled under filename (the latest holding
// hint, when several were) and its offsets.
func Source(filename, hint string) (src string, lineOffset, colOffset int, ok bool) {
	s := lookupHint(filename, hint)
	if s == nil {
		return "", 0, 0, false
	}
	return s.text, s.lineOffset, s.colOffset, true
}

// Line returns the text of a 1-based line of filename (positions as sobek
// reports them, offsets included) and the 0-based index into it of a
// 1-based column.
func Line(filename string, line, col int) (text string, idx int, ok bool) {
	return LineHint(filename, "", line, col)
}

// LineHint is Line in the latest text of filename that holds hint (a
// function's name).
func LineHint(filename, hint string, line, col int) (text string, idx int, ok bool) {
	s := pick(filename, hint, line, col)
	if s == nil {
		return "", 0, false
	}
	return s.at(line, col)
}

// SourceAt is Source for the text a position of filename is in: the
// latest where the position fits, holding hint if one does.
func SourceAt(filename, hint string, line, col int) (src string, lineOffset, colOffset int, ok bool) {
	s := pick(filename, hint, line, col)
	if s == nil {
		return "", 0, 0, false
	}
	return s.text, s.lineOffset, s.colOffset, true
}

func pick(filename, hint string, line, col int) *source {
	registry.Lock()
	list := registry.files[filename]
	registry.Unlock()
	var fit *source
	for i := len(list) - 1; i >= 0; i-- {
		t, x, ok := list[i].at(line, col)
		if !ok || x < 0 || x > len(t) {
			continue
		}
		if hint == "" || len(list) == 1 || strings.Contains(list[i].text, hint) {
			return list[i]
		}
		if fit == nil {
			fit = list[i]
		}
	}
	if fit != nil {
		return fit
	}
	if len(list) > 0 {
		return list[len(list)-1]
	}
	return nil
}

func (s *source) at(line, col int) (string, int, bool) {
	l := line - s.lineOffset
	if l < 1 || l > len(s.lines) {
		return "", 0, false
	}
	idx := col - 1
	if l == 1 {
		idx -= s.colOffset
	}
	return strings.TrimSuffix(s.lines[l-1], "\r"), idx, true
}

// Column returns the column V8 reports for a position sobek reported in
// filename, or col when the source is unknown or nothing needs moving.
func Column(filename string, line, col int) int {
	return ColumnHint(filename, "", line, col)
}

// ColumnHint is Column in the latest text of filename that holds hint.
func ColumnHint(filename, hint string, line, col int) int {
	text, idx, ok := LineHint(filename, hint, line, col)
	if !ok || idx < 0 || idx >= len(text) {
		return col
	}
	return col + V8Index(text, idx) - idx
}

// V8Index moves a 0-based index into a source line to where V8 points:
// a call's `(` to the start of the callee's name (or to `new` for a
// construction), and the start of the callee of a `new` expression to the
// `new` keyword.
func V8Index(text string, i int) int {
	if i < 0 || i >= len(text) {
		return i
	}
	switch {
	case text[i] == '(':
		j := i
		for j > 0 && (text[j-1] == ' ' || text[j-1] == '\t') {
			j--
		}
		if j == 0 || !isIdentByte(text[j-1]) {
			return i // (f)(), a[b](), f()(): V8 keeps the paren
		}
		k := j
		for k > 0 && isIdentByte(text[k-1]) {
			k--
		}
		if n := newBefore(text, chainStart(text, k)); n >= 0 {
			return n
		}
		return k
	case isIdentByte(text[i]) && i > 0 && text[i-1] == '.':
		// `o.p = v`: V8 reports a failed or throwing write at the `=`
		e := i
		for e < len(text) && isIdentByte(text[e]) {
			e++
		}
		for e < len(text) && (text[e] == ' ' || text[e] == '\t') {
			e++
		}
		if e < len(text) && text[e] == '=' && (e+1 == len(text) || text[e+1] != '=' && text[e+1] != '>') {
			return e
		}
	case isIdentByte(text[i]) && (i == 0 || !isIdentByte(text[i-1])):
		if chainStart(text, i) == i && keywordAt(text, i) == "" {
			if n := newBefore(text, i); n >= 0 {
				return n
			}
			if n := keywordBefore(text, i, "return"); n >= 0 {
				return n // V8 reports a failing `return x...` at the return
			}
		}
	}
	return i
}

// chainStart walks back from the identifier at k over `a.b.` / `a?.b.`
// to the start of the member chain.
func chainStart(text string, k int) int {
	for {
		j := k
		if j > 0 && text[j-1] == '.' {
			j--
			if j > 0 && text[j-1] == '?' {
				j--
			}
		} else {
			return k
		}
		if j == 0 || !isIdentByte(text[j-1]) {
			return k
		}
		for j > 0 && isIdentByte(text[j-1]) {
			j--
		}
		k = j
	}
}

// newBefore returns the index of a `new` keyword right before k (spaces
// between), or -1.
func newBefore(text string, k int) int { return keywordBefore(text, k, "new") }

// keywordBefore returns the index of keyword kw right before k (spaces
// between), or -1.
func keywordBefore(text string, k int, kw string) int {
	j := k
	for j > 0 && (text[j-1] == ' ' || text[j-1] == '\t') {
		j--
	}
	n := len(kw)
	if j == k || j < n || text[j-n:j] != kw || (j > n && isIdentByte(text[j-n-1])) {
		return -1
	}
	return j - n
}

// Callee returns the source text of the callee of the call (or `new`)
// reported at a position of filename: "o.f" for `o.f(1)` reported at its
// `(` or at `f`, "this.run" for `this.run()`. It returns "" when the text
// there is not a plain member chain.
func Callee(filename string, line, col int) string {
	text, idx, ok := Line(filename, line, col)
	if !ok {
		return ""
	}
	return CalleeAt(text, idx)
}

// CalleeAt is Callee on a source line and a 0-based index.
func CalleeAt(text string, i int) string {
	if i < 0 || i >= len(text) {
		return ""
	}
	if strings.HasPrefix(text[i:], "new") && (i+3 == len(text) || !isIdentByte(text[i+3])) {
		i += 3
		for i < len(text) && (text[i] == ' ' || text[i] == '\t') {
			i++
		}
	}
	// end of the member chain starting at or containing i
	end := i
	if text[i] == '(' {
		for end > 0 && (text[end-1] == ' ' || text[end-1] == '\t') {
			end--
		}
	} else {
		for end < len(text) {
			c := text[end]
			if isIdentByte(c) || c == '.' || (c == '?' && end+1 < len(text) && text[end+1] == '.') {
				end++
				continue
			}
			break
		}
		if !strings.HasPrefix(strings.TrimLeft(text[end:], " \t"), "(") && !strings.HasPrefix(strings.TrimLeft(text[end:], " \t"), "`") {
			return ""
		}
	}
	if end > 0 && text[end-1] == ']' {
		// o["name"]( reads as o.name in V8's messages
		open := strings.LastIndexByte(text[:end-1], '[')
		if open > 0 {
			lit := text[open+1 : end-1]
			if len(lit) >= 2 && (lit[0] == '"' || lit[0] == '\'') && lit[len(lit)-1] == lit[0] && isName(lit[1:len(lit)-1]) {
				if obj := chainEndingAt(text, open); obj != "" {
					return obj + "." + lit[1:len(lit)-1]
				}
			}
		}
		return ""
	}
	return chainEndingAt(text, end)
}

// isName reports whether s is a plain identifier.
func isName(s string) bool {
	if s == "" || s[0] >= '0' && s[0] <= '9' {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !isIdentByte(s[i]) {
			return false
		}
	}
	return true
}

// chainEndingAt returns the member chain (a.b.c) that ends right before
// end, or "".
func chainEndingAt(text string, end int) string {
	if end == 0 || !isIdentByte(text[end-1]) {
		return ""
	}
	k := end
	for k > 0 && isIdentByte(text[k-1]) {
		k--
	}
	start := chainStart(text, k)
	return text[start:end]
}

func isIdentByte(c byte) bool {
	return c == '_' || c == '$' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80
}

// keywordAt returns the keyword that starts at i (one that begins an
// expression: new, typeof, void, delete, await, yield, this is no
// keyword here), or "".
func keywordAt(text string, i int) string {
	e := i
	for e < len(text) && isIdentByte(text[e]) {
		e++
	}
	switch w := text[i:e]; w {
	case "new", "typeof", "void", "delete", "await", "yield", "function", "class", "async", "super":
		return w
	}
	return ""
}
