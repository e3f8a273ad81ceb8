package engine

import (
	"testing"

	"github.com/grafana/sobek"
)

// TestLazyGlobalLayout fails when sobek's global template changes shape:
// AddLazyGlobal would report false and WebAssembly would be missing.
func TestLazyGlobalLayout(t *testing.T) {
	if !LazyGlobals() {
		t.Fatal("sobek's global object template not found: AddLazyGlobal cannot work")
	}
	built := 0
	if !AddLazyGlobal("__jsvmLazyGlobalProbe", func(rt *sobek.Runtime) sobek.Value {
		built++
		return rt.ToValue(42)
	}) {
		t.Fatal("AddLazyGlobal failed")
	}
	if AddLazyGlobal("Math", func(rt *sobek.Runtime) sobek.Value { return nil }) {
		t.Fatal("AddLazyGlobal replaced a builtin")
	}
	rt := sobek.New()
	if built != 0 {
		t.Fatal("built before use")
	}
	v, err := rt.RunString(`const d = Object.getOwnPropertyDescriptor(globalThis, '__jsvmLazyGlobalProbe');
		[d.value, d.writable, d.enumerable, d.configurable, Object.getOwnPropertyNames(globalThis).includes('__jsvmLazyGlobalProbe'), __jsvmLazyGlobalProbe].join()`)
	if err != nil {
		t.Fatal(err)
	}
	if got := v.String(); got != "42,true,false,true,true,42" || built != 1 {
		t.Fatalf("got %q, built %d", got, built)
	}
}
