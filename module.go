package jsvm

import (
	"context"
	"errors"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"weak"

	"github.com/grafana/sobek"
	"github.com/grafana/sobek/parser"
	"github.com/jsvm-dev/jsvm/internal/core"
)

// ModuleStatus is the status of a Module, as Node's module.status.
type ModuleStatus string

// Module statuses.
const (
	ModuleUnlinked   ModuleStatus = "unlinked"
	ModuleLinking    ModuleStatus = "linking"
	ModuleLinked     ModuleStatus = "linked"
	ModuleEvaluating ModuleStatus = "evaluating"
	ModuleEvaluated  ModuleStatus = "evaluated"
	ModuleErrored    ModuleStatus = "errored"
)

// ModuleError is a misuse of the module API, with Node's code
// (ERR_VM_MODULE_STATUS, ERR_VM_MODULE_DIFFERENT_CONTEXT, ...).
type ModuleError struct {
	Code string
	Msg  string
	// Cause is the error behind a link failure, if any.
	Cause error
}

func (e *ModuleError) Error() string { return e.Msg }
func (e *ModuleError) Unwrap() error { return e.Cause }

// Linker returns the module a specifier of referrer's imports refers to
// (module.link's linker). It may return a module that is not linked yet:
// Link links it with the same linker.
type Linker func(specifier string, referrer *Module) (*Module, error)

// ModuleOptions are the options of vm.SourceTextModule and
// vm.SyntheticModule. The zero value is Node's default.
type ModuleOptions struct {
	// Identifier is used in stack traces; default "vm:module(i)" with an
	// index per context.
	Identifier string
	// LineOffset and ColumnOffset shift the positions reported for the
	// module (source text modules).
	LineOffset, ColumnOffset int
	// InitializeImportMeta is called once, when the module first reads
	// import.meta (a null-prototype object of the module's context).
	InitializeImportMeta func(meta Value, m *Module)
	// ImportModuleDynamically answers import() in the module; it returns a
	// module of the same context, which is linked and evaluated as needed.
	// Without it import() rejects with ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING.
	ImportModuleDynamically func(specifier string, referrer *Module) (*Module, error)
}

// Module is an ES module of one context: a source text module made by
// Context.CompileModule or a synthetic module made by
// Context.NewSyntheticModule. Like every value of an isolate, it is used
// on the isolate's goroutine.
type Module struct {
	ctx  *Context
	id   string
	opts ModuleOptions

	st       *sobek.SourceTextModuleRecord // nil for a synthetic module
	rec      sobek.ModuleRecord
	specs    []string
	imports  [][2]string // (specifier, name) of named imports and re-exports
	resolved map[string]*Module

	status ModuleStatus
	err    error // evaluation or link error
	rawErr any   // as sobek reported it

	// synthetic modules
	names     []string
	exports   map[string]sobek.Value // of the module's context
	evaluate  func(*Module) error
	preparing bool

	promise *Promise
}

// goModules is the module state of a context of the Go API.
type goModules struct {
	nextID   int
	byRecord map[*sobek.SourceTextModuleRecord]weak.Pointer[Module]
}

// goModulesOf holds the module state of each context of the Go API; the
// keys are weak so that the table does not keep contexts alive.
var (
	goModulesMu sync.Mutex
	goModulesOf = map[weak.Pointer[core.Context]]*goModules{}
)

