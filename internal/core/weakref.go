package core

import (
	"runtime"
	"sync"
	"time"
	"weak"

	"github.com/grafana/sobek"
)

// WeakRef and FinalizationRegistry, which sobek lacks, on Go's weak
// pointers and runtime.AddCleanup. sobek objects are ordinary Go values,
// so a weak.Pointer to one is cleared when the Go collector finds it
// unreachable, and a cleanup attached to it runs after.
//
//   - A WeakRef holds its target (an object, unwrapped through the
//     membrane, or a symbol no registry holds) weakly. As the spec's
//     KeepDuringJob, a target created or dereferenced in a job stays
//     alive until ClearKeptObjects, which the layer running the event
//     loop calls between tasks.
//   - A FinalizationRegistry's registration attaches a cleanup to its
//     target. The cleanup runs on Go's cleanup goroutine: it only queues
//     the registration on the isolate and tells the notifier; the
//     callbacks run when the loop calls RunFinalizations, each in the
//     registry's realm. The cleanup holds the registration weakly, so a
//     collected registry calls nothing; unregister stops the cleanups of
//     the token's registrations.
//
// Both live in every realm: installed with the main realm and plain
// contexts, and lazily for contextified ones (when code first asks the
// global for either name, as Symbol's registry). cleanupSome is absent,
// as in V8.

// capWeakRefs marks a context whose builtins have WeakRef and
// FinalizationRegistry (a bit of Context.capped).
const capWeakRefs = 1 << 9

// isWeakRefName: the globals installed by installWeakRefs.
func isWeakRefName(k string) bool { return k == "WeakRef" || k == "FinalizationRegistry" }

// finalization is the isolate's side: the registrations whose targets
// were collected, waiting for RunFinalizations, and what a WeakRef keeps
// alive until the end of the job.
type finalization struct {
	mu      sync.Mutex // the queue is filled on Go's cleanup goroutine
	queue   []weak.Pointer[finCell]
	notify  func()
	pending bool // notify was called and RunFinalizations has not run since

	kept []any // KeepDuringJob (loop goroutine only)
}

// weakTarget is a target held weakly: an object of realm home, or a
// symbol.
type weakTarget struct {
	obj  weak.Pointer[sobek.Object]
	sym  weak.Pointer[sobek.Symbol]
	home weak.Pointer[Context]
}

type weakRefState struct{ target weakTarget }

type registryState struct {
	realm    *Context
	callback sobek.Callable
	cells    map[*finCell]struct{}
}

// finCell is one registration.
type finCell struct {
	reg   *registryState
	held  sobek.Value
	token weakTarget // zero without an unregister token
	stop  runtime.Cleanup
}

// SetFinalizationNotify sets fn, called (on any goroutine) when
// registrations wait for RunFinalizations; the event loop posts a task
// that calls it. Without a notifier they wait for the next call.
func (iso *Isolate) SetFinalizationNotify(fn func()) {
	f := &iso.fin
	f.mu.Lock()
	f.notify = fn
	f.mu.Unlock()
}

// RunFinalizations calls the cleanup callbacks of the registrations whose
// targets were collected, each in its registry's realm; report gets the
// exception a callback threw (the others still run).
func (iso *Isolate) RunFinalizations(report func(c *Context, ex *sobek.Exception)) {
	f := &iso.fin
	f.mu.Lock()
	queue := f.queue
	f.queue, f.pending = nil, false
	f.mu.Unlock()
	for _, w := range queue {
		cell := w.Value()
		if cell == nil {
			continue // its registry was collected
		}
		reg := cell.reg
		if _, live := reg.cells[cell]; !live {
			continue // unregistered
		}
		delete(reg.cells, cell)
		held := cell.held
		ex := reg.realm.tryIn(func() {
			if _, err := reg.callback(sobek.Undefined(), held); err != nil {
				panic(err) // tryIn's Try takes it back as the exception
			}
		})
		if ex != nil && report != nil {
			report(reg.realm, ex)
		}
	}
}

// ClearKeptObjects ends the spec's KeepDuringJob for the targets the
// WeakRefs of the finished job created or dereferenced.
func (iso *Isolate) ClearKeptObjects() { iso.fin.kept = nil }

// CollectGarbage runs a full collection (gc() of --expose-gc) and waits,
// briefly, until Go's cleanup goroutine has queued the registrations of
// the targets it freed, so that a task after gc() sees them.
func (iso *Isolate) CollectGarbage() {
	done := make(chan struct{})
	sentinel := new([16]byte)
	runtime.AddCleanup(sentinel, func(ch chan struct{}) { close(ch) }, done)
	sentinel = nil
	_ = sentinel
	runtime.GC()
	select {
	case <-done:
	case <-time.After(200 * time.Millisecond):
	}
}

// collected queues a registration whose target was freed (Go's cleanup
// goroutine).
func (iso *Isolate) collected(w weak.Pointer[finCell]) {
	f := &iso.fin
	f.mu.Lock()
	f.queue = append(f.queue, w)
	notify := f.notify
	first := !f.pending && notify != nil
	if first {
		f.pending = true
	}
	f.mu.Unlock()
	if first {
		notify()
	}
}

