package core

import "testing"

// TestOverflowInAsyncBody: a stack overflow that unwinds an async body (or
// a generator's) in a nested run leaves sobek's VM broken as an interrupt
// does (engine.SaveVM); runs snapshot the VM, so the caller gets V8's
// RangeError and the realm keeps working.
func TestOverflowInAsyncBody(t *testing.T) {
	_, rt := newTestIsolate(t)
	for _, body := range []string{
		`(async () => { function f() { f() } f() })()`,
		`(async function () { try { (function f() { f() })() } finally { } })()`,
		`(function* () { function f() { f() } f() })().next()`,
		`[1].map(async () => { function f() { f() } f() })`,
	} {
		v, err := rt.RunString(`(function () {
			var sb = createContext({});
			sb.inner = function () { return runInContext(` + "`" + body + "`" + `, sb) };
			var r = runInContext("var r; try { inner(); r = 'returned' } catch (e) { r = 'caught ' + e.name } r + ' / ' + [1, 2].map(x => x * 2).join()", sb);
			return r + ' / ' + runInContext('(async () => 6 * 7)() && [3].map(x => x + 1)[0]', sb);
		})()`)
		if err != nil {
			t.Fatalf("%s: %v", body, err)
		}
		if got := v.String(); got != "caught RangeError / 2,4 / 4" {
			t.Errorf("%s: %q", body, got)
		}
	}
}
