package engine

import (
	"strings"
	"testing"
	"time"

	"github.com/grafana/sobek"
)

func TestRegExpGuardLayout(t *testing.T) {
	if !RegExpGuardWorks() {
		t.Fatal("sobek's layout for the regex guard changed (regexguard.go)")
	}
}

// catastrophic backtracks for 2**40 steps: regexp2's bound ends it.
const catastrophic = `/^(a+)+\1?b$/`

func guardedRuntime(t *testing.T) *sobek.Runtime {
	t.Helper()
	Prepare()
	rt := sobek.New()
	if !GuardRegExps(rt, true) {
		t.Fatal("GuardRegExps failed")
	}
	return rt
}

// TestRegExpGuard: a match past the bound throws the RangeError through
// every entry; answers within it are unchanged.
func TestRegExpGuard(t *testing.T) {
	defer SetRegexBound(50 * time.Millisecond)()
	rt := guardedRuntime(t)
	if _, err := rt.RunString(`var s = 'a'.repeat(40), n = 'b'.repeat(1e4);
		function code(f) { try { return JSON.stringify(f()) } catch (e) { return e.name + ' ' + e.code } }`); err != nil {
		t.Fatal(err)
	}
	const want = "RangeError ERR_JSVM_REGEX_TIMEOUT"
	for _, src := range []string{
		catastrophic + `.test(s)`,
		`/^(?:(a+)+\1?b|a+)$/.test(s)`, // the second branch would match
		catastrophic + `.exec(s)`,
		`s.match(` + catastrophic + `)`,
		`s.match(/(a+)+\1?b/g)`,
		`[...s.matchAll(/(a+)+\1?b/g)]`,
		`s.replace(` + catastrophic + `, 'x')`,
		`s.replace(/(a+)+\1?b/g, 'x')`,
		`s.replace(/(a+)+\1?b/g, () => 'x')`,
		`s.replaceAll(/(a+)+\1?b/g, 'x')`,
		`s.split(/(a+)+\1?b/)`,
		`s.split(/(a+)+\1?b/, 3)`,
		`s.search(/(a+)+\1?b/)`,
		`s.match('^(a+)+\\1?b$')`,
		`s.search('^(a+)+\\1?b$')`,
		`[...s.matchAll('(a+)+\\1?b')]`,
		`(() => { const r = /(a+)+\1?b/y; return r.test(s) })()`,
		`(() => { const r = /(a+)+\1?b/g; r.lastIndex = 0; return r.exec(s) })()`,
		`RegExp.prototype[Symbol.match].call(/(a+)+\1?b/, s)`,
		`RegExp.prototype[Symbol.replace].call(/(a+)+\1?b/g, s, '')`,
		`RegExp.prototype[Symbol.split].call(/(a+)+\1?b/, s)`,
		`RegExp.prototype[Symbol.search].call(/(a+)+\1?b/, s)`,
		`new RegExp('^(a+)+\\1?b$').test(s)`,
		// generic paths (a subclass, an own property): through exec
		`(() => { class R extends RegExp {}; return s.replace(new R('(a+)+\\1?b', 'g'), 'x') })()`,
		`(() => { const r = /(a+)+\1?b/g; r.foo = 1; return s.match(r) })()`,
		`(() => { class R extends RegExp {}; return s.split(new R('(a+)+\\1?b')) })()`,
		`(() => { const r = /(a+)+\1?b/; Object.setPrototypeOf(r, Object.create(RegExp.prototype)); return r.test(s) })()`,
	} {
		v, err := rt.RunString(`code(() => ` + src + `)`)
		if err != nil {
			t.Errorf("%s: %v", src, err)
			continue
		}
		if v.String() != want {
			t.Errorf("%s: %s, want %s", src, v, want)
		}
	}
	// within the bound: the answers of an unguarded runtime
	plain := sobek.New()
	if _, err := plain.RunString(`var n = 'b'.repeat(1e4)`); err != nil {
		t.Fatal(err)
	}
	for _, src := range []string{
		`/^(a+)+$/.test('aaaa')`, `/(a)\1/.exec('xaay')`, `'abcabc'.replace(/(b)/g, '[$1]')`,
		`'a,b,,c'.split(/,/)`, `'a1b22c'.match(/\d+/g)`, `[...'a1b22'.matchAll(/\d/g)].map(m => m.index)`,
		`'xyz'.search(/z/)`, `n.replace(/(a)\1/g, '')  === n`, `n.split(/(a)\1/).length`, `/(a)\1/.test(n)`,
		`(() => { const r = /a/y; r.lastIndex = 1; return [r.test('ba'), r.lastIndex] })()`,
		`RegExp.prototype.exec.name + RegExp.prototype.exec.length + RegExp.prototype[Symbol.replace].name + RegExp.prototype[Symbol.split].length`,
		`Object.getOwnPropertyNames(RegExp.prototype).join()`,
		`JSON.stringify(Object.getOwnPropertyDescriptor(RegExp.prototype, 'test'))`,
		`'aXbX'.replace(/X/g, function () { return typeof this })`,
		// Go's regexp (no timeout) scanning longer than the bound: an answer
		`/[xy]z/.test('a'.repeat(2e7))`, `'a'.repeat(2e7).search(/[xy]z/)`,
	} {
		got, err := rt.RunString(src)
		want, err2 := plain.RunString(src)
		if err != nil || err2 != nil {
			t.Errorf("%s: %v / %v", src, err, err2)
			continue
		}
		if !got.StrictEquals(want) && got.String() != want.String() {
			t.Errorf("%s: %v, want %v", src, got, want)
		}
	}
}

