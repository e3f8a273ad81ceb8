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

	runDepth int // nesting of run (the owner goroutine only)
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

// thenFinalizers makes an outermost run end as a task of Node's event loop
// does: the WeakRef targets the run kept alive may go, and the cleanup
// callbacks of FinalizationRegistry registrations whose targets were
// collected (by now) run, under the run's timeout. A run that failed runs
// none; they wait for the next run or RunFinalizers.
func (iso *Isolate) thenFinalizers(fn func() (sobek.Value, error)) func() (sobek.Value, error) {
	return func() (sobek.Value, error) {
		v, err := fn()
		iso.core.ClearKeptObjects()
		if err == nil {
			iso.core.RunFinalizations(iso.reportFinalization)
		}
		return v, err
	}
}

// reportFinalization hands the exception a cleanup callback threw to
// IsolateOptions.FinalizationError.
func (iso *Isolate) reportFinalization(c *core.Context, ex *sobek.Exception) {
	if iso.opts.FinalizationError != nil {
		iso.opts.FinalizationError(iso.thrown(ex, c))
	}
}

// RunFinalizers runs the cleanup callbacks of FinalizationRegistry
// registrations whose targets the Go collector has freed (each run from
// Go runs them when it ends; this is for a program that wants them
// without running code), under ctx and the isolate's DefaultTimeout. It
// returns the first exception a callback threw (the others still run;
// all go to IsolateOptions.FinalizationError).
func (iso *Isolate) RunFinalizers(ctx context.Context) error {
	if err := iso.enter(); err != nil {
		return err
	}
	defer iso.exit()
	var first error
	_, err := iso.run(ctx, RunOptions{}, func() (sobek.Value, error) {
		iso.core.ClearKeptObjects()
		iso.core.RunFinalizations(func(c *core.Context, ex *sobek.Exception) {
			if first == nil {
				first = iso.thrown(ex, c)
			}
			iso.reportFinalization(c, ex)
		})
		return sobek.Undefined(), nil
	})
	if err != nil {
		return iso.thrown(err, iso.main.c)
	}
	return first
}

// run runs fn (which executes JS in some realm) under the run's timeout
// and cancellation: either interrupts whatever runtime is executing. The
// watchdog stops on every way out, a panic included.
func (iso *Isolate) run(ctx context.Context, opts RunOptions, fn func() (sobek.Value, error)) (v sobek.Value, err error) {
	if iso.runDepth == 0 {
		fn = iso.thenFinalizers(fn)
	}
	iso.runDepth++
	defer func() { iso.runDepth-- }()
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
