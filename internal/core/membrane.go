package core

import (
	"errors"
	"runtime"
	"strconv"
	"weak"

	"github.com/grafana/sobek"
	"github.com/jsvm-dev/jsvm/internal/engine"
)

// The membrane carries values between the realms of one isolate. An object
// of realm H seen from realm T is a native Proxy in T (the wrapper) whose
// traps act on the original in H, carrying every value that passes. There is
// one wrapper per (original, realm), and a wrapper going home unwraps.
//
// The tables hold only weak pointers, so neither side keeps the other's realm
// alive: an entry lives as long as its wrapper, and is removed by a cleanup
// when the wrapper is collected.

type wkey = weak.Pointer[sobek.Object]

type wrapKey struct {
	orig  wkey
	realm int // Context.id of the realm the wrapper lives in
}

type wrapEntry struct{ wrapper wkey }

// Unwrap reports whether o is a membrane wrapper for an object of another
// context of this isolate, and if so returns the original and the runtime it
// belongs to. Inspectors use it to show foreign objects as they are.
func (iso *Isolate) Unwrap(o *sobek.Object) (orig *sobek.Object, home *sobek.Runtime, ok bool) {
	l := iso.linkOf(o)
	if l == nil {
		return nil, nil, false
	}
	return l.o, l.home.rt, true
}

// UnwrapContext is Unwrap returning the home context.
func (iso *Isolate) UnwrapContext(o *sobek.Object) (*sobek.Object, *Context, bool) {
	l := iso.linkOf(o)
	if l == nil {
		return nil, nil, false
	}
	return l.o, l.home, true
}

// linkOf returns the trap state of o if o is a wrapper. The table holds
// the state weakly: a strong link to the original would keep the wrapper
// reachable through the original's realm (its sandbox may hold the
// wrapper), and no context would ever be collected.
func (iso *Isolate) linkOf(o *sobek.Object) *wrapper {
	if o == nil || o.ExportType() != proxyType && !isBufferLike(o) {
		return nil
	}
	iso.tabMu.Lock()
	l := iso.links[weak.Make(o)]
	iso.tabMu.Unlock()
	return l.Value()
}

var proxyType = func() any {
	rt := sobek.New()
	p := rt.NewProxy(rt.NewObject(), &sobek.ProxyTrapConfig{})
	return rt.ToValue(p).(*sobek.Object).ExportType()
}()

// Carry converts v, a value of realm from, into a value usable in realm to.
// Primitives and symbols pass as they are.
func Carry(v sobek.Value, from, to *Context) sobek.Value {
	o, ok := v.(*sobek.Object)
	if !ok || from == to {
		return v
	}
	return to.iso.carryObject(o, from, to)
}

func (iso *Isolate) carryObject(o *sobek.Object, from, to *Context) sobek.Value {
	if l := iso.linkOf(o); l != nil {
		if l.home == to {
			return l.o
		}
		o, from = l.o, l.home
	}
	if o == to.sandbox && from == to.sbHome {
		// a context sees its own sandbox as its global, as in Node
		return to.global
	}
	key := wrapKey{orig: weak.Make(o), realm: to.id}
	iso.tabMu.Lock()
	if e := iso.wrappers[key]; e != nil {
		if w := e.wrapper.Value(); w != nil {
			iso.tabMu.Unlock()
			return w
		}
	}
	iso.tabMu.Unlock()

	var ws *wrapper
	if kind := bufferKind(o); kind != "" {
		ws = &wrapper{o: o, home: from, here: to}
		ws.proxy = shareBuffer(o, kind, from, to)
	} else {
		ws = newWrapper(o, from, to)
		to.guardProtoCycles()
		if to.global == to.builtins && !to.forwarded["Map"] {
			// no global proxy tells when code reaches a constructor
			to.forwardAllBrands() // brands.go
		}
	}
	w := ws.proxy
	wk := weak.Make(w)
	iso.tabMu.Lock()
	iso.wrappers[key] = &wrapEntry{wrapper: wk}
	iso.links[wk] = weak.Make(ws)
	iso.tabMu.Unlock()
	runtime.AddCleanup(w, iso.forget, cleanupKey{key, wk})
	return w
}

type cleanupKey struct {
	wrap wrapKey
	w    wkey
}

