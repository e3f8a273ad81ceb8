package host

import (
	"reflect"
	"regexp"
	"strings"

	"github.com/grafana/sobek"
	"github.com/jsvm-dev/jsvm/internal/engine"
)

// primordialPaths are the intrinsics the builtins' JavaScript uses, by
// path from the global object. A path whose last step follows
// ".prototype." is a method and is offered uncurried (its receiver the
// first argument), named as Node's primordials name it:
// "Array.prototype.map" is ArrayPrototypeMap(array, fn). The embedded
// builtins' sources name them directly (Embedded binds each name a source
// uses); TestPrimordialNamesKnown checks that every such name is here.
var primordialPaths = []string{
	"Array.isArray", "Array.from", "Number.isInteger", "Number.isFinite", "Number.isNaN", "Number.isSafeInteger",
	"Number.parseInt", "ArrayBuffer.isView", "Date.now",
	"Object.assign", "Object.create", "Object.defineProperty", "Object.entries", "Object.freeze",
	"Object.getOwnPropertyDescriptor", "Object.getOwnPropertyDescriptors", "Object.getOwnPropertyNames",
	"Object.getOwnPropertySymbols", "Object.getPrototypeOf", "Object.is", "Object.keys", "Object.setPrototypeOf",
	"Symbol", "Symbol.for", "String", "String.fromCharCode", "String.fromCodePoint",
	"Promise", "Promise.all", "Promise.reject", "Promise.resolve",
	"JSON.parse", "JSON.stringify",
	"Math.abs", "Math.ceil", "Math.floor", "Math.max", "Math.min", "Math.pow", "Math.random", "Math.round",
	"Math.sqrt", "Math.trunc",
	"Reflect.apply", "Reflect.construct", "Reflect.getOwnPropertyDescriptor", "Reflect.ownKeys",
	"Error", "RangeError", "ReferenceError", "SyntaxError", "TypeError",
	"Map", "WeakMap", "WeakSet", "Uint8Array",
	"Array.prototype.forEach", "Array.prototype.includes", "Array.prototype.join",
	"Array.prototype.map", "Array.prototype.slice", "Array.prototype.some",
	"Error.prototype.toString", "Function.prototype.apply", "Function.prototype.bind", "Function.prototype.call",
	"Function.prototype.toString",
	"Map.prototype.get", "Map.prototype.set",
	"Object.prototype.hasOwnProperty", "Object.prototype.propertyIsEnumerable",
	"Promise.prototype.then",
	"String.prototype.includes",
	"Uint8Array.prototype.fill",
	"WeakMap.prototype.get", "WeakMap.prototype.has", "WeakMap.prototype.set",
	"WeakSet.prototype.add", "WeakSet.prototype.has",
}

// methodNames are the methods the builtins call as MethodX(receiver,
// ...args) (MethodPush(list, v), MethodSlice(s, 1), MethodThen(p, f)),
// where the receiver's kind is not known from the source: a string, an
// array, a Map, Set or promise gets its kind's intrinsic
// method as it was when the host was made (Node's StringPrototypeSlice,
// ArrayPrototypePush, SafeMap's get, PromisePrototypeThen); any other
// receiver (a stream's push, a Buffer's slice, URLSearchParams' get) its
// own method, as receiver.x(...args) would.
var methodNames = []string{
	"at", "concat", "entries", "every", "fill", "filter", "find", "findIndex", "findLast", "findLastIndex", "flat",
	"flatMap", "forEach", "includes", "indexOf", "join", "keys", "lastIndexOf", "map", "pop", "push", "reduce",
	"reduceRight", "reverse", "shift", "slice", "some", "sort", "splice", "unshift", "values",
	"charAt", "charCodeAt", "codePointAt", "endsWith", "localeCompare", "match", "matchAll", "padEnd", "padStart",
	"repeat", "replace", "replaceAll", "search", "split", "startsWith", "substring", "substr", "toLowerCase",
	"toUpperCase", "trim", "trimStart", "trimEnd",
	"get", "set", "has", "delete", "clear", "add",
	"then", "catch", "finally",
}

// methodKinds are the classes whose intrinsic methods a MethodX helper
// calls, by the receiver's class name ("String" for a primitive string).
var methodKinds = []string{"String", "Array", "Map", "Set", "Promise"}

