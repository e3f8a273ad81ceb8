package stack

import "testing"

// Columns and messages as node v20 reports them for the same source
// (recorded with vm.runInThisContext(code, 'c.js')), from sobek's
// positions and messages.
func TestColumnsAndMessages(t *testing.T) {
	cases := []struct {
		src       string
		col       int // sobek's (1-based)
		wantCol   int // V8's
		msg, want string
	}{
		{"var o = {}; o.foo();", 18, 15, "Object has no member 'foo'", "o.foo is not a function"},
		{"var o = {a:{}}; o.a.bar(1);", 24, 21, "Object has no member 'bar'", "o.a.bar is not a function"},
		{"undefinedFn();", 12, 1, "undefinedFn is not defined", "undefinedFn is not defined"},
		{"var F = 1; F();", 13, 12, "Value is not an object: 1", "F is not a function"},
		{"var F = 1; new F();", 12, 12, "Value is not an object: 1", "F is not a constructor"},
		{"var o = {a:{}}; new o.a.B();", 17, 17, "Value is not an object: undefined", "o.a.B is not a constructor"},
		{"new Q();", 5, 1, "Q is not defined", "Q is not defined"},
		{"const script = new vm.Script(`", 20, 16, "vm is not defined", "vm is not defined"},
		{"var o = {}; o.a.b;", 17, 17, "Cannot read property 'b' of undefined", "Cannot read properties of undefined (reading 'b')"},
		{"var o = {}; o.x.y = 1;", 17, 19, "Cannot convert undefined or null to object", "Cannot set properties of undefined (setting 'y')"},
		{"F.call(null);", 7, 3, "", ""},
		{"o\n", 1, 1, "", ""},
		{"(F)();", 4, 4, "", ""},
		{"o.a[\"bar\"](1);", 11, 11, "Object has no member 'bar'", "o.a.bar is not a function"},
		{"function g(){ return missing.x }", 22, 15, "missing is not defined", "missing is not defined"},
		{"function g(){ return new Error('y') }", 22, 22, "", ""},
		{`"use strict"; x = 0`, 15, 15, "'set' on proxy: trap returned falsish for property 'x'", "Cannot assign to read only property 'x' of object '[object Object]'"},
	}
	for i, c := range cases {
		name := "case" + string(rune('a'+i)) + ".js"
		Register(name, c.src, 1, 0) // reported lines are shifted by a line offset of 1
		if got := Column(name, 2, c.col); got != c.wantCol {
			t.Errorf("%q at %d: column %d, want %d", c.src, c.col, got, c.wantCol)
		}
		if c.msg == "" {
			continue
		}
		if got := Message(c.msg, name, 2, c.col); got != c.want {
			t.Errorf("%q: message %q, want %q", c.src, got, c.want)
		}
	}
}

func TestV8FramesFromSource(t *testing.T) {
	Register("f.js", "function F() { throw new Error('y') }\nnew F();\nF ();", 0, 0)
	in := "Error: y\n\tat F (f.js:1:16(3))\n\tat f.js:2:1(5)\n\tat github.com/x/y.(*T).run-fm (native)\n\tat f.js:3:3(9)"
	want := "Error: y\n    at new F (f.js:1:16)\n    at f.js:2:1\n    at f.js:3:1"
	if got := V8(in); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

func TestColumnOffset(t *testing.T) {
	Register("off.js", "o.foo();\no.foo();", 0, 10)
	if got := Column("off.js", 1, 16); got != 13 {
		t.Errorf("first line: %d, want 13", got)
	}
	if got := Column("off.js", 2, 6); got != 3 {
		t.Errorf("second line: %d, want 3", got)
	}
}
