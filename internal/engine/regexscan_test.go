package engine

import (
	"errors"
	"testing"

	"github.com/grafana/sobek"
)

func TestGoRegexpLayout(t *testing.T) {
	if !RegExpGuardWorks() || regexLayout.goRegexpOff == 0 {
		t.Fatal("sobek's layout of regexpPattern.regexpWrapper changed (regexscan.go)")
	}
	rt := sobek.New()
	v, err := rt.RunString(`/[xy]z/`)
	if err != nil {
		t.Fatal(err)
	}
	if re := goRegexpOf(v.(*sobek.Object)); re == nil || !re.MatchString("yz") {
		t.Fatal("no Go regexp read")
	}
}

// TestRegexScanInterrupt: the scan of a long input picks up an interrupt
// inside it (sobek's own scan would run to its end first).
func TestRegexScanInterrupt(t *testing.T) {
	rt := guardedRuntime(t)
	v, err := rt.RunString(`var big = 'a'.repeat(1 << 22); /[xy]z/`)
	if err != nil {
		t.Fatal(err)
	}
	rx := v.(*sobek.Object)
	s := rt.Get("big").(sobek.String)
	if !scanFindsNothing(rt, rx, s) {
		t.Fatal("no match not found")
	}
	rt.Interrupt("stop")
	func() {
		defer func() {
			x := recover()
			var ie *sobek.InterruptedError
			if e, ok := x.(error); !ok || !errors.As(e, &ie) {
				t.Errorf("the scan went on: %v", x)
			}
		}()
		scanFindsNothing(rt, rx, s)
	}()
	rt.ClearInterrupt()
}

// TestRegexScanAnswers: the answers for no match over long inputs are the
// methods' own (node v20, same cases).
func TestRegexScanAnswers(t *testing.T) {
	rt := guardedRuntime(t)
	if _, err := rt.RunString(`var big = 'a'.repeat(2e6) + 'b', uni = 'é'.repeat(2e6) + '\ud83d\ude00' + 'x\ud800';
		function code(f) { try { return JSON.stringify(f()) } catch (e) { return e.name } }`); err != nil {
		t.Fatal(err)
	}
	for src, want := range map[string]string{
		`/[xy]z/.test(big)`:       `false`,
		`/[ab]b$/.test(big)`:      `true`,
		`/a{3}b/.exec(big).index`: `1999997`,
		`/[xy]z/g.exec(big)`:      `null`,
		`(() => { const r = /[xy]z/g; r.lastIndex = 5; return [r.test(big), r.lastIndex] })()`:                           `[false,0]`,
		`(() => { const r = /[xy]z/y; r.lastIndex = 5; return [r.exec(big), r.lastIndex] })()`:                           `[null,0]`,
		`(() => { const r = /[xy]z/; r.lastIndex = 5; return [r.test(big), r.lastIndex] })()`:                            `[false,5]`,
		`(() => { const r = /[xy]z/; r.lastIndex = 7; return [big.search(r), r.lastIndex] })()`:                          `[-1,7]`,
		`(() => { const r = /[xy]z/g; r.lastIndex = 7; return [big.replace(r, 'q').length, r.lastIndex] })()`:            `[2000001,0]`,
		`(() => { const r = /[xy]z/g; r.lastIndex = 7; return [big.match(r), r.lastIndex] })()`:                          `[null,0]`,
		`(() => { const r = /[xy]z/g; Object.defineProperty(r, 'lastIndex', {writable: false}); return r.test(big) })()`: `TypeError`,
		`(() => { const r = /[xy]z/; Object.defineProperty(r, 'lastIndex', {writable: false}); return r.test(big) })()`:  `false`,
		`/\ud83d/.test(uni)`:                              `true`,
		`/\ud83d/u.test(uni)`:                             `false`,
		`/[\ud800]$/.test(uni)`:                           `true`,
		`/.\ud800$/u.test(uni)`:                           `true`,
		`/[^aé]\ud83d/.test(uni)`:                         `false`,
		`/x[\ud800]/u.test(uni)`:                          `true`,
		`/q|\d/.test(uni)`:                                `false`,
		`big.replace(/[xy]z/g, () => { throw 1 }).length`: `2000001`,
		`/(?:b|c)$/.test(big)`:                            `true`,
		`/[b]/i.test(big)`:                                `true`,
		`/B/i.test(big)`:                                  `true`,
		`/q\d/.test(big)`:                                 `false`,
	} {
		v, err := rt.RunString(`code(() => ` + src + `)`)
		if err != nil || v.String() != want {
			t.Errorf("%s: %v %v, want %s", src, v, err, want)
		}
	}
}
