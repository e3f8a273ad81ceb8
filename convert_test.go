package jsvm_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/jsvm-dev/jsvm"
)

type point struct{ X, Y int }

type tagged struct {
	Name   string `json:"name"`
	Hidden string `json:"-"`
	Plain  int
	URLKey string
}

func (tagged) DoIt() string { return "done" }

// Go -> JS: each Go value set as a global, then probed by a JS
// expression whose String() is compared.
func TestGoToJS(t *testing.T) {
	ts := time.Date(2024, 5, 6, 7, 8, 9, 0, time.UTC)
	cases := []struct {
		name  string
		names jsvm.FieldNames
		value any
		probe string
		want  string
	}{
		{"nil", 0, nil, "v === null", "true"},
		{"bool", 0, true, "typeof v + v", "booleantrue"},
		{"int", 0, 42, "typeof v + v", "number42"},
		{"int8", 0, int8(-8), "v", "-8"},
		{"uint64", 0, uint64(1 << 40), "v", "1099511627776"},
		{"float", 0, 2.5, "v * 2", "5"},
		{"string", 0, "héllo", "v.length", "5"},
		{"big.Int", 0, big.NewInt(12345678901234), "typeof v + v", "bigint12345678901234"},
		{"time", 0, ts, "v instanceof Date && v.toISOString()", "2024-05-06T07:08:09.000Z"},
		{"bytes", 0, []byte{1, 2, 3}, "v instanceof Uint8Array && v.join()", "1,2,3"},
		{"raw json", 0, json.RawMessage(`{"a":[1,2]}`), "v.a[1]", "2"},
		{"error", 0, errors.New("bad thing"), "v instanceof Error && v.message", "bad thing"},
		{"slice", 0, []string{"a", "b"}, "Array.isArray(v) + v.join('-')", "truea-b"},
		{"slice of structs", 0, []point{{1, 2}}, "v[0].X + v[0].Y", "3"},
		{"array", 0, [3]int{1, 2, 3}, "v.length + ':' + v[2]", "3:3"},
		{"map", 0, map[string]any{"a": 1, "b": "x"}, "Object.keys(v).join() + v.a + v.b", "a,b1x"},
		{"map int keys", 0, map[int]bool{3: true}, "v[3]", "true"},
		{"nested map", 0, map[string]map[string]int{"o": {"n": 5}}, "v.o.n", "5"},
		{"struct ptr", 0, &point{1, 2}, "v.X + v.Y", "3"},
		{"struct value", 0, point{3, 4}, "v.X * v.Y", "12"},
		{"go names", 0, &tagged{Name: "n", URLKey: "u"}, "[v.Name, v.URLKey, v.DoIt(), v.name].join()", "n,u,done,"},
		{"lowerCamel", jsvm.LowerCamelNames, &tagged{Name: "n", URLKey: "u"}, "[v.name, v.urlKey, v.plain, v.doIt()].join()", "n,u,0,done"},
		{"json tags", jsvm.JSONNames, &tagged{Name: "n", Hidden: "h", Plain: 1}, "[v.name, typeof v.Hidden, typeof v['-'], v.Plain, Object.keys(v).join('|')].join()", "n,undefined,undefined,1,name|Plain|URLKey"},
		{"func", 0, func(a, b int) int { return a * b }, "v(6, 7)", "42"},
		{"func multiple results", 0, func() (int, string) { return 1, "x" }, "v().join()", "1,x"},
		{"func error result", 0, func() (int, error) { return 0, errors.New("nope") }, "try { v() } catch (e) { e.constructor === Error && e.message }", "nope"},
		{"func nil error", 0, func() (int, error) { return 7, nil }, "v()", "7"},
		{"variadic", 0, func(sep string, xs ...string) string { return strings.Join(xs, sep) }, "v('+', 'a', 'b', 'c')", "a+b+c"},
		{"func Value param", 0, func(x jsvm.Value) bool { return x.IsFunction() }, "v(() => 1)", "true"},
		{"func any param", 0, func(x any) string { return fmt.Sprintf("%T", x) }, "[v(1), v(1.5), v('s'), v([1]), v({}), v(null), v(true)].join()", "int64,float64,string,[]interface {},map[string]interface {},<nil>,bool"},
		{"func struct param", 0, func(p point) int { return p.X - p.Y }, "v({X: 5, Y: 2})", "3"},
		{"func ptr param", 0, func(p *point) bool { return p == nil }, "v(null) + ',' + v({X: 1})", "true,false"},
		{"func map param", 0, func(m map[string]int) int { return m["a"] + m["b"] }, "v({a: 1, b: 2})", "3"},
		{"func slice param", 0, func(xs []float64) float64 { return xs[0] + xs[1] }, "v([0.5, 0.25])", "0.75"},
		{"func bytes param", 0, func(b []byte) int { return len(b) }, "v(new Uint8Array(4)) + v(new ArrayBuffer(2))", "6"},
		{"func time param", 0, func(t time.Time) int { return t.UTC().Year() }, "v(new Date(Date.UTC(1999, 0, 1)))", "1999"},
		{"func callback param", 0, func(f func(int) int) int { return f(20) + 1 }, "v(x => x * 2)", "41"},
		{"func returns func", 0, func() func() string { return func() string { return "inner" } }, "v()()", "inner"},
		{"pointer to pointer", 0, func() **point { p := &point{1, 1}; return &p }(), "v.X", "1"},
		{"channel", 0, make(chan int), "typeof v", "object"},
		{"js value", 0, nil, "1", "1"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ctx := context.Background()
			iso := jsvm.NewIsolate(jsvm.IsolateOptions{FieldNames: tc.names})
			c, _ := iso.NewContext(nil, jsvm.ContextOptions{})
			if err := c.Set(ctx, "v", tc.value); err != nil {
				t.Fatal(err)
			}
			r, err := c.Run(ctx, tc.probe, jsvm.RunOptions{Timeout: 5 * time.Second})
			if err != nil {
				t.Fatal(err)
			}
			if got := r.String(); got != tc.want {
				t.Fatalf("got %q, want %q", got, tc.want)
			}
		})
	}
}

