package jsvm_test

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jsvm-dev/jsvm"
)

// Go API faults (issue #9): each must end in a Go error or a JS exception,
// never a Go panic or a hang, and leave the isolate usable.

func mustWork(t *testing.T, iso *jsvm.Isolate) {
	t.Helper()
	c, err := iso.NewContext(nil, jsvm.ContextOptions{})
	if err != nil {
		t.Fatalf("isolate unusable: %v", err)
	}
	v, err := c.Run(context.Background(), "[1,2,3].map(x => x * 2).join()", jsvm.RunOptions{})
	if err != nil || v.String() != "2,4,6" {
		t.Fatalf("isolate unusable after the fault: %v %v", v, err)
	}
	v, err = iso.MainContext().Run(context.Background(), "6 * 7", jsvm.RunOptions{})
	if err != nil || ex(v) != int64(42) {
		t.Fatalf("main context unusable after the fault: %v %v", v, err)
	}
}

func TestGoPanicsBecomeExceptions(t *testing.T) {
	type point struct{ X, Y int }
	cases := []struct {
		name   string
		global any
		code   string
		want   string // in the result (caught) or the error (uncaught)
		caught bool
	}{
		{"func", func() { panic("boom") }, "try { f() } catch (e) { e instanceof Error && e.message }", "Go panic: boom", true},
		{"func uncaught", func() { panic("boom") }, "f()", "Go panic: boom", false},
		{"func error value", func() { panic(errors.New("bad")) }, "try { f() } catch (e) { e.message }", "Go panic: bad", true},
		{"nil deref", func() int { var p *point; return p.X }, "try { f() } catch (e) { e.message }", "nil pointer", true},
		{"index", func(i int) int { return []int{1}[i] }, "try { f(5) } catch (e) { e.message }", "index out of range", true},
		{"variadic", func(xs ...int) { panic(len(xs)) }, "try { f(1, 2, 3) } catch (e) { e.message }", "Go panic: 3", true},
		{"method", &panicky{}, "try { f.Boom() } catch (e) { e.message }", "Go panic: method", true},
		{"map value func", map[string]any{"g": func() { panic("deep") }}, "try { f.g() } catch (e) { e.message }", "Go panic: deep", true},
		{"struct field func", &struct{ G func() }{G: func() { panic("field") }}, "try { f.G() } catch (e) { e.message }", "Go panic: field", true},
		{"returned func", func() func() { return func() { panic("inner") } }, "try { f()() } catch (e) { e.message }", "Go panic: inner", true},
		{"finally runs", func() { panic("x") }, "var r = []; try { try { f() } finally { r.push('fin') } } catch (e) { r.push(e.message) }; r.join()", "fin,Go panic: x", true},
		{"in callback of builtin", func(x int) int { panic(x) }, "try { [1].map(x => f(x)) } catch (e) { e.message }", "Go panic: 1", true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			iso := jsvm.NewIsolate(jsvm.IsolateOptions{})
			c, _ := iso.NewContext(nil, jsvm.ContextOptions{})
			if err := c.Set(context.Background(), "f", tc.global); err != nil {
				t.Fatal(err)
			}
			v, err := c.Run(context.Background(), tc.code, jsvm.RunOptions{Timeout: 5 * time.Second})
			if tc.caught {
				if err != nil || !strings.Contains(v.String(), tc.want) {
					t.Fatalf("got %v, %v; want a caught exception containing %q", v, err, tc.want)
				}
			} else {
				var je *jsvm.Error
				var pe *jsvm.PanicError
				if !errors.As(err, &je) || !errors.As(err, &pe) || !strings.Contains(err.Error(), tc.want) {
					t.Fatalf("got %v (%T); want an *Error unwrapping to *PanicError containing %q", err, err, tc.want)
				}
				if pe.Value != "boom" || !strings.Contains(pe.Stack, "goroutine") {
					t.Errorf("PanicError %#v", pe)
				}
			}
			mustWork(t, iso)
		})
	}
}

type panicky struct{}

func (*panicky) Boom() { panic("method") }

