package engine

import (
	"reflect"
	"runtime"
	"strings"
	"sync"
	"unsafe"
	"weak"

	"github.com/grafana/sobek"
	"github.com/jsvm-dev/jsvm/internal/goid"
)

// Proxies whose prototype chain or forwarding never ends. sobek walks a
// prototype chain in Go loops (instanceof's OrdinaryHasInstance,
// Object.prototype.isPrototypeOf, for-in) and forwards a Proxy without a
// trap straight to its target in Go recursion; neither runs a JavaScript
// frame it could count. So two Proxies whose getPrototypeOf traps return
// each other hang instanceof (V8: RangeError after 102,400 proxies in one
// walk, JSProxy::kMaxIterationLimit), and an object whose prototype is a
// trap-less Proxy of itself crashes the process on `o.x` (Go's fatal
// stack limit; V8: RangeError "Maximum call stack size exceeded").
//
// The one thing sobek does at every step through a Proxy is read the trap
// from the handler. GuardProxies (from Prepare) makes every realm's Proxy
// constructor and Proxy.revocable (the construct and func fields of their
// native function objects, identity kept) hand sobek a stand-in handler,
// a DynamicObject whose Get reads the user's handler and
//
//   - throws the realm's RangeError when more than ProxyNestLimit steps
//     through Proxies are in progress one inside another (forwarding
//     recursion), counted across the isolate's realms: each read records
//     its Go stack depth, and the reads recorded at that depth or deeper
//     have returned (nestStep); the Go stack check (proxyStackLimit) stays
//     as a backstop;
//   - counts the getPrototypeOf reads of one prototype walk — the walk of
//     Function.prototype[Symbol.hasInstance] and of
//     Object.prototype.isPrototypeOf, whose func fields are wrapped too —
//     and throws the RangeError past V8's 102,400;
//   - returns the user's trap as a per-realm native that calls it with the
//     user's handler as this (nothing runs between sobek's read of the
//     trap and its call, so the pending trap is one slot per realm). An
//     absent trap reads undefined, so sobek forwards as before (no extra
//     invariant reads a tracing target could see).
//
// Proxies jsvm makes itself (rt.NewProxy: membranes, the contextified
// global) keep Go handlers and are not affected. The layouts read are
// checked by TestProxyGuardLayout, which fails loudly when sobek changes;
// GuardProxies then guards nothing (the hangs and the crash come back).

// ProtoWalkLimit is V8's JSProxy::kMaxIterationLimit: the proxies one
// prototype walk may pass before it throws.
const ProtoWalkLimit = 100 * 1024

// ProxyNestLimit is how many steps through Proxies may be in progress one
// inside another before the next throws V8's RangeError. V8 has no count
// of its own (its stack runs out): a get or has through a chain of
// trap-less Proxies works to 7,847 of them in node v20, a set to 1,530, a
// get through prototypes that are Proxies to 3,302. 8,000 lets every such
// chain V8 walks through and stops a cycle after about 8 MiB of Go stack
// (milliseconds) instead of 64 MiB. A call or construct does not count: V8
// forwards those without stack, and a target never forms a cycle.
const ProxyNestLimit = 8000

// proxyStackLimit is the Go stack depth past which a step through a Proxy
// throws (the backstop when the nesting is not countable). jsvm's deepest legitimate stack (its 10,000-frame budget spent
// in native/JS crossings, ~1.1 KiB each) is below 20 MiB; Go's fatal limit is 1 GiB
// (a sandbox worker's 256 MiB).
const proxyStackLimit = 64 << 20

// StackOverflowMessage is V8's RangeError message for an exhausted stack.
const StackOverflowMessage = "Maximum call stack size exceeded"

