package util

import (
	"testing"

	"github.com/grafana/sobek"
)

// TestFuncKind pins the engine behaviour funcKind relies on (the Go method
// a sobek function object exports names its kind). If a sobek upgrade
// changes it, this fails loudly instead of inspect silently printing
// [Function] for async and generator functions.
func TestFuncKind(t *testing.T) {
	rt := sobek.New()
	for src, want := range map[string][2]bool{
		`(function () {})`:        {false, false},
		`(() => {})`:              {false, false},
		`(class {})`:              {false, false},
		`(async function () {})`:  {true, false},
		`(async () => {})`:        {true, false},
		`({ async m() {} }).m`:    {true, false},
		`(function* () {})`:       {false, true},
		`({ *g() {} }).g`:         {false, true},
		`Math.max`:                {false, false},
		`(function(){}).bind({})`: {false, false},
	} {
		v, err := rt.RunString(src)
		if err != nil {
			t.Fatal(err)
		}
		a, g := funcKind(v.(*sobek.Object))
		if a != want[0] || g != want[1] {
			t.Errorf("%s: async=%v generator=%v, want %v", src, a, g, want)
		}
	}
}
