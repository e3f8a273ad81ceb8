package core

import (
	"errors"
	"sync"
	"weak"

	"github.com/grafana/sobek"
	"github.com/grafana/sobek/ast"
	"github.com/grafana/sobek/parser"
	"github.com/jsvm-dev/jsvm/internal/engine"
)

// One module record for both faces: the Go API's jsvm.Module and the vm
// builtin's vm.SourceTextModule / vm.SyntheticModule each hold a *Module
// and keep only what is theirs (error values of their own kind, the JS
// objects, the hooks' functions).

// ModuleStatus is a module's status as Node reports it.
type ModuleStatus int

// Module statuses, in Node's order.
const (
	ModuleUnlinked ModuleStatus = iota
	ModuleLinking
	ModuleLinked
	ModuleEvaluating
	ModuleEvaluated
	ModuleErrored
)

var moduleStatusNames = [...]string{"unlinked", "linking", "linked", "evaluating", "evaluated", "errored"}

func (s ModuleStatus) String() string { return moduleStatusNames[s] }

// Module is one ES module of one context: a source text module
// (sobek.SourceTextModuleRecord) or a synthetic one.
type Module struct {
	Ctx *Context
	ID  string

	// ST is the source text record; nil for a synthetic module.
	ST *sobek.SourceTextModuleRecord
	// Rec is what sobek links and evaluates: a wrapper of ST that follows
	// the module's outcome, or a *SyntheticRecord.
	Rec sobek.ModuleRecord
	// Specs are the requested specifiers, each once, in source order.
	Specs []string
	// Imports are the (specifier, name) pairs linking checks.
	Imports [][2]string
	// Resolved holds the module each specifier was linked to.
	Resolved map[string]*Module
	// Body is the parsed module (nil for synthetic modules).
	Body *ast.Program

	Status ModuleStatus
	// Async is set while a module awaits (top-level await): V8 then
	// reports it as evaluated.
	Async bool
	// Err is the error the module failed with, in the face's terms
	// (a Go error, or a main-realm value); RawErr is what sobek reported,
	// to recognise the same error at the root of a graph.
	Err    any
	RawErr any

	// Face is the face's module (*jsvm.Module, the vm builtin's handle).
	Face any
	// Convert turns an error sobek reports (an *Exception, an error, a
	// value of the module's realm) into the face's error value.
	Convert func(raw any) any

	// synthetic modules
	Names []string
	// Steps runs a synthetic module's evaluation steps; on failure it
	// returns the face's error value and the error for sobek.
	Steps func() (value any, raw error)
	// Export returns an export's value in the module's realm.
	Export    func(name string) sobek.Value
	preparing bool
}

// moduleTable maps source text records back to their modules (import.meta
// and import() name the raw record). Both sides are weak: a record does
// not keep its module alive, nor the table its record.
var moduleTable = struct {
	sync.Mutex
	m     map[weak.Pointer[sobek.SourceTextModuleRecord]]weak.Pointer[Module]
	swept int
}{m: map[weak.Pointer[sobek.SourceTextModuleRecord]]weak.Pointer[Module]{}}

func registerModule(m *Module) {
	t := &moduleTable
	t.Lock()
	defer t.Unlock()
	t.m[weak.Make(m.ST)] = weak.Make(m)
	if len(t.m) > 2*t.swept+64 {
		for k, v := range t.m {
			if k.Value() == nil || v.Value() == nil {
				delete(t.m, k)
			}
		}
		t.swept = len(t.m)
	}
}

// ModuleOf returns the module of a record sobek reports (the raw source
// text record, a wrapper, or a synthetic record), or nil.
func ModuleOf(rec any) *Module {
	switch r := rec.(type) {
	case *stRecord:
		return r.m
	case *SyntheticRecord:
		if s, ok := r.Module.(synthetic); ok {
			return s.m
		}
	case *sobek.SourceTextModuleRecord:
		t := &moduleTable
		t.Lock()
		defer t.Unlock()
		if p, ok := t.m[weak.Make(r)]; ok {
			return p.Value()
		}
	}
	return nil
}

// ModuleSource is a source text module to compile.
type ModuleSource struct {
	// ID names the module in stacks and errors.
	ID string
	// Code is the source as parsed (padding for line and column offsets
	// already applied).
	Code string
	// Rewrite, if set, may replace the parsed module by another parse (the
	// v10 API's completion capture); it returns nil to keep body.
	Rewrite func(body *ast.Program) *ast.Program
}

