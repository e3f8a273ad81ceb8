package core

import (
	"sort"

	"github.com/grafana/sobek"
)

// Node v20's interceptors, as the sandbox sees them. Node v20 registers
// no query interceptor, so V8 answers "is it there" (in, delete x,
// hasOwnProperty) through the getter, and a store runs the setter
// interceptor, then V8's own store path, which for a name the context's
// real global lacks asks the descriptor interceptor, runs the definer and
// the setter again. Only Proxies (a Proxy sandbox, or one on its
// prototype chain) can observe these steps; the helpers below make the
// same trap calls, in V8's order (node/vm testdata/trap_cases.js).

// isProxyObj reports whether o is a Proxy (JS or native).
func isProxyObj(o *sobek.Object) bool { return o.ExportType() == proxyType }

// hasV20 is V8's lookup of k through the getter interceptor: the
// sandbox's GetRealNamedProperty finds it on the sandbox's chain, and a
// Proxy on that chain with a get trap answers for every name (the trap
// runs); one without a get trap answers for its target's. Getters of
// ordinary objects are not run here (V8 runs them; the answer is the
// same, and sobek asks has for every strict store too, where V8 runs no
// getter). Runs in the sandbox's realm.
func (g *globalTraps) hasV20(k sobek.Value) bool {
	refl := g.home.reflect()
	sym, isSym := k.(*sobek.Symbol)
	for o, depth := g.sb, 0; o != nil && depth < maxProtoWalk; depth++ {
		if isProxyObj(o) {
			if isSym {
				return o.GetSymbol(sym) != nil
			}
			return o.Get(k.String()) != nil
		}
		if !sobek.IsUndefined(mustCall(refl.getOwnPropertyDescriptor, o, k)) {
			return true
		}
		o = o.Prototype()
	}
	return false
}

// attrsV20 is the sandbox's GetRealNamedPropertyAttributes(k), the
// setter interceptor's first question: the chain is walked without traps
// up to the first Proxy, whose getOwnPropertyDescriptor trap answers
// (and which always counts as declared). It reports whether k is
// declared there and read-only. Runs in the sandbox's realm.
func (g *globalTraps) attrsV20(k sobek.Value) (declared, readOnly bool) {
	refl := g.home.reflect()
	for o, depth := g.sb, 0; o != nil && depth < maxProtoWalk; depth++ {
		if isProxyObj(o) {
			return true, isReadOnlyDesc(mustCall(refl.getOwnPropertyDescriptor, o, k))
		}
		if dv := mustCall(refl.getOwnPropertyDescriptor, o, k); !sobek.IsUndefined(dv) {
			return true, isReadOnlyDesc(dv)
		}
		o = o.Prototype()
	}
	return false, false
}

// chainHasProxy reports whether the sandbox or its prototype chain holds
// a Proxy (walked with the Go API: no traps).
func (g *globalTraps) chainHasProxy() bool {
	for o, depth := g.sb, 0; o != nil && depth < maxProtoWalk; depth++ {
		if isProxyObj(o) {
			return true
		}
		o = o.Prototype()
	}
	return false
}

func isReadOnlyDesc(dv sobek.Value) bool {
	d, ok := dv.(*sobek.Object)
	if !ok || isAccessorDesc(d) {
		return false
	}
	return !d.Get("writable").ToBoolean()
}

// setterV20 is Node v20's setter interceptor for a Proxy sandbox: the
// attributes query, the sandbox's Set (its answer ignored, as Node's
// USE()), then its descriptor; an accessor there intercepts the store.
// gReadOnly: the context's real global holds k read-only.
func (g *globalTraps) setterV20(k sobek.Value, hv sobek.Value, gReadOnly bool) (intercepted, readOnly bool) {
	refl := g.home.reflect()
	g.inSandbox(func() {
		var declared bool
		declared, readOnly = g.attrsV20(k)
		if readOnly || gReadOnly {
			readOnly = true
			return
		}
		if _, isSym := k.(*sobek.Symbol); isSym && !declared {
			return
		}
		mustCall(refl.set, g.sb, k, hv)
		if declared {
			intercepted = isAccessorDesc(mustCall(refl.getOwnPropertyDescriptor, g.sb, k))
		}
	})
	return
}

