package engine

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/grafana/sobek/parser"
)

var R = strings.Repeat

// TestScanNestingDepths: each construct is allowed where V8 parses it and
// refused where V8 runs out of stack (depths measured with node v20; the
// node-recorded cases are node/vm/testdata/nesting_cases).
func TestScanNestingDepths(t *testing.T) {
	for _, c := range []struct {
		name      string
		gen       func(n int) string
		ok, refus int // a depth V8 parses, one it refuses
	}{
		{"paren", func(n int) string { return R("(", n) + "1" + R(")", n) }, 1600, 1700},
		{"array", func(n int) string { return R("[", n) + R("]", n) }, 1900, 2100},
		{"arrow", func(n int) string { return R("x=>", n) + "1" }, 1000, 1100},
		{"async arrow", func(n int) string { return R("async x=>", n) + "1" }, 1000, 1100},
		{"not", func(n int) string { return R("!", n) + "1" }, 10000, 13000},
		{"minus", func(n int) string { return R("- ", n) + "1" }, 10000, 13000},
		{"void", func(n int) string { return R("void ", n) + "1" }, 8000, 9000},
		{"new", func(n int) string { return R("new ", n) + "X" }, 5500, 5800},
		{"cond", func(n int) string { return R("a?b:", n) + "c" }, 2500, 2700},
		{"cond nested", func(n int) string { return R("a?", n) + "b" + R(":c", n) }, 2500, 2700},
		{"assign", func(n int) string { return R("a=", n) + "1" }, 5000, 5300},
		{"exp", func(n int) string { return R("a**", n) + "a" }, 6000, 6400},
		{"yield", func(n int) string { return "function*g(){" + R("yield ", n) + "1}" }, 6800, 7100},
		{"if", func(n int) string { return R("if(1)", n) + "1" }, 1550, 1650},
		{"else if", func(n int) string { return "if(0);" + R("else if(0);", n) }, 1550, 1650},
		{"else if blocks", func(n int) string { return "if(0){}" + R("else if(0){}", n) }, 1550, 1650},
		{"while", func(n int) string { return R("while(0)", n) + ";" }, 4100, 4200},
		{"for", func(n int) string { return R("for(;;)", n) + ";" }, 1600, 1700},
		{"for in", func(n int) string { return R("for(a in b)", n) + ";" }, 1150, 1200},
		{"with", func(n int) string { return R("with(a)", n) + ";" }, 6200, 6300},
		{"do", func(n int) string { return R("do ", n) + ";" + R("while(0);", n) }, 1300, 1400},
		{"labels", func(n int) string {
			var b strings.Builder
			for i := 0; i < n; i++ {
				b.WriteString("a" + string(rune('a'+i%26)) + strings.Repeat("z", i/26%5) + string(rune('0'+i/130%10)) + string(rune('0'+i/1300)) + ":")
			}
			return b.String() + "1"
		}, 5000, 5300},
		{"member", func(n int) string { return "a" + R(".a", n) }, 6900, 7000},
		{"call", func(n int) string { return "a" + R("()", n) }, 4800, 4900},
		{"template", func(n int) string { return R("`${", n) + "1" + R("}`", n) }, 1800, 1900},
		{"class extends", func(n int) string { return "(" + R("class extends ", n) + "X" + R("{}", n) + ")" }, 2350, 2450},
		{"in", func(n int) string { return R("a in ", n) + "a" }, 6200, 6300},
		{"binary chain", func(n int) string { return R("a+", n) + "a" }, MaxBinaryChain, MaxBinaryChain + 1},
		{"arrow parameters", func(n int) string { return R("(a=", n) + "1" + R(")=>1", n) }, MaxArrowParamNesting, MaxArrowParamNesting + 1},
	} {
		if r := ScanNesting(c.gen(c.ok), V8StackBudget); r.Problem != NestingOK {
			t.Errorf("%s at %d: %+v, want ok", c.name, c.ok, r)
		}
		if r := ScanNesting(c.gen(c.refus), V8StackBudget); r.Problem != NestingTooDeep {
			t.Errorf("%s at %d: %+v, want too deep", c.name, c.refus, r)
		}
	}
	r := ScanNesting(R("a:", 1e5)+"1", V8StackBudget)
	if r.Problem != NestingDupLabel || r.Label != "a" || r.Offset != 2 {
		t.Errorf("repeated label: %+v", r)
	}
}

// TestScanNestingOrdinary: code that only looks deep to a careless scan
// (statements in sequence, with or without semicolons; brackets in
// strings, comments, regexps and template text) is not refused, nor is
// any JavaScript file found on the machine that sobek parses.
func TestScanNestingOrdinary(t *testing.T) {
	for _, src := range []string{
		R("if (a) { b() }\n", 20000), R("if (a) b()\n", 20000), R("if (a) b(); else c()\n", 20000),
		R("x = a ? b : c\n", 20000), R("a: b: c;\n", 20000), "var a;" + R("-a + ", 3000) + "1",
		"({" + R("a: 1, ", 50000) + "})", R("var f = (x) => x + 1;\n", 20000), R("x = !a\n", 20000),
		"switch (1) {" + R("case 1: a = b ? c : d; break;\n", 20000) + "}", R("do x(); while (a)\n", 20000),
		"class A {" + R("m() { return this.x ? 1 : 2 }\nstatic x = 1\n", 20000) + "}",
		R(`/[(]{2}\(/.test(s); '((('; "[[["; // {{{`+"\n", 20000), "`" + R("((([[[{{{", 20000) + "`",
		R("try { a() } catch (e) { b() } finally { c() }\n", 20000), R("function f() { return }\n", 20000),
		R("label: for (;;) { break label }\n", 20000), R("a = typeof b === 'c' && !d\n", 20000),
		R("x = async () => { await y }\n", 20000), R("for (const a of b) { c(a) }\n", 20000),
	} {
		if r := ScanNesting(src, V8StackBudget); r.Problem != NestingOK {
			t.Errorf("%.40q: %+v", src, r)
		}
	}
	// the JavaScript of the machine (node's npm, when installed)
	n := 0
	_ = filepath.WalkDir("/usr/lib/node_modules", func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".js") || n >= 500 {
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil || len(b) > 1<<20 {
			return nil
		}
		if _, err := parser.ParseFile(nil, p, string(b), 0); err != nil {
			return nil
		}
		n++
		if r := ScanNesting(string(b), V8StackBudget/4); r.Problem != NestingOK {
			t.Errorf("%s: %+v (with a quarter of V8's stack)", p, r)
		}
		return nil
	})
	t.Logf("%d files", n)
}

// BenchmarkScanNesting and BenchmarkParseOrdinary: the scan against
// sobek's parse of the same ordinary source.
var ordinary = R("function f(a, b) { var o = { x: [1, 2, 3], s: 'a(b' }; if (a) return a.map((x) => x * 2 + b); else return o ? o.x : null } // (\n", 1000)

func BenchmarkScanNesting(b *testing.B) {
	b.SetBytes(int64(len(ordinary)))
	for i := 0; i < b.N; i++ {
		ScanNesting(ordinary, V8StackBudget)
	}
}

func BenchmarkParseOrdinary(b *testing.B) {
	b.SetBytes(int64(len(ordinary)))
	for i := 0; i < b.N; i++ {
		_, _ = parser.ParseFile(nil, "", ordinary, 0)
	}
}
