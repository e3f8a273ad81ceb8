package core

import (
	"strconv"
	"testing"

	"github.com/grafana/sobek"
)

func runIn(t testing.TB, c *Context, code string) (sobek.Value, error) {
	t.Helper()
	s, err := Compile(code, ScriptOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return c.Run(s)
}

// TestJSONDepth: JSON.stringify of nesting deeper than MaxJSONDepth is
// V8's RangeError, catchable in the realm (it was quadratic in sobek: a
// hang for deep input); shallower nesting and replacers are unchanged.
func TestJSONDepth(t *testing.T) {
	iso := NewIsolate(IsolateOptions{})
	for _, c := range []*Context{iso.Main(), iso.Contextify(iso.Main().Runtime().NewObject(), iso.Main(), ContextOptions{}), iso.NewPlainContext(ContextOptions{})} {
		for _, code := range []string{
			`(() => { let o = {}; for (let i = 0; i < 1e5; i++) o = { a: o }; try { JSON.stringify(o); return "no error" } catch (e) { return e instanceof RangeError && e.message } })()`,
			`(() => { let o = []; for (let i = 0; i < 1e5; i++) o = [o]; try { JSON.stringify(o, (k, v) => v); return "no error" } catch (e) { return e instanceof RangeError && e.message } })()`,
		} {
			v, err := runIn(t, c, code)
			if err != nil || v.String() != StackOverflowMessage {
				t.Errorf("%s: %v %v", code, v, err)
			}
		}
		v, err := runIn(t, c, `var d = []; for (let i = 0; i < `+strconv.Itoa(MaxJSONDepth-1)+`; i++) d = [d]; JSON.stringify(d).length`)
		if err != nil || v.ToInteger() != 2*(MaxJSONDepth) {
			t.Errorf("depth MaxJSONDepth-1: %v %v", v, err)
		}
	}
}

func BenchmarkJSONStringify(b *testing.B) {
	iso := NewIsolate(IsolateOptions{})
	c := iso.Contextify(iso.Main().Runtime().NewObject(), iso.Main(), ContextOptions{})
	if _, err := runIn(b, c, `var data = Array.from({ length: 2000 }, (_, i) => ({ id: i, name: 'item' + i, tags: ['a', 'b'], nested: { x: i, y: [1, 2, 3] } }))`); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := runIn(b, c, `JSON.stringify(data).length`); err != nil {
			b.Fatal(err)
		}
	}
}
