package vm

import (
	_ "embed"
	"errors"
	"strconv"
	"strings"
	"sync"
	"time"
	"weak"

	"github.com/grafana/sobek"
	"github.com/grafana/sobek/ast"
	"github.com/grafana/sobek/parser"
	"github.com/jsvm-dev/jsvm/internal/codecache"
	"github.com/jsvm-dev/jsvm/internal/core"
	"github.com/jsvm-dev/jsvm/internal/engine"
	"github.com/jsvm-dev/jsvm/internal/jslex"
	"github.com/jsvm-dev/jsvm/internal/nodeerr"
	"github.com/jsvm-dev/jsvm/internal/stack"
)

// ES modules in vm contexts: vm.Module, vm.SourceTextModule and
// vm.SyntheticModule (module.js) over sobek's module records, plus the
// importModuleDynamically and initializeImportMeta hooks of every context.
//
// A module belongs to one context and is instantiated and evaluated in that
// context's runtime. Source text records are wrapped (stRecord) so that the
// outcome of each module's execution is known: sobek keeps its evaluation
// state private, and Node reports the status of every module of a graph.

//go:embed module.js
var moduleSource string

// Its awaits of user callbacks' results are guarded (engine.GuardAwaits):
// a linker may return a throwing or revoked Proxy.
var moduleProgram = sync.OnceValues(func() (*sobek.Program, error) {
	prog, err := parser.ParseFile(nil, "node:internal/vm/module", moduleSource, 0, parser.WithDisableSourceMaps)
	if err != nil {
		return nil, err
	}
	engine.GuardAwaits(prog)
	return sobek.CompileAST(prog, true)
})

// vmModule is the vm face of one module: the JS objects and hooks; the
// record, its linking and its status are the shared core.Module.
type vmModule struct {
	m   *module
	cm  *core.Module
	ctx *core.Context
	obj *sobek.Object // the JS Module object (main realm)

	importMeta sobek.Value // main-realm function or nil
	dynImport  sobek.Value // main-realm function or nil

	source   string
	attrs    map[string]map[string]string // import attributes by specifier
	dynAttrs map[string]map[string]string // those of import() calls
	captures bool                         // v10: the last statement's value goes to meta
	meta     *sobek.Object                // import.meta, once created (module's realm)
	// what moduleRequests is scanned from, once asked (requests.go)
	compiled   string
	attrsAt    []attrsAt
	sourceReqs []attrsAtSpec
	requests   []moduleRequest
	scanned    bool
	// the modules linkRequests gave source-phase requests, by specifier
	sourceLinked map[string]*vmModule
	// evaluated is the promise of the module's first evaluate(): V8 hands
	// a source text module's top-level capability back on every later call
	evaluated sobek.Value

	// synthetic modules
	exports map[string]sobek.Value // main realm
	steps   sobek.Callable
	wrap    *sobek.Object // `this` of the steps (Node's ModuleWrap)
}

// errValue is the module's error (main realm), or nil.
func (v *vmModule) errValue() sobek.Value {
	e, _ := v.cm.Err.(sobek.Value)
	return e
}

// vmModuleOf returns the vm face of a core module, or nil.
func vmModuleOf(cm *core.Module) *vmModule {
	if cm == nil {
		return nil
	}
	v, _ := cm.Face.(*vmModule)
	return v
}

// dynInfo is the importModuleDynamically of a script or function.
type dynInfo struct {
	fn    sobek.Value // main-realm function or nil
	wrap  sobek.Value // the vm.Script, or the function
	attrs map[string]map[string]string
	// the script's or function's filename: USE_MAIN_CONTEXT_DEFAULT_LOADER
	// resolves against it (when a path or file: URL, else the working
	// directory)
	filename string
}

// modState is the module state of one loaded vm builtin.
type modState struct {
	hooked         map[weak.Pointer[core.Context]]bool      // contexts whose runtime has the module hooks (weak: they must stay collectable)
	hookSwept      int                                      // len(hooked) after the last sweep
	programs       map[*sobek.Program]weak.Pointer[dynInfo] // scripts and functions with importModuleDynamically
	swept          int                                      // len(programs) after the last sweep
	runStack       []*dynInfo                               // scripts being run (import() at their top level)
	mainImport     sobek.Callable                           // main-realm (s) => import(s), for USE_MAIN_CONTEXT_DEFAULT_LOADER in contexts
	mainImportInfo *dynInfo
	helper         sobek.Callable // module.js's dynamicImport(fn, specifier, wrap)
	// noCallback is the import() state of functions compiled without
	// importModuleDynamically
	noCallback *dynInfo
}

// newVMModule ties a core module to its vm face.
func (m *module) newVMModule(cm *core.Module, ctx *core.Context) *vmModule {
	v := &vmModule{m: m, cm: cm, ctx: ctx}
	cm.Face = v
	cm.Convert = func(x any) any { return m.mainValueOf(x, ctx) }
	return v
}

// mainValueOf turns an error sobek reports (an *Exception, a Go error or a
// value of realm from) into a main-realm value.
func (m *module) mainValueOf(x any, from *core.Context) sobek.Value {
	switch e := x.(type) {
	case *sobek.Exception:
		return core.Carry(e.Value(), from, m.main)
	case *sobek.InterruptedError:
		return m.rt.NewGoError(e)
	case sobek.Value:
		if ex, ok := e.Export().(*sobek.Exception); ok {
			return core.Carry(ex.Value(), from, m.main)
		}
		return core.Carry(e, from, m.main)
	case error:
		return m.rt.NewGoError(e)
	}
	return m.rt.ToValue(x)
}

