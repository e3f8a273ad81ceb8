package core

import "testing"

// TestProtoCycleAcrossRealms: a prototype cycle through the membrane is
// V8's TypeError where Node's is, never an endless recursion (Go's fatal
// stack overflow) or an endless loop: setPrototypeOf on a wrapper checks
// through wrappers, the realm's setPrototypeOf functions and __proto__
// setter are guarded, and a cycle formed through a reference to the
// unguarded intrinsic taken before throws on every walk through it.
func TestProtoCycleAcrossRealms(t *testing.T) {
	cases := []struct{ code, want string }{
		{`var b = runInNewContext('({})'), a = {}; Object.setPrototypeOf(b, a);
		  try { Object.setPrototypeOf(runInNewContext('x', {x: a}), b); 'no throw' } catch (e) { e.name + ': ' + e.message }`, "TypeError: Cyclic __proto__ value"},
		{`var b = runInNewContext('({})'), a = {}; Object.setPrototypeOf(b, a); try { a.__proto__ = b; 'no throw' } catch (e) { e.name + ': ' + e.message }`, "TypeError: Cyclic __proto__ value"},
		{`var b = runInNewContext('({})'), a = {}; Object.setPrototypeOf(b, a); Reflect.setPrototypeOf(a, b)`, "false"},
		{`var b = runInNewContext('({})'), a = {}; Object.setPrototypeOf(b, a); try { Object.setPrototypeOf(a, b); 'no throw' } catch (e) { e.name + ': ' + e.message }`, "TypeError: Cyclic __proto__ value"},
		{`var b = runInNewContext('({})'), a = {}; Object.setPrototypeOf(b, a);
		  try { runInNewContext('Object.setPrototypeOf(a, b)', {a, b}); 'no throw' } catch (e) { e.name + ': ' + e.message }`, "TypeError: Cyclic __proto__ value"},
		{`var s = runInNewContext('({})'); try { Object.setPrototypeOf(s, s) } catch (e) { e.message }`, "Cyclic __proto__ value"},
		{`var s = runInNewContext('({})'); try { s.__proto__ = s } catch (e) { e.message }`, "Cyclic __proto__ value"},
	}
	for _, tc := range cases {
		_, rt := newTestIsolate(t)
		v, err := rt.RunString(tc.code)
		if err != nil {
			t.Fatalf("%s: %v", tc.code, err)
		}
		if v.String() != tc.want {
			t.Errorf("%s: %s, want %s", tc.code, v, tc.want)
		}
	}
	// the cycle jsvm cannot refuse (the intrinsic setPrototypeOf taken
	// before the realm had a wrapper): walks through it throw, the
	// isolate keeps working
	_, rt := newTestIsolate(t)
	if _, err := rt.RunString(`var sp = Object.setPrototypeOf; var b = runInNewContext('({})'), a = {}; Object.setPrototypeOf(b, a); sp(a, b)`); err != nil {
		t.Fatal(err)
	}
	for _, walk := range []string{"a.foo", "'foo' in a", "a.foo = 1", "b.foo", "'x' in b", "b.bar = 2", "a.toString()", "a instanceof Object", "String(a)", "Object.getPrototypeOf(b)", "Object.prototype.isPrototypeOf.call(Object.prototype, a)"} {
		v, err := rt.RunString(`try { ` + walk + `; 'no throw' } catch (e) { e.name + ': ' + e.message }`)
		if err != nil {
			t.Fatalf("%s: %v", walk, err)
		}
		if v.String() != "TypeError: Cyclic __proto__ value" {
			t.Errorf("%s: %s", walk, v)
		}
	}
	if v, err := rt.RunString(`runInNewContext('[1, 2].map(x => x + 1).join()')`); err != nil || v.String() != "2,3" {
		t.Fatal(v, err)
	}
}