// modules returns c's module state, installing import() and import.meta
// hooks on its runtime the first time.
func (c *Context) modules() *goModules {
	goModulesMu.Lock()
	defer goModulesMu.Unlock()
	key := weak.Make(c.c)
	if s := goModulesOf[key]; s != nil {
		return s
	}
	s := &goModules{byRecord: map[*sobek.SourceTextModuleRecord]weak.Pointer[Module]{}}
	goModulesOf[key] = s
	runtime.AddCleanup(c.c, func(k weak.Pointer[core.Context]) {
		goModulesMu.Lock()
		delete(goModulesOf, k)
		goModulesMu.Unlock()
	}, key)
	rt := c.c.Runtime()
	rt.SetFinalImportMeta(func(meta *sobek.Object, rec sobek.ModuleRecord) {
		m := s.moduleOf(rec)
		if m == nil || m.opts.InitializeImportMeta == nil {
			return
		}
		m.opts.InitializeImportMeta(Value{v: meta, c: c.c, iso: c.iso}, m)
	})
	rt.SetImportModuleDynamically(func(referrer any, specifier sobek.Value, capability any) {
		finish := func(rec sobek.ModuleRecord, e any) {
			rt.FinishLoadingImportModule(referrer, specifier, capability, rec, e)
		}
		m := s.moduleOf(referrer)
		if m == nil || m.opts.ImportModuleDynamically == nil {
			e := c.c.Runtime().NewTypeError("A dynamic import callback was not specified.")
			_ = e.Set("code", "ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING")
			finish(nil, e)
			return
		}
		dep, err := m.opts.ImportModuleDynamically(specifier.String(), m)
		if err == nil && dep == nil {
			err = &ModuleError{Code: "ERR_VM_MODULE_NOT_MODULE", Msg: "Provided module is not an instance of Module"}
		}
		if err == nil && dep.ctx.c != c.c {
			err = &ModuleError{Code: "ERR_VM_MODULE_DIFFERENT_CONTEXT", Msg: "Linked modules must use the same context"}
		}
		if err == nil && dep.status == ModuleUnlinked {
			err = dep.link(func(string, *Module) (*Module, error) {
				return nil, &ModuleError{Code: "ERR_VM_MODULE_LINK_FAILURE", Msg: "import() of an unlinked module with imports"}
			})
		}
		if err != nil {
			finish(nil, c.jsError(err))
			return
		}
		dep.prepareNamespace()
		finish(dep.rec, nil)
	})
	return s
}

func (s *goModules) moduleOf(rec any) *Module {
	r, ok := rec.(*sobek.SourceTextModuleRecord)
	if !ok {
		return nil
	}
	if p, ok := s.byRecord[r]; ok {
		return p.Value()
	}
	return nil
}

// jsError turns a Go error into a value to reject a promise of c with.
func (c *Context) jsError(err error) sobek.Value {
	var je *Error
	if errors.As(err, &je) && je.Value.v != nil {
		return core.Carry(je.Value.v, je.Value.c, c.c)
	}
	rt := c.c.Runtime()
	e := rt.NewGoError(err)
	var me *ModuleError
	if errors.As(err, &me) {
		_ = e.Set("code", me.Code)
	}
	return e
}

// CompileModule parses code as an ES module of c: new vm.SourceTextModule.
// A parse error is a *SyntaxError.
func (c *Context) CompileModule(code string, opts ModuleOptions) (*Module, error) {
	if err := c.iso.enter(); err != nil {
		return nil, err
	}
	defer c.iso.exit()
	s := c.modules()
	m := &Module{ctx: c, opts: opts, status: ModuleUnlinked, resolved: map[string]*Module{}}
	m.id = c.moduleID(opts.Identifier, s)
	src := code
	if opts.LineOffset > 0 || opts.ColumnOffset > 0 {
		src = strings.Repeat("\n", max(opts.LineOffset, 0)) + strings.Repeat(" ", max(opts.ColumnOffset, 0)) + code
	}
	body, err := parser.ParseFile(nil, m.id, src, 0, parser.IsModule, parser.WithDisableSourceMaps)
	if err != nil {
		var list parser.ErrorList
		if errors.As(err, &list) && len(list) > 0 {
			return nil, &SyntaxError{Message: list[0].Message, Filename: m.id, Line: list[0].Position.Line, Column: list[0].Position.Column}
		}
		return nil, &SyntaxError{Message: err.Error(), Filename: m.id}
	}
	rec, err := sobek.ModuleFromAST(body, func(ref any, spec string) (sobek.ModuleRecord, error) {
		// sobek links a graph with its root's resolver: dispatch on the
		// referrer
		if r, ok := ref.(*sobek.SourceTextModuleRecord); ok && r == m.st {
			return m.resolve(spec)
		}
		return goResolve(ref, spec)
	})
	if err != nil {
		var ce *sobek.CompilerSyntaxError
		if errors.As(err, &ce) {
			return nil, &SyntaxError{Message: ce.Message, Filename: m.id}
		}
		return nil, err
	}
	m.st = rec
	m.rec = &goSTRecord{SourceTextModuleRecord: rec, m: m}
	m.imports = core.ImportRequests(body)
	seen := map[string]bool{}
	for _, sp := range rec.RequestedModules() {
		if !seen[sp] {
			seen[sp] = true
			m.specs = append(m.specs, sp)
		}
	}
	s.byRecord[rec] = weak.Make(m)
	return m, nil
}

