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
	home, hc := o, c
	if orig, h, ok := b.iso.core.UnwrapContext(o); ok {
		home, hc = orig, h // a Map or Set of another context
	}
	if kind := collectionKind(home); kind != "" && typ.NumMethod() == 0 {
		// as the Sandbox API gives them: *JSMap, *JSSet
		{
			x, err := b.collection(home, kind, hc)
			if err != nil || x == nil {
				return reflect.Value{}, true, err
			}
			return reflect.ValueOf(x), true, nil
		}
	}
	return reflect.Value{}, false, nil
}

// collection exports a Map as *JSMap and a Set as *JSSet, entries in
// insertion order, through the realm's own forEach.
func (b bridge) collection(o *sobek.Object, kind string, c *core.Context) (any, error) {
	isMap := kind == "Map"
	ctor, _ := c.Builtins().Get(kind).(*sobek.Object)
	if ctor == nil {
		return nil, nil
	}
	proto, _ := ctor.Get("prototype").(*sobek.Object)
	if proto == nil {
		return nil, nil
	}
	forEach, ok := sobek.AssertFunction(proto.Get("forEach"))
	if !ok {
		return nil, nil
	}
	var keys, vals []any
	var convErr error
	rt := c.Runtime()
	cb := rt.ToValue(func(call sobek.FunctionCall) sobek.Value {
		if convErr != nil {
			return sobek.Undefined()
		}
		for i, dst := range []*[]any{&vals, &keys} {
			if i == 1 && !isMap {
				break
			}
			x, err := c.FromJS(call.Argument(i), nil)
			if err != nil {
				convErr = err
				return sobek.Undefined()
			}
			var g any
			if x.IsValid() {
				g = x.Interface()
			}
			*dst = append(*dst, g)
		}
		return sobek.Undefined()
	})
	if _, err := forEach(o, cb); err != nil {
		return nil, err
	}
	if convErr != nil {
		return nil, convErr
	}
	if isMap {
		return &JSMap{Keys: keys, Values: vals}, nil
	}
	return &JSSet{Values: vals}, nil
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

var (
	mapExportType = reflect.TypeOf([][2]any(nil))
	setExportType = reflect.TypeOf([]any(nil))
)

// collectionKind tells a Map or Set (sobek names both "Object") by the Go
// type they export to.
func collectionKind(o *sobek.Object) string {
	switch t := o.ExportType(); {
	case t == mapExportType:
		return "Map"
	case t == setExportType && o.ClassName() == "Object":
		return "Set"
	}
	return ""
}
