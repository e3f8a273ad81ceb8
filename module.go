package jsvm

import (
	"context"
	"errors"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"weak"

	"github.com/grafana/sobek"
	"github.com/grafana/sobek/parser"
	"github.com/jsvm-dev/jsvm/internal/core"
	"github.com/jsvm-dev/jsvm/internal/stack"
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
	opts ModuleOptions
	cm   *core.Module // the record, shared with the vm builtin's modules

	// synthetic modules
	exports  map[string]sobek.Value // of the module's context
	evaluate func(*Module) error

	promise *Promise
}

// goModules is the module state of a context of the Go API.
type goModules struct {
	nextID int
}

// goModulesOf holds the module state of each context of the Go API; the
// keys are weak so that the table does not keep contexts alive.
var (
	goModulesMu sync.Mutex
	goModulesOf = map[weak.Pointer[core.Context]]*goModules{}
)

// moduleOf returns the Go API module of a record sobek reports, or nil.
func moduleOf(rec any) *Module {
	if cm := core.ModuleOf(rec); cm != nil {
		m, _ := cm.Face.(*Module)
		return m
	}
	return nil
}

// modules returns c's module state, installing import() and import.meta
// hooks on its runtime the first time.
func (c *Context) modules() *goModules {
	goModulesMu.Lock()
	defer goModulesMu.Unlock()
	key := weak.Make(c.c)
	if s := goModulesOf[key]; s != nil {
		return s
	}
	s := &goModules{}
	goModulesOf[key] = s
	runtime.AddCleanup(c.c, func(k weak.Pointer[core.Context]) {
		goModulesMu.Lock()
		delete(goModulesOf, k)
		goModulesMu.Unlock()
	}, key)
	rt := c.c.Runtime()
	rt.SetFinalImportMeta(func(meta *sobek.Object, rec sobek.ModuleRecord) {
		m := moduleOf(rec)
		if m == nil || m.opts.InitializeImportMeta == nil {
			return
		}
		c.c.CallGo(func() { m.opts.InitializeImportMeta(Value{v: meta, c: c.c, iso: c.iso}, m) })
	})
	rt.SetImportModuleDynamically(func(referrer any, specifier sobek.Value, capability any) {
		finish := func(rec sobek.ModuleRecord, e any) {
			rt.FinishLoadingImportModule(referrer, specifier, capability, rec, e)
		}
		m := moduleOf(referrer)
		if m == nil || m.opts.ImportModuleDynamically == nil {
			e := c.c.Runtime().NewTypeError("A dynamic import callback was not specified.")
			_ = e.Set("code", "ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING")
			finish(nil, e)
			return
		}
		var dep *Module
		err := safeCall(func() (err error) {
			dep, err = m.opts.ImportModuleDynamically(specifier.String(), m)
			return err
		})
		if err == nil && dep == nil {
			err = &ModuleError{Code: "ERR_VM_MODULE_NOT_MODULE", Msg: "Provided module is not an instance of Module"}
		}
		if err == nil && (dep.ctx == nil || dep.ctx.c != c.c) {
			err = &ModuleError{Code: "ERR_VM_MODULE_DIFFERENT_CONTEXT", Msg: "Linked modules must use the same context"}
		}
		if err == nil && dep.cm.Status == core.ModuleUnlinked {
			err = dep.link(func(string, *Module) (*Module, error) {
				return nil, &ModuleError{Code: "ERR_VM_MODULE_LINK_FAILURE", Msg: "import() of an unlinked module with imports"}
			})
		}
		if err != nil {
			finish(nil, c.jsError(err))
			return
		}
		dep.cm.PrepareNamespace()
		finish(dep.cm.Rec, nil)
	})
	return s
}

// jsError turns a Go error into a value to reject a promise of c with.
func (c *Context) jsError(err error) sobek.Value {
	var je *Error
	if errors.As(err, &je) && je.Value.v != nil {
		return core.Carry(je.Value.v, je.Value.c, c.c)
	}
	e := c.c.NewError("Error", err.Error())
	var me *ModuleError
	if errors.As(err, &me) {
		_ = e.Set("code", me.Code)
	}
	return e
}

