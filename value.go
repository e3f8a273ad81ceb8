package jsvm

import (
	"context"
	"errors"
	"reflect"
	"strconv"
	"time"

	"github.com/grafana/sobek"
	"github.com/jsvm-dev/jsvm/internal/core"
)

// Value is a JavaScript value of one context of an isolate. The zero Value
// is undefined.
//
// Methods that may run JavaScript (getters, Proxy traps, toString,
// functions) take a context.Context: cancelling it, or the isolate's
// DefaultTimeout, stops them with an *InterruptedError. A JavaScript throw
// comes back as an *Error. Like every use of an isolate, they return
// ErrIsolateBusy while another goroutine is inside the isolate, and
// ErrOtherIsolate when handed a Value of another isolate.
type Value struct {
	v   sobek.Value
	c   *core.Context
	iso *Isolate
}

func (v Value) object() (*sobek.Object, error) {
	o, ok := v.v.(*sobek.Object)
	if !ok || v.iso == nil {
		return nil, argError("jsvm: the value is not an object")
	}
	return o, nil
}

// do runs fn on the value's isolate, bounded by ctx and the isolate's
// DefaultTimeout; fn may run JavaScript.
func (v Value) do(ctx context.Context, fn func() error) error {
	if v.iso == nil || v.c == nil {
		return errNil("Value (the zero Value is undefined and belongs to no isolate)")
	}
	if err := v.iso.enter(); err != nil {
		return err
	}
	defer v.iso.exit()
	var inner error
	_, err := v.iso.run(ctx, RunOptions{}, func() (sobek.Value, error) {
		return nil, v.c.Guard(func() { inner = fn() })
	})
	if err != nil {
		return v.iso.thrown(err, v.c)
	}
	return v.iso.thrown(inner, v.c)
}

func (v Value) wrap(r sobek.Value) Value {
	if r == nil {
		r = sobek.Undefined()
	}
	return Value{v: r, c: v.c, iso: v.iso}
}

// Export converts the value to a plain Go value, as the package
// documentation describes: nil, bool, int64 or float64, string,
// map[string]any, []any, time.Time, []byte, func(...any) (any, error),
// *Promise, *Error, or the Go value a view of Go data stands for.
func (v Value) Export(ctx context.Context) (any, error) {
	if _, ok := v.v.(*sobek.Object); !ok {
		if v.v == nil {
			return nil, nil
		}
		if _, isSym := v.v.(*sobek.Symbol); isSym {
			return core.SymbolString(v.v), nil
		}
		return v.v.Export(), nil
	}
	var out any
	err := v.do(ctx, func() error {
		r, err := v.c.FromJS(v.v, nil)
		if err == nil && r.IsValid() {
			out = r.Interface()
		}
		return err
	})
	return out, v.iso.convErr(err, v.c)
}

// ExportTo converts the value into the Go value dst points to, by dst's
// type: numbers into number types (a fraction or an overflow is an
// error), objects into structs (fields named by IsolateOptions.FieldNames;
// a property no field takes is an error unless LooseArguments), maps and
// slices, Dates into time.Time, functions into func types, a Value as it
// is.
func (v Value) ExportTo(ctx context.Context, dst any) error {
	rv := reflect.ValueOf(dst)
	if rv.Kind() != reflect.Pointer || rv.IsNil() {
		return argError("jsvm: ExportTo needs a non-nil pointer")
	}
	if v.iso == nil {
		rv.Elem().SetZero()
		return nil
	}
	err := v.do(ctx, func() error {
		r, err := v.c.FromJS(v.v, rv.Elem().Type())
		if err == nil {
			rv.Elem().Set(r)
		}
		return err
	})
	return v.iso.convErr(err, v.c)
}

