package sandbox

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/grafana/sobek"
)

// Export defines the global name as a function created inside the
// sandbox (its prototype chain and .constructor are the sandbox's own)
// that calls fn: arguments are copied out, the result copied in, fn's
// error becomes a fresh sandbox error, a Go panic a sandbox Error. `this`
// is ignored and the function is not a constructor.
func (s *Sandbox) Export(name string, fn HostFunc) error {
	return s.with(func() error {
		return s.defineGlobalFunc(s.rt.GlobalObject(), name, s.hostFunc(name, fn))
	})
}

// ExportAsync defines the global name as a function that returns a promise
// of the sandbox, settled with fn's outcome; fn runs on its own goroutine.
// The promise settles while a RunAsync of the sandbox waits.
func (s *Sandbox) ExportAsync(name string, fn AsyncHostFunc) error {
	return s.with(func() error {
		return s.defineGlobalFunc(s.rt.GlobalObject(), name, s.asyncHostFunc(name, fn))
	})
}

func (s *Sandbox) defineGlobalFunc(on *sobek.Object, name string, f func(sobek.FunctionCall) sobek.Value) error {
	fo := s.rt.ToValue(f).(*sobek.Object)
	_ = fo.DefineDataProperty("name", s.rt.ToValue(name), sobek.FLAG_FALSE, sobek.FLAG_TRUE, sobek.FLAG_FALSE)
	if _, err := s.freeze(sobek.Undefined(), fo); err != nil {
		return err
	}
	return on.DefineDataProperty(name, fo, sobek.FLAG_FALSE, sobek.FLAG_FALSE, sobek.FLAG_TRUE)
}

// args copies a call's arguments out (under the run's watch).
func (s *Sandbox) args(call sobek.FunctionCall) []any {
	var stop func() bool
	if s.w != nil {
		stop = s.w.stopped
	}
	enc := newEncoder(s.realm, s.cap, stop)
	out := make([]any, len(call.Arguments))
	for i, a := range call.Arguments {
		out[i] = s.encodeArg(enc, a)
	}
	return out
}

func (s *Sandbox) encodeArg(enc *encoder, a sobek.Value) any {
	defer func() {
		if r := recover(); r != nil {
			if ce, ok := r.(*DataCloneError); ok {
				panic(s.newError("TypeError", ce.Error()))
			}
			if _, ok := r.(errStopped); ok {
				s.rt.Interrupt(s.w.reasonOr())
				panic(s.newError("Error", "interrupted"))
			}
			panic(r)
		}
	}()
	return enc.Encode(a)
}

// result copies a host function's outcome in, or throws its error.
func (s *Sandbox) result(name string, v any, err error) sobek.Value {
	if err != nil {
		panic(s.hostError(err))
	}
	val, derr := s.decode(v)
	if derr != nil {
		panic(s.newError("TypeError", fmt.Sprintf("the result of %s could not be copied: %v", name, derr)))
	}
	return val
}

func (s *Sandbox) hostError(err error) *sobek.Object {
	if e, ok := err.(*Error); ok {
		return s.newError(e.Name, e.Message)
	}
	return s.newError("Error", err.Error())
}

func (s *Sandbox) hostFunc(name string, fn HostFunc) func(sobek.FunctionCall) sobek.Value {
	return func(call sobek.FunctionCall) sobek.Value {
		args := s.args(call)
		v, err := callHost(name, func() (any, error) { return fn(args) })
		if later, ok := v.(Later); ok && err == nil {
			return s.promiseOf(name, later)
		}
		return s.result(name, v, err)
	}
}

// callHost calls a host function, turning a Go panic into an error.
func callHost(name string, f func() (any, error)) (v any, err error) {
	defer func() {
		if r := recover(); r != nil {
			v, err = nil, &Error{Name: "Error", Message: "the exported function " + name + " failed"}
		}
	}()
	return f()
}

func (s *Sandbox) asyncHostFunc(name string, fn AsyncHostFunc) func(sobek.FunctionCall) sobek.Value {
	return func(call sobek.FunctionCall) sobek.Value {
		args := s.args(call)
		return s.promiseOf(name, func(ctx context.Context) (any, error) { return fn(ctx, args) })
	}
}

// promiseOf is a promise of the sandbox settled with later's outcome;
// later runs on its own goroutine, its completion is applied on the run's
// goroutine while a RunAsync waits.
func (s *Sandbox) promiseOf(name string, later Later) sobek.Value {
	p, resolve, reject := s.rt.NewPromise()
	s.inflight.Add(1)
	ctx := s.bg
	go func() {
		v, err := callHost(name, func() (any, error) { return later(ctx) })
		s.async <- func() {
			s.inflight.Add(-1)
			if err != nil {
				_ = reject(s.hostError(err))
				return
			}
			val, derr := s.decode(v)
			if derr != nil {
				_ = reject(s.newError("TypeError", fmt.Sprintf("the result of %s could not be copied: %v", name, derr)))
				return
			}
			_ = resolve(val)
		}
	}()
	return s.rt.ToValue(p)
}

// installConsole gives the sandbox a console writing to out.
func (s *Sandbox) installConsole(out io.Writer) error {
	c := s.rt.NewObject()
	for _, m := range []string{"log", "info", "warn", "error", "debug", "trace"} {
		f := func(call sobek.FunctionCall) sobek.Value {
			parts := make([]string, len(call.Arguments))
			for i, a := range call.Arguments {
				parts[i] = s.consoleText(a)
			}
			_, _ = io.WriteString(out, strings.Join(parts, " ")+"\n")
			return sobek.Undefined()
		}
		if err := s.defineGlobalFunc(c, m, f); err != nil {
			return err
		}
	}
	return s.rt.GlobalObject().DefineDataProperty("console", c, sobek.FLAG_TRUE, sobek.FLAG_TRUE, sobek.FLAG_FALSE)
}

func (s *Sandbox) consoleText(a sobek.Value) (text string) {
	defer func() {
		if r := recover(); r != nil {
			if _, ok := r.(*DataCloneError); ok {
				text = "[" + a.ExportType().String() + "]"
				if _, fn := sobek.AssertFunction(a); fn {
					text = "[Function]"
				}
				return
			}
			panic(r)
		}
	}()
	var stop func() bool
	if s.w != nil {
		stop = s.w.stopped
	}
	return Describe(newEncoder(s.realm, 1<<20, stop).Encode(a))
}
