package jsvm

import (
	"context"
	"errors"
	"runtime"
	"testing"
	"time"
)

// TestAllocChecks: one native call whose result would not fit is a
// catchable RangeError before it allocates — V8's "Invalid string length"
// past V8's longest string (node-recorded), ERR_JSVM_MEMORY_LIMIT past
// the isolate's memory limit (where node dies of heap exhaustion) — never
// Go's fatal out-of-memory; results that fit are unchanged.
func TestAllocChecks(t *testing.T) {
	iso := NewIsolate(IsolateOptions{MemoryLimit: 256 << 20})
	c, err := iso.NewContext(nil, ContextOptions{})
	if err != nil {
		t.Fatal(err)
	}
	bg := context.Background()
	for _, where := range []*Context{iso.MainContext(), c} {
		for code, want := range map[string]string{
			// node v20: RangeError: Invalid string length
			`'x'.repeat(1e4).replace(/x/g, 'y'.repeat(1e6))`:    "Invalid string length",
			`'x'.repeat(1e4).replaceAll('x', 'y'.repeat(1e6))`:  "Invalid string length",
			`'x'.repeat(1e4).replaceAll(/x/g, 'y'.repeat(1e6))`: "Invalid string length",
			`'x'.repeat(1e3).replace(/x+/, '$&'.repeat(1e6))`:   "Invalid string length",
			`'x'.repeat(3e4).replace(/x/g, "$'$'")`:             "Invalid string length",
			// past 4M characters the matches are counted on Go's regexp
			// (node v20: Invalid string length; the second: Fatal
			// JavaScript invalid size error, node dies)
			`'x'.repeat(5e6).replace(/x/g, 'yy'.repeat(100))`:         "Invalid string length",
			`'xa'.repeat(3e6).replace(/x(?:a|b)/g, '$&'.repeat(100))`: "Invalid string length",
			// node v20 dies: FATAL ERROR ... JavaScript heap out of memory
			`'x'.repeat(2**27).split('')`:                      "ERR_JSVM_MEMORY_LIMIT",
			`'x,'.repeat(2**25).split(',')`:                    "ERR_JSVM_MEMORY_LIMIT",
			`new Array(2**32-1).fill(0)`:                       "ERR_JSVM_MEMORY_LIMIT",
			`Array(2**30).fill(0, 1)`:                          "ERR_JSVM_MEMORY_LIMIT",
			`'x'.repeat(1e5).replace(/x/g, 'y'.repeat(1e4))`:   "Invalid string length",
			`'x'.repeat(1e5).replaceAll('x', 'y'.repeat(3e3))`: "ERR_JSVM_MEMORY_LIMIT",
			// node v20 dies of heap exhaustion (2**30), RangeError: Invalid array length (2**32)
			`Array.from({length: 2**30})`:                                        "ERR_JSVM_MEMORY_LIMIT",
			`Array.from({length: 2**32})`:                                        "Invalid array length",
			`Array.from(new Proxy({length: 2**32}, {}))`:                         "Invalid array length",
			`Array.from({get length() { return 2**31 }})`:                        "ERR_JSVM_MEMORY_LIMIT",
			`Array.from.call(function (n) { this.length = n }, {length: 2**31})`: "ERR_JSVM_MEMORY_LIMIT",
		} {
			_, err := where.Run(bg, code, RunOptions{})
			var je *Error
			if !errors.As(err, &je) || je.Name != "RangeError" {
				t.Errorf("%s: %v, want a RangeError", code, err)
				continue
			}
			got := je.Message
			if v, _ := je.Value.Get(bg, "code"); v.String() == "ERR_JSVM_MEMORY_LIMIT" {
				got = v.String()
			}
			if got != want {
				t.Errorf("%s: %s, want %s", code, got, want)
			}
			v, err := where.Run(bg, `try { `+code+`; 'no error' } catch (e) { e instanceof RangeError }`, RunOptions{})
			if err != nil || v.String() != "true" {
				t.Errorf("%s not caught: %v %v", code, v, err)
			}
			runtime.GC() // what the case made is garbage
		}
		// a long native loop picks up the timeout (node: the same error)
		for _, code := range []string{`Array.from({length: 3e6})`, `Array.from({length: 3e6, get 5() { return 1 }})`, `Array.from({length: 1e9}, (x, i) => i)`} {
			_, err := where.Run(bg, code, RunOptions{Timeout: 50 * time.Millisecond})
			var ie *InterruptedError
			if !errors.As(err, &ie) || ie.Code != "ERR_SCRIPT_EXECUTION_TIMEOUT" {
				t.Errorf("%s: %v, want the timeout", code, err)
			}
			runtime.GC()
		}
		for code, want := range map[string]string{
			`'abc'.repeat(1e5).replace(/b/g, 'XX').length`:                                                "400000",
			`'abc'.repeat(1e5).replaceAll('b', '$&$&').length`:                                            "400000",
			`'a,b'.repeat(1e5).split(',').length`:                                                         "100001",
			`new Array(1e5).fill(7, 1e5 - 2).join('').length`:                                             "2",
			`(() => { let n = 0; return [1, 2, 3].fill(0, {valueOf() { n++; return 1 }}).join() + n })()`: "1,0,01",
			`Array.prototype.fill.call({length: 3}, 1)[2]`:                                                "1",
			`[].fill.name + [].fill.length + ''.split.length + ''.replaceAll.name`:                        "fill12replaceAll",
			// node v20
			`Array.from({length: 3, 1: 'x'}, function (v, i) { return v + i + this.s }, {s: '!'}).join()`:                                                 "NaN!,x1!,NaN!",
			`(() => { let log = []; Array.from(new Proxy({length: 2, 0: 'a'}, {get(t, k) { log.push(String(k)); return t[k] }})); return log.join() })()`: "Symbol(Symbol.iterator),length,0,1",
			`(() => { let n = 0; Array.from({get [Symbol.iterator]() { n++; return function* () { yield 1 } }}); return n })()`:                           "1",
			`(() => { let n = 0; return Array.from({get length() { n++; return 2 }}).length + n })()`:                                                     "3",
			`(() => { class A extends Array {}; return A.from({length: 2}) instanceof A })()`:                                                             "true",
			`Array.from.call(function (n) { this.n = n }, {length: 2}).n`:                                                                                 "2",
			`Array.from(new Set([1, 2]), x => x * 2).join() + Array.from('ab').join() + Array.from(5).length`:                                             "2,4a,b0",
			`Array.from.name + Array.from.length + Object.keys(Array).length`:                                                                             "from10",
			`(() => { try { Array.from({[Symbol.iterator]: 1}) } catch (e) { return e.message } })()`:                                                     "%Array%.from requires that the property of the first argument, items[Symbol.iterator], when exists, be a function",
		} {
			v, err := where.Run(bg, code, RunOptions{})
			if err != nil || v.String() != want {
				t.Errorf("%s: %v %v, want %s", code, v, err, want)
			}
		}
	}
}
