package jsvm

import (
	"context"
	"reflect"

	"github.com/grafana/sobek"
	"github.com/jsvm-dev/jsvm/internal/core"
)

// bridge converts the package's own types for the core's conversions.
type bridge struct{ iso *Isolate }

var (
	valueType   = reflect.TypeOf(Value{})
	errorIface  = reflect.TypeOf((*error)(nil)).Elem()
	anyFuncType = reflect.TypeOf(func(...any) (any, error) { return nil, nil })
)

func (b bridge) ToJS(x any, c *core.Context) (sobek.Value, bool) {
	switch v := x.(type) {
	case Value:
		if v.v == nil {
			return sobek.Undefined(), true
		}
		if v.iso != b.iso {
			panic(c.NewError("TypeError", ErrOtherIsolate.Error()))
		}
		return core.Carry(v.v, v.c, c), true
	case *Value:
		if v == nil {
			return sobek.Null(), true
		}
		return b.ToJS(*v, c)
	case *Error:
		// a JS value thrown through Go is thrown again as it was
		if v != nil && v.Value.v != nil && v.Value.iso == b.iso {
			return core.Carry(v.Value.v, v.Value.c, c), true
		}
	case *Promise:
		if v != nil && v.iso == b.iso {
			pv := v.Value()
			return core.Carry(pv.v, pv.c, c), true
		}
	}
	return nil, false
}

func (b bridge) FromJS(v sobek.Value, c *core.Context, typ reflect.Type) (reflect.Value, bool, error) {
	if typ == valueType {
		return reflect.ValueOf(Value{v: v, c: c, iso: b.iso}), true, nil
	}
	o, isObj := v.(*sobek.Object)
	if !isObj {
		return reflect.Value{}, false, nil
	}
	_, callable := sobek.AssertFunction(v)
	switch {
	case typ.Kind() == reflect.Func && callable:
		return b.goFunc(Value{v: v, c: c, iso: b.iso}, typ), true, nil
	case typ.Kind() != reflect.Interface:
		return reflect.Value{}, false, nil
	case callable && anyFuncType.AssignableTo(typ):
		return b.goFunc(Value{v: v, c: c, iso: b.iso}, anyFuncType), true, nil
	}
	if p := (Value{v: v, c: c, iso: b.iso}).Promise(); p != nil && reflect.TypeOf(p).AssignableTo(typ) {
		return reflect.ValueOf(p), true, nil
	}
	if o.ClassName() == "Error" && reflect.TypeOf((*Error)(nil)).AssignableTo(typ) {
		return reflect.ValueOf(b.iso.errorOf(v, nil, c)), true, nil
	}
	return reflect.Value{}, false, nil
}

// goFunc makes a Go func of type typ calling the JS function fn. Its
// arguments convert as Go values do; its results convert as ExportTo
// does. A JS throw is the error result if typ has one, else a panic with
// the *Error. func(...any) (any, error) is the shape Export gives.
func (b bridge) goFunc(fn Value, typ reflect.Type) reflect.Value {
	return reflect.MakeFunc(typ, func(in []reflect.Value) []reflect.Value {
		args := make([]any, 0, len(in))
		for i, a := range in {
			if typ.IsVariadic() && i == len(in)-1 {
				for j := range a.Len() {
					args = append(args, a.Index(j).Interface())
				}
				continue
			}
			args = append(args, a.Interface())
		}
		out := make([]reflect.Value, typ.NumOut())
		for i := range out {
			out[i] = reflect.Zero(typ.Out(i))
		}
		hasErr := typ.NumOut() > 0 && typ.Out(typ.NumOut()-1) == errorIface
		fail := func(err error) []reflect.Value {
			if !hasErr {
				panic(err)
			}
			out[len(out)-1] = reflect.ValueOf(&err).Elem()
			return out
		}
		r, err := fn.Call(context.Background(), nil, args...)
		if err != nil {
			return fail(err)
		}
		if n := typ.NumOut(); n > 0 && !(n == 1 && hasErr) {
			dst := reflect.New(typ.Out(0))
			if err := r.ExportTo(context.Background(), dst.Interface()); err != nil {
				return fail(err)
			}
			out[0] = dst.Elem()
		}
		return out
	})
}
