package engine

import (
	"strings"
	"testing"

	"github.com/grafana/sobek"
	"github.com/grafana/sobek/parser"
)

// TestSourceHookLayout: the parser hook finds the source of every parse
// of a runtime's eval and Function constructors (fails loudly when sobek's
// parser state changes layout: eval inside realms is then unchecked).
func TestSourceHookLayout(t *testing.T) {
	if !SourceHookWorks() {
		t.Fatal("sobek's parser state changed layout (parserHead): eval and new Function sources are no longer scanned for nesting")
	}
	var seen []string
	rt := sobek.New()
	rt.SetParserOptions(parser.WithDisableSourceMaps, SourceHook(func(src string) { seen = append(seen, src) }))
	if _, err := rt.RunString(`eval('1 + 1'); (0, eval)('2'); new Function('a', 'return a'); (function () { var x = 1; return eval('x') })()`); err != nil {
		t.Fatal(err)
	}
	all := strings.Join(seen, "\x00")
	for _, want := range []string{"1 + 1", "\x002\x00", "return a", "\x00x"} {
		if !strings.Contains("\x00"+all+"\x00", want) {
			t.Errorf("hook did not see %q; saw %q", want, seen)
		}
	}
	// a panic with a JS value throws it where the parse was asked for
	rt = sobek.New()
	rt.SetParserOptions(SourceHook(func(src string) {
		if strings.Contains(src, "DEEP") {
			panic(rt.NewTypeError("refused"))
		}
	}))
	v, err := rt.RunString(`var d = 'DE' + 'EP', r = []; for (const f of [() => eval(d), () => (0, eval)(d), () => Function(d)]) { try { f() } catch (e) { r.push(e.message) } } r.join()`)
	if err != nil || v.String() != "refused,refused,refused" {
		t.Fatalf("throw from the hook: %v %v", v, err)
	}
}

// TestSobekDirectEvalByIdentity: sobek treats a call as direct eval only
// when the callee is its own eval function, so a checking wrapper put in
// place of the global eval would make every eval indirect (no access to
// the caller's scope). That is why sources of eval are checked by a parser
// hook (SourceHook), not by replacing eval.
func TestSobekDirectEvalByIdentity(t *testing.T) {
	rt := sobek.New()
	v, err := rt.RunString(`var orig = eval; eval = function (s) { return orig(s) }; var x = 'global'; (function () { var x = 'local'; return eval('x') })()`)
	if err != nil || v.String() != "global" {
		t.Fatalf("sobek now treats a wrapper of eval as direct eval (%v %v): a checked eval could replace the parser hook", v, err)
	}
}
