package stack

import (
	"testing"

	"github.com/grafana/sobek"
)

func TestV8(t *testing.T) {
	rt := sobek.New()
	v, err := rt.RunScript("file.js", "function foo() { return new Error('x') }\n[1].map(() => foo())[0].stack")
	if err != nil {
		t.Fatal(err)
	}
	got := V8(v.String())
	// Call positions are sobek's (the opening paren); V8 points at the callee name.
	want := "Error: x\n    at foo (file.js:1:25)\n    at file.js:2:18\n    at Array.map (<anonymous>)\n    at file.js:2:8"
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	if V8(got) != got {
		t.Error("not idempotent")
	}
}
