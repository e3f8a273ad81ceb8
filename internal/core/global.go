package core

import (
	"strings"

	"github.com/grafana/sobek"
	"github.com/jsvm-dev/jsvm/internal/engine"
	"github.com/jsvm-dev/jsvm/internal/intl"
	"github.com/jsvm-dev/jsvm/internal/stack"
)

// The contextified global: a native Proxy installed with SetGlobalObject
// that looks in the sandbox first and falls back to the context's own
// builtins, as Node's named-property interceptors do. Writes, var and
// function declarations land on the sandbox.
//
// sobek enforces Proxy invariants, so a top-level `var` (defined with
// configurable:false) leaves a placeholder on the proxy's target, the
// shadow, and the descriptor trap keeps reporting configurable:false for it.
// The sandbox itself gets configurable:true, as in Node.

type globalTraps struct {
	c    *Context
	sb   *sobek.Object
	home *Context

	// placeholders mirrors the shadow's non-configurable properties, so
	// the common paths never call into the context's Reflect (building
	// it costs a context more memory than everything else together).
	placeholders descTable

	protoMade bool // the global's own prototype was made (protoOnce)

	// own: the properties the context's own global holds for the sandbox
	// (writes and var declarations reach both, as in V8)
	own ownProps

	// onGlobal are the names defined non-configurable through the global,
	// which V8 keeps on the context's real global too
	onGlobal map[string]bool

	// symbols are the symbol keys written or defined through the global
	// (and not deleted since), which ownKeys lists as Node v20 does
	symbols map[*sobek.Symbol]bool

	// lastHas is the key of the latest has (Node v20: a strict store's
	// own-property check follows it, global_v20.go)
	lastHas sobek.Value
	// fnPending is the function whose declaration's write sobek makes
	// next (Node v20: the declaration stored it already)
	fnPending string
	// declWindow: a program runs and its global declarations are being
	// instantiated (no trap but theirs has run yet)
	declWindow bool
	// enumKeys are the sandbox's names the latest ownKeys listed (Node
	// v20's enumerator): Object.keys and for-in take them as enumerable
	enumKeys map[string]bool
}

// descTable maps property keys (keyOf) to descriptors. Most contexts pin
// a few (their top-level vars and functions): those are a short list, a
// map only past a handful (a Go map costs ~800 bytes for one entry, more
// than a third of an idle context).
type descTable struct {
	few  []keyedDesc
	many map[any]sobek.PropertyDescriptor
}

type keyedDesc struct {
	k any
	d sobek.PropertyDescriptor
}

const descTableFew = 8

func (t *descTable) get(k any) (sobek.PropertyDescriptor, bool) {
	if t.many != nil {
		d, ok := t.many[k]
		return d, ok
	}
	for i := range t.few {
		if t.few[i].k == k {
			return t.few[i].d, true
		}
	}
	return sobek.PropertyDescriptor{}, false
}

func (t *descTable) set(k any, d sobek.PropertyDescriptor) {
	if t.many != nil {
		t.many[k] = d
		return
	}
	for i := range t.few {
		if t.few[i].k == k {
			t.few[i].d = d
			return
		}
	}
	if len(t.few) < descTableFew {
		t.few = append(t.few, keyedDesc{k, d})
		return
	}
	t.many = make(map[any]sobek.PropertyDescriptor, 2*descTableFew)
	for _, e := range t.few {
		t.many[e.k] = e.d
	}
	t.many[k] = d
	t.few = nil
}

// ownProps are the properties V8 keeps on a context's own global for the
// sandbox: a write through the global reaches both (the value stays when
// the sandbox loses the property), and a var declaration defines the name
// there first. They are what the context's own global has over its
// builtins, as if defined on it; they are kept here and not on sobek's
// global, because a new property on that templated object copies its
// template's ~60 names and grows its value map (1.4 KB in every context
// with a top-level var or a global write). The few paths that change
// them in other ways (definitions and failed writes on the builtins,
// rare) first move them onto the builtins (globalTraps.evict).
type ownProps struct {
	list []ownProp      // in definition order
	idx  map[string]int // into list, past ownPropsFew entries
}

type ownProp struct {
	name  string
	value sobek.Value // of the context's realm
	// fixed: defined by a var declaration, not configurable
	fixed bool
	// declaring: just declared; sobek's initializing write (undefined)
	// follows, and it is not the sandbox's
	declaring bool
}

const ownPropsFew = 8

// find returns k's entry, or nil.
func (p *ownProps) find(k string) *ownProp {
	if p.idx != nil {
		if i, ok := p.idx[k]; ok {
			return &p.list[i]
		}
		return nil
	}
	for i := range p.list {
		if p.list[i].name == k {
			return &p.list[i]
		}
	}
	return nil
}

func (p *ownProps) add(e ownProp) {
	p.list = append(p.list, e)
	if p.idx != nil {
		p.idx[e.name] = len(p.list) - 1
	} else if len(p.list) > ownPropsFew {
		p.reindex()
	}
}

func (p *ownProps) remove(k string) {
	for i := range p.list {
		if p.list[i].name == k {
			p.list = append(p.list[:i], p.list[i+1:]...)
			p.list[len(p.list):cap(p.list)][0] = ownProp{} // drop the moved-out copy
			if p.idx != nil {
				p.reindex()
			}
			return
		}
	}
}

