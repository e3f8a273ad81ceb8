package core

import (
	"weak"

	"github.com/grafana/sobek"
	"github.com/grafana/sobek/parser"
	"github.com/jsvm-dev/jsvm/internal/engine"
)

// Context is one realm: a sobek runtime with its own intrinsics. A
// contextified context also has a sandbox whose properties are its globals.
type Context struct {
	// globalIsContext: createContext was given this context's own global
	// (see Contextify), so vm.isContext reports it as a context.
	globalIsContext bool

	iso    *Isolate
	rt     *sobek.Runtime
	isMain bool
	id     int
	name   string
	origin string
	limit  int // the runtime's call depth limit (stackbudget.go)
	capped int // size caps installed (sizecaps.go)
	// goErrorHidden: sobek's own global GoError, which V8's contexts and
	// Node lack, is deleted (hideGoError)
	goErrorHidden bool

	errWordsHooked  bool      // intrinsic error constructors hooked (errwords.go)
	stacks          errStacks // V8 error stacks (errorstacks.go)
	moreWordsHooked bool
	lastParsed      string  // the last eval/Function source parsed, for its SyntaxError's words
	jsonText        *string // the text of the innermost running JSON.parse, for its SyntaxError's words (jsondepth.go)
	regexpHooked    bool    // intrinsic RegExp hooked (regexpctor.go)
	namedGroupsFn   sobek.Callable
	// forwarded: constructors whose brand-checking methods forward
	// another realm's objects to their home (brands.go)
	forwarded map[string]bool
	brandOrig map[brandKey]sobek.Callable // the methods the forwarders replaced

	builtins *sobek.Object // the runtime's own global, with the intrinsics
	global   *sobek.Object // what scripts see as globalThis
	sandbox  *sobek.Object // contextified object (nil for the main context)
	sbHome   *Context      // realm the sandbox belongs to
	shadow   *sobek.Object // target of the global proxy: non-configurable placeholders
	traps    *globalTraps  // the global proxy's state (nil without a sandbox)

	refl       *reflectFns
	protoGuard bool // setPrototypeOf guarded against cycles through wrappers (protocycle.go)
	bindShadow sobek.Callable
	// held: the runtime's stack carries a held frame whose promise jobs
	// wait for Release (microtask.go); drain is the no-op called to run
	// them.
	held  bool
	drain sobek.Callable
	// evalHold: an afterEvaluate context's runtime keeps a held frame
	// for good; its jobs run when an evaluation ends (microtask.go)
	evalHold bool
	// placeholderFn stands in for accessors mirrored onto proxy targets.
	placeholderFn sobek.Value
	contexts      *weakTable // sandboxes of this realm -> their contexts
	attached      *weakTable // objects of this realm -> Go state of the layer above (Attach)

	// Options holds per-context settings other layers read (code
	// generation, microtask mode).
	Options ContextOptions

	// goViews are the JS views of Go values made in this realm, by
	// identity (govalue.go).
	goViews      map[goKey]weak.Pointer[sobek.Object]
	goViewsSweep int // size at which dead entries are swept

	awaitHook bool // engine.EnsureAwaitHook ran (script.go)

	// Data is free for the layer above (the host's per-context state).
	Data any
}

// ContextOptions are createContext's options.
type ContextOptions struct {
	Name   string
	Origin string
	// DisallowCodeGenerationFromStrings makes eval, Function and the
	// GeneratorFunction and AsyncFunction constructors throw EvalError in
	// the context (vm.createContext's codeGeneration.strings false); see
	// disallowCodeGeneration in codegen.go.
	DisallowCodeGenerationFromStrings bool
	// DisallowWasm is vm.createContext's codeGeneration.wasm false:
	// compiling WebAssembly throws V8's CompileError (wasm.go).
	DisallowWasm bool
	// MicrotaskMode is "" (isolate queue) or "afterEvaluate".
	MicrotaskMode string
	// SandboxOwnKeys makes a contextified global list every own key of
	// its sandbox (non-enumerable names and symbols too, none of its
	// prototype chain), as Node v22+'s enumerator interceptor does (vm
	// API v25); otherwise Node v20's: the sandbox's enumerable names along
	// its prototype chain, its symbols only when written through the global.
	// It also makes `in` see only the sandbox's own properties (and the
	// context's own global), as Node v22+'s query interceptor.
	SandboxOwnKeys bool
}

