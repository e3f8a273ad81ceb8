package jsvm

import (
	"context"

	"github.com/grafana/sobek"
	"github.com/jsvm-dev/jsvm/internal/core"
)

// Context is a JavaScript realm with its own global object and builtins.
// A context made by NewContext has a sandbox: an object of the main
// context whose properties are the context's globals.
type Context struct {
	iso     *Isolate
	c       *core.Context
	sandbox *sobek.Object // in the main context; nil for the main context
}

// Isolate returns the isolate the context belongs to.
func (c *Context) Isolate() *Isolate { return c.iso }

// Name returns the context's name.
func (c *Context) Name() string { return c.c.Name() }

// Sandbox returns the contextified object (as a value of the main context),
// or the global object for the main context.
func (c *Context) Sandbox() Value {
	if c.sandbox == nil {
		return Value{v: c.c.Global(), c: c.c, iso: c.iso}
	}
	return Value{v: c.sandbox, c: c.iso.core.Main(), iso: c.iso}
}

// Get reads a global of the context.
func (c *Context) Get(name string) (Value, error) {
	if err := c.iso.enter(); err != nil {
		return Value{}, err
	}
	defer c.iso.exit()
	var v sobek.Value
	ex := c.c.Runtime().Try(func() { v = c.c.Global().Get(name) })
	if ex != nil {
		return Value{}, c.iso.thrown(ex, c.c)
	}
	if v == nil {
		v = sobek.Undefined()
	}
	return Value{v: v, c: c.c, iso: c.iso}, nil
}

// Set assigns a global of the context. value is a Value of this isolate or
// a Go value (converted with the engine's Go mapping).
func (c *Context) Set(name string, value any) error {
	if err := c.iso.enter(); err != nil {
		return err
	}
	defer c.iso.exit()
	v := c.iso.toJS(value, c.c)
	ex := c.c.Runtime().Try(func() {
		if err := c.c.Global().Set(name, v); err != nil {
			panic(err)
		}
	})
	if ex != nil {
		return c.iso.thrown(ex, c.c)
	}
	return nil
}

// Run compiles code and runs it in the context: vm.runInContext. The
// result is the value of the last statement.
func (c *Context) Run(ctx context.Context, code string, opts ScriptOptions) (Value, error) {
	s, err := Compile(code, opts)
	if err != nil {
		return Value{}, err
	}
	return c.RunScript(ctx, s, RunOptions{})
}

// RunScript runs a compiled script in the context: script.runInContext.
// Cancelling ctx, or the run's Timeout, stops the script wherever it is
// with an *InterruptedError. A run from Go is an outer task: the promise
// jobs it queues run before RunScript returns, inside its timeout.
func (c *Context) RunScript(ctx context.Context, s *Script, opts RunOptions) (Value, error) {
	if err := c.iso.enter(); err != nil {
		return Value{}, err
	}
	defer c.iso.exit()
	v, err := c.iso.run(ctx, opts, func() (sobek.Value, error) { return c.c.Run(s.s) })
	if err != nil {
		return Value{}, c.iso.thrown(err, c.c)
	}
	return Value{v: v, c: c.c, iso: c.iso}, nil
}

// toJS converts a Go value or a Value into a value of realm to.
func (iso *Isolate) toJS(x any, to *core.Context) sobek.Value {
	switch v := x.(type) {
	case Value:
		if v.v == nil {
			return sobek.Undefined()
		}
		return core.Carry(v.v, v.c, to)
	case *Value:
		return iso.toJS(*v, to)
	}
	return to.Runtime().ToValue(x)
}
