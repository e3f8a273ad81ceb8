package jsvm_test

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jsvm-dev/jsvm"
)

// Lock makes a second goroutine wait instead of failing; under contention
// every run happens, one goroutine at a time.
func TestLockContention(t *testing.T) {
	ctx := context.Background()
	iso := jsvm.NewIsolate(jsvm.IsolateOptions{})
	c, _ := iso.NewContext(map[string]any{"n": 0}, jsvm.ContextOptions{})
	var inside atomic.Int32
	_ = c.Set(ctx, "enter", func() {
		if inside.Add(1) != 1 {
			t.Error("two goroutines inside the isolate")
		}
	})
	_ = c.Set(ctx, "leave", func() { inside.Add(-1) })
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 50 {
				if err := iso.Lock(ctx); err != nil {
					t.Error(err)
					return
				}
				if _, err := c.Run(ctx, "enter(); n += 1; leave()", jsvm.RunOptions{}); err != nil {
					t.Error(err)
				}
				iso.Unlock()
			}
		}()
	}
	wg.Wait()
	v, _ := c.Get(ctx, "n")
	if ex(v) != int64(400) {
		t.Fatalf("n = %v, want 400", ex(v))
	}
	// without Lock a second goroutine still gets ErrIsolateBusy
	if err := iso.Lock(ctx); err != nil {
		t.Fatal(err)
	}
	errc := make(chan error)
	go func() { _, err := c.Run(ctx, "1", jsvm.RunOptions{}); errc <- err }()
	if err := <-errc; !errors.Is(err, jsvm.ErrIsolateBusy) {
		t.Errorf("got %v, want ErrIsolateBusy", err)
	}
	// Lock gives up when its context ends
	go func() {
		ctx, cancel := context.WithTimeout(ctx, 10*time.Millisecond)
		defer cancel()
		errc <- iso.Lock(ctx)
	}()
	if err := <-errc; !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("got %v, want DeadlineExceeded", err)
	}
	// locks nest on one goroutine
	if err := iso.Lock(ctx); err != nil {
		t.Fatal(err)
	}
	iso.Unlock()
	iso.Unlock()
	if _, err := c.Run(ctx, "1", jsvm.RunOptions{}); err != nil {
		t.Fatal(err)
	}
}

func TestPool(t *testing.T) {
	ctx := context.Background()
	s, _ := jsvm.Compile("handle(req)", jsvm.ScriptOptions{})
	pool, err := jsvm.NewPool(3, jsvm.IsolateOptions{}, func(iso *jsvm.Isolate) error {
		_, err := iso.MainContext().Run(ctx, "function handle(r) { return r * 2 }", jsvm.RunOptions{})
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	var sum atomic.Int64
	for g := range 6 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 40 {
				err := pool.Do(ctx, func(iso *jsvm.Isolate) error {
					c := iso.MainContext()
					if err := c.Set(ctx, "req", g*100+i); err != nil {
						return err
					}
					v, err := c.RunScript(ctx, s, jsvm.RunOptions{Timeout: time.Second})
					if err != nil {
						return err
					}
					n, err := v.Export(ctx)
					sum.Add(n.(int64))
					return err
				})
				if err != nil {
					t.Error(err)
				}
			}
		}()
	}
	wg.Wait()
	want := int64(0)
	for g := range 6 {
		for i := range 40 {
			want += int64(2 * (g*100 + i))
		}
	}
	if sum.Load() != want {
		t.Fatalf("sum %d, want %d", sum.Load(), want)
	}
	// a cancelled wait returns the context's error
	cctx, cancel := context.WithCancel(ctx)
	block := make(chan struct{})
	for range pool.Size() {
		go func() { _ = pool.Do(ctx, func(*jsvm.Isolate) error { <-block; return nil }) }()
	}
	time.Sleep(10 * time.Millisecond)
	cancel()
	if err := pool.Do(cctx, func(*jsvm.Isolate) error { return nil }); !errors.Is(err, context.Canceled) {
		t.Errorf("got %v", err)
	}
	close(block)
}