// installModules adds the natives of module.js and runs it; it returns
// module.js's exports (the classes), installed on vm's exports by vm.js
// when the host enables them.
func (m *module) installModules(natives *sobek.Object) {
	m.mods = &modState{hooked: make(map[weak.Pointer[core.Context]]bool), programs: make(map[*sobek.Program]weak.Pointer[dynInfo]), noCallback: &dynInfo{}}
	rt := m.rt
	set := func(name string, fn func(sobek.FunctionCall) sobek.Value) {
		_ = natives.Set(name, fn)
	}
	set("moduleCreateSource", m.moduleCreateSource)
	set("moduleCreateSynthetic", m.moduleCreateSynthetic)
	set("moduleStatus", func(c sobek.FunctionCall) sobek.Value {
		v := m.handle(c.Argument(0))
		if v.cm.Status == core.ModuleEvaluating && v.cm.Async {
			return rt.ToValue("evaluated")
		}
		if v.cm.Status == core.ModuleLinking {
			return rt.ToValue("unlinked")
		}
		return rt.ToValue(v.cm.Status.String())
	})
	set("moduleError", func(c sobek.FunctionCall) sobek.Value {
		v := m.handle(c.Argument(0))
		if e := v.errValue(); e != nil {
			return e
		}
		return sobek.Undefined()
	})
	set("moduleSpecifiers", func(c sobek.FunctionCall) sobek.Value {
		v := m.handle(c.Argument(0))
		out := make([]any, len(v.cm.Specs))
		for i, s := range v.cm.Specs {
			out[i] = s
		}
		return rt.NewArray(out...)
	})
	// moduleRequests(handle) -> [[specifier, [[key, value]...], phase]...]
	set("moduleRequests", func(c sobek.FunctionCall) sobek.Value {
		v := m.handle(c.Argument(0))
		var out []any
		for _, r := range v.requestsOf() {
			attrs := make([]any, len(r.attrs))
			for i, a := range r.attrs {
				attrs[i] = rt.NewArray(a[0], a[1])
			}
			phase := "evaluation"
			if r.source {
				phase = "source"
			}
			out = append(out, rt.NewArray(r.spec, rt.NewArray(attrs...), phase))
		}
		return rt.NewArray(out...)
	})
	// moduleLinkRequests(handle, [handle...]): see vmModule.linkRequests
	set("moduleLinkRequests", func(c sobek.FunctionCall) sobek.Value {
		v := m.handle(c.Argument(0))
		var deps []*vmModule
		for _, h := range c.Argument(1).(*sobek.Object).Export().([]any) {
			d, _ := h.(*vmModule)
			if d == nil {
				panic(rt.NewTypeError("not a module handle"))
			}
			deps = append(deps, d)
		}
		if len(deps) != len(v.requestsOf()) {
			panic(rt.NewTypeError("module count"))
		}
		if code, msg := v.linkRequests(deps); code != "" {
			ctor := "Error"
			if code == "ERR_MODULE_LINK_MISMATCH" {
				ctor = "TypeError"
			}
			panic(nodeerr.New(rt, ctor, code, msg))
		}
		return sobek.Undefined()
	})
	set("moduleResolve", func(c sobek.FunctionCall) sobek.Value {
		v := m.handle(c.Argument(0))
		v.cm.Resolved[c.Argument(1).String()] = m.handle(c.Argument(2)).cm
		return sobek.Undefined()
	})
	set("moduleAttributes", func(c sobek.FunctionCall) sobek.Value {
		v := m.handle(c.Argument(0))
		o := rt.NewObject()
		_ = o.SetPrototype(nil)
		spec := c.Argument(1).String()
		for _, a := range v.attrsAt {
			if a.spec == spec {
				for _, kv := range a.attrs { // in source order
					_ = o.Set(kv[0], kv[1])
				}
				break
			}
		}
		return o
	})
	// a user callback's result, made safe to await (internal/engine)
	set("codedError", func(c sobek.FunctionCall) sobek.Value {
		return nodeerr.New(rt, c.Argument(0).String(), c.Argument(1).String(), c.Argument(2).String())
	})
	_ = natives.Set("experimentalModules", m.h.Options.ExperimentalVMModules)
	_ = natives.Set("vmAPI", m.h.Options.VMAPI)
	set("moduleResult", func(c sobek.FunctionCall) sobek.Value {
		v := m.handle(c.Argument(0))
		if !v.captures || v.meta == nil {
			return sobek.Undefined()
		}
		r := v.meta.Get(completionKey)
		_ = v.meta.Delete(completionKey)
		v.captures = false
		if r == nil {
			return sobek.Undefined()
		}
		return core.Carry(r, v.ctx, m.main)
	})
	set("moduleInstantiate", m.moduleInstantiate)
	set("moduleHasTLA", func(c sobek.FunctionCall) sobek.Value {
		v := m.handle(c.Argument(0))
		return rt.ToValue(v.cm.Body != nil && v.cm.Body.HasTLA)
	})
	set("moduleHasAsyncGraph", func(c sobek.FunctionCall) sobek.Value {
		v := m.handle(c.Argument(0))
		async := false
		v.cm.Graph(func(x *core.Module) { async = async || x.Body != nil && x.Body.HasTLA })
		return rt.ToValue(async)
	})
	// moduleUnresolved(handle) -> [specifier, identifier] of the first
	// request of the graph that is not linked, or undefined
	set("moduleUnresolved", func(c sobek.FunctionCall) sobek.Value {
		v := m.handle(c.Argument(0))
		var out sobek.Value = sobek.Undefined()
		v.cm.Graph(func(x *core.Module) {
			if !sobek.IsUndefined(out) {
				return
			}
			for _, sp := range x.Specs {
				if x.Resolved[sp] == nil {
					out = rt.NewArray(sp, x.ID)
					return
				}
			}
		})
		return out
	})
	set("moduleEvaluate", m.moduleEvaluate)
	set("moduleNamespace", func(c sobek.FunctionCall) sobek.Value {
		v := m.handle(c.Argument(0))
		return core.Carry(v.cm.Namespace(), v.ctx, m.main)
	})
	set("moduleSetExport", func(c sobek.FunctionCall) sobek.Value {
		v := m.handle(c.Argument(0))
		name := c.Argument(1).String()
		if _, ok := v.exports[name]; !ok {
			panic(m.newError("ReferenceError", "Export '"+name+"' is not defined in module"))
		}
		v.exports[name] = c.Argument(2)
		return sobek.Undefined()
	})
	set("moduleCreateCachedData", func(c sobek.FunctionCall) sobek.Value {
		v := m.handle(c.Argument(0))
		key := codecache.Key{Kind: codecache.KindScript, Source: "\x00module\x00" + v.source}
		return m.bytesValue(codecache.Encode(engineTag(), key, nil))
	})
	set("setImportModuleDynamically", m.setImportModuleDynamically)
	set("stripImportAttributes", func(c sobek.FunctionCall) sobek.Value {
		code := c.Argument(0).String()
		out, _, _, attrs, _ := stripImports(code)
		if out == code {
			return sobek.Undefined()
		}
		return rt.NewArray(out, m.attrsValue(attrs))
	})
	set("setImportAttributes", func(c sobek.FunctionCall) sobek.Value {
		s, ok := c.Argument(0).Export().(*script)
		if !ok {
			return sobek.Undefined()
		}
		var attrs map[string]map[string]string
		_ = rt.ExportTo(c.Argument(1), &attrs)
		m.scriptInfo(s).attrs = attrs
		return sobek.Undefined()
	})
	p, err := moduleProgram()
	if err != nil {
		panic(err)
	}
	if err := engine.EnsureAwaitHook(rt); err != nil {
		panic(err)
	}
	fv, err := rt.RunProgram(p)
	if err != nil {
		panic(err)
	}
	factory, _ := sobek.AssertFunction(fv)
	res, err := factory(sobek.Undefined(), natives)
	if err != nil {
		panic(err)
	}
	o := res.ToObject(rt)
	m.mods.helper, _ = sobek.AssertFunction(o.Get("dynamicImport"))
	_ = natives.Set("modules", o)
	m.hookContext(m.main)
}