// Strict argument conversion: wrong types and counts throw a TypeError
// that names the function and the argument; LooseArguments coerces.
func TestStrictArguments(t *testing.T) {
	ctx := context.Background()
	cases := []struct {
		fn    any
		call  string
		want  string // TypeError message substring; "" = no error
		loose string // result with LooseArguments
	}{
		{func(a, b int) int { return a + b }, "f('2', 3)", `f: argument 1: must be a number, got string "2"`, "5"},
		{func(a, b int) int { return a + b }, "f(1)", "f: expected 2 arguments, got 1", "1"},
		{func(a, b int) int { return a + b }, "f(1, 2, 3)", "", "3"},
		{func(a int) int { return a }, "f(1.5)", "must be an integer that fits int", "1"},
		{func(a int8) int8 { return a }, "f(300)", "must be an integer that fits int8", "44"},
		{func(a uint) uint { return a }, "f(-1)", "must be an integer that fits uint", ""},
		{func(a int) int { return a }, "f(NaN)", "must be an integer", "0"},
		{func(s string) string { return s }, "f(5)", "must be a string, got number 5", "5"},
		{func(b bool) bool { return b }, "f(1)", "must be a boolean", "true"},
		{func(p point) int { return p.X }, "f({x: 1})", `has no field "x"`, "0"},
		{func(p point) int { return p.X }, "f({X: 'a'})", ".X: must be a number", ""},
		{func(p point) int { return p.X }, "f(5)", "must be an object", ""},
		{func(xs []int) int { return len(xs) }, "f([1, 'a'])", "[1]: must be a number", ""},
		{func(m map[string]int) int { return len(m) }, "f({a: 'x'})", ".a: must be a number", ""},
		{func(t time.Time) int { return t.Year() }, "f('2020')", "must be a Date", ""},
		{func(f func() int) int { return f() }, "f(1)", "must be a function", ""},
		{func(xs ...int) int { return len(xs) }, "f(1, 2, 'x')", "argument 3: must be a number", ""},
	}
	for _, tc := range cases {
		t.Run(tc.call, func(t *testing.T) {
			iso := jsvm.NewIsolate(jsvm.IsolateOptions{})
			c, _ := iso.NewContext(nil, jsvm.ContextOptions{})
			_ = c.Set(ctx, "f", tc.fn)
			v, err := c.Run(ctx, "try { String("+tc.call+") } catch (e) { e.name + ': ' + e.message }", jsvm.RunOptions{})
			if err != nil {
				t.Fatal(err)
			}
			got := v.String()
			if tc.want == "" {
				if strings.HasPrefix(got, "TypeError") {
					t.Fatalf("unexpected %s", got)
				}
			} else if !strings.HasPrefix(got, "TypeError: ") || !strings.Contains(got, tc.want) {
				t.Fatalf("got %q, want a TypeError containing %q", got, tc.want)
			}
			if tc.loose == "" {
				return
			}
			liso := jsvm.NewIsolate(jsvm.IsolateOptions{LooseArguments: true})
			lc, _ := liso.NewContext(nil, jsvm.ContextOptions{})
			_ = lc.Set(ctx, "f", tc.fn)
			lv, err := lc.Run(ctx, "String("+tc.call+")", jsvm.RunOptions{})
			if err != nil || lv.String() != tc.loose {
				t.Fatalf("loose: got %v %v, want %s", lv, err, tc.loose)
			}
		})
	}
}

