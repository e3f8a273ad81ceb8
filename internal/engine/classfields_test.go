package engine

import (
	"testing"

	"github.com/grafana/sobek/parser"
)

// TestClassFieldNamesStillNeeded fails loudly once sobek parses a class
// field named get/set/async: ClassFieldNames can then go.
func TestClassFieldNamesStillNeeded(t *testing.T) {
	for _, src := range []string{"class A { set = 1 }", "class A { get = 1 }", "class A { async = 1 }", "class A { static set = 1 }"} {
		if _, err := parser.ParseFile(nil, "", src, 0); err == nil {
			t.Errorf("sobek now parses %q: ClassFieldNames may go", src)
		}
	}
}

func TestClassFieldNames(t *testing.T) {
	for _, c := range []struct{ src, want string }{
		{"class A { set = (k) => k }", `class A { "set" = (k) => k }`},
		{"class A { x = 1\n get = 2; static async = 3 }", "class A { x = 1\n \"get\" = 2; static \"async\" = 3 }"},
		{"class A extends f({ set: 1 }) { m() { const { get = 1 } = o } set = 2 }", `class A extends f({ set: 1 }) { m() { const { get = 1 } = o } "set" = 2 }`},
		{"class A { get }", `class A { "get" }`},
		{"const { set = 1 } = o", ""},                        // destructuring, no class
		{"class A { get x() { return 1 } set y(v) {} }", ""}, // accessors
		{"class A { x = set = 1 }", ""},                      // an assignment in an initializer
		{"class A { s = `${ {get} }` }", ""},                 // inside a template
		{"o.class = 1; ({ get = 2 } = o)", ""},
		{"x = { class: 'a' }; if (y) { set = 1 }", ""},
		{"class A { s = `${ `${1}` }`; set = 1 }", "class A { s = `${ `${1}` }`; \"set\" = 1 }"},
	} {
		got, ok := ClassFieldNames(c.src)
		if c.want == "" {
			if ok || got != c.src {
				t.Errorf("%q: changed to %q", c.src, got)
			}
			continue
		}
		if !ok || got != c.want {
			t.Errorf("%q: got %q, want %q", c.src, got, c.want)
		}
		if _, err := parser.ParseFile(nil, "", got, 0); err != nil {
			t.Errorf("%q: fixed text does not parse: %v", c.src, err)
		}
	}
}
