package core

import (
	"testing"

	"github.com/grafana/sobek"
)

// TestSaveVM fails loudly if sobek's VM layout changes under SaveVM.
func TestSaveVM(t *testing.T) {
	rt := sobek.New()
	if vmFields(rt) == nil {
		t.Fatal("sobek's vm struct changed: SaveVM cannot snapshot it")
	}
	restore := SaveVM(rt)
	if _, err := rt.RunString("1 + 1"); err != nil {
		t.Fatal(err)
	}
	restore()
	if v, err := rt.RunString("2 + 2"); err != nil || v.ToInteger() != 4 {
		t.Fatal(v, err)
	}
}
