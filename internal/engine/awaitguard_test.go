package engine

import (
	"testing"

	"github.com/grafana/sobek"
	"github.com/grafana/sobek/parser"
)

// guardedRun compiles src with its awaits guarded and runs it in a fresh
// runtime with the hook, returning the global `log` after the jobs ran
// (or that the run crashed).
func guardedRun(t *testing.T, src string, guard bool) (out string) {
	t.Helper()
	defer func() {
		if r := recover(); r != nil {
			out = "crashed"
		}
	}()
	rt := sobek.New()
	if err := EnsureAwaitHook(rt); err != nil {
		t.Fatal(err)
	}
	prog, err := parser.ParseFile(nil, "t.js", src, 0, parser.WithDisableSourceMaps)
	if err != nil {
		t.Fatal(err)
	}
	if guard && !GuardAwaits(prog) {
		t.Fatal("no await found")
	}
	p, err := sobek.CompileAST(prog, false)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := rt.RunProgram(p); err != nil {
		return "escaped: " + err.Error()
	}
	v, err := rt.RunString(`[1, 2].map(x => x + 1).join() === '2,3' ? log.join('; ') + (typeof order == 'object' ? ' | ' + order.join(' ') : '') : 'broken'`)
	if err != nil {
		return "broken: " + err.Error()
	}
	return v.String()
}

// TestGuardAwaits: plain awaits of a throwing or revoked Proxy, a tracing
// Proxy and an object whose constructor getter throws behave as in node
// (recorded with node v20) once guarded, and crash or differ unguarded
// (if the unguarded run matches, sobek fixed Await: drop GuardAwaits).
func TestGuardAwaits(t *testing.T) {
	const src = `
		var log = [];
		const p = new Proxy({}, { get(t, k) { log.push('get ' + String(k)); throw 1 } });
		const { proxy: rv, revoke } = Proxy.revocable({}, {}); revoke();
		const tr = new Proxy({}, { get(t, k) { log.push('tr ' + String(k)); return undefined } });
		const cg = { get constructor() { log.push('ctor'); throw 2 }, get then() { log.push('then'); return undefined } };
		const pr = Promise.resolve(7); Object.defineProperty(pr, 'constructor', { get() { log.push('prctor'); throw 3 } });
		const pr2 = Promise.resolve(8); Object.defineProperty(pr2, 'constructor', { get() { log.push('prctor2'); return Object } });
		(async () => {
			for (const [n, v] of [['throwing', p], ['revoked', rv], ['tracing', tr], ['ctorgetter', cg], ['promisector', pr], ['promisector2', pr2], ['prim', 5]]) {
				try { const r = await v; log.push(n + ' ok ' + (r === v ? 'same' : String(r))) } catch (e) { log.push(n + ' caught ' + (e instanceof Error ? e.constructor.name : e)) }
			}
			try { await Promise.all([(async () => { await p })()]) } catch (e) { log.push('all caught ' + e) }
		})();
		const order = [];
		(async () => { order.push('a1'); await null; order.push('a2'); await Promise.resolve(); order.push('a3'); await { then(r) { r() } }; order.push('a4') })();
		(async () => { order.push('b1'); await 0; order.push('b2'); await 0; order.push('b3'); await 0; order.push('b4'); await 0; order.push('b5') })();
	`
	const node = "get then; throwing caught 1; revoked caught TypeError; tr then; tracing ok same; then; ctorgetter ok same; prctor; promisector caught 3; prctor2; prctor2; promisector2 ok 8; prim ok same; get then; all caught 1 | a1 b1 a2 b2 a3 b3 b4 a4 b5"
	if got := guardedRun(t, src, true); got != node {
		t.Errorf("guarded:\n got %s\nwant %s", got, node)
	}
	if got := guardedRun(t, src, false); got == node {
		t.Error("sobek's plain await now behaves as the specification: GuardAwaits can go")
	}
}

func BenchmarkEnsureAwaitHook(b *testing.B) {
	p := sobek.MustCompile("", "1", false)
	b.Run("run", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			rt := sobek.New()
			rt.RunProgram(p)
		}
	})
	b.Run("install+run", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			rt := sobek.New()
			if err := EnsureAwaitHook(rt); err != nil {
				b.Fatal(err)
			}
			rt.RunProgram(p)
		}
	})
}

// BenchmarkGuardedAwait: the hook's cost per await (plain vs guarded) of a
// primitive, a promise and an object.
func BenchmarkGuardedAwait(b *testing.B) {
	for _, kind := range []string{"1", "p", "o"} {
		for _, guard := range []bool{false, true} {
			name := kind + "/plain"
			if guard {
				name = kind + "/guarded"
			}
			b.Run(name, func(b *testing.B) {
				src := `const p = Promise.resolve(1), o = {}; (async (n) => { for (let i = 0; i < n; i++) await ` + kind + ` })(N)`
				prog, err := parser.ParseFile(nil, "b.js", src, 0)
				if err != nil {
					b.Fatal(err)
				}
				if guard {
					GuardAwaits(prog)
				}
				p, err := sobek.CompileAST(prog, false)
				if err != nil {
					b.Fatal(err)
				}
				rt := sobek.New()
				if err := EnsureAwaitHook(rt); err != nil {
					b.Fatal(err)
				}
				_ = rt.Set("N", b.N)
				b.ResetTimer()
				if _, err := rt.RunProgram(p); err != nil {
					b.Fatal(err)
				}
			})
		}
	}
}

// TestGuardAwaitsWith: awaits inside a with body stay plain (the with
// object would see the hook's name); node v20: the has trap sees nothing.
func TestGuardAwaitsWith(t *testing.T) {
	const src = `var log = [];
		(async () => { with (new Proxy({}, { has(t, k) { log.push(String(k)); return false } })) { await 1; log.push('done') } })();
		(async () => { with ({}) { (async () => { await 2; log.push('inner') })() } })();`
	if got := guardedRun(t, src, false); got != "log; done; inner" {
		t.Errorf("plain: %s", got)
	}
	prog, err := parser.ParseFile(nil, "t.js", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	if GuardAwaits(prog) {
		t.Error("an await inside a with body was guarded")
	}
}
