package core

import (
	"strings"
	"testing"

	"github.com/grafana/sobek"
)

// V8's size limits, as node v20.20.2 reports them (recorded with
// `node -e` on each expression); each would otherwise be a Go
// out-of-memory fatal error. Run in a new context and in the main one.
func TestSizeCaps(t *testing.T) {
	cases := []struct{ code, want string }{
		{"new ArrayBuffer(2**40)", "RangeError: Array buffer allocation failed"},
		{"new ArrayBuffer(-1)", "RangeError: Invalid array buffer length"},
		{"new ArrayBuffer(2**53)", "RangeError: Invalid array buffer length"},
		{"new DataView(new ArrayBuffer(2**40))", "RangeError: Array buffer allocation failed"},
		{"new Uint8Array(2**40)", "RangeError: Invalid typed array length: 1099511627776"},
		{"new Uint8Array(-1)", "RangeError: Invalid typed array length: -1"},
		{"new Float64Array(2**37)", "RangeError: Invalid typed array length: 137438953472"},
		{"new Uint8Array(2**33)", "RangeError: Invalid typed array length: 8589934592"},
		{"'x'.repeat(2**40)", "RangeError: Invalid string length"},
		{"'x'.repeat(2**29)", "RangeError: Invalid string length"},
		{"'ab'.padStart(2**31)", "RangeError: Invalid string length"},
		{"'ab'.padEnd(2**29)", "RangeError: Invalid string length"},
		{"Array(2**30).join('ab')", "RangeError: Invalid string length"},
		{"new Array(2**30).join('ab')", "RangeError: Invalid string length"},
		{"'x'.repeat(-1)", "RangeError: Invalid count value: -1"},
		// what the replacements must keep
		{"'ab'.repeat(3) + 'a'.padStart(3, 'xy') + 'a'.padEnd(3) + '|' + [1, 2].join() + [1, 2].join('-') + Array.prototype.join.call({length: 2, 0: 'a', 1: 'b'}, '+')", "abababxyaa  |1,21-2a+b"},
		{"var n = 0; 'x'.repeat({ valueOf() { n++; return 2 } }) + n", "xx1"},
		{"[new ArrayBuffer(4) instanceof ArrayBuffer, new Uint8Array(2).buffer.constructor === ArrayBuffer, ArrayBuffer.prototype.constructor === ArrayBuffer, Object.getPrototypeOf(Uint8Array) === Object.getPrototypeOf(Int8Array), Uint8Array.BYTES_PER_ELEMENT, ArrayBuffer.isView(new Uint8Array(1)), ArrayBuffer.name, ArrayBuffer.length, Uint8Array.from([1,2]).length, ArrayBuffer[Symbol.species] === ArrayBuffer, (class B extends Uint8Array {}).from([1]).constructor.name, String.prototype.repeat.name, Array.prototype.join.length].join()",
			"true,true,true,true,1,true,ArrayBuffer,1,2,true,B,repeat,1"},
		{"new Uint8Array([1, 2, 3]).length + new Float64Array(new ArrayBuffer(16)).length + new Uint8Array(4).length", "9"},
	}
	iso, rt := newTestIsolate(t)
	_ = iso
	for _, tc := range cases {
		for _, where := range []string{"context", "main"} {
			src := `(function () { try { return String(runInNewContext(` + "`" + tc.code + "`" + `)) } catch (e) { return e.name + ': ' + e.message } })()`
			if where == "main" {
				src = `(function () { try { return String(eval(` + "`" + tc.code + "`" + `)) } catch (e) { return e.name + ': ' + e.message } })()`
			}
			v, err := rt.RunString(src)
			if err != nil {
				t.Fatalf("%s in %s: %v", tc.code, where, err)
			}
			got := v.String()
			if tc.code == "'x'.repeat(-1)" {
				// sobek's own message; V8 names the count
				if got != "RangeError: Invalid count value" && got != tc.want {
					t.Errorf("%s in %s: %q", tc.code, where, got)
				}
				continue
			}
			if got != tc.want {
				t.Errorf("%s in %s: got %q, want %q", tc.code, where, got, tc.want)
			}
		}
	}
}

// TestSobekAllocatesUnchecked fails when sobek's own size checks change
// (the caps in sizecaps.go may then go or need other messages): today it
// checks no length against V8's limits and words its index errors its own
// way. (Allocating a 2**40 buffer to show the fatal error would kill the
// test binary.)
func TestSobekAllocatesUnchecked(t *testing.T) {
	rt := sobek.New()
	for code, want := range map[string]string{
		"new ArrayBuffer(-1)": "RangeError: Invalid index -1",
		"new Uint8Array(-1)":  "RangeError: Invalid index -1",
	} {
		_, err := rt.RunString(code)
		if err == nil || !strings.HasPrefix(err.Error(), want) {
			t.Fatalf("sobek's checks changed: %s: %v", code, err)
		}
	}
}

// TestSizeCapsBeforeFirstRun: the string caps hold in a realm whose
// prototypes are read before any script runs in it (from Go, here), in
// every realm of an isolate, and cost a context nothing until used.
func TestSizeCapsBeforeFirstRun(t *testing.T) {
	iso := NewIsolate(IsolateOptions{})
	for _, c := range []*Context{iso.NewPlainContext(ContextOptions{}), iso.Contextify(iso.Main().Runtime().NewObject(), iso.Main(), ContextOptions{})} {
		rt := c.Runtime()
		for _, m := range [][3]string{{"String", "repeat", "2**40"}, {"String", "padStart", "2**30"}, {"String", "padEnd", "2**30"}, {"Array", "join", ""}} {
			proto := c.Builtins().Get(m[0]).(*sobek.Object).Get("prototype").(*sobek.Object)
			fn, ok := sobek.AssertFunction(proto.Get(m[1]))
			if !ok {
				t.Fatalf("%s.prototype.%s", m[0], m[1])
			}
			this, arg := rt.ToValue("x"), rt.ToValue(float64(1<<40))
			if m[0] == "Array" {
				a := rt.NewArray()
				_ = a.Set("length", 1<<30)
				this, arg = a, rt.ToValue("ab")
			}
			_, err := fn(this, arg)
			ex, _ := err.(*sobek.Exception)
			if ex == nil || ex.Value().ToObject(rt).Get("message").String() != "Invalid string length" {
				t.Fatalf("%s.prototype.%s before any run: %v", m[0], m[1], err)
			}
			ctor := ex.Value().ToObject(rt).Get("constructor")
			if !ctor.SameAs(c.Builtins().Get("RangeError")) {
				t.Fatalf("%s.prototype.%s: the RangeError is not the realm's", m[0], m[1])
			}
		}
	}
}
