package wasm

import (
	"context"
	"errors"
	"math"
	"math/big"
	"reflect"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"weak"

	"github.com/grafana/sobek"
	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/api"
	"github.com/tetratelabs/wazero/experimental"
)

// module is a compiled WebAssembly.Module.
type module struct {
	info     *binaryInfo
	compiled wazero.CompiledModule
	funcDefs map[string]api.FunctionDefinition // imported functions by rewritten field ("i")
}

// keeper closes wazero module instances once nothing of JS's reaches
// them: wazero's store lists every instance until it is closed, so an
// instance dropped by JS would otherwise stay (with its memory) for the
// realm's life. Every JS-facing handle of an instance (its exported
// functions, memories, globals) holds its keeper; an instance's keeper
// holds the keepers of what it imported.
// The host functions, which wazero's store holds, reach the JS functions
// they call through a weak pointer to the keeper only: an import that
// refers back to the instance's exports (the usual case) must not make
// the store hold the instance forever.
type keeper struct {
	list    *modList
	deps    []*keeper
	imports []sobek.Callable // the function imports, by import index
}

type modList struct{ mods []api.Module }

func newKeeper(mods ...api.Module) *keeper {
	k := &keeper{list: &modList{mods: mods}}
	runtime.AddCleanup(k, func(l *modList) { closeModules(l.mods) }, k.list)
	return k
}

func (k *keeper) add(m api.Module) { k.list.mods = append(k.list.mods, m) }

// closeMu serialises closes: the runtime runs cleanups on several
// goroutines at once, and a module listed by two keepers (a shared
// import) would be closed twice concurrently (a data race in wazero).
var closeMu sync.Mutex

func closeModules(mods []api.Module) {
	closeMu.Lock()
	defer closeMu.Unlock()
	for _, m := range mods {
		_ = m.Close(context.Background())
	}
}

// memHandle is one linear memory as the JS API sees it.
type memHandle struct {
	mem    api.Memory
	owner  api.Module // the defining module: what an importer resolves
	keep   *keeper
	buf    sobek.ArrayBuffer
	bufObj sobek.Value
	size   uint32
	obj    sobek.Value // its WebAssembly.Memory object, once made
}

type globalHandle struct {
	g     api.Global
	t     globalType
	owner api.Module
	keep  *keeper
	obj   sobek.Value // its WebAssembly.Global object
}

// maxNesting bounds JS -> wasm -> JS re-entrance per realm: each level
// holds Go stack (sobek's and wazero's frames) that the isolate's frame
// budget does not see.
const maxNesting = 1000

var valTypes = map[byte]string{0x7f: "i32", 0x7e: "i64", 0x7d: "f32", 0x7c: "f64", 0x6f: "externref", 0x70: "anyfunc"}