// the types sobek exports a Map, a Set (an array's too) and a promise as
var (
	typeMapExport     = reflect.TypeOf([][2]any(nil))
	typeSetExport     = reflect.TypeOf([]any(nil))
	typePromiseExport = reflect.TypeOf((*sobek.Promise)(nil))
)

// safeIterableName is the helper the builtins iterate arrays through
// (for-of, spread, array destructuring): SafeIterable(v) is v itself
// unless v is an array whose iteration user code replaced
// (Array.prototype[Symbol.iterator], %ArrayIteratorPrototype%.next);
// then it is an iterable over v's elements on the original iterator
// (Node's SafeArrayIterator).
const safeIterableName = "SafeIterable"

// primordialNames are the names the builtins' sources may bind: those of
// primordialPaths, then the MethodX helpers, then SafeIterable.
var primordialNames = func() []string {
	names := make([]string, 0, len(primordialPaths)+len(methodNames)+1)
	for _, p := range primordialPaths {
		names = append(names, primordialName(p))
	}
	for _, m := range methodNames {
		names = append(names, methodHelperName(m))
	}
	return append(names, safeIterableName)
}()

var primordialIndex = func() map[string]int {
	m := make(map[string]int, len(primordialNames))
	for i, n := range primordialNames {
		m[n] = i
	}
	return m
}()

func methodHelperName(m string) string { return "Method" + strings.ToUpper(m[:1]) + m[1:] }

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
// (capturePrimordials), the kinds' methods of the MethodX helpers, and
// what is built from them on first use.
type primordials struct {
	values  []sobek.Value // of primordialPaths
	globals []sobek.Value // of intrinsicGlobals
	// methods[k][i]: methodKinds[k].prototype[methodNames[i]]'s Go
	// function, nil where that kind has no such method
	methods   [][]func(sobek.FunctionCall) sobek.Value
	arrayIter sobek.Value // Array.prototype[Symbol.iterator]
	iterNext  sobek.Value // %ArrayIteratorPrototype%.next
	iterProto *sobek.Object
	built     []sobek.Value // of primordialNames, made on first use
	obj       *sobek.Object
}

