package core

import (
	"testing"

	"github.com/grafana/sobek"
)

// TestHeldJobsWait pins the engine behaviour held runs rely on: a run
// nested in a frame of its runtime does not drain the job queue, and the
// jobs run when the frame returns. It fails loudly if sobek changes when
// it drains.
func TestHeldJobsWait(t *testing.T) {
	iso := NewIsolate(IsolateOptions{})
	main := iso.Main()
	c := iso.Contextify(main.Runtime().NewObject(), main, ContextOptions{})
	var log []string
	_ = c.Runtime().Set("log", func(call sobek.FunctionCall) sobek.Value {
		log = append(log, call.Argument(0).String())
		return sobek.Undefined()
	})
	s, err := Compile("Promise.resolve().then(() => log('job')); log('script')", ScriptOptions{})
	if err != nil {
		t.Fatal(err)
	}
	c.RunHeld(func() {
		if _, err := c.Run(s); err != nil {
			t.Error(err)
		}
	})
	log = append(log, "after run")
	if !c.Held() {
		t.Fatal("context not held after a held run")
	}
	c.Release()
	log = append(log, "after release")
	want := "script,after run,job,after release"
	if got := join(log); got != want {
		t.Fatalf("order %s, want %s", got, want)
	}
	// unheld, the jobs run before Run returns (sobek drains at the end)
	log = nil
	if _, err := c.Run(s); err != nil {
		t.Fatal(err)
	}
	log = append(log, "after run")
	if got := join(log); got != "script,job,after run" {
		t.Fatalf("unheld order %s", got)
	}
	// a held run nested in a held run of the same context runs in place
	var inner bool
	c.RunHeld(func() { c.RunHeld(func() { inner = true }) })
	if !inner {
		t.Fatal("nested held run did not run")
	}
	iso.ReleaseHeld()
	// a panic inside a held run reaches the caller
	defer func() {
		if recover() == nil {
			t.Error("panic lost")
		}
		iso.ReleaseHeld()
	}()
	c.RunHeld(func() { panic("boom") })
}

func join(s []string) string {
	out := ""
	for i, x := range s {
		if i > 0 {
			out += ","
		}
		out += x
	}
	return out
}

// TestHeldFrameLayout pins the sobek internals heldframe.go reads, on a
// bare runtime: the call stack depth seen from inside a call, the job
// queue length, and that an outermost-call marker defers draining until
// it is removed and the runtime is called again.
func TestHeldFrameLayout(t *testing.T) {
	if !frameLayout().ok {
		t.Fatal("sobek's Runtime.vm.callStack / Runtime.jobQueue layout changed: held runs cannot defer jobs")
	}
	rt := sobek.New()
	if d := callDepth(rt); d != 0 {
		t.Fatalf("idle depth %d", d)
	}
	var inside, queued int
	_ = rt.Set("probe", func(sobek.FunctionCall) sobek.Value {
		inside, queued = callDepth(rt), pendingJobs(rt)
		return sobek.Undefined()
	})
	var ran []string
	_ = rt.Set("log", func(c sobek.FunctionCall) sobek.Value {
		ran = append(ran, c.Argument(0).String())
		return sobek.Undefined()
	})
	if _, err := rt.RunString("Promise.resolve().then(() => log('job')); probe()"); err != nil {
		t.Fatal(err)
	}
	if inside == 0 || queued != 1 {
		t.Fatalf("inside a run: depth %d, jobs %d; want > 0 and 1", inside, queued)
	}
	if len(ran) != 1 || pendingJobs(rt) != 0 {
		t.Fatalf("jobs not drained at the end of an outermost run: %v", ran)
	}
	pushOuterFrame(rt)
	if _, err := rt.RunString("Promise.resolve().then(() => log('held'))"); err != nil {
		t.Fatal(err)
	}
	if len(ran) != 1 || pendingJobs(rt) != 1 {
		t.Fatalf("a run above the marker drained: ran %v, pending %d", ran, pendingJobs(rt))
	}
	if !popOuterFrame(rt) || callDepth(rt) != 0 {
		t.Fatal("marker not removed")
	}
	fn, _ := sobek.AssertFunction(rt.ToValue(func(sobek.FunctionCall) sobek.Value { return nil }))
	if _, err := fn(sobek.Undefined()); err != nil {
		t.Fatal(err)
	}
	if len(ran) != 2 || ran[1] != "held" {
		t.Fatalf("held job did not run on the next call: %v", ran)
	}
}

// TestRunHeldWithoutJobs: a held run that queues no job leaves nothing
// behind (no held frame, nothing for a release to do).
func TestRunHeldWithoutJobs(t *testing.T) {
	iso := NewIsolate(IsolateOptions{})
	main := iso.Main()
	c := iso.Contextify(main.Runtime().NewObject(), main, ContextOptions{})
	s, _ := Compile("1 + 1", ScriptOptions{})
	if c.RunHeld(func() { _, _ = c.Run(s) }) || c.Held() || callDepth(c.Runtime()) != 0 || len(iso.held) != 0 {
		t.Fatal("a run without jobs stayed held")
	}
}
