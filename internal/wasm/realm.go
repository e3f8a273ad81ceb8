// Package wasm is the WebAssembly JS API for jsvm's realms, on wazero (a
// pure-Go WebAssembly runtime). A realm builds it the first time its code
// reads the global WebAssembly (core adds that global to sobek's global
// template, engine.AddLazyGlobal), so a realm that never does pays nothing.
//
// The object shapes and argument checks are JavaScript (wasm.js, compiled
// once per process); compiling, linking, calls, value conversion, memory
// and globals are Go. Each realm has one wazero runtime, made on first
// compile. Wasm code runs on the isolate's goroutine; an interrupt of the
// realm (timeout, cancellation, Terminate, the memory watchdog) cancels the
// context of the wasm call in progress (Interrupt), which wazero checks in
// loops and calls.
package wasm

import (
	"context"
	_ "embed"
	"sync"
	"weak"

	"github.com/grafana/sobek"
	"github.com/tetratelabs/wazero"

	"github.com/jsvm-dev/jsvm/internal/engine"
)

//go:embed wasm.js
var wasmSource string

var program = sync.OnceValues(func() (*sobek.Program, error) {
	return sobek.Compile("wasm.js", wasmSource, true)
})

// Policy is what a realm's embedder allows.
type Policy struct {
	// NoCodegen is codeGeneration: {wasm: false}: compiling throws V8's
	// CompileError "Wasm code generation disallowed by embedder".
	NoCodegen bool
	// Absent: the runtime is none of jsvm's realms (a sandbox's, a bare
	// sobek runtime): its WebAssembly global is undefined.
	Absent bool
	// Allow answers whether a linear memory may take extra more bytes
	// (nil: always).
	Allow func(extra uint64) bool
	// Builtins is the realm's own global object (a context's global is
	// a proxy answering from its sandbox first); nil: rt's global.
	Builtins *sobek.Object
}

// PolicyFor answers a realm's Policy; core sets it once.
var PolicyFor func(rt *sobek.Runtime) Policy

// Realm is one runtime's WebAssembly state.
type Realm struct {
	rt     *sobek.Runtime
	ns     *sobek.Object
	policy Policy
	wz     wazero.Runtime

	wrapMemory, wrapGlobal, toBigInt sobek.Callable
	memories                         []weak.Pointer[memHandle]
	hosts                            int // host modules made, for their names
	errCtors                         map[string]*sobek.Object

	mu    sync.Mutex // guards calls (Interrupt comes from other goroutines)
	calls []*callFrame
}

// callFrame is one wasm call in progress: its context, and the JS error
// an import threw (re-thrown when the call unwinds).
type callFrame struct {
	ctx     context.Context
	cancel  context.CancelFunc
	pending any
}

var realms engine.PerRuntime[Realm]

func lookup(rt *sobek.Runtime) *Realm { return realms.Lookup(rt) }

func forRuntime(rt *sobek.Runtime) *Realm {
	return realms.Get(rt, func() *Realm { return &Realm{rt: rt} })
}

// Namespace returns rt's WebAssembly object, building it on first use.
func Namespace(rt *sobek.Runtime) sobek.Value {
	if PolicyFor != nil && PolicyFor(rt).Absent {
		return sobek.Undefined()
	}
	r := forRuntime(rt)
	if r.ns == nil {
		r.build()
	}
	return r.ns
}

func (r *Realm) build() {
	prog, err := program()
	if err != nil {
		panic(err)
	}
	f, err := r.rt.RunProgram(prog)
	if err != nil {
		panic(err)
	}
	fn, ok := sobek.AssertFunction(f)
	if !ok {
		panic("wasm.js: no factory")
	}
	if PolicyFor != nil {
		r.policy = PolicyFor(r.rt)
	}
	g := r.policy.Builtins
	if g == nil {
		g = r.rt.GlobalObject()
	}
	res, err := fn(sobek.Undefined(), r.natives(), g)
	if err != nil {
		panic(err)
	}
	o := res.(*sobek.Object)
	r.wrapMemory, _ = sobek.AssertFunction(o.Get("wrapMemory"))
	r.wrapGlobal, _ = sobek.AssertFunction(o.Get("wrapGlobal"))
	r.toBigInt, _ = sobek.AssertFunction(o.Get("toBigInt"))
	errs := o.Get("errors").(*sobek.Object)
	r.errCtors = map[string]*sobek.Object{}
	for _, k := range errs.Keys() {
		r.errCtors[k] = errs.Get(k).(*sobek.Object)
	}
	r.ns = o.Get("WebAssembly").(*sobek.Object)
}

// Interrupt stops the wasm calls of rt's realm in progress, if any; safe
// from any goroutine. Every way jsvm interrupts a runtime calls it.
func Interrupt(rt *sobek.Runtime) {
	r := lookup(rt)
	if r == nil {
		return
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, c := range r.calls {
		c.cancel()
	}
}

// engine returns the realm's wazero runtime, made on first use.
func (r *Realm) engine() wazero.Runtime {
	if r.wz == nil {
		// no page limit: memories are bounded by the allocator's budget
		// (memory.go), so a module declaring a large memory compiles and
		// fails to instantiate, as in V8
		cfg := wazero.NewRuntimeConfig().WithCloseOnContextDone(true)
		r.wz = wazero.NewRuntimeWithConfig(context.Background(), cfg)
	}
	return r.wz
}

// throw raises a WebAssembly error class (CompileError, LinkError,
// RuntimeError) or TypeError/RangeError of the realm.
func (r *Realm) throw(class, msg string) {
	panic(r.newError(class, msg))
}

func (r *Realm) newError(class, msg string) *sobek.Object {
	var ctor *sobek.Object
	if c, ok := r.errCtors[class]; ok {
		ctor = c
	} else {
		switch class {
		case "TypeError":
			return r.rt.NewTypeError(msg)
		case "RangeError":
			if e := engine.NewRangeError(r.rt, msg); e != nil {
				return e
			}
		}
	}
	if ctor != nil {
		if o, err := r.rt.New(ctor, r.rt.ToValue(msg)); err == nil {
			return o
		}
	}
	return r.rt.NewGoError(errString(msg))
}

type errString string

func (e errString) Error() string { return string(e) }