func (m *module) newError(ctor, msg string) *sobek.Object {
	c := m.h.Intrinsic(ctor).(*sobek.Object)
	e, err := m.rt.New(c, m.rt.ToValue(msg))
	if err != nil {
		panic(err)
	}
	return e
}

func (m *module) handle(v sobek.Value) *vmModule {
	if v != nil {
		if h, ok := v.Export().(*vmModule); ok {
			return h
		}
	}
	panic(m.rt.NewTypeError("Illegal invocation"))
}

// parsingOf is c as a parsing context: nil for the main context.
func (m *module) parsingOf(c *core.Context) *core.Context {
	if c == m.main {
		return nil
	}
	return c
}

// contextOf returns the context of a contextified object, or main for
// undefined.
func (m *module) contextOf(v sobek.Value) *core.Context {
	if o, ok := v.(*sobek.Object); ok {
		if c := m.h.Isolate.ContextOf(o, m.main); c != nil {
			return c
		}
	}
	return m.main
}

// contextImport is the import() state of createContext's
// importModuleDynamically option (nil without one): wrap is what the
// callback gets as its second argument, the contextified object.
func (m *module) contextImport(fn, wrap sobek.Value) *dynInfo {
	if fn == nil || sobek.IsUndefined(fn) {
		return nil
	}
	return &dynInfo{fn: fn, wrap: wrap}
}

// hookContext installs the import() and import.meta hooks on c's runtime
// the first time.
func (m *module) hookContext(c *core.Context) { m.hookContextWith(c, nil) }

// hookContextWith is hookContext for a new context with its own
// importModuleDynamically (own, or nil), which answers import() from code
// of the context that has no referrer (the hook's closure keeps it as
// long as the context lives).
func (m *module) hookContextWith(c *core.Context, own *dynInfo) {
	ms := m.mods
	key := weak.Make(c)
	if ms.hooked[key] {
		return
	}
	ms.hooked[key] = true
	if len(ms.hooked) > 2*ms.hookSwept+64 {
		for k := range ms.hooked {
			if k.Value() == nil {
				delete(ms.hooked, k)
			}
		}
		ms.hookSwept = len(ms.hooked)
	}
	rt := c.Runtime()
	rt.SetFinalImportMeta(func(meta *sobek.Object, rec sobek.ModuleRecord) {
		v := vmModuleOf(core.ModuleOf(rec))
		if v == nil {
			return
		}
		v.meta = meta
		if v.importMeta == nil {
			return
		}
		fn, _ := sobek.AssertFunction(v.importMeta)
		if _, err := fn(sobek.Undefined(), core.Carry(meta, c, m.main), v.obj); err != nil {
			core.Rethrow(err, m.main, c)
		}
	})
	if c == m.main {
		m.h.InitESM()
		m.h.VMImport = func(referrer any, specifier sobek.Value, capability any) bool {
			return m.dynamicImport(c, referrer, specifier, capability, true, nil)
		}
	} else {
		rt.SetImportModuleDynamically(func(referrer any, specifier sobek.Value, capability any) {
			m.dynamicImport(c, referrer, specifier, capability, false, own)
		})
	}
}