// String returns the value as JavaScript's String(v), for printing: it
// never fails; an object whose conversion throws, takes longer than the
// isolate's DefaultTimeout (at most a second) or whose isolate is busy
// prints as [object Class]. ToString reports those as errors.
func (v Value) String() string {
	o, ok := v.v.(*sobek.Object)
	if !ok {
		if v.v == nil {
			return "undefined"
		}
		if _, isSym := v.v.(*sobek.Symbol); isSym {
			return core.SymbolString(v.v) // String(sym) is "Symbol(desc)"; sobek's String() is the bare description
		}
		return v.v.String()
	}
	bound := time.Second
	if d := v.iso.opts.DefaultTimeout; d > 0 && d < bound {
		bound = d
	}
	ctx, cancel := context.WithTimeout(context.Background(), bound)
	defer cancel()
	s, err := v.ToString(ctx)
	if err != nil {
		return "[object " + className(o) + "]"
	}
	return s
}

// className is o's class; sobek's ClassName panics on a revoked Proxy.
func className(o *sobek.Object) (name string) {
	defer func() {
		if recover() != nil {
			name = "Object"
		}
	}()
	return o.ClassName()
}

// ToString converts the value to a string as JavaScript's String(v) does.
func (v Value) ToString(ctx context.Context) (string, error) {
	if _, ok := v.v.(*sobek.Object); !ok {
		return v.String(), nil
	}
	var s string
	err := v.do(ctx, func() error {
		str, _ := sobek.AssertFunction(v.c.Builtins().Get("String"))
		r, err := str(sobek.Undefined(), v.v)
		if err != nil {
			return err
		}
		s = r.String()
		return nil
	})
	return s, err
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

// Context returns the context the value belongs to (nil for the zero
// Value and for values that are not objects of a context).
func (v Value) Context() *Context {
	if v.iso == nil || v.c == nil {
		return nil
	}
	if v.c == v.iso.core.Main() {
		return v.iso.main
	}
	return &Context{iso: v.iso, c: v.c}
}

// Get reads a property of an object value.
func (v Value) Get(ctx context.Context, key string) (Value, error) {
	o, err := v.object()
	if err != nil {
		return Value{}, err
	}
	var r sobek.Value
	err = v.do(ctx, func() error { r = o.Get(key); return nil })
	if err != nil {
		return Value{}, err
	}
	return v.wrap(r), nil
}

// Set assigns a property of an object value; value is a Value of this
// isolate or a Go value.
func (v Value) Set(ctx context.Context, key string, value any) error {
	o, err := v.object()
	if err != nil {
		return err
	}
	return v.do(ctx, func() error {
		var jv sobek.Value
		var err error
		if _, isValue := value.(Value); !isValue {
			jv, err = v.c.ToJSNamed(value, key) // a Go func is named key
			err = v.iso.thrown(err, v.c)
		} else {
			jv, err = v.iso.toJS(value, v.c)
		}
		if err != nil {
			return err
		}
		return o.Set(key, jv)
	})
}

// Delete deletes a property of an object value (delete o[key]); a
// property that cannot be deleted is an error.
func (v Value) Delete(ctx context.Context, key string) error {
	o, err := v.object()
	if err != nil {
		return err
	}
	return v.do(ctx, func() error { return o.Delete(key) })
}

// Has reports whether an object value has a property (key in o).
func (v Value) Has(ctx context.Context, key string) (bool, error) {
	o, err := v.object()
	if err != nil {
		return false, err
	}
	var has bool
	err = v.do(ctx, func() error {
		r := v.c.Builtins().Get("Reflect").(*sobek.Object).Get("has")
		fn, _ := sobek.AssertFunction(r)
		res, err := fn(sobek.Undefined(), o, v.c.Runtime().ToValue(key))
		has = err == nil && res.ToBoolean()
		return err
	})
	return has, err
}

// Keys returns an object value's own enumerable string keys, as
// Object.keys does.
func (v Value) Keys(ctx context.Context) ([]string, error) {
	o, err := v.object()
	if err != nil {
		return nil, err
	}
	var keys []string
	err = v.do(ctx, func() error { keys = o.Keys(); return nil })
	return keys, err
}

// Len returns the length property of an array (or array-like) value.
func (v Value) Len(ctx context.Context) (int, error) {
	o, err := v.object()
	if err != nil {
		return 0, err
	}
	var n int64
	err = v.do(ctx, func() error { n = o.Get("length").ToInteger(); return nil })
	return int(n), err
}

// Index reads element i of an array (or array-like) value.
func (v Value) Index(ctx context.Context, i int) (Value, error) {
	return v.Get(ctx, strconv.Itoa(i))
}

// Call calls a function value with this and args; each of them is a Value
// of this isolate or a Go value (this may be nil: undefined).
func (v Value) Call(ctx context.Context, this any, args ...any) (Value, error) {
	fn, ok := sobek.AssertFunction(v.v)
	if !ok || v.iso == nil {
		return Value{}, argError("jsvm: Call on a value that is not a function")
	}
	var r sobek.Value
	err := v.do(ctx, func() error {
		jsArgs, err := v.args(args)
		if err != nil {
			return err
		}
		var jsThis sobek.Value = sobek.Undefined()
		if this != nil {
			if jsThis, err = v.iso.toJS(this, v.c); err != nil {
				return err
			}
		}
		r, err = fn(jsThis, jsArgs...)
		return err
	})
	if err != nil {
		return Value{}, v.iso.thrown(err, v.c)
	}
	return v.wrap(r), nil
}

// New calls a constructor value with args: new F(...args).
func (v Value) New(ctx context.Context, args ...any) (Value, error) {
	o, err := v.object()
	if err != nil {
		return Value{}, err
	}
	var r sobek.Value
	err = v.do(ctx, func() error {
		jsArgs, err := v.args(args)
		if err != nil {
			return err
		}
		r, err = v.c.Runtime().New(o, jsArgs...)
		return err
	})
	if err != nil {
		return Value{}, v.iso.thrown(err, v.c)
	}
	return v.wrap(r), nil
}

func (v Value) args(args []any) ([]sobek.Value, error) {
	out := make([]sobek.Value, len(args))
	for i, a := range args {
		jv, err := v.iso.toJS(a, v.c)
		if err != nil {
			return nil, err
		}
		out[i] = jv
	}
	return out, nil
}

// StrictEquals reports whether a === b, across contexts of one isolate.
// Values of different isolates are never equal.
func (v Value) StrictEquals(w Value) bool {
	if v.v == nil || w.v == nil {
		return v.IsUndefined() && w.IsUndefined()
	}
	if v.iso != w.iso && v.IsObject() {
		return false
	}
	if v.c != w.c && v.iso == w.iso && v.IsObject() && w.IsObject() {
		if v.iso.enter() != nil {
			return false
		}
		defer v.iso.exit()
		return v.v.StrictEquals(core.Carry(w.v, w.c, v.c))
	}
	return v.v.StrictEquals(w.v)
}

// Promise returns the value as a *Promise, or nil if it is not a promise.
func (v Value) Promise() *Promise {
	o, ok := v.v.(*sobek.Object)
	if !ok || v.iso == nil {
		return nil
	}
	if o.ExportType() != promiseType { // Export would copy a whole object graph
		return nil
	}
	p, ok := o.Export().(*sobek.Promise)
	if !ok {
		return nil
	}
	return &Promise{p: p, obj: o, c: v.c, iso: v.iso}
}

var promiseType = reflect.TypeOf((*sobek.Promise)(nil))

// Await waits for a promise value: it runs the promise jobs pending in the
// value's context (bounded by ctx and DefaultTimeout) and returns the
// promise's result, or an *Error holding the rejection reason. A promise
// still pending after that (it waits on something only Go can do) is
// ErrPending. A value that is not a promise is returned as it is.
func (v Value) Await(ctx context.Context) (Value, error) {
	p := v.Promise()
	if p == nil {
		return v, nil
	}
	if err := p.Await(ctx); err != nil {
		return Value{}, err
	}
	return p.Result(), nil
}

// convErr reports a conversion failure as a Go error, keeping JS throws
// and interrupts as they are.
func (iso *Isolate) convErr(err error, c *core.Context) error {
	if err == nil {
		return nil
	}
	var je *Error
	var ie *InterruptedError
	if errors.As(err, &je) || errors.As(err, &ie) || errors.Is(err, ErrIsolateBusy) {
		return err
	}
	if iso == nil {
		return err
	}
	return iso.thrown(err, c)
}