// A panicking callback in a run with a Timeout must not leave the
// watchdog armed: later runs must not time out.
func TestPanicStopsWatchdog(t *testing.T) {
	iso := jsvm.NewIsolate(jsvm.IsolateOptions{})
	c, _ := iso.NewContext(nil, jsvm.ContextOptions{})
	_ = c.Set(context.Background(), "f", func() { panic("boom") })
	for range 3 {
		if _, err := c.Run(context.Background(), "f()", jsvm.RunOptions{Timeout: 20 * time.Millisecond}); err == nil {
			t.Fatal("no error")
		}
	}
	time.Sleep(50 * time.Millisecond) // past every timeout
	v, err := c.Run(context.Background(), "let n = 0; for (let i = 0; i < 1e5; i++) n++; n", jsvm.RunOptions{})
	if err != nil || ex(v) != int64(1e5) {
		t.Fatalf("after the panics: %v %v", v, err)
	}
	mustWork(t, iso)
}

func TestModuleCallbackPanics(t *testing.T) {
	ctx := context.Background()
	t.Run("linker", func(t *testing.T) {
		iso := jsvm.NewIsolate(jsvm.IsolateOptions{})
		c := iso.MainContext()
		m, _ := c.CompileModule(`import x from 'dep'; export default x`, jsvm.ModuleOptions{})
		err := m.Link(func(string, *jsvm.Module) (*jsvm.Module, error) { panic("linker boom") })
		var pe *jsvm.PanicError
		if !errors.As(err, &pe) || pe.Value != "linker boom" {
			t.Fatalf("got %v", err)
		}
		mustWork(t, iso)
	})
	t.Run("synthetic evaluate", func(t *testing.T) {
		iso := jsvm.NewIsolate(jsvm.IsolateOptions{})
		c := iso.MainContext()
		syn, _ := c.NewSyntheticModule([]string{"x"}, func(*jsvm.Module) error { panic("eval boom") }, jsvm.ModuleOptions{})
		m, _ := c.CompileModule(`import {x} from 'syn'; export default x`, jsvm.ModuleOptions{})
		if err := m.Link(func(string, *jsvm.Module) (*jsvm.Module, error) { return syn, nil }); err != nil {
			t.Fatal(err)
		}
		p, err := m.Evaluate(ctx, jsvm.RunOptions{})
		if err == nil {
			err = p.Await(ctx)
		}
		if err == nil || !strings.Contains(err.Error(), "eval boom") {
			t.Fatalf("got %v", err)
		}
		mustWork(t, iso)
	})
	t.Run("import.meta", func(t *testing.T) {
		iso := jsvm.NewIsolate(jsvm.IsolateOptions{})
		c := iso.MainContext()
		m, _ := c.CompileModule(`let r; try { import.meta.x } catch (e) { r = e.message } export default r`, jsvm.ModuleOptions{
			InitializeImportMeta: func(jsvm.Value, *jsvm.Module) { panic("meta boom") },
		})
		_ = m.Link(nil)
		p, err := m.Evaluate(ctx, jsvm.RunOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if err := p.Await(ctx); err != nil {
			t.Fatal(err)
		}
		ns, _ := m.Namespace()
		d, _ := ns.Get(ctx, "default")
		if !strings.Contains(d.String(), "Go panic: meta boom") {
			t.Fatalf("got %v", d)
		}
		mustWork(t, iso)
	})
	t.Run("import()", func(t *testing.T) {
		iso := jsvm.NewIsolate(jsvm.IsolateOptions{})
		c := iso.MainContext()
		m, _ := c.CompileModule(`let r; try { await import('x') } catch (e) { r = e.message } export default r`, jsvm.ModuleOptions{
			ImportModuleDynamically: func(string, *jsvm.Module) (*jsvm.Module, error) { panic("import boom") },
		})
		_ = m.Link(nil)
		p, err := m.Evaluate(ctx, jsvm.RunOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if err := p.Await(ctx); err != nil {
			t.Fatal(err)
		}
		ns, _ := m.Namespace()
		d, _ := ns.Get(ctx, "default")
		if !strings.Contains(d.String(), "Go panic: import boom") {
			t.Fatalf("got %v", d)
		}
		mustWork(t, iso)
	})
}

func TestExportFaults(t *testing.T) {
	iso := jsvm.NewIsolate(jsvm.IsolateOptions{})
	c, _ := iso.NewContext(nil, jsvm.ContextOptions{})
	run := func(code string) jsvm.Value {
		v, err := c.Run(context.Background(), code, jsvm.RunOptions{})
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	short := func() context.Context {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Millisecond)
		t.Cleanup(cancel)
		return ctx
	}
	cases := []struct {
		name string
		code string
		do   func(v jsvm.Value) error
		want string // substring of the error
	}{
		{"throwing getter", "({ get x() { throw new TypeError('nope') } })", func(v jsvm.Value) error { _, err := v.Export(context.Background()); return err }, "TypeError: nope"},
		{"looping getter", "({ get x() { for (;;) {} } })", func(v jsvm.Value) error { _, err := v.Export(short()); return err }, "timed out"},
		{"proxy ownKeys loop", "new Proxy({}, { ownKeys() { for (;;) {} } })", func(v jsvm.Value) error { _, err := v.Export(short()); return err }, "timed out"},
		{"proxy get throws", "new Proxy({a: 1}, { get() { throw 42 } })", func(v jsvm.Value) error { _, err := v.Export(context.Background()); return err }, "42"},
		{"revoked proxy", "(() => { const r = Proxy.revocable({}, {}); r.revoke(); return r.proxy })()", func(v jsvm.Value) error { _, err := v.Export(context.Background()); return err }, "revoked"},
		{"toString loops", "({ toString() { for (;;) {} } })", func(v jsvm.Value) error { _, err := v.ToString(short()); return err }, "timed out"},
		{"toString throws", "({ toString() { throw new Error('ts') } })", func(v jsvm.Value) error { _, err := v.ToString(context.Background()); return err }, "Error: ts"},
		{"Get getter loops", "({ get x() { for (;;) {} } })", func(v jsvm.Value) error { _, err := v.Get(short(), "x"); return err }, "timed out"},
		{"Keys proxy throws", "new Proxy({}, { ownKeys() { throw new RangeError('k') } })", func(v jsvm.Value) error { _, err := v.Keys(context.Background()); return err }, "RangeError: k"},
		{"ExportTo throwing getter", "({ get X() { throw new Error('g') } })", func(v jsvm.Value) error { var p struct{ X int }; return v.ExportTo(context.Background(), &p) }, "Error: g"},
		{"ExportTo wrong type", "({ X: 'str' })", func(v jsvm.Value) error { var p struct{ X int }; return v.ExportTo(context.Background(), &p) }, "must be a number"},
		{"ExportTo nil", "1", func(v jsvm.Value) error { return v.ExportTo(context.Background(), nil) }, "non-nil pointer"},
		{"deep nesting", "let o = {}; for (let i = 0; i < 20000; i++) o = {o}; o", func(v jsvm.Value) error { _, err := v.Export(context.Background()); return err }, "nested too deeply"},
		{"cancelled ctx", "({a: 1})", func(v jsvm.Value) error {
			ctx, cancel := context.WithCancel(context.Background())
			cancel()
			_, err := v.Export(ctx)
			return err
		}, "interrupted"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			v := run(tc.code)
			err := tc.do(v)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("got %v, want an error containing %q", err, tc.want)
			}
			mustWork(t, iso)
		})
	}
	// String never fails nor hangs
	v := run("({ toString() { for (;;) {} } })")
	done := make(chan string)
	go func() { done <- v.String() }()
	select {
	case s := <-done:
		if s != "[object Object]" {
			t.Errorf("String: %q", s)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("String hangs")
	}
	// cyclic JS data exports as cyclic Go data
	cyc, err := run("const a = {n: 1}; a.self = a; a").Export(context.Background())
	if m, ok := cyc.(map[string]any); err != nil || !ok || m["self"].(map[string]any)["n"] != int64(1) {
		t.Errorf("cyclic: %v %v", cyc, err)
	}
	mustWork(t, iso)
}

func TestValuesOfOtherIsolates(t *testing.T) {
	ctx := context.Background()
	a := jsvm.NewIsolate(jsvm.IsolateOptions{})
	b := jsvm.NewIsolate(jsvm.IsolateOptions{})
	ca, _ := a.NewContext(nil, jsvm.ContextOptions{})
	cb, _ := b.NewContext(nil, jsvm.ContextOptions{})
	obj, _ := ca.Run(ctx, "({n: 1})", jsvm.RunOptions{})
	fn, _ := cb.Run(ctx, "(function (x) { return x })", jsvm.RunOptions{})
	checks := map[string]error{
		"Context.Set": cb.Set(ctx, "o", obj),
		"Value.Set": func() error {
			g := cb.Global()
			return g.Set(ctx, "o", obj)
		}(),
		"Call arg":   func() error { _, err := fn.Call(ctx, nil, obj); return err }(),
		"Call this":  func() error { _, err := fn.Call(ctx, obj); return err }(),
		"NewContext": func() error { _, err := b.NewContext(obj, jsvm.ContextOptions{}); return err }(),
		"nested in a map": func() error {
			// Go data is a live view: the Value converts when JS reads it
			_ = cb.Set(ctx, "o", map[string]any{"x": obj})
			_, err := cb.Run(ctx, "o.x", jsvm.RunOptions{})
			return err
		}(),
		"NewArray":         func() error { _, err := cb.NewArray(obj); return err }(),
		"SetExport":        nil,
		"Error of other":   cb.Set(ctx, "e", &jsvm.Error{Value: obj}),
		"Value.New":        func() error { _, err := fn.New(ctx, obj); return err }(),
		"StrictEquals":     nil,
		"Module other ctx": nil,
		"RunInNewContext":  nil,
		"in a Go slice": func() error {
			_ = cb.Set(ctx, "arr", []any{obj})
			_, err := cb.Run(ctx, "arr[0]", jsvm.RunOptions{})
			return err
		}(),
	}
	for name, err := range checks {
		switch name {
		case "SetExport", "StrictEquals", "Module other ctx", "RunInNewContext", "Error of other":
			continue
		}
		if err == nil || !strings.Contains(err.Error(), "another isolate") {
			t.Errorf("%s: got %v, want ErrOtherIsolate", name, err)
		}
	}
	if obj.StrictEquals(fn) {
		t.Error("values of different isolates are equal")
	}
	syn, _ := cb.NewSyntheticModule([]string{"x"}, nil, jsvm.ModuleOptions{})
	_ = syn.Link(nil)
	if err := syn.SetExport("x", obj); !errors.Is(err, jsvm.ErrOtherIsolate) {
		t.Errorf("SetExport: %v", err)
	}
	mustWork(t, a)
	mustWork(t, b)
}

func TestBusyValueMethods(t *testing.T) {
	ctx := context.Background()
	iso := jsvm.NewIsolate(jsvm.IsolateOptions{})
	c, _ := iso.NewContext(nil, jsvm.ContextOptions{})
	obj, _ := c.Run(ctx, "({n: 1, f() { return 1 }})", jsvm.RunOptions{})
	f, _ := obj.Get(ctx, "f")
	started, release := make(chan struct{}), make(chan struct{})
	_ = c.Set(ctx, "block", func() { close(started); <-release })
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		if _, err := c.Run(ctx, "block(); n = 2", jsvm.RunOptions{}); err != nil {
			t.Error(err)
		}
	}()
	<-started
	busy := map[string]error{
		"Get":       func() error { _, err := obj.Get(ctx, "n"); return err }(),
		"Set":       obj.Set(ctx, "n", 3),
		"Delete":    obj.Delete(ctx, "n"),
		"Has":       func() error { _, err := obj.Has(ctx, "n"); return err }(),
		"Keys":      func() error { _, err := obj.Keys(ctx); return err }(),
		"Export":    func() error { _, err := obj.Export(ctx); return err }(),
		"ExportTo":  func() error { var m map[string]any; return obj.ExportTo(ctx, &m) }(),
		"Call":      func() error { _, err := f.Call(ctx, nil); return err }(),
		"ToString":  func() error { _, err := obj.ToString(ctx); return err }(),
		"Len":       func() error { _, err := obj.Len(ctx); return err }(),
		"NewObject": func() error { _, err := c.NewObject(); return err }(),
		"NewArray":  func() error { _, err := c.NewArray(1); return err }(),
		"NewError":  func() error { _, err := c.NewError("Error", "x"); return err }(),
		"Ctx.Get":   func() error { _, err := c.Get(ctx, "n"); return err }(),
		"Ctx.Set":   c.Set(ctx, "n", 1),
		"Memory":    func() error { _, err := c.MemoryEstimate(); return err }(),
	}
	if s := obj.String(); s != "[object Object]" {
		t.Errorf("String while busy: %q", s)
	}
	close(release)
	wg.Wait()
	for name, err := range busy {
		if !errors.Is(err, jsvm.ErrIsolateBusy) {
			t.Errorf("%s while busy: got %v, want ErrIsolateBusy", name, err)
		}
	}
	mustWork(t, iso)
}

