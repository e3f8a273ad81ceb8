// Package corpus loads the sandbox attack corpus (testdata/sandbox-attacks)
// for the tests of both faces: the Go API and the jsvm:sandbox builtin.
package corpus

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Attack is one file of the corpus.
type Attack struct {
	Name     string // file name without .js
	Source   string // where the mechanism comes from (the first line)
	Code     string // the attack, with the prelude
	Resource bool   // a resource attack: it must end as an error
	Async    bool   // run with RunAsync
	// ProcessOnly: fatal to a process (Go's out of memory, stack
	// exhaustion) or a hang in a step nothing interrupts: run only
	// against process sandboxes, where it must end the worker, not the host.
	ProcessOnly bool
}

// Prelude is sandbox code that every attack can call: pwn(x) tries to
// set the host's markers on whatever the attack obtained. If x is a
// sandbox object, nothing the host looks at changes.
const Prelude = `function pwn(x) {
  if (x === null || x === undefined || (typeof x !== 'object' && typeof x !== 'function')) return;
  const tries = [() => { x.__escaped = true }, () => { x.process.__escaped = true },
    () => { x.process.env.JSVM_ESCAPED = '1' }, () => { x.env.JSVM_ESCAPED = '1' },
    () => { x.global.__escaped = true }, () => { x.constructor.prototype.__escaped = true },
    () => { x.mainModule.require('fs').writeFileSync(x.env.JSVM_ESCAPE_FILE, 'x') }];
  for (const t of tries) { try { t() } catch (e) {} }
}
`

// Fingerprint is a script whose value describes the realm's intrinsics:
// it must be the same before and after an attack, in any sandbox.
const Fingerprint = `(() => {
  const out = [];
  const objs = { Object, Function, Array, String, Number, Boolean, Symbol, Error, TypeError, RangeError, Promise,
    Map, Set, WeakMap, JSON, Math, Reflect, Date, RegExp, ArrayBuffer, Uint8Array, Proxy };
  for (const n of Object.keys(objs).sort()) {
    const o = objs[n];
    out.push(n + ':' + typeof o + ':' + Reflect.ownKeys(o).length + (o.prototype ? ':' + Reflect.ownKeys(o.prototype).length : ''));
  }
  out.push(Object.keys(Object.prototype).length, [1, 2].map((x) => x + 1).join(), JSON.stringify({ a: [1] }),
    JSON.parse('[1]').length, typeof Object.prototype.__escaped, typeof Object.prototype.tenantA,
    String(Object.getPrototypeOf(Object.prototype)), Math.random() < 1, typeof Date.now(), typeof Promise.prototype.then,
    [3, 1, 2].sort().join(), Array.from(new Map([[1, 2]]).entries()).join(), typeof WeakMap.prototype.set, typeof Reflect.apply);
  return out.join('|');
})()`

// TenantProbe is what a second tenant runs after an attack elsewhere.
const TenantProbe = `[typeof __escaped, typeof shared, ` + Fingerprint + `].join('#')`

// Load reads the corpus from dir.
func Load(dir string) ([]Attack, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.js"))
	if err != nil {
		return nil, err
	}
	sort.Strings(files)
	var out []Attack
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		src := string(b)
		first, _, _ := strings.Cut(src, "\n")
		name := strings.TrimSuffix(filepath.Base(f), ".js")
		out = append(out, Attack{
			Name: name, Source: strings.TrimPrefix(first, "// "), Code: Prelude + src,
			Resource: strings.HasPrefix(name, "r"), Async: strings.Contains(first, "(runAsync)"),
			ProcessOnly: strings.Contains(first, "(process only)"),
		})
	}
	return out, nil
}