func (r *Realm) natives() *sobek.Object {
	rt := r.rt
	o := rt.NewObject()
	set := func(name string, fn func(sobek.FunctionCall) sobek.Value) {
		_ = o.Set(name, rt.ToValue(fn))
	}
	modArg := func(v sobek.Value) *module {
		m, _ := v.Export().(*module)
		if m == nil {
			panic(rt.NewTypeError("not a module"))
		}
		return m
	}
	set("compile", func(c sobek.FunctionCall) sobek.Value {
		return rt.ToValue(r.compile(c.Argument(0).String(), r.bytesArg(c.Argument(1))))
	})
	set("validate", func(c sobek.FunctionCall) sobek.Value {
		return rt.ToValue(r.validate(r.bytesArg(c.Argument(0))))
	})
	set("moduleExports", func(c sobek.FunctionCall) sobek.Value {
		m := modArg(c.Argument(0))
		var out []any
		for _, e := range m.info.exports {
			d := rt.NewObject()
			_ = d.Set("name", e.name)
			_ = d.Set("kind", kindName(e.kind))
			out = append(out, d)
		}
		return rt.NewArray(out...)
	})
	set("moduleImports", func(c sobek.FunctionCall) sobek.Value {
		m := modArg(c.Argument(0))
		var out []any
		for _, e := range m.info.imports {
			d := rt.NewObject()
			_ = d.Set("module", e.module)
			_ = d.Set("name", e.name)
			_ = d.Set("kind", kindName(e.kind))
			out = append(out, d)
		}
		return rt.NewArray(out...)
	})
	set("customSections", func(c sobek.FunctionCall) sobek.Value {
		m := modArg(c.Argument(0))
		name := c.Argument(1).String()
		var out []any
		for _, s := range m.info.customs {
			if s.name == name {
				out = append(out, rt.NewArrayBuffer(append([]byte(nil), s.data...)))
			}
		}
		return rt.NewArray(out...)
	})
	set("importGlobalType", func(c sobek.FunctionCall) sobek.Value {
		m := modArg(c.Argument(0))
		return rt.ToValue(valTypes[m.info.imports[c.Argument(1).ToInteger()].global.val])
	})
	set("importGlobalMutable", func(c sobek.FunctionCall) sobek.Value {
		m := modArg(c.Argument(0))
		return rt.ToValue(m.info.imports[c.Argument(1).ToInteger()].global.mutable)
	})
	set("instantiate", func(c sobek.FunctionCall) sobek.Value {
		vals := c.Argument(2).(*sobek.Object)
		n := int(vals.Get("length").ToInteger())
		args := make([]sobek.Value, n)
		for i := range args {
			args[i] = vals.Get(strconv.Itoa(i))
		}
		return rt.NewArray(r.instantiate(c.Argument(0).String(), modArg(c.Argument(1)), args)...)
	})
	memArg := func(v sobek.Value) *memHandle {
		h, _ := v.Export().(*memHandle)
		if h == nil {
			panic(rt.NewTypeError("not a memory"))
		}
		return h
	}
	set("newMemory", func(c sobek.FunctionCall) sobek.Value {
		return rt.ToValue(r.newMemory(uint32(c.Argument(0).ToInteger()), c.Argument(1).ToInteger()))
	})
	set("growMemory", func(c sobek.FunctionCall) sobek.Value {
		h := memArg(c.Argument(0))
		delta := c.Argument(1).ToInteger()
		if delta > math.MaxUint32 {
			r.throw("RangeError", "WebAssembly.Memory.grow(): Maximum memory size exceeded")
		}
		prev, ok := h.mem.Grow(uint32(delta))
		if !ok {
			r.throw("RangeError", "WebAssembly.Memory.grow(): Maximum memory size exceeded")
		}
		h.detach() // V8 detaches the old buffer on every grow, grow(0) too
		return rt.ToValue(prev)
	})
	set("memoryBuffer", func(c sobek.FunctionCall) sobek.Value {
		return r.buffer(memArg(c.Argument(0)))
	})
	set("memoryObject", func(c sobek.FunctionCall) sobek.Value {
		if h := memArg(c.Argument(0)); h.obj != nil {
			return h.obj
		}
		return sobek.Undefined()
	})
	set("setMemoryObject", func(c sobek.FunctionCall) sobek.Value {
		memArg(c.Argument(0)).obj = c.Argument(1)
		return sobek.Undefined()
	})
	globArg := func(v sobek.Value) *globalHandle {
		h, _ := v.Export().(*globalHandle)
		if h == nil {
			panic(rt.NewTypeError("not a global"))
		}
		return h
	}
	set("newGlobal", func(c sobek.FunctionCall) sobek.Value {
		var t globalType
		for b, name := range valTypes {
			if name == c.Argument(0).String() {
				t.val = b
			}
		}
		t.mutable = c.Argument(1).ToBoolean()
		return rt.ToValue(r.newGlobal(t, r.toWasm(t.val, c.Argument(2))))
	})
	set("setGlobalObject", func(c sobek.FunctionCall) sobek.Value {
		globArg(c.Argument(0)).obj = c.Argument(1)
		return sobek.Undefined()
	})
	set("globalGet", func(c sobek.FunctionCall) sobek.Value {
		h := globArg(c.Argument(0))
		return r.toJS(h.t.val, h.g.Get())
	})
	set("globalSet", func(c sobek.FunctionCall) sobek.Value {
		h := globArg(c.Argument(0))
		if mg, ok := h.g.(api.MutableGlobal); ok {
			mg.Set(r.toWasm(h.t.val, c.Argument(1)))
		}
		return sobek.Undefined()
	})
	set("globalMutable", func(c sobek.FunctionCall) sobek.Value {
		return rt.ToValue(globArg(c.Argument(0)).t.mutable)
	})
	set("globalType", func(c sobek.FunctionCall) sobek.Value {
		return rt.ToValue(valTypes[globArg(c.Argument(0)).t.val])
	})
	return o
}

