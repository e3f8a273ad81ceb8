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
// parser or compiler needs more than about 3.2 KiB of Go stack a nesting
// level, which MaxNesting relies on: twice MaxNesting levels must compile
// in 64 MiB.
func TestSobekParserStack(t *testing.T) {
	defer debug.SetMaxStack(debug.SetMaxStack(64 << 20))
	for _, p := range [][2]string{{"(", ")"}, {"[", "]"}, {"{", "}"}, {"`${", "}`"}, {"a=>(", ")"}} {
		src := strings.Repeat(p[0], 2*MaxNesting) + "1" + strings.Repeat(p[1], 2*MaxNesting)
		if _, err := sobek.Compile("x", src, false); err != nil {
			t.Fatalf("%s: %v", p[0], err)
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
