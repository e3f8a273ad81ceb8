// Package sandbox is the jsvm:sandbox builtin: the JavaScript face of
// jsvm's Sandbox (one core, internal/sandbox). Values cross between the
// host's realm and a sandbox only as structured-clone copies; a sandbox's
// errors reach the host as fresh errors of the host's realm.
package sandbox

import (
	"context"
	_ "embed"
	"errors"
	"sync"
	"time"

	"github.com/grafana/sobek"
	"github.com/jsvm-dev/jsvm/internal/goid"
	"github.com/jsvm-dev/jsvm/internal/nodeerr"
	core "github.com/jsvm-dev/jsvm/internal/sandbox"
	"github.com/jsvm-dev/jsvm/node/host"
)

//go:embed sandbox.js
var source string

var program = sync.OnceValues(func() (*sobek.Program, error) {
	return sobek.Compile("jsvm:sandbox", source, true)
})

type module struct {
	h     *host.Host
	rt    *sobek.Runtime
	realm *core.Realm
	hostG uint64 // the host's goroutine

	// the sandboxes with a runAsync in flight (used on the host's
	// goroutine only)
	async map[core.Instance]*asyncRuns
}

// asyncRuns are a sandbox's runAsync calls in flight: they run one after
// the other (in call order) on their own goroutine, while the host's
// event loop goes on.
type asyncRuns struct {
	n      int
	last   chan struct{} // closed when the latest one ends
	closed bool          // disposed: Close once they end
}

// Load is the jsvm:sandbox builtin's loader.
func Load(h *host.Host, mod *sobek.Object) error {
	p, err := program()
	if err != nil {
		return err
	}
	realm, err := core.NewRealm(h.Runtime)
	if err != nil {
		return err
	}
	m := &module{h: h, rt: h.Runtime, realm: realm, hostG: goid.Get(), async: map[core.Instance]*asyncRuns{}}
	rt := m.rt
	natives := rt.NewObject()
	set := func(name string, fn func(sobek.FunctionCall) sobek.Value) { _ = natives.Set(name, fn) }
	set("invalidArgType", func(c sobek.FunctionCall) sobek.Value {
		return nodeerr.InvalidArgType(rt, c.Argument(0).String(), c.Argument(1).String(), c.Argument(2))
	})
	set("outOfRange", func(c sobek.FunctionCall) sobek.Value {
		return nodeerr.OutOfRange(rt, c.Argument(0).String(), c.Argument(1).String(), c.Argument(2))
	})
	set("create", m.create)
	set("set", m.set)
	set("exportFn", m.export)
	set("run", m.run)
	set("compile", m.compile)
	set("compileIn", m.compileIn)
	set("memory", m.memory)
	set("runAsync", m.runAsync)
	set("warmWorkers", func(c sobek.FunctionCall) sobek.Value {
		core.WarmWorkers(int(c.Argument(0).ToInteger()))
		return sobek.Undefined()
	})
	set("dispose", m.dispose)
	fv, err := rt.RunProgram(p)
	if err != nil {
		return err
	}
	fn, _ := sobek.AssertFunction(fv)
	exports, err := fn(sobek.Undefined(), natives)
	if err != nil {
		return err
	}
	return mod.Set("exports", exports)
}

// box carries a Go value through the JS class without exposing it: the
// class keeps it in a WeakMap, and host code only ever sees an opaque
// object.
type box struct{ v any }

func (m *module) wrap(v any) sobek.Value {
	o := m.rt.NewObject()
	_ = o.DefineDataProperty("__box", m.rt.ToValue(&box{v}), sobek.FLAG_FALSE, sobek.FLAG_FALSE, sobek.FLAG_FALSE)
	return o
}

func (m *module) unwrap(v sobek.Value) any {
	if o, ok := v.(*sobek.Object); ok {
		if b, ok := o.Get("__box").Export().(*box); ok {
			return b.v
		}
	}
	panic(m.rt.NewTypeError("not a sandbox handle"))
}

// sandbox is the sandbox of a handle, for a synchronous use: while a
// runAsync of it is in flight, that is ERR_SANDBOX_BUSY (waiting for it
// here would block the event loop that its exported functions need).
func (m *module) sandbox(v sobek.Value) core.Instance {
	s := m.handle(v)
	if st := m.async[s]; st != nil {
		if st.closed {
			panic(nodeerr.New(m.rt, "Error", core.CodeDisposed, "the sandbox is disposed"))
		}
		panic(nodeerr.New(m.rt, "Error", core.CodeBusy, "the sandbox is running asynchronously (a runAsync is in flight): await it first"))
	}
	return s
}

func (m *module) handle(v sobek.Value) core.Instance {
	s, ok := m.unwrap(v).(core.Instance)
	if !ok {
		panic(m.rt.NewTypeError("not a sandbox handle"))
	}
	return s
}