// descV20 is Node v20's descriptor interceptor: the sandbox's
// HasOwnProperty (for a Proxy, its getOwnPropertyDescriptor trap), then
// its descriptor. Runs in the sandbox's realm.
func (g *globalTraps) descV20(k sobek.Value) sobek.Value {
	refl := g.home.reflect()
	dv := mustCall(refl.getOwnPropertyDescriptor, g.sb, k)
	if sobek.IsUndefined(dv) || !isProxyObj(g.sb) {
		return dv
	}
	return mustCall(refl.getOwnPropertyDescriptor, g.sb, k)
}

// storeV20 is a store of k on the global whose sandbox is a Proxy, as V8
// runs it with Node v20's interceptors. ok false: the store failed (a
// read-only property; sobek throws in strict code).
func (g *globalTraps) storeV20(k string, v sobek.Value) (ok bool) {
	key := g.c.rt.ToValue(k)
	hv := Carry(v, g.c, g.home)
	e := g.own.find(k)
	var bd sobek.Value = sobek.Undefined() // the builtins' own descriptor of k
	if e == nil {
		bd = mustCall(g.c.reflect().getOwnPropertyDescriptor, g.c.builtins, key)
	}
	intercepted, readOnly := g.setterV20(key, hv, isReadOnlyDesc(bd))
	if intercepted {
		return true
	}
	if e != nil || !sobek.IsUndefined(bd) {
		// the real global has k: V8 writes it there
		if e != nil {
			e.value = v
			return true
		}
		if isReadOnlyDesc(bd) {
			return false
		}
		return g.c.builtins.Set(k, v) == nil
	}
	var d1 sobek.Value
	g.inSandbox(func() { d1 = g.descV20(key) })
	if sobek.IsUndefined(d1) {
		// found nowhere: V8 adds it to the real global alone
		g.own.add(ownProp{name: k, value: v})
		return true
	}
	if readOnly || isReadOnlyDesc(d1) {
		return false
	}
	// V8 defines it on the real global: the descriptor and definer
	// interceptors, then (the property being new there) the setter again
	g.inSandbox(func() {
		g.descV20(key)
		vd := g.home.rt.NewObject()
		_ = vd.Set("value", hv)
		mustCall(g.home.reflect().defineProperty, g.sb, key, vd)
	})
	g.setterV20(key, hv, false)
	g.own.add(ownProp{name: k, value: v})
	return true
}

// realGet is the sandbox's GetRealNamedProperty(k): its value (getters
// run, a Proxy's get trap answers), nil when the chain lacks it. Runs in
// the sandbox's realm.
func (g *globalTraps) realGet(k sobek.Value) sobek.Value {
	if s, isSym := k.(*sobek.Symbol); isSym {
		return g.sb.GetSymbol(s)
	}
	return g.sb.Get(k.String())
}

// internalCall reports whether the trap running was asked by sobek's
// bytecode (a declaration, a strict store's check), not by a builtin
// (Object.getOwnPropertyDescriptor, Reflect.*, hasOwnProperty, ...).
func (g *globalTraps) internalCall() bool {
	fs := g.c.rt.CaptureCallStack(1, nil)
	return len(fs) > 0 && fs[0].SrcName() != "<native>"
}

