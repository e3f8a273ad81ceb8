package vm

import (
	"reflect"
	"runtime"
	"strconv"

	"github.com/grafana/sobek"
	"github.com/jsvm-dev/jsvm/internal/core"
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

// MemoryEstimate is one context's estimated JS memory in bytes.
type MemoryEstimate struct {
	Context  *core.Context
	Estimate int64
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
	ests := EstimateContexts(m.h.Isolate)
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

// EstimateContexts estimates the JS memory of each live context of iso.
func EstimateContexts(iso *core.Isolate) []MemoryEstimate {
	cs := iso.Contexts()
	out := make([]MemoryEstimate, 0, len(cs))
	for _, c := range cs {
		out = append(out, MemoryEstimate{Context: c, Estimate: EstimateContext(c)})
	}
	return out
}

// Sizes the estimate uses, in bytes (close to what sobek allocates).
const (
	sizeBase     = 32 * 1024 // a context's runtime and intrinsics, idle
	sizeObject   = 64
	sizeProperty = 48
	sizeSlot     = 16 // an array element or boxed number
	sizeString   = 16
	sizeFunction = 128
	walkBudget   = 200000 // properties and elements visited per context
	arraySample  = 64     // elements of an array looked at; the rest extrapolated
)

type walker struct {
	iso    *core.Isolate
	seen   map[*sobek.Object]bool
	desc   map[*core.Context]sobek.Callable
	budget int
}

// EstimateContext estimates the JS memory reachable from c's global.
func EstimateContext(c *core.Context) int64 {
	w := &walker{iso: c.Isolate(), seen: map[*sobek.Object]bool{}, desc: map[*core.Context]sobek.Callable{}, budget: walkBudget}
	total := int64(sizeBase)
	if sb, home := c.Sandbox(); sb != nil {
		total += w.value(sb, home)
	}
	total += w.value(c.Builtins(), c)
	return total
}

var (
	proxyType       = reflect.TypeOf(sobek.Proxy{})
	arrayBufferType = reflect.TypeOf(sobek.ArrayBuffer{})
)

// value estimates v (of realm c) and what it reaches, once per object.
func (w *walker) value(v sobek.Value, c *core.Context) (size int64) {
	defer func() {
		if recover() != nil { // a hostile object must not break the walk
			size = sizeObject
		}
	}()
	switch v := v.(type) {
	case nil:
		return 0
	case *sobek.Object:
		return w.object(v, c)
	case sobek.String:
		return sizeString + int64(len(v.String()))
	}
	if sobek.IsString(v) {
		return sizeString + int64(len(v.String()))
	}
	if _, ok := v.Export().(string); ok {
		return sizeString + int64(len(v.String()))
	}
	return sizeSlot
}

func (w *walker) object(o *sobek.Object, c *core.Context) int64 {
	if w.seen[o] {
		return 0
	}
	w.seen[o] = true
	if o.ExportType() == proxyType {
		if orig, home, ok := w.iso.UnwrapContext(o); ok {
			return w.object(orig, home)
		}
		return sizeObject // a user proxy: its target may run traps; not walked
	}
	size := int64(sizeObject)
	switch o.ClassName() {
	case "Array":
		n := o.Get("length").ToInteger()
		size += n * sizeSlot
		k := min(n, arraySample)
		var nested int64
		for i := int64(0); i < k && w.budget > 0; i++ {
			w.budget--
			nested += w.prop(o, strconv.FormatInt(i, 10), c)
		}
		if k > 0 {
			size += nested * n / k
		}
		return size
	case "Function":
		size = sizeFunction
	default:
		switch t := o.ExportType(); {
		case t == arrayBufferType:
			if ab, ok := o.Export().(sobek.ArrayBuffer); ok {
				return size + int64(len(ab.Bytes()))
			}
		case t != nil && t.Kind() == reflect.Slice && t.Elem().Kind() != reflect.Interface:
			// a typed array: its elements are a Go slice
			ev := reflect.ValueOf(o.Export())
			if ev.Kind() == reflect.Slice {
				return size + int64(ev.Len())*int64(t.Elem().Size())
			}
		}
	}
	for _, k := range o.GetOwnPropertyNames() {
		if w.budget <= 0 {
			break
		}
		w.budget--
		size += sizeProperty + w.prop(o, k, c)
	}
	return size
}

// prop estimates o[k] without running getters: the value of a data
// property, the functions of an accessor.
func (w *walker) prop(o *sobek.Object, k string, c *core.Context) int64 {
	gopd, ok := w.desc[c]
	if !ok {
		obj, _ := c.Builtins().Get("Object").(*sobek.Object)
		if obj != nil {
			gopd, _ = sobek.AssertFunction(obj.Get("getOwnPropertyDescriptor"))
		}
		w.desc[c] = gopd
	}
	if gopd == nil {
		return 0
	}
	d, err := gopd(sobek.Undefined(), o, c.Runtime().ToValue(k))
	if err != nil {
		return 0
	}
	do, ok := d.(*sobek.Object)
	if !ok {
		return 0
	}
	if v := do.Get("value"); v != nil && !sobek.IsUndefined(v) {
		return w.value(v, c)
	}
	return w.value(do.Get("get"), c) + w.value(do.Get("set"), c)
}
