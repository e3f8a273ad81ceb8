package vm

import (
	"runtime"
	"testing"

	"github.com/grafana/sobek"
)

// BenchmarkFromJS measures the vm builtin's hot paths as JavaScript calls
// them (bench/vm_bench.js runs the same from the jsvm command); allocs/op
// are the steady figure on a loaded machine.
func BenchmarkFromJS(b *testing.B) {
	cases := []struct{ name, setup, body string }{
		{"ScriptRerunSameContext", "const ctx = vm.createContext({ g: 0 }); const s = new vm.Script('g = g + 1');", "s.runInContext(ctx)"},
		{"CreateContextRunTiny", "const s = new vm.Script('x + 1');", "s.runInContext(vm.createContext({ x: 1 }))"},
		{"RunInNewContextString", "", "vm.runInNewContext('x + 1', { x: 1 })"},
		{"NewScript", "", "new vm.Script('x + 1')"},
		{"CreateContext", "", "vm.createContext({ x: 1 })"},
		{"CrossContextCall", "const add = vm.runInContext('(function add(a) { return a + 1 })', vm.createContext({}));", "add(i)"},
	}
	for _, tc := range cases {
		b.Run(tc.name, func(b *testing.B) {
			h, _ := newTestHost(b)
			rt := h.Runtime
			v, err := rt.RunString("(function () { 'use strict'; " + tc.setup + " return function (n) { for (let i = 0; i < n; i++) " + tc.body + " } })()")
			if err != nil {
				b.Fatal(err)
			}
			fn, _ := sobek.AssertFunction(v)
			if _, err := fn(nil, rt.ToValue(10)); err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			b.ResetTimer()
			if _, err := fn(nil, rt.ToValue(b.N)); err != nil {
				b.Fatal(err)
			}
		})
	}
}

// BenchmarkRetainedFromJS reports the heap retained per idle context made
// from JS (vm_bench.js's RetainedPerIdleContext: createContext and one
// tiny run with a var declaration each) as bytes/context. One op is one
// context: the contexts are made in batches of at most 2,000, each kept
// until the heap after it is read (two collections per batch, outside the
// timer). Before, every op made a whole batch of 2,000 contexts with its
// two collections, so -benchtime 5000x meant ten million contexts and
// ten thousand forced collections: CPU-minutes for one figure.
func BenchmarkRetainedFromJS(b *testing.B) {
	const batch = 2000
	h, _ := newTestHost(b)
	rt := h.Runtime
	v, err := rt.RunString(`(function () { 'use strict'; const s = new vm.Script('var y = x + 1'); let keep;
		return { make(n) { keep = []; for (let i = 0; i < n; i++) { const c = vm.createContext({ x: 1 }); s.runInContext(c); keep.push(c) } },
			drop() { keep = undefined } } })()`)
	if err != nil {
		b.Fatal(err)
	}
	o := v.ToObject(rt)
	mk, _ := sobek.AssertFunction(o.Get("make"))
	drop, _ := sobek.AssertFunction(o.Get("drop"))
	var retained, made int64
	b.ResetTimer()
	for left := b.N; left > 0; left -= batch {
		n := min(left, batch)
		b.StopTimer()
		before := heapAlloc()
		b.StartTimer()
		if _, err := mk(nil, rt.ToValue(n)); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		retained += heapAlloc() - before
		made += int64(n)
		if _, err := drop(nil); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
	}
	if made >= 100 { // fewer contexts than that measure the collector's noise
		b.ReportMetric(float64(retained)/float64(made), "bytes/context")
	}
}

func heapAlloc() int64 {
	runtime.GC()
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return int64(ms.HeapAlloc)
}