func TestNilArguments(t *testing.T) {
	ctx := context.Background()
	var nilIso *jsvm.Isolate
	var nilCtx *jsvm.Context
	var nilScript *jsvm.Script
	var nilModule *jsvm.Module
	iso := jsvm.NewIsolate(jsvm.IsolateOptions{})
	c, _ := iso.NewContext(nil, jsvm.ContextOptions{})
	s, _ := jsvm.Compile("1", jsvm.ScriptOptions{})
	m, _ := c.CompileModule("import 'x'", jsvm.ModuleOptions{})
	var zero jsvm.Value
	checks := map[string]func() error{
		"nil Isolate NewContext": func() error { _, err := nilIso.NewContext(nil, jsvm.ContextOptions{}); return err },
		"nil Isolate Lock":       func() error { return nilIso.Lock(ctx) },
		"nil Isolate Memory":     func() error { _, err := nilIso.MeasureMemory(); return err },
		"nil Context Run":        func() error { _, err := nilCtx.Run(ctx, "1", jsvm.RunOptions{}); return err },
		"nil Context RunScript":  func() error { _, err := nilCtx.RunScript(ctx, s, jsvm.RunOptions{}); return err },
		"nil Context Get":        func() error { _, err := nilCtx.Get(ctx, "x"); return err },
		"nil Context Set":        func() error { return nilCtx.Set(ctx, "x", 1) },
		"nil Context Module":     func() error { _, err := nilCtx.CompileModule("1", jsvm.ModuleOptions{}); return err },
		"nil Context Function":   func() error { _, err := nilCtx.CompileFunction(ctx, "1", nil, jsvm.FunctionOptions{}); return err },
		"nil Context Synthetic":  func() error { _, err := nilCtx.NewSyntheticModule(nil, nil, jsvm.ModuleOptions{}); return err },
		"nil Context NewObject":  func() error { _, err := nilCtx.NewObject(); return err },
		"nil Script RunScript":   func() error { _, err := c.RunScript(ctx, nilScript, jsvm.RunOptions{}); return err },
		"nil Script InContext":   func() error { _, err := nilScript.RunInContext(ctx, c, jsvm.RunOptions{}); return err },
		"Script nil Context":     func() error { _, err := s.RunInContext(ctx, nil, jsvm.RunOptions{}); return err },
		"Script nil Isolate":     func() error { _, err := s.RunInThisContext(ctx, nil, jsvm.RunOptions{}); return err },
		"Script nil Isolate New": func() error {
			_, _, err := s.RunInNewContext(ctx, nil, nil, jsvm.ContextOptions{}, jsvm.RunOptions{})
			return err
		},
		"nil linker":           func() error { return m.Link(nil) },
		"nil Module Link":      func() error { return nilModule.Link(nil) },
		"nil Module Evaluate":  func() error { _, err := nilModule.Evaluate(ctx, jsvm.RunOptions{}); return err },
		"nil Module Namespace": func() error { _, err := nilModule.Namespace(); return err },
		"nil Module SetExport": func() error { return nilModule.SetExport("x", 1) },
		"linker returns nil": func() error {
			m2, _ := c.CompileModule("import 'x'", jsvm.ModuleOptions{})
			return m2.Link(func(string, *jsvm.Module) (*jsvm.Module, error) { return nil, nil })
		},
		"zero Value Get":  func() error { _, err := zero.Get(ctx, "x"); return err },
		"zero Value Call": func() error { _, err := zero.Call(ctx, nil); return err },
		"zero Value Keys": func() error { _, err := zero.Keys(ctx); return err },
		"zero Value New":  func() error { _, err := zero.New(ctx); return err },
		"nil ctx Run":     nil,
	}
	for name, fn := range checks {
		if fn == nil {
			continue
		}
		t.Run(name, func(t *testing.T) {
			defer func() {
				if p := recover(); p != nil {
					t.Fatalf("panic: %v", p)
				}
			}()
			if err := fn(); err == nil {
				t.Fatal("no error")
			}
		})
	}
	// a nil context.Context is allowed: no cancellation
	//lint:ignore SA1012 nil ctx is part of what is tested
	if v, err := c.Run(nil, "1", jsvm.RunOptions{}); err != nil || ex(v) != int64(1) { //nolint
		t.Errorf("nil ctx: %v %v", v, err)
	}
	// zero Values are undefined
	if x, err := zero.Export(ctx); x != nil || err != nil || zero.String() != "undefined" {
		t.Errorf("zero Value: %v %v", x, err)
	}
	mustWork(t, iso)
}