var proxyLayout struct {
	once sync.Once
	ok   bool
	// the implementation type of a native function object and its fields
	// f (func(FunctionCall) Value) and construct
	nativeType  reflect.Type
	fOff, ctOff uintptr
	// the templates: the global object's, Object.prototype's and
	// Function.prototype's (symbol factories)
	global, objProto *lazyProto
	fnSyms           reflect.Value // Function.prototype's symProps map, writable
	// for-in (forin): offsets of Runtime.vm, vm.prg, vm.pc, vm.iterStack
	// and Program.code; the itab of the enumNext instruction; the size of
	// an iterStackItem and the offset of its f
	vmOff, prgOff, pcOff, iterOff, codeOff uintptr
	enumNextTab                            unsafe.Pointer
	itemSize, itemFOff                     uintptr
	// the code of (*enumerableIter).next as a method value, once seen
	enumIterCode uintptr
	forin        bool
}

func findProxyLayout() {
	if !LazyMethods() || !LazyGlobals() {
		return
	}
	regexLayout.once.Do(findRegexLayout) // implOf reads Object.self's field
	if regexLayout.self.Type == nil {
		return
	}
	rt := sobek.New()
	op := templateOf(rt.NewObject().Prototype())
	if op == nil {
		return
	}
	if _, ok := op.factoryOf("isPrototypeOf"); !ok {
		return
	}
	fp, _ := rt.Get("Function").(*sobek.Object)
	if fp == nil {
		return
	}
	fproto, _ := fp.Get("prototype").(*sobek.Object)
	if fproto == nil {
		return
	}
	syms := templateField(fproto, "symProps")
	want := reflect.TypeFor[func(*sobek.Runtime) sobek.Value]()
	if !syms.IsValid() || syms.Kind() != reflect.Map || syms.Type().Key() != reflect.TypeFor[*sobek.Symbol]() || !syms.Type().Elem().ConvertibleTo(want) {
		return
	}
	if f := syms.MapIndex(reflect.ValueOf(sobek.SymHasInstance)); !f.IsValid() || f.IsNil() {
		return
	}
	if _, ok := lazyGlobals.tmpl.factoryOf("Proxy"); !ok {
		return
	}
	// a native function object: the one isPrototypeOf is
	ip, _ := rt.NewObject().Prototype().Get("isPrototypeOf").(*sobek.Object)
	if ip == nil {
		return
	}
	impl := implOf(ip)
	if !impl.IsValid() || impl.Kind() != reflect.Pointer || impl.Elem().Kind() != reflect.Struct || impl.Elem().Type().Name() != "nativeFuncObject" {
		return
	}
	nt := impl.Elem().Type()
	f, ok := nt.FieldByName("f")
	if !ok || f.Type != reflect.TypeFor[func(sobek.FunctionCall) sobek.Value]() {
		return
	}
	ct, ok := nt.FieldByName("construct")
	if !ok || f.Type.Kind() != reflect.Func || ct.Type != reflect.TypeFor[constructFn]() {
		return
	}
	proxyLayout.nativeType = impl.Type()
	proxyLayout.fOff, proxyLayout.ctOff = f.Offset, ct.Offset
	proxyLayout.global, proxyLayout.objProto = lazyGlobals.tmpl, op
	proxyLayout.fnSyms = syms
	// the Proxy constructor and revocable are native function objects
	if fnField(rt.Get("Proxy").(*sobek.Object), proxyLayout.ctOff) == nil || fnField(rt.Get("Proxy").(*sobek.Object).Get("revocable").(*sobek.Object), proxyLayout.fOff) == nil {
		return
	}
	if goid.StackUsed() == 0 {
		return
	}
	proxyLayout.ok = true
	proxyLayout.forin = findForInLayout()
}

