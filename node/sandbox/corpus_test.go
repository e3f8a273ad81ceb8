package sandbox_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jsvm-dev/jsvm/internal/sandbox/corpus"
	"github.com/jsvm-dev/jsvm/node/builtins"
	"github.com/jsvm-dev/jsvm/node/host"
)

// driver runs every attack in a jsvm:sandbox of one host and prints the
// HOST's verdict for each: its own markers and intrinsics, another
// tenant, the attacked sandbox's next run, and the realm of every value
// that came out (a host-realm copy, never an object of the sandbox).
const driver = `'use strict';
const { Sandbox } = require('jsvm:sandbox');
const attacks = __ATTACKS__, FINGERPRINT = __FP__, TENANT = __TP__, PROCESS = __PROC__;
const hostFP = () => [typeof globalThis.__escaped, typeof process.__escaped, typeof Object.prototype.__escaped,
  String(process.env.JSVM_ESCAPED), Reflect.ownKeys(Object.prototype).length, Reflect.ownKeys(Array.prototype).length,
  Reflect.ownKeys(Function.prototype).length, Reflect.ownKeys(Promise.prototype).length, [1, 2].map((x) => x + 1).join(),
  JSON.stringify({ a: [1] }), typeof require, typeof process.exit, String(Object.getPrototypeOf(Object.prototype))].join();
const protos = new Set([Object.prototype, Array.prototype, Map.prototype, Set.prototype, Date.prototype, RegExp.prototype,
  ArrayBuffer.prototype, Uint8Array.prototype, Float64Array.prototype, Error.prototype, TypeError.prototype, RangeError.prototype,
  SyntaxError.prototype, ReferenceError.prototype, EvalError.prototype, URIError.prototype, null]);
function hostValue(v, seen = new Set()) {
  if (typeof v === 'function') return 'a function came out';
  if (typeof v !== 'object' || v === null || seen.has(v)) return '';
  seen.add(v);
  if (!protos.has(Object.getPrototypeOf(v))) return 'an object of another realm came out';
  for (const k of Reflect.ownKeys(v)) {
    const d = Object.getOwnPropertyDescriptor(v, k);
    if (d.get || d.set) return 'an accessor came out';
    const r = hostValue(d.value, seen);
    if (r) return r;
  }
  if (v instanceof Map) for (const [k, x] of v) { const r = hostValue(k, seen) || hostValue(x, seen); if (r) return r; }
  if (v instanceof Set) for (const x of v) { const r = hostValue(x, seen); if (r) return r; }
  return '';
}
const before = hostFP();
const fresh = new Sandbox({ process: PROCESS });
const wantFP = fresh.run(FINGERPRINT), wantTenant = fresh.run(TENANT);
const victim = new Sandbox({ timeout: 5000, process: PROCESS });
victim.run("globalThis.secret = 's3cret'");
(async () => {
  for (const a of attacks) {
    const sb = new Sandbox(a.resource ? { timeout: 500, memoryLimit: 32 * 1024 * 1024, cpuLimit: 1000, process: PROCESS } : { timeout: 2000, memoryLimit: 64 * 1024 * 1024, process: PROCESS });
    const why = [];
    sb.set('data', { list: [1, 2], map: new Map([['k', 1]]), when: new Date(0), re: /a+/g, bytes: new Uint8Array([1, 2]), err: new Error('host error') });
    const use = (x) => { const r = hostValue(x); if (r) why.push('export argument: ' + r); try { String(x); JSON.stringify(x); } catch (e) {} return x; };
    sb.export('log', (x) => use(x));
    sb.export('fail', (x) => { use(x); throw new Error('host failure'); });
    sb.export('fetchIt', async (x) => { use(x); await null; if (x === 'fail') throw new Error('async host failure'); return { got: [x] }; });
    let threw = false, outcome;
    try { outcome = a.async ? await sb.runAsync(a.code) : sb.run(a.code); } catch (e) { threw = true; outcome = e; }
    const r = hostValue(outcome);
    if (r && !(threw && outcome instanceof Error)) why.push('outcome: ' + r);
    if (threw && outcome instanceof Error && !protos.has(Object.getPrototypeOf(outcome))) why.push('a thrown error of another realm');
    if (hostFP() !== before) why.push('the host changed: ' + hostFP());
    let t; try { t = victim.run(TENANT); } catch (e) { t = String(e); }
    if (t !== wantTenant) why.push('another tenant changed: ' + t);
    try { const n = sb.run(FINGERPRINT); if (n !== wantFP) why.push('the next run is poisoned: ' + n); } catch (e) { if (e.code !== 'ERR_SANDBOX_DISPOSED') why.push('the next run failed: ' + e); }
    if (a.resource && !threw) why.push('the resource attack ended without an error');
    let shown; try { shown = threw ? (outcome && outcome.code ? outcome.code : String(outcome)) : JSON.stringify(outcome); } catch (e) { shown = '?'; }
    console.log(JSON.stringify({ name: a.name, verdict: why.length ? 'ESCAPED' : 'CONTAINED', why, outcome: String(shown).slice(0, 120) }));
    sb.dispose();
  }
  // the control: the same verdict on Node's vm (not a security boundary)
  // must say ESCAPED, or the checks above could not see an escape
  const ctl = attacks.find((a) => a.name === 'e01-this-constructor');
  try { require('vm').runInNewContext(ctl.code, { log: (x) => x }); } catch (e) {}
  console.log(JSON.stringify({ control: hostFP() !== before }));
  delete globalThis.__escaped; delete process.__escaped; delete process.env.JSVM_ESCAPED;
  console.log(JSON.stringify({ alive: fresh.run('[1, 2, 3].length') }));
})();
`

