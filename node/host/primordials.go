package host

import (
	"strings"

	"github.com/grafana/sobek"
)

// primordialPaths are the intrinsics the builtins' JavaScript uses, by
// path from the global object. A path whose last step follows
// ".prototype." is a method and is offered uncurried (its receiver the
// first argument), named as Node's primordials name it:
// "Array.prototype.map" is ArrayPrototypeMap(array, fn).
var primordialPaths = []string{
	"Array.isArray", "Number.isInteger", "ArrayBuffer.isView",
	"Object.assign", "Object.defineProperty", "Object.freeze",
	"Object.getOwnPropertyDescriptor", "Object.getPrototypeOf", "Object.setPrototypeOf",
	"Symbol", "Symbol.for", "String", "Promise", "Promise.reject", "JSON.parse", "Reflect.apply",
	"Error", "RangeError", "ReferenceError", "SyntaxError", "TypeError",
	"Map", "WeakMap", "WeakSet", "Uint8Array",
	"Array.prototype.forEach", "Array.prototype.includes", "Array.prototype.join",
	"Array.prototype.map", "Array.prototype.some",
	"Map.prototype.get", "Map.prototype.set",
	"Object.prototype.hasOwnProperty",
	"Promise.prototype.then",
	"String.prototype.includes",
	"WeakMap.prototype.get", "WeakMap.prototype.has", "WeakMap.prototype.set",
	"WeakSet.prototype.add", "WeakSet.prototype.has",
}

// intrinsicGlobals are the global bindings of the language's intrinsics
// that a builtin's embedded JavaScript sees as they were when the host was
// made (Embedded.Func binds them as parameters around the module's
// function): a script that sets `Uint8Array = 5` or `Symbol = 5` does not
// break require('buffer') or events, as Node's builtins do not break. The
// globals built on first use (Intl, WebAssembly, Atomics,
// SharedArrayBuffer) and the host's own (timers, URL, Buffer) are not here.
var intrinsicGlobals = []string{
	"Object", "Function", "Array", "String", "Number", "Boolean", "Symbol", "BigInt",
	"Error", "EvalError", "RangeError", "ReferenceError", "SyntaxError", "TypeError", "URIError", "AggregateError",
	"Promise", "Map", "Set", "WeakMap", "WeakSet", "WeakRef", "FinalizationRegistry", "Proxy", "Reflect",
	"JSON", "Math", "Date", "RegExp", "ArrayBuffer", "DataView",
	"Int8Array", "Uint8Array", "Uint8ClampedArray", "Int16Array", "Uint16Array", "Int32Array", "Uint32Array",
	"Float32Array", "Float64Array", "BigInt64Array", "BigUint64Array",
	"isNaN", "isFinite", "parseInt", "parseFloat", "encodeURI", "encodeURIComponent", "decodeURI", "decodeURIComponent",
	"escape", "unescape", "globalThis",
}

// primordials holds the values of primordialPaths and intrinsicGlobals as
// they were when the host was made, before any user code ran
// (capturePrimordials), and the object built from them on first use.
type primordials struct {
	values     []sobek.Value
	globals    []sobek.Value // of intrinsicGlobals
	bind, call sobek.Value
	obj        *sobek.Object
}

// capturePrimordials reads primordialPaths on the pristine global: only
// property reads, so a host that never loads a builtin written in
// JavaScript pays a few hundred nanoseconds for it.
func capturePrimordials(rt *sobek.Runtime) *primordials {
	p := &primordials{values: make([]sobek.Value, len(primordialPaths))}
	for i, path := range primordialPaths {
		var v sobek.Value = rt.GlobalObject()
		for _, step := range strings.Split(path, ".") {
			o, ok := v.(*sobek.Object)
			if !ok {
				v = sobek.Undefined()
				break
			}
			v = o.Get(step)
		}
		p.values[i] = v
	}
	g := rt.GlobalObject()
	p.globals = make([]sobek.Value, len(intrinsicGlobals))
	for i, name := range intrinsicGlobals {
		if name == "globalThis" {
			p.globals[i] = g
			continue
		}
		p.globals[i] = g.Get(name)
	}
	fp := rt.GlobalObject().Get("Function").(*sobek.Object).Get("prototype").(*sobek.Object)
	p.bind, p.call = fp.Get("bind"), fp.Get("call")
	return p
}

