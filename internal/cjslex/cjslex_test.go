package cjslex

import (
	"bufio"
	"encoding/json"
	"os"
	"reflect"
	"strings"
	"testing"
)

// TestNodeCases compares with Node's cjs-module-lexer, recorded in
// testdata/cases.golden (node --expose-internals testdata/gen.js).
func TestNodeCases(t *testing.T) {
	f, err := os.Open("testdata/cases.golden")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	n := 0
	for sc.Scan() {
		var want struct {
			Src       string   `json:"src"`
			Exports   []string `json:"exports"`
			Reexports []string `json:"reexports"`
			Error     bool     `json:"error"`
		}
		if err := json.Unmarshal(sc.Bytes(), &want); err != nil {
			t.Fatal(err)
		}
		n++
		got, err := Parse(want.Src)
		if (err != nil) != want.Error {
			t.Errorf("%q: error %v, want error %v", want.Src, err, want.Error)
			continue
		}
		if want.Error {
			continue
		}
		if !reflect.DeepEqual(nonNil(got.Exports), nonNil(want.Exports)) || !reflect.DeepEqual(nonNil(got.Reexports), nonNil(want.Reexports)) {
			t.Errorf("%q:\n got %q %q\nwant %q %q", want.Src, got.Exports, got.Reexports, want.Exports, want.Reexports)
		}
	}
	if n < 40 {
		t.Fatalf("only %d cases", n)
	}
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// Hostile sources end in a result or an error, never a panic or a hang.
func TestHostile(t *testing.T) {
	for _, src := range []string{
		strings.Repeat("(", 5000), strings.Repeat("{", 2000) + strings.Repeat("}", 2000), strings.Repeat("`${", 3000),
		strings.Repeat("/", 10001), "exports.", "exports[", "exports['", "module.exports = {", "module.exports = { ...",
		"Object.defineProperty(exports, 'a', { get", "Object.keys(x).forEach(function (k) { if (k", "require('", "#!",
		"\xff\xfe exports.a = 1", "exports.a\x00 = 1", strings.Repeat("exports.a = 1;", 100000),
	} {
		_, _ = Parse(src)
	}
}