func TestGoDataSandboxes(t *testing.T) {
	ctx := context.Background()
	type inner struct{ N int }
	type withUnexported struct {
		Public  int
		private int
	}
	type cyclic struct {
		Name string
		Self *cyclic
	}
	cyc := &cyclic{Name: "c"}
	cyc.Self = cyc
	pp := &inner{N: 5}
	ppp := &pp
	slice := []int{1, 2, 3}
	arr := [2]string{"a", "b"}
	cases := []struct {
		name    string
		sandbox any
		code    string
		want    string // result String(), or error substring if errWant
		errWant bool
	}{
		{"write past slice end", map[string]any{"s": []int{1, 2}}, "try { s[5] = 1; 'no' } catch (e) { e.constructor.name + ': ' + e.message }", "TypeError: Cannot change the length", false},
		{"write past slice end sloppy silently?", map[string]any{"s": []int{1, 2}}, "s[2] = 9", "Cannot change the length", true},
		{"slice pointer grows", map[string]any{"s": &slice}, "s[4] = 9; s.length + ':' + s.join()", "5:1,2,3,0,9", false},
		{"slice pointer push", map[string]any{"s": &slice}, "s.push(10); s.length", "6", false},
		{"array pointer fixed", map[string]any{"a": &arr}, "try { a[3] = 'x' } catch (e) { e.message }", "Cannot change the length", false},
		{"array pointer write", map[string]any{"a": &arr}, "a[1] = 'z'; a.join()", "a,z", false},
		{"negative index", map[string]any{"s": []int{1}}, "try { s[-1] = 3; 'no' } catch (e) { e.message }", "Cannot set index -1", false},
		{"wrong element type", map[string]any{"s": []int{1}}, "try { s[0] = 'x'; 'no' } catch (e) { e.message }", "must be a number", false},
		{"huge length", map[string]any{"s": &slice}, "try { s.length = 2 ** 31 } catch (e) { e.constructor.name }", "RangeError", false},
		{"int keys", map[string]any{"m": map[int]string{1: "one", 2: "two"}}, "Object.keys(m).join() + m[1] + m['2']", "1,2onetwo", false},
		{"int key set", map[string]any{"m": map[int]string{}}, "m[7] = 'seven'; try { m.x = 'bad' } catch (e) { e.message }", "Cannot add property x", false},
		{"struct keys", map[string]any{"m": map[inner]int{{N: 1}: 5}}, "Object.keys(m).join()", "{1}", false},
		{"float keys", map[string]any{"m": map[float64]bool{1.5: true}}, "m['1.5']", "true", false},
		{"nil map write", map[string]any{"m": map[string]int(nil)}, "m === null", "true", false},
		{"unexported fields", &withUnexported{Public: 1, private: 2}, "typeof private + ':' + Public + ':' + Object.keys(globalThis).join()", "undefined:1:Public", false},
		{"nested pointers", map[string]any{"p": ppp}, "p.N", "5", false},
		{"nil pointer", map[string]any{"p": (*inner)(nil)}, "p === null", "true", false},
		{"channel", map[string]any{"ch": make(chan int)}, "typeof ch + Object.keys(ch).length", "object0", false},
		{"func value", map[string]any{"f": (func())(nil)}, "f === null", "true", false},
		{"complex", map[string]any{"z": complex(1, 2)}, "typeof z", "object", false},
		{"cyclic Go data", map[string]any{"c": cyc}, "c.Self.Self.Name + (c.Self === c)", "ctrue", false},
		{"cyclic JSON", map[string]any{"c": cyc}, "try { JSON.stringify(c) } catch (e) { e.constructor.name }", "TypeError", false},
		{"struct new global", &inner{N: 1}, "Z = 5; var W = 6; Z + W + N", "12", false},
		{"struct wrong field type", &inner{N: 1}, "try { N = 'x' } catch (e) { e.message }", "must be a number", false},
		{"struct fraction", &inner{N: 1}, "try { N = 1.5 } catch (e) { e.message }", "must be an integer", false},
		{"struct overflow", map[string]any{"s": &struct{ B int8 }{}}, "try { s.B = 300 } catch (e) { e.message }", "must be an integer that fits int8", false},
		{"slice sandbox", &[]string{"x"}, "globalThis[0]", "x", false},
		{"embedded nil pointer", map[string]any{"s": &struct{ *inner }{}}, "String(s.N)", "undefined", false},
		{"map of maps write", map[string]any{"m": map[string]map[string]int{}}, "m.a = {b: 1}; try { m.c = {d: 'x'} } catch (e) { e.message }", "must be a number", false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			iso := jsvm.NewIsolate(jsvm.IsolateOptions{})
			c, err := iso.NewContext(tc.sandbox, jsvm.ContextOptions{})
			if err != nil {
				t.Fatal(err)
			}
			code := tc.code
			if tc.errWant {
				code = "'use strict'; " + code
			}
			v, err := c.Run(ctx, code, jsvm.RunOptions{Timeout: 5 * time.Second})
			if tc.errWant {
				if err == nil || !strings.Contains(err.Error(), tc.want) {
					t.Fatalf("got %v, %v; want error %q", v, err, tc.want)
				}
			} else if err != nil || !strings.Contains(v.String(), tc.want) {
				t.Fatalf("got %v, %v; want %q", v, err, tc.want)
			}
			mustWork(t, iso)
		})
	}
	if slice[4] != 9 && len(slice) < 5 {
		t.Errorf("writes did not reach the Go slice: %v", slice)
	}
}

