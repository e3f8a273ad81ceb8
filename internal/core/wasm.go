package core

import (
	"runtime"
	"runtime/metrics"
	"sync"
	"weak"

	"github.com/grafana/sobek"

	"github.com/jsvm-dev/jsvm/internal/engine"
	"github.com/jsvm-dev/jsvm/internal/wasm"
)

// WebAssembly (internal/wasm) is a global of every realm, built the first
// time the realm's code reads it: it is added to sobek's global template
// once per process (engine.AddLazyGlobal), so a realm that never touches
// it pays nothing, and it is a data property of the realm's own global as
// V8's (a context's proxied global answers it from its builtins). Every
// interrupt of a runtime (watchdog, Terminate, memory limit) also stops
// the wasm call running in it (interruptRuntime).

var wasmOnce sync.Once

// lazyWasm reports whether WebAssembly comes from the template; false
// when sobek's layout is unknown and realms install it themselves.
var lazyWasm bool

func prepareWasm() {
	wasmOnce.Do(func() {
		wasm.PolicyFor = wasmPolicy
		lazyWasm = engine.AddLazyGlobal("WebAssembly", wasm.Namespace)
	})
}

// installWasm defines WebAssembly on a realm's builtins when the template
// could not take it.
func (c *Context) installWasm() {
	if !lazyWasm {
		_ = c.builtins.DefineDataProperty("WebAssembly", wasm.Namespace(c.rt), sobek.FLAG_TRUE, sobek.FLAG_FALSE, sobek.FLAG_TRUE)
	}
}

// allIsolates lists the process's isolates weakly: wasmPolicy finds a
// runtime's context there (once per realm that builds WebAssembly), so
// no context pays a registry entry for it.
var allIsolates struct {
	sync.Mutex
	list []weak.Pointer[Isolate]
}

func registerIsolate(iso *Isolate) {
	allIsolates.Lock()
	defer allIsolates.Unlock()
	live := allIsolates.list[:0]
	for _, w := range allIsolates.list {
		if w.Value() != nil {
			live = append(live, w)
		}
	}
	clear(allIsolates.list[len(live):])
	allIsolates.list = append(live, weak.Make(iso))
}

func contextOfRuntime(rt *sobek.Runtime) *Context {
	allIsolates.Lock()
	list := append([]weak.Pointer[Isolate](nil), allIsolates.list...)
	allIsolates.Unlock()
	for _, w := range list {
		iso := w.Value()
		if iso == nil {
			continue
		}
		for _, c := range iso.Contexts() {
			if c.rt == rt {
				return c
			}
		}
	}
	return nil
}

func wasmPolicy(rt *sobek.Runtime) wasm.Policy {
	c := contextOfRuntime(rt)
	if c == nil {
		return wasm.Policy{Absent: true} // a sandbox's or a bare sobek runtime
	}
	iso := c.iso
	p := wasm.Policy{
		NoCodegen: c.Options.DisallowWasm,
		Builtins:  c.builtins,
	}
	if iso.memLimit > 0 {
		// an eighth of the limit kept free: past it the heap watchdog
		// would stop the whole run where V8 fails just the grow
		budget := iso.memLimit - iso.memLimit/8
		p.Allow = func(extra uint64) bool {
			s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}, {Name: "/gc/heap/live:bytes"}}
			heap, _ := heapBytes(s)
			if heap+extra <= budget {
				return true
			}
			// the figure counts garbage: ask again after a collection
			runtime.GC()
			heap, _ = heapBytes(s)
			return heap+extra <= budget
		}
	}
	return p
}

// interruptRuntime interrupts rt with value, and the wasm call running
// in it, if any.
func interruptRuntime(rt *sobek.Runtime, value any) {
	rt.Interrupt(value)
	wasm.Interrupt(rt)
}
