package engine

import (
	"testing"
	"unsafe"

	"github.com/grafana/sobek"
)

// TestBindLayout: sobek's bound function, its call and construct fields,
// its ASCII string type and Go's method values are the ones bindchain.go
// reads; if this fails, bind is sobek's own again (chains quadratic).
func TestBindLayout(t *testing.T) {
	if !BindLayoutWorks() {
		t.Fatal("sobek's bound function layout changed (boundFuncObject, nativeFuncObject.f/.construct, asciiString) or Go's method value layout did: bind chains are quadratic again (bindchain.go)")
	}
}

// chainCallAllocs counts the allocations of one call down a chain of
// depth bound functions with one bound argument each, made by bind.
func chainCallAllocs(t *testing.T, rt *sobek.Runtime, bind sobek.Value, depth int) float64 {
	t.Helper()
	_ = rt.Set("bind", bind)
	v, err := rt.RunString(`(function () { let f = function (...a) { return a.length }; for (let i = 0; i < ` + itoa(depth) + `; i++) f = bind.call(f, null, i); return f })()`)
	if err != nil {
		t.Fatal(err)
	}
	f, _ := sobek.AssertFunction(v)
	r, err := f(sobek.Undefined())
	if err != nil || r.ToInteger() != int64(depth) {
		t.Fatalf("chain call: %v %v, want %d", r, err, depth)
	}
	return testing.AllocsPerRun(3, func() { _, _ = f(sobek.Undefined()) })
}

// TestSobekBindChainQuadratic: sobek's own bind copies the target's whole
// name into each bound function's ("bound " + name, no sharing), and a
// call down a chain allocates at every level (each prepends its bound
// arguments): 1e5 chained binds hold 30 GB of names and a call copies 5e9
// values. Workaround: wrapBind (bindchain.go).
func TestSobekBindChainQuadratic(t *testing.T) {
	Prepare()
	if sobekBind == nil {
		t.Skip("bind not wrapped")
	}
	rt := sobek.New()
	bind := propValue(sobekBind(rt), lazyProtos.value)
	_ = rt.Set("bind", bind)
	v, err := rt.RunString(`let f = function () {}; Object.defineProperty(f, 'name', {value: 'x'.repeat(1000)}); const b1 = bind.call(f), b2 = bind.call(b1); [b1.name, b2.name]`)
	if err != nil {
		t.Fatal(err)
	}
	a := v.(*sobek.Object)
	n1, n2 := a.Get("0").String(), a.Get("1").String()
	if len(n2) != len(n1)+6 {
		t.Fatalf("names %d %d", len(n1), len(n2))
	}
	if unsafe.StringData(n1) == (*byte)(unsafe.Add(unsafe.Pointer(unsafe.StringData(n2)), 6)) {
		t.Error("sobek's bind now shares a bound function's name with its target's: the name sharing of wrapBind may go")
	}
	if n := chainCallAllocs(t, rt, bind, 200); n < 200 {
		t.Errorf("a call down 200 of sobek's bound functions now allocates %v times (was one or more a level): wrapBind's chain call may go", n)
	}
}

func TestBindChain(t *testing.T) {
	Prepare()
	if !BindLayoutWorks() {
		t.Skip("layout")
	}
	rt := sobek.New()
	fp, _ := rt.RunString(`Function.prototype.bind`)
	if n := chainCallAllocs(t, rt, fp, 200); n > 10 {
		t.Errorf("a call down 200 bound functions allocates %v times", n)
	}
	v, err := rt.RunString(`
		"use strict";
		var n2, n3;
		const out = [];
		function g(...a) { return [String(this), new.target ? new.target.name : '-', ...a].join() }
		const b3 = g.bind(1, 1).bind(2, 2).bind(3, 3);
		out.push(b3(4));
		function G(...a) { this.a = a.join(); this.nt = new.target.name }
		const c1 = G.bind(null, 1), c2 = c1.bind(null, 2), c3 = c2.bind(null, 3);
		function H() {}
		for (const nt of [c3, c2, c1, G, H]) { const o = Reflect.construct(c3, [4], nt); out.push(o.a + ':' + o.nt) }
		let f = function () {}; Object.defineProperty(f, 'name', {value: 'x'.repeat(300)});
		const n1 = f.bind(); n2 = n1.bind(); n3 = n2.bind();
		out.push(n3.name === 'bound bound bound ' + 'x'.repeat(300), n2.name.length, JSON.stringify(Object.getOwnPropertyDescriptor(n2, 'name')).length);
		out.push(String(n3), Function.prototype.toString.call(g).slice(0, 10));
		out.join('|')`)
	if err != nil {
		t.Fatal(err)
	}
	// a chain's names share one buffer: n3's is "bound " + n2's in place
	n2, _ := rt.RunString(`n2.name`)
	n3, _ := rt.RunString(`n3.name`)
	s2, s3 := n2.String(), n3.String()
	if unsafe.StringData(s2) != (*byte)(unsafe.Add(unsafe.Pointer(unsafe.StringData(s3)), 6)) {
		t.Error("n3.name does not share n2.name's memory")
	}
	want := `1,-,1,2,3,4|1,2,3,4:G|1,2,3,4:G|1,2,3,4:G|1,2,3,4:G|1,2,3,4:H|true|312|380|function () { [native code] }|function g`
	if v.String() != want {
		t.Errorf("got  %s\nwant %s (node)", v, want)
	}
}