// newModule ties a core module to its Go face.
func (c *Context) newModule(cm *core.Module, opts ModuleOptions) *Module {
	m := &Module{ctx: c, opts: opts, cm: cm}
	cm.Face = m
	cm.Convert = func(x any) any {
		switch e := x.(type) {
		case *sobek.Exception:
			return c.iso.thrown(e, c.c)
		case sobek.Value:
			if ex, ok := e.Export().(*sobek.Exception); ok {
				return c.iso.thrown(ex, c.c)
			}
			// a Go error rejected as is (a synthetic module's step)
			if o, ok := e.(*sobek.Object); ok && o.ExportType() != nil && o.ExportType().Implements(errorIface) {
				if err, ok := o.Export().(error); ok {
					return err
				}
			}
			return c.iso.thrown(&sobek.Exception{}, c.c)
		case error:
			return e
		}
		return errors.New("jsvm: module evaluation failed")
	}
	return m
}

// CompileModule parses code as an ES module of c: new vm.SourceTextModule.
// A parse error is a *SyntaxError.
func (c *Context) CompileModule(code string, opts ModuleOptions) (*Module, error) {
	if err := c.check(); err != nil {
		return nil, err
	}
	if err := c.iso.enter(); err != nil {
		return nil, err
	}
	defer c.iso.exit()
	s := c.modules()
	id := c.moduleID(opts.Identifier, s)
	src := code
	if opts.LineOffset > 0 || opts.ColumnOffset > 0 {
		src = strings.Repeat("\n", max(opts.LineOffset, 0)) + strings.Repeat(" ", max(opts.ColumnOffset, 0)) + code
	}
	cm, err := core.CompileModule(c.c, core.ModuleSource{ID: id, Code: src})
	if err != nil {
		var list parser.ErrorList
		if errors.As(err, &list) && len(list) > 0 {
			return nil, &SyntaxError{Message: list[0].Message, Filename: id, Line: list[0].Position.Line, Column: list[0].Position.Column}
		}
		var ce *sobek.CompilerSyntaxError
		if errors.As(err, &ce) {
			se := &SyntaxError{Message: stack.SyntaxWord(ce.Message), Filename: id}
			if ce.File != nil {
				p := ce.File.Position(ce.Offset)
				se.Line, se.Column = p.Line, p.Column
			}
			return nil, se
		}
		return nil, &SyntaxError{Message: err.Error(), Filename: id}
	}
	return c.newModule(cm, opts), nil
}

