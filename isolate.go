package jsvm

import (
	"context"
	"errors"
	"sync"

	"github.com/grafana/sobek"
	"github.com/jsvm-dev/jsvm/internal/core"
	"github.com/jsvm-dev/jsvm/internal/goid"
)

// Isolate groups contexts that may share objects: a value of one context
// can be handed to another of the same isolate and keeps its identity.
// An isolate runs one goroutine at a time, like a V8 isolate: a second
// goroutine that calls in while another is inside gets ErrIsolateBusy, or
// waits for its turn with Lock. Separate isolates run in parallel.
type Isolate struct {
	core *core.Isolate
	opts IsolateOptions
	main *Context

	mu    sync.Mutex // guards owner, depth and freed
	owner uint64     // goroutine inside the isolate, 0 when free
	depth int
	freed chan struct{} // closed when the isolate becomes free; nil if no one waits
}

// NewIsolate creates an isolate with its main context.
func NewIsolate(opts IsolateOptions) *Isolate {
	iso := &Isolate{core: core.NewIsolate(core.IsolateOptions{MemoryLimit: opts.MemoryLimit}), opts: opts}
	iso.core.Go = &core.GoMapping{
		FieldName:  opts.FieldNames.fieldName,
		MethodName: opts.FieldNames.methodName,
		Loose:      opts.LooseArguments,
		Bridge:     bridge{iso},
	}
	iso.main = &Context{iso: iso, c: iso.core.Main()}
	return iso
}

// MainContext returns the isolate's main context: what Node calls "this
// context", where runInThisContext runs.
func (iso *Isolate) MainContext() *Context { return iso.main }

// enter binds the isolate to the calling goroutine; calls from inside a Go
// function that JavaScript called (same goroutine) nest.
func (iso *Isolate) enter() error {
	if iso == nil || iso.core == nil {
		return errNil("Isolate")
	}
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
		if iso.freed != nil {
			close(iso.freed)
			iso.freed = nil
		}
	}
	iso.mu.Unlock()
}

// Lock waits until no other goroutine uses the isolate, then binds it to
// the calling goroutine until Unlock: calls from that goroutine go in,
// calls from others get ErrIsolateBusy (or wait in Lock). It returns
// ctx's error if ctx ends first. Locks nest on one goroutine.
func (iso *Isolate) Lock(ctx context.Context) error {
	if iso == nil || iso.core == nil {
		return errNil("Isolate")
	}
	if ctx == nil {
		ctx = context.Background()
	}
	g := goid.Get()
	for {
		iso.mu.Lock()
		if iso.owner == 0 || iso.owner == g {
			if iso.owner == 0 {
				iso.owner = g
			}
			iso.depth++
			iso.mu.Unlock()
			return nil
		}
		if iso.freed == nil {
			iso.freed = make(chan struct{})
		}
		freed := iso.freed
		iso.mu.Unlock()
		select {
		case <-freed:
		case <-ctx.Done():
			return ctx.Err()
		}
	}
}

// Unlock releases a Lock of the calling goroutine.
func (iso *Isolate) Unlock() {
	iso.mu.Lock()
	held := iso.owner == goid.Get() && iso.depth > 0
	iso.mu.Unlock()
	if !held {
		panic("jsvm: Unlock of an isolate the goroutine has not locked")
	}
	iso.exit()
}

// NewContext contextifies sandbox and returns the new context: inside it,
// the sandbox's properties are globals, and assignments, var and function
// declarations land on it. sandbox may be nil (a new empty object), a
// Value holding an object of this isolate, or a Go map, struct pointer or
// slice pointer (a live view, see the package documentation: writes reach
// the Go value). A sandbox that is already a context returns that context.
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
		if !ok {
			return nil, errNotObject("sandbox")
		}
		if s.iso != iso {
			return nil, ErrOtherIsolate
		}
		obj = core.Carry(o, s.c, main).(*sobek.Object)
	default:
		v, err := main.ToJS(sandbox)
		if err != nil {
			return nil, iso.thrown(err, main)
		}
		o, ok := v.(*sobek.Object)
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
	ctx := &Context{iso: iso, c: c, sandbox: obj}
	if opts.Console != nil {
		if err := ctx.installConsole(opts.Console); err != nil {
			return nil, err
		}
	}
	return ctx, nil
}

type argError string

func (e argError) Error() string { return string(e) }

func errNotObject(name string) error {
	return argError(`jsvm: the "` + name + `" argument must be an object`)
}

func errNil(what string) error {
	return argError("jsvm: nil " + what)
}

// ErrOtherIsolate is returned when a Value (or Context, Module) of one
// isolate is handed to another: values never cross isolates.
var ErrOtherIsolate = errors.New("jsvm: value belongs to another isolate")

// run runs fn (which executes JS in some realm) under the run's timeout
// and cancellation: either interrupts whatever runtime is executing. The
// watchdog stops on every way out, a panic included.
func (iso *Isolate) run(ctx context.Context, opts RunOptions, fn func() (sobek.Value, error)) (v sobek.Value, err error) {
	timeout := opts.Timeout
	if timeout == 0 {
		timeout = iso.opts.DefaultTimeout
	}
	if timeout <= 0 && !opts.BreakOnSigint && (ctx == nil || ctx.Done() == nil) {
		return fn() // nothing can interrupt the run: no watchdog
	}
	wd := iso.core.NewWatchdog(timeout, &interrupt{timeout: timeout})
	defer wd.Stop()
	if ctx != nil && ctx.Done() != nil {
		if err := ctx.Err(); err != nil {
			return nil, (&interrupt{cause: err}).toError()
		}
		stop := context.AfterFunc(ctx, func() { wd.Fire(&interrupt{cause: ctx.Err()}) })
		defer stop()
	}
	if opts.BreakOnSigint {
		defer watchSIGINT(wd)()
	}
	return iso.core.Protect(fn)
}
