package core

import (
	"errors"
	"testing"

	"github.com/grafana/sobek"
)

func TestCompileFunctionPositions(t *testing.T) {
	cases := []struct {
		body       string
		opts       FunctionOptions
		line, col  int
		syntaxLine int
	}{
		{body: `throw new Error("x")`, opts: FunctionOptions{Filename: "f.js", LineOffset: 3, ColumnOffset: 5}, line: 4, col: 12},
		{body: "\n  throw new Error(\"x\")", opts: FunctionOptions{Filename: "f.js", LineOffset: 3, ColumnOffset: 5}, line: 5, col: 9},
		{body: `throw new Error("x")`, opts: FunctionOptions{Filename: "f.js"}, line: 1, col: 7},
		{body: `throw new Error("x")`, opts: FunctionOptions{Filename: "f.js", Extensions: 2, Params: []string{"a", "b"}}, line: 1, col: 7},
	}
	for _, c := range cases {
		f, err := CompileFunction(c.body, c.opts)
		if err != nil {
			t.Fatal(err)
		}
		rt := sobek.New()
		v, err := rt.RunProgram(f.Program)
		if err != nil {
			t.Fatal(err)
		}
		fn, _ := sobek.AssertFunction(v)
		if c.opts.Extensions > 0 {
			v, err = fn(sobek.Undefined(), rt.NewObject(), rt.NewObject())
			if err != nil {
				t.Fatal(err)
			}
			fn, _ = sobek.AssertFunction(v)
		}
		_, err = fn(sobek.Undefined())
		var ex *sobek.Exception
		if !errors.As(err, &ex) {
			t.Fatalf("%q: no exception: %v", c.body, err)
		}
		p := ex.Stack()[0].Position()
		if p.Line != c.line || p.Column != c.col || p.Filename != "f.js" {
			t.Errorf("%q %+v: at %v, want %d:%d", c.body, c.opts, p, c.line, c.col)
		}
	}
}

func TestCompileFunctionSyntax(t *testing.T) {
	cases := []struct {
		body      string
		params    []string
		ext       int
		line, col int
		msg       string
	}{
		{body: " a b", line: 4, col: 9},
		{body: "\n return 1 +", line: 5},
		{body: "}, function() {", line: 4, col: 6, msg: "Unexpected token }"},
		{body: "}); (function () {", line: 4, col: 6, msg: "Unexpected token }"},
		{body: "} }); (function () { return function () {", ext: 1, line: 4, col: 6, msg: "Unexpected token }"},
		{body: "return a", params: []string{"a) { return 1 }; (function("}, line: 4, col: 6},
		{body: "return a", params: []string{"a-b"}, line: 4, col: 6},
		{body: "return a", params: []string{"a // x"}, line: 4, col: 6},
		{body: "let a; let a", line: 4},
		{body: "}", line: 4, col: 6, msg: "Unexpected token }"},
		{body: "\n }", ext: 2, line: 5, col: 2, msg: "Unexpected token }"},
		{body: "return (", ext: 1, line: 4, col: 14, msg: "Unexpected end of input"},
	}
	for _, c := range cases {
		_, err := CompileFunction(c.body, FunctionOptions{Filename: "f.js", LineOffset: 3, ColumnOffset: 5, Params: c.params, Extensions: c.ext})
		var se *SyntaxError
		if !errors.As(err, &se) {
			t.Errorf("%q %q: got %v, want a SyntaxError", c.body, c.params, err)
			continue
		}
		if se.Line != c.line || (c.col != 0 && se.Column != c.col) || (c.msg != "" && se.Message != c.msg) {
			t.Errorf("%q %q: got %+v", c.body, c.params, se)
		}
	}
}

func TestCompileFunctionSource(t *testing.T) {
	f, err := CompileFunction("return a + b", FunctionOptions{Params: []string{"a", "b"}, LineOffset: 2})
	if err != nil {
		t.Fatal(err)
	}
	rt := sobek.New()
	v, err := rt.RunProgram(f.Program)
	if err != nil {
		t.Fatal(err)
	}
	if s := v.String(); s != "function (a, b) {\nreturn a + b\n}" {
		t.Fatalf("toString %q", s)
	}
}