// NewSyntheticModule makes a module of c whose exports are set from Go:
// new vm.SyntheticModule. evaluate runs once, when the module is
// evaluated; it sets the exports with SetExport.
func (c *Context) NewSyntheticModule(exportNames []string, evaluate func(m *Module) error, opts ModuleOptions) (*Module, error) {
	if err := c.check(); err != nil {
		return nil, err
	}
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
	cm := core.NewSyntheticModule(c.c, c.moduleID(opts.Identifier, s), append([]string(nil), exportNames...))
	m := c.newModule(cm, opts)
	m.exports, m.evaluate = map[string]sobek.Value{}, evaluate
	cm.Steps = func() (any, error) {
		if m.evaluate == nil {
			return nil, nil
		}
		if err := safeCall(func() error { return m.evaluate(m) }); err != nil {
			return err, err
		}
		return nil, nil
	}
	cm.Export = func(name string) sobek.Value { return m.exports[name] }
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
func (m *Module) Identifier() string { return m.cm.ID }

// Context returns the context the module belongs to.
func (m *Module) Context() *Context { return m.ctx }

// Status returns the module's status.
func (m *Module) Status() ModuleStatus { return ModuleStatus(m.cm.Status.String()) }

// DependencySpecifiers returns the specifiers the module imports, each
// once, in source order.
func (m *Module) DependencySpecifiers() []string { return append([]string(nil), m.cm.Specs...) }

// Error returns the error the module's evaluation (or linking) failed
// with; it is a *ModuleError with code ERR_VM_MODULE_STATUS unless the
// status is ModuleErrored.
func (m *Module) Error() error {
	if m.cm.Status != core.ModuleErrored {
		return &ModuleError{Code: "ERR_VM_MODULE_STATUS", Msg: "Module status must be errored"}
	}
	return m.errValue()
}

func (m *Module) errValue() error {
	if e, ok := m.cm.Err.(error); ok {
		return e
	}
	return nil
}

// Link links the module and, with the same linker, every module it
// imports that is not linked yet: module.link. Cycles are allowed; a
// module returned for several requests is linked once.
func (m *Module) Link(linker Linker) error {
	if m == nil || m.ctx == nil {
		return errNil("Module")
	}
	if linker == nil && len(m.cm.Specs) > 0 {
		return errNil("Linker")
	}
	if err := m.ctx.iso.enter(); err != nil {
		return err
	}
	defer m.ctx.iso.exit()
	if m.cm.Status != core.ModuleUnlinked {
		if m.cm.Status == core.ModuleLinking {
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
	err := m.cm.Instantiate()
	if err == nil {
		return nil
	}
	var le *core.LinkError
	if errors.As(err, &le) {
		return &SyntaxError{Message: le.Message, Filename: le.Module.ID}
	}
	var ce *sobek.CompilerSyntaxError
	if errors.As(err, &ce) {
		return &SyntaxError{Message: ce.Message, Filename: m.cm.ID}
	}
	return err
}

func (m *Module) linkRequests(linker Linker) (err error) {
	cm := m.cm
	if cm.ST == nil {
		return nil
	}
	cm.Status = core.ModuleLinking
	defer func() {
		if err != nil {
			cm.Status, cm.Err = core.ModuleErrored, err
		} else {
			cm.Status = core.ModuleUnlinked // Instantiate makes it linked
		}
	}()
	for _, spec := range cm.Specs {
		var dep *Module
		err := safeCall(func() (err error) {
			dep, err = linker(spec, m)
			return err
		})
		if err != nil {
			return err
		}
		if dep == nil {
			return &ModuleError{Code: "ERR_VM_MODULE_NOT_MODULE", Msg: "Provided module is not an instance of Module"}
		}
		if dep.ctx == nil || dep.ctx.c != m.ctx.c {
			return &ModuleError{Code: "ERR_VM_MODULE_DIFFERENT_CONTEXT", Msg: "Linked modules must use the same context"}
		}
		if dep.cm.Status == core.ModuleErrored {
			return &ModuleError{Code: "ERR_VM_MODULE_LINK_FAILURE", Msg: "request for '" + spec + "' resolved to an errored module", Cause: dep.errValue()}
		}
		if dep.cm.Status == core.ModuleUnlinked && len(dep.cm.Resolved) == 0 {
			if err := dep.linkRequests(linker); err != nil {
				return err
			}
		}
		cm.Resolved[spec] = dep.cm
	}
	return nil
}

// Namespace returns the module's namespace object (a value of the
// module's context); the module must be linked.
func (m *Module) Namespace() (Value, error) {
	if m == nil || m.ctx == nil {
		return Value{}, errNil("Module")
	}
	if m.cm.Status == core.ModuleUnlinked || m.cm.Status == core.ModuleLinking {
		return Value{}, &ModuleError{Code: "ERR_VM_MODULE_STATUS", Msg: "Module status must not be unlinked or linking"}
	}
	if err := m.ctx.iso.enter(); err != nil {
		return Value{}, err
	}
	defer m.ctx.iso.exit()
	return Value{v: m.cm.Namespace(), c: m.ctx.c, iso: m.ctx.iso}, nil
}

// SetExport sets an export of a synthetic module (after linking).
func (m *Module) SetExport(name string, value any) error {
	if m == nil || m.ctx == nil {
		return errNil("Module")
	}
	if m.cm.ST != nil {
		return &ModuleError{Code: "ERR_VM_MODULE_NOT_MODULE", Msg: "SetExport on a source text module"}
	}
	if m.cm.Status == core.ModuleUnlinked {
		return &ModuleError{Code: "ERR_VM_MODULE_STATUS", Msg: "Module status must be linked"}
	}
	if _, ok := m.exports[name]; !ok {
		found := false
		for _, n := range m.cm.Names {
			found = found || n == name
		}
		if !found {
			return &ModuleError{Code: "ERR_VM_MODULE_EXPORT", Msg: "Export '" + name + "' is not defined in module"}
		}
	}
	if err := m.ctx.iso.enter(); err != nil {
		return err
	}
	defer m.ctx.iso.exit()
	v, err := m.ctx.iso.toJS(value, m.ctx.c)
	if err != nil {
		return err
	}
	m.exports[name] = v
	return nil
}

// Evaluate evaluates the module (and the modules it imports): module.evaluate.
// It returns the evaluation's promise once the module's synchronous part
// and the promise jobs it queued have run; with top-level await it may
// still be pending. Timeout and ctx stop the evaluation as they stop a
// script run. Evaluating again returns the same outcome.
func (m *Module) Evaluate(ctx context.Context, opts RunOptions) (*Promise, error) {
	if m == nil || m.ctx == nil {
		return nil, errNil("Module")
	}
	switch m.cm.Status {
	case core.ModuleLinked, core.ModuleEvaluating, core.ModuleEvaluated, core.ModuleErrored:
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
	if m.cm.ST == nil {
		m.cm.RunSteps()
		p, resolve, reject := rt.NewPromise()
		if m.cm.Status == core.ModuleErrored {
			_ = reject(m.ctx.jsError(m.errValue()))
		} else {
			_ = resolve(sobek.Undefined())
		}
		m.promise = &Promise{p: p, c: c, iso: iso, m: m}
		return m.promise, nil
	}
	var ip *sobek.Promise
	_, err := iso.run(ctx, opts, func() (sobek.Value, error) {
		var interrupted bool
		ip, interrupted = m.cm.EvaluateRecord(nil, nil)
		if interrupted {
			return nil, ip.Result().Export().(*sobek.InterruptedError)
		}
		return sobek.Undefined(), nil
	})
	if err != nil {
		err = iso.thrown(err, c)
		m.cm.FailGraph(err)
		return nil, err
	}
	m.promise = &Promise{p: ip, c: c, iso: iso, m: m}
	m.promise.update()
	return m.promise, nil
}

// Promise is a JavaScript promise: the promise of a module evaluation, a
// promise Value (Value.Promise) or one exported to Go. State, Pending and
// Result read the promise as it is without entering the isolate: use them
// where no other goroutine runs the isolate (Await waits properly).
type Promise struct {
	p   *sobek.Promise
	obj *sobek.Object // the promise object, in c
	c   *core.Context
	iso *Isolate
	m   *Module // for a module evaluation
}

// PromiseState is a promise's state.
type PromiseState string

// Promise states.
const (
	PromisePending   PromiseState = "pending"
	PromiseFulfilled PromiseState = "fulfilled"
	PromiseRejected  PromiseState = "rejected"
)

// State returns the promise's state.
func (p *Promise) State() PromiseState {
	switch p.p.State() {
	case sobek.PromiseStateFulfilled:
		return PromiseFulfilled
	case sobek.PromiseStateRejected:
		return PromiseRejected
	}
	return PromisePending
}

// Pending reports whether the promise has not settled yet.
func (p *Promise) Pending() bool { return p.p.State() == sobek.PromiseStatePending }

// Result returns the fulfilment value or rejection reason of a settled
// promise, and undefined for a pending one.
func (p *Promise) Result() Value {
	if p.Pending() {
		return Value{}
	}
	r := p.p.Result()
	if r == nil {
		r = sobek.Undefined()
	}
	return Value{v: r, c: p.c, iso: p.iso}
}

// Value returns the promise as a Value.
func (p *Promise) Value() Value {
	if p.obj == nil {
		p.obj = p.c.Runtime().ToValue(p.p).(*sobek.Object)
	}
	return Value{v: p.obj, c: p.c, iso: p.iso}
}

// Await returns the promise's outcome: nil, or the error it was rejected
// with (an *Error holding the reason; for a module evaluation, the
// module's error). It runs the context's pending promise jobs first,
// bounded by ctx and the isolate's DefaultTimeout; if the promise still
// waits (on something only the host can resolve), it returns ErrPending.
func (p *Promise) Await(ctx context.Context) error {
	if p.Pending() {
		if err := p.iso.enter(); err != nil {
			return err
		}
		// a call into the idle runtime runs its queued jobs
		rt := p.c.Runtime()
		_, err := p.iso.run(ctx, RunOptions{}, func() (sobek.Value, error) {
			if fn, ok := sobek.AssertFunction(rt.ToValue(func(sobek.FunctionCall) sobek.Value { return sobek.Undefined() })); ok {
				return fn(sobek.Undefined())
			}
			return nil, nil
		})
		p.iso.exit()
		if err != nil {
			return p.iso.thrown(err, p.c)
		}
	}
	if ctx != nil {
		if err := ctx.Err(); err != nil {
			return err
		}
	}
	if p.Pending() {
		return ErrPending
	}
	if p.m == nil {
		if p.p.State() == sobek.PromiseStateRejected {
			return p.iso.errorOf(p.p.Result(), nil, p.c)
		}
		return nil
	}
	p.update()
	if p.p.State() == sobek.PromiseStateRejected {
		return p.m.errValue()
	}
	return nil
}

// ErrPending is returned by Promise.Await and Value.Await for a promise
// that waits on something that has not happened yet.
var ErrPending = errors.New("jsvm: promise is still pending")

// safeCall runs a Go callback of the API (a linker, a module's evaluate
// step, an import() hook): a panic becomes a *PanicError.
func safeCall(fn func() (err error)) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = &PanicError{Value: p, Stack: string(debug.Stack())}
		}
	}()
	return fn()
}

// update records the settled outcome on the modules of the graph.
func (p *Promise) update() {
	switch p.p.State() {
	case sobek.PromiseStateFulfilled:
		p.m.cm.Settle(true, nil)
	case sobek.PromiseStateRejected:
		p.m.cm.Settle(false, p.p.Result())
	}
}
