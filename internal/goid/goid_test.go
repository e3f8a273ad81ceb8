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