func (p *ownProps) reindex() {
	if len(p.list) <= ownPropsFew {
		p.idx = nil
		return
	}
	p.idx = make(map[string]int, len(p.list))
	for i, e := range p.list {
		p.idx[e.name] = i
	}
}

// desc is e as a property descriptor.
func (e *ownProp) desc() sobek.PropertyDescriptor {
	c := sobek.FLAG_TRUE
	if e.fixed {
		c = sobek.FLAG_FALSE
	}
	return sobek.PropertyDescriptor{Value: e.value, Writable: sobek.FLAG_TRUE, Enumerable: sobek.FLAG_TRUE, Configurable: c}
}

// evict moves k's entry of own, if any, onto the context's builtins
// object, as the property it stands for, before code that works on the
// builtins object itself.
func (g *globalTraps) evict(k string) {
	e := g.own.find(k)
	if e == nil {
		return
	}
	d := e.desc()
	g.own.remove(k)
	defineOn(g.c.builtins, g.c.rt.ToValue(k), d)
}

// noteSymbol records (or, on delete, forgets) a symbol key written
// through the global.
func (g *globalTraps) noteSymbol(k sobek.Value, written bool) {
	s, ok := k.(*sobek.Symbol)
	if !ok {
		return
	}
	if !written {
		delete(g.symbols, s)
		return
	}
	if g.symbols == nil {
		g.symbols = make(map[*sobek.Symbol]bool)
	}
	g.symbols[s] = true
}

// keyOf is a property key as a map key: the string, or the *Symbol.
func keyOf(k sobek.Value) any {
	if s, ok := k.(*sobek.Symbol); ok {
		return s
	}
	return k.String()
}

// pin defines d on the shadow (through the Go API) and records it.
func (g *globalTraps) pin(k sobek.Value, d sobek.PropertyDescriptor) {
	g.placeholders.set(keyOf(k), d)
	defineOn(g.c.shadow, k, d)
}

// defineOn defines d on o with sobek's Go API.
func defineOn(o *sobek.Object, k sobek.Value, d sobek.PropertyDescriptor) {
	sym, isSym := k.(*sobek.Symbol)
	if d.Getter != nil || d.Setter != nil {
		if isSym {
			_ = o.DefineAccessorPropertySymbol(sym, d.Getter, d.Setter, d.Configurable, d.Enumerable)
		} else {
			_ = o.DefineAccessorProperty(k.String(), d.Getter, d.Setter, d.Configurable, d.Enumerable)
		}
		return
	}
	v := d.Value
	if v == nil {
		v = sobek.Undefined()
	}
	if isSym {
		_ = o.DefineDataPropertySymbol(sym, v, d.Writable, d.Configurable, d.Enumerable)
	} else {
		_ = o.DefineDataProperty(k.String(), v, d.Writable, d.Configurable, d.Enumerable)
	}
}

// builtinsHas reports whether the context's own global has k (own or
// inherited), without running code.
func (g *globalTraps) builtinsHas(k sobek.Value) bool {
	if s, ok := k.(*sobek.Symbol); ok {
		return s != sobek.SymToStringTag && g.c.builtins.GetSymbol(s) != nil
	}
	if k.String() == "console" {
		g.c.ensureConsole()
	}
	name := k.String()
	if name == "GoError" {
		g.c.hideGoError()
	}
	if g.c.capped&capWeakRefs == 0 && isWeakRefName(name) {
		g.c.installWeakRefs() // weakref.go
	}
	if intl.IsName(name) {
		g.c.installIntl(name) // intl.go
	}
	return g.own.find(name) != nil || g.c.builtins.Get(name) != nil
}