// findForInLayout finds what forinKey reads, checked on a probe program.
func findForInLayout() bool {
	field := func(t reflect.Type, name string, kind reflect.Kind) (reflect.StructField, bool) {
		f, ok := t.FieldByName(name)
		return f, ok && f.Type.Kind() == kind && len(f.Index) == 1
	}
	vmF, ok := field(reflect.TypeFor[sobek.Runtime](), "vm", reflect.Pointer)
	if !ok || vmF.Type.Elem().Kind() != reflect.Struct {
		return false
	}
	vmT := vmF.Type.Elem()
	prgF, ok1 := field(vmT, "prg", reflect.Pointer)
	pcF, ok2 := field(vmT, "pc", reflect.Int)
	itF, ok3 := field(vmT, "iterStack", reflect.Slice)
	if !ok1 || !ok2 || !ok3 || prgF.Type.Elem() != reflect.TypeFor[sobek.Program]() {
		return false
	}
	codeF, ok := field(reflect.TypeFor[sobek.Program](), "code", reflect.Slice)
	if !ok || codeF.Type.Elem().Kind() != reflect.Interface {
		return false
	}
	item := itF.Type.Elem()
	fF, ok := field(item, "f", reflect.Func)
	if !ok || item.Kind() != reflect.Struct {
		return false
	}
	prg, err := sobek.Compile("", "for (var k in {a: 1}) ;", false)
	if err != nil {
		return false
	}
	code := reflect.NewAt(codeF.Type, unsafe.Add(unsafe.Pointer(prg), codeF.Offset)).Elem()
	for i := 0; i < code.Len(); i++ {
		in := code.Index(i)
		if in.IsNil() || in.Elem().Type().Name() != "enumNext" {
			continue
		}
		proxyLayout.enumNextTab = (*[2]unsafe.Pointer)(unsafe.Pointer(in.UnsafeAddr()))[0]
	}
	if proxyLayout.enumNextTab == nil {
		return false
	}
	proxyLayout.vmOff, proxyLayout.prgOff, proxyLayout.pcOff, proxyLayout.iterOff = vmF.Offset, prgF.Offset, pcF.Offset, itF.Offset
	proxyLayout.codeOff = codeF.Offset
	proxyLayout.itemSize, proxyLayout.itemFOff = item.Size(), fF.Offset
	return true
}

// forinKey returns the for-in iteration rt's VM is stepping (its
// enumerableIter), or nil when it is not at a for-in step.
func forinKey(rt *sobek.Runtime) unsafe.Pointer {
	l := &proxyLayout
	if !l.forin {
		return nil
	}
	vm := *(*unsafe.Pointer)(unsafe.Add(unsafe.Pointer(rt), l.vmOff))
	if vm == nil {
		return nil
	}
	prg := *(*unsafe.Pointer)(unsafe.Add(vm, l.prgOff))
	if prg == nil {
		return nil
	}
	pc := *(*int)(unsafe.Add(vm, l.pcOff))
	code := *(*[]([2]unsafe.Pointer))(unsafe.Add(prg, l.codeOff))
	if pc < 0 || pc >= len(code) || code[pc][0] != l.enumNextTab {
		return nil
	}
	st := *(*[]byte)(unsafe.Add(vm, l.iterOff)) // only its pointer and length are read
	n := len(st)
	if n == 0 {
		return nil
	}
	top := unsafe.Add(unsafe.Pointer(unsafe.SliceData(st)), uintptr(n-1)*l.itemSize)
	fv := *(*unsafe.Pointer)(unsafe.Add(top, l.itemFOff)) // the closure: code, receiver
	if fv == nil {
		return nil
	}
	pcode := *(*uintptr)(fv)
	if pcode != l.enumIterCode {
		if l.enumIterCode != 0 {
			return nil
		}
		fn := runtime.FuncForPC(pcode)
		if fn == nil || !strings.HasSuffix(fn.Name(), ".(*enumerableIter).next-fm") {
			return nil
		}
		l.enumIterCode = pcode
	}
	return *(*unsafe.Pointer)(unsafe.Add(fv, unsafe.Sizeof(uintptr(0))))
}

// templateField returns a field of the template behind p, writable.
func templateField(p *sobek.Object, name string) reflect.Value {
	impl := implOf(p)
	if !impl.IsValid() || impl.Kind() != reflect.Pointer || impl.Elem().Kind() != reflect.Struct {
		return reflect.Value{}
	}
	tmpl := impl.Elem().FieldByName("tmpl")
	if !tmpl.IsValid() || tmpl.Kind() != reflect.Pointer || tmpl.IsNil() || tmpl.Elem().Kind() != reflect.Struct {
		return reflect.Value{}
	}
	f := tmpl.Elem().FieldByName(name)
	if !f.IsValid() {
		return f
	}
	return reflect.NewAt(f.Type(), unsafe.Pointer(f.UnsafeAddr())).Elem()
}

