package sandbox

import (
	"math/big"
	"reflect"
	"sort"
	"time"
)

// FromGo converts a Go value into the copy graph. It accepts nil, Undefined,
// booleans, numbers of every Go kind, strings, *big.Int, []byte (a
// Uint8Array), time.Time, error values (copied as errors), slices and
// arrays, maps with string keys (keys sorted, for a stable order) and the
// graph's own types. Cycles through maps and slices are kept. Structs,
// functions, channels and other pointers are refused: a Go value is never
// exposed by reflection.
func FromGo(v any) (out any, err error) {
	defer func() {
		if r := recover(); r != nil {
			if ce, ok := r.(*DataCloneError); ok {
				out, err = nil, ce
				return
			}
			panic(r)
		}
	}()
	c := &goConv{seen: map[goKey]any{}}
	return c.from(reflect.ValueOf(v), 0), nil
}

type goKey struct {
	p   uintptr
	n   int
	typ reflect.Type
}

type goConv struct{ seen map[goKey]any }

func (c *goConv) from(v reflect.Value, depth int) any {
	if depth > maxCopyDepth {
		panic(cloneErr("the value is nested too deeply to be copied"))
	}
	if !v.IsValid() {
		return nil
	}
	switch x := v.Interface().(type) {
	case UndefinedType:
		return Undefined
	case *big.Int:
		if x == nil {
			return nil
		}
		return new(big.Int).Set(x)
	case time.Time:
		return &Date{Time: x, Valid: true}
	case []byte:
		return &TypedArray{Kind: "Uint8Array", Data: append([]byte{}, x...)}
	case *Object, *Array, *Map, *Set, *Date, *RegExp, *ArrayBuffer, *TypedArray, *Error:
		if v.IsNil() {
			return nil
		}
		return c.graph(x, depth)
	case error:
		return &Error{Name: "Error", Message: x.Error()}
	}
	switch v.Kind() {
	case reflect.Bool:
		return v.Bool()
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return float64(v.Int())
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return float64(v.Uint())
	case reflect.Float32, reflect.Float64:
		return v.Float()
	case reflect.String:
		return v.String()
	case reflect.Interface:
		if v.IsNil() {
			return nil
		}
		return c.from(v.Elem(), depth)
	case reflect.Slice, reflect.Array:
		if v.Kind() == reflect.Slice {
			if v.IsNil() {
				return nil
			}
			k := goKey{v.Pointer(), v.Len(), v.Type()}
			if a, ok := c.seen[k]; ok {
				return a
			}
			a := &Array{Elems: make([]any, v.Len())}
			c.seen[k] = a
			for i := range a.Elems {
				a.Elems[i] = c.from(v.Index(i), depth+1)
			}
			return a
		}
		a := &Array{Elems: make([]any, v.Len())}
		for i := range a.Elems {
			a.Elems[i] = c.from(v.Index(i), depth+1)
		}
		return a
	case reflect.Map:
		if v.Type().Key().Kind() != reflect.String {
			panic(cloneErr("a Go map with %s keys could not be cloned (keys must be strings).", v.Type().Key()))
		}
		if v.IsNil() {
			return nil
		}
		k := goKey{v.Pointer(), 0, v.Type()}
		if o, ok := c.seen[k]; ok {
			return o
		}
		o := &Object{}
		c.seen[k] = o
		keys := v.MapKeys()
		sort.Slice(keys, func(i, j int) bool { return keys[i].String() < keys[j].String() })
		for _, key := range keys {
			o.Keys = append(o.Keys, key.String())
			o.Values = append(o.Values, c.from(v.MapIndex(key), depth+1))
		}
		return o
	case reflect.Pointer:
		if v.IsNil() {
			return nil
		}
	}
	panic(cloneErr("a Go value of type %s could not be cloned.", v.Type()))
}

