package engine

import (
	"math"
	"reflect"
	"strconv"
	"sync"
	"unsafe"

	"github.com/grafana/sobek"
)

// Array.from of an array-like ({length: 2**30}) is one native loop in
// sobek: it makes a slice of the length first (16 GB for 2**30, Go's fatal
// out-of-memory; 2**32 is no RangeError but 64 GB) and then reads every
// index with no interrupt landing. guardArrayFrom (with the array
// iterators, GuardArrayIteration) replaces a realm's Array.from by one
// that runs the array-like branch itself: the length read once, the
// result constructed (new Array(2**32) is V8's "Invalid array length"),
// with no mapping function its slots checked against the memory left
// (ERR_JSVM_MEMORY_LIMIT), and
// every iterCheckEvery indices the run's interrupts (timeout, SIGINT,
// the heap watchdog) picked up. Arrays and primitives go to sobek's own
// (its fast copy of a plain array); an iterable object too, with its
// @@iterator read once here and handed on, so no getter or trap runs
// twice. Only sobek's own Array.from is replaced (a function put there by
// code is left alone): its Go code pointer is compared with a probe
// runtime's.

var arrayFromLayout struct {
	once sync.Once
	ok   bool
	// the field nativeFuncObject.f and the code of sobek's array_from
	fOff uintptr
	fn   reflect.Type
	code uintptr
}

// nativeCode reads the code pointer of a sobek native function's Go
// function (0: not one of that implementation type).
func nativeCode(o *sobek.Object) uintptr {
	impl := implOf(o)
	if !impl.IsValid() || impl.Type() != arrayFromLayout.fn {
		return 0
	}
	closure := *(*unsafe.Pointer)(unsafe.Add(impl.UnsafePointer(), arrayFromLayout.fOff))
	if closure == nil {
		return 0
	}
	return *(*uintptr)(closure)
}

func findArrayFromLayout() {
	if !RegExpGuardWorks() || !LazyMethods() {
		return
	}
	rt := sobek.New()
	ctor := intrinsicArray(rt)
	if ctor == nil {
		return
	}
	from, _ := ctor.Get("from").(*sobek.Object)
	of, _ := ctor.Get("of").(*sobek.Object)
	if from == nil || of == nil {
		return
	}
	impl := implOf(from)
	if !impl.IsValid() || impl.Kind() != reflect.Pointer || impl.Elem().Kind() != reflect.Struct {
		return
	}
	f, ok := impl.Elem().Type().FieldByName("f")
	if !ok || f.Type != reflect.TypeFor[func(sobek.FunctionCall) sobek.Value]() {
		return
	}
	arrayFromLayout.fOff, arrayFromLayout.fn = f.Offset, impl.Type()
	code := nativeCode(from)
	// another runtime's from has the same code, Array.of another
	if code == 0 || nativeCode(of) == code || nativeCode(intrinsicArray(sobek.New()).Get("from").(*sobek.Object)) != code {
		return
	}
	arrayFromLayout.code = code
	arrayFromLayout.ok = true
}

// intrinsicArray is rt's own Array constructor, from the Array.prototype
// template (no global or property code can have changed read).
func intrinsicArray(rt *sobek.Runtime) *sobek.Object {
	f, ok := lazyProtos.arr.factoryOf("constructor")
	if !ok {
		return nil
	}
	c, _ := propValue(f(rt), lazyProtos.value).(*sobek.Object)
	if _, ok := sobek.AssertConstructor(c); !ok {
		return nil
	}
	return c
}

// ArrayFromGuardWorks reports whether sobek's layout is the one known
// (TestArrayFromLayout).
func ArrayFromGuardWorks() bool {
	arrayFromLayout.once.Do(findArrayFromLayout)
	return arrayFromLayout.ok
}