// NewSyntheticModule makes a module of c whose exports are set from Go:
// new vm.SyntheticModule. evaluate runs once, when the module is
// evaluated; it sets the exports with SetExport.
func (c *Context) NewSyntheticModule(exportNames []string, evaluate func(m *Module) error, opts ModuleOptions) (*Module, error) {
	seen := map[string]bool{}
	for _, n := range exportNames {
		if seen[n] {
			return nil, &ModuleError{Code: "ERR_INVALID_ARG_VALUE", Msg: "The property 'exportNames." + n + "' is duplicated. Received '" + n + "'"}
		}
		seen[n] = true
	}
	if err := c.iso.enter(); err != nil {
		return nil, err
	}
	defer c.iso.exit()
	s := c.modules()
	m := &Module{ctx: c, opts: opts, status: ModuleUnlinked, resolved: map[string]*Module{},
		names: append([]string(nil), exportNames...), exports: map[string]sobek.Value{}, evaluate: evaluate}
	m.id = c.moduleID(opts.Identifier, s)
	m.rec = &core.SyntheticRecord{Module: goSynth{m}}
	return m, nil
}

func (c *Context) moduleID(id string, s *goModules) string {
	if id != "" {
		return id
	}
	id = "vm:module(" + strconv.Itoa(s.nextID) + ")"
	s.nextID++
	return id
}

// Identifier returns the module's identifier.
func (m *Module) Identifier() string { return m.id }

// Context returns the context the module belongs to.
func (m *Module) Context() *Context { return m.ctx }

// Status returns the module's status.
func (m *Module) Status() ModuleStatus { return m.status }

// DependencySpecifiers returns the specifiers the module imports, each
// once, in source order.
func (m *Module) DependencySpecifiers() []string { return append([]string(nil), m.specs...) }

// Error returns the error the module's evaluation (or linking) failed
// with; it is a *ModuleError with code ERR_VM_MODULE_STATUS unless the
// status is ModuleErrored.
func (m *Module) Error() error {
	if m.status != ModuleErrored {
		return &ModuleError{Code: "ERR_VM_MODULE_STATUS", Msg: "Module status must be errored"}
	}
	return m.err
}

func (m *Module) resolve(spec string) (sobek.ModuleRecord, error) {
	dep := m.resolved[spec]
	if dep == nil {
		return nil, errors.New("jsvm: module request '" + spec + "' is not linked")
	}
	return dep.rec, nil
}

// Link links the module and, with the same linker, every module it
// imports that is not linked yet: module.link. Cycles are allowed; a
// module returned for several requests is linked once.
func (m *Module) Link(linker Linker) error {
	if err := m.ctx.iso.enter(); err != nil {
		return err
	}
	defer m.ctx.iso.exit()
	if m.status != ModuleUnlinked {
		if m.status == ModuleLinking {
			return &ModuleError{Code: "ERR_VM_MODULE_STATUS", Msg: "Module status must be unlinked"}
		}
		return &ModuleError{Code: "ERR_VM_MODULE_ALREADY_LINKED", Msg: "Module has already been linked"}
	}
	return m.link(linker)
}

func (m *Module) link(linker Linker) error {
	if err := m.linkRequests(linker); err != nil {
		return err
	}
	return m.instantiate()
}