// dynamicImport answers import() in context c. In the main context, an
// import() that is not from vm code is left to the host (returns false).
func (m *module) dynamicImport(c *core.Context, referrer any, specifier sobek.Value, capability any, isMain bool, own *dynInfo) bool {
	rt := c.Runtime()
	var info *dynInfo
	found := false
	switch r := referrer.(type) {
	case *sobek.SourceTextModuleRecord:
		if v := vmModuleOf(core.ModuleOf(r)); v != nil {
			info, found = &dynInfo{fn: v.dynImport, wrap: v.obj, attrs: v.dynAttrs, filename: v.cm.ID}, true
		}
	case *sobek.Program:
		// the innermost function's program; the script's is up the chain
		for x, i := any(r), 0; x != nil && i < 1000; i++ {
			p, ok := x.(*sobek.Program)
			if !ok {
				break
			}
			if w, ok := m.mods.programs[p]; ok {
				info = w.Value()
				found = info != nil
				break
			}
			x = core.ProgramReferrer(p)
		}
	}
	if !found && len(m.mods.runStack) > 0 {
		info, found = m.mods.runStack[len(m.mods.runStack)-1], true
	}
	if !found && own != nil {
		info, found = own, true // no referrer: the context's own callback
	}
	if !found && isMain {
		return false
	}
	// options of the import() read when it ran (engine/importhook.go)
	runtimeAttrs, hasRuntimeAttrs := engine.TakeImportAttributes(rt)
	if hasRuntimeAttrs && runtimeAttrs.Assert {
		for _, f := range rt.CaptureCallStack(4, nil) {
			if f.SrcName() != "<native>" {
				m.h.AssertWarningAt(f.SrcName(), f.Position().Line)
				break
			}
		}
	}
	finish := func(rec sobek.ModuleRecord, errv sobek.Value) {
		var e any
		if errv != nil {
			e = errv
		}
		if c == m.main {
			// main is running (the import() call, or a promise job of
			// main whose queue is being drained): its jobs run after
			rt.FinishLoadingImportModule(referrer, specifier, capability, rec, e)
			return
		}
		// c may be idle: finish inside a call so that its jobs run
		call := rt.ToValue(func(sobek.FunctionCall) sobek.Value {
			rt.FinishLoadingImportModule(referrer, specifier, capability, rec, e)
			return sobek.Undefined()
		})
		fn, _ := sobek.AssertFunction(call)
		_, _ = fn(sobek.Undefined())
	}
	if info == nil || info.fn == nil || sobek.IsUndefined(info.fn) {
		finish(nil, core.Carry(nodeerr.New(m.rt, "TypeError", "ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING",
			"A dynamic import callback was not specified."), m.main, c))
		return true
	}
	if info.fn == m.mainLoader {
		if !m.mainLoaderWarned {
			m.mainLoaderWarned = true // as Node, at the first import() it answers
			m.experimentalWarning("vm.USE_MAIN_CONTEXT_DEFAULT_LOADER is an experimental feature and might change at any time")
		}
		if isMain {
			// the host's own loader, from the script's filename
			m.h.ImportFrom(info.filename, referrer, specifier, capability)
			return true
		}
		// the main context's loader answers with main-realm records, which
		// a context cannot link: the module loads in main, and the
		// context's import() resolves with its namespace, carried
		finish(m.mainLoaderRecord(c, info.filename, specifier.String()), nil)
		return true
	}
	if !m.h.Options.ExperimentalVMModules {
		finish(nil, core.Carry(nodeerr.New(m.rt, "TypeError", "ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING_FLAG",
			"A dynamic import callback was invoked without --experimental-vm-modules"), m.main, c))
		return true
	}
	wrap := info.wrap
	if wrap == nil {
		wrap = sobek.Undefined()
	}
	attrs := m.rt.NewObject()
	_ = attrs.SetPrototype(nil)
	if hasRuntimeAttrs {
		for _, a := range runtimeAttrs.Attrs {
			_ = attrs.Set(a[0], a[1])
		}
	} else {
		for k, x := range info.attrs[specifier.String()] {
			_ = attrs.Set(k, x)
		}
	}
	res, err := m.mods.helper(sobek.Undefined(), info.fn, core.Carry(specifier, c, m.main), wrap, attrs)
	if err != nil {
		var ex *sobek.Exception
		if errors.As(err, &ex) {
			finish(nil, core.Carry(ex.Value(), m.main, c))
			return true
		}
		panic(err)
	}
	po := res.(*sobek.Object)
	then, _ := sobek.AssertFunction(po.Get("then"))
	_, err = then(po, m.rt.ToValue(func(call sobek.FunctionCall) sobek.Value {
		h := call.Argument(0)
		v, ok := h.Export().(*vmModule)
		if !ok {
			finish(nil, core.Carry(nodeerr.New(m.rt, "TypeError", "ERR_VM_MODULE_NOT_MODULE",
				"Provided module is not an instance of Module"), m.main, c))
			return sobek.Undefined()
		}
		if v.cm.Status != core.ModuleUnlinked {
			v.cm.PrepareNamespace()
		}
		if v.ctx != c {
			// a module of another context: the import resolves to its
			// namespace object itself, as in V8
			finish(m.foreignNamespace(v, c), nil)
			return sobek.Undefined()
		}
		finish(v.cm.Rec, nil)
		return sobek.Undefined()
	}), m.rt.ToValue(func(call sobek.FunctionCall) sobek.Value {
		finish(nil, core.Carry(call.Argument(0), m.main, c))
		return sobek.Undefined()
	}))
	if err != nil {
		panic(err)
	}
	return true
}

// setImportModuleDynamically(handle, fn, script) records a Script's
// importModuleDynamically.
func (m *module) setImportModuleDynamically(c sobek.FunctionCall) sobek.Value {
	s, ok := c.Argument(0).Export().(*script)
	if !ok {
		return sobek.Undefined()
	}
	info := m.scriptInfo(s)
	info.fn, info.wrap = c.Argument(1), c.Argument(2)
	return sobek.Undefined()
}