func (m *module) dispose(c sobek.FunctionCall) sobek.Value {
	s := m.handle(c.Argument(0))
	if st := m.async[s]; st != nil {
		// the runs in flight end first (as Close waits for a run)
		st.closed = true
		return sobek.Undefined()
	}
	s.Close()
	return sobek.Undefined()
}

// runAsync runs on its own goroutine and settles a promise of the host
// on the host's goroutine: the event loop goes on meanwhile, so that the
// host's promises, timers and I/O (and its exported functions, posted to
// the loop) work while the sandbox waits.
func (m *module) runAsync(c sobek.FunctionCall) sobek.Value {
	s := m.handle(c.Argument(0))
	if st := m.async[s]; st != nil && st.closed {
		panic(nodeerr.New(m.rt, "Error", core.CodeDisposed, "the sandbox is disposed"))
	}
	script := m.script(c.Argument(1))
	p, resolve, reject := m.rt.NewPromise()
	st := m.async[s]
	if st == nil {
		st = &asyncRuns{}
		m.async[s] = st
	}
	st.n++
	prev, done := st.last, make(chan struct{})
	st.last = done
	m.h.Ref()
	go func() {
		if prev != nil {
			<-prev
		}
		v, err := s.RunAsync(context.Background(), script)
		close(done)
		m.h.Post(func() {
			m.h.Unref()
			if st.n--; st.n == 0 {
				delete(m.async, s)
				if st.closed {
					s.Close()
				}
			}
			if err != nil {
				_ = reject(m.toHost(err))
				return
			}
			r, derr := m.realm.Decode(v)
			if derr != nil {
				_ = reject(m.toHost(derr))
				return
			}
			_ = resolve(r)
		})
	}()
	return m.rt.ToValue(p)
}

func (m *module) create(c sobek.FunctionCall) sobek.Value {
	opts := core.Options{
		MemoryLimit:  c.Argument(0).ToInteger(),
		Timeout:      time.Duration(c.Argument(1).ToInteger()) * time.Millisecond,
		CPULimit:     time.Duration(c.Argument(2).ToInteger()) * time.Millisecond,
		MaxCallDepth: int(c.Argument(3).ToInteger()),
	}
	if c.Argument(4).ToBoolean() {
		opts.Console = m.h.Options.Stdout
	}
	var s core.Instance
	var err error
	if c.Argument(5).ToBoolean() {
		s, err = core.NewRemote(opts)
	} else {
		s, err = core.New(opts)
	}
	if err != nil {
		panic(m.toHost(err))
	}
	return m.wrap(s)
}

func (m *module) set(c sobek.FunctionCall) sobek.Value {
	s := m.sandbox(c.Argument(0))
	g, err := m.realm.Encode(c.Argument(2))
	if err == nil {
		err = s.Set(c.Argument(1).String(), g)
	}
	if err != nil {
		panic(m.toHost(err))
	}
	return sobek.Undefined()
}

// export makes a host function callable in the sandbox, with copies. It
// runs on the host's goroutine: directly during a run (which holds that
// goroutine), posted to the event loop during a runAsync. A host function
// that returns a promise gives the sandbox a promise of its own, settled
// (with a copy) when the host's settles.
func (m *module) export(c sobek.FunctionCall) sobek.Value {
	s := m.sandbox(c.Argument(0))
	fn, _ := sobek.AssertFunction(c.Argument(2))
	err := s.Export(c.Argument(1).String(), func(args []any) (any, error) {
		if goid.Get() == m.hostG {
			return m.callExport(fn, args)
		}
		type result struct {
			v   any
			err error
		}
		ch := make(chan result, 1)
		m.h.Post(func() {
			r := result{err: errors.New("the exported function failed")}
			defer func() { ch <- r }()
			r.v, r.err = m.callExport(fn, args)
		})
		r := <-ch
		return r.v, r.err
	})
	if err != nil {
		panic(m.toHost(err))
	}
	return sobek.Undefined()
}

// callExport calls a host function with copies of args (on the host's
// goroutine).
func (m *module) callExport(fn sobek.Callable, args []any) (any, error) {
	vals := make([]sobek.Value, len(args))
	for i, a := range args {
		v, err := m.realm.Decode(a)
		if err != nil {
			return nil, err
		}
		vals[i] = v
	}
	r, err := fn(sobek.Undefined(), vals...)
	if err != nil {
		return nil, m.fromHost(err)
	}
	if o, ok := r.(*sobek.Object); ok {
		if _, ok := o.Export().(*sobek.Promise); ok {
			return m.later(o)
		}
	}
	g, err := m.realm.Encode(r)
	if err != nil {
		return nil, m.fromHost(err)
	}
	return g, nil
}