func (iso *Isolate) forget(k cleanupKey) {
	iso.tabMu.Lock()
	if e := iso.wrappers[k.wrap]; e != nil && e.wrapper == k.w {
		delete(iso.wrappers, k.wrap)
	}
	delete(iso.links, k.w)
	iso.tabMu.Unlock()
}

// wrapper is the trap state of one wrapper: the original o in realm home,
// seen from realm here through a Proxy over shadow.
type wrapper struct {
	o      *sobek.Object
	home   *Context
	here   *Context
	shadow *sobek.Object
	call   sobek.Callable

	proxy *sobek.Object

	hasInstance sobek.Value // lazily made; works around sobek's instanceof on proxies

	lookups int // get/has/set traps of this wrapper in progress (cycle check)
}

func newWrapper(o *sobek.Object, home, here *Context) *wrapper {
	w := &wrapper{o: o, home: home, here: here}
	rt := here.rt
	if call, ok := sobek.AssertFunction(o); ok {
		w.call = call
		if _, isCtor := sobek.AssertConstructor(o); isCtor {
			w.shadow = here.newConstructorShadow()
		} else {
			w.shadow = rt.ToValue(func(sobek.FunctionCall) sobek.Value { return sobek.Undefined() }).(*sobek.Object)
		}
		// name and length of the shadow are configurable; drop them so the
		// original's answer is the only one.
		_ = w.shadow.Delete("name")
		_ = w.shadow.Delete("length")
	} else if className(o) == "Array" {
		w.shadow = rt.NewArray()
	} else {
		w.shadow = rt.NewObject()
	}
	cfg := &sobek.ProxyTrapConfig{
		GetPrototypeOf:    w.getPrototypeOf,
		SetPrototypeOf:    w.setPrototypeOf,
		IsExtensible:      w.isExtensible,
		PreventExtensions: w.preventExtensions,
		GetOwnPropertyDescriptor: func(_ *sobek.Object, k string) sobek.PropertyDescriptor {
			return w.getOwnPropertyDescriptor(rt.ToValue(k))
		},
		GetOwnPropertyDescriptorSym: func(_ *sobek.Object, k *sobek.Symbol) sobek.PropertyDescriptor { return w.getOwnPropertyDescriptor(k) },
		DefineProperty: func(_ *sobek.Object, k string, d sobek.PropertyDescriptor) bool {
			return w.defineProperty(rt.ToValue(k), d)
		},
		DefinePropertySym: func(_ *sobek.Object, k *sobek.Symbol, d sobek.PropertyDescriptor) bool { return w.defineProperty(k, d) },
		Has:               func(_ *sobek.Object, k string) bool { return w.has(rt.ToValue(k)) },
		HasSym:            func(_ *sobek.Object, k *sobek.Symbol) bool { return w.has(k) },
		Get:               func(_ *sobek.Object, k string, r sobek.Value) sobek.Value { return w.get(k, nil, r) },
		GetSym:            func(_ *sobek.Object, k *sobek.Symbol, r sobek.Value) sobek.Value { return w.get("", k, r) },
		Set:               func(_ *sobek.Object, k string, v, r sobek.Value) bool { return w.set(rt.ToValue(k), v, r) },
		SetSym:            func(_ *sobek.Object, k *sobek.Symbol, v, r sobek.Value) bool { return w.set(k, v, r) },
		DeleteProperty:    func(_ *sobek.Object, k string) bool { return w.deleteProperty(rt.ToValue(k)) },
		DeletePropertySym: func(_ *sobek.Object, k *sobek.Symbol) bool { return w.deleteProperty(k) },
		OwnKeys:           w.ownKeys,
	}
	if w.call != nil {
		cfg.Apply = w.apply
		cfg.Construct = w.construct
	}
	w.proxy = rt.ToValue(rt.NewProxy(w.shadow, cfg)).(*sobek.Object)
	return w
}