// moduleCreateSource(code, identifier, lineOffset, columnOffset, context,
// cachedData|undefined, moduleObject, initializeImportMeta,
// importModuleDynamically) -> handle
func (m *module) moduleCreateSource(c sobek.FunctionCall) sobek.Value {
	rt := m.rt
	code := c.Argument(0).String()
	opts := core.ScriptOptions{
		Filename:     c.Argument(1).String(),
		LineOffset:   int(c.Argument(2).ToInteger()),
		ColumnOffset: int(c.Argument(3).ToInteger()),
	}
	ctx := m.contextOf(c.Argument(4))
	if data := c.Argument(5); !sobek.IsUndefined(data) {
		key := codecache.Key{Kind: codecache.KindScript, Source: "\x00module\x00" + code}
		if _, err := codecache.Check(bytesOf(data), engineTag(), key); err != nil {
			panic(nodeerr.New(rt, "Error", "ERR_VM_MODULE_CACHED_DATA_REJECTED", "cachedData buffer was rejected"))
		}
	}
	src, attrs, attrsByOffset, dynAttrs, attrErr := stripImports(code)
	if attrErr != nil {
		line, col := lineCol(code, attrErr.Offset)
		panic(m.inRealm(m.syntaxError(shifted(&core.SyntaxError{Message: attrErr.Message, Filename: opts.Filename, Line: line, Column: col}, opts), code, opts), m.parsingOf(ctx)))
	}
	src, sourceReqs := stripSourcePhase(src)
	captures := false
	msrc := core.ModuleSource{ID: opts.Filename, Code: padSource(src, opts)}
	if m.h.Options.VMAPI == "v10" {
		// Node v10's evaluate() resolves to the value of the last
		// statement; sobek does not report a module's completion value, so
		// a final expression statement stores its value on import.meta
		msrc.Rewrite = func(body *ast.Program) *ast.Program {
			if padded, ok := captureCompletion(msrc.Code, body); ok {
				if b2, err := parser.ParseFile(nil, opts.Filename, padded, 0, parser.IsModule, parser.WithDisableSourceMaps); err == nil {
					captures = true
					return b2
				}
			}
			return nil
		}
	}
	cm, err := core.CompileModule(ctx, msrc)
	if err != nil {
		parsing := m.parsingOf(ctx)
		m.throwIfTooDeepIn(err, parsing)
		// Node shows no arrow for a module's compile error
		panic(m.inRealm(m.plainSyntaxError(m.moduleSyntaxError(err, code, opts)), parsing))
	}
	v := m.newVMModule(cm, ctx)
	v.source, v.attrs, v.dynAttrs, v.captures = code, attrs, dynAttrs, captures
	v.compiled, v.attrsAt, v.sourceReqs = src, attrsByOffset, sourceReqs
	stack.Register(opts.Filename, code, opts.LineOffset, opts.ColumnOffset) // for an uncaught error's source line
	v.obj, _ = c.Argument(6).(*sobek.Object)
	if f := c.Argument(7); !sobek.IsUndefined(f) {
		v.importMeta = f
	}
	if f := c.Argument(8); !sobek.IsUndefined(f) {
		v.dynImport = f
	}
	m.hookContext(ctx)
	return rt.ToValue(v)
}

func padSource(src string, opts core.ScriptOptions) string {
	lines, _ := core.SplitOffset(opts.LineOffset) // the rest: shiftedSyntaxError
	cols, _ := core.SplitOffset(opts.ColumnOffset)
	if lines <= 0 && cols <= 0 {
		return src
	}
	b := make([]byte, 0, len(src)+lines+cols)
	for i := 0; i < lines; i++ {
		b = append(b, '\n')
	}
	for i := 0; i < cols; i++ {
		b = append(b, ' ')
	}
	return string(append(b, src...))
}

// moduleSyntaxError is the SyntaxError (main realm) for a module that does
// not parse or link.
// shifted adds to se the offsets padSource left out (huge or negative).
func shifted(se *core.SyntaxError, opts core.ScriptOptions) *core.SyntaxError {
	lp, lr := core.SplitOffset(opts.LineOffset)
	_, cr := core.SplitOffset(opts.ColumnOffset)
	core.ShiftSyntaxError(se, lp, lr, cr)
	return se
}

func (m *module) moduleSyntaxError(err error, code string, opts core.ScriptOptions) sobek.Value {
	var ce *sobek.CompilerSyntaxError
	if errors.As(err, &ce) {
		se := &core.SyntaxError{Message: ce.Message, Filename: opts.Filename}
		if ce.File != nil {
			p := ce.File.Position(ce.Offset)
			se.Line, se.Column = p.Line, p.Column
		}
		if se.Line == 0 {
			return m.newError("SyntaxError", stack.SyntaxWord(ce.Message))
		}
		return m.syntaxError(shifted(se, opts), code, opts)
	}
	var re *sobek.CompilerReferenceError
	if errors.As(err, &re) {
		return m.newError("ReferenceError", re.Message)
	}
	var ex *sobek.Exception
	if errors.As(err, &ex) {
		return ex.Value()
	}
	var list parser.ErrorList
	if errors.As(err, &list) && len(list) > 0 {
		e := list[0]
		return m.syntaxError(shifted(&core.SyntaxError{Message: e.Message, Filename: opts.Filename, Line: e.Position.Line, Column: e.Position.Column}, opts), code, opts)
	}
	var one *parser.Error
	if errors.As(err, &one) {
		return m.syntaxError(shifted(&core.SyntaxError{Message: one.Message, Filename: opts.Filename, Line: one.Position.Line, Column: one.Position.Column}, opts), code, opts)
	}
	return m.newError("SyntaxError", err.Error())
}

// stripImports blanks out the import attributes of static imports and
// the literal options of import() calls, which sobek does not parse,
// keeping every position (jslex.StripImports); it returns the static
// attributes by specifier and by the offset of the import they belong to
// (moduleRequests), the import() attributes by specifier, and V8's
// SyntaxError for a repeated key.
func stripImports(src string) (string, map[string]map[string]string, []attrsAt, map[string]map[string]string, *jslex.SyntaxError) {
	st := jslex.StripImports(src)
	var attrs, dyn map[string]map[string]string
	var at []attrsAt
	for _, imp := range st.Static {
		if !imp.Clause {
			at = append(at, attrsAt{off: imp.Start, spec: imp.Spec})
			continue
		}
		if attrs == nil {
			attrs = map[string]map[string]string{}
		}
		a := map[string]string{}
		var ordered [][2]string
		for _, x := range imp.Attrs {
			a[x.Key] = x.Value
			ordered = append(ordered, [2]string{x.Key, x.Value})
		}
		attrs[imp.Spec] = a
		at = append(at, attrsAt{off: imp.Start, spec: imp.Spec, attrs: ordered})
	}
	for _, d := range st.Dynamic {
		if !d.SpecLiteral || !d.Options {
			continue
		}
		if dyn == nil {
			dyn = map[string]map[string]string{}
		}
		a := map[string]string{}
		for _, x := range d.Attrs {
			a[x.Key] = x.Value
		}
		dyn[d.Spec] = a
	}
	return st.Code, attrs, at, dyn, st.Err
}

