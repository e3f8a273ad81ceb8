package engine

import (
	"testing"

	"github.com/grafana/sobek"
)

func TestArrayFromLayout(t *testing.T) {
	if !ArrayFromGuardWorks() {
		t.Fatal("sobek's layout for the Array.from guard changed (arrayfrom.go)")
	}
}

// TestArrayFromGuard: sobek's own Array.from is replaced, a user's not.
func TestArrayFromGuard(t *testing.T) {
	Prepare()
	rt := sobek.New()
	if _, err := rt.RunString(`Array.from = function from() { return 'mine' }`); err != nil {
		t.Fatal(err)
	}
	if guardArrayFrom(rt) {
		t.Fatal("a replaced Array.from was guarded")
	}
	rt = sobek.New()
	if !guardArrayFrom(rt) {
		t.Fatal("sobek's Array.from was not guarded")
	}
	if v, err := rt.RunString(`try { Array.from({length: 2**32}) } catch (e) { e instanceof RangeError && e.message }`); err != nil || v.String() != "Invalid array length" {
		t.Fatal(v, err)
	}
}
