package vm

import (
	"testing"

	"github.com/grafana/sobek"
)

// TestHotPathAllocations bounds the allocations of the vm builtin's hot
// paths as JavaScript calls them (BenchmarkFromJS's workloads). The bounds
// sit a little above today's counts, so a change that adds per-run work
// (a reflect snapshot, a closure, a spread) fails here; counts do not
// depend on the machine's load.
func TestHotPathAllocations(t *testing.T) {
	cases := []struct {
		name, setup, body string
		max               float64 // allocations per call
	}{
		// today 6: sobek's proxy trap key conversions and int boxing
		{"ScriptRerunSameContext", "const ctx = vm.createContext({ g: 0 }); const s = new vm.Script('g = g + 1');", "s.runInContext(ctx)", 8},
		// today 1: the boxed loop counter
		{"CrossContextCall", "const add = vm.runInContext('(function add(a) { return a + 1 })', vm.createContext({}));", "add(i)", 2},
		{"NewScript", "", "new vm.Script('x + 1')", 30},
		{"CreateContext", "", "vm.createContext({ x: 1 })", 75},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			h, _ := newTestHost(t)
			rt := h.Runtime
			v, err := rt.RunString("(function () { 'use strict'; " + tc.setup + " return function (n) { for (let i = 0; i < n; i++) " + tc.body + " } })()")
			if err != nil {
				t.Fatal(err)
			}
			fn, _ := sobek.AssertFunction(v)
			const per = 100
			n := rt.ToValue(per)
			if _, err := fn(nil, n); err != nil { // warm up
				t.Fatal(err)
			}
			allocs := testing.AllocsPerRun(20, func() {
				if _, err := fn(nil, n); err != nil {
					t.Fatal(err)
				}
			}) / per
			if allocs > tc.max {
				t.Errorf("%s: %.1f allocations per call, want at most %v", tc.name, allocs, tc.max)
			}
			t.Logf("%s: %.2f allocations per call", tc.name, allocs)
		})
	}
}
