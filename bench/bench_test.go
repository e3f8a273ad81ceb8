// Package bench measures jsvm against the targets in the README. Run
// `go test -bench . ./bench` for the Go side, or ./compare.sh for jsvm
// and node side by side as ratios. These are benchmarks, not tests: no
// figure here is asserted.
package bench

import (
	"context"
	"runtime"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/jsvm-dev/jsvm"
)

// BenchmarkContextCreateAndRun is vm.createContext plus running a tiny
// precompiled script in it (Node: createContext + runInContext).
func BenchmarkContextCreateAndRun(b *testing.B) {
	iso := jsvm.NewIsolate(jsvm.IsolateOptions{})
	s, err := jsvm.Compile("x + 1", jsvm.ScriptOptions{})
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		c, err := iso.NewContext(map[string]any{"x": 1}, jsvm.ContextOptions{})
		if err != nil {
			b.Fatal(err)
		}
		if _, err := s.RunInContext(ctx, c, jsvm.RunOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRetainedPerContext reports the heap retained per idle context
// (after one tiny run) as bytes/context.
func BenchmarkRetainedPerContext(b *testing.B) {
	// one op is one context, made in batches of at most 2,000 kept until
	// the heap after them is read (outside the timer); a whole batch per
	// op made -benchtime Nx cost N batches and 2N forced collections
	const batch = 2000
	s, _ := jsvm.Compile("var y = x + 1", jsvm.ScriptOptions{})
	var retained, made int64
	b.ResetTimer()
	for left := b.N; left > 0; left -= batch {
		n := min(left, batch)
		b.StopTimer()
		iso := jsvm.NewIsolate(jsvm.IsolateOptions{})
		keep := make([]*jsvm.Context, 0, n)
		before := heapInUse()
		b.StartTimer()
		for range n {
			c, _ := iso.NewContext(map[string]any{"x": 1}, jsvm.ContextOptions{})
			if _, err := s.RunInContext(context.Background(), c, jsvm.RunOptions{}); err != nil {
				b.Fatal(err)
			}
			keep = append(keep, c)
		}
		b.StopTimer()
		retained += heapInUse() - before
		made += int64(n)
		runtime.KeepAlive(keep)
		b.StartTimer()
	}
	if made >= 100 { // fewer contexts than that measure the collector's noise
		b.ReportMetric(float64(retained)/float64(made), "bytes/context")
	}
}

func heapInUse() int64 {
	runtime.GC()
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return int64(ms.HeapAlloc)
}

// BenchmarkGlobalLoop reads and writes a sandbox global 1e6 times inside a
// context, as Node's vm benchmarks do.
func BenchmarkGlobalLoop(b *testing.B) {
	iso := jsvm.NewIsolate(jsvm.IsolateOptions{})
	s, _ := jsvm.Compile("for (i = 0; i < 1e6; i++) { counter = counter + 1 }", jsvm.ScriptOptions{})
	for b.Loop() {
		c, _ := iso.NewContext(nil, jsvm.ContextOptions{})
		_ = c.Set(context.Background(), "counter", 0)
		if _, err := s.RunInContext(context.Background(), c, jsvm.RunOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkTimeoutOverhead is a tiny run with and without a timeout: the
// difference is what a timeout costs.
func BenchmarkTimeoutOverhead(b *testing.B) {
	iso := jsvm.NewIsolate(jsvm.IsolateOptions{})
	c, _ := iso.NewContext(nil, jsvm.ContextOptions{})
	s, _ := jsvm.Compile("1", jsvm.ScriptOptions{})
	for _, tc := range []struct {
		name string
		opts jsvm.RunOptions
	}{{"none", jsvm.RunOptions{}}, {"timeout", jsvm.RunOptions{Timeout: 1e9}}} {
		b.Run(tc.name, func(b *testing.B) {
			for b.Loop() {
				if _, err := s.RunInContext(context.Background(), c, tc.opts); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkTwoIsolates runs the same CPU-bound script on one isolate, then
// on two isolates on two goroutines, and reports the throughput of two
// against one as "speedup" (2.0 is perfect scaling; needs 2 idle cores).
// On a busy machine the wall clock says little; "cpu/work" is the process
// CPU time the two spent per unit of work against the one's (1.0: running
// side by side costs nothing extra — no lock spinning, no shared state
// fought over), which holds whatever else runs. Run with -mutexprofile /
// -blockprofile to see any lock the isolates wait on.
func BenchmarkTwoIsolates(b *testing.B) {
	twoIsolates(b, "(() => { let x = 0; for (let i = 0; i < 2e5; i++) { x = (x + i * 7) % 1000003 } return x })()", 20)
}

// BenchmarkTwoIsolatesTiny is BenchmarkTwoIsolates with many tiny runs
// (40,000 of `x + 1` per isolate): what is shared per run — the heap
// watchdog's registration, locks — shows here, not in long runs.
func BenchmarkTwoIsolatesTiny(b *testing.B) {
	twoIsolates(b, "x + 1", 40000)
}

func twoIsolates(b *testing.B, src string, n int) {
	s, err := jsvm.Compile(src, jsvm.ScriptOptions{})
	if err != nil {
		b.Fatal(err)
	}
	work := func(n int) {
		iso := jsvm.NewIsolate(jsvm.IsolateOptions{})
		c, _ := iso.NewContext(map[string]any{"x": 1}, jsvm.ContextOptions{})
		for range n {
			if _, err := s.RunInContext(context.Background(), c, jsvm.RunOptions{}); err != nil {
				b.Error(err)
				return
			}
		}
	}
	for b.Loop() {
		start, cpu := time.Now(), processCPU()
		work(n)
		one, oneCPU := time.Since(start), processCPU()-cpu
		start, cpu = time.Now(), processCPU()
		var wg sync.WaitGroup
		for range 2 {
			wg.Add(1)
			go func() { defer wg.Done(); work(n) }()
		}
		wg.Wait()
		two, twoCPU := time.Since(start), processCPU()-cpu
		b.ReportMetric(2*float64(one)/float64(two), "speedup")
		b.ReportMetric(float64(twoCPU)/float64(2*oneCPU), "cpu/work")
	}
}

// processCPU is the process's user+system CPU time so far.
func processCPU() time.Duration {
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