// newConstructorShadow returns a fresh constructible function with no own
// properties that could pin proxy invariants (a bound function has no
// `prototype`).
func (c *Context) newConstructorShadow() *sobek.Object {
	if c.bindShadow == nil {
		// f.bind, not Function.prototype.bind: a global name would be
		// looked up through the contextified global (a sandbox trap)
		v, err := c.rt.RunString(`(function(){ const f = function(){}; const b = f.bind; return () => b.call(f); })()`)
		if err != nil {
			panic(err)
		}
		c.bindShadow, _ = sobek.AssertFunction(v)
	}
	v, err := c.bindShadow(sobek.Undefined())
	if err != nil {
		panic(err)
	}
	return v.(*sobek.Object)
}

// inOp runs fn, the proxy operation op, in the home realm and carries
// any exception it throws into the realm of the caller. Uncatchable
// errors (interrupts, stack overflows) pass as they are. When the
// original is a revoked
// Proxy, the TypeError is the caller's realm's, with V8's message (the
// check of a revoked handler runs in the realm of the running code).
func (w *wrapper) inOp(op string, fn func()) {
	if w.o.ExportType() == proxyType {
		defer func() {
			if x := recover(); x != nil {
				if _, ok := x.(sobek.Value); ok && isRevoked(w.o) {
					panic(w.here.typeError("Cannot perform '" + op + "' on a proxy that has been revoked"))
				}
				panic(x)
			}
		}()
	}
	crossInto(w.home, w.here, fn)
}

// className is o.ClassName(), "" for a revoked Proxy (sobek panics).
func className(o *sobek.Object) (name string) {
	defer func() {
		if recover() != nil {
			name = ""
		}
	}()
	return o.ClassName()
}

// isRevoked reports whether o, a Proxy, has been revoked.
func isRevoked(o *sobek.Object) bool {
	return o.ExportType() == proxyType && className(o) == ""
}

func crossInto(home, here *Context, fn func()) {
	used := home.iso.usedBelow()
	if used >= home.iso.maxStack {
		// no budget left for the crossing: the call overflows here
		panic(here.overflowError(&sobek.StackOverflowError{}, here))
	}
	ex := home.tryInUsing(fn, used)
	if ex != nil {
		callerFrames(ex.Value(), home, here)
		panic(Carry(ex.Value(), home, here))
	}
}

// tryIn runs fn with c as the executing realm and returns the JS exception
// it threw. A stack overflow that ends inside fn comes back as V8's
// RangeError of c; other uncatchable errors (interrupts) pass on as
// panics, with the realm chain unwound.
func (c *Context) tryIn(fn func()) (ex *sobek.Exception) {
	return c.tryInUsing(fn, c.iso.usedBelow())
}

// tryInUsing is tryIn with the isolate's usedBelow() already known.
func (c *Context) tryInUsing(fn func(), used int) (ex *sobek.Exception) {
	iso := c.iso
	iso.pushUsing(c, used, false)
	returned := false
	defer func() {
		if returned {
			return
		}
		// fn panicked with what sobek's Try does not catch
		x := recover()
		iso.popAfter(x) // repairs the VM after an interrupt
		if x != nil {
			so, ok := x.(*sobek.StackOverflowError)
			if !ok {
				panic(x) // an interrupt passes on
			}
			v := c.overflowError(so, nil)
			ex = c.rt.Try(func() { panic(v) })
		}
	}()
	ex = c.rt.Try(fn)
	returned = true
	iso.pop()
	return ex
}

func (w *wrapper) out(v sobek.Value) sobek.Value { return Carry(v, w.home, w.here) }
func (w *wrapper) back(v sobek.Value) sobek.Value {
	if v == nil {
		return nil
	}
	return Carry(v, w.here, w.home)
}

func (w *wrapper) reflect() *reflectFns { return w.home.reflect() }

// protoReaches reports whether target is on the prototype chain that
// starts at p (p included), looking through membrane wrappers to their
// originals. Like the specification's cycle check it stops at a Proxy
// (one that is not a wrapper), so it runs no JavaScript; the walk is
// bounded as V8's.
func (iso *Isolate) protoReaches(p, target *sobek.Object) bool {
	for i := 0; p != nil && i < maxProtoWalk; i++ {
		if l := iso.linkOf(p); l != nil {
			p = l.o
		}
		if p == target {
			return true
		}
		if p.ExportType() == proxyType {
			return false
		}
		p = p.Prototype()
	}
	return false
}

// maxProtoWalk bounds a prototype walk (V8's kMaxIterationLimit).
const maxProtoWalk = 100 * 1024

