package core

import (
	"runtime"
	"testing"
	"time"

	"github.com/grafana/sobek"
)

// TestModuleRecordGraph links a source text module to a synthetic one
// and evaluates the graph through the shared record.
func TestModuleRecordGraph(t *testing.T) {
	iso := NewIsolate(IsolateOptions{})
	c := iso.Main()
	m, err := CompileModule(c, ModuleSource{ID: "root", Code: `import { x } from "dep"; export const y = x + 1;`})
	if err != nil {
		t.Fatal(err)
	}
	if ModuleOf(m.ST) != m || ModuleOf(m.Rec) != m {
		t.Fatal("ModuleOf does not find the module of its records")
	}
	dep := NewSyntheticModule(c, "dep", []string{"x"})
	ran := 0
	dep.Steps = func() (any, error) { ran++; return nil, nil }
	dep.Export = func(string) sobek.Value { return c.Runtime().ToValue(41) }
	if ModuleOf(dep.Rec) != dep {
		t.Fatal("ModuleOf does not find a synthetic module")
	}
	m.Resolved["dep"] = dep
	if err := m.Instantiate(); err != nil {
		t.Fatal(err)
	}
	if m.Status != ModuleLinked || dep.Status != ModuleLinked {
		t.Fatal(m.Status, dep.Status)
	}
	ip, interrupted := m.EvaluateRecord(nil, nil)
	if interrupted || ip.State() != sobek.PromiseStateFulfilled {
		t.Fatal(ip.State(), ip.Result())
	}
	m.Settle(true, nil)
	if got := m.Namespace().Get("y").ToInteger(); got != 42 || ran != 1 || m.Status != ModuleEvaluated {
		t.Fatal(got, ran, m.Status)
	}
}

// TestModuleLinkError: a missing export is reported while linking, as V8
// does, naming the importing module.
func TestModuleLinkError(t *testing.T) {
	c := NewIsolate(IsolateOptions{}).Main()
	m, _ := CompileModule(c, ModuleSource{ID: "a", Code: `import { nope } from "b";`})
	b, _ := CompileModule(c, ModuleSource{ID: "b", Code: `export const yes = 1;`})
	m.Resolved["b"] = b
	err := m.Instantiate()
	le, ok := err.(*LinkError)
	if !ok || le.Module != m || le.Message != "The requested module 'b' does not provide an export named 'nope'" {
		t.Fatal(err)
	}
}

// TestModuleTableIsWeak: the record table does not keep modules alive.
func TestModuleTableIsWeak(t *testing.T) {
	c := NewIsolate(IsolateOptions{}).Main()
	done := make(chan struct{})
	st := func() *sobek.SourceTextModuleRecord {
		m, _ := CompileModule(c, ModuleSource{ID: "a", Code: `export const a = 1;`})
		runtime.AddCleanup(m, func(chan struct{}) { close(done) }, done)
		return m.ST
	}()
	for i := 0; i < 50; i++ {
		runtime.GC()
		time.Sleep(time.Millisecond) // cleanups run on their own goroutine
		select {
		case <-done:
			if ModuleOf(st) != nil {
				t.Fatal("a collected module is still found")
			}
			return
		default:
		}
	}
	t.Fatal("a module nothing references was not collected")
}

// TestSobekInstantiateNeedsTable is the reproducer behind
// ensureModuleTable: Instantiate on a runtime that never evaluated a
// module panics. When sobek fixes it, this fails: drop the workaround.
func TestSobekInstantiateNeedsTable(t *testing.T) {
	rec, err := sobek.ParseModule("m", "export const a = 1;", func(any, string) (sobek.ModuleRecord, error) { return nil, nil })
	if err != nil {
		t.Fatal(err)
	}
	if err := rec.Link(); err != nil {
		t.Fatal(err)
	}
	panicked := func() (p bool) {
		defer func() { p = recover() != nil }()
		_, _ = rec.Instantiate(sobek.New())
		return false
	}()
	if !panicked {
		t.Fatal("sobek now instantiates a module in a fresh runtime: drop ensureModuleTable")
	}
	rt := sobek.New()
	ensureModuleTable(rt)
	if _, err := rec.Instantiate(rt); err != nil {
		t.Fatal(err)
	}
}

// TestNamespaceInFreshContext: a linked module's namespace read in a
// context that never evaluated a module (import() of a linked module)
// does not crash.
func TestNamespaceInFreshContext(t *testing.T) {
	iso := NewIsolate(IsolateOptions{})
	c := iso.Contextify(iso.Main().Runtime().NewObject(), iso.Main(), ContextOptions{})
	m, err := CompileModule(c, ModuleSource{ID: "m", Code: "export const a = 1;"})
	if err != nil {
		t.Fatal(err)
	}
	if err := m.Instantiate(); err != nil {
		t.Fatal(err)
	}
	if ns := m.Namespace(); ns == nil {
		t.Fatal("no namespace")
	}
}