// CompileModule parses and compiles a source text module of c. Errors are
// the parser's (parser.ErrorList) or the compiler's
// (*sobek.CompilerSyntaxError, *sobek.CompilerReferenceError).
func CompileModule(c *Context, src ModuleSource) (*Module, error) {
	if err := CheckNesting(src.Code); err != nil {
		return nil, err
	}
	src.Code = engine.RewriteRegExps(src.Code, true) // regexps sobek compiles wrongly
	if mayUseRegExp(src.Code) {
		c.guardRegExps(true) // before any of its code runs (regexguard.go)
	}
	if mayIterate(src.Code) {
		c.guardIteration()
	}
	body, err := parser.ParseFile(nil, src.ID, src.Code, 0, parser.IsModule, parser.WithDisableSourceMaps)
	lowered := false
	if err != nil || HasAsyncGenerators(src.Code) {
		b, ok := ParseLowered(src.ID, src.Code, LowerModule) // lower.go
		if !ok && err == nil {
			ok, b = true, body // nothing to lower after all
		}
		if !ok {
			return nil, err
		}
		body, err, lowered = b, nil, true
	}
	engine.FixArrowSources(body) // sobek cuts a concise arrow's toString short (engine/arrowsource.go)
	if src.Rewrite != nil {
		if b := src.Rewrite(body); b != nil {
			body = b
		}
	}
	if err := moduleEarlyErrors(body); err != nil {
		return nil, err
	}
	if engine.MayHaveFieldArrowThis(src.Code) {
		engine.FixFieldArrowThis(body) // sobek's `this` in field initializers (engine/fieldthis.go)
	}
	if engine.MayAwait(src.Code) {
		engine.GuardAwaits(body) // sobek's await of a throwing Proxy (engine/awaitguard.go)
		if err := c.EnsureAwaitHook(); err != nil {
			return nil, err
		}
	}
	if engine.MayHaveImportCalls(src.Code) && engine.RewriteImportCalls(body) { // engine/importhook.go
		if err := engine.EnsureImportHook(c.rt); err != nil {
			return nil, err
		}
	}
	rec, err := sobek.ModuleFromAST(body, ResolveModule)
	if err != nil && !lowered {
		// sobek's compiler refuses async generators it parsed
		if b, ok := ParseLowered(src.ID, src.Code, LowerModule); ok {
			if src.Rewrite != nil {
				if b2 := src.Rewrite(b); b2 != nil {
					b = b2
				}
			}
			if rec2, err2 := sobek.ModuleFromAST(b, ResolveModule); err2 == nil {
				body, rec, err = b, rec2, nil
			}
		}
	}
	if err != nil {
		return nil, err
	}
	m := &Module{Ctx: c, ID: src.ID, Resolved: map[string]*Module{}, Body: body}
	m.ST = rec
	m.Rec = &stRecord{SourceTextModuleRecord: rec, m: m}
	m.Imports = ImportRequests(body)
	seen := map[string]bool{}
	for _, sp := range rec.RequestedModules() {
		if !seen[sp] {
			seen[sp] = true
			m.Specs = append(m.Specs, sp)
		}
	}
	registerModule(m)
	return m, nil
}

// NewSyntheticModule makes a synthetic module of c; the face sets Steps
// and Export.
func NewSyntheticModule(c *Context, id string, names []string) *Module {
	m := &Module{Ctx: c, ID: id, Resolved: map[string]*Module{}, Names: names}
	m.Rec = &SyntheticRecord{Module: synthetic{m}}
	return m
}

// ResolveModule is the HostResolveImportedModule of every module: the
// module its referrer was linked to for spec.
func ResolveModule(referrer any, spec string) (sobek.ModuleRecord, error) {
	m := ModuleOf(referrer)
	if m == nil {
		return nil, errors.New("jsvm: module request '" + spec + "' from an unknown module")
	}
	dep := m.Resolved[spec]
	if dep == nil {
		return nil, errors.New("jsvm: module request '" + spec + "' is not linked")
	}
	return dep.Rec, nil
}

// Graph calls fn on m and every module it links to, once each.
func (m *Module) Graph(fn func(*Module)) {
	seen := map[*Module]bool{}
	var walk func(*Module)
	walk = func(x *Module) {
		if seen[x] {
			return
		}
		seen[x] = true
		fn(x)
		for _, s := range x.Specs {
			if d := x.Resolved[s]; d != nil {
				walk(d)
			}
		}
	}
	walk(m)
}

// LinkError is a link failure V8 reports while linking (sobek only when
// the importing code runs): a missing or ambiguous export.
type LinkError struct {
	Module  *Module // the importing module
	Message string
}

func (e *LinkError) Error() string { return e.Message }

