package util

import (
	"reflect"
	"runtime"
	"strings"
	"sync"
	"weak"

	"github.com/grafana/sobek"
)

// realm gives access to the intrinsics of one runtime (the one an inspected
// object lives in). Lookups are cached for the duration of one Inspect call.
type realm struct {
	rt        *sobek.Runtime
	captured  CapturedReflect
	cache     map[string]sobek.Value
	customSym *sobek.Symbol
	inspectFn sobek.Value
	// roots, when set, gives the global bindings of the intrinsics as
	// they were before user code ran (host.IntrinsicGlobal): a path's
	// first step is looked up there, so `JSON = 5` does not change %j
	roots func(name string) (sobek.Value, bool)
	// paths, when set, gives whole paths as they were before user code
	// ran (host.IntrinsicPath): `JSON.stringify = f` does not change %j
	paths func(path string) (sobek.Value, bool)
}

func newRealm(rt *sobek.Runtime, captured CapturedReflect) *realm {
	return &realm{rt: rt, captured: captured, cache: make(map[string]sobek.Value)}
}

// intrinsic resolves a dotted path from the global object: "Map.prototype.forEach".
// A final segment "#name" gives the getter of that property; "@@toStringTag"
// is the well-known symbol; "%TypedArray%" is the prototype of Uint8Array.
func (r *realm) intrinsic(path string) sobek.Value {
	if v, ok := r.cache[path]; ok {
		return v
	}
	v := r.resolve(path)
	r.cache[path] = v
	return v
}

func (r *realm) resolve(path string) (res sobek.Value) {
	defer func() {
		if recover() != nil {
			res = nil
		}
	}()
	if r.captured != nil {
		switch path {
		case "Reflect.ownKeys", "Reflect.has", "Object.getOwnPropertyDescriptor", "Object.hasOwn":
			// the realm's own functions, as they were before its code ran
			ownKeys, gopd, has, ok := r.captured(r.rt)
			if ok && ownKeys != nil && gopd != nil && has != nil {
				f := map[string]sobek.Callable{"Reflect.ownKeys": ownKeys, "Reflect.has": has, "Object.getOwnPropertyDescriptor": gopd}[path]
				if f == nil {
					return nil // Object.hasOwn: the captured descriptor answers
				}
				return r.rt.ToValue(func(call sobek.FunctionCall) sobek.Value {
					v, err := f(call.This, call.Arguments...)
					if err != nil {
						if ex, ok := err.(*sobek.Exception); ok {
							panic(ex.Value())
						}
						panic(err)
					}
					return v
				})
			}
		}
	}
	if r.paths != nil {
		if v, ok := r.paths(path); ok {
			return v
		}
	}
	var cur sobek.Value = r.rt.GlobalObject()
	parts := strings.Split(path, ".")
	if r.roots != nil {
		if v, ok := r.roots(parts[0]); ok {
			if len(parts) == 1 {
				return v
			}
			cur = v
			parts = parts[1:]
		}
	}
	for i, p := range parts {
		o, ok := cur.(*sobek.Object)
		if !ok {
			return nil
		}
		switch {
		case p == "%TypedArray%":
			var u8v sobek.Value
			if r.roots != nil {
				u8v, _ = r.roots("Uint8Array")
			}
			if u8v == nil {
				u8v = o.Get("Uint8Array")
			}
			u8, _ := u8v.(*sobek.Object)
			if u8 == nil {
				return nil
			}
			cur = u8.Prototype()
		case strings.HasPrefix(p, "#"):
			if i != len(parts)-1 {
				return nil
			}
			d := r.descriptor(o, keyOf(p[1:]))
			if d == nil {
				return nil
			}
			return d.get
		default:
			cur = o.Get(p)
		}
		if cur == nil {
			return nil
		}
	}
	return cur
}

