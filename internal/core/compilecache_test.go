package core

import (
	"strings"
	"testing"
)

func TestCompileCache(t *testing.T) {
	iso := NewIsolate(IsolateOptions{})
	a, err := iso.CompileCached("x + 1", ScriptOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if b, _ := iso.CompileCached("x + 1", ScriptOptions{Filename: DefaultFilename}); b != a {
		t.Error("same source and origin: not the cached script")
	}
	for _, o := range []ScriptOptions{{Filename: "f.js"}, {LineOffset: 1}, {ColumnOffset: 1}} {
		if b, _ := iso.CompileCached("x + 1", o); b == a {
			t.Errorf("%+v: got the script of another origin", o)
		}
	}
	if _, err := iso.CompileCached("x +", ScriptOptions{}); err == nil {
		t.Fatal("no SyntaxError")
	}
	if _, err := iso.CompileCached("x +", ScriptOptions{}); err == nil {
		t.Fatal("no SyntaxError the second time (an error must not be cached)")
	}
	// bounded: many distinct sources keep at most maxCacheBytes
	filler := strings.Repeat(" ", 10000)
	for i := 0; i < 300; i++ {
		if _, err := iso.CompileCached(itoa(i)+filler, ScriptOptions{}); err != nil {
			t.Fatal(err)
		}
	}
	if cc := &iso.compiled; cc.bytes > maxCacheBytes || len(cc.m) != len(cc.order) || len(cc.m) > maxCacheBytes/10000 {
		t.Errorf("cache holds %d bytes in %d entries (%d in order)", cc.bytes, len(cc.m), len(cc.order))
	}
	big := strings.Repeat(" ", maxCachedSource+1) + "1"
	s1, _ := iso.CompileCached(big, ScriptOptions{})
	s2, _ := iso.CompileCached(big, ScriptOptions{})
	if s1 == s2 {
		t.Error("a source over maxCachedSource was cached")
	}
}
