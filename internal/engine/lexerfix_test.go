package engine

import (
	"strings"
	"testing"

	"github.com/grafana/sobek"
	"github.com/grafana/sobek/parser"
)

// TestSobekMaxCodePointEscape pins the engine bug FixCodePointEscapes steps
// around: when it fails, sobek parses `"\u{10FFFF}"` itself and the fix
// can go.
func TestSobekMaxCodePointEscape(t *testing.T) {
	panicked := func() (p bool) {
		defer func() { p = recover() != nil }()
		_, _ = parser.ParseFile(nil, "", `"\u{10FFFF}"`, 0)
		return false
	}()
	if !panicked {
		t.Fatal("sobek no longer panics on \"\\u{10FFFF}\": drop FixCodePointEscapes")
	}
}

func TestFixCodePointEscapes(t *testing.T) {
	for _, c := range []struct{ in, out string }{
		{`"a"`, `"a"`},
		{`"\u{10FFFF}"`, `"\uDBFF\uDFFF"`},
		{`"\u{0010ffff}x\u{41}"`, `"\uDBFF\uDFFFx\u{41}"`},
		{`"\\u{10FFFF}"`, `"\\u{10FFFF}"`},
		{`"\\\u{10FFFF}"`, `"\\\uDBFF\uDFFF"`},
		{`"\u{10FFFF0}"`, `"\u{10FFFF0}"`},
		{`"\u{10FFFF`, `"\u{10FFFF`},
		{`\u{`, `\u{`},
	} {
		if got := FixCodePointEscapes(c.in); got != c.out {
			t.Errorf("%s: got %s, want %s", c.in, got, c.out)
		}
	}
}

// TestMaxCodePointEscapeRuns: the fixed sources give V8's values, through
// a vm-style compile and through eval / new Function (the parser hook).
func TestMaxCodePointEscapeRuns(t *testing.T) {
	rt := sobek.New()
	rt.SetParserOptions(SourceHook(func(string) {}))
	for _, c := range []struct{ src, want string }{
		{`"\u{10FFFF}".length + ":" + "\u{10FFFF}".codePointAt(0)`, "2:1114111"},
		{"`\\u{10FFFF}`.length", "2"},
		{`/^\u{10FFFF}$/u.test("\u{10FFFF}")`, "true"},
		{`eval('"\\u{10FFFF}"').length`, "2"},
		{`new Function('return "\\u{0010FFFF}"')().length`, "2"},
		{`"\\u{10FFFF}"`, `\u{10FFFF}`},
	} {
		v, err := rt.RunString(RewriteRegExps(c.src, false))
		if err != nil {
			t.Errorf("%s: %v", c.src, err)
			continue
		}
		if got := v.String(); got != c.want {
			t.Errorf("%s: got %s, want %s", c.src, got, c.want)
		}
	}
	if !strings.Contains(FixCodePointEscapes(`x = "\u{10FFFF}"`), `\uDBFF`) {
		t.Fatal("not rewritten")
	}
}
