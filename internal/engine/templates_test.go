package engine

import (
	"testing"

	"github.com/grafana/sobek"
)

// TestLazyMethodLayout fails loudly when sobek stops building
// String.prototype and Array.prototype from shared templates, or changes
// the fields WrapLazyMethod reads (core's size caps then fall back to
// installing themselves in every realm at its first run, which costs each
// context ~14 KiB). It also pins what the wrapping relies on: a realm made
// after the wrap sees the wrapper, built from that realm's original, and
// NewRangeError's error is its realm's RangeError with the message given.
func TestLazyMethodLayout(t *testing.T) {
	if !LazyMethods() {
		t.Fatal("sobek's lazy prototype templates were not found (templates.go)")
	}
	for _, m := range [][2]string{{"String.prototype", "repeat"}, {"String.prototype", "padStart"}, {"String.prototype", "padEnd"}, {"Array.prototype", "join"},
		// the locale methods internal/intl wraps
		{"String.prototype", "localeCompare"}, {"Number.prototype", "toLocaleString"}, {"BigInt.prototype", "toLocaleString"},
		{"Date.prototype", "toLocaleString"}, {"Date.prototype", "toLocaleDateString"}, {"Date.prototype", "toLocaleTimeString"}} {
		if _, ok := lazyProtoOf(m[0]).factoryOf(m[1]); !ok {
			t.Fatalf("%s.%s is no longer built lazily", m[0], m[1])
		}
	}
	// a method no one else wraps: the test wraps it for the whole process
	var saw *sobek.Runtime
	if !WrapLazyMethod("String.prototype", "codePointAt", func(rt *sobek.Runtime, orig *sobek.Object) *sobek.Object {
		saw = rt
		fn, _ := sobek.AssertFunction(orig)
		return rt.ToValue(func(fc sobek.FunctionCall) sobek.Value {
			v, err := fn(fc.This, fc.Arguments...)
			if err != nil {
				panic(err)
			}
			return rt.ToValue(v.ToInteger() + 1000)
		}).(*sobek.Object)
	}) {
		t.Fatal("WrapLazyMethod failed")
	}
	rt := sobek.New()
	v, err := rt.RunString(`'a'.codePointAt(0)`)
	if err != nil || v.ToInteger() != 1097 || saw != rt {
		t.Fatalf("wrapped method: %v %v (realm seen %v)", v, err, saw == rt)
	}
	e := NewRangeError(rt, "Invalid string length")
	_ = rt.Set("e", e)
	v, err = rt.RunString(`[e instanceof RangeError, e.message, e.stack.split('\n')[0], Object.keys(e).length].join()`)
	if err != nil || v.String() != "true,Invalid string length,RangeError: Invalid string length,0" {
		t.Fatalf("NewRangeError: %v %v", v, err)
	}
}

// TestBuiltinsLayout: the builtins jsvm adds to sobek's templates
// (builtins.go) are all there; it fails loudly when sobek moves a
// template, or starts to have one of them itself.
func TestBuiltinsLayout(t *testing.T) {
	if !BuiltinsAdded() {
		t.Fatal("a builtin of builtins.go could not be added to sobek's templates (sobek changed, or has it now)")
	}
	rt := sobek.New()
	v, err := rt.RunString(`[typeof ''.isWellFormed, typeof ''.anchor, typeof new Date().getYear, Date.prototype.toGMTString === Date.prototype.toUTCString,
		typeof ({}).__lookupGetter__, Object.getOwnPropertyNames(BigInt.prototype).join(), Object.keys(Array.prototype[Symbol.unscopables])[0]].join(' ')`)
	if err != nil || v.String() != "function function function true function constructor,toLocaleString,toString,valueOf at" {
		t.Fatalf("%v %v", v, err)
	}
}