func (m *Module) linkRequests(linker Linker) (err error) {
	if m.st == nil {
		return nil
	}
	m.status = ModuleLinking
	defer func() {
		if err != nil {
			m.status, m.err = ModuleErrored, err
		} else {
			m.status = ModuleUnlinked // instantiate makes it linked
		}
	}()
	for _, spec := range m.specs {
		dep, err := linker(spec, m)
		if err != nil {
			return err
		}
		if dep == nil {
			return &ModuleError{Code: "ERR_VM_MODULE_NOT_MODULE", Msg: "Provided module is not an instance of Module"}
		}
		if dep.ctx.c != m.ctx.c {
			return &ModuleError{Code: "ERR_VM_MODULE_DIFFERENT_CONTEXT", Msg: "Linked modules must use the same context"}
		}
		if dep.status == ModuleErrored {
			return &ModuleError{Code: "ERR_VM_MODULE_LINK_FAILURE", Msg: "request for '" + spec + "' resolved to an errored module", Cause: dep.err}
		}
		if dep.status == ModuleUnlinked && len(dep.resolved) == 0 {
			if err := dep.linkRequests(linker); err != nil {
				return err
			}
		}
		m.resolved[spec] = dep
	}
	return nil
}

// graph calls fn on m and every module it links to, once each.
func (m *Module) graph(fn func(*Module)) {
	seen := map[*Module]bool{}
	var walk func(*Module)
	walk = func(x *Module) {
		if seen[x] {
			return
		}
		seen[x] = true
		fn(x)
		for _, s := range x.specs {
			if d := x.resolved[s]; d != nil {
				walk(d)
			}
		}
	}
	walk(m)
}

func (m *Module) instantiate() error {
	// V8 reports a missing import when linking; sobek only when the
	// importing code runs
	var linkErr error
	m.graph(func(x *Module) {
		if linkErr != nil || x.status != ModuleUnlinked {
			return
		}
		for _, im := range x.imports {
			dep := x.resolved[im[0]]
			if dep == nil {
				continue
			}
			if b, ambiguous := dep.rec.ResolveExport(im[1]); ambiguous {
				linkErr = &SyntaxError{Message: "The requested module '" + im[0] + "' contains conflicting star exports for name '" + im[1] + "'", Filename: x.id}
			} else if b == nil {
				linkErr = &SyntaxError{Message: "The requested module '" + im[0] + "' does not provide an export named '" + im[1] + "'", Filename: x.id}
			}
		}
	})
	if linkErr != nil {
		return linkErr
	}
	if err := m.rec.Link(); err != nil {
		var ce *sobek.CompilerSyntaxError
		if errors.As(err, &ce) {
			return &SyntaxError{Message: ce.Message, Filename: m.id}
		}
		return err
	}
	m.graph(func(x *Module) {
		if x.status == ModuleUnlinked || x.status == ModuleLinking {
			x.status = ModuleLinked
		}
	})
	return nil
}

// Namespace returns the module's namespace object (a value of the
// module's context); the module must be linked.
func (m *Module) Namespace() (Value, error) {
	if m.status == ModuleUnlinked || m.status == ModuleLinking {
		return Value{}, &ModuleError{Code: "ERR_VM_MODULE_STATUS", Msg: "Module status must not be unlinked or linking"}
	}
	if err := m.ctx.iso.enter(); err != nil {
		return Value{}, err
	}
	defer m.ctx.iso.exit()
	m.prepareNamespace()
	return Value{v: m.ctx.c.Runtime().NamespaceObjectFor(m.rec), c: m.ctx.c, iso: m.ctx.iso}, nil
}

// SetExport sets an export of a synthetic module (after linking).
func (m *Module) SetExport(name string, value any) error {
	if m.st != nil {
		return &ModuleError{Code: "ERR_VM_MODULE_NOT_MODULE", Msg: "SetExport on a source text module"}
	}
	if m.status == ModuleUnlinked {
		return &ModuleError{Code: "ERR_VM_MODULE_STATUS", Msg: "Module status must be linked"}
	}
	if _, ok := m.exports[name]; !ok {
		found := false
		for _, n := range m.names {
			found = found || n == name
		}
		if !found {
			return &ModuleError{Code: "ERR_VM_MODULE_EXPORT", Msg: "Export '" + name + "' is not defined in module"}
		}
	}
	m.exports[name] = m.ctx.iso.toJS(value, m.ctx.c)
	return nil
}

