package core

import (
	"runtime"
	"syscall"
	"testing"

	"github.com/grafana/sobek"
)

// The cross-context call against its floor (issue #10): a JS loop calling
// a function of another runtime through the membrane, and the same call
// in bare sobek, one runtime calling another through a Proxy apply trap
// (what any membrane with one runtime per context pays). Both report
// "cpu-ns/op", the calling thread's CPU time, which a busy machine
// distorts less than the wall clock.

func BenchmarkCrossContextCall(b *testing.B) {
	iso := NewIsolate(IsolateOptions{})
	main := iso.Main()
	c := iso.Contextify(main.Runtime().NewObject(), main, ContextOptions{})
	s, _ := Compile("(function add(a) { return a + 1 })", ScriptOptions{})
	v, err := c.Run(s)
	if err != nil {
		b.Fatal(err)
	}
	rt := main.Runtime()
	mk, _ := rt.RunString("(function (add) { return function (n) { let s = 0; for (let i = 0; i < n; i++) s = add(i); return s } })")
	mkf, _ := sobek.AssertFunction(mk)
	loop, _ := mkf(nil, Carry(v, c, main))
	lf, _ := sobek.AssertFunction(loop)
	iso.push(main)
	defer iso.pop()
	runCrossLoop(b, lf, rt)
}

func BenchmarkCrossRuntimeCallFloor(b *testing.B) {
	ra, rb := sobek.New(), sobek.New()
	fv, _ := rb.RunString("(function add(a) { return a + 1 })")
	f, _ := sobek.AssertFunction(fv)
	pushOuterFrame(rb) // as the membrane keeps the callee's VM stack
	shadow := ra.ToValue(func(sobek.FunctionCall) sobek.Value { return nil }).(*sobek.Object)
	p := ra.NewProxy(shadow, &sobek.ProxyTrapConfig{Apply: func(_ *sobek.Object, this sobek.Value, args []sobek.Value) sobek.Value {
		v, err := f(this, args...)
		if err != nil {
			panic(err)
		}
		return v
	}})
	mk, _ := ra.RunString("(function (add) { return function (n) { let s = 0; for (let i = 0; i < n; i++) s = add(i); return s } })")
	mkf, _ := sobek.AssertFunction(mk)
	loop, _ := mkf(nil, ra.ToValue(p))
	lf, _ := sobek.AssertFunction(loop)
	runCrossLoop(b, lf, ra)
}

func runCrossLoop(b *testing.B, loop sobek.Callable, rt *sobek.Runtime) {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	b.ResetTimer()
	t := threadCPU()
	if _, err := loop(nil, rt.ToValue(b.N)); err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(threadCPU()-t)/float64(b.N), "cpu-ns/op")
}

// threadCPU is the calling thread's CPU time in ns (Linux RUSAGE_THREAD).
func threadCPU() int64 {
	var ru syscall.Rusage
	_ = syscall.Getrusage(1, &ru)
	return ru.Utime.Nano() + ru.Stime.Nano()
}
