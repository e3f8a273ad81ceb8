package jsvm

import (
	"context"
	"errors"
	"testing"
	"time"
)

func TestModuleGoLinker(t *testing.T) {
	iso := NewIsolate(IsolateOptions{})
	c, err := iso.NewContext(map[string]any{"base": 40}, ContextOptions{})
	if err != nil {
		t.Fatal(err)
	}
	sources := map[string]string{
		"a": `import { b } from "b"; export const a = "A" + b; export const cyc = () => bFromA();
import { bFromA } from "b";`,
		"b": `import { a } from "a"; export const b = "B"; export const bFromA = () => a;`,
	}
	mods := map[string]*Module{}
	calls := 0
	var linker Linker = func(spec string, ref *Module) (*Module, error) {
		calls++
		if m := mods[spec]; m != nil {
			return m, nil
		}
		m, err := c.CompileModule(sources[spec], ModuleOptions{Identifier: spec + ".mjs"})
		mods[spec] = m
		return m, err
	}
	syn, err := c.NewSyntheticModule([]string{"n"}, func(m *Module) error { return m.SetExport("n", 2) }, ModuleOptions{})
	if err != nil {
		t.Fatal(err)
	}
	root, err := c.CompileModule(`import { a, cyc } from "a"; import { n } from "syn"; export default a + cyc() + (base + n);`, ModuleOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if root.Identifier() != "vm:module(1)" || syn.Identifier() != "vm:module(0)" {
		t.Fatal(root.Identifier(), syn.Identifier())
	}
	if got := root.DependencySpecifiers(); len(got) != 2 || got[0] != "a" || got[1] != "syn" {
		t.Fatal(got)
	}
	if err := root.Link(func(spec string, ref *Module) (*Module, error) {
		if spec == "syn" {
			return syn, nil
		}
		return linker(spec, ref)
	}); err != nil {
		t.Fatal(err)
	}
	if root.Status() != ModuleLinked || mods["b"].Status() != ModuleLinked {
		t.Fatal(root.Status(), mods["b"].Status())
	}
	if calls != 3 { // a (from root), b (from a), a (from b, already linking)
		t.Fatal("linker calls", calls)
	}
	p, err := root.Evaluate(context.Background(), RunOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if err := p.Await(context.Background()); err != nil {
		t.Fatal(err)
	}
	ns, err := root.Namespace()
	if err != nil {
		t.Fatal(err)
	}
	v, _ := ns.Get(context.Background(), "default")
	if v.String() != "ABAB42" {
		t.Fatal(v.String())
	}
	if syn.Status() != ModuleEvaluated || mods["a"].Status() != ModuleEvaluated {
		t.Fatal(syn.Status(), mods["a"].Status())
	}
	if err := root.Link(linker); err == nil || err.(*ModuleError).Code != "ERR_VM_MODULE_ALREADY_LINKED" {
		t.Fatal(err)
	}
}

func TestModuleErrorsAndTLA(t *testing.T) {
	iso := NewIsolate(IsolateOptions{})
	c := iso.MainContext()
	if _, err := c.CompileModule("let x = ;", ModuleOptions{Identifier: "bad.mjs"}); err == nil {
		t.Fatal("no syntax error")
	} else if se, ok := err.(*SyntaxError); !ok || se.Line != 1 {
		t.Fatal(err)
	}
	dep, _ := c.CompileModule(`throw new RangeError("dep failed")`, ModuleOptions{})
	m, _ := c.CompileModule(`import "d"; export const never = 1;`, ModuleOptions{})
	if _, err := m.Evaluate(context.Background(), RunOptions{}); err == nil {
		t.Fatal("evaluate before link")
	}
	if err := m.Link(func(string, *Module) (*Module, error) { return dep, nil }); err != nil {
		t.Fatal(err)
	}
	p, err := m.Evaluate(context.Background(), RunOptions{})
	if err != nil {
		t.Fatal(err)
	}
	err = p.Await(context.Background())
	var je *Error
	if !errors.As(err, &je) || je.Message != "dep failed" {
		t.Fatal(err)
	}
	if m.Status() != ModuleErrored || dep.Status() != ModuleErrored || m.Error() != dep.Error() {
		t.Fatal(m.Status(), dep.Status())
	}
	missing, _ := c.CompileModule(`import { nope } from "x";`, ModuleOptions{})
	err = missing.Link(func(string, *Module) (*Module, error) {
		return c.CompileModule(`export const yes = 1`, ModuleOptions{})
	})
	if se, ok := err.(*SyntaxError); !ok || se.Message != "The requested module 'x' does not provide an export named 'nope'" {
		t.Fatal(err)
	}

	tla, _ := c.CompileModule(`export let v = 1; v = await Promise.resolve(7);`, ModuleOptions{})
	_ = tla.Link(nil)
	p, err = tla.Evaluate(context.Background(), RunOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if err := p.Await(context.Background()); err != nil {
		t.Fatal(err)
	}
	ns, _ := tla.Namespace()
	if v, _ := ns.Get(context.Background(), "v"); ex(v) != int64(7) {
		t.Fatal(ex(v))
	}

	loop, _ := c.CompileModule(`while (true) {}`, ModuleOptions{})
	_ = loop.Link(nil)
	_, err = loop.Evaluate(context.Background(), RunOptions{Timeout: 20 * time.Millisecond})
	var ie *InterruptedError
	if !errors.As(err, &ie) || ie.Code != "ERR_SCRIPT_EXECUTION_TIMEOUT" || loop.Status() != ModuleErrored {
		t.Fatal(err, loop.Status())
	}
	// the context is usable after the interrupted evaluation
	if v, err := c.Run(context.Background(), "1 + 1", RunOptions{}); err != nil || ex(v) != int64(2) {
		t.Fatal(v, err)
	}
}

func TestModuleImportMetaAndDynamicImport(t *testing.T) {
	iso := NewIsolate(IsolateOptions{})
	c, _ := iso.NewContext(nil, ContextOptions{})
	metaCalls := 0
	target, _ := c.CompileModule(`export const x = 5;`, ModuleOptions{})
	var m *Module
	m, err := c.CompileModule(`export const url = import.meta.url; export const url2 = import.meta.url;
export let doubled, failed;
await import("t").then((ns) => { doubled = ns.x * 2; });
await import("none").catch((e) => { failed = e.message; });`, ModuleOptions{
		InitializeImportMeta: func(meta Value, mod *Module) {
			metaCalls++
			if mod != m {
				t.Error("wrong module")
			}
			_ = meta.v.(interface{ Set(string, any) error }).Set("url", "vm:test")
		},
		ImportModuleDynamically: func(spec string, ref *Module) (*Module, error) {
			if ref != m {
				t.Error("wrong referrer")
			}
			if spec == "t" {
				return target, nil
			}
			return nil, errors.New("no such module")
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := m.Link(nil); err != nil {
		t.Fatal(err)
	}
	p, err := m.Evaluate(context.Background(), RunOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if err := p.Await(context.Background()); err != nil {
		t.Fatal(err)
	}
	ns, _ := m.Namespace()
	get := func(k string) any { v, _ := ns.Get(context.Background(), k); return ex(v) }
	if get("url2") != "vm:test" || metaCalls != 1 {
		t.Fatal(get("url2"), metaCalls)
	}
	if get("doubled") != int64(10) || get("failed") != "no such module" {
		t.Fatal(get("doubled"), get("failed"))
	}
	if target.Status() != ModuleEvaluated {
		t.Fatal("dynamic import did not evaluate its module:", target.Status())
	}
	other, _ := c.CompileModule(`export const p = import("x").catch((e) => e.message);`, ModuleOptions{})
	_ = other.Link(nil)
	if _, err := other.Evaluate(context.Background(), RunOptions{}); err != nil {
		t.Fatal(err)
	}
}

func ex(v Value) any {
	x, err := v.Export(context.Background())
	if err != nil {
		return err
	}
	return x
}

// TestModuleEarlyErrors: the early errors V8 reports when it compiles a
// module (sobek leaves them for instantiation) are CompileModule's
// SyntaxErrors, in V8's words, with their position.
func TestModuleEarlyErrors(t *testing.T) {
	iso := NewIsolate(IsolateOptions{})
	c, err := iso.NewContext(nil, ContextOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for src, want := range map[string]string{
		"let a;\nlet a;":                      "Identifier 'a' has already been declared",
		"export { nosuch }":                   "Export 'nosuch' is not defined in module",
		"export default 1; export default 2;": "Identifier '.default' has already been declared",
	} {
		_, err := c.CompileModule(src, ModuleOptions{})
		var se *SyntaxError
		if !errors.As(err, &se) || se.Message != want {
			t.Errorf("%q: %v, want SyntaxError %q", src, err, want)
		}
		if src == "let a;\nlet a;" && (se == nil || se.Line != 2 || se.Column != 5) {
			t.Errorf("%q: position %+v", src, se)
		}
	}
	if _, err := c.CompileModule("var v; function g() {} export { v, g }; export { w } from 'w';", ModuleOptions{}); err != nil {
		t.Errorf("valid module: %v", err)
	}
}