// guardArrayFrom replaces rt's Array.from (see above); false when it is
// not sobek's own any more.
func guardArrayFrom(rt *sobek.Runtime) bool {
	if !ArrayFromGuardWorks() {
		return false
	}
	ctor := intrinsicArray(rt)
	if ctor == nil {
		return false
	}
	orig, _ := ctor.Get("from").(*sobek.Object)
	if orig == nil || nativeCode(orig) != arrayFromLayout.code {
		return false
	}
	call, ok := sobek.AssertFunction(orig)
	if !ok {
		return false
	}
	fn := rt.ToValue(func(fc sobek.FunctionCall) sobek.Value {
		return arrayFrom(rt, ctor, call, fc)
	}).(*sobek.Object)
	_ = fn.DefineDataProperty("name", rt.ToValue("from"), sobek.FLAG_FALSE, sobek.FLAG_TRUE, sobek.FLAG_FALSE)
	_ = fn.DefineDataProperty("length", rt.ToValue(1), sobek.FLAG_FALSE, sobek.FLAG_TRUE, sobek.FLAG_FALSE)
	return ctor.DefineDataProperty("from", fn, sobek.FLAG_TRUE, sobek.FLAG_TRUE, sobek.FLAG_FALSE) == nil
}

func arrayFrom(rt *sobek.Runtime, arrayCtor *sobek.Object, orig sobek.Callable, fc sobek.FunctionCall) sobek.Value {
	items, _ := fc.Argument(0).(*sobek.Object)
	if items == nil || isArray(items) {
		return Call(orig, fc.This, fc.Arguments...)
	}
	mapArg := fc.Argument(1)
	var mapFn sobek.Callable
	if !sobek.IsUndefined(mapArg) {
		var ok bool
		if mapFn, ok = sobek.AssertFunction(mapArg); !ok {
			return Call(orig, fc.This, fc.Arguments...) // its TypeError, nothing read
		}
	}
	thisArg := fc.Argument(2)
	if using := items.GetSymbol(sobek.SymIterator); using != nil && !sobek.IsUndefined(using) && !sobek.IsNull(using) {
		method, ok := sobek.AssertFunction(using)
		if !ok {
			panic(rt.NewTypeError("%s", "%Array%.from requires that the property of the first argument, items[Symbol.iterator], when exists, be a function"))
		}
		// sobek's own iterates: it reads @@iterator of a stand-in
		// whose method calls the one read here on items
		stand := rt.NewObject()
		_ = stand.SetSymbol(sobek.SymIterator, rt.ToValue(func(sobek.FunctionCall) sobek.Value {
			return Call(method, items)
		}))
		return Call(orig, fc.This, stand, mapArg, thisArg)
	}
	l := toLength(items.Get("length"))
	var a *sobek.Object
	construct, ok := sobek.AssertConstructor(fc.This)
	if !ok {
		construct, _ = sobek.AssertConstructor(arrayCtor)
	}
	a, err := construct(nil, rt.ToValue(l))
	if err != nil {
		panic(err)
	}
	if mapFn == nil {
		// node runs on until its heap is gone (no interrupt lands in
		// its loop either): refused before it starts. With a mapping
		// function V8's loop is interruptible (a timeout ends it), so
		// it grows as V8's does, the heap watchdog bounding it.
		checkAlloc(rt, l*slotBytes)
	}
	for k := 0.0; k < l; k++ {
		if int64(k)%iterCheckEvery == iterCheckEvery-1 {
			checkRun(rt)
		}
		key := strconv.FormatInt(int64(k), 10)
		v := items.Get(key)
		if v == nil {
			v = sobek.Undefined()
		}
		if mapFn != nil {
			v = Call(mapFn, thisArg, v, rt.ToValue(k))
		}
		if err := a.DefineDataProperty(key, v, sobek.FLAG_TRUE, sobek.FLAG_TRUE, sobek.FLAG_TRUE); err != nil {
			panic(err)
		}
	}
	if err := a.Set("length", rt.ToValue(l)); err != nil {
		panic(err)
	}
	return a
}

// checkRun picks up the run's interrupts inside a long native loop
// (timeout, SIGINT, the heap watchdog's stop) and, past the memory limit,
// throws RangeError [ERR_JSVM_MEMORY_LIMIT].
func checkRun(rt *sobek.Runtime) {
	if _, err := rt.RunProgram(interruptProbe()); err != nil {
		panic(err)
	}
	if MemoryLeft != nil && MemoryLeft() < 0 {
		panic(memoryError(rt))
	}
}

// toLength is the spec's ToLength.
func toLength(v sobek.Value) float64 {
	if v == nil {
		return 0
	}
	f := v.ToNumber().ToFloat()
	if f != f || f <= 0 {
		return 0
	}
	return min(math.Trunc(f), 1<<53-1)
}