// fnField returns a pointer to the func field at off of fn's native
// function object, or nil if fn is not one.
func fnField(fn *sobek.Object, off uintptr) unsafe.Pointer {
	if fn == nil {
		return nil
	}
	impl := implOf(fn)
	if !impl.IsValid() || impl.Type() != proxyLayout.nativeType || impl.IsNil() {
		return nil
	}
	return unsafe.Add(impl.UnsafePointer(), off)
}

// ProxyGuardWorks reports whether sobek's internals are the ones
// GuardProxies was written for.
func ProxyGuardWorks() bool {
	proxyLayout.once.Do(findProxyLayout)
	return proxyLayout.ok
}

// ProxyWalks is the prototype-walk state of the realms of one isolate
// (one stack, as V8's): a walk in one realm through another realm's
// Proxies (across the membrane) counts them all. The zero value is not
// ready; use NewProxyWalks.
type ProxyWalks struct {
	// walk counts the getPrototypeOf reads of the prototype walk in
	// progress; -1 outside a walk (or inside a trap a walk called)
	walk int
	// the for-in iteration whose walk forinCount counts
	forin      unsafe.Pointer
	forinCount int
	// nest holds the Go stack depths (goid.StackUsed) of the steps
	// through Proxies that may be in progress, shallowest first
	nest []uintptr
}

// nestStep records a step through a Proxy at the current Go stack depth
// and throws rt's RangeError when more than ProxyNestLimit are in progress
// one inside another. Nothing marks a step's end, but a step recorded at
// this depth or deeper has returned (its frames are gone), so those are
// dropped first; a recorded shallower one is taken as still running.
func (w *ProxyWalks) nestStep(rt *sobek.Runtime) {
	d := goid.StackUsed()
	if d == 0 {
		return
	}
	n := len(w.nest)
	for n > 0 && w.nest[n-1] >= d {
		n--
	}
	w.nest = append(w.nest[:n], d)
	if len(w.nest) > ProxyNestLimit {
		(&proxyRealm{rt: rt}).overflow()
	}
}

// ForInStep counts a step through a Proxy of the prototype walk of the
// for-in rt's VM is at, if it is at one, and throws rt's RangeError past
// V8's limit. A for-in's walk is counted per iteration, whose iterator the
// count holds (no other can reuse its address). The membrane calls it for
// its wrappers (a for-in over another realm's Proxies).
func (w *ProxyWalks) ForInStep(rt *sobek.Runtime) {
	k := forinKey(rt)
	if k == nil {
		return
	}
	if k != w.forin {
		w.forin, w.forinCount = k, 0
	}
	if w.forinCount++; w.forinCount > ProtoWalkLimit {
		w.forin, w.forinCount = nil, 0
		(&proxyRealm{rt: rt}).overflow()
	}
}

// NewProxyWalks returns a fresh walk state.
func NewProxyWalks() *ProxyWalks { return &ProxyWalks{walk: -1} }

var sharedWalks struct {
	mu sync.Mutex
	m  map[weak.Pointer[sobek.Runtime]]*ProxyWalks
}

// ShareProxyWalks makes rt's Proxies count their walks in w (call it
// before rt runs code). The entry goes with rt.
func ShareProxyWalks(rt *sobek.Runtime, w *ProxyWalks) {
	k := weak.Make(rt)
	sharedWalks.mu.Lock()
	if sharedWalks.m == nil {
		sharedWalks.m = map[weak.Pointer[sobek.Runtime]]*ProxyWalks{}
	}
	sharedWalks.m[k] = w
	sharedWalks.mu.Unlock()
	runtime.AddCleanup(rt, func(k weak.Pointer[sobek.Runtime]) {
		sharedWalks.mu.Lock()
		delete(sharedWalks.m, k)
		sharedWalks.mu.Unlock()
	}, k)
}

