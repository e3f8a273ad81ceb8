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
	m := &module{h: h, rt: h.Runtime, realm: realm}
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
	set("dispose", func(c sobek.FunctionCall) sobek.Value {
		m.sandbox(c.Argument(0)).Close()
		return sobek.Undefined()
	})
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

func (m *module) sandbox(v sobek.Value) core.Instance {
	s, ok := m.unwrap(v).(core.Instance)
	if !ok {
		panic(m.rt.NewTypeError("not a sandbox handle"))
	}
	return s
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

// export makes a host function callable in the sandbox: it runs on the
// host's goroutine (the sandbox runs there too), with copies.
func (m *module) export(c sobek.FunctionCall) sobek.Value {
	s := m.sandbox(c.Argument(0))
	fn, _ := sobek.AssertFunction(c.Argument(2))
	err := s.Export(c.Argument(1).String(), func(args []any) (any, error) {
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
		g, err := m.realm.Encode(r)
		if err != nil {
			return nil, m.fromHost(err)
		}
		return g, nil
	})
	if err != nil {
		panic(m.toHost(err))
	}
	return sobek.Undefined()
}

// fromHost turns a host function's failure into an error the sandbox
// re-creates as a fresh error: only its name and message cross.
func (m *module) fromHost(err error) error {
	var ex *sobek.Exception
	if errors.As(err, &ex) {
		if o, ok := ex.Value().(*sobek.Object); ok && o.ClassName() == "Error" {
			g, gerr := m.realm.Encode(o)
			if e, ok := g.(*core.Error); gerr == nil && ok {
				return &core.Error{Name: e.Name, Message: e.Message}
			}
		}
		return &core.Error{Name: "Error", Message: ex.Value().String()}
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

func (m *module) run(c sobek.FunctionCall) sobek.Value {
	s := m.sandbox(c.Argument(0))
	var script *core.Script
	if sobek.IsString(c.Argument(1)) {
		// compiled where it runs: in the worker for a process sandbox
		script = core.Source("sandbox.js", c.Argument(1).String())
	} else {
		script = m.unwrap(c.Argument(1)).(*core.Script)
	}
	var v any
	var err error
	if c.Argument(2).ToBoolean() {
		v, err = s.RunAsync(context.Background(), script)
	} else {
		v, err = s.Run(context.Background(), script)
	}
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
