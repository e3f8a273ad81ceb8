package jsvm

import (
	"context"
	"errors"
	"runtime"
	"sync"
	"testing"
)

// TestMemoryLimit: growth no builtin makes in one step ends as
// ERR_JSVM_MEMORY_LIMIT (Node: RangeError: Invalid string length for the
// doubling, a fatal out-of-memory for the others), never as Go's fatal
// out-of-memory, and the isolate keeps working after each.
func TestMemoryLimit(t *testing.T) {
	if testing.Short() {
		t.Skip("allocates a few hundred MB")
	}
	iso := NewIsolate(IsolateOptions{MemoryLimit: 32 << 20})
	main := iso.MainContext()
	for i, code := range []string{
		"var s = 'x'; for (;;) s += s",
		"var a = []; for (let i = 0; ; i++) a.push('x'.repeat(1e6) + i)",
		"var m = new Map(); for (let i = 0; ; i++) m.set(i, [new Array(1000).join('y') + i])",
		// caught and kept: the interrupt cannot be caught
		"var keep = []; for (;;) { try { keep.push('z'.repeat(1e6) + keep.length) } catch (e) {} }",
		// in the promise jobs of the run
		"var b = []; (async () => { for (;;) { b.push('w'.repeat(1e6) + b.length); await null } })()",
	} {
		c, err := iso.NewContext(nil, ContextOptions{})
		if err != nil {
			t.Fatal(err)
		}
		where := []*Context{c}
		if i < 2 {
			where = append(where, main)
		}
		for _, w := range where {
			_, err := w.Run(context.Background(), code, RunOptions{})
			var ie *InterruptedError
			if !errors.As(err, &ie) || ie.Code != "ERR_JSVM_MEMORY_LIMIT" {
				t.Fatalf("%s: %v", code, err)
			}
			// the isolate works, and what the run made is garbage
			if _, err := w.Run(context.Background(), "s = a = m = keep = b = undefined", RunOptions{}); err != nil {
				t.Fatalf("after %s: %v", code, err)
			}
			v, err := w.Run(context.Background(), "[1, 2].map(x => x * 2).join()", RunOptions{})
			if err != nil || v.String() != "2,4" {
				t.Fatalf("after %s: %v %v", code, v, err)
			}
			runtime.GC() // the next case starts from what is live

		}
	}
}

// TestMemoryLimitIsolates: an isolate that is not running when another
// passes the limit is not stopped, and both work after; -race checks the
// watchdog's bookkeeping from several goroutines.
func TestMemoryLimitIsolates(t *testing.T) {
	if testing.Short() {
		t.Skip("allocates up to a few hundred MB")
	}
	idle := NewIsolate(IsolateOptions{MemoryLimit: 32 << 20})
	var wg sync.WaitGroup
	errs := make([]error, 3)
	for i := range errs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			iso := NewIsolate(IsolateOptions{MemoryLimit: 32 << 20})
			_, errs[i] = iso.MainContext().Run(context.Background(), "let s = 'x'; for (;;) s += s", RunOptions{})
		}()
	}
	wg.Wait()
	for _, err := range errs {
		var ie *InterruptedError
		if !errors.As(err, &ie) || ie.Code != "ERR_JSVM_MEMORY_LIMIT" {
			t.Fatalf("%v", err)
		}
	}
	v, err := idle.MainContext().Run(context.Background(), "'ok'", RunOptions{})
	if err != nil || v.String() != "ok" {
		t.Fatalf("idle isolate: %v %v", v, err)
	}
}
