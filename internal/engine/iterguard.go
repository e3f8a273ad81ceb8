package engine

import (
	"runtime"
	"sync"
	"weak"

	"github.com/grafana/sobek"
)

// Spreading, Array.from, new Set/Map and the other builtins that drain an
// iterator loop inside one native step calling the iterator's next: no
// interrupt lands there, so [...Array(2**30)] grew the heap until Go's
// fatal out-of-memory. GuardArrayIteration wraps a realm's
// %ArrayIteratorPrototype%.next (arrays, keys(), values(), entries()):
// every iterCheckEvery calls it reads the memory left (MemoryLeft) and,
// past the limit, throws RangeError [ERR_JSVM_MEMORY_LIMIT] — catchable:
// what the loop built is unreachable once it unwinds. The realm's
// Array.from is replaced at the same time (arrayfrom.go: array-likes).

const iterCheckEvery = 1 << 16

var iterGuarded sync.Map // weak.Pointer[sobek.Runtime] -> struct{}

// GuardArrayIteration guards rt's array iterators, once per realm; it
// reports whether they are guarded.
func GuardArrayIteration(rt *sobek.Runtime) bool {
	if !LazyMethods() || MemoryLeft == nil {
		return false
	}
	key := weak.Make(rt)
	if _, ok := iterGuarded.Load(key); ok {
		return true
	}
	values, ok := lazyProtos.arr.factoryOf("values")
	if !ok {
		return false
	}
	fn, _ := propValue(values(rt), lazyProtos.value).(*sobek.Object)
	call, ok := sobek.AssertFunction(fn)
	if !ok {
		return false
	}
	// sobek's own Array.prototype.values of rt, on a fresh array: its
	// iterator's prototype is the realm's %ArrayIteratorPrototype%
	it, err := call(rt.NewArray())
	if err != nil {
		return false
	}
	proto := it.(*sobek.Object).Prototype()
	if proto == nil {
		return false
	}
	nextObj, _ := proto.Get("next").(*sobek.Object)
	next, ok := Direct(nextObj)
	if !ok {
		return false
	}
	iterGuarded.Store(key, struct{}{})
	runtime.AddCleanup(rt, func(k weak.Pointer[sobek.Runtime]) { iterGuarded.Delete(k) }, key)
	n := 0
	fast := SpreadFastWorks() // spreadfast.go
	var res *sobek.Object     // the drains' result object
	wrapped := rt.ToValue(func(fc sobek.FunctionCall) sobek.Value {
		if n++; n >= iterCheckEvery {
			n = 0
			if MemoryLeft() < 0 {
				panic(memoryError(rt))
			}
		}
		if fast && inDrain(rt) {
			if v, ok := fastNext(rt, fc.This); ok {
				if res == nil {
					res = rt.NewObject()
					_ = res.Set("value", v)
					_ = res.Set("done", false)
				} else {
					_ = res.Set("value", v)
				}
				return res
			}
		}
		return next(fc)
	}).(*sobek.Object)
	_ = wrapped.DefineDataProperty("name", rt.ToValue("next"), sobek.FLAG_FALSE, sobek.FLAG_TRUE, sobek.FLAG_FALSE)
	_ = wrapped.DefineDataProperty("length", rt.ToValue(0), sobek.FLAG_FALSE, sobek.FLAG_TRUE, sobek.FLAG_FALSE)
	_ = proto.DefineDataProperty("next", wrapped, sobek.FLAG_TRUE, sobek.FLAG_TRUE, sobek.FLAG_FALSE)
	guardArrayFrom(rt) // arrayfrom.go
	return true
}
