package jsequal

import (
	"os"
	"strings"
	"testing"

	"github.com/grafana/sobek"
)

// TestCases runs testdata/cases.js, whose expected output was recorded
// with node's assert.deepEqual / assert.deepStrictEqual (testdata/record.js).
func TestCases(t *testing.T) {
	src, err := os.ReadFile("testdata/cases.js")
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile("testdata/cases.out")
	if err != nil {
		t.Fatal(err)
	}
	rt := sobek.New()
	_ = rt.Set("cmp", func(a, b sobek.Value, strict bool) bool { return DeepEqual(a, b, strict) })
	v, err := rt.RunString(string(src))
	if err != nil {
		t.Fatal(err)
	}
	got := strings.Split(v.String(), "\n")
	exp := strings.Split(strings.TrimSpace(string(want)), "\n")
	if len(got) != len(exp) {
		t.Fatalf("got %d lines, want %d", len(got), len(exp))
	}
	for i := range got {
		if got[i] != exp[i] {
			t.Errorf("case: got %q, want %q", got[i], exp[i])
		}
	}
}
