package jsvm

import (
	"context"
	"sync"

	"github.com/grafana/sobek"
	"github.com/jsvm-dev/jsvm/internal/core"
	"github.com/jsvm-dev/jsvm/internal/goid"
)

// Isolate groups contexts that may share objects: a value of one context
// can be handed to another of the same isolate and keeps its identity.
// An isolate runs one goroutine at a time, like a V8 isolate: a second
// goroutine that calls in while another is inside gets ErrIsolateBusy.
// Separate isolates run in parallel.
type Isolate struct {
	core *core.Isolate
	opts IsolateOptions
	main *Context

	mu    sync.Mutex // guards owner and depth
	owner uint64     // goroutine inside the isolate, 0 when free
	depth int
}

// NewIsolate creates an isolate with its main context.
func NewIsolate(opts IsolateOptions) *Isolate {
	iso := &Isolate{core: core.NewIsolate(core.IsolateOptions{}), opts: opts}
	iso.main = &Context{iso: iso, c: iso.core.Main()}
	return iso
}

// MainContext returns the isolate's main context: what Node calls "this
// context", where runInThisContext runs.
func (iso *Isolate) MainContext() *Context { return iso.main }

// enter binds the isolate to the calling goroutine; calls from inside a Go
// function that JavaScript called (same goroutine) nest.
func (iso *Isolate) enter() error {
	g := goid.Get()
	iso.mu.Lock()
	defer iso.mu.Unlock()
	switch iso.owner {
	case 0:
		iso.owner, iso.depth = g, 1
		return nil
	case g:
		iso.depth++
		return nil
	}
	return ErrIsolateBusy
}

func (iso *Isolate) exit() {
	iso.mu.Lock()
	iso.depth--
	if iso.depth == 0 {
		iso.owner = 0
	}
	iso.mu.Unlock()
}

// NewContext contextifies sandbox and returns the new context: inside it,
// the sandbox's properties are globals, and assignments, var and function
// declarations land on it. sandbox may be nil (a new empty object), a
// Value holding an object of this isolate, or a Go map, struct pointer or
// slice (converted with the engine's Go mapping; writes reach the Go value).
// A sandbox that is already a context returns that context.
func (iso *Isolate) NewContext(sandbox any, opts ContextOptions) (*Context, error) {
	if err := iso.enter(); err != nil {
		return nil, err
	}
	defer iso.exit()
	main := iso.core.Main()
	var obj *sobek.Object
	switch s := sandbox.(type) {
	case nil:
		obj = main.Runtime().NewObject()
	case Value:
		o, ok := s.v.(*sobek.Object)
		if !ok || s.iso != iso {
			return nil, errNotObject("sandbox")
		}
		obj = core.Carry(o, s.c, main).(*sobek.Object)
	default:
		o, ok := main.Runtime().ToValue(sandbox).(*sobek.Object)
		if !ok {
			return nil, errNotObject("sandbox")
		}
		obj = o
	}
	c := iso.core.Contextify(obj, main, core.ContextOptions{
		Name: opts.Name, Origin: opts.Origin,
		DisallowCodeGenerationFromStrings: opts.DisallowStrings,
		DisallowWasm:                      opts.DisallowWasm,
		MicrotaskMode:                     opts.MicrotaskMode,
	})
	return &Context{iso: iso, c: c, sandbox: obj}, nil
}

type argError string

func (e argError) Error() string { return string(e) }

func errNotObject(name string) error {
	return argError(`jsvm: the "` + name + `" argument must be an object`)
}

// run runs fn (which executes JS in some realm) under the run's timeout
// and cancellation: either interrupts whatever runtime is executing.
func (iso *Isolate) run(ctx context.Context, opts RunOptions, fn func() (sobek.Value, error)) (sobek.Value, error) {
	timeout := opts.Timeout
	if timeout == 0 {
		timeout = iso.opts.DefaultTimeout
	}
	wd := iso.core.NewWatchdog(timeout, &interrupt{timeout: timeout})
	if ctx != nil && ctx.Done() != nil {
		if err := ctx.Err(); err != nil {
			wd.Stop()
			return nil, (&interrupt{cause: err}).toError()
		}
		stop := context.AfterFunc(ctx, func() { wd.Fire(&interrupt{cause: ctx.Err()}) })
		defer stop()
	}
	if opts.BreakOnSigint {
		defer watchSIGINT(wd)()
	}
	v, err := fn()
	wd.Stop()
	return v, err
}
