package sandbox

import (
	"context"
	"errors"
	"fmt"
	"github.com/jsvm-dev/jsvm/internal/engine"
	"runtime"
	"sync"
	"sync/atomic"

	"github.com/grafana/sobek"
	"github.com/jsvm-dev/jsvm/internal/goid"
)

// Script is code that runs in any sandbox (compile once, run in many).
// It holds no runtime. A Script made by Source is compiled where it first
// runs: in a worker process for a Remote (so that the parser never sees
// untrusted source in the host), in this process for a Sandbox.
type Script struct {
	Name string
	src  string // for a worker process, which compiles it again
	id   uint64 // names it to a worker, which keeps it compiled

	once sync.Once
	prog *sobek.Program
	err  error
}

var scriptIDs atomic.Uint64

// Compile compiles src as a classic script named name, in this process.
func Compile(name, src string) (*Script, error) {
	s := Source(name, src)
	if _, err := s.program(); err != nil {
		return nil, err
	}
	return s, nil
}

// Compile compiles src (in this process) as a script for any sandbox.
func (s *Sandbox) Compile(name, src string) (*Script, error) { return Compile(name, src) }

// Source is src as a script named name, not compiled yet.
func Source(name, src string) *Script {
	return &Script{Name: name, src: src, id: scriptIDs.Add(1)}
}

// program compiles the script in this process, once.
func (s *Script) program() (*sobek.Program, error) {
	s.once.Do(func() { s.prog, s.err = compile(s.Name, s.src) })
	return s.prog, s.err
}

func compile(name, src string) (*sobek.Program, error) {
	if err := checkNesting(src); err != nil {
		return nil, err
	}
	p, err := sobek.Compile(name, src, false)
	if err != nil {
		var se *sobek.CompilerSyntaxError
		if errors.As(err, &se) {
			return nil, &SyntaxError{Message: se.Error()}
		}
		return nil, &SyntaxError{Message: err.Error()}
	}
	return p, nil
}

// checkNesting refuses source whose bracket nesting passes MaxNesting, so
// that sobek's recursive-descent parser cannot exhaust the Go stack.
func checkNesting(src string) error {
	if engine.NestingExceeds(src, MaxNesting) {
		return &SyntaxError{Message: fmt.Sprintf("the code is nested too deeply (more than %d levels of brackets)", MaxNesting)}
	}
	return nil
}

// Set copies v (a copy graph, see FromGo) into the sandbox as the global
// name.
func (s *Sandbox) Set(name string, v any) error {
	return s.with(func() error {
		val, err := s.decode(v)
		if err != nil {
			return err
		}
		return s.rt.GlobalObject().DefineDataProperty(name, val, sobek.FLAG_TRUE, sobek.FLAG_TRUE, sobek.FLAG_TRUE)
	})
}

// decode builds v in the sandbox, recovering the codec's refusals.
func (s *Sandbox) decode(v any) (val sobek.Value, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = asError(r)
		}
	}()
	return newDecoder(s.realm).Decode(v), nil
}

func asError(r any) error {
	switch x := r.(type) {
	case *DataCloneError:
		return x
	case error:
		return x
	}
	return fmt.Errorf("sandbox: %v", r)
}