func (w *wrapper) getPrototypeOf(*sobek.Object) *sobek.Object {
	// a for-in here walking another realm's Proxies: bounded as V8's,
	// and the keys they give kept
	w.here.iso.proxyWalks.ForInStep(w.here.rt)
	engine.ForInKeys(w.here.rt)
	var p sobek.Value
	w.inOp("getPrototypeOf", func() { p = w.o.Prototype() })
	if po, ok := p.(*sobek.Object); ok && po != nil {
		if w.o.ExportType() != proxyType && w.here.iso.protoReaches(po, w.o) {
			// a cycle through the membrane (see lookup): sobek's own
			// prototype walks (instanceof, isPrototypeOf) would not end
			panic(w.here.rt.NewTypeError("Cyclic __proto__ value"))
		}
		return w.out(po).(*sobek.Object)
	}
	return nil
}

func (w *wrapper) setPrototypeOf(_ *sobek.Object, proto *sobek.Object) bool {
	if w.here.iso.protoReaches(proto, w.o) {
		// V8's contexts share one heap, so its cycle check sees through
		// them; sobek's stops at the wrapper (a Proxy), and the cycle
		// would recurse through the membrane without end
		panic(w.here.rt.NewTypeError("Cyclic __proto__ value"))
	}
	var res sobek.Value
	w.inOp("setPrototypeOf", func() {
		var pv sobek.Value = sobek.Null()
		if proto != nil {
			pv = w.back(proto)
		}
		res = mustCall(w.reflect().setPrototypeOf, w.o, pv)
	})
	return res.ToBoolean()
}

func (w *wrapper) isExtensible(*sobek.Object) bool {
	var res sobek.Value
	w.inOp("isExtensible", func() { res = mustCall(w.reflect().isExtensible, w.o) })
	if !res.ToBoolean() {
		w.freezeShadow()
	}
	return res.ToBoolean()
}

func (w *wrapper) preventExtensions(*sobek.Object) bool {
	var res sobek.Value
	w.inOp("preventExtensions", func() { res = mustCall(w.reflect().preventExtensions, w.o) })
	if res.ToBoolean() {
		w.freezeShadow()
	}
	return res.ToBoolean()
}

// freezeShadow makes the shadow agree with a non-extensible original:
// same prototype, every own property mirrored, then non-extensible.
func (w *wrapper) freezeShadow() {
	rt := w.here.rt
	if !mustCall(w.here.reflect().isExtensible, w.shadow).ToBoolean() {
		return
	}
	var keys []sobek.Value
	w.inOp("ownKeys", func() {
		keys = arrayValues(mustCall(w.reflect().ownKeys, w.o))
	})
	for _, k := range keys {
		d := w.getOwnPropertyDescriptor(k)
		if !d.Empty() {
			w.mirror(k, d)
		}
	}
	_ = w.shadow.SetPrototype(w.getPrototypeOf(nil))
	mustCall(w.here.reflect().preventExtensions, w.shadow)
	_ = rt
}

// mirror defines d (a descriptor in this realm) on the shadow.
func (w *wrapper) mirror(k sobek.Value, d sobek.PropertyDescriptor) {
	rt := w.here.rt
	mustCall(w.here.reflect().defineProperty, w.shadow, k, descToObject(rt, w.here.shadowDesc(d)))
}

// shadowDesc is the descriptor to mirror onto a proxy target for d. sobek
// inverts the identity check for non-configurable accessors (it rejects a
// trap result whose getter or setter IS the target's), so accessors are
// mirrored with the realm's placeholder functions, which never equal a
// real one. The accessor cases of TestCoreSnippets fail if an upgrade fixes that.
func (c *Context) shadowDesc(d sobek.PropertyDescriptor) sobek.PropertyDescriptor {
	if d.Getter == nil && d.Setter == nil {
		return d
	}
	if c.placeholderFn == nil {
		c.placeholderFn = c.rt.ToValue(func(sobek.FunctionCall) sobek.Value { return sobek.Undefined() })
	}
	d.Getter, d.Setter = c.placeholderFn, c.placeholderFn
	return d
}