func (c *Context) installGlobalProxy() {
	g := &globalTraps{c: c, sb: c.sandbox, home: c.sbHome}
	c.traps = g
	rt := c.rt
	c.shadow = rt.NewObject()
	str := func(k string) sobek.Value { return rt.ToValue(k) }
	cfg := &sobek.ProxyTrapConfig{
		Get:    func(_ *sobek.Object, k string, _ sobek.Value) sobek.Value { return g.getStr(k) },
		GetSym: func(_ *sobek.Object, k *sobek.Symbol, _ sobek.Value) sobek.Value { return g.getSym(k) },
		Set:    func(_ *sobek.Object, k string, v, _ sobek.Value) bool { return g.setStr(k, v) },
		SetSym: func(_ *sobek.Object, k *sobek.Symbol, v, _ sobek.Value) bool { return g.set(k, v) },
		Has: func(_ *sobek.Object, k string) bool {
			if _, plain := engine.OwnPlainData(g.plain(), k); plain {
				// what has finds, without the crossing
				g.declWindow, g.lastHas = false, str(k)
				return true
			}
			return g.has(str(k))
		},
		HasSym: func(_ *sobek.Object, k *sobek.Symbol) bool { return g.has(k) },
		DeleteProperty: func(_ *sobek.Object, k string) bool {
			return g.deleteProperty(str(k))
		},
		DeletePropertySym: func(_ *sobek.Object, k *sobek.Symbol) bool { return g.deleteProperty(k) },
		GetOwnPropertyDescriptor: func(_ *sobek.Object, k string) sobek.PropertyDescriptor {
			if k == engine.AwaitHookName || k == engine.ImportHookName {
				// the await hook's lexical declaration checks the global
				// for a restricted property: jsvm's own name, never the
				// sandbox's, so no sandbox trap sees it (V8 asks nothing)
				return sobek.PropertyDescriptor{}
			}
			return g.getOwnPropertyDescriptor(str(k))
		},
		GetOwnPropertyDescriptorSym: func(_ *sobek.Object, k *sobek.Symbol) sobek.PropertyDescriptor {
			return g.getOwnPropertyDescriptor(k)
		},
		DefineProperty: func(_ *sobek.Object, k string, d sobek.PropertyDescriptor) bool {
			return g.defineProperty(str(k), d)
		},
		DefinePropertySym: func(_ *sobek.Object, k *sobek.Symbol, d sobek.PropertyDescriptor) bool {
			return g.defineProperty(k, d)
		},
		OwnKeys: g.ownKeys,
		PreventExtensions: func(*sobek.Object) bool {
			// V8's global proxy refuses: Object.freeze and Object.seal
			// throw their own TypeError (the calling native names which),
			// Reflect.preventExtensions is false; Object.preventExtensions
			// (a native of the same name as Reflect's: sobek's Go function
			// tells them apart) throws "Cannot prevent extensions"
			if fs := rt.CaptureCallStack(1, nil); len(fs) > 0 {
				switch fs[0].FuncName() {
				case "freeze":
					panic(c.typeError("Cannot freeze"))
				case "seal":
					panic(c.typeError("Cannot seal"))
				}
			}
			if engine.SobekCaller("(*Runtime).object_preventExtensions", "(*Runtime).builtin_reflect_preventExtensions") == "(*Runtime).object_preventExtensions" {
				panic(c.typeError("Cannot prevent extensions"))
			}
			return false
		},
		GetPrototypeOf: func(*sobek.Object) *sobek.Object {
			g.protoOnce()
			return c.shadow.Prototype()
		},
		SetPrototypeOf: func(_ *sobek.Object, p *sobek.Object) bool {
			g.protoOnce()
			return c.shadow.SetPrototype(p) == nil
		},
	}
	c.global = rt.ToValue(rt.NewProxy(c.shadow, cfg)).(*sobek.Object)
	rt.SetGlobalObject(c.global)
}

// protoOnce gives the global, when first asked, V8's prototype: an
// object of its own (its constructor an anonymous function) whose
// prototype is Object.prototype, so Object.getPrototypeOf(globalThis) is
// not Object.prototype, as in Node.
func (g *globalTraps) protoOnce() {
	if g.protoMade {
		return
	}
	g.protoMade = true
	rt := g.c.rt
	p := rt.NewObject()
	ctor := rt.ToValue(func(sobek.FunctionCall) sobek.Value { return sobek.Undefined() }).(*sobek.Object)
	_ = ctor.DefineDataProperty("name", rt.ToValue(""), sobek.FLAG_FALSE, sobek.FLAG_TRUE, sobek.FLAG_FALSE)
	_ = ctor.DefineDataProperty("prototype", p, sobek.FLAG_TRUE, sobek.FLAG_FALSE, sobek.FLAG_FALSE)
	_ = p.DefineDataProperty("constructor", ctor, sobek.FLAG_TRUE, sobek.FLAG_TRUE, sobek.FLAG_FALSE)
	_ = g.c.shadow.SetPrototype(p)
}

// ensureConsole gives a context V8's console when code first looks for
// it: its methods exist and print nothing (Node wires a context's console
// to the inspector only).
func (c *Context) ensureConsole() {
	if c.capped&capConsole != 0 {
		return
	}
	c.capped |= capConsole
	if c.builtins.Get("console") != nil || c.traps != nil && c.traps.own.find("console") != nil {
		return
	}
	rt := c.rt
	proto := rt.NewObject()
	con := rt.NewObject()
	_ = con.SetPrototype(proto)
	for _, name := range consoleMethods {
		f := rt.ToValue(func(sobek.FunctionCall) sobek.Value { return sobek.Undefined() }).(*sobek.Object)
		_ = f.DefineDataProperty("name", rt.ToValue(name), sobek.FLAG_FALSE, sobek.FLAG_TRUE, sobek.FLAG_FALSE)
		_ = con.DefineDataProperty(name, f, sobek.FLAG_TRUE, sobek.FLAG_TRUE, sobek.FLAG_TRUE)
	}
	_ = con.DefineDataPropertySymbol(sobek.SymToStringTag, rt.ToValue("console"), sobek.FLAG_FALSE, sobek.FLAG_TRUE, sobek.FLAG_FALSE)
	_ = c.builtins.DefineDataProperty("console", con, sobek.FLAG_TRUE, sobek.FLAG_TRUE, sobek.FLAG_FALSE)
}

// consoleMethods are V8's console's, in its order.
var consoleMethods = []string{"debug", "error", "info", "log", "warn", "dir", "dirxml", "table", "trace", "group",
	"groupCollapsed", "groupEnd", "clear", "count", "countReset", "assert", "profile", "profileEnd", "time",
	"timeLog", "timeEnd", "timeStamp", "context", "createTask"}

