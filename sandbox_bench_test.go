package jsvm_test

import (
	"context"
	"fmt"
	"runtime"
	"testing"
	"time"

	"github.com/jsvm-dev/jsvm"
)

// Side-by-side costs of a sandbox and a plain context (README figures).

func BenchmarkSandboxNew(b *testing.B) {
	for i := 0; i < b.N; i++ {
		sb, err := jsvm.NewSandbox(jsvm.SandboxOptions{})
		if err != nil {
			b.Fatal(err)
		}
		sb.Close()
	}
}

func BenchmarkPlainContextNew(b *testing.B) {
	iso := jsvm.NewIsolate(jsvm.IsolateOptions{})
	s, _ := jsvm.Compile("1", jsvm.ScriptOptions{})
	for i := 0; i < b.N; i++ {
		c, err := iso.NewContext(nil, jsvm.ContextOptions{})
		if err != nil {
			b.Fatal(err)
		}
		_, _ = c.RunScript(context.Background(), s, jsvm.RunOptions{}) // contexts set up lazily: one run
	}
}

func BenchmarkSandboxRunTiny(b *testing.B) {
	sb, _ := jsvm.NewSandbox(jsvm.SandboxOptions{})
	defer sb.Close()
	s, _ := jsvm.CompileSandboxScript("t.js", "1 + 1")
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := sb.RunScript(context.Background(), s); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkSandboxRunTinyLimited(b *testing.B) {
	sb, _ := jsvm.NewSandbox(jsvm.SandboxOptions{Timeout: 1e9, MemoryLimit: 64 << 20, CPULimit: 1e9})
	defer sb.Close()
	s, _ := jsvm.CompileSandboxScript("t.js", "1 + 1")
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := sb.RunScript(context.Background(), s); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkPlainContextRunTiny(b *testing.B) {
	iso := jsvm.NewIsolate(jsvm.IsolateOptions{})
	c, _ := iso.NewContext(nil, jsvm.ContextOptions{})
	s, _ := jsvm.Compile("1 + 1", jsvm.ScriptOptions{})
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := c.RunScript(context.Background(), s, jsvm.RunOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}

// One call from JS into a host function, arguments and result copied.
func BenchmarkSandboxExportCall(b *testing.B) {
	sb, _ := jsvm.NewSandbox(jsvm.SandboxOptions{})
	defer sb.Close()
	_ = sb.Export("f", func(args []any) (any, error) { return args[0], nil })
	s, _ := jsvm.CompileSandboxScript("t.js", fmt.Sprintf("for (let i = 0; i < %d; i++) f(i)", b.N))
	b.ResetTimer()
	if _, err := sb.RunScript(context.Background(), s); err != nil {
		b.Fatal(err)
	}
}

func BenchmarkSandboxExportCallObject(b *testing.B) {
	sb, _ := jsvm.NewSandbox(jsvm.SandboxOptions{})
	defer sb.Close()
	_ = sb.Export("f", func(args []any) (any, error) { return args[0], nil })
	s, _ := jsvm.CompileSandboxScript("t.js", fmt.Sprintf("const o = {a: 1, b: [1, 2, 3], c: 'str'}; for (let i = 0; i < %d; i++) f(o)", b.N))
	b.ResetTimer()
	if _, err := sb.RunScript(context.Background(), s); err != nil {
		b.Fatal(err)
	}
}

func BenchmarkPlainContextGoCall(b *testing.B) {
	iso := jsvm.NewIsolate(jsvm.IsolateOptions{})
	c, _ := iso.NewContext(map[string]any{"f": func(x any) any { return x }}, jsvm.ContextOptions{})
	s, _ := jsvm.Compile(fmt.Sprintf("for (let i = 0; i < %d; i++) f(i)", b.N), jsvm.ScriptOptions{})
	b.ResetTimer()
	if _, err := c.RunScript(context.Background(), s, jsvm.RunOptions{}); err != nil {
		b.Fatal(err)
	}
}

// Retained heap per idle sandbox (bytes/sandbox).
func BenchmarkSandboxRetained(b *testing.B) {
	const n = 50
	for i := 0; i < b.N; i++ {
		var m0, m1 runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&m0)
		keep := make([]*jsvm.Sandbox, n)
		for j := range keep {
			keep[j], _ = jsvm.NewSandbox(jsvm.SandboxOptions{})
		}
		runtime.GC()
		runtime.ReadMemStats(&m1)
		b.ReportMetric(float64(m1.HeapAlloc-m0.HeapAlloc)/n, "bytes/sandbox")
		runtime.KeepAlive(keep)
	}
}

// Process sandboxes (SandboxOptions.Process): creation with no warm
// worker (a process start), with a warm one, a tiny run's round trip over
// the pipe, and one call of an exported function from the worker.

func BenchmarkSandboxProcessNewCold(b *testing.B) {
	jsvm.WarmSandboxWorkers(0)
	defer jsvm.WarmSandboxWorkers(1)
	for i := 0; i < b.N; i++ {
		sb, err := jsvm.NewSandbox(jsvm.SandboxOptions{Process: true})
		if err != nil {
			b.Fatal(err)
		}
		sb.Close()
	}
}

func BenchmarkSandboxProcessNewWarm(b *testing.B) {
	jsvm.WarmSandboxWorkers(1)
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		time.Sleep(150 * time.Millisecond) // the pool refills in the background
		b.StartTimer()
		sb, err := jsvm.NewSandbox(jsvm.SandboxOptions{Process: true})
		if err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		sb.Close()
		b.StartTimer()
	}
}

func BenchmarkSandboxProcessRunTiny(b *testing.B) {
	sb, err := jsvm.NewSandbox(jsvm.SandboxOptions{Process: true})
	if err != nil {
		b.Fatal(err)
	}
	defer sb.Close()
	s, _ := jsvm.CompileSandboxScript("t.js", "1 + 1")
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := sb.RunScript(context.Background(), s); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkSandboxProcessRunTinyLimited(b *testing.B) {
	sb, err := jsvm.NewSandbox(jsvm.SandboxOptions{Process: true, Timeout: 1e9, MemoryLimit: 64 << 20, CPULimit: 1e9})
	if err != nil {
		b.Fatal(err)
	}
	defer sb.Close()
	s, _ := jsvm.CompileSandboxScript("t.js", "1 + 1")
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := sb.RunScript(context.Background(), s); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkSandboxProcessExportCall(b *testing.B) {
	sb, err := jsvm.NewSandbox(jsvm.SandboxOptions{Process: true})
	if err != nil {
		b.Fatal(err)
	}
	defer sb.Close()
	_ = sb.Export("f", func(args []any) (any, error) { return args[0], nil })
	s, _ := jsvm.CompileSandboxScript("t.js", fmt.Sprintf("for (let i = 0; i < %d; i++) f(i)", b.N))
	b.ResetTimer()
	if _, err := sb.RunScript(context.Background(), s); err != nil {
		b.Fatal(err)
	}
}

func BenchmarkSandboxProcessExportCallObject(b *testing.B) {
	sb, err := jsvm.NewSandbox(jsvm.SandboxOptions{Process: true})
	if err != nil {
		b.Fatal(err)
	}
	defer sb.Close()
	_ = sb.Export("f", func(args []any) (any, error) { return args[0], nil })
	s, _ := jsvm.CompileSandboxScript("t.js", fmt.Sprintf("const o = {a: 1, b: [1, 2, 3], c: 'str'}; for (let i = 0; i < %d; i++) f(o)", b.N))
	b.ResetTimer()
	if _, err := sb.RunScript(context.Background(), s); err != nil {
		b.Fatal(err)
	}
}