func walksOf(rt *sobek.Runtime) *ProxyWalks {
	sharedWalks.mu.Lock()
	w := sharedWalks.m[weak.Make(rt)]
	sharedWalks.mu.Unlock()
	if w == nil {
		w = NewProxyWalks()
	}
	return w
}

// proxyRealm is a realm's guard state.
type proxyRealm struct {
	rt *sobek.Runtime
	*ProxyWalks
	// the trap sobek read last and will call next, with its handler
	pending     func(sobek.FunctionCall) sobek.Value
	pendingThis sobek.Value
	pendingTrap int
	trappers    [len(trapNames)]*sobek.Object
	forinState  // the for-in iteration taken over last (forinproxy.go)
}

var trapNames = [...]string{"getPrototypeOf", "setPrototypeOf", "isExtensible", "preventExtensions",
	"getOwnPropertyDescriptor", "defineProperty", "has", "get", "set", "deleteProperty", "ownKeys",
	"apply", "construct"}

// getTrap is the get trap's index.
var getTrap = trapIndex("get")

func trapIndex(name string) int {
	for i, n := range trapNames {
		if n == name {
			return i
		}
	}
	return -1
}

// overflow panics with the realm's RangeError.
func (st *proxyRealm) overflow() {
	if e := NewRangeError(st.rt, StackOverflowMessage); e != nil {
		panic(e)
	}
	panic(st.rt.NewGoError(rangeErr(StackOverflowMessage)))
}

// proxyHandler stands in for a user's Proxy handler.
type proxyHandler struct {
	user *sobek.Object
	st   *proxyRealm
}

func (h *proxyHandler) Get(key string) sobek.Value {
	st := h.st
	if key != "apply" && key != "construct" {
		// V8 forwards a call through trap-less Proxies without stack
		// (a chain of a million works); no cycle can form there
		st.nestStep(st.rt)
	}
	if goid.StackUsed() > proxyStackLimit {
		st.overflow()
	}
	stop := false
	if st.walk < 0 && (key == "getPrototypeOf" || key == "ownKeys") {
		if k := forinKey(st.rt); k != nil {
			stop = st.forinProxyStep(k, key)
		}
	}
	if key == "getPrototypeOf" {
		if st.walk >= 0 {
			if st.walk++; st.walk > ProtoWalkLimit {
				st.walk = -1 // the RangeError's making reads no walk
				st.overflow()
			}
		} else {
			st.ForInStep(st.rt)
		}
	}
	v := h.user.Get(key)
	if stop {
		// the for-in walk ends at its first Proxy (forinproxy.go)
		var user func(sobek.FunctionCall) sobek.Value
		if fn, ok := v.(*sobek.Object); ok {
			if c, isFn := sobek.AssertFunction(fn); isFn {
				user = func(fc sobek.FunctionCall) sobek.Value { return Call(c, fc.This, fc.Arguments...) }
			}
		}
		if v != nil && !sobek.IsUndefined(v) && !sobek.IsNull(v) && user == nil {
			return v // not a method: sobek's TypeError
		}
		st.pending, st.pendingThis, st.pendingTrap = st.stopTrap(user, h.user), h.user, trapIndex(key)
		return st.trapper(st.pendingTrap)
	}
	if v == nil {
		return sobek.Undefined()
	}
	fn, ok := v.(*sobek.Object)
	if !ok {
		return v
	}
	c, isFn := sobek.AssertFunction(fn)
	if !isFn {
		return v // sobek's own TypeError for a trap that is not a method
	}
	call := func(fc sobek.FunctionCall) sobek.Value { return st.callTrap(c, fc) }
	i := trapIndex(key)
	if i < 0 {
		return v
	}
	st.pending, st.pendingThis, st.pendingTrap = call, h.user, i
	return st.trapper(i)
}

func (h *proxyHandler) Set(string, sobek.Value) bool { return false }
func (h *proxyHandler) Has(key string) bool          { return trapIndex(key) >= 0 }
func (h *proxyHandler) Delete(string) bool           { return false }
func (h *proxyHandler) Keys() []string               { return nil }

