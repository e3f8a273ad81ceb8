package core

import (
	"errors"
	"runtime/debug"
	"strings"
	"testing"

	"github.com/grafana/sobek"
)

func TestNestingTooDeep(t *testing.T) {
	for _, p := range [][2]string{{"(", ")"}, {"[", "]"}, {"{", "}"}, {"`${", "}`"}} {
		deep := strings.Repeat(p[0], 1e6)
		var ne *NestingError
		if _, err := Compile(deep, ScriptOptions{}); !errors.As(err, &ne) {
			t.Errorf("Compile %s: %v", p[0], err)
		}
		if _, err := CompileFunction(deep, FunctionOptions{}); !errors.As(err, &ne) {
			t.Errorf("CompileFunction %s: %v", p[0], err)
		}
		if _, err := CompileFunction("", FunctionOptions{Params: []string{deep}}); !errors.As(err, &ne) {
			t.Errorf("CompileFunction params %s: %v", p[0], err)
		}
		iso := NewIsolate(IsolateOptions{})
		if _, err := CompileModule(iso.Main(), ModuleSource{ID: "m", Code: deep}); !errors.As(err, &ne) {
			t.Errorf("CompileModule %s: %v", p[0], err)
		}
		ok := strings.Repeat(p[0], 500) + "1" + strings.Repeat(p[1], 500)
		if _, err := Compile(ok, ScriptOptions{}); err != nil {
			t.Errorf("Compile 500 levels of %s: %v", p[0], err)
		}
	}
	// strings and comments do not count
	src := "'" + strings.Repeat("(", 2*MaxNesting) + "'; \"" + strings.Repeat("[", 2*MaxNesting) + "\" // " + strings.Repeat("{", 2*MaxNesting) + "\n/* " + strings.Repeat("(", 2*MaxNesting) + " */ 1"
	if err := CheckNesting(src); err != nil {
		t.Fatal(err)
	}
}

// TestSobekParserStack fails loudly (a fatal stack overflow) if sobek's
// parser or compiler needs more Go stack than the nesting scan allows for:
// twice the deepest chain the scan lets through, of each kind of
// construct, must compile in 64 MiB (more under -race, whose frames are
// larger).
func TestSobekParserStack(t *testing.T) {
	if raceStackFactor > 1 && testing.Short() {
		t.Skip("slow under -race; the plain run of the suite checks it")
	}
	defer debug.SetMaxStack(debug.SetMaxStack(raceStackFactor * 64 << 20))
	for _, p := range []struct {
		open, close string
		n           int
	}{{"(", ")", 3300}, {"[", "]", 4100}, {"{", "}", 5700}, {"`${", "}`", 3700}, {"a=>(", ")", 2200},
		{"!", "", 2 * MaxNesting}, {"void ", "", 18000}, {"a?b:", "", 5200}, {"a=", "", 10500},
		{"if(1)", "", 3300}, {"x=>", "", 2200}, {"new ", "", 11400}, {"a.", "", 13900}} {
		src := strings.Repeat(p.open, p.n) + "a" + strings.Repeat(p.close, p.n)
		if _, err := sobek.Compile("x", src, false); err != nil {
			t.Fatalf("%s: %v", p.open, err)
		}
	}
}

// BenchmarkCheckNesting against BenchmarkCompileOrdinary: the scan is a
// small fraction of compiling the same source.
var ordinary = strings.Repeat("function f(a, b) { var o = { x: [1, 2, 3], s: 'a(b' }; return a.map((x) => x * 2 + b) } // (\n", 1000)

func BenchmarkCheckNesting(b *testing.B) {
	b.SetBytes(int64(len(ordinary)))
	for i := 0; i < b.N; i++ {
		_ = CheckNesting(ordinary)
	}
}

func BenchmarkCompileOrdinary(b *testing.B) {
	b.SetBytes(int64(len(ordinary)))
	for i := 0; i < b.N; i++ {
		_, _ = sobek.Compile("x", ordinary, false)
	}
}

// Offsets beyond maxPadding and negative ones are not padded but added to
// syntax error positions (Node: new vm.Script('(', { lineOffset: 2**31 - 1 })
// answers at once).
func TestHugeOffsets(t *testing.T) {
	cases := []struct {
		line, col      int
		wantL, wantCol int
	}{
		{2147483647, 0, 2147483649, 2},
		{0, 2147483647, 2, 2},
		{-5, 0, -3, 2},
		{3, 4, 5, 2},
		{maxPadding + 10, maxPadding + 7, maxPadding + 12, 2},
	}
	for _, c := range cases {
		_, err := Compile("a\n(", ScriptOptions{LineOffset: c.line, ColumnOffset: c.col})
		var se *SyntaxError
		if !errors.As(err, &se) || se.Line != c.wantL || se.Column != c.wantCol {
			t.Errorf("offsets %d,%d: %v %d:%d", c.line, c.col, err, se.Line, se.Column)
		}
		_, err = Compile("(", ScriptOptions{LineOffset: c.line, ColumnOffset: c.col})
		if !errors.As(err, &se) || se.Line != c.line+1 || se.Column != c.col+2 {
			t.Errorf("offsets %d,%d on line 1: %v %d:%d", c.line, c.col, err, se.Line, se.Column)
		}
		if _, err := CompileFunction("(", FunctionOptions{LineOffset: c.line, ColumnOffset: c.col}); !errors.As(err, &se) {
			t.Errorf("CompileFunction offsets %d,%d: %v", c.line, c.col, err)
		}
	}
}