// JS -> Go: Export and ExportTo of each kind of value.
func TestJSToGo(t *testing.T) {
	ctx := context.Background()
	iso := jsvm.NewIsolate(jsvm.IsolateOptions{FieldNames: jsvm.JSONNames})
	c, _ := iso.NewContext(nil, jsvm.ContextOptions{})
	exports := []struct {
		code string
		want any
	}{
		{"undefined", nil},
		{"null", nil},
		{"true", true},
		{"42", int64(42)},
		{"-0", float64(0)},
		{"1.5", 1.5},
		{"'s'", "s"},
		{"10n ** 20n", func() *big.Int { b, _ := new(big.Int).SetString("100000000000000000000", 10); return b }()},
		{"Symbol('tag')", "Symbol(tag)"},
		{"[1, 'a', [true]]", []any{int64(1), "a", []any{true}}},
		{"[, 1, , ]", []any{nil, int64(1), nil}}, // holes (a Go nil-pointer panic once)
		{"new (class extends Array {})(2)", []any{nil, nil}},
		{"({a: 1, b: {c: null}})", map[string]any{"a": int64(1), "b": map[string]any{"c": nil}}},
		{"new Date(0)", time.Unix(0, 0)},
		{"new Uint8Array([1, 2])", []byte{1, 2}},
		{"new Uint8Array([1, 2, 3]).buffer", []byte{1, 2, 3}},
		{"new Float64Array([0.5])", []float64{0.5}},
		{"Object.create(null)", map[string]any{}},
		{"new Proxy({a: 1}, {})", map[string]any{"a": int64(1)}},
		{"({get x() { return 7 }})", map[string]any{"x": int64(7)}},
		{"Object.defineProperty({}, 'hidden', {value: 1})", map[string]any{}},
		{"/ab+c/gi", "/ab+c/gi"},
	}
	for _, tc := range exports {
		v, err := c.Run(ctx, tc.code, jsvm.RunOptions{})
		if err != nil {
			t.Fatal(err)
		}
		got, err := v.Export(ctx)
		if err != nil {
			t.Errorf("%s: %v", tc.code, err)
			continue
		}
		if w, ok := tc.want.(time.Time); ok {
			if g, ok := got.(time.Time); !ok || !g.Equal(w) {
				t.Errorf("%s: got %#v, want %v", tc.code, got, w)
			}
			continue
		}
		if w, ok := tc.want.(*big.Int); ok {
			if g, ok := got.(*big.Int); !ok || g.Cmp(w) != 0 {
				t.Errorf("%s: got %#v, want %v", tc.code, got, w)
			}
			continue
		}
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s: got %#v, want %#v", tc.code, got, tc.want)
		}
	}
	// String() is JavaScript's String(v)
	for code, want := range map[string]string{"Symbol('tag')": "Symbol(tag)", "Symbol()": "Symbol()", "Symbol.iterator": "Symbol(Symbol.iterator)", "-0": "0", "10n": "10", "[1, [2, 3]]": "1,2,3"} {
		if v, err := c.Run(ctx, code, jsvm.RunOptions{}); err != nil || v.String() != want {
			t.Errorf("String() of %s: %q %v, want %q", code, v.String(), err, want)
		}
	}
	mv, _ := c.Run(ctx, "new Map([[1, 'a'], [{k: 2}, [3]]])", jsvm.RunOptions{})
	if got, err := mv.Export(ctx); err != nil || !reflect.DeepEqual(got, &jsvm.JSMap{Keys: []any{int64(1), map[string]any{"k": int64(2)}}, Values: []any{"a", []any{int64(3)}}}) {
		t.Errorf("Map: %#v %v", got, err)
	}
	sv, _ := c.Run(ctx, "new Set(['x', 2])", jsvm.RunOptions{})
	if got, err := sv.Export(ctx); err != nil || !reflect.DeepEqual(got, &jsvm.JSSet{Values: []any{"x", int64(2)}}) {
		t.Errorf("Set: %#v %v", got, err)
	}
	// a Map of another context, seen through the membrane
	other, _ := iso.NewContext(nil, jsvm.ContextOptions{})
	om, _ := other.Run(ctx, "new Map([['k', new Set([1])]])", jsvm.RunOptions{})
	_ = c.Set(ctx, "om", om)
	carried, _ := c.Run(ctx, "[om]", jsvm.RunOptions{})
	if got, err := carried.Export(ctx); err != nil || !reflect.DeepEqual(got, []any{&jsvm.JSMap{Keys: []any{"k"}, Values: []any{&jsvm.JSSet{Values: []any{int64(1)}}}}}) {
		t.Errorf("carried Map: %#v %v", got, err)
	}
	// engine types never reach Go
	for _, code := range []string{"(function f() {})", "Promise.resolve(1)", "new Error('e')", "new Map([[1, 2]])", "new Set([1])", "new WeakMap()", "Symbol.iterator", "[function () {}]", "({f() {}})"} {
		v, _ := c.Run(ctx, code, jsvm.RunOptions{})
		got, err := v.Export(ctx)
		if err != nil {
			t.Errorf("%s: %v", code, err)
			continue
		}
		if s := fmt.Sprintf("%T %v", got, deepTypes(got)); strings.Contains(s, "sobek") {
			t.Errorf("%s exports an engine type: %s", code, s)
		}
	}
	// typed exports
	type rec struct {
		Name  string            `json:"name"`
		Tags  []string          `json:"tags"`
		Attrs map[string]int    `json:"attrs"`
		Next  *rec              `json:"next"`
		When  time.Time         `json:"when"`
		Any   any               `json:"any"`
		Val   jsvm.Value        `json:"val"`
		Fn    func(int) int     `json:"fn"`
		Arr   [2]bool           `json:"arr"`
		Raw   map[string]string `json:"raw"`
	}
	v, _ := c.Run(ctx, `({name: 'a', tags: ['x', 'y'], attrs: {k: 1}, next: {name: 'b'}, when: new Date(86400000),
		any: [1], val: Math, fn: x => x + 1, arr: [true, false], raw: {}})`, jsvm.RunOptions{})
	var r rec
	if err := v.ExportTo(ctx, &r); err != nil {
		t.Fatal(err)
	}
	if r.Name != "a" || len(r.Tags) != 2 || r.Attrs["k"] != 1 || r.Next == nil || r.Next.Name != "b" ||
		r.When.Unix() != 86400 || !reflect.DeepEqual(r.Any, []any{int64(1)}) || !r.Val.IsObject() || r.Fn(1) != 2 || r.Arr != [2]bool{true, false} {
		t.Errorf("ExportTo: %+v", r)
	}
	// typed errors
	for code, want := range map[string]string{
		"({name: 5})":          `.name: must be a string`,
		"({tags: 'x'})":        `.tags: must be an array`,
		"({nope: 1})":          `has no field "nope"`,
		"({arr: [1, 2, 3]})":   `does not fit [2]bool`,
		"({next: {name: 1}})":  `.next.name: must be a string`,
		"({attrs: {k: 1.5}})":  `.attrs.k: must be an integer`,
		"({when: 'tomorrow'})": `.when: must be a Date`,
	} {
		v, _ := c.Run(ctx, code, jsvm.RunOptions{})
		var r rec
		if err := v.ExportTo(ctx, &r); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: got %v, want %q", code, err, want)
		}
	}
	// round trip of a Go value through JS keeps its identity
	p := &point{1, 2}
	_ = c.Set(ctx, "p", p)
	back, _ := c.Run(ctx, "p", jsvm.RunOptions{})
	if got, _ := back.Export(ctx); got != p {
		t.Errorf("round trip: got %#v", got)
	}
	var pp *point
	if err := back.ExportTo(ctx, &pp); err != nil || pp != p {
		t.Errorf("round trip ExportTo: %v %v", pp, err)
	}
}

// deepTypes lists the dynamic types inside x.
func deepTypes(x any) []string {
	var out []string
	var walk func(any)
	walk = func(x any) {
		out = append(out, fmt.Sprintf("%T", x))
		switch v := x.(type) {
		case []any:
			for _, e := range v {
				walk(e)
			}
		case map[string]any:
			for _, e := range v {
				walk(e)
			}
		case [][2]any:
			for _, e := range v {
				walk(e[0])
				walk(e[1])
			}
		}
	}
	walk(x)
	return out
}