// callTrap calls a user's trap. Recursion through traps (a get trap
// reading its receiver's property) overflows sobek's call budget inside
// the trap, as an uncatchable *sobek.StackOverflowError that every Go
// level of the recursion recovered and re-panicked in its deferred
// function, each walking the whole stack again (O(depth²): 2 s where node
// takes 1 ms). The Callable returns it as an error, recovered once; here
// it becomes V8's RangeError of the realm, thrown as an ordinary
// exception: the trap's caller can catch it and the levels above unwind
// in linear time (TestSobekUncatchableUnwindQuadratic).
func (st *proxyRealm) callTrap(c sobek.Callable, fc sobek.FunctionCall) sobek.Value {
	v, err := c(fc.This, fc.Arguments...)
	if err != nil {
		var so *sobek.StackOverflowError
		if As(err, &so) {
			st.overflow()
		}
		panic(err)
	}
	return v
}

// trapper returns the realm's native that calls the pending trap i.
func (st *proxyRealm) trapper(i int) *sobek.Object {
	if t := st.trappers[i]; t != nil {
		return t
	}
	t := st.rt.ToValue(func(call sobek.FunctionCall) sobek.Value {
		fn, this := st.pending, st.pendingThis
		if fn == nil || st.pendingTrap != i {
			panic(st.rt.NewTypeError("jsvm: Proxy trap called out of turn"))
		}
		st.pending, st.pendingThis = nil, nil
		if i == getTrap && isConstructorKey(call.Arguments) && inPromiseResolve() {
			return sobek.Undefined() // sobek's spurious read (awaitproxy.go)
		}
		saved := st.walk
		st.walk = -1
		defer func() { st.walk = saved }()
		return fn(sobek.FunctionCall{This: this, Arguments: call.Arguments})
	}).(*sobek.Object)
	st.trappers[i] = t
	return t
}

// UserProxyHandler returns the handler code gave the Proxy p (a stand-in
// handler's user one), or h itself.
func UserProxyHandler(h *sobek.Object) *sobek.Object {
	if h == nil {
		return nil
	}
	if ph, ok := h.Export().(*proxyHandler); ok {
		return ph.user
	}
	return h
}

var proxyRealms PerRuntime[proxyRealm]

func realmOf(rt *sobek.Runtime) *proxyRealm {
	return proxyRealms.Get(rt, func() *proxyRealm { return &proxyRealm{rt: rt, ProxyWalks: walksOf(rt)} })
}

// guardedProxyArgs returns args with a stand-in for the handler args[1].
func (st *proxyRealm) guardedProxyArgs(args []sobek.Value) []sobek.Value {
	if len(args) < 2 {
		return args
	}
	if _, ok := args[0].(*sobek.Object); !ok {
		return args
	}
	h, ok := args[1].(*sobek.Object)
	if !ok {
		return args
	}
	a := make([]sobek.Value, len(args))
	copy(a, args)
	a[1] = st.rt.NewDynamicObject(&proxyHandler{user: h, st: st})
	return a
}

func guardedConstruct(st *proxyRealm, orig constructFn) constructFn {
	return func(args []sobek.Value, newTarget *sobek.Object) *sobek.Object {
		return orig(st.guardedProxyArgs(args), newTarget)
	}
}

func guardedRevocable(st *proxyRealm, orig func(sobek.FunctionCall) sobek.Value) func(sobek.FunctionCall) sobek.Value {
	return func(call sobek.FunctionCall) sobek.Value {
		call.Arguments = st.guardedProxyArgs(call.Arguments)
		return orig(call)
	}
}

// guardWalk wraps a native whose call walks a prototype chain.
func guardWalk(st *proxyRealm, orig func(sobek.FunctionCall) sobek.Value) func(sobek.FunctionCall) sobek.Value {
	return func(call sobek.FunctionCall) sobek.Value {
		saved := st.walk
		st.walk = 0
		defer func() { st.walk = saved }()
		return orig(call)
	}
}