// TestRegExpGuardKeepsFastPath: the guard's write of exec leaves sobek's
// fast path on (the Symbol methods of a standard RegExp call no exec).
func TestRegExpGuardKeepsFastPath(t *testing.T) {
	rt := guardedRuntime(t)
	v, err := rt.RunString(`let n = 0; const exec = RegExp.prototype.exec;
		Object.defineProperty(RegExp.prototype, 'exec', {value: function (s) { n++; return exec.call(this, s) }, writable: true, configurable: true});
		'aaa'.replace(/a/g, 'b'); n`)
	if err != nil {
		t.Fatal(err)
	}
	// the user's own write of exec switches the fast path off, as in
	// sobek: exec is called for each match and the end
	if v.ToInteger() != 4 {
		t.Fatalf("user exec called %d times, want 4", v.ToInteger())
	}
	rt = guardedRuntime(t)
	if !isStandardRegExp(mustObject(t, rt, `/a/`), regexProtoOf(rt)) {
		t.Fatal("a RegExp literal is not standard after the guard: the fast path is off")
	}
}

func mustObject(t *testing.T, rt *sobek.Runtime, src string) *sobek.Object {
	t.Helper()
	v, err := rt.RunString(src)
	if err != nil {
		t.Fatal(err)
	}
	return v.(*sobek.Object)
}

// TestRegExpGuardInterrupt: a run interrupted during a timed-out match
// ends as the interrupt, not the RangeError (a catch cannot keep it).
func TestRegExpGuardInterrupt(t *testing.T) {
	defer SetRegexBound(50 * time.Millisecond)()
	rt := guardedRuntime(t)
	time.AfterFunc(10*time.Millisecond, func() { rt.Interrupt("stop") })
	_, err := rt.RunString(`try { ` + catastrophic + `.test('a'.repeat(40)) } catch (e) {} for (;;) {}`)
	ie, ok := err.(*sobek.InterruptedError)
	if !ok || ie.Value() != "stop" {
		t.Fatalf("got %v, want the interrupt", err)
	}
	rt.ClearInterrupt()
	if v, err := rt.RunString(`/^(a+)+$/.test('aa')`); err != nil || !v.ToBoolean() {
		t.Fatalf("after the interrupt: %v %v", v, err)
	}
	_, err = rt.RunString(catastrophic + `.test('a'.repeat(40))`)
	if err == nil || !strings.Contains(err.Error(), "exceeded") {
		t.Fatalf("got %v", err)
	}
}