func kindName(k byte) string {
	switch k {
	case 0:
		return "function"
	case 1:
		return "table"
	case 2:
		return "memory"
	case 3:
		return "global"
	}
	return "tag"
}

func (r *Realm) bytesArg(v sobek.Value) []byte {
	var b []byte
	if err := r.rt.ExportTo(v, &b); err != nil {
		panic(r.rt.NewTypeError("not a buffer"))
	}
	return b
}

// compile is WebAssembly.Module's compile step; api names the caller in
// messages ("WebAssembly.Module()").
func (r *Realm) compile(apiName string, b []byte) *module {
	if r.policy.NoCodegen {
		r.throw("CompileError", apiName+": Wasm code generation disallowed by embedder")
	}
	if err := header(b); err != nil {
		r.throw("CompileError", apiName+": "+err.Error())
	}
	info, perr := parseBinary(b)
	if perr != nil {
		// not handed to wazero: its decoder allocates what a malformed
		// count says (2**32 functions declared in 5 bytes is Go's fatal
		// out-of-memory)
		r.throw("CompileError", apiName+": "+perr.Error())
	}
	cm, err := r.compileModule(forWazero(b, info))
	if err != nil {
		r.throw("CompileError", apiName+": "+compileMessage(err))
	}
	m := &module{info: info, compiled: cm, funcDefs: map[string]api.FunctionDefinition{}}
	for _, d := range cm.ImportedFunctions() {
		_, name, _ := d.Import()
		m.funcDefs[name] = d
	}
	return m
}

func compileMessage(err error) string {
	s := err.Error()
	s = strings.ReplaceAll(s, funcModule, "")
	s = strings.ReplaceAll(s, objectModule, "#")
	return s
}

func (r *Realm) validate(b []byte) bool {
	if header(b) != nil {
		return false
	}
	info, err := parseBinary(b)
	if err != nil {
		return false
	}
	cm, err := r.compileModule(forWazero(b, info))
	if err != nil {
		return false
	}
	_ = cm.Close(context.Background())
	return true
}

// compileModule runs wazero's compiler on a goroutine of its own and
// waits for it in a call frame, so an interrupt of the realm (a vm
// timeout) ends the wait: the compiler cannot be stopped (it compiles
// every function ahead of time, seconds for 10**5 functions), so an
// abandoned compile finishes in the background and its result is
// dropped.
func (r *Realm) compileModule(b []byte) (wazero.CompiledModule, error) {
	type result struct {
		cm  wazero.CompiledModule
		err error
	}
	wz := r.engine()
	done := make(chan result, 1)
	go func() {
		cm, err := wz.CompileModule(context.Background(), b)
		done <- result{cm, err}
	}()
	var res result
	r.call(context.Background(), func(ctx context.Context) error {
		select {
		case res = <-done:
			return nil
		case <-ctx.Done():
			go func() {
				if x := <-done; x.err == nil {
					_ = x.cm.Close(context.Background())
				}
			}()
			return ctx.Err()
		}
	}, nil)
	return res.cm, res.err
}

