package jsvm_test

import (
	"context"
	"testing"
	"time"

	"github.com/jsvm-dev/jsvm"
)

// Hostile JavaScript against views of Go data: each must end in a value
// or a JS exception, never a Go panic or a hang.
func TestHostileJSOnGoViews(t *testing.T) {
	type rec struct {
		N    int
		S    string
		L    []int
		M    map[string]int
		P    *rec
		F    func(int) int
		Arr  [2]int
		Any  any
		Time time.Time
	}
	exprs := []string{
		"Object.freeze(v)", "Object.seal(v)", "Object.preventExtensions(v)", "Object.setPrototypeOf(v, null)",
		"Object.defineProperty(v, 'N', {get() { return 1 }})", "Object.defineProperty(v, 'N', {value: 2, writable: false})",
		"Object.defineProperty(v, 'Z', {value: 2, enumerable: false})", "delete v.N", "delete v.L[0]",
		"v[Symbol.iterator] = 1", "v[Symbol('x')]", "Reflect.ownKeys(v)", "({...v})", "JSON.stringify(v)",
		"for (const k in v) {}", "Object.assign(v, {N: 'bad'})", "Object.assign(v, {N: 5, Q: 1})",
		"v.L.sort((a, b) => b - a)", "v.L.reverse()", "v.L.splice(0, 1)", "v.L.fill(9)", "v.L.copyWithin(0, 1)",
		"v.L.length = 0", "v.L.length = -1", "v.L.length = 1e10", "v.L.push(...new Array(10).fill(1))",
		"v.L[1e9] = 1", "v.L[-5]", "v.L['x'] = 1", "v.L.unshift(0)", "v.L.shift()", "Array.prototype.concat.call(v.L, [1])",
		"v.M.__proto__ = {}", "v.M['__proto__'] = 1", "v.M[''] = 1", "v.M.k = 1.5", "v.M.k = 2 ** 70", "v.M.k = 1n",
		"v.P = v", "v.P = {N: 1, P: {N: 2}}", "v.P = 5", "v.P = null", "v.F = x => x", "v.F(1)", "v.F('a')",
		"v.Arr = [1, 2, 3]", "v.Arr[5] = 1", "v.Any = {a: [1, {b: v}]}", "v.Any = () => 1", "v.Any = Symbol()",
		"v.Time = new Date(NaN)", "v.Time = 5", "v.S = {toString() { throw 1 }}", "v.S = new Proxy({}, {get() { throw 2 }})",
		"v.N = {valueOf() { for(;;){} }}", "structuredClone", "new v.F()", "v.F.call(null, 1)", "v.F.bind(v)(3)",
		"Object.getOwnPropertyDescriptor(v, 'N')", "Object.getOwnPropertyDescriptors(v)", "v.hasOwnProperty('N')",
		"v instanceof Object", "typeof v.L.map", "v.L.map(x => x * 2)", "Array.isArray(v.L)", "[...v.L]",
		"v.L.includes(1)", "v.L.join()", "String(v)", "v + ''", "`${v.M}`", "Object.entries(v.M)",
	}
	for i := range 2 * len(exprs) {
		e := exprs[i/2]
		iso := jsvm.NewIsolate(jsvm.IsolateOptions{LooseArguments: i%2 == 1})
		r := &rec{N: 1, S: "s", L: []int{1, 2, 3}, M: map[string]int{"k": 1}, F: func(x int) int { return x + 1 }}
		r.P = r
		c, _ := iso.NewContext(map[string]any{"v": r}, jsvm.ContextOptions{})
		ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
		func() {
			defer func() {
				if p := recover(); p != nil {
					t.Errorf("%s: Go panic %v", e, p)
				}
			}()
			_, _ = c.Run(ctx, "try { "+e+" } catch (err) { String(err) }", jsvm.RunOptions{})
			_, _ = c.Run(ctx, "'use strict'; try { "+e+" } catch (err) { String(err) }", jsvm.RunOptions{})
		}()
		cancel()
		mustWork(t, iso)
	}
}
