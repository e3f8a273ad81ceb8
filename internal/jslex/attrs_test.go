package jslex

import (
	"reflect"
	"strings"
	"testing"
)

func TestStripImports(t *testing.T) {
	cases := []struct {
		src    string
		static []string // spec=k:v,k:v
		dyn    []string
	}{
		{`import a from './x.json' with { type: 'json' };`, []string{"./x.json=type:json"}, nil},
		{`import a from "x" assert {type: "json"}`, []string{"x=type:json"}, nil},
		{"import a from 'x'\nassert\n{type: 'json'}", []string{"x"}, nil}, // assert after a newline is no clause
		{`export * from 'x' with { "type": 'css', b: "c" }; export { a as b } from 'y' with {}`, []string{"x=type:css,b:c", "y="}, nil},
		{`import {from} from 'x' with {a:'b'}; import * as ns from 'y'; import 'z';`, []string{"x=a:b", "y", "z"}, nil},
		{`import {"a-b" as c} from 'x' with {a:'b'}`, []string{"x=a:b"}, nil},
		{`// import a from 'x' with {a:'b'}
/* import b from 'y' with {} */ const s = "import c from 'z' with {}", r = /import d from 'w' with {}/g, t = ` + "`${'import'} e from 'v' with {}`" + `;`, nil, nil},
		{`const x = a / import.meta.url / 2; obj.import('x', {with: {}})`, nil, nil},
		{`import('x', { with: { type: 'json' } }); import("y", { assert: { type: "css" } },); import('z',)`, nil, []string{"x=type:json", "y=type:css"}},
		{`import('x', { with: { type: 'css', type: 'json' } })`, nil, []string{"x=type:json"}},
		{`import(x, opts); import('x', 1); import('a', {with: {type: t}})`, nil, []string{"@runtime", "x@runtime", "a@runtime"}},
		{`import(x, opts); _$jIm$(y)`, nil, nil}, // the placeholder is taken: no renaming
		{`import(x, opts, z); import(x)`, nil, nil},
		{`if (a) /import x from 'y' with {}/.test(s); import('q', { with: {} })`, nil, []string{"q="}},
		{`x = {a: 1} / 2; import('q', { with: {} })`, nil, []string{"q="}},
		{`import a from 'x' with { type: 'j\u0073on' }`, []string{"x=type:json"}, nil},
	}
	for _, c := range cases {
		st := StripImports(c.src)
		if len(st.Code) != len(c.src) {
			t.Errorf("%q: length %d, want %d", c.src, len(st.Code), len(c.src))
		}
		for i := range c.src {
			if c.src[i] == '\n' && st.Code[i] != '\n' {
				t.Errorf("%q: line break at %d lost", c.src, i)
			}
		}
		var static, dyn []string
		for _, s := range st.Static {
			static = append(static, s.Spec+attrString(s.Attrs, s.Clause))
		}
		for _, d := range st.Dynamic {
			if d.Runtime {
				dyn = append(dyn, d.Spec+"@runtime")
				if st.Code[d.Start:d.Start+6] != ImportPlaceholder {
					t.Errorf("%q: import at %d not renamed: %q", c.src, d.Start, st.Code)
				}
				continue
			}
			dyn = append(dyn, d.Spec+attrString(d.Attrs, true))
		}
		if !reflect.DeepEqual(static, c.static) || !reflect.DeepEqual(dyn, c.dyn) {
			t.Errorf("%q:\n static %q, want %q\n dynamic %q, want %q", c.src, static, c.static, dyn, c.dyn)
		}
		if strings.Contains(c.src, "//") || strings.Contains(c.src, "\"import c") {
			if st.Code != c.src {
				t.Errorf("%q: changed text that is no import:\n%s", c.src, st.Code)
			}
		}
	}
}

func attrString(a []Attr, clause bool) string {
	if !clause {
		return ""
	}
	var p []string
	for _, x := range a {
		p = append(p, x.Key+":"+x.Value)
	}
	return "=" + strings.Join(p, ",")
}

func TestDuplicateKey(t *testing.T) {
	src := `import a from 'x' with { type: 'json', type: 'json' }`
	st := StripImports(src)
	if st.Err == nil || st.Err.Message != "Import assertion has duplicate key 'type'" || src[st.Err.Offset:st.Err.Offset+st.Err.Length] != "type: 'json'" {
		t.Fatalf("%+v", st.Err)
	}
}

// Hostile sources: unterminated literals, deep nesting and huge inputs
// end without a panic.
func TestHostileSources(t *testing.T) {
	for _, src := range []string{"import('", "import(`${", "import a from 'x' with {", "import('x', {with: {", "/*", "`${`${`${", "import a from 'x' with { type: 'j\\u{110000}' }",
		strings.Repeat("import(", 10000), strings.Repeat("{", 100000) + "import a from 'x' with {}", "import a from '" + strings.Repeat("a", 1<<20) + "' with {type: 'json'}"} {
		_ = StripImports(src)
	}
}