// instantiate links m against the import values (in import order, kinds
// checked by wasm.js) and returns the exports as name, value pairs.
func (r *Realm) instantiate(apiName string, m *module, vals []sobek.Value) []any {
	wz := r.engine()
	provided := map[string]api.Module{}
	k := newKeeper()
	k.imports = make([]sobek.Callable, len(vals))
	wk := weak.Make(k)
	if len(m.funcDefs) > 0 {
		// a host module must have a name; no wasm module can import it
		// (they import funcModule, which the resolver answers)
		r.hosts++
		hb := wz.NewHostModuleBuilder("\x00jsvm.h" + strconv.Itoa(r.hosts))
		for i, e := range m.info.imports {
			if e.kind != 0 {
				continue
			}
			name := strconv.Itoa(i)
			d := m.funcDefs[name]
			k.imports[i], _ = sobek.AssertFunction(vals[i])
			hb.NewFunctionBuilder().WithGoModuleFunction(r.hostFunc(wk, i, d.ParamTypes(), d.ResultTypes()), d.ParamTypes(), d.ResultTypes()).Export(name)
		}
		hm, err := hb.Instantiate(context.Background())
		if err != nil {
			r.throw("LinkError", apiName+": "+compileMessage(err))
		}
		provided[funcModule] = unwrapHost(hm)
		k.add(hm)
	}
	// the memories and globals imported, in index order: exporting one
	// gives the object imported, as V8 (wazero's export is another
	// wrapper of it)
	var memImports []*memHandle
	var globImports []sobek.Value
	for i, e := range m.info.imports {
		key := objectModule + strconv.Itoa(i)
		switch e.kind {
		case 2:
			h := vals[i].Export().(*memHandle)
			provided[key] = h.owner
			memImports = append(memImports, h)
			k.deps = append(k.deps, h.keep)
		case 3:
			globImports = append(globImports, nil)
			if h, ok := vals[i].Export().(*globalHandle); ok {
				globImports[len(globImports)-1] = h.obj
				if h.t.val != e.global.val || h.t.mutable != e.global.mutable {
					r.throw("LinkError", apiName+": Import #"+strconv.Itoa(i)+" \""+e.module+"\" \""+e.name+"\": imported global does not match the expected "+map[bool]string{true: "mutability", false: "type"}[h.t.val == e.global.val])
				}
				provided[key] = h.owner
			} else {
				g := r.newGlobal(globalType{val: e.global.val}, r.toWasm(e.global.val, vals[i]))
				provided[key] = g.owner
			}
		}
	}
	ctx := experimental.WithImportResolver(r.withAllocator(context.Background()), func(name string) api.Module { return provided[name] })
	var inst api.Module
	r.call(ctx, func(ctx context.Context) (err error) {
		defer func() {
			// wazero slices the initial memory the allocator refused
			if x := recover(); x != nil {
				if _, ok := x.(abortWasm); ok {
					panic(x)
				}
				err = errNoMemory
			}
		}()
		inst, err = wz.InstantiateModule(ctx, m.compiled, wazero.NewModuleConfig().WithName("").WithStartFunctions())
		return err
	}, func(err error) {
		if err == errNoMemory {
			r.throw("RangeError", apiName+": Out of memory: Cannot allocate Wasm memory for new instance")
		}
		r.throw("LinkError", apiName+": "+compileMessage(err))
	})
	k.add(inst)
	defs := m.compiled.ExportedFunctions()
	var out []any
	for _, e := range m.info.exports {
		switch e.kind {
		case 0:
			out = append(out, e.name, r.exportFunc(k, inst, e.name, defs[e.name]))
		case 2:
			if int(e.index) < len(memImports) {
				out = append(out, e.name, r.memoryObject(memImports[e.index]))
				continue
			}
			mem := inst.ExportedMemory(e.name)
			h := r.memoryHandle(mem, inst, k)
			out = append(out, e.name, r.memoryObject(h))
		case 3:
			if int(e.index) < len(globImports) && globImports[e.index] != nil {
				out = append(out, e.name, globImports[e.index])
				continue
			}
			g := inst.ExportedGlobal(e.name)
			var t globalType
			t.val = apiType(g.Type())
			_, t.mutable = g.(api.MutableGlobal)
			v, _ := r.wrapGlobal(sobek.Undefined(), r.rt.ToValue(&globalHandle{g: g, t: t, owner: inst, keep: k}))
			out = append(out, e.name, v)
		default:
			// tables and tags: not supported (see the package's report)
		}
	}
	return out
}

func apiType(t api.ValueType) byte {
	switch t {
	case api.ValueTypeI32:
		return 0x7f
	case api.ValueTypeI64:
		return 0x7e
	case api.ValueTypeF32:
		return 0x7d
	case api.ValueTypeF64:
		return 0x7c
	case api.ValueTypeExternref:
		return 0x6f
	}
	return 0x70
}