// later answers with a host promise's outcome, copied when it settles.
func (m *module) later(p *sobek.Object) (any, error) {
	type result struct {
		v   any
		err error
	}
	ch := make(chan result, 1)
	then, ok := sobek.AssertFunction(p.Get("then"))
	if !ok {
		return nil, &core.Error{Name: "TypeError", Message: "the exported function returned a promise without then"}
	}
	onFulfilled := m.rt.ToValue(func(c sobek.FunctionCall) sobek.Value {
		g, err := m.realm.Encode(c.Argument(0))
		if err != nil {
			err = m.fromHost(err)
		}
		ch <- result{g, err}
		return sobek.Undefined()
	})
	onRejected := m.rt.ToValue(func(c sobek.FunctionCall) sobek.Value {
		ch <- result{nil, m.reason(c.Argument(0))}
		return sobek.Undefined()
	})
	if _, err := then(p, onFulfilled, onRejected); err != nil {
		return nil, m.fromHost(err)
	}
	return core.Later(func(ctx context.Context) (any, error) {
		select {
		case r := <-ch:
			return r.v, r.err
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}), nil
}

// reason is a thrown value or rejection of the host as the error the
// sandbox re-creates: only an error's name and message cross.
func (m *module) reason(v sobek.Value) (err error) {
	defer func() {
		if recover() != nil {
			err = &core.Error{Name: "Error", Message: "the exported function failed"}
		}
	}()
	if o, ok := v.(*sobek.Object); ok && o.ClassName() == "Error" {
		g, gerr := m.realm.Encode(o)
		if e, ok := g.(*core.Error); gerr == nil && ok {
			return &core.Error{Name: e.Name, Message: e.Message}
		}
	}
	return &core.Error{Name: "Error", Message: v.String()}
}

// fromHost turns a host function's failure into an error the sandbox
// re-creates as a fresh error: only its name and message cross.
func (m *module) fromHost(err error) error {
	var ex *sobek.Exception
	if errors.As(err, &ex) {
		return m.reason(ex.Value())
	}
	var ce *core.DataCloneError
	if errors.As(err, &ce) {
		return &core.Error{Name: "TypeError", Message: ce.Error()}
	}
	return &core.Error{Name: "Error", Message: err.Error()}
}

func (m *module) compile(c sobek.FunctionCall) sobek.Value {
	s, err := core.Compile(c.Argument(1).String(), c.Argument(0).String())
	if err != nil {
		panic(m.toHost(err))
	}
	return m.wrap(s)
}

// compileIn compiles in a sandbox: for a process sandbox, in its worker.
func (m *module) compileIn(c sobek.FunctionCall) sobek.Value {
	s, err := m.sandbox(c.Argument(0)).Compile(c.Argument(2).String(), c.Argument(1).String())
	if err != nil {
		panic(m.toHost(err))
	}
	return m.wrap(s)
}

func (m *module) script(v sobek.Value) *core.Script {
	if sobek.IsString(v) {
		// compiled where it runs: in the worker for a process sandbox
		return core.Source("sandbox.js", v.String())
	}
	script, ok := m.unwrap(v).(*core.Script)
	if !ok {
		panic(m.rt.NewTypeError("not a script handle"))
	}
	return script
}

func (m *module) run(c sobek.FunctionCall) sobek.Value {
	s := m.sandbox(c.Argument(0))
	v, err := s.Run(context.Background(), m.script(c.Argument(1)))
	if err != nil {
		panic(m.toHost(err))
	}
	r, err := m.realm.Decode(v)
	if err != nil {
		panic(m.toHost(err))
	}
	return r
}

func (m *module) memory(c sobek.FunctionCall) sobek.Value {
	n, err := m.sandbox(c.Argument(0)).MemoryUsage()
	if err != nil {
		panic(m.toHost(err))
	}
	return m.rt.ToValue(n)
}

// toHost turns a sandbox error into a fresh error of the host's realm.
func (m *module) toHost(err error) sobek.Value {
	switch e := err.(type) {
	case *core.ThrownError:
		if ce, ok := e.Value.(*core.Error); ok {
			return m.realm.NewError(ce.Name, ce.Message)
		}
		v, derr := m.realm.Decode(e.Value)
		if derr != nil {
			return m.realm.NewError("Error", e.Error())
		}
		return v
	case *core.LimitError:
		return nodeerr.New(m.rt, e.Name, e.Code, e.Message)
	case *core.DataCloneError:
		o := nodeerr.New(m.rt, "Error", e.Code(), e.Message)
		_ = o.DefineDataProperty("name", m.rt.ToValue("DataCloneError"), sobek.FLAG_TRUE, sobek.FLAG_TRUE, sobek.FLAG_FALSE)
		return o
	case *core.SyntaxError:
		return nodeerr.New(m.rt, "SyntaxError", core.CodeSyntax, e.Message)
	}
	return nodeerr.New(m.rt, "Error", "ERR_SANDBOX", err.Error())
}
