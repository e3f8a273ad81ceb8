package jsvm_test

import (
	"context"
	"runtime"
	"testing"

	"github.com/jsvm-dev/jsvm"
)

// Go values handed to a long-lived context, one per request, must not
// accumulate: the identity table holds its views weakly.
func TestGoViewsAreCollected(t *testing.T) {
	ctx := context.Background()
	iso := jsvm.NewIsolate(jsvm.IsolateOptions{})
	c := iso.MainContext()
	heap := func() uint64 {
		runtime.GC()
		runtime.GC()
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		return ms.HeapAlloc
	}
	loop := func(n int) {
		for i := range n {
			req := map[string]any{"id": i, "body": make([]byte, 1024), "tags": []string{"a", "b"}}
			if err := c.Set(ctx, "req", req); err != nil {
				t.Fatal(err)
			}
			if _, err := c.Run(ctx, "req.tags.length + req.body.length", jsvm.RunOptions{}); err != nil {
				t.Fatal(err)
			}
		}
	}
	loop(1000)
	before := heap()
	loop(20000)
	after := heap()
	growth := int64(after) - int64(before)
	t.Logf("growth over 20000 requests: %d KiB", growth>>10)
	if growth > 8<<20 {
		t.Errorf("heap grew by %d MiB: Go values handed to the context are kept", growth>>20)
	}
}