// inSandbox runs fn in the sandbox's realm, carrying exceptions back.
func (g *globalTraps) inSandbox(fn func()) { crossInto(g.home, g.c, fn) }

// plain returns the sandbox when a plain data property of it may be read
// or written without the crossing (engine.OwnPlainData: that runs no
// JavaScript), nil when the stack budget is spent: then the crossing
// throws its RangeError, which code of the context can catch (a
// recursion through a global function of the context finds its overflow
// there, as it did through the crossing).
func (g *globalTraps) plain() *sobek.Object {
	if iso := g.home.iso; iso.usedBelow() >= iso.maxStack {
		return nil
	}
	return g.sb
}

func (g *globalTraps) getStr(k string) sobek.Value {
	g.lastHas, g.declWindow = nil, false
	// a plain data property of an ordinary sandbox is read without the
	// crossing: reading it runs no JavaScript (engine/plaindata.go)
	v, plain := engine.OwnPlainData(g.plain(), k)
	if !plain {
		g.inSandbox(func() { v = g.sb.Get(k) })
	}
	if v != nil {
		return Carry(v, g.home, g.c)
	}
	if k == "globalThis" {
		return g.c.global
	}
	if k == "console" {
		g.c.ensureConsole()
	}
	if k == "GoError" {
		g.c.hideGoError()
	}
	if g.c.capped&capBuffers == 0 && isBufferCtorName(k) {
		g.c.capBuffers() // sizecaps.go
	}
	if g.c.capped&capJSON == 0 && k == "JSON" {
		g.c.capJSONDepth() // jsondepth.go
	}
	if g.c.capped&capSymbols == 0 && k == "Symbol" {
		g.c.shareSymbolRegistry() // symbols.go
	}
	if g.c.capped&capWeakRefs == 0 && isWeakRefName(k) {
		g.c.installWeakRefs() // weakref.go
	}
	if intl.IsName(k) {
		g.c.installIntl(k) // intl.go
	}
	if g.c.capped&capErrorStack == 0 && k == "Error" {
		g.c.installCaptureStackTrace() // capturestack.go
	}
	if isStackName(k) {
		g.c.hookErrorStacks(k) // errorstacks.go: code can make errors of k
	}
	if _, ok := brandMethods[k]; ok && !g.c.forwarded[k] {
		g.c.forwardBrands(k) // brands.go
	}
	if isIntrinsicName(k) {
		// the first time code can reach them: take the intrinsics the
		// membrane and the registry use before the context can change them
		g.c.captureIntrinsics()
	}
	if e := g.own.find(k); e != nil {
		return e.value
	}
	return g.c.builtins.Get(k)
}

// isIntrinsicName: the globals through which alone code reaches the
// intrinsics of captureIntrinsics.
func isIntrinsicName(k string) bool { return k == "Reflect" || k == "WeakMap" }

func (g *globalTraps) getSym(k *sobek.Symbol) sobek.Value {
	g.declWindow = false
	var v sobek.Value
	g.inSandbox(func() { v = g.sb.GetSymbol(k) })
	if v != nil {
		return Carry(v, g.home, g.c)
	}
	if k == sobek.SymToStringTag {
		return nil // sobek's "global"; V8's context global has none
	}
	return g.c.builtins.GetSymbol(k)
}

// setStr is set's fast path for string keys: a plain write through sobek's
// Go API (no JS call), falling back to Reflect.set's answer only when the
// write fails.
func (g *globalTraps) setStr(k string, v sobek.Value) bool {
	g.lastHas = nil
	if g.fnPending != "" {
		if g.fnPending == k {
			g.fnPending = ""
			return true
		}
		g.fnPending = ""
	}
	if e := g.own.find(k); e == nil || !e.declaring {
		g.declWindow = false
	}
	if e := g.own.find(k); e != nil && e.declaring {
		e.declaring = false
		if sobek.IsUndefined(v) {
			// the declaration's own write: the name stays off the sandbox
			e.value = v
			return true
		}
	}
	if !g.c.Options.SandboxOwnKeys {
		if isProxyObj(g.sb) {
			if g.storeV20(k, v) {
				return true
			}
			g.refuseWrite(k)
			return false
		}
		if g.chainHasProxy() {
			// the setter interceptor's attributes query reaches the
			// Proxy on the sandbox's chain (its getOwnPropertyDescriptor)
			g.inSandbox(func() { g.attrsV20(g.c.rt.ToValue(k)) })
		}
	}
	hv := Carry(v, g.c, g.home)
	var err error
	if !engine.SetOwnPlainData(g.plain(), k, hv) { // (as getStr)
		g.inSandbox(func() { err = g.sb.Set(k, hv) })
	}
	if err == nil {
		// as V8's, the write reaches the context's own global too: the
		// value stays when the sandbox loses the property. Not over the
		// context's builtins (its intrinsics are what jsvm's own code
		// reads there; V8's are internal)
		if e := g.own.find(k); e != nil {
			e.value = v
		} else if g.c.builtins.Get(k) == nil {
			g.own.add(ownProp{name: k, value: v})
		}
		return true
	}
	var why writeFailure
	g.inSandbox(func() { why = g.cannotWrite(k) })
	switch why {
	case noSetter:
		// Node's setter interceptor writes to the sandbox, which ignores
		// it, and reports the write done
		return true
	case readOnly:
		g.refuseWrite(k)
		return false
	case notExtensible:
		// as in Node, a new global that the sandbox cannot take lands
		// on the context's own global
		return g.setOwn(k, v)
	}
	if g.sb.ExportType() == proxyType && strings.Contains(err.Error(), "trap returned falsish") {
		// a Proxy sandbox refused the property (its defineProperty or
		// set trap returned false): as in Node, it lands on the
		// context's own global
		return g.setOwn(k, v)
	}
	Rethrow(err, g.home, g.c) // a setter threw
	return false
}

