package core

import (
	"reflect"
	"strconv"
	"unsafe"

	"github.com/grafana/sobek"
)

// Memory estimates. Go's runtime knows the whole heap only, so each
// context's figure is an estimate from a bounded walk of the JS values
// reachable from its global (sandbox and own globals): strings by length,
// arrays by element count, typed arrays and ArrayBuffers by byte length,
// objects by property count. A membrane wrapper is followed to its
// original, so a value a context created counts for it even when stored on
// a sandbox of another realm.

// MemoryEstimate is one context's estimated JS memory in bytes.
type MemoryEstimate struct {
	Context  *Context
	Estimate int64
}

// EstimateContexts estimates the JS memory of each live context of iso.
func (iso *Isolate) EstimateContexts() []MemoryEstimate {
	cs := iso.Contexts()
	out := make([]MemoryEstimate, 0, len(cs))
	for _, c := range cs {
		out = append(out, MemoryEstimate{Context: c, Estimate: c.EstimateMemory()})
	}
	return out
}

// Sizes the estimate uses, in bytes (close to what sobek allocates).
const (
	sizeBase     = 6 * 1024 // a context's runtime, global and bookkeeping, idle (bench: ~5.7 KiB)
	sizeObject   = 64
	sizeProperty = 48
	sizeSlot     = 16 // an array element or boxed number
	sizeString   = 16
	sizeFunction = 128
	walkBudget   = 200000 // properties and elements visited per context
	arraySample  = 64     // elements of an array looked at; the rest extrapolated
)

type walker struct {
	iso    *Isolate
	seen   map[*sobek.Object]bool
	bytes  map[*byte]bool // backing stores counted: a buffer, its views and another realm's view of it share one
	desc   map[*Context]sobek.Callable
	budget int
}

// EstimateMemory estimates the JS memory reachable from c's global.
func (c *Context) EstimateMemory() int64 {
	w := &walker{iso: c.Isolate(), seen: map[*sobek.Object]bool{}, bytes: map[*byte]bool{}, desc: map[*Context]sobek.Callable{}, budget: walkBudget}
	total := int64(sizeBase)
	if sb, home := c.Sandbox(); sb != nil {
		total += w.value(sb, home)
	}
	total += w.value(c.Builtins(), c)
	if c.traps != nil {
		// what the context's own global holds beyond its builtins
		for _, e := range c.traps.own.list {
			total += w.value(e.value, c)
		}
	}
	return total
}

// value estimates v (of realm c) and what it reaches, once per object.
func (w *walker) value(v sobek.Value, c *Context) (size int64) {
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

func (w *walker) object(o *sobek.Object, c *Context) int64 {
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
				return size + w.store(ab.Bytes())
			}
		case t != nil && t.Kind() == reflect.Slice && t.Elem().Kind() != reflect.Interface:
			// a typed array: its elements are a Go slice
			ev := reflect.ValueOf(o.Export())
			if ev.Kind() == reflect.Slice {
				n := ev.Len() * int(t.Elem().Size())
				if n == 0 {
					return size
				}
				return size + w.store(unsafe.Slice((*byte)(ev.UnsafePointer()), n))
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

// store is the size of a backing store the first time it is seen, 0
// after: keyed by its first byte, so views at another offset of a buffer
// already counted still count (an over-estimate, never an under-count).
func (w *walker) store(b []byte) int64 {
	if len(b) == 0 {
		return 0
	}
	if w.bytes[&b[0]] {
		return 0
	}
	w.bytes[&b[0]] = true
	return int64(len(b))
}

// prop estimates o[k] without running getters: the value of a data
// property, the functions of an accessor.
func (w *walker) prop(o *sobek.Object, k string, c *Context) int64 {
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