// declareFunctionV20 is a top-level function declaration as V8 makes it
// under Node v20's interceptors: DeclareGlobals looks the name up (the
// getter: the sandbox's get), then stores the function through the
// setter interceptor (the sandbox's Set); the real global holds it, not
// configurable. sobek's write of the same value that follows is this
// one (fnPending).
func (g *globalTraps) declareFunctionV20(k string, d sobek.PropertyDescriptor) bool {
	key := g.c.rt.ToValue(k)
	hv := Carry(d.Value, g.c, g.home)
	g.inSandbox(func() { g.realGet(key) })
	if isProxyObj(g.sb) {
		g.setterV20(key, hv, false)
	} else {
		g.inSandbox(func() {
			if g.chainHasProxy() {
				g.attrsV20(key)
			}
			mustCall(g.home.reflect().set, g.sb, key, hv)
		})
	}
	fixed := d.Configurable != sobek.FLAG_TRUE
	if e := g.own.find(k); e != nil {
		e.value, e.declaring = d.Value, false
	} else if g.c.builtins.Get(k) == nil {
		g.own.add(ownProp{name: k, value: d.Value, fixed: fixed})
	} else {
		_ = g.c.builtins.Set(k, d.Value)
	}
	if fixed && !g.placeholder(key) {
		ph := d
		ph.Writable, ph.Enumerable, ph.Configurable = sobek.FLAG_TRUE, sobek.FLAG_TRUE, sobek.FLAG_FALSE
		g.pin(key, ph)
		if g.onGlobal == nil {
			g.onGlobal = make(map[string]bool)
		}
		g.onGlobal[k] = true
	}
	g.fnPending = k
	return true
}

// anyDesc is a data descriptor that only says "there, enumerable".
var anyDesc = sobek.PropertyDescriptor{Value: sobek.Undefined(), Writable: sobek.FLAG_TRUE, Enumerable: sobek.FLAG_TRUE, Configurable: sobek.FLAG_TRUE}

// enumerated answers the enumerability check of an enumeration of the
// global (Object.keys, for-in) as V8 makes it with Node v20's enumerator:
// a name the enumerator listed (the sandbox's, inherited ones too) is
// enumerable, asked through the getter in a for-in (get); any other is
// the real global's own (no sandbox trap). ok false: not an enumeration,
// or the shadow pins k (the caller answers).
func (g *globalTraps) enumerated(k sobek.Value, forIn bool) (sobek.PropertyDescriptor, bool) {
	if g.enumKeys == nil || g.placeholder(k) {
		return sobek.PropertyDescriptor{}, false
	}
	if _, isSym := k.(*sobek.Symbol); !isSym && g.enumKeys[k.String()] {
		if forIn {
			g.inSandbox(func() { g.realGet(k) })
		}
		return anyDesc, true
	}
	return g.realGlobalDesc(k), true
}

// v8GlobalOrder is the order of a V8 context global's own names (Node
// v20: vm.runInNewContext('Object.getOwnPropertyNames(globalThis)')).
var v8GlobalOrder = func() map[string]int {
	names := []string{"Object", "Function", "Array", "Number", "parseFloat", "parseInt", "Infinity", "NaN", "undefined",
		"Boolean", "String", "Symbol", "Date", "Promise", "RegExp", "Error", "AggregateError", "EvalError", "RangeError",
		"ReferenceError", "SyntaxError", "TypeError", "URIError", "globalThis", "JSON", "Math", "Intl", "ArrayBuffer",
		"Uint8Array", "Int8Array", "Uint16Array", "Int16Array", "Uint32Array", "Int32Array", "Float32Array", "Float64Array",
		"Uint8ClampedArray", "BigUint64Array", "BigInt64Array", "DataView", "Map", "BigInt", "Set", "WeakMap", "WeakSet",
		"Proxy", "Reflect", "FinalizationRegistry", "WeakRef", "decodeURI", "decodeURIComponent", "encodeURI",
		"encodeURIComponent", "escape", "unescape", "eval", "isFinite", "isNaN", "console", "SharedArrayBuffer", "Atomics",
		"WebAssembly"}
	m := make(map[string]int, len(names))
	for i, n := range names {
		m[n] = i
	}
	return m
}()

// sortV8GlobalOrder puts a realm's builtin names in V8's order; others
// (symbols, names V8 has not) keep theirs, after them.
func sortV8GlobalOrder(keys []sobek.Value) {
	rank := func(k sobek.Value) int {
		if _, isSym := k.(*sobek.Symbol); !isSym {
			if i, ok := v8GlobalOrder[k.String()]; ok {
				return i
			}
		}
		return len(v8GlobalOrder)
	}
	sort.SliceStable(keys, func(i, j int) bool { return rank(keys[i]) < rank(keys[j]) })
}