// refuseWrite notes a failed write of k: sobek throws in strict code, as
// V8 does; a read-only property of the sandbox alone fails as a
// definition on the global would (Node's quirk), one the global holds too
// as a read-only write.
func (g *globalTraps) refuseWrite(k string) {
	words := ""
	if !g.onGlobal[k] {
		words = "Cannot redefine property: " + k
	}
	stack.NoteRefusedWrite(k, words)
}

// setOwn writes k on the context's own global alone.
func (g *globalTraps) setOwn(k string, v sobek.Value) bool {
	if e := g.own.find(k); e != nil {
		e.value = v // always writable
		return true
	}
	if g.c.builtins.Get(k) == nil {
		g.own.add(ownProp{name: k, value: v})
		return true
	}
	return g.c.builtins.Set(k, v) == nil
}

type writeFailure int

const (
	writeThrew    writeFailure = iota // a setter threw
	readOnly                          // read-only data
	noSetter                          // an accessor without a setter
	notExtensible                     // a new property on a non-extensible sandbox
)

// cannotWrite tells why a write of k to the sandbox failed.
func (g *globalTraps) cannotWrite(k string) writeFailure {
	refl := g.home.reflect()
	key := g.home.rt.ToValue(k)
	for o := g.sb; o != nil; o = o.Prototype() {
		dv := mustCall(refl.getOwnPropertyDescriptor, o, key)
		d, ok := dv.(*sobek.Object)
		if !ok {
			continue
		}
		if isAccessorDesc(d) {
			if set := d.Get("set"); set == nil || sobek.IsUndefined(set) {
				return noSetter
			}
			return writeThrew
		}
		if !d.Get("writable").ToBoolean() {
			return readOnly
		}
		break
	}
	if !mustCall(refl.isExtensible, g.sb).ToBoolean() {
		return notExtensible
	}
	return writeThrew
}

func (g *globalTraps) set(k, v sobek.Value) bool {
	g.declWindow = false
	var ok bool
	g.inSandbox(func() {
		ok = mustCall(g.home.reflect().set, g.sb, k, Carry(v, g.c, g.home)).ToBoolean()
	})
	if ok {
		g.noteSymbol(k, true)
	}
	return ok
}

func (g *globalTraps) has(k sobek.Value) bool {
	g.declWindow = false
	var ok bool
	g.inSandbox(func() {
		if !g.c.Options.SandboxOwnKeys {
			ok = g.hasV20(k)
			return
		}
		// Node v22+'s query interceptor: the sandbox's own properties
		// (HasRealNamedProperty), not its prototype chain
		ok = !sobek.IsUndefined(mustCall(g.home.reflect().getOwnPropertyDescriptor, g.sb, k))
	})
	if ok {
		g.lastHas = k
		return true
	}
	return g.builtinsHas(k)
}

func (g *globalTraps) deleteProperty(k sobek.Value) bool {
	g.declWindow = false
	if !g.c.Options.SandboxOwnKeys {
		return g.deleteV20(k)
	}
	if g.placeholder(k) {
		return false
	}
	var own, ok bool
	g.inSandbox(func() {
		refl := g.home.reflect()
		own = !sobek.IsUndefined(mustCall(refl.getOwnPropertyDescriptor, g.sb, k))
		if own {
			ok = mustCall(refl.deleteProperty, g.sb, k).ToBoolean()
		}
	})
	if own {
		if ok {
			g.noteSymbol(k, false)
			if _, isSym := k.(*sobek.Symbol); !isSym {
				// delete through the global removes V8's copy too (a
				// declared one is not configurable: it stays)
				if e := g.own.find(k.String()); e != nil && !e.fixed {
					g.own.remove(k.String())
				}
			}
		}
		return ok
	}
	g.c.captureIntrinsics() // before `delete WeakMap` can remove one
	if intl.IsName(k.String()) {
		g.c.installIntl(k.String()) // so that the delete removes it for good
	}
	if _, isSym := k.(*sobek.Symbol); !isSym {
		if e := g.own.find(k.String()); e != nil {
			if e.fixed {
				return false
			}
			g.own.remove(k.String())
			return true
		}
	}
	return mustCall(g.c.reflect().deleteProperty, g.c.builtins, k).ToBoolean()
}

