package core

import (
	"strings"
	"testing"

	"github.com/grafana/sobek"
)

// A small test262-style set for the syntax lowered by lower.go: each
// script leaves its verdict in globalThis.result once its promise jobs
// ran; "ok" passes.
func TestLoweredSyntax(t *testing.T) {
	cases := map[string]string{
		"async generator yields in order": `
			async function* g() { yield 1; yield await Promise.resolve(2); yield 3; }
			(async () => { const o = []; for await (const x of g()) o.push(x); result = o.join() === "1,2,3" ? "ok" : o.join(); })();`,
		"for await over a sync iterable of promises": `
			(async () => { const o = []; for await (const x of [Promise.resolve("a"), "b"]) o.push(x); result = o.join("") === "ab" ? "ok" : o.join(""); })();`,
		"return() runs finally": `
			let fin = false;
			async function* g() { try { yield 1; yield 2; } finally { fin = true; } }
			(async () => { for await (const x of g()) break; result = fin ? "ok" : "finally did not run"; })();`,
		"throw from the body rejects next()": `
			async function* g() { throw new TypeError("x"); }
			g().next().then(() => { result = "resolved"; }, (e) => { result = e instanceof TypeError ? "ok" : String(e); });`,
		"async generator methods and this": `
			const o = { n: 5, async *m() { yield this.n; } };
			o.m().next().then((r) => { result = r.value === 5 && r.done === false ? "ok" : JSON.stringify(r); });`,
		"Symbol.asyncIterator protocol of an object": `
			const it = { [Symbol.asyncIterator]() { let i = 0; return { next: () => Promise.resolve({ value: i, done: i++ > 1 }) }; } };
			(async () => { let n = 0; for await (const x of it) n += x; result = n === 1 ? "ok" : n; })();`,
		"Symbol.asyncIterator is well-known, one per isolate": `
			result = typeof Symbol.asyncIterator === "symbol" && Symbol.keyFor(Symbol.asyncIterator) === undefined &&
				String(Symbol.asyncIterator) === "Symbol(Symbol.asyncIterator)" && Symbol.asyncIterator === sameAsMain ? "ok" : "bad";`,
		"prototype chain of an async generator function": `
			async function* g() {}
			result = typeof g === "function" && typeof g().next === "function" ? "ok" : "bad";`,
	}
	for name, code := range cases {
		t.Run(name, func(t *testing.T) {
			iso := NewIsolate(IsolateOptions{})
			sb := iso.Main().Runtime().NewObject()
			_ = sb.Set("sameAsMain", iso.Main().Runtime().GlobalObject().Get("Symbol").(*sobek.Object).Get("asyncIterator"))
			c := iso.Contextify(sb, iso.Main(), ContextOptions{})
			s, err := Compile(code, ScriptOptions{Filename: "lowered.js"})
			if err != nil {
				t.Fatal(err)
			}
			if _, err := c.Run(s); err != nil {
				t.Fatal(err)
			}
			// a call into the idle runtime runs its queued jobs
			fn, _ := sobek.AssertFunction(c.Runtime().ToValue(func(sobek.FunctionCall) sobek.Value { return sobek.Undefined() }))
			_, _ = fn(sobek.Undefined())
			if got := c.Global().Get("result"); got == nil || got.String() != "ok" {
				t.Fatalf("result = %v", got)
			}
		})
	}
}

// TestLoweringKeepsErrors: code esbuild cannot fix keeps sobek's
// SyntaxError and position; ordinary code is never lowered.
func TestLoweringKeepsErrors(t *testing.T) {
	_, err := Compile("async function* f() { yield 1 }\n)", ScriptOptions{Filename: "bad.js"})
	se, ok := err.(*SyntaxError)
	if !ok || se.Line != 2 || !strings.Contains(se.Message, "Unexpected token") {
		t.Fatalf("%#v", err)
	}
	if mayLower("var a = 1 * 2;") || !mayLower("async function* f() {}") {
		t.Fatal("mayLower")
	}
}

// TestLoweredPositions: a throw inside a lowered async generator reports
// the original line.
func TestLoweredPositions(t *testing.T) {
	iso := NewIsolate(IsolateOptions{})
	c := iso.Main()
	s, err := Compile("async function* g() {\n  yield 1;\n  throw new Error('boom');\n}\nvar p = g(); p.next(); p.next().catch((e) => { globalThis.stack = e.stack; });", ScriptOptions{Filename: "pos.js"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.Run(s); err != nil {
		t.Fatal(err)
	}
	fn, _ := sobek.AssertFunction(c.Runtime().ToValue(func(sobek.FunctionCall) sobek.Value { return sobek.Undefined() }))
	_, _ = fn(sobek.Undefined())
	st := c.Global().Get("stack")
	if st == nil || !strings.Contains(st.String(), "pos.js:3:") {
		t.Fatalf("stack = %v", st)
	}
}

// TestLoweredModuleAndFunction: modules and compileFunction bodies with
// async generators compile through the lowering; the function keeps its
// original source text.
func TestLoweredModuleAndFunction(t *testing.T) {
	iso := NewIsolate(IsolateOptions{})
	c := iso.Main()
	if _, err := CompileModule(c, ModuleSource{ID: "m", Code: "export async function* g() { yield 1 }\nfor await (const x of g()) {}"}); err != nil {
		t.Fatal(err)
	}
	if _, err := CompileModule(c, ModuleSource{ID: "bad", Code: "export async function* g() { yield 1 }\n)"}); err == nil {
		t.Fatal("a module esbuild cannot fix must keep its SyntaxError")
	}
	f, err := CompileFunction("async function* g() { yield a } return g", FunctionOptions{Params: []string{"a"}, Filename: "f.js"})
	if err != nil {
		t.Fatal(err)
	}
	v, err := c.Runtime().RunProgram(f.Program)
	if err != nil {
		t.Fatal(err)
	}
	if s := v.String(); s != "function (a) {\nasync function* g() { yield a } return g\n}" {
		t.Fatalf("toString = %q", s)
	}
}