// memoryHandle returns the realm's one handle of mem (so one memory is one
// WebAssembly.Memory object, as in V8).
func (r *Realm) memoryHandle(mem api.Memory, owner api.Module, k *keeper) *memHandle {
	for _, w := range r.memories {
		if h := w.Value(); h != nil && h.mem == mem {
			return h
		}
	}
	h := &memHandle{mem: mem, owner: owner, keep: k}
	live := r.memories[:0]
	for _, w := range r.memories {
		if w.Value() != nil {
			live = append(live, w)
		}
	}
	r.memories = append(live, weak.Make(h))
	return h
}

func (r *Realm) memoryObject(h *memHandle) sobek.Value {
	if h.obj != nil {
		return h.obj
	}
	v, err := r.wrapMemory(sobek.Undefined(), r.rt.ToValue(h))
	if err != nil {
		panic(err)
	}
	return v
}

func (r *Realm) newMemory(initial uint32, maximum int64) (h *memHandle) {
	ctx := r.withAllocator(context.Background())
	defer func() {
		if x := recover(); x != nil {
			if _, ok := x.(*sobek.Object); ok {
				panic(x)
			}
			r.throw("RangeError", "WebAssembly.Memory(): could not allocate memory")
		}
	}()
	wz := r.engine()
	cm, err := wz.CompileModule(ctx, memoryModule(initial, maximum))
	if err == nil {
		var mod api.Module
		mod, err = wz.InstantiateModule(ctx, cm, wazero.NewModuleConfig().WithName("").WithStartFunctions())
		if err == nil {
			return r.memoryHandle(mod.ExportedMemory(objectField), mod, newKeeper(mod))
		}
	}
	r.throw("RangeError", "WebAssembly.Memory(): could not allocate memory")
	return nil
}

func (r *Realm) newGlobal(t globalType, bits uint64) *globalHandle {
	ctx := context.Background()
	wz := r.engine()
	cm, err := wz.CompileModule(ctx, globalModule(t, bits))
	if err == nil {
		var mod api.Module
		mod, err = wz.InstantiateModule(ctx, cm, wazero.NewModuleConfig().WithName("").WithStartFunctions())
		if err == nil {
			return &globalHandle{g: mod.ExportedGlobal(objectField), t: t, owner: mod, keep: newKeeper(mod)}
		}
	}
	r.throw("TypeError", "WebAssembly.Global(): "+err.Error())
	return nil
}

// buffer is memory.buffer: an ArrayBuffer over wazero's bytes (shared,
// not copied), remade (the old one detached) when the memory has grown.
func (r *Realm) buffer(h *memHandle) sobek.Value {
	size := h.mem.Size()
	if h.bufObj != nil && size == h.size {
		return h.bufObj
	}
	h.detach()
	b, _ := h.mem.Read(0, size)
	h.buf = r.rt.NewArrayBuffer(b[:len(b):len(b)])
	h.bufObj = r.rt.ToValue(h.buf)
	h.size = size
	return h.bufObj
}

func (h *memHandle) detach() {
	if h.bufObj != nil {
		h.buf.Detach()
		h.bufObj = nil
	}
}

// refreshMemories detaches the buffers of memories that grew inside wasm
// (memory.grow), as V8 does at the grow.
func (r *Realm) refreshMemories() {
	for _, w := range r.memories {
		if h := w.Value(); h != nil && h.bufObj != nil && h.mem.Size() != h.size {
			h.detach()
		}
	}
}

