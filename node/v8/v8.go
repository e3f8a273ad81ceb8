// Package v8 is Node's `v8` builtin for jsvm, as far as it means anything
// on sobek: heap statistics from Go's runtime, startupSnapshot (never
// building one), coverage calls that do nothing as in Node without
// NODE_V8_COVERAGE, setFlagsFromString (V8 flags have no effect here).
// Heap snapshots and the V8 serializer are not available (clear errors).
package v8

import (
	_ "embed"
	"runtime"

	"github.com/grafana/sobek"
	"github.com/jsvm-dev/jsvm/node/events"
	"github.com/jsvm-dev/jsvm/node/host"
)

//go:embed v8.js
var source string

var embedded = &host.Embedded{Name: "node:v8", Params: "module, exports, internals, binding", Source: source}

// Load is the loader of the `v8` builtin.
func Load(h *host.Host, module *sobek.Object) error {
	rt := h.Runtime
	b := rt.NewObject()
	// heap() -> [heap reserved, heap in use, heap limit, stack in use]:
	// Go's heap is the JS heap (sobek objects are Go values).
	_ = b.Set("heap", func() []float64 {
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		limit := float64(ms.Sys)
		if h.Isolate != nil {
			if n := h.Isolate.MemoryLimit(); n > 0 {
				limit = float64(n)
			}
		}
		return []float64{float64(ms.HeapSys), float64(ms.HeapAlloc), limit, float64(ms.StackInuse)}
	})
	return embedded.Run(h, module, events.Internals(h), b)
}