// moduleCreateSynthetic(exportNames, steps, identifier, context, moduleObject) -> handle
func (m *module) moduleCreateSynthetic(c sobek.FunctionCall) sobek.Value {
	names := stringsByIndex(c.Argument(0))
	steps, _ := sobek.AssertFunction(c.Argument(1))
	ctx := m.contextOf(c.Argument(3))
	v := m.newVMModule(core.NewSyntheticModule(ctx, c.Argument(2).String(), names), ctx)
	v.exports, v.steps = make(map[string]sobek.Value), steps
	for _, n := range names {
		v.exports[n] = nil
	}
	v.obj, _ = c.Argument(4).(*sobek.Object)
	v.wrap, _ = c.Argument(5).(*sobek.Object)
	if v.wrap == nil {
		v.wrap = v.obj
	}
	v.cm.Steps = func() (any, error) {
		_, err := v.steps(v.wrap)
		if err == nil {
			return nil, nil
		}
		var ex *sobek.Exception
		if errors.As(err, &ex) {
			return ex.Value(), err // main realm
		}
		return m.rt.NewGoError(err), err
	}
	v.cm.Export = func(name string) sobek.Value {
		if x, ok := v.exports[name]; ok && x != nil {
			return core.Carry(x, m.main, ctx)
		}
		return nil
	}
	m.hookContext(ctx)
	return m.rt.ToValue(v)
}

// moduleInstantiate(handle): link the graph in sobek once the linker has
// resolved every request.
func (m *module) moduleInstantiate(c sobek.FunctionCall) sobek.Value {
	v := m.handle(c.Argument(0))
	if v.cm.Status != core.ModuleUnlinked {
		return sobek.Undefined()
	}
	// a dependency whose own link has not finished (the linker returned a
	// module that is linking elsewhere), in Node's words, before the
	// imported names are checked
	missing := ""
	v.cm.Graph(func(x *core.Module) {
		if missing != "" || x.Status != core.ModuleUnlinked && x.Status != core.ModuleLinking {
			return
		}
		for _, spec := range x.Specs {
			if x.Resolved[spec] == nil {
				missing = spec
				return
			}
		}
	})
	if missing != "" {
		panic(nodeerr.New(m.rt, "Error", "ERR_VM_MODULE_LINK_FAILURE", "request for '"+missing+"' is not in cache"))
	}
	// a source-phase import: no module here has a source object
	target := ""
	v.cm.Graph(func(x *core.Module) {
		if xv := vmModuleOf(x); target == "" && xv != nil && len(xv.sourceReqs) > 0 {
			target = sourcePhaseTarget(xv)
		}
	})
	if target != "" {
		panic(nodeerr.New(m.rt, "SyntaxError", "ERR_SOURCE_PHASE_NOT_DEFINED", "Source phase import object is not defined for module '"+target+"'"))
	}
	if err := v.cm.Instantiate(); err != nil {
		var le *core.LinkError
		// the module's realm makes its link errors (V8)
		if errors.As(err, &le) {
			panic(m.inRealm(m.newError("SyntaxError", le.Message), m.parsingOf(v.ctx)))
		}
		panic(m.inRealm(m.moduleSyntaxError(err, v.source, core.ScriptOptions{Filename: v.cm.ID}), m.parsingOf(v.ctx)))
	}
	return sobek.Undefined()
}

type moduleTimeout struct{ ms int64 }

// moduleEvaluate(handle, timeout, breakOnSigint) -> promise (main realm)
//
// Calls into a runtime from Go while that runtime drains its promise jobs
// re-enter its job loop, which sobek does not support; so the result
// promise is never settled from Go inside a promise job: a main-context
// evaluation that is still pending returns a promise derived (then) from
// sobek's, whose handlers return or throw; a context's one is settled from
// a posted host task.
func (m *module) moduleEvaluate(c sobek.FunctionCall) sobek.Value {
	v := m.handle(c.Argument(0))
	// Node checkpoints an afterEvaluate context's queue after every
	// evaluate(), also of a module already evaluated (whose evaluation
	// drains nothing here)
	checkpoint := func() {
		if !v.ctx.IsMain() && v.ctx.Options.MicrotaskMode == "afterEvaluate" {
			_ = v.ctx.EndEvaluation()
		}
	}
	if v.evaluated != nil {
		checkpoint()
		return v.evaluated
	}
	if st := v.cm.Status; st == core.ModuleEvaluated || st == core.ModuleErrored {
		defer checkpoint()
	}
	p := m.evaluateOnce(v, c.Argument(1).ToInteger(), c.Argument(2).ToBoolean())
	if v.cm.ST != nil && v.cm.Status != core.ModuleLinked {
		v.evaluated = p
	}
	return p
}