var guardProxiesOnce, catchOnce sync.Once

// GuardProxies puts the guard into sobek's templates (Prepare's time):
// every realm made afterwards gets it. It reports false when sobek's
// layout is unknown.
func GuardProxies() bool {
	if !ProxyGuardWorks() {
		return false
	}
	guardProxiesOnce.Do(func() {
		lazyProtos.mu.Lock()
		defer lazyProtos.mu.Unlock()
		f := lazyProtos.value
		// the Proxy constructor and Proxy.revocable
		wrapFactory(proxyLayout.global, "Proxy", func(rt *sobek.Runtime, ctor *sobek.Object) {
			st := realmOf(rt)
			if p := (*constructFn)(fnField(ctor, proxyLayout.ctOff)); p != nil && *p != nil && !sameCode(*p, guardedConstruct(nil, nil)) {
				*p = guardedConstruct(st, *p)
			}
			rev, _ := ctor.Get("revocable").(*sobek.Object)
			if p := (*func(sobek.FunctionCall) sobek.Value)(fnField(rev, proxyLayout.fOff)); p != nil && *p != nil && !sameCode(*p, guardedRevocable(nil, nil)) {
				*p = guardedRevocable(st, *p)
			}
		})
		wrapFactory(proxyLayout.global, "Promise", guardPromiseResolve)
		wrapFactory(proxyLayout.global, "String", swapCallback)
		wrapFactory(proxyLayout.global, "Reflect", func(rt *sobek.Runtime, r *sobek.Object) {
			for _, name := range []string{"apply", "construct"} {
				if fn, _ := r.Get(name).(*sobek.Object); fn != nil {
					swapCallback(rt, fn)
				}
			}
		})
		walker := func(rt *sobek.Runtime, fn *sobek.Object) {
			if p := (*func(sobek.FunctionCall) sobek.Value)(fnField(fn, proxyLayout.fOff)); p != nil && *p != nil && !sameCode(*p, guardWalk(nil, nil)) {
				*p = guardWalk(realmOf(rt), *p)
			}
		}
		wrapFactory(proxyLayout.objProto, "isPrototypeOf", walker)
		syms := proxyLayout.fnSyms
		key := reflect.ValueOf(sobek.SymHasInstance)
		orig := syms.MapIndex(key).Convert(reflect.TypeFor[func(*sobek.Runtime) sobek.Value]()).Interface().(func(*sobek.Runtime) sobek.Value)
		syms.SetMapIndex(key, reflect.ValueOf(onceFactory(orig, f, walker)).Convert(syms.Type().Elem()))
	})
	catchOnce.Do(catchOverflows)
	return true
}

// wrapFactory makes the template's factory of name run hook on the value
// it makes, once per realm.
func wrapFactory(t *lazyProto, name string, hook func(rt *sobek.Runtime, fn *sobek.Object)) {
	orig, ok := t.factoryOf(name)
	if !ok {
		return
	}
	key := reflect.ValueOf(name).Convert(t.props.Type().Key())
	t.props.SetMapIndex(key, reflect.ValueOf(onceFactory(orig, lazyProtos.value, hook)).Convert(t.factory))
}

// onceFactory wraps a template factory: hook sees the function the record
// holds each time the factory runs for a realm (Intrinsic runs it again
// for a realm that has its builtin already: the hooks leave a function
// they wrapped alone).
func onceFactory(orig func(*sobek.Runtime) sobek.Value, f *reflect.StructField, hook func(rt *sobek.Runtime, fn *sobek.Object)) func(*sobek.Runtime) sobek.Value {
	return func(rt *sobek.Runtime) sobek.Value {
		rec := orig(rt)
		if fn, _ := propValue(rec, f).(*sobek.Object); fn != nil {
			hook(rt, fn)
		}
		return rec
	}
}

// sameCode reports whether two funcs are closures of one function literal.
func sameCode(a, b any) bool {
	return reflect.ValueOf(a).Pointer() == reflect.ValueOf(b).Pointer()
}