func keyOf(name string) pkey {
	switch name {
	case "@@toStringTag":
		return pkey{sym: sobek.SymToStringTag}
	case "@@iterator":
		return pkey{sym: sobek.SymIterator}
	}
	return pkey{s: name}
}

// custom returns this realm's Symbol.for('nodejs.util.inspect.custom').
func (r *realm) custom() *sobek.Symbol {
	if r.customSym == nil {
		f := r.intrinsic("Symbol.for")
		if v, ok := r.tryCall(f, sobek.Undefined(), r.rt.ToValue("nodejs.util.inspect.custom")); ok {
			r.customSym, _ = v.(*sobek.Symbol)
		}
		if r.customSym == nil {
			r.customSym = sobek.NewSymbol("nodejs.util.inspect.custom")
		}
	}
	return r.customSym
}

// call invokes f; a JS exception propagates as a panic (a JS throw when the
// caller is a native function).
func (r *realm) call(f sobek.Value, this sobek.Value, args ...sobek.Value) sobek.Value {
	fn, ok := sobek.AssertFunction(f)
	if !ok {
		panic(r.rt.NewTypeError("not a function"))
	}
	v, err := fn(this, args...)
	if err != nil {
		panic(err)
	}
	return v
}

// tryCall invokes f and reports whether it returned normally. Used for brand
// checks: a JS exception means "no".
func (r *realm) tryCall(f sobek.Value, this sobek.Value, args ...sobek.Value) (sobek.Value, bool) {
	if f == nil {
		return nil, false
	}
	fn, ok := sobek.AssertFunction(f)
	if !ok {
		return nil, false
	}
	v, err := fn(this, args...)
	if err != nil {
		if _, ok := err.(*sobek.Exception); ok {
			return nil, false
		}
		panic(err)
	}
	return v, true
}

// pkey is a property key: a string or a symbol.
type pkey struct {
	s   string
	sym *sobek.Symbol
}

func (k pkey) value(rt *sobek.Runtime) sobek.Value {
	if k.sym != nil {
		return k.sym
	}
	return jsValueOf(rt, k.s)
}

type descriptor struct {
	value      sobek.Value // nil for accessors
	get, set   sobek.Value // nil when absent
	enumerable bool
}

// descriptor is Object.getOwnPropertyDescriptor(o, k), nil when absent.
func (r *realm) descriptor(o *sobek.Object, k pkey) *descriptor {
	f := r.intrinsic("Object.getOwnPropertyDescriptor")
	if f == nil {
		return nil
	}
	d, ok := r.call(f, sobek.Undefined(), o, k.value(r.rt)).(*sobek.Object)
	if !ok {
		return nil
	}
	res := &descriptor{enumerable: d.Get("enumerable").ToBoolean()}
	if g := d.Get("get"); g != nil && !sobek.IsUndefined(g) {
		res.get = g
	}
	if s := d.Get("set"); s != nil && !sobek.IsUndefined(s) {
		res.set = s
	}
	if res.get == nil && res.set == nil {
		res.value = d.Get("value")
		if res.value == nil {
			res.value = sobek.Undefined()
		}
	}
	return res
}

// hasOwnFast is Object.hasOwn(o, name), without building a descriptor.
func (r *realm) hasOwnFast(o *sobek.Object, name string) bool {
	f := r.intrinsic("Object.hasOwn")
	if f == nil {
		return r.descriptor(o, pkey{s: name}) != nil
	}
	return r.call(f, sobek.Undefined(), o, r.rt.ToValue(name)).ToBoolean()
}

func (r *realm) hasOwn(o *sobek.Object, k pkey) bool {
	return r.descriptor(o, k) != nil
}