func (m *module) evaluateOnce(v *vmModule, timeout int64, breakOnSigint bool) sobek.Value {
	p, resolve, reject := m.rt.NewPromise()
	switch v.cm.Status {
	case core.ModuleEvaluated:
		_ = resolve(sobek.Undefined())
		return m.rt.ToValue(p)
	case core.ModuleErrored:
		_ = reject(v.errValue())
		return m.rt.ToValue(p)
	}
	if v.cm.ST == nil {
		v.cm.RunSteps()
		if v.cm.Status == core.ModuleErrored {
			_ = reject(v.errValue())
		} else {
			_ = resolve(sobek.Undefined())
		}
		return m.rt.ToValue(p)
	}
	ctx := v.ctx
	rt := ctx.Runtime()

	// record the outcome on every module of the graph; returns the error
	// (main realm) or nil
	record := func(ok bool, reason any) sobek.Value {
		e, _ := v.cm.Settle(ok, reason).(sobek.Value)
		return e
	}

	var wd *core.Watchdog
	var sig *moduleTimeout
	if timeout > 0 {
		sig = &moduleTimeout{ms: timeout}
		wd = m.h.Isolate.NewWatchdog(time.Duration(timeout)*time.Millisecond, sig)
	}
	var intr *sigintSignal
	if breakOnSigint {
		if wd == nil {
			wd = m.h.Isolate.NewWatchdog(0, nil)
		}
		intr = &sigintSignal{}
		w := wd
		defer m.h.WatchSIGINT(func() { w.Fire(intr) })()
	}
	var ip *sobek.Promise
	var derived sobek.Value // main context: the promise returned
	var interrupted bool
	body := func() {
		var stop func()
		var fired func() bool
		if wd != nil {
			// the watchdog fires until stopped: stop it before any other
			// call into the runtime
			stop, fired = func() { wd.Stop() }, func() bool { return wd.Fired() != nil }
		}
		ip, interrupted = v.cm.EvaluateRecord(stop, fired)
		if interrupted {
			if wd != nil && ctx.Options.MicrotaskMode == "afterEvaluate" && !ctx.IsMain() {
				// drop the promise jobs the interrupted evaluation queued,
				// before the next call into the runtime would drain them
				ctx.DropJobs()
			}
		}
		// a then on sobek's promise marks it handled and follows it
		po := rt.ToValue(ip).(*sobek.Object)
		then, _ := sobek.AssertFunction(po.Get("then"))
		var err error
		if ctx.IsMain() && !interrupted && ip.State() == sobek.PromiseStatePending {
			derived, err = then(po, rt.ToValue(func(sobek.FunctionCall) sobek.Value {
				record(true, nil)
				return sobek.Undefined()
			}), rt.ToValue(func(call sobek.FunctionCall) sobek.Value {
				panic(record(false, call.Argument(0)))
			}))
		} else {
			pending := ip.State() == sobek.PromiseStatePending && !interrupted
			_, err = then(po, rt.ToValue(func(sobek.FunctionCall) sobek.Value {
				if pending {
					record(true, nil)
					m.h.Post(func() { _ = resolve(sobek.Undefined()) })
				}
				return sobek.Undefined()
			}), rt.ToValue(func(call sobek.FunctionCall) sobek.Value {
				if pending {
					e := record(false, call.Argument(0))
					m.h.Post(func() { _ = reject(e) })
				}
				return sobek.Undefined()
			}))
		}
		if err != nil {
			panic(err)
		}
	}
	if ctx.IsMain() || ctx.Options.MicrotaskMode == "afterEvaluate" {
		body()
	} else {
		if ctx.RunHeld(body) {
			m.enqueueMain(func() { ctx.Release() })
		}
	}
	if wd != nil {
		if fired := wd.Fired(); fired != nil && interrupted {
			wd.Stop()
			rt.ClearInterrupt()
			e := nodeerr.New(m.rt, "Error", "ERR_SCRIPT_EXECUTION_TIMEOUT",
				"Script execution timed out after "+strconv.FormatInt(timeout, 10)+"ms")
			if fired == any(intr) && intr != nil {
				e = nodeerr.New(m.rt, "Error", "ERR_SCRIPT_EXECUTION_INTERRUPTED",
					"Script execution was interrupted by `SIGINT`")
			}
			v.cm.FailGraph(e)
			_ = reject(e)
			return m.rt.ToValue(p)
		}
		wd.Stop()
	}
	if interrupted {
		// not this evaluation's timeout: let the interrupt go on
		if ie, ok := ip.Result().Export().(*sobek.InterruptedError); ok {
			panic(ie)
		}
	}
	switch ip.State() {
	case sobek.PromiseStateFulfilled:
		record(true, nil)
		_ = resolve(sobek.Undefined())
	case sobek.PromiseStateRejected:
		_ = reject(record(false, ip.Result()))
	default:
		if derived != nil {
			return derived
		}
	}
	return m.rt.ToValue(p)
}

// registerFunctionImport records the importModuleDynamically (a main-realm
// function, or undefined) of a function compiled from prog in target.
func (m *module) registerFunctionImport(prog *sobek.Program, fn sobek.Value, compiled sobek.Value, target *core.Context, filename string) {
	if m.mods == nil {
		return
	}
	m.hookContext(target)
	if fn == nil || sobek.IsUndefined(fn) {
		// import() in it rejects with ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING
		// instead of reaching the host's loader; one shared entry
		m.putProgram(prog, m.mods.noCallback)
		return
	}
	info := &dynInfo{fn: fn, wrap: core.Carry(compiled, target, m.main), filename: filename}
	if o, ok := compiled.(*sobek.Object); ok {
		target.Attach(o, info) // lives as long as the function (programs holds it weakly)
	}
	m.putProgram(prog, info)
}

// plainSyntaxError drops the arrow message from a SyntaxError's stack:
// Node keeps it hidden for a module's parse error.
func (m *module) plainSyntaxError(v sobek.Value) sobek.Value {
	o, ok := v.(*sobek.Object)
	if !ok {
		return v
	}
	if st := o.Get("stack"); st != nil {
		str := st.String()
		if i := strings.Index(str, "\n\nSyntaxError"); i >= 0 {
			_ = o.Set("stack", str[i+2:])
		}
	}
	return v
}

// completionKey is the import.meta property a v10 module's last
// expression statement stores its value in.
const completionKey = "\x00jsvm:completion"

// captureCompletion rewrites a module whose last statement is an
// expression statement `E` into `import.meta[completionKey] = (E)`.
func captureCompletion(src string, body *ast.Program) (string, bool) {
	if len(body.Body) == 0 {
		return src, false
	}
	st, ok := body.Body[len(body.Body)-1].(*ast.ExpressionStatement)
	if !ok || st.Expression == nil {
		return src, false
	}
	start, end := int(st.Expression.Idx0())-1, int(st.Expression.Idx1())-1
	if start < 0 || end > len(src) || start >= end {
		return src, false
	}
	return src[:start] + "import.meta[" + strconv.Quote(completionKey) + "] = (" + src[start:end] + ")" + src[end:], true
}