// Evaluate evaluates the module (and the modules it imports): module.evaluate.
// It returns the evaluation's promise once the module's synchronous part
// and the promise jobs it queued have run; with top-level await it may
// still be pending. Timeout and ctx stop the evaluation as they stop a
// script run. Evaluating again returns the same outcome.
func (m *Module) Evaluate(ctx context.Context, opts RunOptions) (*Promise, error) {
	switch m.status {
	case ModuleLinked, ModuleEvaluating, ModuleEvaluated, ModuleErrored:
	default:
		return nil, &ModuleError{Code: "ERR_VM_MODULE_STATUS", Msg: "Module status must be one of linked, evaluated, or errored"}
	}
	if m.promise != nil {
		return m.promise, nil
	}
	iso := m.ctx.iso
	if err := iso.enter(); err != nil {
		return nil, err
	}
	defer iso.exit()
	c := m.ctx.c
	rt := c.Runtime()
	if m.st == nil {
		m.runSteps()
		p, resolve, reject := rt.NewPromise()
		if m.status == ModuleErrored {
			_ = reject(m.ctx.jsError(m.err))
		} else {
			_ = resolve(sobek.Undefined())
		}
		m.promise = &Promise{p: p, c: c, iso: iso, m: m}
		return m.promise, nil
	}
	var ip *sobek.Promise
	_, err := iso.run(ctx, opts, func() (sobek.Value, error) {
		restore := core.SaveVM(rt)
		c.Do(func() { ip = rt.CyclicModuleRecordEvaluate(m.rec.(*goSTRecord), goResolve) })
		if ip.State() == sobek.PromiseStateRejected {
			if ie, ok := ip.Result().Export().(*sobek.InterruptedError); ok {
				// sobek does not unwind the module's frames on an interrupt
				if restore != nil {
					restore()
				}
				rt.ClearInterrupt()
				return nil, ie
			}
		}
		return sobek.Undefined(), nil
	})
	if err != nil {
		err = iso.thrown(err, c)
		m.graph(func(x *Module) {
			if x.status != ModuleEvaluated && x.status != ModuleErrored {
				x.status, x.err = ModuleErrored, err
			}
		})
		return nil, err
	}
	m.promise = &Promise{p: ip, c: c, iso: iso, m: m}
	m.promise.update()
	return m.promise, nil
}

func goResolve(ref any, spec string) (sobek.ModuleRecord, error) {
	switch r := ref.(type) {
	case *goSTRecord:
		return r.m.resolve(spec)
	case *core.SyntheticRecord:
		return r.Module.(goSynth).m.resolve(spec)
	}
	return nil, errors.New("jsvm: module request '" + spec + "' from an unknown module")
}

// Promise is the promise of a module evaluation.
type Promise struct {
	p   *sobek.Promise
	c   *core.Context
	iso *Isolate
	m   *Module
}

// Pending reports whether the evaluation has not settled yet.
func (p *Promise) Pending() bool { return p.p.State() == sobek.PromiseStatePending }

// Await returns the evaluation's outcome: nil, or the error it failed
// with. It runs the context's pending promise jobs first; if the
// evaluation still waits (on something only the host can resolve), it
// returns ErrPending. Cancelling ctx stops it.
func (p *Promise) Await(ctx context.Context) error {
	if p.Pending() {
		if err := p.iso.enter(); err != nil {
			return err
		}
		// a call into the idle runtime runs its queued jobs
		rt := p.c.Runtime()
		if fn, ok := sobek.AssertFunction(rt.ToValue(func(sobek.FunctionCall) sobek.Value { return sobek.Undefined() })); ok {
			_, _ = fn(sobek.Undefined())
		}
		p.iso.exit()
	}
	if ctx != nil {
		if err := ctx.Err(); err != nil {
			return err
		}
	}
	if p.Pending() {
		return ErrPending
	}
	p.update()
	if p.p.State() == sobek.PromiseStateRejected {
		return p.m.err
	}
	return nil
}

// ErrPending is returned by Promise.Await for an evaluation that waits on
// something that has not happened yet.
var ErrPending = errors.New("jsvm: module evaluation is still pending")