func (w *wrapper) getOwnPropertyDescriptor(k sobek.Value) sobek.PropertyDescriptor {
	var d sobek.PropertyDescriptor
	w.inOp("getOwnPropertyDescriptor", func() {
		dv := mustCall(w.reflect().getOwnPropertyDescriptor, w.o, k)
		d = descFromObject(dv, w.out)
	})
	if d.Configurable == sobek.FLAG_FALSE {
		// a non-configurable property must exist, the same, on the target
		w.mirror(k, d)
	} else if !d.Empty() && w.call != nil && shadowHasNonConfigurable(w, k) {
		d.Configurable = sobek.FLAG_FALSE
	}
	return d
}

func shadowHasNonConfigurable(w *wrapper, k sobek.Value) bool {
	dv := mustCall(w.here.reflect().getOwnPropertyDescriptor, w.shadow, k)
	if o, ok := dv.(*sobek.Object); ok {
		return !o.Get("configurable").ToBoolean()
	}
	return false
}

func (w *wrapper) defineProperty(k sobek.Value, d sobek.PropertyDescriptor) bool {
	var res sobek.Value
	w.inOp("defineProperty", func() {
		res = mustCall(w.reflect().defineProperty, w.o, k, descToObject(w.home.rt, mapDesc(d, w.back)))
	})
	ok := res.ToBoolean()
	if ok && d.Configurable == sobek.FLAG_FALSE {
		w.mirror(k, d)
	}
	return ok
}

// lookup guards a trap that walks the original's prototype chain (get,
// has, set). An ordinary object's prototype can be set to a wrapper whose
// original's chain leads back to it: sobek's cycle check stops at the
// wrapper (a Proxy), so the cycle forms, and a lookup would recurse through
// the membrane without end. A trap re-entered during its own lookup checks
// for such a cycle (legitimate re-entry, a recursive getter, is rare) and
// throws V8's TypeError instead. The caller must call done.
func (w *wrapper) lookup() (done func()) {
	if w.lookups > 0 && w.o.ExportType() != proxyType && w.here.iso.protoReaches(w.o.Prototype(), w.o) {
		panic(w.here.rt.NewTypeError("Cyclic __proto__ value"))
	}
	w.lookups++
	return w.lookupDone
}

func (w *wrapper) lookupDone() { w.lookups-- }

func (w *wrapper) has(k sobek.Value) bool {
	defer w.lookup()()
	var res sobek.Value
	w.inOp("has", func() { res = mustCall(w.reflect().has, w.o, k) })
	return res.ToBoolean()
}

func (w *wrapper) get(name string, sym *sobek.Symbol, receiver sobek.Value) sobek.Value {
	if sym == sobek.SymHasInstance && w.call != nil {
		return w.hasInstanceFn()
	}
	defer w.lookup()()
	var v sobek.Value
	w.inOp("get", func() {
		if ro, ok := receiver.(*sobek.Object); ok && ro != w.proxy {
			var k sobek.Value = sym
			if sym == nil {
				k = w.home.rt.ToValue(name)
			}
			v = mustCall(w.reflect().get, w.o, k, w.back(receiver))
			return
		}
		if sym != nil {
			v = w.o.GetSymbol(sym)
		} else {
			v = w.o.Get(name)
		}
	})
	if v == nil {
		// missing, not undefined: as an ordinary object's get answers
		// sobek, whose ToPropertyDescriptor tells an absent "get" from an
		// undefined one only so (it does not ask HasProperty), so that a
		// descriptor object of another realm is no accessor
		return nil
	}
	return w.out(v)
}

func (w *wrapper) hasInstanceFn() sobek.Value {
	if w.hasInstance == nil {
		w.hasInstance = w.here.rt.ToValue(func(c sobek.FunctionCall) sobek.Value {
			var res bool
			w.inOp("get", func() {
				v, ok := w.back(c.Argument(0)).(*sobek.Object)
				if !ok {
					return
				}
				// the original's own @@hasInstance first: it may itself be
				// a Proxy (the host's Error), which sobek's instanceof
				// cannot take
				if hi, isFn := sobek.AssertFunction(w.o.GetSymbol(sobek.SymHasInstance)); isFn {
					r, err := hi(w.o, v)
					if err != nil {
						panic(err)
					}
					res = r.ToBoolean()
					return
				}
				res = w.home.rt.InstanceOf(v, w.o)
			})
			return w.here.rt.ToValue(res)
		})
	}
	return w.hasInstance
}

