package core

import (
	"testing"

	"github.com/grafana/sobek"
)

// TestProgramReferrer fails loudly if sobek stops recording the defining
// program of functions where ProgramReferrer reads it.
func TestProgramReferrer(t *testing.T) {
	rt := sobek.New()
	var refs []any
	rt.SetImportModuleDynamically(func(referrer any, specifier sobek.Value, capability any) {
		refs = append(refs, referrer)
		rt.FinishLoadingImportModule(referrer, specifier, capability, nil, rt.NewTypeError("no"))
	})
	p, err := sobek.Compile("s.js", `function outer() { return (() => import("x"))(); } outer().catch(() => {});`, false)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := rt.RunProgram(p); err != nil {
		t.Fatal(err)
	}
	if len(refs) != 1 {
		t.Fatal(refs)
	}
	found := false
	for r, i := refs[0], 0; r != nil && i < 10; i++ {
		if r == any(p) {
			found = true
			break
		}
		rp, ok := r.(*sobek.Program)
		if !ok {
			break
		}
		r = ProgramReferrer(rp)
	}
	if !found {
		t.Fatal("the script's program is not on the referrer chain of a nested import()")
	}
}