// canBeHeldWeakly is the spec's CanBeHeldWeakly: an object, or a symbol
// that is not registered (Symbol.for).
func (c *Context) canBeHeldWeakly(v sobek.Value) bool {
	switch x := v.(type) {
	case *sobek.Object:
		return true
	case *sobek.Symbol:
		_, registered := c.iso.symbols.keyOf[x]
		return !registered
	}
	return false
}

// holdWeakly makes the weak target of v (canBeHeldWeakly): an object of
// another realm is held as its original.
func (c *Context) holdWeakly(v sobek.Value) (weakTarget, any) {
	if s, ok := v.(*sobek.Symbol); ok {
		return weakTarget{sym: weak.Make(s)}, s
	}
	o := v.(*sobek.Object)
	home := c
	if orig, h, ok := c.iso.UnwrapContext(o); ok {
		o, home = orig, h
	}
	return weakTarget{obj: weak.Make(o), home: weak.Make(home)}, o
}

// value is the target as seen from realm c, or nil once collected.
func (t weakTarget) value(c *Context) sobek.Value {
	if s := t.sym.Value(); s != nil {
		return s
	}
	o := t.obj.Value()
	if o == nil {
		return nil
	}
	home := t.home.Value()
	if home == nil {
		return nil
	}
	return Carry(o, home, c)
}

// same reports whether t holds the object or symbol v (an object of
// another realm compared as its original).
func (t weakTarget) same(c *Context, v sobek.Value) bool {
	if s, ok := v.(*sobek.Symbol); ok {
		return t.sym == weak.Make(s)
	}
	o, ok := v.(*sobek.Object)
	if !ok {
		return false
	}
	if orig, _, ok := c.iso.UnwrapContext(o); ok {
		o = orig
	}
	return t.obj == weak.Make(o)
}