// deleteV20 is `delete k` on the global as Node v20's interceptors do
// it (the lookup of `delete x`, an identifier, was has's: the sandbox's
// get), the deleter deletes from the sandbox;
// when that fails the delete is false, else V8 goes on to delete the
// global's own property (a declared one is not configurable: false, the
// sandbox's copy gone all the same).
func (g *globalTraps) deleteV20(k sobek.Value) bool {
	ok := false
	g.inSandbox(func() {
		ok = mustCall(g.home.reflect().deleteProperty, g.sb, k).ToBoolean()
	})
	if !ok {
		return false
	}
	g.noteSymbol(k, false)
	if g.placeholder(k) {
		return false
	}
	if _, isSym := k.(*sobek.Symbol); !isSym {
		if e := g.own.find(k.String()); e != nil {
			if e.fixed {
				return false
			}
			g.own.remove(k.String())
			return true
		}
	}
	g.c.captureIntrinsics() // before `delete WeakMap` can remove one
	if intl.IsName(k.String()) {
		g.c.installIntl(k.String()) // so that the delete removes it for good
	}
	return mustCall(g.c.reflect().deleteProperty, g.c.builtins, k).ToBoolean()
}

// placeholder reports whether the shadow holds a non-configurable
// placeholder for k.
func (g *globalTraps) placeholder(k sobek.Value) bool {
	_, ok := g.placeholders.get(keyOf(k))
	return ok
}

func (g *globalTraps) getOwnPropertyDescriptor(k sobek.Value) sobek.PropertyDescriptor {
	var d sobek.PropertyDescriptor
	v20 := !g.c.Options.SandboxOwnKeys
	internal := false
	if v20 {
		fs := g.c.rt.CaptureCallStack(1, nil)
		internal = len(fs) > 0 && fs[0].SrcName() != "<native>"
		if !internal {
			g.declWindow = false
		} else if !g.declWindow {
			// a strict store's own-property check (V8's setter finds
			// every name declared on a Proxy sandbox), or for-in's
			// enumerability check: V8 takes the enumerator's names as
			// they are and asks each through the getter
			last := g.lastHas
			g.lastHas = nil
			if last != nil && last.SameAs(k) {
				internal = false
				if !g.placeholder(k) && g.chainHasProxy() {
					return anyDesc
				}
			} else if d, ok := g.enumerated(k, true); ok {
				return d
			} else {
				internal = false
			}
		}
		if internal {
			// a declaration's check, from the program's prologue:
			// V8's DeclareGlobals asks the sandbox nothing
		}
	}
	if v20 && !internal && !g.placeholder(k) {
		if fs := g.c.rt.CaptureCallStack(1, nil); len(fs) > 0 && fs[0].SrcName() == "<native>" {
			switch fs[0].FuncName() {
			case "keys":
				// Object.keys: V8 takes the enumerator's names as they
				// are (no descriptor callback)
				if d, ok := g.enumerated(k, false); ok {
					return d
				}
			case "hasOwnProperty", "hasOwn", "propertyIsEnumerable":
				// V8 asks these through the attributes query, which
				// without a query interceptor is the getter: a name the
				// sandbox's chain has is own, and not enumerable
				var v sobek.Value
				g.inSandbox(func() { v = g.realGet(k) })
				if v != nil {
					return sobek.PropertyDescriptor{Value: Carry(v, g.home, g.c), Writable: sobek.FLAG_TRUE, Enumerable: sobek.FLAG_FALSE, Configurable: sobek.FLAG_TRUE}
				}
			}
		}
	}
	if !internal {
		g.inSandbox(func() {
			var dv sobek.Value
			if v20 {
				dv = g.descV20(k)
			} else {
				dv = mustCall(g.home.reflect().getOwnPropertyDescriptor, g.sb, k)
			}
			d = descFromObject(dv, func(v sobek.Value) sobek.Value { return Carry(v, g.home, g.c) })
		})
	}
	return g.finishDesc(k, d)
}

// realGlobalDesc is k's descriptor on the context's real global (its
// builtins and what it holds for the sandbox), the sandbox not asked.
func (g *globalTraps) realGlobalDesc(k sobek.Value) sobek.PropertyDescriptor {
	return g.finishDesc(k, sobek.PropertyDescriptor{})
}

// finishDesc completes d, the sandbox's descriptor of k (empty: none),
// with the real global's and the shadow's placeholders.
func (g *globalTraps) finishDesc(k sobek.Value, d sobek.PropertyDescriptor) sobek.PropertyDescriptor {
	if d.Empty() && g.builtinsHas(k) {
		if e := g.ownOf(k); e != nil {
			d = e.desc()
		} else {
			d = descFromObject(mustCall(g.c.reflect().getOwnPropertyDescriptor, g.c.builtins, k), func(v sobek.Value) sobek.Value { return v })
		}
	}
	if sd, ok := g.placeholders.get(keyOf(k)); ok {
		if d.Empty() {
			return sd
		}
		d.Configurable = sobek.FLAG_FALSE
		if (d.Getter != nil || d.Setter != nil) != (sd.Getter != nil || sd.Setter != nil) {
			// the sandbox changed the property's kind behind the
			// placeholder; only the placeholder's shape can be reported.
			return sd
		}
		return d
	}
	if d.Configurable == sobek.FLAG_FALSE {
		g.pin(k, g.c.shadowDesc(d))
	}
	return d
}

// ownOf is k's entry of own, or nil (always for a symbol).
func (g *globalTraps) ownOf(k sobek.Value) *ownProp {
	if _, isSym := k.(*sobek.Symbol); isSym {
		return nil
	}
	return g.own.find(k.String())
}

