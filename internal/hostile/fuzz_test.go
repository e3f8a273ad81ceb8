package hostile

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/jsvm-dev/jsvm/node/builtins"
	"github.com/jsvm-dev/jsvm/node/host"
)

// The fuzz targets drive the vm entry points with fuzzed arguments in a
// fresh host each and check what must hold for any input: the run ends (no
// Go panic, fatal error or hang), its outcome is a value or a JS error of a
// builtin class, and nothing the input says runs before it is called.
// Briefly in CI (.ci/run, a few seconds each); longer by hand:
//
//	go test ./internal/hostile -run '^$' -fuzz FuzzScriptOptions -fuzztime 10m
//
// (also FuzzCompileFunctionParams, FuzzCachedData, FuzzModuleLinker). The
// seeds are in testdata/fuzz and below; with -run they run as plain tests.

// fuzzBound is how long one input may take (inputs run at most 50 ms of
// JavaScript under a timeout).
const fuzzBound = 10 * time.Second

// runFuzzJS runs a script in a fresh host with `input` (JSON) in scope and
// returns what it printed. The script must print one line: "ok ..." or
// "threw <class>".
func runFuzzJS(t *testing.T, script string, input any) string {
	t.Helper()
	in, err := json.Marshal(input)
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	h, err := host.New(host.Options{Registry: builtins.DefaultRegistry(), Stdout: &out, Stderr: &out, ExperimentalVMModules: true, NoWarnings: true})
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan int, 1)
	go func() { done <- h.RunSource("const input = "+string(in)+";\n"+fuzzPrelude+script, "[fuzz]", false) }()
	select {
	case code := <-done:
		if code != 0 {
			t.Fatalf("exit code %d for input %s:\n%s", code, in, out.String())
		}
	case <-time.After(fuzzBound):
		t.Fatalf("hang (%v) for input %s", fuzzBound, in)
	}
	got := out.String()
	if !outcomeLine.MatchString(got) {
		t.Fatalf("input %s: outcome %q", in, got)
	}
	return got
}

// fuzzPrelude: the outcome of a call, as one line; errors must be of a
// builtin class (a Go error leaking would be "GoError" or carry Go text).
const fuzzPrelude = `
const vm = require('vm');
process.on('unhandledRejection', () => {});
const classes = ['Error', 'TypeError', 'RangeError', 'SyntaxError', 'ReferenceError', 'EvalError', 'URIError'];
function outcome(f) {
  let r;
  try { r = f(); } catch (e) { report(e); return; }
  if (r && typeof r.then === 'function') r.then(() => console.log('ok async'), report);
  else console.log('ok ' + typeof r);
}
function report(e) {
  if (e === null || typeof e !== 'object') { console.log('threw primitive'); return; }
  let name, msg, brand;
  try { name = e.name; msg = String(e.message); brand = Object.prototype.toString.call(e); } catch (x) { console.log('threw primitive'); return; } // a hostile thrown object
  if (brand !== '[object Error]' && !classes.includes(name)) {
    // the code's own throw {} (of any realm); a Go value would carry Go text
    console.log(/runtime error|goroutine|nil pointer|\*sobek\.|\{\w+:/.test(msg) ? 'threw go fault ' + msg : 'threw object');
  }
  else if (!classes.includes(name)) console.log('threw unexpected class ' + name + ': ' + msg);
  else if (/runtime error|goroutine|nil pointer|\*sobek\./.test(msg)) console.log('threw go fault ' + msg);
  else console.log('threw ' + name);
}
`

var outcomeLine = regexp.MustCompile(`^(ok (async|\w+)|threw (primitive|object|Error|TypeError|RangeError|SyntaxError|ReferenceError|EvalError|URIError))\n$`)

func clamp(v, lo, hi int64) int64 { return max(lo, min(hi, v)) }

// FuzzScriptOptions: new vm.Script(code, options) and a run under a
// timeout. Offsets are bounded (huge ones are a known hang: offsets pad
// the source).
func FuzzScriptOptions(f *testing.F) {
	f.Add("1 + 1", "f.js", int64(0), int64(0), false, int64(20), []byte(nil))
	f.Add("(", "evalmachine.<anonymous>", int64(3), int64(7), true, int64(1), []byte("garbage"))
	f.Add("while (true) {}", "", int64(-5), int64(-5), false, int64(10), []byte{})
	f.Add("throw { get message() { throw 1 } }", "\x00", int64(1), int64(0), true, int64(50), []byte{0xff})
	f.Fuzz(func(t *testing.T, code, filename string, line, col int64, produce bool, timeout int64, cached []byte) {
		if len(code) > 1<<12 {
			return
		}
		in := map[string]any{"code": code, "filename": filename, "line": clamp(line, -1e4, 1e4), "col": clamp(col, -1e4, 1e4),
			"produce": produce, "timeout": clamp(timeout, 1, 50), "cached": base64.StdEncoding.EncodeToString(cached), "hasCached": cached != nil}
		runFuzzJS(t, `outcome(() => {
  const o = { filename: input.filename, lineOffset: input.line, columnOffset: input.col, produceCachedData: input.produce };
  if (input.hasCached) o.cachedData = Buffer.from(input.cached, 'base64');
  const s = new vm.Script(input.code, o);
  s.runInNewContext({}, { timeout: input.timeout });
  return s;
});`, in)
	})
}

