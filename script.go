package jsvm

import (
	"context"

	"github.com/jsvm-dev/jsvm/internal/core"
	"github.com/jsvm-dev/jsvm/internal/stack"
)

// Script is compiled code: vm.Script. It is bound to no context and may run
// in any context of any isolate, any number of times, from several
// goroutines at once.
type Script struct {
	s *core.Script
}

// Compile compiles a classic script: new vm.Script(code, options). A
// compile error is a *SyntaxError with the position, offsets applied.
func Compile(code string, opts ScriptOptions) (*Script, error) {
	if opts.Filename == "" {
		opts.Filename = core.DefaultFilename
	}
	// for V8's columns and words in errors (see Error)
	stack.Register(opts.Filename, code, opts.LineOffset, opts.ColumnOffset)
	s, err := core.Compile(code, core.ScriptOptions{
		Filename: opts.Filename, LineOffset: opts.LineOffset, ColumnOffset: opts.ColumnOffset,
	})
	if err != nil {
		if se, ok := err.(*core.SyntaxError); ok {
			return nil, &SyntaxError{Message: se.Message, Filename: se.Filename, Line: se.Line, Column: se.Column}
		}
		return nil, err
	}
	return &Script{s: s}, nil
}

// Filename returns the script's filename.
func (s *Script) Filename() string {
	if s == nil || s.s == nil {
		return ""
	}
	return s.s.Options.Filename
}

// RunInContext runs the script in c: script.runInContext(c).
func (s *Script) RunInContext(ctx context.Context, c *Context, opts RunOptions) (Value, error) {
	return c.RunScript(ctx, s, opts)
}

// RunInNewContext contextifies sandbox (see Isolate.NewContext) and runs
// the script there: script.runInNewContext.
func (s *Script) RunInNewContext(ctx context.Context, iso *Isolate, sandbox any, copts ContextOptions, opts RunOptions) (Value, *Context, error) {
	if s == nil || s.s == nil {
		return Value{}, nil, errNil("Script")
	}
	c, err := iso.NewContext(sandbox, copts)
	if err != nil {
		return Value{}, nil, err
	}
	v, err := c.RunScript(ctx, s, opts)
	return v, c, err
}

// RunInThisContext runs the script in the isolate's main context.
func (s *Script) RunInThisContext(ctx context.Context, iso *Isolate, opts RunOptions) (Value, error) {
	if iso == nil || iso.main == nil {
		return Value{}, errNil("Isolate")
	}
	return iso.main.RunScript(ctx, s, opts)
}
