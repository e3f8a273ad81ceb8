package engine

import (
	"io"
	"reflect"
	"regexp"
	"regexp/syntax"
	"strings"
	"unsafe"

	"github.com/grafana/sobek"
)

// sobek runs a pattern without backreferences or lookarounds on Go's
// regexp, which is linear but cannot be interrupted: /[xy]z/.test over
// 2*10^8 characters scans for 25 s under a 50 ms timeout. So before a
// long input (scanMin characters) meets such a pattern with no literal
// prefix, the guard (regexguard.go) scans it itself through an
// io.RuneReader that picks up the run's interrupts every iterCheckEvery
// characters (checkRun); when it finds no match the method answers "no
// match" itself (lastIndex as the method sets it), so the uninterruptible
// scan never runs. With a match, sobek's own finds it again (no longer
// than the interruptible scan took). A literal prefix that never occurs
// is also no match, found by a string search; one that occurs is left to
// sobek (its scan skips from prefix to prefix, which a reader cannot).
// The input is read as sobek reads it: UTF-16 code units, or with the u
// flag code points (a lone surrogate as itself).

const scanMin = 1 << 20

// goRegexpOf returns the Go regexp sobek runs rx on (nil: regexp2).
func goRegexpOf(rx *sobek.Object) *regexp.Regexp {
	if regexLayout.goRegexpOff == 0 {
		return nil
	}
	impl := implOf(rx)
	if !impl.IsValid() || impl.Type() != regexLayout.rxType {
		return nil
	}
	pat := *(*unsafe.Pointer)(unsafe.Add(impl.UnsafePointer(), regexLayout.patternOff))
	if pat == nil {
		return nil
	}
	return *(**regexp.Regexp)(unsafe.Add(pat, regexLayout.goRegexpOff))
}

// findGoRegexpLayout finds regexpPattern.regexpWrapper (a *regexp.Regexp
// under another name), from findRegexLayout.
func findGoRegexpLayout(pat reflect.Type) {
	f, ok := pat.FieldByName("regexpWrapper")
	if !ok || f.Type.Kind() != reflect.Pointer || !f.Type.Elem().ConvertibleTo(reflect.TypeFor[regexp.Regexp]()) || f.Type.Elem().Size() != reflect.TypeFor[regexp.Regexp]().Size() {
		return
	}
	regexLayout.goRegexpOff = f.Offset
}

// interruptReader reads a JS string for Go's regexp, checking the run
// every iterCheckEvery characters.
type interruptReader struct {
	rt      *sobek.Runtime
	s       sobek.String
	ascii   string // s when it is ASCII
	i, n    int
	unicode bool
	count   int
}

func (r *interruptReader) ReadRune() (rune, int, error) {
	if r.i >= r.n {
		return 0, 0, io.EOF
	}
	if r.count++; r.count >= iterCheckEvery {
		r.count = 0
		checkRun(r.rt)
	}
	if r.ascii != "" {
		c := r.ascii[r.i]
		r.i++
		return rune(c), 1, nil
	}
	c := rune(r.s.CharAt(r.i))
	r.i++
	if r.unicode && 0xD800 <= c && c < 0xDC00 && r.i < r.n {
		if d := rune(r.s.CharAt(r.i)); 0xDC00 <= d && d < 0xE000 {
			r.i++
			return (c-0xD800)<<10 + (d - 0xDC00) + 0x10000, 2, nil
		}
	}
	return c, 1, nil
}

// scanFindsNothing reports whether rx, on Go's regexp, certainly does not
// match s, scanning interruptibly; false when it may match or is not
// scanned so (short input, regexp2, a prefix that occurs).
func scanFindsNothing(rt *sobek.Runtime, rx *sobek.Object, s sobek.String) bool {
	n := s.Length()
	if n < scanMin {
		return false
	}
	re := goRegexpOf(rx)
	if re == nil {
		return false
	}
	str := s.String()
	ascii := ""
	if len(str) == n && isASCII(str) {
		ascii = str
	}
	if prefix, _ := re.LiteralPrefix(); prefix != "" {
		if ascii == "" || !isASCII(prefix) {
			return false
		}
		return !containsString(ascii, prefix)
	}
	unicode := rx.Get("unicode").ToBoolean() // the standard getter
	return re.FindReaderIndex(&interruptReader{rt: rt, s: s, ascii: ascii, n: n, unicode: unicode}) == nil
}

// containsString: a string search takes no interrupt either, but runs at
// memory speed (2*10^8 bytes in ~20 ms).
func containsString(s, sub string) bool { return strings.Contains(s, sub) }

// noMatchAnswer is what method kind answers for no match, with lastIndex
// set as it sets it.
func noMatchAnswer(rt *sobek.Runtime, kind int, rx *sobek.Object, s sobek.String) sobek.Value {
	resets := rx.Get("global").ToBoolean() || rx.Get("sticky").ToBoolean()
	if kind == kSearch {
		resets = false // search restores it
	}
	if resets {
		if err := rx.Set("lastIndex", 0); err != nil {
			panic(err)
		}
	}
	switch kind {
	case kTest:
		return rt.ToValue(false)
	case kSearch:
		return rt.ToValue(-1)
	case kReplace:
		return s
	}
	return sobek.Null()
}

// countGoMatches counts the matches of a global rx, on Go's regexp with
// no anchor or word boundary, in the ASCII string s (as its replace
// finds them: after an empty match the search moves on one character),
// and their total length; ok is false for other patterns. Counting picks
// up the run's interrupts, and stops early (ok, with the counts so far)
// once n replacements of repLen characters alone pass V8's longest
// string. A replace over a string longer than maxCounted is checked so
// (regexguard.go's checkReplace) without sobek's match array.
func countGoMatches(rt *sobek.Runtime, rx *sobek.Object, s string, repLen float64) (n, matched int, ok bool) {
	re := goRegexpOf(rx)
	if re == nil || !anchorFree(re) {
		return 0, 0, false
	}
	t := ticker{rt: rt}
	for pos := 0; pos <= len(s); {
		t.tick()
		loc := re.FindStringIndex(s[pos:])
		if loc == nil {
			break
		}
		n++
		matched += loc[1] - loc[0]
		if float64(n)*repLen > MaxStringLength {
			break
		}
		if loc[1] == loc[0] {
			pos += loc[1] + 1
		} else {
			pos += loc[1]
		}
	}
	return n, matched, true
}

// anchorFree: re's matches in a suffix of a string are its matches in
// the whole string from there on (no ^, $, \A, \z, \b or \B).
func anchorFree(re *regexp.Regexp) bool {
	tree, err := syntax.Parse(re.String(), syntax.Perl)
	if err != nil {
		return false
	}
	var walk func(*syntax.Regexp) bool
	walk = func(r *syntax.Regexp) bool {
		switch r.Op {
		case syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText, syntax.OpEndText, syntax.OpWordBoundary, syntax.OpNoWordBoundary:
			return false
		}
		for _, sub := range r.Sub {
			if !walk(sub) {
				return false
			}
		}
		return true
	}
	return walk(tree)
}