// installWeakRefs defines WeakRef and FinalizationRegistry on the realm's
// builtins.
func (c *Context) installWeakRefs() {
	if c.capped&capWeakRefs != 0 {
		return
	}
	c.capped |= capWeakRefs
	c.captureIntrinsics() // the WeakMap below is the intrinsic
	rt := c.rt
	states := c.newWeakTable() // instance -> its Go state, living on the instance
	stateOf := func(v sobek.Value) any {
		o, ok := v.(*sobek.Object)
		if !ok {
			return nil
		}
		r, err := states.get(states.m, o)
		if err != nil {
			return nil
		}
		return r.Export()
	}
	typeErr := func(msg string) { panic(rt.NewTypeError(msg)) }
	incompatible := func(method string, this sobek.Value) {
		typeErr("Method " + method + " called on incompatible receiver " + v8Rendering(this))
	}
	method := func(proto *sobek.Object, name string, length int, fn func(sobek.FunctionCall) sobek.Value) {
		f := rt.ToValue(fn).(*sobek.Object)
		_ = f.DefineDataProperty("name", rt.ToValue(name), sobek.FLAG_FALSE, sobek.FLAG_TRUE, sobek.FLAG_FALSE)
		_ = f.DefineDataProperty("length", rt.ToValue(length), sobek.FLAG_FALSE, sobek.FLAG_TRUE, sobek.FLAG_FALSE)
		_ = proto.DefineDataProperty(name, f, sobek.FLAG_TRUE, sobek.FLAG_TRUE, sobek.FLAG_FALSE)
	}
	// class makes a constructor: a Proxy over a native function, because
	// sobek's native constructors cannot tell a call from `new` (V8
	// throws "Constructor X requires 'new'"). init fills a new instance.
	class := func(name string, init func(args []sobek.Value, inst *sobek.Object)) *sobek.Object {
		target := rt.ToValue(func(sobek.ConstructorCall) *sobek.Object { return nil }).(*sobek.Object)
		_ = target.DefineDataProperty("name", rt.ToValue(name), sobek.FLAG_FALSE, sobek.FLAG_TRUE, sobek.FLAG_FALSE)
		_ = target.DefineDataProperty("length", rt.ToValue(1), sobek.FLAG_FALSE, sobek.FLAG_TRUE, sobek.FLAG_FALSE)
		proto := rt.NewObject()
		_ = target.DefineDataProperty("prototype", proto, sobek.FLAG_FALSE, sobek.FLAG_FALSE, sobek.FLAG_FALSE)
		_ = proto.DefineDataPropertySymbol(sobek.SymToStringTag, rt.ToValue(name), sobek.FLAG_FALSE, sobek.FLAG_TRUE, sobek.FLAG_FALSE)
		// sobek's instanceof cannot take a Proxy: answer @@hasInstance
		hasInstance := rt.ToValue(func(call sobek.FunctionCall) sobek.Value {
			o, ok := call.Argument(0).(*sobek.Object)
			for ok && o != nil {
				if o = o.Prototype(); o == proto {
					return rt.ToValue(true)
				}
			}
			return rt.ToValue(false)
		})
		ctor := rt.NewProxy(target, &sobek.ProxyTrapConfig{
			Apply: func(*sobek.Object, sobek.Value, []sobek.Value) sobek.Value {
				typeErr("Constructor " + name + " requires 'new'")
				return nil
			},
			Construct: func(_ *sobek.Object, args []sobek.Value, newTarget *sobek.Object) *sobek.Object {
				p := proto
				if newTarget != nil {
					if np, ok := newTarget.Get("prototype").(*sobek.Object); ok {
						p = np
					}
				}
				inst := rt.CreateObject(p)
				init(args, inst)
				return inst
			},
			GetSym: func(t *sobek.Object, k *sobek.Symbol, _ sobek.Value) sobek.Value {
				if k == sobek.SymHasInstance {
					return hasInstance
				}
				return t.GetSymbol(k)
			},
		})
		f := rt.ToValue(ctor).(*sobek.Object)
		_ = proto.DefineDataProperty("constructor", f, sobek.FLAG_TRUE, sobek.FLAG_TRUE, sobek.FLAG_FALSE)
		if c.traps != nil {
			c.traps.own.remove(name) // a write mirrored before: replaced
		}
		_ = c.builtins.DefineDataProperty(name, f, sobek.FLAG_TRUE, sobek.FLAG_TRUE, sobek.FLAG_FALSE)
		return proto
	}
	arg := func(args []sobek.Value, i int) sobek.Value {
		if i < len(args) {
			return args[i]
		}
		return sobek.Undefined()
	}
	keep := func(x any) { c.iso.fin.kept = append(c.iso.fin.kept, x) }
	setState := func(o *sobek.Object, st any) {
		if _, err := states.set(states.m, o, rt.ToValue(st)); err != nil {
			panic(err)
		}
	}

	refProto := class("WeakRef", func(args []sobek.Value, inst *sobek.Object) {
		t := arg(args, 0)
		if !c.canBeHeldWeakly(t) {
			typeErr("WeakRef: invalid target")
		}
		wt, strong := c.holdWeakly(t)
		keep(strong)
		setState(inst, &weakRefState{target: wt})
	})
	method(refProto, "deref", 0, func(call sobek.FunctionCall) sobek.Value {
		st, ok := stateOf(call.This).(*weakRefState)
		if !ok {
			incompatible("WeakRef.prototype.deref", call.This)
		}
		v := st.target.value(c)
		if v == nil {
			return sobek.Undefined()
		}
		keep(v)
		return v
	})

	regProto := class("FinalizationRegistry", func(args []sobek.Value, inst *sobek.Object) {
		cb, ok := sobek.AssertFunction(arg(args, 0))
		if !ok {
			typeErr("FinalizationRegistry: cleanup must be callable")
		}
		setState(inst, &registryState{realm: c, callback: cb, cells: map[*finCell]struct{}{}})
	})
	method(regProto, "register", 2, func(call sobek.FunctionCall) sobek.Value {
		reg, ok := stateOf(call.This).(*registryState)
		if !ok {
			incompatible("FinalizationRegistry.prototype.register", call.This)
		}
		target, held, token := call.Argument(0), call.Argument(1), call.Argument(2)
		if !c.canBeHeldWeakly(target) {
			typeErr("FinalizationRegistry.prototype.register: invalid target")
		}
		if target.SameAs(held) {
			typeErr("FinalizationRegistry.prototype.register: target and holdings must not be same")
		}
		cell := &finCell{reg: reg, held: held}
		if !sobek.IsUndefined(token) {
			if !c.canBeHeldWeakly(token) {
				typeErr("Invalid unregisterToken ('" + tokenRendering(token) + "')")
			}
			cell.token, _ = c.holdWeakly(token)
		}
		_, strong := c.holdWeakly(target)
		iso, w := c.iso, weak.Make(cell)
		switch t := strong.(type) {
		case *sobek.Object:
			cell.stop = runtime.AddCleanup(t, iso.collected, w)
		case *sobek.Symbol:
			cell.stop = runtime.AddCleanup(t, iso.collected, w)
		}
		reg.cells[cell] = struct{}{}
		return sobek.Undefined()
	})
	method(regProto, "unregister", 1, func(call sobek.FunctionCall) sobek.Value {
		reg, ok := stateOf(call.This).(*registryState)
		if !ok {
			incompatible("FinalizationRegistry.prototype.unregister", call.This)
		}
		token := call.Argument(0)
		if !c.canBeHeldWeakly(token) {
			typeErr("Invalid unregisterToken ('" + tokenRendering(token) + "')")
		}
		removed := false
		for cell := range reg.cells {
			if cell.token != (weakTarget{}) && cell.token.same(c, token) {
				cell.stop.Stop()
				delete(reg.cells, cell)
				removed = true
			}
		}
		return rt.ToValue(removed)
	})
}

// tokenRendering is how V8 names a bad unregister token.
func tokenRendering(v sobek.Value) string {
	if s, ok := v.(*sobek.Symbol); ok {
		return "Symbol(" + s.String() + ")"
	}
	return v8Rendering(v)
}
