package core

import (
	"runtime"
	"testing"
)

func TestContextsRegistry(t *testing.T) {
	iso := NewIsolate(IsolateOptions{})
	main := iso.Main()
	keep := main.Runtime().NewObject()
	kc := iso.Contextify(keep, main, ContextOptions{})
	held := make([]*Context, 0, 100) // alive until counted
	for i := 0; i < 100; i++ {
		held = append(held, iso.Contextify(main.Runtime().NewObject(), main, ContextOptions{}))
	}
	cs := iso.Contexts()
	if len(cs) != 102 || cs[0] != main || cs[1] != kc {
		t.Fatalf("got %d contexts", len(cs))
	}
	runtime.KeepAlive(held)
	for i := 0; i < 5 && len(iso.Contexts()) > 2; i++ {
		runtime.GC()
	}
	cs = iso.Contexts()
	if len(cs) != 2 || cs[0] != main || cs[1] != kc {
		t.Fatalf("after GC: %d contexts, want the main one and the kept one", len(cs))
	}
	runtime.KeepAlive(keep)
}

func BenchmarkContextify(b *testing.B) {
	iso := NewIsolate(IsolateOptions{})
	main := iso.Main()
	for i := 0; i < b.N; i++ {
		iso.Contextify(main.Runtime().NewObject(), main, ContextOptions{})
	}
}
