package core

import (
	"runtime/debug"
	"strings"
	"testing"

	"github.com/grafana/sobek"
)

// Recursion that overflows must end in V8's RangeError, catchable at the
// first crossing out of the realm it happened in, with one budget for the
// whole isolate: the Go stack under the deepest recursion stays far below
// Go's fatal limit (lowered here, so a regression crashes the test).
func TestStackOverflowIsRangeError(t *testing.T) {
	defer debug.SetMaxStack(debug.SetMaxStack(raceStackFactor * 256 << 20))
	iso, rt := newTestIsolate(t)
	cases := []struct{ name, code string }{
		{"in context", `runInNewContext('function f(){ return f() } f()')`},
		{"in context, native frames", `runInNewContext('function f(){ return [1].map(f) } f()')`},
		{"in context, getter", `runInNewContext('var o = { get x() { return this.x } }; o.x')`},
		{"in context, toString", `runInNewContext('var o = { toString() { return "" + o } }; "" + o')`},
		{"in context, proxy", `runInNewContext('var p = new Proxy({}, { get(t, k) { return p[k] } }); p.x')`},
		{"new context each level", `var n = 0; function r() { n++; return runInNewContext('r()', {r: r}) } r()`},
		{"same context", `var sb = createContext({}); sb.r = function () { return runInContext('r()', sb) }; sb.r()`},
		{"getter across realms", `var sb = createContext({}); var o = {}; sb.o = o;
			Object.defineProperty(o, 'x', { get() { return runInContext('o.x', sb) } }); o.x`},
		{"function across realms", `var sb = createContext({}); var f = runInContext('(function (g) { return g(g) })', sb);
			function g(h) { return f(g) } g(g)`},
		{"toString across realms", `var sb = createContext({}); var o = { toString() { return runInContext('String(o)', sb) } };
			sb.o = o; String(o)`},
		{"proxy traps across realms", `var sb = createContext({});
			var p = runInContext('(function (h) { return new Proxy({}, { get(t, k) { return h[k] } }) })', sb);
			var q; var h = new Proxy({}, { get(t, k) { return q[k] } }); q = p(h); q.x`},
		{"apply traps across realms", `var sb = createContext({});
			var wrap = runInContext('(function (g) { return new Proxy(function () {}, { apply(t, th, a) { return g() } }) })', sb);
			var w; w = wrap(function () { return w() }); w()`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			// Go-nested recursion in one runtime (getters, natives calling
			// back) unwinds in O(depth²) (sobek re-panics at every level):
			// a smaller budget keeps those cases fast; the crossing cases
			// run with the full one, where the Go stack is deepest
			iso.setMaxStack(MaxCallStackSize)
			if strings.HasPrefix(tc.name, "in context") {
				iso.setMaxStack(2000)
			}
			v, err := rt.RunString(`(function () { try { ` + tc.code + `; return 'no error' } catch (e) { return String(e && e.name) + ': ' + String(e && e.message) } })()`)
			if err != nil {
				t.Fatalf("uncaught: %v", err)
			}
			if got := v.String(); got != "RangeError: "+StackOverflowMessage {
				t.Fatalf("got %q", got)
			}
			// the isolate keeps working, with its whole budget
			v, err = rt.RunString(`runInNewContext('function d(n) { return n ? d(n - 1) + 1 : 0 } d(1900)')`)
			if err != nil || v.ToInteger() != 1900 {
				t.Fatalf("after: %v %v", v, err)
			}
		})
	}
}

// A run whose code overflows returns the RangeError as a JS exception of
// the context, so Go callers and the vm builtin see an ordinary throw.
func TestRunProgramOverflowIsException(t *testing.T) {
	iso := NewIsolate(IsolateOptions{})
	c := iso.Contextify(iso.Main().Runtime().NewObject(), iso.Main(), ContextOptions{})
	s, err := Compile(`function f() { return f() } f()`, ScriptOptions{})
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.Run(s)
	ex, ok := err.(*sobek.Exception)
	if !ok {
		t.Fatalf("got %T %v", err, err)
	}
	o := ex.Value().(*sobek.Object)
	if o.Get("name").String() != "RangeError" || o.Get("message").String() != StackOverflowMessage {
		t.Fatalf("got %v", o)
	}
	if st := o.Get("stack").String(); !strings.HasPrefix(st, "RangeError: Maximum call stack size exceeded\n    at f (") || strings.Count(st, "\n") != 10 {
		t.Fatalf("stack %q", st)
	}
	proto := c.Builtins().Get("RangeError").(*sobek.Object).Get("prototype")
	if !o.Prototype().SameAs(proto) {
		t.Fatalf("not the context's RangeError: %v", o.Prototype())
	}
}

// TestCallDepth fails if sobek's layout changes under callDepth (the
// isolate-wide budget then falls back to one budget per runtime).
func TestCallDepth(t *testing.T) {
	rt := sobek.New()
	_ = rt.Set("d", func() int { return callDepth(rt) })
	v, err := rt.RunString("function a() { return d() } function b() { return a() } [d(), a(), b()].join()")
	if err != nil {
		t.Fatal(err)
	}
	if v.String() != "2,3,4" {
		t.Fatalf("sobek's call stack layout changed: depths %s", v)
	}
}

// sobek facts the budget is built on; these fail loudly if the engine
// changes: its overflow is uncatchable by JS catch, the limit allows one
// frame more than it says, and SetMaxCallStackSize applies at once.
func TestSobekStackOverflow(t *testing.T) {
	rt := sobek.New()
	rt.SetMaxCallStackSize(50)
	_, err := rt.RunString(`try { (function f() { return f() })() } catch (e) { 'caught' }`)
	if _, ok := err.(*sobek.StackOverflowError); !ok {
		t.Fatalf("sobek's overflow is catchable now (%T %v): the boundary conversion may be unneeded", err, err)
	}
	_ = rt.Set("depth", func() int { return callDepth(rt) })
	v, err := rt.RunString(`var max = 0; function g() { max = depth(); g() } try { g() } catch (e) {} max`)
	if _, ok := err.(*sobek.StackOverflowError); !ok {
		t.Fatalf("%v", err)
	}
	if max := rt.Get("max").ToInteger(); max != 51 {
		t.Fatalf("deepest frame with limit 50: %d (%v)", max, v)
	}
	// still usable
	if v, err := rt.RunString(`1 + 1`); err != nil || v.ToInteger() != 2 {
		t.Fatal(v, err)
	}
}

// A Go call into JS (Guard, under the Go API's Value.Call) that overflows
// returns V8's RangeError as a JS exception, and counts in the budget.
func TestGuardOverflowIsException(t *testing.T) {
	iso := NewIsolate(IsolateOptions{})
	c := iso.Main()
	v, err := c.Runtime().RunString(`(function f() { return f() })`)
	if err != nil {
		t.Fatal(err)
	}
	fn, _ := sobek.AssertFunction(v)
	err = c.Guard(func() {
		if _, err := fn(sobek.Undefined()); err != nil {
			panic(err)
		}
	})
	ex, ok := err.(*sobek.Exception)
	if !ok || ex.Value().(*sobek.Object).Get("message").String() != StackOverflowMessage {
		t.Fatalf("got %T %v", err, err)
	}
}