// with runs fn holding the sandbox (not re-entrantly) and not disposed.
func (s *Sandbox) with(fn func() error) error {
	if s.owner.Load() == goid.Get() {
		return limitErr(CodeBusy, "Error", "the sandbox is already running on this goroutine (an exported function cannot run the sandbox that called it)")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.disposed != nil {
		return s.disposed
	}
	s.owner.Store(goid.Get())
	defer s.owner.Store(0)
	return fn()
}

// Run runs script and returns its completion value as a copy. Errors:
// *ThrownError (the code threw; a copy), *LimitError (a limit, a
// cancellation, a disposed sandbox), *DataCloneError (the result cannot
// be copied).
func (s *Sandbox) Run(ctx context.Context, script *Script) (any, error) {
	return s.run(ctx, script, false)
}

// RunAsync is Run for code whose completion value may be a promise: it
// waits, within the run's limits, for the promise to settle (running the
// sandbox's jobs and its asynchronous host calls) and returns the
// fulfilled value, or a *ThrownError with the rejection.
func (s *Sandbox) RunAsync(ctx context.Context, script *Script) (any, error) {
	return s.run(ctx, script, true)
}

func (s *Sandbox) run(ctx context.Context, script *Script, await bool) (out any, err error) {
	if ctx == nil {
		ctx = context.Background()
	}
	err = s.with(func() error {
		runtime.LockOSThread()
		defer runtime.UnlockOSThread()
		w := s.arm(ctx)
		s.w = w
		defer func() { s.w = nil }()
		out, err = s.runArmed(w, script, await)
		// a limit reached during the copy-out reports as that limit
		if reason := w.disarm(); reason != nil && err != nil {
			if _, ok := err.(*LimitError); ok {
				err = reason
			}
		}
		if le, ok := err.(*LimitError); ok && le.Disposed {
			s.dispose(le)
		}
		return err
	})
	return out, err
}

// runArmed runs the script and copies its outcome out, all under the
// watch: a getter of the result, a thrown value's toString, a promise job
// are all bounded by the run's limits.
func (s *Sandbox) runArmed(w *watch, script *Script, await bool) (out any, err error) {
	defer func() {
		if r := recover(); r != nil {
			out, err = nil, s.fault(r)
		}
	}()
	prog, err := script.program()
	if err != nil {
		return nil, err
	}
	v, runErr := s.rt.RunProgram(prog)
	if runErr != nil {
		return nil, s.outcomeError(runErr)
	}
	if await {
		if v, err = s.await(w, v); err != nil {
			return nil, err
		}
	}
	return s.encode(w, v)
}

// encode copies v out of the sandbox under w. A throwing getter makes the
// run's outcome that exception.
func (s *Sandbox) encode(w *watch, v sobek.Value) (out any, err error) {
	defer func() {
		if r := recover(); r != nil {
			out, err = nil, s.panicError(r)
		}
	}()
	return newEncoder(s.realm, s.cap, w.stopped).Encode(v), nil
}

// panicError turns what a sobek call panicked with into the run's error.
func (s *Sandbox) panicError(r any) error {
	switch x := r.(type) {
	case *sobek.Exception:
		return s.outcomeError(x)
	case *sobek.InterruptedError, *sobek.StackOverflowError:
		return s.outcomeError(x.(error))
	case *DataCloneError:
		return x
	case errStopped:
		return limitErr(CodeTimeout, "Error", "the run's limit was reached while its result was copied")
	}
	return s.fault(r)
}

// fault is a Go panic out of the engine or the codec: the sandbox's state
// is unknown, so it is disposed.
func (s *Sandbox) fault(r any) error {
	if e, ok := r.(error); ok {
		var le *LimitError
		if errors.As(e, &le) {
			return le
		}
	}
	le := limitErr(CodeInternal, "Error", "sandbox internal error: %v", r)
	le.Disposed = true
	return le
}

// outcomeError turns an error of a sobek run into the run's error: a
// thrown value is copied (under the watch, which is still armed).
func (s *Sandbox) outcomeError(err error) error {
	switch x := err.(type) {
	case *sobek.Exception:
		v, cerr := s.encodeThrown(x.Value())
		if cerr != nil {
			return cerr
		}
		return &ThrownError{Value: v}
	case *sobek.InterruptedError:
		if le, ok := x.Value().(*LimitError); ok {
			return le
		}
		return limitErr(CodeInterrupted, "Error", "Script execution was interrupted")
	case *sobek.StackOverflowError:
		return limitErr(CodeStack, "RangeError", "Maximum call stack size exceeded")
	}
	return err
}

// encodeThrown copies a thrown value; if reading it throws again, the
// copy is an Error saying so (never a loop of throws).
func (s *Sandbox) encodeThrown(v sobek.Value) (out any, err error) {
	defer func() {
		if r := recover(); r != nil {
			switch x := r.(type) {
			case *sobek.InterruptedError, *sobek.StackOverflowError:
				err = s.outcomeError(x.(error))
			case *sobek.Exception:
				out, err = &Error{Name: "Error", Message: "a thrown value could not be copied: reading it threw"}, nil
			case *DataCloneError:
				out, err = &Error{Name: "DataCloneError", Message: x.Message}, nil
			case errStopped:
				err = limitErr(CodeTimeout, "Error", "the run's limit was reached while its thrown value was copied")
			default:
				err = s.fault(r)
			}
		}
	}()
	w := s.w
	var stop func() bool
	if w != nil {
		stop = w.stopped
	}
	return newEncoder(s.realm, s.cap, stop).Encode(v), nil
}

// await waits for v (if a promise of the sandbox) to settle.
func (s *Sandbox) await(w *watch, v sobek.Value) (sobek.Value, error) {
	o, ok := v.(*sobek.Object)
	if !ok {
		return v, nil
	}
	p, ok := o.Export().(*sobek.Promise)
	if !ok || o.ExportType() != promiseType {
		return v, nil
	}
	for p.State() == sobek.PromiseStatePending {
		if s.inflight.Load() == 0 && len(s.async) == 0 {
			return nil, limitErr(CodePending, "Error", "the promise of the run never settled (nothing it waits for is pending)")
		}
		select {
		case f := <-s.async:
			f()
		case <-w.fired:
			return nil, w.reasonOr()
		}
	}
	if p.State() == sobek.PromiseStateRejected {
		v, err := s.encodeThrown(p.Result())
		if err != nil {
			return nil, err
		}
		return nil, &ThrownError{Value: v}
	}
	return p.Result(), nil
}

// dispose marks the sandbox unusable with reason.
func (s *Sandbox) dispose(reason *LimitError) {
	if s.disposed == nil {
		d := *reason
		d.Message = "the sandbox is disposed: " + reason.Message
		d.Code = CodeDisposed
		s.disposed = &d
	}
}

// Close disposes the sandbox: later runs fail, pending host calls are
// cancelled. It waits for a run in progress to end.
func (s *Sandbox) Close() {
	if s.closed.Swap(true) {
		return
	}
	s.cancelBg()
	if s.owner.Load() == goid.Get() {
		s.disposed = limitErr(CodeDisposed, "Error", "the sandbox is disposed")
		return
	}
	s.mu.Lock()
	if s.disposed == nil {
		s.disposed = limitErr(CodeDisposed, "Error", "the sandbox is disposed")
	}
	s.mu.Unlock()
}

// Disposed reports whether the sandbox can no longer run.
func (s *Sandbox) Disposed() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.disposed != nil
}