func (w *wrapper) set(k, v, receiver sobek.Value) bool {
	defer w.lookup()()
	if po, ok := v.(*sobek.Object); ok && k.String() == "__proto__" && receiver == w.proxy {
		// `wrapper.__proto__ = p` reaches the home realm's __proto__
		// setter with the original as this, whose cycle check stops at
		// p's wrapper there
		if w.protoSetterApplies() && w.here.iso.protoReaches(po, w.o) {
			panic(w.here.rt.NewTypeError("Cyclic __proto__ value"))
		}
	}
	var res sobek.Value
	w.inOp("set", func() {
		res = mustCall(w.reflect().set, w.o, k, w.back(v), w.back(receiver))
	})
	return res.ToBoolean()
}

// protoSetterApplies reports whether setting "__proto__" on the original
// reaches the inherited __proto__ setter: an ordinary object with a
// prototype and no own "__proto__" (JSON.parse makes one).
func (w *wrapper) protoSetterApplies() bool {
	if w.o.ExportType() == proxyType || w.o.Prototype() == nil {
		return false
	}
	for _, k := range w.o.GetOwnPropertyNames() {
		if k == "__proto__" {
			return false
		}
	}
	return true
}

func (w *wrapper) deleteProperty(k sobek.Value) bool {
	var res sobek.Value
	w.inOp("deleteProperty", func() { res = mustCall(w.reflect().deleteProperty, w.o, k) })
	return res.ToBoolean()
}

func (w *wrapper) ownKeys(*sobek.Object) *sobek.Object {
	engine.ForInKeys(w.here.rt) // a for-in here keeps the keys (engine/forinproxy.go)
	var keys []sobek.Value
	w.inOp("ownKeys", func() {
		keys = arrayValues(mustCall(w.reflect().ownKeys, w.o))
	})
	items := make([]any, len(keys))
	for i, k := range keys {
		items[i] = k
	}
	return w.here.rt.NewArray(items...)
}

func (w *wrapper) apply(_ *sobek.Object, this sobek.Value, args []sobek.Value) sobek.Value {
	return w.out(w.callHome(w.back(this), carryArgs(args, w.here, w.home)))
}

// callHome calls the original function in its realm. The callable
// catches the callee's exceptions itself, so no Try frame of the
// membrane's own is needed; the exception is carried to the caller.
func (w *wrapper) callHome(this sobek.Value, args []sobek.Value) sobek.Value {
	home := w.home
	iso := home.iso
	used := iso.usedBelow()
	if used >= iso.maxStack {
		// no budget left for the crossing: the call overflows here
		panic(w.here.overflowError(&sobek.StackOverflowError{}, w.here))
	}
	outer := home.enterOuter() // keeps the home runtime's VM stack across calls
	home.hookIntrinsics()      // the caller may catch what the call throws (errwords.go)
	iso.pushUsing(home, used, false)
	var res sobek.Value
	var err error
	func() {
		defer func() {
			if p := recover(); p != nil {
				iso.popAfter(p) // an interrupt or stack overflow passes on
				if outer && callDepth(home.rt) == 1 {
					popOuterFrame(home.rt)
				}
				panic(p)
			}
		}()
		res, err = w.call(this, args...)
	}()
	iso.popAfter(err)
	if outer {
		home.leaveOuter(err)
	}
	if err != nil {
		var thrown sobek.Value
		var ex *sobek.Exception
		if so, ok := err.(*sobek.StackOverflowError); ok {
			thrown = home.overflowError(so, nil) // V8's RangeError, catchable from here on
		} else if errors.As(err, &ex) {
			thrown = ex.Value()
		} else {
			panic(err) // an interrupt passes on
		}
		callerFrames(thrown, home, w.here)
		panic(Carry(thrown, home, w.here))
	}
	return res
}

// carryArgs carries call arguments from realm from to realm to; when all
// are primitives, the slice itself is returned (no copy).
func carryArgs(args []sobek.Value, from, to *Context) []sobek.Value {
	for i, a := range args {
		if _, ok := a.(*sobek.Object); ok {
			out := make([]sobek.Value, len(args))
			copy(out, args[:i])
			for j := i; j < len(args); j++ {
				out[j] = Carry(args[j], from, to)
			}
			return out
		}
	}
	return args
}