// Instantiate links an unlinked graph whose requests are all resolved:
// it checks the named imports as V8 does, links the records in sobek and
// marks the graph linked. The error is a *LinkError or the compiler's.
func (m *Module) Instantiate() error {
	var linkErr error
	m.Graph(func(x *Module) {
		if linkErr != nil || x.Status != ModuleUnlinked && x.Status != ModuleLinking {
			return
		}
		for _, im := range x.Imports {
			dep := x.Resolved[im[0]]
			if dep == nil {
				continue
			}
			if b, ambiguous := dep.Rec.ResolveExport(im[1]); ambiguous {
				linkErr = &LinkError{Module: x, Message: "The requested module '" + im[0] + "' contains conflicting star exports for name '" + im[1] + "'"}
				return
			} else if b == nil {
				linkErr = &LinkError{Module: x, Message: "The requested module '" + im[0] + "' does not provide an export named '" + im[1] + "'"}
				return
			}
		}
	})
	if linkErr != nil {
		return linkErr
	}
	if err := m.Rec.Link(); err != nil {
		return err
	}
	m.Graph(func(x *Module) {
		if x.Status == ModuleUnlinked || x.Status == ModuleLinking {
			x.Status = ModuleLinked
		}
	})
	return nil
}

// PrepareNamespace creates the per-runtime instances a namespace reads
// bindings from, for modules not evaluated yet (reading a binding then
// throws V8's TDZ ReferenceError instead of crashing).
func (m *Module) PrepareNamespace() {
	rt := m.Ctx.Runtime()
	m.Graph(func(x *Module) {
		if rt.GetModuleInstance(x.Rec) != nil {
			return
		}
		if x.ST != nil {
			if rt.GetModuleInstance(x.ST) == nil {
				ensureModuleTable(rt)
				_, _ = x.ST.Instantiate(rt)
			}
			return
		}
		x.preparing = true
		defer func() { x.preparing = false }()
		PrepareInstance(rt, x.Rec)
	})
}

// Namespace returns the module's namespace object (module's realm),
// preparing it if the module is linked.
func (m *Module) Namespace() *sobek.Object {
	if m.Status != ModuleUnlinked && m.Status != ModuleLinking {
		m.PrepareNamespace()
	}
	return m.Ctx.Runtime().NamespaceObjectFor(m.Rec)
}

// RunSteps runs a synthetic module's evaluation steps.
func (m *Module) RunSteps() {
	m.Status = ModuleEvaluating
	if m.Steps != nil {
		if v, raw := m.Steps(); raw != nil {
			m.Status, m.RawErr, m.Err = ModuleErrored, raw, v
			return
		}
	}
	m.Status = ModuleEvaluated
}

// fail records an execution error as sobek reports it.
func (m *Module) fail(x any) {
	if m.Status == ModuleErrored {
		return
	}
	m.Status, m.RawErr = ModuleErrored, x
	if m.Convert != nil {
		m.Err = m.Convert(x)
	} else {
		m.Err = x
	}
}

// Settle records the settled outcome of evaluating m's graph: on success
// every module still linked or evaluating is evaluated; on failure the
// modules not done share the error, found by the raw error sobek
// reported where a module of the graph already recorded it. It returns
// m's error value (nil on success).
func (m *Module) Settle(ok bool, reason any) any {
	if ok {
		m.Graph(func(x *Module) {
			if x.Status == ModuleLinked || x.Status == ModuleEvaluating {
				x.Status, x.Async = ModuleEvaluated, false
			}
		})
		return nil
	}
	if m.Status == ModuleErrored && m.Err != nil {
		return m.Err
	}
	raw := reason
	if v, isVal := reason.(sobek.Value); isVal && v != nil {
		if ex, isEx := v.Export().(*sobek.Exception); isEx {
			raw = ex
		}
	}
	var errv any
	m.Graph(func(x *Module) {
		if errv == nil && x.Status == ModuleErrored && x.RawErr == raw {
			errv = x.Err
		}
	})
	if errv == nil {
		if m.Convert != nil {
			errv = m.Convert(reason)
		} else {
			errv = reason
		}
	}
	m.Graph(func(x *Module) {
		if x.Status != ModuleEvaluated && x.Status != ModuleErrored {
			x.Status, x.Err, x.RawErr = ModuleErrored, errv, raw
		}
	})
	if m.Status != ModuleErrored {
		m.Status, m.Err = ModuleErrored, errv
	}
	return m.Err
}

