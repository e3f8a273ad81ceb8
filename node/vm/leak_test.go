package vm

import (
	"runtime"
	"strconv"
	"testing"

	"github.com/grafana/sobek"
)

// TestDroppedContextsAreCollected: contexts made and dropped by a
// synchronous JS loop (createContext + a run, nothing kept) are
// collectable while the loop still runs: no module state, pending release
// job or parked goroutine keeps them. Before the fix, 25,000 such
// contexts held 250 MB. The bound is on memory, not time.
func TestDroppedContextsAreCollected(t *testing.T) {
	if testing.Short() {
		t.Skip("allocates")
	}
	h, _ := newTestHost(t)
	rt := h.Runtime
	heap := func() uint64 {
		runtime.GC()
		runtime.GC()
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		return ms.HeapAlloc
	}
	var samples []uint64
	var goroutines []int
	_ = rt.Set("sample", func(sobek.FunctionCall) sobek.Value {
		samples = append(samples, heap())
		goroutines = append(goroutines, runtime.NumGoroutine())
		return sobek.Undefined()
	})
	const n = 20000
	_, err := rt.RunString(`
		const s = new vm.Script('x + 1');
		sample();
		for (let i = 1; i <= ` + strconv.Itoa(n) + `; i++) {
			s.runInContext(vm.createContext({ x: i }));
			if (i % 5000 === 0) sample();
		}`)
	if err != nil {
		t.Fatal(err)
	}
	base := samples[0]
	for i, s := range samples[1:] {
		growth := int64(s) - int64(base)
		// 20,000 retained contexts would be ~100 MB or more
		if growth > 8<<20 {
			t.Errorf("after %d contexts (loop still running) the heap grew %d KiB", (i+1)*5000, growth>>10)
		}
		if goroutines[i+1] > goroutines[0]+16 {
			t.Errorf("after %d contexts: %d goroutines (started with %d)", (i+1)*5000, goroutines[i+1], goroutines[0])
		}
	}
}