func (iso *Isolate) newRealm(opts ContextOptions) *Context {
	rt := sobek.New()
	// runaway recursion must end (sobek's default is unbounded, which
	// grows the heap until memory runs out); V8 allows about this depth.
	rt.SetMaxCallStackSize(iso.maxStack)
	iso.nextContextID++
	c := &Context{iso: iso, rt: rt, id: iso.nextContextID, name: opts.Name, origin: opts.Origin, limit: iso.maxStack, Options: opts}
	// eval and new Function must not read sourceMappingURL comments (a
	// missing map would be a SyntaxError), as Node never fails on them;
	// their sources are scanned for nesting as every other (checkParse)
	rt.SetParserOptions(parser.WithDisableSourceMaps, engine.SourceHook(c.checkParse))
	engine.ShareProxyWalks(rt, iso.proxyWalks)
	c.builtins = rt.GlobalObject()
	c.global = c.builtins
	iso.registry.add(c)
	c.installWasm()
	iso.interruptIfTerminated(rt)
	return c
}

// Runtime returns the sobek runtime of the context. Objects of this runtime
// must never be handed to another runtime except through the membrane.
func (c *Context) Runtime() *sobek.Runtime { return c.rt }

// Isolate returns the isolate the context belongs to.
func (c *Context) Isolate() *Isolate { return c.iso }

// IsMain reports whether c is its isolate's main context.
func (c *Context) IsMain() bool { return c.isMain }

// ID is the context's number within its isolate (the main context is 1).
func (c *Context) ID() int { return c.id }

// Name returns the context's name option.
func (c *Context) Name() string { return c.name }

// Origin returns the context's origin option.
func (c *Context) Origin() string { return c.origin }

// Global returns the context's global object (a proxy over the sandbox for a
// contextified context).
func (c *Context) Global() *sobek.Object { return c.global }

// Builtins returns the context's own global with its intrinsics.
func (c *Context) Builtins() *sobek.Object { return c.builtins }

// Sandbox returns the contextified object and the context it belongs to, or
// nil for the main context.
func (c *Context) Sandbox() (*sobek.Object, *Context) { return c.sandbox, c.sbHome }

// captureIntrinsics takes the realm's Reflect functions and WeakMap
// methods, which the membrane, the contextified global and the context
// registry call, while they are still the intrinsics: the main realm's at
// creation, a context's when its code first reads the global Reflect or
// WeakMap (the only ways to reach them), so that a context that never does
// keeps the memory of building them. Code of the realm can replace the
// methods afterwards without changing what the host sees.
func (c *Context) captureIntrinsics() {
	c.reflect()
	c.weakTable()
}

// reflectFns are the Reflect functions of a realm, fetched once (see
// captureIntrinsics).
type reflectFns struct {
	get, set, has, ownKeys, getOwnPropertyDescriptor, defineProperty,
	deleteProperty, getPrototypeOf, setPrototypeOf, isExtensible,
	preventExtensions, apply, construct sobek.Callable
}

func (c *Context) reflect() *reflectFns {
	if c.refl != nil {
		return c.refl
	}
	r := c.builtins.Get("Reflect").(*sobek.Object)
	fn := func(name string) sobek.Callable {
		f, _ := sobek.AssertFunction(r.Get(name))
		return f
	}
	c.refl = &reflectFns{
		get: fn("get"), set: fn("set"), has: fn("has"), ownKeys: fn("ownKeys"),
		getOwnPropertyDescriptor: fn("getOwnPropertyDescriptor"),
		defineProperty:           fn("defineProperty"), deleteProperty: fn("deleteProperty"),
		getPrototypeOf: fn("getPrototypeOf"), setPrototypeOf: fn("setPrototypeOf"),
		isExtensible: fn("isExtensible"), preventExtensions: fn("preventExtensions"),
		apply: fn("apply"), construct: fn("construct"),
	}
	return c.refl
}

// weakTable maps objects of one realm to Go values without keeping either
// alive: it is a JS WeakMap of that realm, whose entries live on the keys.
type weakTable struct {
	get, set sobek.Callable
	m        *sobek.Object
	ctor     *sobek.Object // the realm's intrinsic WeakMap
}

func (c *Context) weakTable() *weakTable {
	if c.contexts == nil {
		ctor := c.builtins.Get("WeakMap").(*sobek.Object)
		m, err := c.rt.New(ctor)
		if err != nil {
			panic(err)
		}
		proto := ctor.Get("prototype").(*sobek.Object)
		get, _ := sobek.AssertFunction(proto.Get("get"))
		set, _ := sobek.AssertFunction(proto.Get("set"))
		c.contexts = &weakTable{get: get, set: set, m: m, ctor: ctor}
	}
	return c.contexts
}

// Attach keeps v alive as long as o, an object of c, is: the layer above
// ties its state to the JS object it belongs to without keeping either
// alive (the entry lives on o, in a WeakMap of c).
func (c *Context) Attach(o *sobek.Object, v any) {
	if c.attached == nil {
		c.captureIntrinsics()
		c.attached = c.newWeakTable()
	}
	if _, err := c.attached.set(c.attached.m, o, c.rt.ToValue(v)); err != nil {
		panic(err)
	}
}

