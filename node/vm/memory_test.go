package vm

import (
	"testing"

	"github.com/grafana/sobek"
	"github.com/jsvm-dev/jsvm/internal/core"
	"github.com/jsvm-dev/jsvm/node/host"
)

func newTestHost(t testing.TB) (*host.Host, *sobek.Object) {
	t.Helper()
	iso := core.NewIsolate(core.IsolateOptions{})
	rt := iso.Main().Runtime()
	h := &host.Host{Isolate: iso, Runtime: rt}
	mod := rt.NewObject()
	if err := Load(h, mod); err != nil {
		t.Fatal(err)
	}
	_ = rt.Set("vm", mod.Get("exports"))
	return h, mod
}

// TestMeasureMemoryTracksReality: a context holding 10 MB reports at least
// 10 MB more than an empty one, whatever realm the big value lives in.
func TestMeasureMemoryTracksReality(t *testing.T) {
	const mb10 = 10 << 20
	cases := []struct{ name, code string }{
		{"typed array in the context", `vm.runInContext('var big = new Uint8Array(10 * 1024 * 1024)', c)`},
		{"array of numbers", `vm.runInContext('var big = new Array(700000).fill(1.5)', c)`},
		{"array of objects", `vm.runInContext('var big = []; for (let i = 0; i < 100000; i++) big.push({ a: i, b: "x" + i })', c)`},
		{"string", `vm.runInContext('var big = "x".repeat(10 * 1024 * 1024)', c)`},
		{"ArrayBuffer on the sandbox", `c.big = new ArrayBuffer(10 * 1024 * 1024)`},
		{"nested", `vm.runInContext('globalThis.o = { deep: { deeper: [new Float64Array(1310720)] } }', c)`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			h, _ := newTestHost(t)
			rt := h.Runtime
			if _, err := rt.RunString(`var c = vm.createContext({}); var empty = vm.createContext({})`); err != nil {
				t.Fatal(err)
			}
			if _, err := rt.RunString(tc.code); err != nil {
				t.Fatal(err)
			}
			var full, empty *core.Context
			main := h.Isolate.Main()
			for _, name := range []string{"c", "empty"} {
				o := rt.Get(name).(*sobek.Object)
				ctx := h.Isolate.ContextOf(o, main)
				if name == "c" {
					full = ctx
				} else {
					empty = ctx
				}
			}
			ef, ee := full.EstimateMemory(), empty.EstimateMemory()
			if ef-ee < mb10 {
				t.Fatalf("full %d, empty %d: difference %d < 10 MB", ef, ee, ef-ee)
			}
			if ee > 1<<20 {
				t.Fatalf("empty context estimated at %d bytes", ee)
			}
		})
	}
}

func TestMeasureMemoryDetailed(t *testing.T) {
	h, _ := newTestHost(t)
	rt := h.Runtime
	v, err := rt.RunString(`
		var ctxs = [vm.createContext({}), vm.createContext({})];
		vm.runInContext('var big = new Uint8Array(10 * 1024 * 1024)', ctxs[1]);
		var out;
		vm.measureMemory({ mode: 'detailed', execution: 'eager' }).then((r) => { out = r });
		out`)
	if err != nil {
		t.Fatal(err)
	}
	_ = v
	out := rt.Get("out").(*sobek.Object)
	total := out.Get("total").(*sobek.Object).Get("jsMemoryEstimate").ToInteger()
	current := out.Get("current").(*sobek.Object).Get("jsMemoryEstimate").ToInteger()
	var others []int64
	for _, e := range out.Get("other").Export().([]any) {
		others = append(others, e.(map[string]any)["jsMemoryEstimate"].(int64))
	}
	if len(others) != 2 {
		t.Fatalf("other has %d entries, want 2", len(others))
	}
	sum := current
	for _, o := range others {
		sum += o
	}
	if total != sum {
		t.Fatalf("total %d != sum of contexts %d", total, sum)
	}
	if others[1]-others[0] < 10<<20 {
		t.Fatalf("others %v: the 10 MB context is not 10 MB bigger", others)
	}
	hi := out.Get("total").(*sobek.Object).Get("jsMemoryRange").Export().([]any)[1].(int64)
	if hi < total {
		t.Fatalf("range high %d < estimate %d", hi, total)
	}
}
