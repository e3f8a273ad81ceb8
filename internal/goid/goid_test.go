package goid

import (
	"sync"
	"testing"
)

func TestMatchesRuntimeStack(t *testing.T) {
	if !Fast() {
		t.Log("fast path unavailable or disagreed with runtime.Stack; using the slow path")
	}
	var wg sync.WaitGroup
	for range 50 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if a, b := Get(), slow(); a != b {
				t.Errorf("Get() = %d, runtime.Stack says %d", a, b)
			}
		}()
	}
	wg.Wait()
}

func BenchmarkGet(b *testing.B) {
	for b.Loop() {
		Get()
	}
}

func TestStackUsed(t *testing.T) {
	if !fastAvailable {
		t.Skip("no fast path on this platform")
	}
	a := StackUsed()
	if a == 0 {
		t.Fatal("StackUsed reads 0: the runtime's g layout changed (stack bounds are no longer its first fields)")
	}
	if b := recurseUsed(256); b < a+256<<10 {
		t.Fatalf("StackUsed under a 256 KiB recursion: %d, at the top %d", b, a)
	}
}