// TestSandboxCorpusJS runs the attack corpus against the JS API in a real
// host, which has process, require and the rest for an attack to reach.
func TestSandboxCorpusJS(t *testing.T) { testSandboxCorpusJS(t, false) }

// TestSandboxCorpusJSProcess runs it against process: true sandboxes (and
// the resource attacks that are fatal to a process).
func TestSandboxCorpusJSProcess(t *testing.T) { testSandboxCorpusJS(t, true) }

func testSandboxCorpusJS(t *testing.T, process bool) {
	if testing.Short() {
		t.Skip("the corpus takes ~30-60 s (it runs in the full suite)")
	}
	attacks, err := corpus.Load("../../testdata/sandbox-attacks")
	if err != nil || len(attacks) < 50 {
		t.Fatalf("corpus: %d attacks, %v", len(attacks), err)
	}
	escapeFile := filepath.Join(t.TempDir(), "escaped")
	t.Setenv("JSVM_ESCAPE_FILE", escapeFile)
	os.Unsetenv("JSVM_ESCAPED")
	type js struct {
		Name     string `json:"name"`
		Code     string `json:"code"`
		Resource bool   `json:"resource"`
		Async    bool   `json:"async"`
	}
	var list []js
	for _, a := range attacks {
		if !a.ProcessOnly || process {
			list = append(list, js{a.Name, a.Code, a.Resource, a.Async})
		}
	}
	enc := func(v any) string { b, _ := json.Marshal(v); return string(b) }
	src := strings.NewReplacer("__ATTACKS__", enc(list), "__FP__", enc(corpus.Fingerprint), "__TP__", enc(corpus.TenantProbe), "__PROC__", enc(process)).Replace(driver)
	var out bytes.Buffer
	h, err := host.New(host.Options{Registry: builtins.DefaultRegistry(), Stdout: &out, Stderr: &out})
	if err != nil {
		t.Fatal(err)
	}
	if code := h.RunSource(src, "corpus.js", false); code != 0 {
		t.Fatalf("the host exited with %d:\n%s", code, out.String())
	}
	var contained, escaped int
	alive := false
	for _, line := range strings.Split(strings.TrimSpace(out.String()), "\n") {
		var r struct {
			Name, Verdict, Outcome string
			Why                    []string
			Alive                  *float64
			Control                *bool
		}
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Errorf("unexpected output: %s", line)
			continue
		}
		if r.Control != nil {
			if !*r.Control {
				t.Error("the control attack on node:vm was not seen as ESCAPED: the verdict cannot see escapes")
			}
			continue
		}
		if r.Alive != nil {
			alive = *r.Alive == 3
			continue
		}
		if r.Verdict == "CONTAINED" {
			contained++
			t.Logf("%s CONTAINED: %s", r.Name, r.Outcome)
		} else {
			escaped++
			t.Errorf("%s ESCAPED: %v", r.Name, r.Why)
		}
	}
	if os.Getenv("JSVM_ESCAPED") != "" {
		t.Error("ESCAPED: the host's environment was changed")
	}
	if _, err := os.Stat(escapeFile); err == nil {
		t.Error("ESCAPED: a host file was written")
	}
	if !alive || contained+escaped != len(list) {
		t.Errorf("the host did not finish the corpus (%d of %d verdicts, alive %v)", contained+escaped, len(list), alive)
	}
	t.Logf("JS API corpus (process: %v): %d CONTAINED, %d ESCAPED of %d", process, contained, escaped, len(list))
}