// FuzzCompileFunctionParams: vm.compileFunction(body, params) must not run
// any of its text while compiling (no parameter or body may close the
// wrapper function early: that is code injection), and the function runs
// under a timeout.
func FuzzCompileFunctionParams(f *testing.F) {
	f.Add("return a + b", "a\x00b")
	f.Add("return 1", "a) {}, globalThis.hit = 1, (function (")
	f.Add("}, globalThis.hit = 1, function () {", "")
	f.Add("return 1", "a = globalThis.hit = 1")
	f.Add("}); globalThis.hit = 1; (function () {", "x")
	f.Add("return 1", "...a\x00b")
	f.Add("return 1", "a /*\x00*/ b")
	f.Add("return arguments.length", "\u2028a")
	f.Fuzz(func(t *testing.T, body, params string) {
		if len(body)+len(params) > 1<<12 {
			return
		}
		ps := strings.Split(params, "\x00")
		if params == "" {
			ps = nil
		}
		got := runFuzzJS(t, `outcome(() => {
  const f = vm.compileFunction(input.body, input.params);
  if (globalThis.hit !== undefined) throw new Error('injected: compiling ran code');
  vm.runInNewContext('try { f() } catch (e) {}', { f }, { timeout: 20 });
  return f;
});`, map[string]any{"body": body, "params": ps})
		if strings.Contains(got, "injected") {
			t.Fatalf("body %q params %q: %s", body, ps, got)
		}
	})
}

// FuzzCachedData: any bytes as cachedData of a Script, a compiled function
// and a SourceTextModule: accepted or rejected, never a crash; real data is
// accepted (extends internal/codecache's FuzzDecode to the vm faces).
func FuzzCachedData(f *testing.F) {
	f.Add([]byte(nil), "1 + 1")
	f.Add([]byte("JSVMCACHE"), "x")
	f.Add(bytes.Repeat([]byte{0xff}, 64), "export default 1")
	f.Add([]byte{0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 0xff, 0x7f}, "function f() {}")
	f.Fuzz(func(t *testing.T, data []byte, code string) {
		if len(code) > 1<<10 {
			return
		}
		got := runFuzzJS(t, `outcome(() => {
  const bytes = Buffer.from(input.data, 'base64');
  const s = new vm.Script(input.code, { cachedData: bytes });
  const real = new vm.Script(input.code, { filename: 'other.js' }).createCachedData();
  const again = new vm.Script(input.code, { cachedData: real });
  if (again.cachedDataRejected) throw new Error('real cache rejected');
  try { vm.compileFunction(input.code, [], { cachedData: bytes }); } catch (e) { if (e.name !== 'SyntaxError') throw e; }
  const m = new vm.SourceTextModule('export default 1', { cachedData: bytes.length ? bytes : undefined });
  return s.cachedDataRejected ? 'rejected' : m;
});`, map[string]any{"data": base64.StdEncoding.EncodeToString(data), "code": code})
		if strings.Contains(got, "real cache rejected") {
			t.Fatalf("code %q: %s", code, got)
		}
	})
}

// FuzzModuleLinker: a module graph and a linker decoded from bytes (which
// module imports what, and what the linker answers for each request: a
// module of the graph, a non-module, a throw, a rejection, a module of
// another context, a promise, an errored module, itself, a Proxy), then
// link and evaluate under a timeout: every promise settles or stays
// pending, nothing crashes.
func FuzzModuleLinker(f *testing.F) {
	f.Add([]byte{3, 0, 1, 1, 2, 2, 0})
	f.Add([]byte{2, 0, 0, 1, 1})
	f.Add([]byte{4, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11})
	f.Add([]byte{1, 9, 9, 9})
	f.Fuzz(func(t *testing.T, plan []byte) {
		if len(plan) > 64 {
			return
		}
		ints := make([]int, len(plan))
		for i, b := range plan {
			ints[i] = int(b)
		}
		runFuzzJS(t, `outcome(() => {
  const p = input.plan;
  let at = 0;
  const next = () => (at < p.length ? p[at++] : 0);
  const n = 1 + (next() % 5);
  const bodies = ['export const x = 1', 'import { x } from "m1"; export { x }', 'import "m0"; import "m2"',
    'export * from "m3"; export * from "m4"', 'await null; export default 2', 'throw new Error("body")',
    'import x from "m2"; export default x', 'while (true) {}', 'export {'];
  const other = vm.createContext();
  const mods = [];
  for (let i = 0; i < n; i++) {
    try { mods.push(new vm.SourceTextModule(bodies[next() % bodies.length], { identifier: 'm' + i })); }
    catch (e) { mods.push(new vm.SourceTextModule('export const x = 0', { identifier: 'm' + i })); }
  }
  const answers = [
    (s) => mods[(+s.slice(1)) % n],
    () => undefined,
    () => { throw new RangeError('linker'); },
    () => Promise.reject(new TypeError('rejected')),
    () => new vm.SourceTextModule('export const x = 3', { context: other }),
    (s) => Promise.resolve(mods[(+s.slice(1)) % n]),
    () => new Proxy({}, { get() { throw 1; } }),
    (s, ref) => ref,
    () => new vm.SyntheticModule(['x', 'default'], function () { this.setExport('x', 4); }),
    () => ({ then(r) { r(mods[0]); } }),
  ];
  const linker = (s, ref) => answers[next() % answers.length](s, ref);
  return mods[0].link(linker).then(() => mods[0].evaluate({ timeout: 20 }));
});`, map[string]any{"plan": ints})
	})
}
