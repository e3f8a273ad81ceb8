package vm

import (
	_ "embed"
	"errors"
	"strconv"
	"strings"
	"sync"

	"github.com/grafana/sobek"
	"github.com/jsvm-dev/jsvm/internal/codecache"
	"github.com/jsvm-dev/jsvm/internal/core"
	"github.com/jsvm-dev/jsvm/internal/engine"
	"github.com/jsvm-dev/jsvm/internal/stack"
)

//go:embed compilefunction.js
var compileFunctionSource string

var compileFunctionProgram = sync.OnceValues(func() (*sobek.Program, error) {
	return sobek.Compile("node:vm", compileFunctionSource, true)
})

// installCompileFunction sets natives.compileFunction (exported as
// vm.compileFunction): validation in compilefunction.js, the work in
// compileFunctionNative.
func (m *module) installCompileFunction(natives *sobek.Object) {
	p, err := compileFunctionProgram()
	if err != nil {
		panic(err)
	}
	fv, err := m.rt.RunProgram(p)
	if err != nil {
		panic(err)
	}
	factory, _ := sobek.AssertFunction(fv)
	_ = natives.Set("compileFunctionNative", m.compileFunctionNative)
	fn, err := factory(sobek.Undefined(), natives)
	if err != nil {
		panic(err)
	}
	_ = natives.Set("compileFunction", fn)
}

// compileFunctionNative(code, params, filename, lineOffset, columnOffset,
// cachedData: Uint8Array|undefined, produceCachedData, parsingContext|undefined,
// extensions) -> [fn, cacheAccepted, producedData: Uint8Array|undefined].
// Arguments are validated by compilefunction.js.
func (m *module) compileFunctionNative(c sobek.FunctionCall) sobek.Value {
	rt := m.rt
	code := c.Argument(0).String()
	params := stringsByIndex(c.Argument(1))
	opts := core.FunctionOptions{
		Filename:     c.Argument(2).String(),
		LineOffset:   int(c.Argument(3).ToInteger()),
		ColumnOffset: int(c.Argument(4).ToInteger()),
		Params:       params,
	}
	target := m.main
	if o, ok := c.Argument(7).(*sobek.Object); ok {
		if t := m.h.Isolate.ContextOf(o, m.main); t != nil {
			target = t
		}
	}
	var exts []sobek.Value
	if o, ok := c.Argument(8).(*sobek.Object); ok {
		n := int(o.Get("length").ToInteger())
		for i := 0; i < n; i++ {
			exts = append(exts, core.Carry(o.Get(strconv.Itoa(i)), m.main, target))
		}
	}
	opts.Extensions = core.ExtensionScopes(len(exts))

	key := codecache.Key{Kind: codecache.KindFunction, Params: params, Source: code}
	pkey := codecache.ProgramKey{Sum: key.Sum(), Options: functionOptionsKey(opts)}
	accepted := false
	var prog *sobek.Program
	if data := c.Argument(5); !sobek.IsUndefined(data) {
		if _, err := codecache.Check(bytesOf(data), engineTag(), key); err == nil {
			accepted = true
			prog = programs.Get(pkey)
		}
	}
	if prog == nil {
		co := opts
		if co.Filename == "" {
			co.Filename = "<anonymous>" // V8's name in stack frames
		}
		f, err := core.CompileFunction(code, co)
		if err != nil {
			parsing := target
			if parsing == m.main {
				parsing = nil
			}
			m.throwIfTooDeepIn(err, parsing)
			var se *core.SyntaxError
			if errors.As(err, &se) {
				se.Filename = opts.Filename // the arrow message says ":1"
				panic(m.inRealm(m.syntaxError(se, code, core.ScriptOptions{Filename: opts.Filename, LineOffset: opts.LineOffset, ColumnOffset: opts.ColumnOffset}), parsing))
			}
			panic(rt.NewGoError(err))
		}
		prog = f.Program
		programs.Put(pkey, prog)
	}

	if name := opts.Filename; name != "" {
		stack.Register(name, code, opts.LineOffset, opts.ColumnOffset) // for V8's columns and arrows
	} else {
		stack.Register("<anonymous>", code, opts.LineOffset, opts.ColumnOffset)
	}
	if engine.MayAwait(code) {
		if err := target.EnsureAwaitHook(); err != nil {
			core.Rethrow(err, target, m.main)
		}
	}
	if strings.Contains(code, "import") {
		if err := engine.EnsureImportHook(target.Runtime()); err != nil {
			core.Rethrow(err, target, m.main)
		}
	}
	fn, err := target.RunProgram(prog)
	if err != nil {
		core.Rethrow(err, target, m.main)
	}
	if len(exts) > 0 {
		factory, _ := sobek.AssertFunction(fn)
		fn, err = factory(sobek.Undefined(), target.ExtensionArgs(exts)...)
		if err != nil {
			core.Rethrow(err, target, m.main)
		}
	}
	if dyn := c.Argument(9); !sobek.IsUndefined(dyn) || strings.Contains(code, "import") {
		m.registerFunctionImport(prog, dyn, fn, target, opts.Filename)
	}
	produced := sobek.Undefined()
	if c.Argument(6).ToBoolean() {
		produced = m.bytesValue(codecache.Encode(engineTag(), key, nil))
	}
	return rt.NewArray(core.Carry(fn, target, m.main), rt.ToValue(accepted), produced)
}

// functionOptionsKey is everything besides the code that shapes a compiled
// function program.
func functionOptionsKey(o core.FunctionOptions) string {
	return "f\x00" + o.Filename + "\x00" + strconv.Itoa(o.LineOffset) + ":" + strconv.Itoa(o.ColumnOffset) + ":" + strconv.Itoa(o.Extensions)
}

// stringsByIndex reads an array of strings (validated by the JavaScript
// side) by index, as V8's C++ reads one: never through its iterator, which
// user code may have replaced.
func stringsByIndex(v sobek.Value) []string {
	o, ok := v.(*sobek.Object)
	if !ok {
		return nil
	}
	n := o.Get("length").ToInteger()
	out := make([]string, 0, min(n, 64))
	for i := int64(0); i < n; i++ {
		out = append(out, o.Get(strconv.FormatInt(i, 10)).String())
	}
	return out
}