// Primordials returns a frozen null-prototype object of the main realm's
// intrinsics as they were when the host was made (Node's primordials:
// ArrayIsArray, ObjectDefineProperty, ArrayPrototypeMap, PromiseReject,
// ...): the builtins' JavaScript uses them, so that user code replacing
// Array.isArray, Array.prototype[Symbol.iterator] or Function.prototype.call
// does not change what vm validates or how it links modules. Methods are
// uncurried as Node's uncurryThis does, call.bind(method): a bound
// function keeps its target, later changes of Function.prototype.call
// reach nothing.
func (h *Host) Primordials() *sobek.Object {
	if h.prims == nil {
		// a Host not made by New (tests): captured now
		h.prims = capturePrimordials(h.Runtime)
	}
	p := h.prims
	if p.obj != nil {
		return p.obj
	}
	rt := h.Runtime
	o := rt.NewObject()
	_ = o.SetPrototype(nil)
	bind, _ := sobek.AssertFunction(p.bind)
	for i, path := range primordialPaths {
		v := p.values[i]
		if _, ok := v.(*sobek.Object); ok {
			switch {
			case strings.Contains(path, ".prototype."):
				v = must(bind(p.call, v))
			case path == "Promise.reject":
				// a static method needs its constructor as receiver
				v = must(bind(v, p.values[indexOfPath("Promise")]))
			}
		}
		_ = o.DefineDataProperty(primordialName(path), v, sobek.FLAG_FALSE, sobek.FLAG_FALSE, sobek.FLAG_TRUE)
	}
	// FunctionPrototypeCall(fn, thisArg, ...args)
	_ = o.DefineDataProperty("FunctionPrototypeCall", must(bind(p.call, p.call)), sobek.FLAG_FALSE, sobek.FLAG_FALSE, sobek.FLAG_TRUE)
	if freeze, ok := sobek.AssertFunction(p.values[indexOfPath("Object.freeze")]); ok {
		_, _ = freeze(sobek.Undefined(), o)
	}
	p.obj = o
	return o
}

// primordialName is Node's name of a path: each step capitalised,
// "Array.prototype.map" ArrayPrototypeMap.
func primordialName(path string) string {
	var b strings.Builder
	for _, step := range strings.Split(path, ".") {
		b.WriteString(strings.ToUpper(step[:1]) + step[1:])
	}
	return b.String()
}

func must(v sobek.Value, err error) sobek.Value {
	if err != nil {
		panic(err) // binding an intrinsic function cannot fail
	}
	return v
}

// intrinsicGlobalValues returns the values of intrinsicGlobals, in order.
func (h *Host) intrinsicGlobalValues() []sobek.Value {
	if h.prims == nil {
		h.prims = capturePrimordials(h.Runtime)
	}
	return h.prims.globals
}

// IntrinsicGlobal returns the value the global binding name (one of
// intrinsicGlobals: "Object", "JSON", "Symbol"...) had when the host was
// made; ok false for other names.
func (h *Host) IntrinsicGlobal(name string) (v sobek.Value, ok bool) {
	for i, n := range intrinsicGlobals {
		if n == name {
			return h.intrinsicGlobalValues()[i], true
		}
	}
	return nil, false
}

// Intrinsic returns the value of one of primordialPaths ("RangeError",
// "JSON.parse") as it was when the host was made: Go code of the host uses
// it where a global lookup would meet whatever user code put there
// (`RangeError = 5`).
func (h *Host) Intrinsic(path string) sobek.Value {
	if h.prims == nil {
		h.prims = capturePrimordials(h.Runtime)
	}
	return h.prims.values[indexOfPath(path)]
}

func indexOfPath(path string) int {
	for i, p := range primordialPaths {
		if p == path {
			return i
		}
	}
	panic("primordials: no path " + path)
}
