package jsvm

import (
	"context"

	"github.com/grafana/sobek"
	"github.com/jsvm-dev/jsvm/internal/core"
	"github.com/jsvm-dev/jsvm/internal/engine"
)

// FunctionOptions are vm.compileFunction's options. The zero value is
// Node's default.
type FunctionOptions struct {
	// Filename is used in stack traces; Node's default is "".
	Filename     string
	LineOffset   int
	ColumnOffset int
	// Extensions are objects whose properties the body sees as variables
	// (contextExtensions), later ones shadowing earlier ones. Each is a
	// Value of this isolate or a Go map or struct pointer.
	Extensions []any
}

// CompileFunction compiles code as the body of a function with params and
// returns the function, bound to this context's globals:
// vm.compileFunction(code, params, {parsingContext: c}). An invalid body
// or parameter list is a *SyntaxError.
func (c *Context) CompileFunction(ctx context.Context, code string, params []string, opts FunctionOptions) (Value, error) {
	if err := c.check(); err != nil {
		return Value{}, err
	}
	f, err := core.CompileFunction(code, core.FunctionOptions{
		Filename: opts.Filename, LineOffset: opts.LineOffset, ColumnOffset: opts.ColumnOffset,
		Params: params, Extensions: core.ExtensionScopes(len(opts.Extensions)),
	})
	if err != nil {
		return Value{}, c.iso.thrown(err, c.c)
	}
	if err := c.iso.enter(); err != nil {
		return Value{}, err
	}
	defer c.iso.exit()
	v, err := c.iso.run(ctx, RunOptions{}, func() (sobek.Value, error) {
		if engine.MayAwait(code) {
			if err := c.c.EnsureAwaitHook(); err != nil {
				return nil, err
			}
		}
		v, err := c.c.RunProgram(f.Program)
		if err != nil || len(opts.Extensions) == 0 {
			return v, err
		}
		// the program is a factory taking the extension objects
		factory, ok := sobek.AssertFunction(v)
		if !ok {
			return v, nil
		}
		args := make([]sobek.Value, len(opts.Extensions))
		for i, e := range opts.Extensions {
			a, err := c.iso.toJS(e, c.c)
			if err != nil {
				return nil, err
			}
			args[i] = a
		}
		return factory(sobek.Undefined(), c.c.ExtensionArgs(args)...)
	})
	if err != nil {
		return Value{}, c.iso.thrown(err, c.c)
	}
	return Value{v: v, c: c.c, iso: c.iso}, nil
}
