package engine

import (
	"strings"
	"testing"

	"github.com/grafana/sobek"
)

// TestSobekRegexpSurrogateSets: regexp2 keys its set table by a UTF-8
// rendering where every surrogate is U+FFFD, so two classes of surrogates
// in one pattern become one set: the astral-symbol regexp never matches
// under /g (regexp2's path). Workaround: RewriteRegExps marks each class.
func TestSobekRegexpSurrogateSets(t *testing.T) {
	v, err := runSobek(t, `"a\u{1D306}b".replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g, "X")`)
	if err != nil || v.String() == "aXb" {
		t.Errorf("sobek/regexp2 now match classes of surrogates (%v, %v): RewriteRegExps' class markers can go", v, err)
	}
}

// TestSobekPropertyEscapes: sobek reads \p{...} as "p{...}" under the u
// flag. Workaround: RewriteRegExps expands the property.
func TestSobekPropertyEscapes(t *testing.T) {
	v, err := runSobek(t, `/\p{L}/u.test("é")`)
	if err != nil || v.ToBoolean() {
		t.Errorf("sobek now supports \\p{...} (%v, %v): RewriteRegExps' expansion can go", v, err)
	}
}

// TestRewriteRegExps: the rewritten literals give V8's answers in sobek.
func TestRewriteRegExps(t *testing.T) {
	cases := map[string]string{
		`"a\u{1D306}b\u{1F600}".replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g, "X")`:                                                                "aXbX",
		`"\u{1F600}x".match(/[\uD800-\uDBFF][\uDC00-\uDFFF]|x/g).length`:                                                                        "2",
		`"x\uD83D".replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/g, "?")`:                                                                         "x?",
		`"\uDE00x".replace(/(^|[^\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "$1?")`:                                                                      "?x",
		`"A\uE000".replace(/[\uD800-\uDBFF\uE000][\uDC00-\uDFFF]/g, "X")`:                                                                       "A\uE000", // a class holding the marker range is left alone
		`[/\p{L}/u.test("é"), /\P{L}/u.test("1"), /\p{Lu}/u.test("a"), /^\p{Script=Greek}+$/u.test("αβ")].join()`:                               "true,true,false,true",
		`/[\p{L}\d]+/u.exec("ab1-")[0] + /^\p{L}+$/u.test("\u{1D49C}b")`:                                                                        "ab1true",
		`[/\p{Nosuch}/u.test("a"), /\p{Letter}/u.test("a"), /\p{gc=Lu}/u.test("A"), /\p{Any}/u.test("\u{FFFFF}"), /^\P{L}$/u.test("1")].join()`: "false,true,true,true,true",
		`"/[\\uD800-\\uDBFF][\\uDC00-\\uDFFF]/"`:                                                                                                `/[\uD800-\uDBFF][\uDC00-\uDFFF]/`, // strings stay as written
		`1 / 2 / 3 + "\uD800".length`:                                                                                                           "1.1666666666666667",
	}
	for code, want := range cases {
		src := RewriteRegExps(code, false)
		v, err := sobek.New().RunString(src)
		if err != nil {
			t.Errorf("%s (as %s): %v", code, src, err)
			continue
		}
		if v.String() != want {
			t.Errorf("%s (as %s) = %q, want %q", code, src, v.String(), want)
		}
	}
	if RewriteRegExps("var a = /x/g; var s = '\\uD800';", false) != "var a = /x/g; var s = '\\uD800';" {
		t.Error("a source without such literals must stay as it is")
	}
	if b := RewriteRegExpsInBody(`return /[\uD800-\uDBFF][\uDC00-\uDFFF]/g`); !strings.Contains(b, `\ue000`) {
		t.Errorf("function body not rewritten: %s", b)
	}
}
