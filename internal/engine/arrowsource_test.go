package engine

import (
	"testing"

	"github.com/grafana/sobek"
	"github.com/grafana/sobek/parser"
)

// TestArrowSourceSobek is the pure-sobek reproducer for FixArrowSources:
// sobek's parser cuts a concise arrow's source after a parenthesised body
// and inside a trailing private name. When sobek gets these right, the
// first half fails: drop FixArrowSources.
func TestArrowSourceSobek(t *testing.T) {
	const src = `[() => (1), class { #x = 1; f = () => this.#x }, x => ((x)) /* ) */, async () => (await 1), () => ")"]`
	want := []string{"() => (1)", "() => this.#x", "x => ((x))", "async () => (await 1)", `() => ")"`}
	run := func(fix bool) []string {
		prog, err := parser.ParseFile(nil, "a.js", src, 0, parser.WithDisableSourceMaps)
		if err != nil {
			t.Fatal(err)
		}
		if fix && !FixArrowSources(prog) {
			t.Fatal("FixArrowSources changed nothing")
		}
		p, err := sobek.CompileAST(prog, false)
		if err != nil {
			t.Fatal(err)
		}
		rt := sobek.New()
		v, err := rt.RunProgram(p)
		if err != nil {
			t.Fatal(err)
		}
		_ = rt.Set("a", v)
		out, err := rt.RunString(`a[1] = new a[1]().f; a.map(String)`)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		_ = rt.ExportTo(out, &got)
		return got
	}
	bare := run(false)
	if len(bare) != len(want) || bare[0] != "() => (1" || bare[1] != "() => this.#" || bare[2] != "x => ((x" {
		t.Fatalf("sobek's own arrow sources are %q: it no longer cuts them short; drop FixArrowSources", bare)
	}
	fixed := run(true)
	for i := range want {
		if fixed[i] != want[i] {
			t.Errorf("fixed source %d: %q, want %q", i, fixed[i], want[i])
		}
	}
}
