// Package bench measures jsvm against the targets in the README. Run
// `go test -bench . ./bench` for the Go side, or ./compare.sh for jsvm
// and node side by side as ratios. These are benchmarks, not tests: no
// figure here is asserted.
package bench

import (
	"context"
	"runtime"
	"testing"

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
	const n = 2000
	s, _ := jsvm.Compile("var y = x + 1", jsvm.ScriptOptions{})
	for b.Loop() {
		iso := jsvm.NewIsolate(jsvm.IsolateOptions{})
		keep := make([]*jsvm.Context, 0, n)
		before := heapInUse()
		for range n {
			c, _ := iso.NewContext(map[string]any{"x": 1}, jsvm.ContextOptions{})
			if _, err := s.RunInContext(context.Background(), c, jsvm.RunOptions{}); err != nil {
				b.Fatal(err)
			}
			keep = append(keep, c)
		}
		after := heapInUse()
		b.ReportMetric(float64(after-before)/n, "bytes/context")
		runtime.KeepAlive(keep)
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