// exportFunc makes an exported function: named by its function index,
// length its parameter count, not a constructor, as V8's.
func (r *Realm) exportFunc(k *keeper, inst api.Module, name string, d api.FunctionDefinition) sobek.Value {
	params, results := d.ParamTypes(), d.ResultTypes()
	f := inst.ExportedFunction(name)
	busy := false
	fn := func(c sobek.FunctionCall) sobek.Value {
		args := make([]uint64, len(params))
		for i, t := range params {
			args[i] = r.toWasm(apiType(t), c.Argument(i))
		}
		callee := f
		if busy {
			// re-entered through an import: a call engine of its own
			callee = inst.ExportedFunction(name)
		} else {
			busy = true
			defer func() { busy = false }()
		}
		var res []uint64
		r.call(context.Background(), func(ctx context.Context) error {
			var err error
			res, err = callee.Call(ctx, args...)
			return err
		}, nil)
		runtime.KeepAlive(k)
		switch len(results) {
		case 0:
			return sobek.Undefined()
		case 1:
			return r.toJS(apiType(results[0]), res[0])
		}
		vs := make([]any, len(results))
		for i, t := range results {
			vs[i] = r.toJS(apiType(t), res[i])
		}
		return r.rt.NewArray(vs...)
	}
	o := r.rt.ToValue(fn).(*sobek.Object)
	_ = o.DefineDataProperty("name", r.rt.ToValue(strconv.Itoa(int(d.Index()))), sobek.FLAG_FALSE, sobek.FLAG_TRUE, sobek.FLAG_FALSE)
	_ = o.DefineDataProperty("length", r.rt.ToValue(len(params)), sobek.FLAG_FALSE, sobek.FLAG_TRUE, sobek.FLAG_FALSE)
	return o
}

var errNoMemory = errors.New("no memory")

// unwrapHost returns the module instance inside the wrapper wazero's
// HostModuleBuilder.Instantiate returns: its import resolver
// (experimental.WithImportResolver) takes only the module instance
// itself. The wrapper is a one-field struct embedding api.Module;
// TestImports (testdata/api.js's import cases) fails if that changes.
func unwrapHost(m api.Module) api.Module {
	v := reflect.ValueOf(m)
	if v.Kind() == reflect.Struct && v.NumField() == 1 && v.Type().Field(0).IsExported() {
		if inner, ok := v.Field(0).Interface().(api.Module); ok {
			return inner
		}
	}
	return m
}

// abortWasm unwinds wasm after an import threw; the thrown value waits in
// the call's frame.
type abortWasm struct{}

// hostFunc is import i, a JS function, as wazero calls it.
func (r *Realm) hostFunc(wk weak.Pointer[keeper], i int, params, results []api.ValueType) api.GoModuleFunc {
	return func(ctx context.Context, _ api.Module, stack []uint64) {
		k := wk.Value()
		if k == nil {
			panic(abortWasm{}) // cannot be: a call into the instance holds its keeper
		}
		fn := k.imports[i]
		frame := r.top()
		r.refreshMemories()
		args := make([]sobek.Value, len(params))
		for i, t := range params {
			args[i] = r.toJS(apiType(t), stack[i])
		}
		v, err := fn(sobek.Undefined(), args...)
		if err == nil {
			if ex := r.rt.Try(func() { r.storeResults(results, v, stack) }); ex != nil {
				err = ex
			}
		}
		if err != nil {
			if frame != nil {
				frame.pending = err
			}
			panic(abortWasm{})
		}
	}
}

func (r *Realm) storeResults(results []api.ValueType, v sobek.Value, stack []uint64) {
	switch len(results) {
	case 0:
		return
	case 1:
		stack[0] = r.toWasm(apiType(results[0]), v)
		return
	}
	o, ok := v.(*sobek.Object)
	if !ok {
		panic(r.rt.NewTypeError("multi-return value must be iterable"))
	}
	arrayFrom, _ := sobek.AssertFunction(r.policyBuiltin("Array").Get("from"))
	arr, err := arrayFrom(sobek.Undefined(), o)
	if err != nil {
		panic(err)
	}
	a := arr.(*sobek.Object)
	if int(a.Get("length").ToInteger()) != len(results) {
		panic(r.rt.NewTypeError("multi-return length mismatch"))
	}
	for i, t := range results {
		stack[i] = r.toWasm(apiType(t), a.Get(strconv.Itoa(i)))
	}
}

func (r *Realm) policyBuiltin(name string) *sobek.Object {
	g := r.policy.Builtins
	if g == nil {
		g = r.rt.GlobalObject()
	}
	o, _ := g.Get(name).(*sobek.Object)
	return o
}

func (r *Realm) top() *callFrame {
	r.mu.Lock()
	defer r.mu.Unlock()
	if len(r.calls) == 0 {
		return nil
	}
	return r.calls[len(r.calls)-1]
}

