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
func (c *Context) Isolate() *Isolate {
	if c == nil {
		return nil
	}
	return c.iso
}

// Name returns the context's name.
func (c *Context) Name() string {
	if c == nil || c.c == nil {
		return ""
	}
	return c.c.Name()
}

// check reports a nil context.
func (c *Context) check() error {
	if c == nil || c.c == nil || c.iso == nil {
		return errNil("Context")
	}
	return nil
}

// enter checks c and enters its isolate.
func (c *Context) enter() error {
	if err := c.check(); err != nil {
		return err
	}
	return c.iso.enter()
}

// Sandbox returns the contextified object (as a value of the main context),
// or the global object for the main context.
func (c *Context) Sandbox() Value {
	if c.check() != nil {
		return Value{}
	}
	if c.sandbox == nil {
		return Value{v: c.c.Global(), c: c.c, iso: c.iso}
	}
	return Value{v: c.sandbox, c: c.iso.core.Main(), iso: c.iso}
}

// Global returns the context's global object: what scripts in it see as
// globalThis.
func (c *Context) Global() Value {
	if c.check() != nil {
		return Value{}
	}
	return Value{v: c.c.Global(), c: c.c, iso: c.iso}
}

// Get reads a global of the context (a getter it meets runs, bounded by
// ctx and the isolate's DefaultTimeout).
func (c *Context) Get(ctx context.Context, name string) (Value, error) {
	if err := c.check(); err != nil {
		return Value{}, err
	}
	return c.Global().Get(ctx, name)
}

// Set assigns a global of the context. value is a Value of this isolate or
// a Go value (converted as the package documentation describes).
func (c *Context) Set(ctx context.Context, name string, value any) error {
	if err := c.check(); err != nil {
		return err
	}
	return c.Global().Set(ctx, name, value)
}

// Run compiles code and runs it in the context: vm.runInContext. The
// result is the value of the last statement; opts holds both the compile
// options and the run's Timeout.
func (c *Context) Run(ctx context.Context, code string, opts RunOptions) (Value, error) {
	if err := c.check(); err != nil {
		return Value{}, err
	}
	s, err := Compile(code, ScriptOptions{Filename: opts.Filename, LineOffset: opts.LineOffset, ColumnOffset: opts.ColumnOffset})
	if err != nil {
		return Value{}, err
	}
	return c.RunScript(ctx, s, opts)
}

// RunScript runs a compiled script in the context: script.runInContext.
// Cancelling ctx, or the run's Timeout, stops the script wherever it is
// with an *InterruptedError. A run from Go is an outer task: the promise
// jobs it queues run before RunScript returns, inside its timeout.
func (c *Context) RunScript(ctx context.Context, s *Script, opts RunOptions) (Value, error) {
	if err := c.check(); err != nil {
		return Value{}, err
	}
	if s == nil || s.s == nil {
		return Value{}, errNil("Script")
	}
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

// NewObject returns a new empty object of the context.
func (c *Context) NewObject() (Value, error) {
	if err := c.enter(); err != nil {
		return Value{}, err
	}
	defer c.iso.exit()
	o, err := c.c.Runtime().New(c.c.Builtins().Get("Object"))
	if err != nil {
		return Value{}, c.iso.thrown(err, c.c)
	}
	return Value{v: o, c: c.c, iso: c.iso}, nil
}

// NewArray returns a new array of the context holding items (Values of
// this isolate or Go values, converted).
func (c *Context) NewArray(items ...any) (Value, error) {
	if err := c.enter(); err != nil {
		return Value{}, err
	}
	defer c.iso.exit()
	vals := make([]any, len(items))
	for i, x := range items {
		v, err := c.iso.toJS(x, c.c)
		if err != nil {
			return Value{}, err
		}
		vals[i] = v
	}
	var arr sobek.Value
	if err := c.c.Guard(func() { arr = c.c.Runtime().NewArray(vals...) }); err != nil {
		return Value{}, c.iso.thrown(err, c.c)
	}
	return Value{v: arr, c: c.c, iso: c.iso}, nil
}

// NewError returns a new error of the context: name is the constructor
// ("Error", "TypeError", "RangeError", ...; an unknown name makes an
// Error), message its message.
func (c *Context) NewError(name, message string) (Value, error) {
	if err := c.enter(); err != nil {
		return Value{}, err
	}
	defer c.iso.exit()
	var e sobek.Value
	if err := c.c.Guard(func() { e = c.c.NewError(name, message) }); err != nil {
		return Value{}, c.iso.thrown(err, c.c)
	}
	return Value{v: e, c: c.c, iso: c.iso}, nil
}

// toJS converts a Go value or a Value into a value of realm to.
func (iso *Isolate) toJS(x any, to *core.Context) (sobek.Value, error) {
	switch v := x.(type) {
	case Value:
		if v.v == nil {
			return sobek.Undefined(), nil
		}
		if v.iso != iso {
			return nil, ErrOtherIsolate
		}
		return core.Carry(v.v, v.c, to), nil
	case *Value:
		if v == nil {
			return sobek.Undefined(), nil
		}
		return iso.toJS(*v, to)
	}
	r, err := to.ToJS(x)
	if err != nil {
		return nil, iso.thrown(err, to)
	}
	return r, nil
}

// NewPromise returns a new pending promise of the context and the
// functions that settle it (a value or a Value; settling twice does
// nothing). Call them where the isolate is yours: from a Go function
// JavaScript called, or between Lock and Unlock on another goroutine.
// Awaiting it then gives the value, or an *Error holding the reason.
func (c *Context) NewPromise() (p *Promise, resolve, reject func(value any) error, err error) {
	if err := c.enter(); err != nil {
		return nil, nil, nil, err
	}
	defer c.iso.exit()
	rt := c.c.Runtime()
	sp, res, rej := rt.NewPromise()
	p = &Promise{p: sp, c: c.c, iso: c.iso}
	settle := func(fn func(any) error) func(any) error {
		return func(value any) error {
			if err := c.iso.enter(); err != nil {
				return err
			}
			defer c.iso.exit()
			v, err := c.iso.toJS(value, c.c)
			if err != nil {
				return err
			}
			_, err = c.iso.run(context.Background(), RunOptions{}, func() (sobek.Value, error) {
				return nil, c.c.Guard(func() {
					if !p.Pending() {
						return
					}
					if err := fn(v); err != nil {
						panic(err)
					}
				})
			})
			return c.iso.thrown(err, c.c)
		}
	}
	return p, settle(res), settle(rej), nil
}