// FailGraph marks every module of the graph not done as failed with err
// (an interrupted evaluation).
func (m *Module) FailGraph(err any) {
	m.Graph(func(x *Module) {
		if x.Status != ModuleEvaluated && x.Status != ModuleErrored {
			x.Status, x.Err = ModuleErrored, err
		}
	})
}

// EvaluateRecord evaluates m's source text graph in its context's runtime
// and returns sobek's promise; interrupted reports that a watchdog or
// interrupt stopped it, in which case the VM has been repaired (sobek
// recovers from an interrupt without unwinding the module's frames) and
// the interrupt cleared. stop, if set, runs right after the evaluation,
// before any other call into the runtime (a watchdog's Stop); fired
// reports whether a watchdog fired.
func (m *Module) EvaluateRecord(stop func(), fired func() bool) (ip *sobek.Promise, interrupted bool) {
	rt := m.Ctx.Runtime()
	restore := engine.SaveVM(rt)
	m.Ctx.Do(func() { ip = rt.CyclicModuleRecordEvaluate(m.Rec.(*stRecord), ResolveModule) })
	// an afterEvaluate context's queue drains now, under the watchdog
	drainErr := m.Ctx.evaluationEnds()
	if stop != nil {
		stop()
	}
	var intr *sobek.InterruptedError
	if fired != nil && fired() || errors.As(drainErr, &intr) {
		interrupted = true
	} else if ip.State() == sobek.PromiseStateRejected {
		if r := ip.Result(); r != nil {
			if _, ok := r.Export().(*sobek.InterruptedError); ok {
				interrupted = true
			}
		}
	}
	if interrupted {
		if restore != nil {
			restore()
		}
		rt.ClearInterrupt()
	}
	return ip, interrupted
}

// stRecord wraps a source text record to follow each module's outcome.
type stRecord struct {
	*sobek.SourceTextModuleRecord
	m *Module
}

func (r *stRecord) Instantiate(rt *sobek.Runtime) (sobek.CyclicModuleInstance, error) {
	inst, err := r.SourceTextModuleRecord.Instantiate(rt)
	if err != nil {
		return nil, err
	}
	return &stInstance{CyclicModuleInstance: inst, m: r.m}, nil
}

func (r *stRecord) Evaluate(rt *sobek.Runtime) *sobek.Promise {
	return rt.CyclicModuleRecordEvaluate(r, ResolveModule)
}

type stInstance struct {
	sobek.CyclicModuleInstance
	m *Module
}

func (i *stInstance) ExecuteModule(rt *sobek.Runtime, res, rej func(any) error) (sobek.CyclicModuleInstance, error) {
	m := i.m
	m.Status = ModuleEvaluating
	if res != nil {
		_, err := i.CyclicModuleInstance.ExecuteModule(rt,
			func(x any) error { m.Status, m.Async = ModuleEvaluated, false; return res(x) },
			func(x any) error { m.Async = false; m.fail(x); return rej(x) })
		if m.Status == ModuleEvaluating {
			m.Async = true
		}
		return nil, err
	}
	_, err := i.CyclicModuleInstance.ExecuteModule(rt, nil, nil)
	if err != nil {
		m.fail(err)
		return nil, err
	}
	m.Status = ModuleEvaluated
	return i, nil
}

// synthetic is a synthetic Module as its record sees it.
type synthetic struct{ m *Module }

func (s synthetic) ExportNames() []string { return s.m.Names }

func (s synthetic) EvaluateSteps() error {
	m := s.m
	if !m.preparing && (m.Status == ModuleLinked || m.Status == ModuleUnlinked) {
		m.RunSteps()
	}
	if m.Status == ModuleErrored && !m.preparing {
		if err, ok := m.RawErr.(error); ok {
			return err
		}
		return errors.New("jsvm: synthetic module failed")
	}
	return nil
}

func (s synthetic) Binding(name string) sobek.Value {
	if s.m.Export != nil {
		if v := s.m.Export(name); v != nil {
			return v
		}
	}
	return sobek.Undefined()
}

// ensureModuleTable makes sobek create rt's table of module instances,
// which it does only when a runtime first evaluates a module graph:
// SourceTextModuleRecord.Instantiate on a runtime that never evaluated
// one panics (a nil map; TestSobekInstantiateNeedsTable pins it). It
// evaluates an empty synthetic record.
func ensureModuleTable(rt *sobek.Runtime) {
	PrepareInstance(rt, &SyntheticRecord{Module: noExports{}})
}

type noExports struct{ _ byte }

func (noExports) ExportNames() []string      { return nil }
func (noExports) EvaluateSteps() error       { return nil }
func (noExports) Binding(string) sobek.Value { return sobek.Undefined() }