func (w *wrapper) construct(_ *sobek.Object, args []sobek.Value, newTarget *sobek.Object) *sobek.Object {
	var res sobek.Value
	hargs := make([]any, len(args))
	for i, a := range args {
		hargs[i] = w.back(a)
	}
	w.inOp("construct", func() {
		nt := w.o
		if newTarget != nil {
			if ntv, ok := w.back(newTarget).(*sobek.Object); ok {
				nt = ntv
			}
		}
		res = mustCall(w.reflect().construct, w.o, w.home.rt.NewArray(hargs...), nt)
	})
	return w.out(res).(*sobek.Object)
}

// mustCall calls a home-realm function inside a Try; a JS exception is
// re-panicked so that the enclosing Try sees it.
// arrayValues reads the elements of an array an intrinsic made (Reflect.
// ownKeys' result) by index: sobek's ExportTo would iterate it with the
// realm's Array.prototype[Symbol.iterator], which the realm's code can
// replace.
func arrayValues(v sobek.Value) []sobek.Value {
	arr, ok := v.(*sobek.Object)
	if !ok {
		return nil
	}
	n := arr.Get("length").ToInteger()
	out := make([]sobek.Value, 0, n)
	for i := int64(0); i < n; i++ {
		out = append(out, arr.Get(strconv.FormatInt(i, 10)))
	}
	return out
}

func mustCall(fn sobek.Callable, args ...sobek.Value) sobek.Value {
	v, err := fn(sobek.Undefined(), args...)
	if err != nil {
		panic(err)
	}
	return v
}

// descFromObject reads a JS property descriptor (or undefined) into a
// PropertyDescriptor, carrying values with conv.
func descFromObject(dv sobek.Value, conv func(sobek.Value) sobek.Value) sobek.PropertyDescriptor {
	var d sobek.PropertyDescriptor
	o, ok := dv.(*sobek.Object)
	if !ok {
		return d
	}
	flag := func(name string) sobek.Flag {
		v := o.Get(name)
		if v == nil || sobek.IsUndefined(v) {
			return sobek.FLAG_NOT_SET
		}
		return sobek.ToFlag(v.ToBoolean())
	}
	if v := o.Get("value"); v != nil {
		d.Value = conv(v)
	}
	if v := o.Get("get"); v != nil && !sobek.IsUndefined(v) {
		d.Getter = conv(v)
	}
	if v := o.Get("set"); v != nil && !sobek.IsUndefined(v) {
		d.Setter = conv(v)
	}
	d.Writable = flag("writable")
	d.Enumerable = flag("enumerable")
	d.Configurable = flag("configurable")
	if d.Getter != nil || d.Setter != nil {
		d.Writable = sobek.FLAG_NOT_SET
		if d.Getter == nil {
			d.Getter = sobek.Undefined()
		}
		if d.Setter == nil {
			d.Setter = sobek.Undefined()
		}
	}
	return d
}

func mapDesc(d sobek.PropertyDescriptor, conv func(sobek.Value) sobek.Value) sobek.PropertyDescriptor {
	if d.Value != nil {
		d.Value = conv(d.Value)
	}
	if d.Getter != nil {
		d.Getter = conv(d.Getter)
	}
	if d.Setter != nil {
		d.Setter = conv(d.Setter)
	}
	return d
}

// descToObject builds a JS descriptor object in rt.
func descToObject(rt *sobek.Runtime, d sobek.PropertyDescriptor) *sobek.Object {
	o := rt.NewObject()
	if d.Value != nil {
		_ = o.Set("value", d.Value)
	}
	if d.Getter != nil {
		_ = o.Set("get", d.Getter)
	}
	if d.Setter != nil {
		_ = o.Set("set", d.Setter)
	}
	if d.Writable != sobek.FLAG_NOT_SET {
		_ = o.Set("writable", d.Writable.Bool())
	}
	if d.Enumerable != sobek.FLAG_NOT_SET {
		_ = o.Set("enumerable", d.Enumerable.Bool())
	}
	if d.Configurable != sobek.FLAG_NOT_SET {
		_ = o.Set("configurable", d.Configurable.Bool())
	}
	return o
}