// graph copies a graph given by the caller, so that later changes of the
// caller's value do not reach the sandbox (and bad element types are
// refused here, not inside a run).
func (c *goConv) graph(x any, depth int) any {
	k := goKey{reflect.ValueOf(x).Pointer(), -1, reflect.TypeOf(x)}
	if o, ok := c.seen[k]; ok {
		return o
	}
	el := func(v any) any { return c.from(reflect.ValueOf(v), depth+1) }
	switch x := x.(type) {
	case *Object:
		if len(x.Keys) != len(x.Values) {
			panic(cloneErr("an Object with %d keys and %d values could not be cloned.", len(x.Keys), len(x.Values)))
		}
		o := &Object{Keys: append([]string{}, x.Keys...), Values: make([]any, len(x.Values))}
		c.seen[k] = o
		for i, v := range x.Values {
			o.Values[i] = el(v)
		}
		return o
	case *Array:
		a := &Array{Elems: make([]any, len(x.Elems))}
		c.seen[k] = a
		for i, v := range x.Elems {
			a.Elems[i] = el(v)
		}
		return a
	case *Map:
		if len(x.Keys) != len(x.Values) {
			panic(cloneErr("a Map with %d keys and %d values could not be cloned.", len(x.Keys), len(x.Values)))
		}
		m := &Map{Keys: make([]any, len(x.Keys)), Values: make([]any, len(x.Values))}
		c.seen[k] = m
		for i := range x.Keys {
			m.Keys[i], m.Values[i] = el(x.Keys[i]), el(x.Values[i])
		}
		return m
	case *Set:
		s := &Set{Values: make([]any, len(x.Values))}
		c.seen[k] = s
		for i, v := range x.Values {
			s.Values[i] = el(v)
		}
		return s
	case *Date:
		d := *x
		return &d
	case *RegExp:
		r := *x
		return &r
	case *ArrayBuffer:
		return &ArrayBuffer{Data: append([]byte{}, x.Data...)}
	case *TypedArray:
		if _, ok := typedKinds[x.Kind]; !ok {
			panic(cloneErr("a typed array of kind %q could not be cloned.", x.Kind))
		}
		return &TypedArray{Kind: x.Kind, Data: append([]byte{}, x.Bytes()...)}
	case *Error:
		e := *x
		return &e
	}
	panic(cloneErr("a Go value of type %T could not be cloned.", x))
}

// ToGo converts a copy graph into idiomatic Go values: plain objects become
// map[string]any, arrays []any, numbers float64; Map, Set, Date (time.Time
// when valid), RegExp, ArrayBuffer, TypedArray and Error keep their graph
// types. Cycles are kept (a map can hold itself).
func ToGo(v any) any {
	return (&toGo{seen: map[any]any{}}).conv(v)
}

type toGo struct{ seen map[any]any }

func (t *toGo) conv(v any) any {
	switch x := v.(type) {
	case *Object:
		if m, ok := t.seen[x]; ok {
			return m
		}
		m := make(map[string]any, len(x.Keys))
		t.seen[x] = m
		for i, k := range x.Keys {
			m[k] = t.conv(x.Values[i])
		}
		return m
	case *Array:
		if a, ok := t.seen[x]; ok {
			return a
		}
		a := make([]any, len(x.Elems))
		t.seen[x] = a
		for i, e := range x.Elems {
			a[i] = t.conv(e)
		}
		return a
	case *Map:
		if m, ok := t.seen[x]; ok {
			return m
		}
		m := &Map{Keys: make([]any, len(x.Keys)), Values: make([]any, len(x.Values))}
		t.seen[x] = m
		for i := range x.Keys {
			m.Keys[i], m.Values[i] = t.conv(x.Keys[i]), t.conv(x.Values[i])
		}
		return m
	case *Set:
		if s, ok := t.seen[x]; ok {
			return s
		}
		s := &Set{Values: make([]any, len(x.Values))}
		t.seen[x] = s
		for i, e := range x.Values {
			s.Values[i] = t.conv(e)
		}
		return s
	case *Date:
		if x.Valid {
			return x.Time
		}
		return x
	}
	return v
}