func (g *globalTraps) defineProperty(k sobek.Value, d sobek.PropertyDescriptor) bool {
	if s, ok := k.(sobek.String); ok && isIntrinsicName(s.String()) {
		g.c.captureIntrinsics() // a definition may replace one on the builtins
	}
	g.lastHas = nil
	if !g.declWindow || !g.internalCall() {
		g.declWindow = false
	} else if _, isSym := k.(*sobek.Symbol); !isSym && !g.c.Options.SandboxOwnKeys && d.Getter == nil && d.Setter == nil {
		if _, isFn := sobek.AssertFunction(d.Value); isFn {
			return g.declareFunctionV20(k.String(), d)
		}
	}
	if _, isSym := k.(*sobek.Symbol); !isSym && isVarDeclaration(d) && !g.placeholder(k) && g.own.find(k.String()) == nil && g.c.builtins.Get(k.String()) == nil {
		var own bool
		if g.c.Options.SandboxOwnKeys {
			g.inSandbox(func() {
				own = !sobek.IsUndefined(mustCall(g.home.reflect().getOwnPropertyDescriptor, g.sb, k))
			})
		} // else V8's DeclareGlobals asks the sandbox nothing (Node v20)
		if !own {
			// as V8's, a var declaration defines the name on the
			// context's own global; the sandbox gets it with the first
			// assignment (so its keys follow assignment order)
			g.own.add(ownProp{name: k.String(), value: sobek.Undefined(), fixed: true, declaring: true})
			ph := d
			ph.Writable = sobek.FLAG_TRUE
			g.pin(k, ph)
			return true
		}
	}
	sd := d
	if sd.Configurable == sobek.FLAG_FALSE {
		sd.Configurable = sobek.FLAG_TRUE
	}
	// Node v20 on a Proxy sandbox: V8 asks the descriptor interceptor
	// first, the definer gives the sandbox an accessor's get and set both
	// (undefined when not given), and a data definition then runs the
	// setter interceptor (global_v20.go)
	proxySB := !g.c.Options.SandboxOwnKeys && isProxyObj(g.sb)
	var pre sobek.Value
	if proxySB {
		g.inSandbox(func() { pre = g.descV20(k) })
	}
	var ok, notExtensible bool
	var msg string
	g.inSandbox(func() {
		hd := descToObject(g.home.rt, mapDesc(sd, func(v sobek.Value) sobek.Value { return Carry(v, g.c, g.home) }))
		if proxySB && (sd.Getter != nil || sd.Setter != nil) {
			// V8's order: get, set, enumerable, configurable
			ad := g.home.rt.NewObject()
			for _, f := range []string{"get", "set", "enumerable", "configurable"} {
				if v := hd.Get(f); v != nil {
					_ = ad.Set(f, v)
				} else if f == "get" || f == "set" {
					_ = ad.Set(f, sobek.Undefined())
				}
			}
			hd = ad
		}
		ok = mustCall(g.home.reflect().defineProperty, g.sb, k, hd).ToBoolean()
		if !ok && d.Getter == nil && d.Setter == nil && !proxySB {
			// Go-backed sandboxes (maps, structs) take no descriptors;
			// a plain write is what a declaration means to them.
			v := sobek.Undefined()
			if d.Value != nil {
				v = Carry(d.Value, g.c, g.home)
			}
			ok = mustCall(g.home.reflect().set, g.sb, k, v).ToBoolean()
		}
		if !ok {
			// V8's definer interceptor fails the way Object.defineProperty
			// does, with its message (a falsish trap would read
			// "'defineProperty' on proxy: trap returned falsish")
			name := k.String()
			if _, sym := k.(*sobek.Symbol); sym {
				name = "Symbol(" + name + ")"
			}
			msg = "Cannot redefine property: " + name
			if proxySB && sobek.IsUndefined(pre) || !proxySB && sobek.IsUndefined(mustCall(g.home.reflect().getOwnPropertyDescriptor, g.sb, k)) {
				msg = "Cannot define property " + name + ", object is not extensible"
				notExtensible = true
			}
		}
	})
	if !ok && notExtensible {
		// as in Node, a global the sandbox cannot take is defined on the
		// context's own global
		if _, isSym := k.(*sobek.Symbol); !isSym {
			g.evict(k.String())
		}
		defineOn(g.c.builtins, k, d)
		ok = true
	}
	if !ok && !reflectDefine(g.c.rt) {
		panic(g.c.rt.NewTypeError(msg))
	}
	if ok {
		g.noteSymbol(k, true)
		if proxySB && d.Getter == nil && d.Setter == nil {
			v := d.Value
			if v == nil {
				v = sobek.Undefined()
			}
			g.setterV20(k, Carry(v, g.c, g.home), false)
		}
	}
	if ok && d.Configurable == sobek.FLAG_FALSE && !g.placeholder(k) {
		// accessors are mirrored as they are (their functions belong to
		// this realm); data placeholders stay writable unless declared not
		ph := g.c.shadowDesc(d)
		if ph.Getter == nil && ph.Setter == nil && ph.Writable != sobek.FLAG_FALSE {
			ph.Writable = sobek.FLAG_TRUE
		}
		ph.Configurable = sobek.FLAG_FALSE
		g.pin(k, ph)
	}
	if name, isStr := k.(sobek.String); ok && isStr && d.Configurable != sobek.FLAG_TRUE {
		if g.onGlobal == nil {
			g.onGlobal = make(map[string]bool)
		}
		g.onGlobal[name.String()] = true
	}
	return ok
}