func (m *module) attrsValue(attrs map[string]map[string]string) sobek.Value {
	o := m.rt.NewObject()
	for spec, a := range attrs {
		x := m.rt.NewObject()
		for k, v := range a {
			_ = x.Set(k, v)
		}
		_ = o.Set(spec, x)
	}
	return o
}

// scriptInfo returns the import() state of a script, which lives as long
// as the script; its program maps to it weakly (import() in functions the
// script defines names the program as referrer).
func (m *module) scriptInfo(s *script) *dynInfo {
	if s.dyn == nil {
		if s.cached {
			// import() finds its state by program: this one must be
			// the script's own (it compiled before, so it compiles again)
			if own, err := core.Compile(s.s.Source, s.s.Options); err == nil {
				s.s = own
			}
			s.cached = false
		}
		s.dyn = &dynInfo{filename: s.s.Options.Filename}
		m.putProgram(s.s.Program, s.dyn)
	}
	return s.dyn
}

// putProgram maps a program to its import() state, dropping the entries
// of collected scripts now and then (on the isolate's goroutine).
func (m *module) putProgram(p *sobek.Program, info *dynInfo) {
	ms := m.mods
	ms.programs[p] = weak.Make(info)
	if len(ms.programs) > 2*ms.swept+64 {
		for k, w := range ms.programs {
			if w.Value() == nil {
				delete(ms.programs, k)
			}
		}
		ms.swept = len(ms.programs)
	}
}

// foreignNamespace is the record that answers import() in context c with
// the namespace of v, a module of another context. sobek finishes a
// dynamic import only with a record of the importing runtime, whose
// namespace it makes; this one's only export is `then`, so resolving the
// import adopts it as a thenable (as for any module exporting `then`) and
// its then resolves the import with v's namespace carried into c — the
// same object once it is carried back.
func (m *module) foreignNamespace(v *vmModule, c *core.Context) sobek.ModuleRecord {
	rt := c.Runtime()
	then := rt.ToValue(func(call sobek.FunctionCall) sobek.Value {
		resolve, ok := sobek.AssertFunction(call.Argument(0))
		if !ok {
			return sobek.Undefined()
		}
		var ns sobek.Value = sobek.Undefined()
		if o := v.cm.Namespace(); o != nil {
			ns = core.Carry(o, v.ctx, c)
		}
		_, _ = resolve(sobek.Undefined(), ns)
		return sobek.Undefined()
	})
	rec := &core.SyntheticRecord{Module: thenExport{then}}
	core.PrepareInstance(rt, rec) // sobek reads a namespace's bindings from the runtime's instance
	return rec
}

// thenExport is a synthetic module whose only export is then.
type thenExport struct{ then sobek.Value }

func (t thenExport) ExportNames() []string { return []string{"then"} }
func (t thenExport) EvaluateSteps() error  { return nil }
func (t thenExport) Binding(name string) sobek.Value {
	if name == "then" {
		return t.then
	}
	return nil
}

// mainLoaderRecord imports spec in the main context, as its loader does
// from filename, and returns a record of c whose only export is then,
// settling the importing promise with the main-realm namespace carried
// into c (or the error).
func (m *module) mainLoaderRecord(c *core.Context, filename, spec string) sobek.ModuleRecord {
	if m.mods.mainImport == nil {
		s, err := core.Compile("(s) => import(s)", core.ScriptOptions{Filename: "node:internal/vm/main-loader"})
		if err != nil {
			panic(err)
		}
		m.mods.mainImportInfo = &dynInfo{fn: m.mainLoader}
		m.putProgram(s.Program, m.mods.mainImportInfo)
		fv, err := m.main.RunProgram(s.Program)
		if err != nil {
			panic(err)
		}
		m.mods.mainImport, _ = sobek.AssertFunction(fv)
	}
	m.mods.mainImportInfo.filename = filename // read by the import() below, at once
	p, err := m.mods.mainImport(sobek.Undefined(), m.rt.ToValue(spec))
	rt := c.Runtime()
	then := rt.ToValue(func(call sobek.FunctionCall) sobek.Value {
		resolve, _ := sobek.AssertFunction(call.Argument(0))
		reject, _ := sobek.AssertFunction(call.Argument(1))
		settle := func(fn sobek.Callable) sobek.Value {
			return m.rt.ToValue(func(a sobek.FunctionCall) sobek.Value {
				if fn != nil {
					_, _ = fn(sobek.Undefined(), core.Carry(a.Argument(0), m.main, c))
				}
				return sobek.Undefined()
			})
		}
		if err != nil {
			var ex *sobek.Exception
			if errors.As(err, &ex) && reject != nil {
				_, _ = reject(sobek.Undefined(), core.Carry(ex.Value(), m.main, c))
			}
			return sobek.Undefined()
		}
		po, ok := p.(*sobek.Object)
		if !ok {
			return sobek.Undefined()
		}
		if th, ok := sobek.AssertFunction(po.Get("then")); ok {
			_, _ = th(po, settle(resolve), settle(reject))
		}
		return sobek.Undefined()
	})
	rec := &core.SyntheticRecord{Module: thenExport{then}}
	core.PrepareInstance(rt, rec)
	return rec
}

// lineCol is the 1-based line and column of offset off in src.
func lineCol(src string, off int) (int, int) {
	line, start := 1, 0
	for i := 0; i < off && i < len(src); i++ {
		if src[i] == '\n' {
			line, start = line+1, i+1
		}
	}
	return line, utf16Len(src[start:min(off, len(src))]) + 1
}

func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		n++
		if r > 0xFFFF {
			n++
		}
	}
	return n
}