// allOwnKeys is Reflect.ownKeys(o).
func (r *realm) allOwnKeys(o *sobek.Object) []pkey {
	f := r.intrinsic("Reflect.ownKeys")
	arr, ok := r.call(f, sobek.Undefined(), o).(*sobek.Object)
	if !ok {
		return nil
	}
	n := int(arr.Get("length").ToInteger())
	keys := make([]pkey, 0, n)
	for i := 0; i < n; i++ {
		v := arr.Get(itoa(i))
		if s, ok := v.(*sobek.Symbol); ok {
			keys = append(keys, pkey{sym: s})
		} else {
			keys = append(keys, pkey{s: jsString(v)})
		}
	}
	return keys
}

// ownKeys lists the own keys inspect shows: enumerable ones (strings then
// symbols), or all of them with showHidden.
func (r *realm) ownKeys(o *sobek.Object, showHidden bool) []pkey {
	if showHidden {
		all := r.allOwnKeys(o)
		var strs, syms []pkey
		for _, k := range all {
			if k.sym != nil {
				syms = append(syms, k)
			} else {
				strs = append(strs, k)
			}
		}
		return append(strs, syms...)
	}
	names := o.Keys()
	keys := make([]pkey, 0, len(names))
	for _, n := range names {
		if strings.Contains(n, "\uFFFD") {
			// Keys() loses lone surrogates; list the string keys again
			// with their UTF-16 kept.
			keys = keys[:0]
			for _, k := range r.allOwnKeys(o) {
				if d := r.descriptor(o, k); k.sym == nil && d != nil && d.enumerable {
					keys = append(keys, k)
				}
			}
			break
		}
		keys = append(keys, pkey{s: n})
	}
	for _, s := range o.Symbols() {
		keys = append(keys, pkey{sym: s})
	}
	return keys
}

// protoChainHas reports whether p is on o's prototype chain.
func protoChainHas(o *sobek.Object, p sobek.Value) bool {
	po, ok := p.(*sobek.Object)
	if !ok || po == nil {
		return false
	}
	for cur := o.Prototype(); cur != nil; cur = cur.Prototype() {
		if cur == po {
			return true
		}
	}
	return false
}

var (
	typeProxy   = reflect.TypeOf(sobek.Proxy{})
	typePromise = reflect.TypeOf((*sobek.Promise)(nil))
	typeABuf    = reflect.TypeOf(sobek.ArrayBuffer{})
)

// funcKind tells async and generator functions apart. sobek has no public
// API for it; the Go method a function object exports names its kind
// (checked by TestFuncKind so that an engine upgrade fails loudly).
func funcKind(o *sobek.Object) (async, generator bool) {
	defer func() { _ = recover() }()
	rv := reflect.ValueOf(o.Export())
	if rv.Kind() != reflect.Func {
		return
	}
	f := runtime.FuncForPC(rv.Pointer())
	if f == nil {
		return
	}
	name := f.Name()
	async = strings.Contains(name, "(*async")
	generator = strings.Contains(name, "(*generator")
	return
}

// inspectFuncs remembers the util.inspect function objects, which
// [util.inspect.custom] checks must skip.
var inspectFuncs sync.Map // weak.Pointer[sobek.Object] -> struct{}

func registerInspectFunc(o *sobek.Object) {
	k := weak.Make(o)
	inspectFuncs.Store(k, struct{}{})
	runtime.AddCleanup(o, func(k weak.Pointer[sobek.Object]) { inspectFuncs.Delete(k) }, k)
}

func isInspectFunc(v sobek.Value) bool {
	o, ok := v.(*sobek.Object)
	if !ok {
		return false
	}
	_, found := inspectFuncs.Load(weak.Make(o))
	return found
}

func itoa(i int) string {
	if i >= 0 && i < 10 {
		return string(rune('0' + i))
	}
	var b [20]byte
	p := len(b)
	neg := i < 0
	u := uint64(i)
	if neg {
		u = uint64(-i)
	}
	for u >= 10 {
		p--
		b[p] = byte('0' + u%10)
		u /= 10
	}
	p--
	b[p] = byte('0' + u)
	if neg {
		p--
		b[p] = '-'
	}
	return string(b[p:])
}