// isVarDeclaration reports whether d is what sobek defines for a
// top-level var: undefined, writable, enumerable, not configurable.
func isVarDeclaration(d sobek.PropertyDescriptor) bool {
	return d.Getter == nil && d.Setter == nil && (d.Value == nil || sobek.IsUndefined(d.Value)) &&
		d.Writable == sobek.FLAG_TRUE && d.Enumerable == sobek.FLAG_TRUE && d.Configurable == sobek.FLAG_FALSE
}

// sandboxKeys lists what V8's enumerator interceptor gets from Node (the
// sandbox's GetPropertyNames): its enumerable string keys and those of
// its prototype chain (a key shadowed by one closer counts once, as in
// for-in), then its own symbols; the walk asks the sandbox's traps.
func (g *globalTraps) sandboxKeys() []sobek.Value {
	refl := g.home.reflect()
	var out []sobek.Value
	seen := map[string]bool{}
	for o, depth := g.sb, 0; o != nil && depth < maxProtoWalk; depth++ {
		for _, k := range arrayValues(mustCall(refl.ownKeys, o)) {
			if _, isSym := k.(*sobek.Symbol); isSym {
				if o == g.sb {
					out = append(out, k)
				}
				continue
			}
			if seen[k.String()] {
				continue
			}
			seen[k.String()] = true
			if d, ok := mustCall(refl.getOwnPropertyDescriptor, o, k).(*sobek.Object); ok && d.Get("enumerable").ToBoolean() {
				out = append(out, k)
			}
		}
		p, _ := mustCall(refl.getPrototypeOf, o).(*sobek.Object)
		o = p
	}
	return out
}

func (g *globalTraps) ownKeys(*sobek.Object) *sobek.Object {
	g.declWindow = false
	g.c.ensureConsole()
	var keys []sobek.Value
	own := g.c.Options.SandboxOwnKeys
	g.inSandbox(func() {
		if own {
			keys = arrayValues(mustCall(g.home.reflect().ownKeys, g.sb))
		} else {
			keys = g.sandboxKeys()
			if g.chainHasProxy() {
				// V8 asks Node's enumerator twice (its indexed and its
				// named interceptor share it)
				keys = g.sandboxKeys()
			}
			g.enumKeys = make(map[string]bool, len(keys))
			for _, k := range keys {
				if _, isSym := k.(*sobek.Symbol); !isSym {
					g.enumKeys[k.String()] = true
				}
			}
		}
	})
	seen := make(map[any]bool, len(keys)+64)
	items := make([]any, 0, len(keys)+64)
	add := func(k sobek.Value) {
		var id any = k.String()
		if s, ok := k.(*sobek.Symbol); ok {
			id = s
		}
		if !seen[id] {
			seen[id] = true
			items = append(items, k)
		}
	}
	for _, k := range keys {
		// Node v20's enumerator interceptor reports the sandbox's names;
		// its symbols are listed only when they were written through the
		// global (V8 kept those on the real global too)
		if s, isSym := k.(*sobek.Symbol); !isSym || own || g.symbols[s] {
			add(k)
		}
	}
	g.c.installWeakRefs() // listed with the other builtins
	g.c.hideGoError()
	for _, src := range []*sobek.Object{g.c.builtins, g.c.shadow} {
		more := arrayValues(mustCall(g.c.reflect().ownKeys, src))
		if src == g.c.builtins {
			sortV8GlobalOrder(more)
		}
		for _, k := range more {
			if _, isSym := k.(*sobek.Symbol); !isSym || src == g.c.shadow {
				add(k)
			}
		}
		if src == g.c.builtins {
			// what the context's own global holds over its builtins
			for _, e := range g.own.list {
				add(g.c.rt.ToValue(e.name))
			}
		}
	}
	return g.c.rt.NewArray(items...)
}

func isAccessorDesc(dv sobek.Value) bool {
	o, ok := dv.(*sobek.Object)
	if !ok {
		return false
	}
	g, s := o.Get("get"), o.Get("set")
	return g != nil && !sobek.IsUndefined(g) || s != nil && !sobek.IsUndefined(s)
}

// reflectDefine reports whether the running defineProperty is
// Reflect.defineProperty (which answers false where Object.defineProperty
// and declarations throw), judged from the caller's source text.
func reflectDefine(rt *sobek.Runtime) bool {
	frames := rt.CaptureCallStack(2, nil)
	if len(frames) < 2 || frames[0].SrcName() != "<native>" || frames[0].FuncName() != "defineProperty" {
		return false
	}
	p := frames[1].Position()
	text, idx, ok := stack.Line(p.Filename, p.Line, p.Column)
	if !ok || idx < 0 || idx > len(text) {
		return false
	}
	return strings.HasSuffix(strings.TrimRight(text[:idx], " \t"), "Reflect.defineProperty")
}
