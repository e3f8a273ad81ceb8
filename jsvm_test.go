package jsvm_test

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"sync"
	"testing"
	"time"

	"github.com/jsvm-dev/jsvm"
)

func TestParallelIsolates(t *testing.T) {
	s, err := jsvm.Compile("let acc = 0; for (let i = 0; i < n; i++) acc += i; acc", jsvm.ScriptOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			iso := jsvm.NewIsolate(jsvm.IsolateOptions{})
			for i := range 20 {
				n := g*100 + i
				c, err := iso.NewContext(map[string]any{"n": n}, jsvm.ContextOptions{})
				if err != nil {
					errs <- err
					return
				}
				v, err := s.RunInContext(context.Background(), c, jsvm.RunOptions{})
				if err != nil {
					errs <- err
					return
				}
				if got, want := ex(v), int64(n*(n-1)/2); got != want {
					errs <- fmt.Errorf("n=%d: got %v want %v", n, got, want)
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

func TestIsolateBusy(t *testing.T) {
	iso := jsvm.NewIsolate(jsvm.IsolateOptions{})
	c, _ := iso.NewContext(nil, jsvm.ContextOptions{})
	started := make(chan struct{})
	release := make(chan struct{})
	if err := c.Set(context.Background(), "block", func() { close(started); <-release }); err != nil {
		t.Fatal(err)
	}
	done := make(chan error)
	go func() {
		_, err := c.Run(context.Background(), "block(); 1", jsvm.RunOptions{})
		done <- err
	}()
	<-started
	if _, err := c.Run(context.Background(), "2", jsvm.RunOptions{}); !errors.Is(err, jsvm.ErrIsolateBusy) {
		t.Errorf("second goroutine: got %v, want ErrIsolateBusy", err)
	}
	close(release)
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	// nested use from a Go function called by JS, on the same goroutine
	if err := c.Set(context.Background(), "nested", func() string {
		v, err := c.Run(context.Background(), "'inner'", jsvm.RunOptions{})
		if err != nil {
			return err.Error()
		}
		return v.String()
	}); err != nil {
		t.Fatal(err)
	}
	v, err := c.Run(context.Background(), "nested()", jsvm.RunOptions{})
	if err != nil || v.String() != "inner" {
		t.Errorf("nested: %v %v", v, err)
	}
}

func TestCancel(t *testing.T) {
	iso := jsvm.NewIsolate(jsvm.IsolateOptions{})
	c, _ := iso.NewContext(nil, jsvm.ContextOptions{})
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(10*time.Millisecond, cancel)
	_, err := c.Run(ctx, "for (;;) {}", jsvm.RunOptions{})
	var ie *jsvm.InterruptedError
	if !errors.As(err, &ie) || !errors.Is(err, context.Canceled) || ie.Code != "ERR_SCRIPT_EXECUTION_INTERRUPTED" {
		t.Fatalf("got %v", err)
	}
	// the context is reusable and carries no stale interrupt
	v, err := c.Run(context.Background(), "6 * 7", jsvm.RunOptions{})
	if err != nil || ex(v) != int64(42) {
		t.Fatalf("after cancel: %v %v", v, err)
	}
	ctx, cancel2 := context.WithTimeout(context.Background(), 10*time.Millisecond)
	defer cancel2()
	// a loop that calls into another context: the interrupt must reach the
	// runtime that is executing.
	other, _ := iso.NewContext(nil, jsvm.ContextOptions{})
	spin, _ := other.Run(context.Background(), "(function spin() { for (;;) {} })", jsvm.RunOptions{})
	_ = c.Set(context.Background(), "spin", spin)
	_, err = c.Run(ctx, "spin()", jsvm.RunOptions{})
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("cross-context: got %v", err)
	}
	if v, err := other.Run(context.Background(), "1", jsvm.RunOptions{}); err != nil || ex(v) != int64(1) {
		t.Fatalf("other after interrupt: %v %v", v, err)
	}
}

func TestValuesAcrossContexts(t *testing.T) {
	iso := jsvm.NewIsolate(jsvm.IsolateOptions{})
	a, _ := iso.NewContext(nil, jsvm.ContextOptions{})
	b, _ := iso.NewContext(nil, jsvm.ContextOptions{})
	obj, _ := a.Run(context.Background(), "globalThis.shared = {n: 1}; shared", jsvm.RunOptions{})
	if err := b.Set(context.Background(), "o", obj); err != nil {
		t.Fatal(err)
	}
	v, err := b.Run(context.Background(), "o.n += 1; [o instanceof Object, o.n]", jsvm.RunOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if got := fmt.Sprint(ex(v)); got != "[false 2]" {
		t.Errorf("got %s", got)
	}
	back, _ := b.Get(context.Background(), "o")
	if !back.StrictEquals(obj) {
		t.Error("identity lost across contexts")
	}
	n, _ := a.Run(context.Background(), "shared.n", jsvm.RunOptions{})
	if ex(n) != int64(2) {
		t.Errorf("write through the membrane not seen: %v", ex(n))
	}
	fn, _ := a.Run(context.Background(), "(x) => { if (x < 0) throw new TypeError('neg'); return x * 2 }", jsvm.RunOptions{})
	r, err := fn.Call(context.Background(), nil, 21)
	if err != nil || ex(r) != int64(42) {
		t.Errorf("call: %v %v", r, err)
	}
	_, err = fn.Call(context.Background(), nil, -1)
	var je *jsvm.Error
	if !errors.As(err, &je) || je.Name != "TypeError" || je.Message != "neg" {
		t.Errorf("thrown: %#v", err)
	}
}

// Creating and dropping contexts keeps the heap flat: neither the
// membrane's tables nor the sandbox registry keep dead contexts alive.
func TestContextsAreCollected(t *testing.T) {
	n := 100_000
	if testing.Short() {
		n = 20_000
	}
	iso := jsvm.NewIsolate(jsvm.IsolateOptions{})
	s, _ := jsvm.Compile("var o = {a: [1, 2, 3]}; o", jsvm.ScriptOptions{})
	keep, _ := iso.NewContext(nil, jsvm.ContextOptions{})
	heap := func() uint64 {
		runtime.GC()
		runtime.GC()
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		return ms.HeapAlloc
	}
	loop := func(count int) {
		for range count {
			c, err := iso.NewContext(nil, jsvm.ContextOptions{})
			if err != nil {
				t.Fatal(err)
			}
			v, err := s.RunInContext(context.Background(), c, jsvm.RunOptions{})
			if err != nil {
				t.Fatal(err)
			}
			// the result crosses into another context and back
			if err := keep.Set(context.Background(), "last", v); err != nil {
				t.Fatal(err)
			}
		}
	}
	loop(1000)
	before := heap()
	loop(n)
	after := heap()
	growth := int64(after) - int64(before)
	t.Logf("heap before %d KiB, after %d KiB, growth over %d contexts: %d bytes/context", before>>10, after>>10, n, growth/int64(n))
	if growth > 16<<20 {
		t.Errorf("heap grew by %d MiB over %d dropped contexts", growth>>20, n)
	}
}

func ex(v jsvm.Value) any {
	x, err := v.Export(context.Background())
	if err != nil {
		return err
	}
	return x
}
