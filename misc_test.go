package jsvm_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/jsvm-dev/jsvm"
)

// What JS writes into a Go-map sandbox arrives as plain Go values; a
// module namespace exports its bindings; import.meta can be written.
func TestPlainGoValuesFromJS(t *testing.T) {
	ctx := context.Background()
	iso := jsvm.NewIsolate(jsvm.IsolateOptions{})
	sb := map[string]any{}
	c, _ := iso.NewContext(sb, jsvm.ContextOptions{})
	if _, err := c.Run(ctx, "o = {a: [1, {b: 2}]}; f = (x) => x + 1; n = 1.5", jsvm.RunOptions{}); err != nil {
		t.Fatal(err)
	}
	if got := fmt.Sprintf("%T %v", sb["o"], sb["o"]); got != "map[string]interface {} map[a:[1 map[b:2]]]" {
		t.Errorf("o: %s", got)
	}
	f, ok := sb["f"].(func(...any) (any, error))
	if !ok {
		t.Fatalf("f: %T", sb["f"])
	}
	if r, err := f(41); err != nil || r != int64(42) {
		t.Errorf("f(41): %v %v", r, err)
	}
	m, _ := c.CompileModule("export const a = 1; export let b = 'x'; export default [1]", jsvm.ModuleOptions{
		InitializeImportMeta: func(meta jsvm.Value, _ *jsvm.Module) {
			if err := meta.Set(ctx, "url", "file:///m.js"); err != nil {
				t.Error(err)
			}
		},
	})
	_ = m.Link(nil)
	p, err := m.Evaluate(ctx, jsvm.RunOptions{})
	if err != nil || p.Await(ctx) != nil {
		t.Fatal(err)
	}
	ns, _ := m.Namespace()
	x, err := ns.Export(ctx)
	if got := fmt.Sprint(x); err != nil || got != "map[a:1 b:x default:[1]]" {
		t.Errorf("namespace: %s %v", got, err)
	}
	m2, _ := c.CompileModule("export default import.meta.url", jsvm.ModuleOptions{
		InitializeImportMeta: func(meta jsvm.Value, _ *jsvm.Module) { _ = meta.Set(ctx, "url", "file:///m2.js") },
	})
	_ = m2.Link(nil)
	p, _ = m2.Evaluate(ctx, jsvm.RunOptions{})
	_ = p.Await(ctx)
	ns2, _ := m2.Namespace()
	d, _ := ns2.Get(ctx, "default")
	if d.String() != "file:///m2.js" {
		t.Errorf("import.meta.url: %v", d)
	}
}

// The console formats as Node's (outputs recorded with node v20).
func TestConsoleFormatting(t *testing.T) {
	ctx := context.Background()
	var out, errs strings.Builder
	iso := jsvm.NewIsolate(jsvm.IsolateOptions{})
	c, _ := iso.NewContext(map[string]any{"goVal": map[string]any{"k": []int{1, 2}}}, jsvm.ContextOptions{Console: &jsvm.Console{Stdout: &out, Stderr: &errs}})
	code := `
console.log('a', 1, -0, 1n, true, null, undefined, Symbol('s'))
console.log({a: {b: {c: {d: 1}}}}, [1, [2, [3, [4]]]])
console.log('%o|%O|%j|%i|%f|%%|%c.', {x: 1}, {y: [1]}, {z: 2}, 42.9, '1.5', 'color: red')
console.info(new Error('boom').message, class Foo {}, function bar() {}, () => {})
console.debug(new Set([1, 'x']), new Map([[{}, []]]), new Date(0))
console.warn('w', [undefined, , 3])
console.error(Object.create(null), {'key with space': 1, valid_id: 2})
console.dir({depth: {is: {ignored: {by: {dir: 1}}}}})
console.log(Array.from({length: 120}, (_, i) => i))
console.log('x'.repeat(10), {s: 'str\'q', n: NaN})
console.log(globalThis === this, typeof console.log, goVal)
`
	if _, err := c.Run(ctx, code, jsvm.RunOptions{}); err != nil {
		t.Fatal(err)
	}
	got := out.String()
	for _, line := range []string{
		"a 1 -0 1n true null undefined Symbol(s)",
		"{ a: { b: { c: [Object] } } } [ 1, [ 2, [ 3, [Array] ] ] ]",
		`{ x: 1 }|{ y: [ 1 ] }|{"z":2}|42|1.5|%|.`,
		"boom [class Foo] [Function: bar] [Function (anonymous)]",
		"Set(2) { 1, 'x' } Map(1) { {} => [] } 1970-01-01T00:00:00.000Z",
		"{ depth: { is: { ignored: [Object] } } }",
		"xxxxxxxxxx { s: \"str'q\", n: NaN }",
		"true function { k: [ 1, 2 ] }",
		"  96, 97, 98, 99,",
		"  ... 20 more items",
	} {
		if !strings.Contains(got, line+"\n") {
			t.Errorf("stdout lacks %q; got:\n%s", line, got)
		}
	}
	for _, line := range []string{"w [ undefined, <1 empty item>, 3 ]", "[Object: null prototype] {} { 'key with space': 1, valid_id: 2 }"} {
		if !strings.Contains(errs.String(), line+"\n") {
			t.Errorf("stderr lacks %q; got:\n%s", line, errs.String())
		}
	}
	// without the option, V8's console of a new context, which prints
	// nothing (as vm.createContext's)
	plain, _ := iso.NewContext(nil, jsvm.ContextOptions{})
	if v, _ := plain.Run(ctx, "console.log('not shown'); typeof console", jsvm.RunOptions{}); v.String() != "object" {
		t.Errorf("console without the option: %v", v)
	}
}