// BenchmarkPoolRequests measures requests/s through a Pool with one
// isolate per core: each request makes a fresh context, runs a small
// handler compiled once and exports its result.
func BenchmarkPoolRequests(b *testing.B) {
	ctx := context.Background()
	s, _ := jsvm.Compile(`JSON.stringify({path: req.path, items: req.ids.map(id => ({id, name: 'item' + id}))})`, jsvm.ScriptOptions{})
	pool, _ := jsvm.NewPool(runtime.GOMAXPROCS(0), jsvm.IsolateOptions{}, nil)
	b.ReportAllocs()
	b.ResetTimer()
	start := time.Now()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			err := pool.Do(ctx, func(iso *jsvm.Isolate) error {
				c, err := iso.NewContext(map[string]any{"req": map[string]any{"path": "/items", "ids": []int{1, 2, 3}}}, jsvm.ContextOptions{})
				if err != nil {
					return err
				}
				v, err := c.RunScript(ctx, s, jsvm.RunOptions{Timeout: time.Second})
				if err != nil {
					return err
				}
				_, err = v.Export(ctx)
				return err
			})
			if err != nil {
				b.Fatal(err)
			}
		}
	})
	b.ReportMetric(float64(b.N)/time.Since(start).Seconds(), "req/s")
}

func ExamplePool() {
	ctx := context.Background()
	handler, _ := jsvm.Compile("`hello, ${name}`", jsvm.ScriptOptions{})
	pool, _ := jsvm.NewPool(2, jsvm.IsolateOptions{DefaultTimeout: time.Second}, nil)
	var wg sync.WaitGroup
	out := make([]string, 4)
	for i, name := range []string{"ann", "bob", "cy", "dee"} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_ = pool.Do(ctx, func(iso *jsvm.Isolate) error {
				c, err := iso.NewContext(map[string]any{"name": name}, jsvm.ContextOptions{})
				if err != nil {
					return err
				}
				v, err := c.RunScript(ctx, handler, jsvm.RunOptions{})
				out[i] = v.String()
				return err
			})
		}()
	}
	wg.Wait()
	fmt.Println(out)
	// Output: [hello, ann hello, bob hello, cy hello, dee]
}

func ExampleIsolate_Lock() {
	ctx := context.Background()
	iso := jsvm.NewIsolate(jsvm.IsolateOptions{})
	c, _ := iso.NewContext(map[string]any{"hits": 0}, jsvm.ContextOptions{})
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := iso.Lock(ctx); err != nil { // waits for its turn
				return
			}
			defer iso.Unlock()
			_, _ = c.Run(ctx, "hits++", jsvm.RunOptions{})
		}()
	}
	wg.Wait()
	v, _ := c.Get(ctx, "hits")
	fmt.Println(v)
	// Output: 4
}

func TestNewPromise(t *testing.T) {
	ctx := context.Background()
	iso := jsvm.NewIsolate(jsvm.IsolateOptions{})
	c, _ := iso.NewContext(nil, jsvm.ContextOptions{})
	p, resolve, reject, err := c.NewPromise()
	if err != nil {
		t.Fatal(err)
	}
	_ = c.Set(ctx, "p", p)
	r, _ := c.Run(ctx, "p.then(() => 'no', e => 'rejected: ' + e.message)", jsvm.RunOptions{})
	e, _ := c.NewError("TypeError", "bad input")
	if err := reject(e); err != nil {
		t.Fatal(err)
	}
	if err := resolve(1); err != nil { // settled already: nothing
		t.Fatal(err)
	}
	v, err := r.Await(ctx)
	if err != nil || v.String() != "rejected: bad input" || p.State() != jsvm.PromiseRejected {
		t.Fatalf("got %v %v %v", v, err, p.State())
	}
	if err := p.Await(ctx); err == nil || !strings.Contains(err.Error(), "bad input") {
		t.Errorf("Await of the rejected promise: %v", err)
	}
	// settling from a goroutine that does not hold the isolate is busy
	_, resolve2, _, _ := c.NewPromise()
	started, release := make(chan struct{}), make(chan struct{})
	_ = c.Set(ctx, "block", func() { close(started); <-release })
	go func() { _, _ = c.Run(ctx, "block()", jsvm.RunOptions{}) }()
	<-started
	if err := resolve2(1); !errors.Is(err, jsvm.ErrIsolateBusy) {
		t.Errorf("resolve while busy: %v", err)
	}
	close(release)
	other := jsvm.NewIsolate(jsvm.IsolateOptions{})
	oc, _ := other.NewContext(nil, jsvm.ContextOptions{})
	ov, _ := oc.Run(ctx, "({})", jsvm.RunOptions{})
	_ = iso.Lock(ctx)
	defer iso.Unlock()
	if err := resolve2(ov); !errors.Is(err, jsvm.ErrOtherIsolate) {
		t.Errorf("resolve with another isolate's value: %v", err)
	}
}