// call runs one wasm entry (a call, an instantiation) under a frame of
// its own: cancellable by Interrupt, re-throwing what an import threw,
// with traps as RuntimeErrors; other errors go to other (nil: trap).
func (r *Realm) call(parent context.Context, run func(context.Context) error, other func(error)) {
	r.mu.Lock()
	if len(r.calls) >= maxNesting {
		r.mu.Unlock()
		r.throw("RangeError", "Maximum call stack size exceeded")
	}
	ctx, cancel := context.WithCancel(parent)
	f := &callFrame{ctx: ctx, cancel: cancel}
	r.calls = append(r.calls, f)
	r.mu.Unlock()
	err := run(ctx)
	interrupted := ctx.Err() != nil
	r.mu.Lock()
	r.calls = r.calls[:len(r.calls)-1]
	r.mu.Unlock()
	cancel()
	r.refreshMemories()
	if err == nil {
		return
	}
	if f.pending != nil {
		panic(f.pending) // what the import threw, as it was
	}
	if interrupted {
		// interrupted: the runtime's interrupt ends the run at its next step
		r.throw("RuntimeError", "wasm execution interrupted")
	}
	msg := err.Error()
	if msg == "stack overflow" { // wazero's ErrRuntimeStackOverflow, unwrapped
		r.throw("RangeError", "Maximum call stack size exceeded")
	}
	if i := strings.Index(msg, "wasm error: "); i >= 0 {
		trap, _, _ := strings.Cut(msg[i+len("wasm error: "):], "\n")
		if trap == "stack overflow" {
			r.throw("RangeError", "Maximum call stack size exceeded")
		}
		r.throw("RuntimeError", trapMessage(trap))
	}
	var exit interface{ ExitCode() uint32 }
	if errors.As(err, &exit) {
		// wazero closes an instance an interrupt stopped, for good
		r.throw("RuntimeError", "WebAssembly instance unusable: an earlier run was interrupted inside it")
	}
	if other != nil {
		other(err)
	}
	r.throw("RuntimeError", msg)
}

// trapMessage is V8's message for a wazero trap.
func trapMessage(trap string) string {
	switch trap {
	case "unreachable":
		return "unreachable"
	case "integer divide by zero":
		return "divide by zero"
	case "integer overflow":
		return "divide result unrepresentable"
	case "invalid conversion to integer":
		return "float unrepresentable in integer range"
	case "out of bounds memory access":
		return "memory access out of bounds"
	case "invalid table access":
		return "table index is out of bounds"
	case "indirect call type mismatch":
		return "null function or function signature mismatch"
	case "unaligned atomic":
		return "operation does not support unaligned accesses"
	}
	return trap
}

// toWasm converts a JS value to a wasm value of type t, as the JS API's
// ToWebAssemblyValue (ToInt32, ToBigInt64, ToNumber).
func (r *Realm) toWasm(t byte, v sobek.Value) uint64 {
	switch t {
	case 0x7f:
		return uint64(uint32(toInt32(v.ToFloat())))
	case 0x7e:
		b, err := r.toBigInt(sobek.Undefined(), v)
		if err != nil {
			panic(err)
		}
		bi, _ := b.Export().(*big.Int)
		if bi == nil {
			return 0
		}
		return uint64(bi.Int64())
	case 0x7d:
		return uint64(math.Float32bits(float32(v.ToFloat())))
	case 0x7c:
		return math.Float64bits(v.ToFloat())
	}
	panic(r.rt.NewTypeError("type incompatibility when transforming from/to JS"))
}

func toInt32(f float64) int32 {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return 0
	}
	f = math.Trunc(f)
	f = math.Mod(f, 4294967296)
	if f < 0 {
		f += 4294967296
	}
	return int32(uint32(f))
}

func (r *Realm) toJS(t byte, bits uint64) sobek.Value {
	switch t {
	case 0x7f:
		return r.rt.ToValue(int32(uint32(bits)))
	case 0x7e:
		return r.rt.ToValue(big.NewInt(int64(bits)))
	case 0x7d:
		return r.rt.ToValue(float64(math.Float32frombits(uint32(bits))))
	case 0x7c:
		return r.rt.ToValue(math.Float64frombits(bits))
	}
	panic(r.rt.NewTypeError("type incompatibility when transforming from/to JS"))
}
