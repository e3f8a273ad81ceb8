package engine

import (
	"testing"

	"github.com/grafana/sobek"
)

// TestErrorHookLayout fails loudly when sobek's internals that
// HookErrorConstructors reads change (then engine errors keep sobek's
// words where code catches them).
func TestErrorHookLayout(t *testing.T) {
	if !ErrorHookWorks() {
		t.Fatal("sobek's vm/Program/nativeFuncObject layout changed: HookErrorConstructors is off")
	}
	rt := sobek.New()
	var sites []*ErrorSite
	var nullOperand []bool
	var lines []int
	ok := HookErrorConstructors(rt, []string{"TypeError", "ReferenceError"}, func(name string) *sobek.Object { return Intrinsic(rt, name) },
		func(o *sobek.Object, args []sobek.Value, site func() *ErrorSite) {
			s := site()
			sites = append(sites, s)
			nullOperand = append(nullOperand, sobek.IsNull(s.Operand(0)))
			l, _ := s.Position()
			lines = append(lines, l)
			_ = o.Set("message", "hooked")
		})
	if !ok {
		t.Fatal("HookErrorConstructors reported false")
	}
	v, err := rt.RunString(`var TypeError = 1; var out = [];
		try { null.x } catch (e) { out.push(e.message) }
		try { missing } catch (e) { out.push(e.message) }
		out.push(new RangeError('own').message);
		out.join()`)
	if err != nil {
		t.Fatal(err)
	}
	if got := v.String(); got != "hooked,hooked,own" {
		t.Fatalf("got %q", got)
	}
	if len(sites) != 2 || sites[0].Op != "getProp" || sites[0].Source == "" || lines[0] != 2 || !nullOperand[0] {
		for _, s := range sites {
			t.Errorf("site %+v", *s)
		}
		t.Fatal("unexpected sites")
	}
}

// TestSobekErrorWords is the pure-sobek reproducer: sobek words its own
// errors differently from V8 (no hook: core rewords them, errwords.go).
func TestSobekErrorWords(t *testing.T) {
	rt := sobek.New()
	v, err := rt.RunString(`var out = [];
		try { null.x } catch (e) { out.push(e.message) }
		try { var o = {}; o.f() } catch (e) { out.push(e.message) }
		out.join('|')`)
	if err != nil {
		t.Fatal(err)
	}
	if got := v.String(); got != "Cannot read property 'x' of undefined|Object has no member 'f'" {
		t.Fatalf("sobek's words changed (errwords.go may be obsolete): %q", got)
	}
}