// Adversarial re-entrancy: panics inside nested runs, in comparators, with
// odd panic values; timeouts firing while Go code runs.
func TestPanicReentrancy(t *testing.T) {
	ctx := context.Background()
	iso := jsvm.NewIsolate(jsvm.IsolateOptions{})
	c, _ := iso.NewContext(nil, jsvm.ContextOptions{})
	_ = c.Set(ctx, "boom", func(x any) { panic(x) })
	_ = c.Set(ctx, "nested", func(code string) error {
		_, err := c.Run(ctx, code, jsvm.RunOptions{})
		return err
	})
	_ = c.Set(ctx, "sleep", func(ms int) { time.Sleep(time.Duration(ms) * time.Millisecond) })
	cases := []struct{ code, want string }{
		{"try { nested('boom(1)') } catch (e) { e.message }", "Go panic: 1"},
		{"try { nested('nested(\"boom(2)\")') } catch (e) { e.message }", "Go panic: 2"},
		{"try { nested('try { boom(3) } catch (e) { throw new TypeError(\"re:\" + e.message) }') } catch (e) { e.name + e.message }", "TypeErrorre:Go panic: 3"},
		{"try { [3, 1, 2].sort((a, b) => boom('cmp')) } catch (e) { e.message }", "Go panic: cmp"},
		{"try { boom(null) } catch (e) { e.message }", "Go panic: "},
		{"try { boom({a: 1}) } catch (e) { e.message }", "Go panic: map[a:1]"},
		{"try { JSON.parse('[1]', () => boom('reviver')) } catch (e) { e.message }", "Go panic: reviver"},
		{"try { new Promise(() => boom('executor')) ; 'ok' } catch (e) { e.message }", "ok"},
		{"Promise.resolve().then(() => boom('job')).catch(e => globalThis.caught = e.message); 'queued'", "queued"},
	}
	for _, tc := range cases {
		v, err := c.Run(ctx, tc.code, jsvm.RunOptions{Timeout: 5 * time.Second})
		if err != nil || !strings.Contains(v.String(), tc.want) {
			t.Errorf("%s: got %v, %v; want %q", tc.code, v, err, tc.want)
		}
	}
	if v, _ := c.Get(ctx, "caught"); v.String() != "Go panic: job" {
		t.Errorf("panic in a promise job: %v", v)
	}
	// a timeout that fires while Go code runs stops the run when JS resumes
	_, err := c.Run(ctx, "sleep(50); for (;;) {}", jsvm.RunOptions{Timeout: 10 * time.Millisecond})
	var ie *jsvm.InterruptedError
	if !errors.As(err, &ie) || ie.Code != "ERR_SCRIPT_EXECUTION_TIMEOUT" {
		t.Errorf("timeout during Go code: %v", err)
	}
	// a Go callback that swallows the interrupt of its nested run cannot
	// keep the outer run going
	_ = c.Set(ctx, "swallow", func() { _, _ = c.Run(ctx, "for (;;) {}", jsvm.RunOptions{}) })
	_, err = c.Run(ctx, "swallow(); for (;;) {}", jsvm.RunOptions{Timeout: 20 * time.Millisecond})
	if !errors.As(err, &ie) {
		t.Errorf("swallowed interrupt: %v", err)
	}
	mustWork(t, iso)
}
