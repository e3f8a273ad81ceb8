package sandbox

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"math"
	"math/big"
	"testing"
	"time"
)

// graphEqual compares two copy graphs up to identity: the same shape,
// cycles and shared nodes in the same places.
func graphEqual(a, b any, pairs map[any]any) error {
	if p, ok := pairs[a]; ok {
		if p != b {
			return fmt.Errorf("identity differs")
		}
		return nil
	}
	switch x := a.(type) {
	case nil, UndefinedType, bool, string:
		if a != b {
			return fmt.Errorf("%v != %v", a, b)
		}
		return nil
	case float64:
		y, ok := b.(float64)
		if !ok || !(x == y || math.IsNaN(x) && math.IsNaN(y)) || math.Signbit(x) != math.Signbit(y) {
			return fmt.Errorf("%v != %v", a, b)
		}
		return nil
	case *big.Int:
		y, ok := b.(*big.Int)
		if !ok || x.Cmp(y) != 0 {
			return fmt.Errorf("%v != %v", a, b)
		}
		return nil
	}
	pairs[a] = b
	each := func(xs, ys []any) error {
		if len(xs) != len(ys) {
			return fmt.Errorf("length %d != %d", len(xs), len(ys))
		}
		for i := range xs {
			if err := graphEqual(xs[i], ys[i], pairs); err != nil {
				return err
			}
		}
		return nil
	}
	switch x := a.(type) {
	case *Object:
		y, ok := b.(*Object)
		if !ok || fmt.Sprint(x.Keys) != fmt.Sprint(y.Keys) {
			return fmt.Errorf("object %v != %T", x.Keys, b)
		}
		return each(x.Values, y.Values)
	case *Array:
		y, ok := b.(*Array)
		if !ok {
			return fmt.Errorf("array != %T", b)
		}
		return each(x.Elems, y.Elems)
	case *Map:
		y, ok := b.(*Map)
		if !ok {
			return fmt.Errorf("map != %T", b)
		}
		if err := each(x.Keys, y.Keys); err != nil {
			return err
		}
		return each(x.Values, y.Values)
	case *Set:
		y, ok := b.(*Set)
		if !ok {
			return fmt.Errorf("set != %T", b)
		}
		return each(x.Values, y.Values)
	case *Date:
		y, ok := b.(*Date)
		if !ok || x.Valid != y.Valid || x.Valid && !x.Time.Equal(y.Time) {
			return fmt.Errorf("date %v != %v", a, b)
		}
	case *RegExp:
		if y, ok := b.(*RegExp); !ok || *x != *y {
			return fmt.Errorf("regexp %v != %v", a, b)
		}
	case *ArrayBuffer:
		if y, ok := b.(*ArrayBuffer); !ok || !bytes.Equal(x.Data, y.Data) {
			return fmt.Errorf("buffer differs")
		}
	case *TypedArray:
		if y, ok := b.(*TypedArray); !ok || x.Kind != y.Kind || !bytes.Equal(x.Data, y.Data) {
			return fmt.Errorf("typed array differs")
		}
	case *Error:
		if y, ok := b.(*Error); !ok || x.Name != y.Name || x.Message != y.Message {
			return fmt.Errorf("error %v != %v", a, b)
		}
	default:
		return fmt.Errorf("unknown node %T", a)
	}
	return nil
}

// FuzzClone runs fuzzed code in one sandbox, copies its value into a
// second and back out, and checks the two copies agree (and that nothing
// panics, and every failure is one of the sandbox's errors).
func FuzzClone(f *testing.F) {
	for _, seed := range []string{
		`({a: 1, b: [1, 'x', null, undefined, true], c: {d: -0, e: NaN, f: Infinity}})`,
		`const o = {n: 1}; o.self = o; o.list = [o, o]; o`,
		`new Map([[1, 'a'], [{k: 1}, new Set([1, 2, 2])]])`,
		`[new Date(0), new Date(NaN), /a+b/gi, 10n ** 30n, -5n]`,
		`[new Uint8Array([1, 2, 3]), new Float64Array([1.5, NaN]), new ArrayBuffer(3), new BigInt64Array([-1n])]`,
		`[new TypeError('t'), new RangeError('r'), Object.assign(new Error('e'), {name: 'Custom'})]`,
		`const a = []; a[5] = 1; a`,
		`({get g() { return [1, 2] }, ['k' + 1]: 'v'})`,
		`Object.create(null, {x: {value: 1, enumerable: true}})`,
		`[Symbol('x')]`, `(() => {})`, `new Proxy({}, {})`, `new WeakMap()`, `Promise.resolve(1)`,
		`'\u00e9\u{1F600}'`, `[new Number(1), new String('s'), new Boolean(false)]`,
		`let d = []; for (let i = 0; i < 2000; i++) d = [d]; d`,
		`({ get x() { throw new Error('getter') } })`,
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, src string) {
		a, err := New(Options{Timeout: 200 * time.Millisecond, MemoryLimit: 16 << 20})
		if err != nil {
			t.Fatal(err)
		}
		defer a.Close()
		sc, err := Compile("fuzz.js", src)
		if err != nil {
			return
		}
		v, err := a.Run(context.Background(), sc)
		if err != nil {
			var le *LimitError
			var te *ThrownError
			var ce *DataCloneError
			if !errors.As(err, &le) && !errors.As(err, &te) && !errors.As(err, &ce) {
				t.Fatalf("unexpected error type %T: %v", err, err)
			}
			return
		}
		b, err := New(Options{Timeout: time.Second})
		if err != nil {
			t.Fatal(err)
		}
		defer b.Close()
		if err := b.Set("x", v); err != nil {
			t.Fatalf("a copy out could not be copied in: %v", err)
		}
		back, _ := Compile("back.js", "x")
		w, err := b.Run(context.Background(), back)
		if err != nil {
			t.Fatalf("reading the copy back: %v", err)
		}
		if err := graphEqual(v, w, map[any]any{}); err != nil {
			t.Fatalf("round trip differs: %v\n%s\n%s", err, Describe(v), Describe(w))
		}
		if _, err := FromGo(ToGo(v)); err != nil {
			t.Fatalf("ToGo/FromGo: %v", err)
		}
	})
}
