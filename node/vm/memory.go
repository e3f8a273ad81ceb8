package vm

import (
	"runtime"

	"github.com/grafana/sobek"
	"github.com/jsvm-dev/jsvm/internal/nodeerr"
)

// installMeasureMemory sets natives.measureMemory (exported as
// vm.measureMemory).
//
// Go's runtime knows the whole heap only, so each context's figure is an
// estimate from a bounded walk of the JS values reachable from its global
// (sandbox and own globals): strings by length, arrays by element count,
// typed arrays and ArrayBuffers by byte length, objects by property count.
// A membrane wrapper is followed to its original, so a value a context
// created counts for it even when stored on a sandbox of another realm.
// total is the sum of the contexts, its range [sum, heap in use].
func (m *module) installMeasureMemory(natives *sobek.Object) {
	warned := false
	_ = natives.Set("measureMemory", func(c sobek.FunctionCall) sobek.Value {
		rt := m.rt
		mode, execution := "summary", "default"
		if o := c.Argument(0); !sobek.IsUndefined(o) {
			obj, ok := o.(*sobek.Object)
			if !ok || obj.ClassName() == "Array" {
				panic(nodeerr.InvalidArgType(rt, "options", "of type object", o))
			}
			if v := obj.Get("mode"); v != nil && !sobek.IsUndefined(v) {
				if s, ok := v.Export().(string); ok && (s == "summary" || s == "detailed") {
					mode = s
				} else {
					panic(nodeerr.InvalidArgValue(rt, "options.mode", v, "must be one of: 'summary', 'detailed'"))
				}
			}
			if v := obj.Get("execution"); v != nil && !sobek.IsUndefined(v) {
				if s, ok := v.Export().(string); ok && (s == "default" || s == "eager") {
					execution = s
				} else {
					panic(nodeerr.InvalidArgValue(rt, "options.execution", v, "must be one of: 'default', 'eager'"))
				}
			}
		}
		if !warned {
			warned = true
			m.experimentalWarning("vm.measureMemory is an experimental feature and might change at any time")
		}
		if execution == "eager" {
			runtime.GC()
		}
		res := m.measure(mode == "detailed")
		p, resolve, _ := rt.NewPromise()
		if err := resolve(res); err != nil {
			panic(err)
		}
		return rt.ToValue(p)
	})
}

// experimentalWarning emits Node's ExperimentalWarning through the host's
// process.emitWarning, when there is one.
func (m *module) experimentalWarning(msg string) {
	defer func() { _ = recover() }()
	proc, ok := m.rt.GlobalObject().Get("process").(*sobek.Object)
	if !ok {
		return
	}
	if emit, ok := sobek.AssertFunction(proc.Get("emitWarning")); ok {
		_, _ = emit(proc, m.rt.ToValue(msg), m.rt.ToValue("ExperimentalWarning"))
	}
}

// measure builds the result object of measureMemory in the main realm.
func (m *module) measure(detailed bool) *sobek.Object {
	rt := m.rt
	current := m.h.Isolate.Executing()
	if current == nil {
		current = m.main
	}
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	heap := int64(ms.HeapInuse)
	ests := m.h.Isolate.EstimateContexts()
	var sum, cur int64
	for _, e := range ests {
		sum += e.Estimate
		if e.Context == current {
			cur = e.Estimate
		}
	}
	entry := func(est int64) *sobek.Object {
		o := rt.NewObject()
		_ = o.Set("jsMemoryEstimate", est)
		_ = o.Set("jsMemoryRange", rt.NewArray(est, max(est, heap)))
		return o
	}
	res := rt.NewObject()
	_ = res.Set("total", entry(sum))
	if detailed {
		_ = res.Set("current", entry(cur))
		var other []any
		for _, e := range ests {
			if e.Context != current {
				other = append(other, entry(e.Estimate))
			}
		}
		_ = res.Set("other", rt.NewArray(other...))
	}
	return res
}
