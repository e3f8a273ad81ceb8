package core

import (
	"testing"

	"github.com/grafana/sobek"
	"github.com/jsvm-dev/jsvm/internal/stack"
)

// A failed define on the contextified global throws V8's TypeError (in
// the context's realm) for Object.defineProperty, while
// Reflect.defineProperty answers false. Messages recorded from node v20.
func TestGlobalDefineFailure(t *testing.T) {
	iso, rt := newTestIsolate(t)
	main := iso.Main()
	sb := rt.NewObject()
	_ = sb.DefineDataProperty("f", rt.ToValue("f"), sobek.FLAG_FALSE, sobek.FLAG_FALSE, sobek.FLAG_TRUE)
	c := iso.Contextify(sb, main, ContextOptions{})
	cases := []struct{ code, want string }{
		{`try { Object.defineProperty(this, 'f', { value: 'newF' }); 'no throw' } catch (e) { (e instanceof TypeError) + ' ' + e.message }`,
			"true Cannot redefine property: f"},
		{`'use strict'; try { Object.defineProperty(globalThis, Symbol.iterator, { value: 1 }); Object.defineProperty(globalThis, Symbol.iterator, { value: 2 }) } catch (e) { e.message }`,
			"Cannot redefine property: Symbol(Symbol.iterator)"},
		{`String(Reflect.defineProperty(this, 'f', { value: 1 }))`, "false"},
	}
	for i, tc := range cases {
		name := "define" + string(rune('a'+i)) + ".js"
		s, err := Compile(tc.code, ScriptOptions{Filename: name})
		if err != nil {
			t.Fatal(err)
		}
		stack.Register(name, tc.code, 0, 0)
		got := c.RunIn(s, main).String()
		if got != tc.want {
			t.Errorf("%s: got %q, want %q", tc.code, got, tc.want)
		}
	}
}