// update records the settled outcome on the modules of the graph.
func (p *Promise) update() {
	m := p.m
	switch p.p.State() {
	case sobek.PromiseStateFulfilled:
		m.graph(func(x *Module) {
			if x.status == ModuleLinked || x.status == ModuleEvaluating {
				x.status = ModuleEvaluated
			}
		})
	case sobek.PromiseStateRejected:
		if m.status == ModuleErrored && m.err != nil {
			return
		}
		raw := any(p.p.Result())
		if ex, ok := p.p.Result().Export().(*sobek.Exception); ok {
			raw = ex
		}
		var err error
		m.graph(func(x *Module) {
			if err == nil && x.status == ModuleErrored && x.rawErr == raw {
				err = x.err
			}
		})
		if err == nil {
			if ex, ok := raw.(*sobek.Exception); ok {
				err = p.iso.thrown(ex, p.c)
			} else {
				err = p.iso.thrown(&sobek.Exception{}, p.c)
			}
		}
		m.graph(func(x *Module) {
			if x.status != ModuleEvaluated && x.status != ModuleErrored {
				x.status, x.err, x.rawErr = ModuleErrored, err, raw
			}
		})
	}
}

// goSTRecord wraps a source text record to follow each module's outcome.
type goSTRecord struct {
	*sobek.SourceTextModuleRecord
	m *Module
}

func (r *goSTRecord) Instantiate(rt *sobek.Runtime) (sobek.CyclicModuleInstance, error) {
	inst, err := r.SourceTextModuleRecord.Instantiate(rt)
	if err != nil {
		return nil, err
	}
	return &goSTInstance{CyclicModuleInstance: inst, m: r.m}, nil
}

func (r *goSTRecord) Evaluate(rt *sobek.Runtime) *sobek.Promise {
	return rt.CyclicModuleRecordEvaluate(r, goResolve)
}

type goSTInstance struct {
	sobek.CyclicModuleInstance
	m *Module
}

func (i *goSTInstance) ExecuteModule(rt *sobek.Runtime, res, rej func(any) error) (sobek.CyclicModuleInstance, error) {
	m := i.m
	m.status = ModuleEvaluating
	if res != nil {
		_, err := i.CyclicModuleInstance.ExecuteModule(rt,
			func(x any) error { m.status = ModuleEvaluated; return res(x) },
			func(x any) error { m.fail(x); return rej(x) })
		return nil, err
	}
	_, err := i.CyclicModuleInstance.ExecuteModule(rt, nil, nil)
	if err != nil {
		m.fail(err)
		return nil, err
	}
	m.status = ModuleEvaluated
	return i, nil
}

func (m *Module) fail(x any) {
	if m.status == ModuleErrored {
		return
	}
	m.status, m.rawErr = ModuleErrored, x
	if ex, ok := x.(*sobek.Exception); ok {
		m.err = m.ctx.iso.thrown(ex, m.ctx.c)
	} else if e, ok := x.(error); ok {
		m.err = e
	} else {
		m.err = errors.New("jsvm: module evaluation failed")
	}
}

// goSynth is a synthetic Module as its record sees it
// (core.SyntheticModule).
type goSynth struct{ m *Module }

func (s goSynth) ExportNames() []string { return s.m.names }

func (s goSynth) EvaluateSteps() error {
	m := s.m
	if !m.preparing && (m.status == ModuleLinked || m.status == ModuleUnlinked) {
		m.runSteps()
	}
	if m.status == ModuleErrored && !m.preparing {
		return m.err
	}
	return nil
}

func (s goSynth) Binding(name string) sobek.Value {
	if v := s.m.exports[name]; v != nil {
		return v
	}
	return sobek.Undefined()
}

func (m *Module) runSteps() {
	m.status = ModuleEvaluating
	var err error
	if m.evaluate != nil {
		err = m.evaluate(m)
	}
	if err != nil {
		m.status, m.err, m.rawErr = ModuleErrored, err, err
		return
	}
	m.status = ModuleEvaluated
}

// prepareNamespace creates the per-runtime instances a namespace reads
// bindings from, for modules not evaluated yet.
func (m *Module) prepareNamespace() {
	rt := m.ctx.c.Runtime()
	m.graph(func(x *Module) {
		if rt.GetModuleInstance(x.rec) != nil {
			return
		}
		if x.st != nil {
			if rt.GetModuleInstance(x.st) == nil {
				_, _ = x.st.Instantiate(rt)
			}
			return
		}
		x.preparing = true
		defer func() { x.preparing = false }()
		core.PrepareInstance(rt, x.rec)
	})
}
