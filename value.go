package jsvm

import (
	"github.com/grafana/sobek"
	"github.com/jsvm-dev/jsvm/internal/core"
)

// Value is a JavaScript value of one context of an isolate. The zero Value
// is undefined. Values are used on the isolate's goroutine.
type Value struct {
	v   sobek.Value
	c   *core.Context
	iso *Isolate
}

// Export converts the value to a plain Go value: nil, bool, int64,
// float64, string, map[string]any, []any, and so on, as the engine maps
// them.
func (v Value) Export() any {
	if v.v == nil {
		return nil
	}
	return v.v.Export()
}

// String converts the value to a string as JavaScript's String(v) does.
func (v Value) String() string {
	if v.v == nil {
		return "undefined"
	}
	var s string
	if ex := v.c.Runtime().Try(func() { s = v.v.String() }); ex != nil {
		return "[object]"
	}
	return s
}

// IsUndefined reports whether the value is undefined.
func (v Value) IsUndefined() bool { return v.v == nil || sobek.IsUndefined(v.v) }

// IsNull reports whether the value is null.
func (v Value) IsNull() bool { return v.v != nil && sobek.IsNull(v.v) }

// IsObject reports whether the value is an object (functions included).
func (v Value) IsObject() bool {
	_, ok := v.v.(*sobek.Object)
	return ok
}

// IsFunction reports whether the value is callable.
func (v Value) IsFunction() bool {
	_, ok := sobek.AssertFunction(v.v)
	return ok
}

// Get reads a property of an object value.
func (v Value) Get(key string) (Value, error) {
	o, ok := v.v.(*sobek.Object)
	if !ok {
		return Value{}, argError("jsvm: Get on a value that is not an object")
	}
	if err := v.iso.enter(); err != nil {
		return Value{}, err
	}
	defer v.iso.exit()
	var r sobek.Value
	if ex := v.c.Runtime().Try(func() { r = o.Get(key) }); ex != nil {
		return Value{}, v.iso.thrown(ex, v.c)
	}
	if r == nil {
		r = sobek.Undefined()
	}
	return Value{v: r, c: v.c, iso: v.iso}, nil
}

// Call calls a function value with this and args; each of them is a Value
// of this isolate or a Go value.
func (v Value) Call(this any, args ...any) (Value, error) {
	fn, ok := sobek.AssertFunction(v.v)
	if !ok {
		return Value{}, argError("jsvm: Call on a value that is not a function")
	}
	if err := v.iso.enter(); err != nil {
		return Value{}, err
	}
	defer v.iso.exit()
	jsArgs := make([]sobek.Value, len(args))
	for i, a := range args {
		jsArgs[i] = v.iso.toJS(a, v.c)
	}
	var jsThis sobek.Value = sobek.Undefined()
	if this != nil {
		jsThis = v.iso.toJS(this, v.c)
	}
	r, err := fn(jsThis, jsArgs...)
	if err != nil {
		return Value{}, v.iso.thrown(err, v.c)
	}
	return Value{v: r, c: v.c, iso: v.iso}, nil
}

// StrictEquals reports whether a === b, across contexts of one isolate.
func (v Value) StrictEquals(w Value) bool {
	if v.v == nil || w.v == nil {
		return v.IsUndefined() && w.IsUndefined()
	}
	if v.c != w.c && v.iso == w.iso {
		return v.v.StrictEquals(core.Carry(w.v, w.c, v.c))
	}
	return v.v.StrictEquals(w.v)
}