// newWeakTable makes another weak table of the realm, over the WeakMap
// captured by weakTable.
func (c *Context) newWeakTable() *weakTable {
	t := *c.weakTable()
	m, err := c.rt.New(t.ctor)
	if err != nil {
		panic(err)
	}
	t.m = m
	return &t
}

// Contextify makes sandbox (an object of realm from) the global of a new
// context, or returns the context it already is. A sandbox that is a
// membrane wrapper is contextified as its original.
func (iso *Isolate) Contextify(sandbox *sobek.Object, from *Context, opts ContextOptions) *Context {
	if orig, home, ok := iso.UnwrapContext(sandbox); ok {
		sandbox, from = orig, home
	}
	if c := iso.ContextOf(sandbox, from); c != nil {
		if sandbox == c.global {
			// Node would contextify the global as a new sandbox; it runs
			// in its own context here, and is a context from now on
			c.globalIsContext = true
		}
		return c
	}
	if opts.Name == "" {
		opts.Name = "VM Context " + itoa(iso.nextContextID)
	}
	c := iso.newRealm(opts)
	if opts.DisallowCodeGenerationFromStrings {
		c.disallowCodeGeneration() // codegen.go
	}
	c.sandbox = sandbox
	c.sbHome = from
	c.installGlobalProxy()
	c.holdUntilEvaluate()
	wt := from.weakTable()
	if _, err := wt.set(wt.m, sandbox, c.handle()); err != nil {
		panic(err)
	}
	iso.lastContext = weak.Make(c)
	return c
}

// ContextOf returns the context whose sandbox is obj (of realm from), or
// the context whose global obj is, or nil.
func (iso *Isolate) ContextOf(obj *sobek.Object, from *Context) *Context {
	if obj == nil {
		return nil
	}
	if orig, home, ok := iso.UnwrapContext(obj); ok {
		obj, from = orig, home
	}
	// a context is also found from its own global, so that another
	// context's global given as a sandbox runs there (contextifying a
	// global proxy over a sandbox would make each one's lookups find the
	// other's: endless recursion)
	if obj == from.global && !from.isMain {
		return from
	}
	if from.contexts == nil {
		return nil
	}
	if c := iso.lastContext.Value(); c != nil && c.sandbox == obj && c.sbHome == from {
		return c // a sandbox never stops being its context's
	}
	v, err := from.contexts.get(from.contexts.m, obj)
	if err != nil || v == nil || sobek.IsUndefined(v) {
		return nil
	}
	h, _ := v.Export().(*contextHandle)
	c := (*Context)(h)
	if c != nil {
		iso.lastContext = weak.Make(c)
	}
	return c
}

// IsContext is vm.isContext: a context's sandbox, or the global of a
// DONT_CONTEXTIFY context. A contextified context's global proxy
// (runInContext('this')) is no context in Node, though ContextOf finds it.
func (iso *Isolate) IsContext(obj *sobek.Object, from *Context) bool {
	c := iso.ContextOf(obj, from)
	if c == nil {
		return false
	}
	if o, home, ok := iso.UnwrapContext(obj); ok {
		obj, from = o, home
	}
	return !(obj == from.global && c == from && from.sandbox != nil && !from.globalIsContext)
}

func itoa(i int) string {
	if i == 0 {
		return "0"
	}
	var b [20]byte
	n := len(b)
	for i > 0 {
		n--
		b[n] = byte('0' + i%10)
		i /= 10
	}
	return string(b[n:])
}

// contextHandle is a context as the value of its sandbox's entry in the
// sandbox realm's weak table: a sobek dynamic object whose Go side is the
// context itself (rt.ToValue(c) built a reflect view of the struct, a
// quarter KiB more per context, kept as long as the context). The entry keeps the
// context alive as long as its sandbox. It is never handed to JavaScript:
// its property methods answer nothing.
type contextHandle Context

func (c *Context) handle() sobek.Value {
	return c.sbHome.rt.NewDynamicObject((*contextHandle)(c))
}

func (*contextHandle) Get(string) sobek.Value       { return nil }
func (*contextHandle) Set(string, sobek.Value) bool { return false }
func (*contextHandle) Has(string) bool              { return false }
func (*contextHandle) Delete(string) bool           { return false }
func (*contextHandle) Keys() []string               { return nil }

// hideGoError deletes sobek's own global GoError, which V8's contexts and
// Node lack. Deleting from sobek's global materialises its whole property
// template (5.6 KB and 60 allocations per context), so a contextified
// context does it only when its code can first tell (its global proxy
// looks GoError up or lists the builtins); the main and plain contexts,
// whose global is no proxy, at creation.
func (c *Context) hideGoError() {
	if !c.goErrorHidden {
		c.goErrorHidden = true
		_ = c.builtins.Delete("GoError")
	}
}
