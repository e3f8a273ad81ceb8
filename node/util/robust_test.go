package util

import (
	"strings"
	"testing"

	"github.com/grafana/sobek"
)

// TestNoGoPanics inspects every builtin with every option combination: no
// Go panic may escape (JS exceptions are fine).
func TestNoGoPanics(t *testing.T) {
	rt := sobek.New()
	names, err := rt.RunString(`Object.getOwnPropertyNames(globalThis)`)
	if err != nil {
		t.Fatal(err)
	}
	extra := []string{
		`Map.prototype`, `Set.prototype`, `Promise.prototype`, `Date.prototype`, `RegExp.prototype`,
		`Error.prototype`, `Uint8Array.prototype`, `Object.getPrototypeOf(Uint8Array)`,
		`Object.getPrototypeOf(function*(){})`, `(function*(){})()`, `new Map([[1,2]]).entries()`,
		`[].values()`, `new Proxy(function(){}, {})`, `new Proxy([], { get() { throw new Error('trap') } })`,
		`Object.setPrototypeOf(new Map([[1, 2]]), null)`, `Object.setPrototypeOf(new Set([1]), null)`,
		`Object.setPrototypeOf([1, 2], null)`, `Object.setPrototypeOf(new Uint8Array(2), null)`,
		`Object.setPrototypeOf(/x/, null)`, `Object.setPrototypeOf(new Date(0), null)`,
		`Object.setPrototypeOf(new Error('x'), null)`, `Object.setPrototypeOf(new Number(1), null)`,
		`(() => { const a = []; a[2**32-2] = 1; return a })()`, `{ get x() { throw 1 } }`,
		`({ [Symbol.for('nodejs.util.inspect.custom')]() { throw new Error('custom') } })`,
		`(() => { const r = Proxy.revocable({}, {}); r.revoke(); return { p: r.proxy } })()`,
	}
	var srcs []string
	for _, n := range names.Export().([]interface{}) {
		srcs = append(srcs, "globalThis["+strEscape(n.(string))+"]")
	}
	srcs = append(srcs, extra...)
	for _, opts := range []InspectOptions{{}, {ShowHidden: true, Getters: true, Depth: Unlimited},
		{Colors: true, Compact: CompactTrue, Sorted: true, ShowProxy: true}, {Compact: CompactFalse, Depth: DepthMinusOne}} {
		for _, src := range srcs {
			v, err := rt.RunString("(" + src + ")")
			if err != nil {
				t.Fatalf("%s: %v", src, err)
			}
			func() {
				defer func() {
					if r := recover(); r != nil {
						switch r.(type) {
						case *sobek.Exception, *sobek.Object:
						default:
							if _, ok := r.(sobek.Value); !ok {
								t.Errorf("%s: Go panic %v", src, r)
							}
						}
					}
				}()
				s := Inspect(rt, v, opts)
				if strings.Contains(s, "PANIC") {
					t.Errorf("%s: %s", src, s)
				}
			}()
		}
	}
}