// capturePrimordials reads primordialPaths and the kinds' methods on the
// pristine global: only property reads, so a host that never loads a
// builtin written in JavaScript pays a few microseconds for it.
func capturePrimordials(rt *sobek.Runtime) *primordials {
	g := rt.GlobalObject()
	p := &primordials{values: make([]sobek.Value, len(primordialPaths))}
	for i, path := range primordialPaths {
		var v sobek.Value = g
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
	p.globals = make([]sobek.Value, len(intrinsicGlobals))
	for i, name := range intrinsicGlobals {
		if name == "globalThis" {
			p.globals[i] = g
			continue
		}
		p.globals[i] = g.Get(name)
	}
	p.methods = make([][]func(sobek.FunctionCall) sobek.Value, len(methodKinds))
	for k, kind := range methodKinds {
		ctor, _ := g.Get(kind).(*sobek.Object)
		if ctor == nil {
			continue
		}
		proto, _ := ctor.Get("prototype").(*sobek.Object)
		if proto == nil {
			continue
		}
		fns := make([]func(sobek.FunctionCall) sobek.Value, len(methodNames))
		for i, m := range methodNames {
			if f, ok := proto.Get(m).(*sobek.Object); ok {
				if d, ok := engine.Direct(f); ok {
					fns[i] = d
				}
			}
		}
		p.methods[k] = fns
	}
	if ap, ok := g.Get("Array").(*sobek.Object).Get("prototype").(*sobek.Object); ok {
		p.arrayIter = ap.GetSymbol(sobek.SymIterator)
		if values, ok := sobek.AssertFunction(p.arrayIter); ok {
			if it, err := values(rt.NewArray()); err == nil {
				if o, ok := it.(*sobek.Object); ok {
					p.iterProto = o.Prototype()
					if p.iterProto != nil {
						p.iterNext = p.iterProto.Get("next")
					}
				}
			}
		}
	}
	p.built = make([]sobek.Value, len(primordialNames))
	return p
}

func (h *Host) primordials() *primordials {
	if h.prims == nil {
		// a Host not made by New (tests), or a builtin loaded while the
		// host is made: captured now, before user code
		h.prims = capturePrimordials(h.Runtime)
	}
	return h.prims
}

// primordial returns the value of primordialNames[i] in h, made on first
// use: a path's value (a method uncurried, a static that needs its
// constructor bound to it), a MethodX helper or SafeIterable.
func (h *Host) primordial(i int) sobek.Value {
	p := h.primordials()
	if v := p.built[i]; v != nil {
		return v
	}
	var v sobek.Value
	switch {
	case i < len(primordialPaths):
		path := primordialPaths[i]
		v = p.values[i]
		if o, ok := v.(*sobek.Object); ok {
			if f, ok := engine.Direct(o); ok {
				switch {
				case strings.Contains(path, ".prototype."):
					v = h.uncurried(f, path[strings.LastIndex(path, ".")+1:])
				case strings.HasPrefix(path, "Promise."):
					// a static method of Promise needs its constructor as receiver
					ctor := p.values[indexOfPath("Promise")]
					v = h.native(path[len("Promise."):], func(c sobek.FunctionCall) sobek.Value {
						return f(sobek.FunctionCall{This: ctor, Arguments: c.Arguments})
					})
				}
			}
		}
	case i < len(primordialPaths)+len(methodNames):
		v = h.methodHelper(i - len(primordialPaths))
	default:
		v = h.native(safeIterableName, h.safeIterable)
	}
	p.built[i] = v
	return v
}

// native makes a Go function a JS function named name.
func (h *Host) native(name string, f func(sobek.FunctionCall) sobek.Value) sobek.Value {
	o := h.Runtime.ToValue(f).(*sobek.Object)
	_ = o.DefineDataProperty("name", h.Runtime.ToValue(name), sobek.FLAG_FALSE, sobek.FLAG_FALSE, sobek.FLAG_TRUE)
	return o
}

// uncurried is Node's uncurryThis(f): f(receiver, ...args) calls the
// method f with receiver as this, by f's own Go function (no bound
// function, no Function.prototype.call that user code could replace).
func (h *Host) uncurried(f func(sobek.FunctionCall) sobek.Value, name string) sobek.Value {
	return h.native(name, func(c sobek.FunctionCall) sobek.Value {
		if len(c.Arguments) == 0 {
			return f(sobek.FunctionCall{This: sobek.Undefined()})
		}
		return f(sobek.FunctionCall{This: c.Arguments[0], Arguments: c.Arguments[1:]})
	})
}

// methodHelper is MethodX for methodNames[i] (see methodNames).
func (h *Host) methodHelper(i int) sobek.Value {
	p := h.primordials()
	name := methodNames[i]
	kind := func(class string) int {
		for k, c := range methodKinds {
			if c == class {
				return k
			}
		}
		return -1
	}
	kString, kArray, kMap, kSet, kPromise := kind("String"), kind("Array"), kind("Map"), kind("Set"), kind("Promise")
	return h.native(name, func(c sobek.FunctionCall) sobek.Value {
		var this sobek.Value = sobek.Undefined()
		args := c.Arguments
		if len(args) > 0 {
			this, args = args[0], args[1:]
		}
		k := -1
		switch t := this.(type) {
		case *sobek.Object:
			// by the brand sobek exports (a WeakMap's or WeakSet's is a plain
			// object's: the sources name WeakMapPrototypeGet... for those)
			if t.ClassName() == "Array" {
				k = kArray
				break
			}
			switch t.ExportType() {
			case typeMapExport:
				k = kMap
			case typeSetExport:
				if t.ClassName() == "Object" {
					k = kSet
				}
			case typePromiseExport:
				k = kPromise
			}
		default:
			if sobek.IsString(this) {
				k = kString
			}
		}
		if k >= 0 && p.methods[k] != nil {
			if f := p.methods[k][i]; f != nil {
				return f(sobek.FunctionCall{This: this, Arguments: args})
			}
		}
		// any other receiver: its own method, as this[name](...args)
		if this == nil || sobek.IsUndefined(this) || sobek.IsNull(this) {
			panic(h.Runtime.NewTypeError("Cannot read properties of %s (reading '%s')", this.String(), name))
		}
		fn, _ := this.ToObject(h.Runtime).Get(name).(*sobek.Object)
		if fn != nil {
			if f, ok := engine.Direct(fn); ok {
				return f(sobek.FunctionCall{This: this, Arguments: args})
			}
			if call, ok := sobek.AssertFunction(fn); ok {
				return engine.Call(call, this, args...)
			}
		}
		panic(h.Runtime.NewTypeError("%s is not a function", name))
	})
}

// safeIterable is SafeIterable (see safeIterableName).
func (h *Host) safeIterable(c sobek.FunctionCall) sobek.Value {
	v := c.Argument(0)
	o, ok := v.(*sobek.Object)
	if !ok || o.ClassName() != "Array" {
		return v
	}
	p := h.primordials()
	if p.iterProto == nil || p.iterNext == nil {
		return v
	}
	it, itOK := o.GetSymbol(sobek.SymIterator).(*sobek.Object)
	next, nextOK := p.iterProto.Get("next").(*sobek.Object)
	if itOK && nextOK && it.SameAs(p.arrayIter) && next.SameAs(p.iterNext) {
		return v // nothing replaced: the array itself, iterated natively
	}
	values, _ := engine.Direct(p.arrayIter.(*sobek.Object))
	nextFn, _ := engine.Direct(p.iterNext.(*sobek.Object))
	rt := h.Runtime
	iterable := rt.NewObject()
	_ = iterable.DefineDataPropertySymbol(sobek.SymIterator, h.native("[Symbol.iterator]", func(sobek.FunctionCall) sobek.Value {
		inner := values(sobek.FunctionCall{This: o})
		iter := rt.NewObject()
		_ = iter.DefineDataProperty("next", h.native("next", func(sobek.FunctionCall) sobek.Value {
			return nextFn(sobek.FunctionCall{This: inner})
		}), sobek.FLAG_TRUE, sobek.FLAG_TRUE, sobek.FLAG_FALSE)
		return iter
	}), sobek.FLAG_TRUE, sobek.FLAG_TRUE, sobek.FLAG_FALSE)
	return iterable
}

// Primordials returns a frozen null-prototype object of the main realm's
// intrinsics as they were when the host was made (Node's primordials:
// ArrayIsArray, ObjectDefineProperty, ArrayPrototypeMap, PromiseReject,
// ...; those of primordialPaths, with FunctionPrototypeCall): the
// builtins' JavaScript uses them, so that user code replacing
// Array.isArray, Array.prototype[Symbol.iterator] or Function.prototype.call
// does not change what vm validates or how it links modules. Methods are
// uncurried as Node's uncurryThis does: later changes of
// Function.prototype.call reach nothing.
func (h *Host) Primordials() *sobek.Object {
	p := h.primordials()
	if p.obj != nil {
		return p.obj
	}
	o := h.Runtime.NewObject()
	_ = o.SetPrototype(nil)
	for i := range primordialPaths {
		_ = o.DefineDataProperty(primordialNames[i], h.primordial(i), sobek.FLAG_FALSE, sobek.FLAG_FALSE, sobek.FLAG_TRUE)
	}
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

// intrinsicGlobalValues returns the values of intrinsicGlobals, in order.
func (h *Host) intrinsicGlobalValues() []sobek.Value {
	return h.primordials().globals
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
	return h.primordials().values[indexOfPath(path)]
}

// IntrinsicPath is Intrinsic for any path: ok false for one that is not
// among primordialPaths.
func (h *Host) IntrinsicPath(path string) (v sobek.Value, ok bool) {
	i, ok := primordialIndex[primordialName(path)]
	if !ok || i >= len(primordialPaths) || primordialPaths[i] != path {
		return nil, false
	}
	return h.primordials().values[i], true
}

func indexOfPath(path string) int {
	for i, p := range primordialPaths {
		if p == path {
			return i
		}
	}
	panic("primordials: no path " + path)
}

// primIdentRe finds the identifiers of a source that may name a primordial.
var primIdentRe = regexp.MustCompile(`\b[A-Z][A-Za-z0-9]*\b`)

// primordialsUsed returns the indices into primordialNames of the names
// src mentions, in order, each once; not those that are intrinsicGlobals
// too (String, Symbol, Promise: bound as globals already).
func primordialsUsed(src string) []int {
	seen := make(map[int]bool)
	for _, g := range intrinsicGlobals {
		if i, ok := primordialIndex[g]; ok {
			seen[i] = true
		}
	}
	var used []int
	for _, id := range primIdentRe.FindAllString(src, -1) {
		if i, ok := primordialIndex[id]; ok && !seen[i] {
			seen[i] = true
			used = append(used, i)
		}
	}
	return used
}
